package index

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	gounicode "unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/kyanhbot/kyanhbot/content"
)

// Analyzer and token filter names. Any program that opens a saved index must
// link this package, because bleve resolves these names from its registry.
const (
	foldFilterName = "kyanhbot_fold"  // per token: canonical tones, no diacritics, đ→d, lower case
	toneFilterName = "kyanhbot_tone"  // per token: canonical tone placement, lower case, accents kept
	tokenizerName  = "kyanhbot_words" // bleve's unicode words, a superscript digit one of the word's digits
	analyzerFold   = "vi_fold"        // accent-insensitive syllables
	analyzerExact  = "vi_exact"       // accented syllables, so exact accents can rank first
)

// The filters fold per token rather than with bleve's asciifolding char
// filter: that one runs before tokenizing and shifts highlight offsets on
// Vietnamese, and it leaves NFD combining marks alone.
func init() {
	must(registry.RegisterTokenizer(tokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordsTokenizer{unicode.NewUnicodeTokenizer()}, nil
	}))
	must(registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
}

// must is only for registration at init: a name clash there is a programming
// error that no caller could handle.
func must(err error) {
	if err != nil {
		panic(fmt.Sprintf("index: register analysis: %v", err))
	}
}

// foldCache remembers folded syllables: a language has a few thousand, so
// nearly every token of a build is a hit, and folding is the costliest step
// of analysis. It stops growing at foldCacheMax entries.
var foldCache = struct {
	sync.RWMutex
	m map[string]folded
}{m: map[string]folded{}}

// folded is a syllable's folded form, also as bytes: the fold filter hands
// the same bytes to every token of that syllable instead of converting
// the term to a string and back (two allocations a token of every
// sentence).
type folded struct {
	s string
	b []byte
}

const foldCacheMax = 200000

// foldSyllable is the form a syllable is indexed and compared by: folded,
// and an English word in its EnglishForm ("centres" → "center").
func foldSyllable(s string) string {
	foldCache.RLock()
	f, ok := foldCache.m[s]
	foldCache.RUnlock()
	if ok {
		return f.s
	}
	return foldNew(s).s
}

// foldTerm is foldSyllable of a token's term.
func foldTerm(term []byte) []byte {
	foldCache.RLock()
	f, ok := foldCache.m[string(term)]
	foldCache.RUnlock()
	if ok {
		return f.b
	}
	return foldNew(string(term)).b
}

func foldNew(s string) folded {
	// The cache outlives the corpus s may be a slice of, whose text may be
	// mapped and unmapped after a reload: key and value own their bytes.
	s = strings.Clone(s)
	fs := strings.Clone(content.EnglishForm(content.Fold(s)))
	f := folded{s: fs, b: []byte(fs)}
	f.b = f.b[:len(f.b):len(f.b)] // an append to a token's term copies it
	foldCache.Lock()
	if len(foldCache.m) < foldCacheMax {
		foldCache.m[s] = f
	}
	foldCache.Unlock()
	return f
}

// foldFilter folds each token's term, dropping those that fold to
// nothing. The terms it gives share their bytes: no filter comes after
// it, and bleve copies a term when it keys it.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		b := foldTerm(t.Term)
		if len(b) == 0 {
			continue
		}
		t.Term = b
		out = append(out, t)
	}
	return out
}

// wordsTokenizer is bleve's unicode tokenizer, but for a superscript
// digit, which it reads as a digit (content.SuperscriptDigit): "12 km²"
// gives "km²", folded "km2" as a question's "km2" is, where the unicode
// tokenizer gives "km" (a distance's word). The superscripts are two
// bytes each: the text is tokenized with each as the two digits "00", and
// each token's term taken back from the text.
type wordsTokenizer struct{ analysis.Tokenizer }

func (t wordsTokenizer) Tokenize(in []byte) analysis.TokenStream {
	var as []byte
	for i := 0; i+1 < len(in); i++ {
		if in[i] != 0xC2 {
			continue
		}
		if _, ok := content.SuperscriptDigit(rune(in[i+1])); ok {
			if as == nil {
				as = slices.Clone(in)
			}
			as[i], as[i+1] = '0', '0'
			i++
		}
	}
	if as == nil {
		return t.Tokenizer.Tokenize(in)
	}
	toks := t.Tokenizer.Tokenize(as)
	for _, tok := range toks {
		tok.Term = in[tok.Start:tok.End]
	}
	return toks
}

// newMapping describes one index unit in bleve: its id alone, which
// numbers it. Its text's folded syllables and their pairs, its kind and
// the documents it cites are postings of our own (terms.go, pairs.go,
// keywords.go), the syllables analysed by the analyzer registered here.
// Exact accents are not indexed: re-ranking compares them on the few
// candidates, which costs far less than a second copy of every sentence.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	if err := m.AddCustomAnalyzer(analyzerFold, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []string{foldFilterName},
	}); err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", analyzerFold, err)
	}

	doc := mapping.NewDocumentStaticMapping()
	// No _all composite field: nothing searches it, and bleve would still
	// visit it for every unit.
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerFold
	return m, nil
}

