package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// The bigram field holds each unit's folded syllable pairs ("nhan dan",
// "dan xa" …). They were made by bleve: the unicode tokenizer, the fold
// filter and the shingle filter ran over every sentence a second time, after
// the text field's analysis and prepare had split and folded it already.
// Now they are made from the words prepare numbered (appendPairs), and the
// field's analyzer only cuts them apart. The words are split as questions
// are (at every character that is no letter or digit), so a pair is now
// also found where the tokenizer kept "1.234" or "TP.HCM" as one word,
// which no question's pair could meet.

// pairsTokenizerName cuts the bigram field's value, pairs joined by
// pairSep, into one term a pair.
const pairsTokenizerName = "kyanhbot_pairs"

// pairSep separates pairs; folded words hold only letters and digits.
const pairSep = ','

func init() {
	must(registry.RegisterTokenizer(pairsTokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return pairsTokenizer{}, nil
	}))
}

type pairsTokenizer struct{}

// Tokenize cuts in at pairSep, with all tokens in one allocation.
func (pairsTokenizer) Tokenize(in []byte) analysis.TokenStream {
	n := 1
	for _, b := range in {
		if b == pairSep {
			n++
		}
	}
	toks := make([]analysis.Token, 0, n)
	out := make(analysis.TokenStream, 0, n)
	for start := 0; start < len(in); {
		end := start
		for end < len(in) && in[end] != pairSep {
			end++
		}
		if end > start {
			toks = append(toks, analysis.Token{Term: in[start:end:end], Start: start, End: end, Position: len(toks) + 1, Type: analysis.AlphaNumeric})
			out = append(out, &toks[len(toks)-1])
		}
		start = end + 1
	}
	return out
}

// appendPairs appends to dst the pairs of consecutive words of enc (a
// unit's words, numbered by the vocab whose folds are given), pairSep
// between them.
func appendPairs(dst []byte, enc string, folds []string) []byte {
	prev := ""
	for p := 0; p < len(enc); {
		var w uint32
		w, p = nextWord(enc, p)
		f := folds[w]
		if f == "" {
			continue
		}
		if prev != "" {
			if len(dst) > 0 {
				dst = append(dst, pairSep)
			}
			dst = append(dst, prev...)
			dst = append(dst, ' ')
			dst = append(dst, f...)
		}
		prev = f
	}
	return dst
}