// Character classes of the fast tokenizer (plainTokens), as Unicode's
// word-break rules (UAX #29, which bleve's unicode tokenizer follows)
// class them.
const (
	tkOther     = iota // a break on both sides
	tkLetter           // ALetter
	tkDigit            // Numeric
	tkMidLetter        // ':' — joins two letters
	tkMidNum           // ',' ';' — join two digits
	tkMidNumLet        // '.' '\'' — join two letters or two digits
	tkUnsafe           // anything else: left to the unicode tokenizer
)

// asciiClass is each ASCII byte's class. '_' (ExtendNumLet, which joins
// anything) is left to the unicode tokenizer.
var asciiClass = func() (t [128]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = tkLetter
		case '0' <= c && c <= '9':
			t[c] = tkDigit
		case c == ':':
			t[c] = tkMidLetter
		case c == ',' || c == ';':
			t[c] = tkMidNum
		case c == '.' || c == '\'':
			t[c] = tkMidNumLet
		case c == '_':
			t[c] = tkUnsafe
		}
	}
	return t
}()

// tokenClass is the class of the rune at s[i] and its size.
func tokenClass(s string, i int) (uint8, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError:
		return tkUnsafe, n
	// Latin-1's and Latin Extended A and B's letters, and Latin Extended
	// Additional's (Vietnamese's letters with tones), are ALetter.
	case r < 0x250 || r >= 0x1E00 && r <= 0x1EFF:
		if gounicode.IsLetter(r) {
			return tkLetter, n
		}
		// "km²" is one word, as wordsTokenizer makes it.
		if _, ok := content.SuperscriptDigit(r); ok {
			return tkDigit, n
		}
		// Latin-1's signs break, but for the soft hyphen (Format,
		// which joins) and the middle dot (MidLetter).
		if r >= 0xA0 && r != 0xAD && r != 0xB7 {
			return tkOther, n
		}
	// The punctuation Vietnamese pages write: dashes, curly double
	// quotes, a bullet and an ellipsis break; curly single quotes are
	// apostrophes (MidNumLet).
	case r == 0x2013 || r == 0x2014 || r == 0x201C || r == 0x201D || r == 0x2022 || r == 0x2026:
		return tkOther, n
	case r == 0x2018 || r == 0x2019:
		return tkMidNumLet, n
	}
	return tkUnsafe, n
}

// tokensAreWords reports that plainTokens(s) can tokenize s and that its
// tokens are eachWord's words of s, one for one: no rune of s is left to
// the unicode tokenizer, and no joiner (':', ',', ';', '.', an
// apostrophe) stands between two letters or digits, where plainTokens
// may join what eachWord splits. Both then cut s at every rune that is
// neither a letter nor a digit (TestTokensAreWords).
func tokensAreWords(s string) bool {
	prev := uint8(tkOther)
	for i := 0; i < len(s); {
		c, n := tokenClass(s, i)
		switch c {
		case tkUnsafe:
			return false
		case tkMidLetter, tkMidNum, tkMidNumLet:
			if (prev == tkLetter || prev == tkDigit) && i+n < len(s) {
				if next, _ := tokenClass(s, i+n); next == tkLetter || next == tkDigit {
					return false
				}
			}
		}
		prev = c
		i += n
	}
	return true
}

// plainTokens appends to toks each token bleve's unicode tokenizer makes
// of s, and reports whether it could: text with a
// rune beyond Latin letters, ASCII and Vietnamese's is left to the
// tokenizer (false). On the rest, a token is a run of letters and digits,
// which a ':' joins between two letters, a ',' or ';' between two digits,
// and a '.' or an apostrophe between two letters or two digits (word
// break rules WB5–WB12); everything else breaks. The unicode tokenizer
// (a state machine over every rune, with a token allocated for each) was
// most of the text postings' CPU; TestPlainTokensAsBleve compares the two.
func plainTokens(s string, toks []string) ([]string, bool) {
	for i := 0; i < len(s); {
		c, n := tokenClass(s, i)
		if c == tkUnsafe {
			return toks, false
		}
		if c != tkLetter && c != tkDigit {
			i += n
			continue
		}
		start, prev := i, c
		i += n
		for i < len(s) {
			c, n := tokenClass(s, i)
			if c == tkLetter || c == tkDigit {
				prev = c
				i += n
				continue
			}
			if c == tkUnsafe {
				return toks, false
			}
			if c == tkOther || i+n >= len(s) {
				break
			}
			next, m := tokenClass(s, i+n)
			if next == tkUnsafe {
				return toks, false
			}
			if next != prev || !(c == tkMidNumLet || c == tkMidLetter && prev == tkLetter || c == tkMidNum && prev == tkDigit) {
				break
			}
			i += n + m
		}
		toks = append(toks, s[start:i])
	}
	return toks, true
}
