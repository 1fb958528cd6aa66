package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/vellum"
	"github.com/blevesearch/vellum/levenshtein"
)

// The text field: each unit's folded syllables, as bleve's analyzer
// (vi_fold: the unicode tokenizer and the fold filter) gives them.
//
// bleve indexed them as its one analysed field, and writing that field's
// segments and merging them was as much CPU as plain bleve's whole build.
// The syllables are now postings of our own, made as the pairs are once
// the bleve index is final (which keeps only the units' kinds and
// documents), by running the same analyzer over the same text on every
// core. textQuery scores a term exactly as bleve's TermQuery scored it in
// the field (tf-idf: sqrt(freq), the norm 1/sqrt(tokens in the unit) as
// a float32, idf over the index's document count), and fuzzyQuery finds
// the terms a FuzzyQuery found, with vellum's Levenshtein automaton (with
// transpositions, as scorch builds it) over a vellum FST of the terms, as
// zapx walks its dictionary, each boosted 1/(1+distance) inside bleve's
// own disjunction searcher. TestTextQueryScoresAsBleveField checks every
// score against the field.

// termIndex holds, per folded syllable, the units writing it, by bleve
// document number in the snapshot it was built for.
type termIndex struct {
	dict  *vellum.FST // term → number, in byte order
	start []uint32    // term t's postings are at data[start[t]:]
	postings
}

// termShare is one worker's share of the documents while the postings are
// made: its own numbering of the terms it met, and per document the
// distinct terms and how often each occurs.
type termShare struct {
	lo, hi int
	id     map[string]uint32
	terms  []string
	// Per document, in order: its distinct terms and how often each
	// occurs, n entries in blocks of termBlock. One slice each, grown
	// by appending, was made about twice over and copied as it grew
	// (255 MB allocated at 10,000 articles, in the step where the
	// build's live heap is highest); blocks are made once, and at most
	// one is partly used.
	ids, freq [][]uint32
	n         int
	end       []uint32 // document lo+k's entries end at end[k]
}

// termBlockBits sets the entries of a termShare's block: 1<<16, 256 KiB
// of each.
const (
	termBlockBits = 16
	termBlock     = 1 << termBlockBits
)

// entry is where entry e is in a share's blocks.
func entry(e uint32) (block, at uint32) { return e >> termBlockBits, e & (termBlock - 1) }

// buildTerms makes the text postings and the term counts (df) for the
// bleve index as it now stands. It must follow the index's last change.
// termsFromWords lets buildTerms read a unit's terms from its words where
// they are its tokens (unit.wordsAreTerms); the tests turn it off to
// compare the postings with those made by tokenizing every unit.
var termsFromWords = true

// noTerm is the number of a token that folds to no term; termUnset, of a
// word whose term is not looked up yet.
const (
	noTerm    = ^uint32(0)
	termUnset = noTerm - 1
)

// tokensMax bounds the tokens each worker of buildTerms keeps with their
// terms' numbers.
const tokensMax = 1 << 16

func (ix *Index) buildTerms(ctx context.Context) error {
	unitOf, segs, err := ix.docUnits(ctx)
	if err != nil {
		return fmt.Errorf("index: terms: %w", err)
	}
	an := ix.bi.Mapping().AnalyzerNamed(analyzerFold)
	if an == nil {
		return fmt.Errorf("index: terms: no analyzer %s", analyzerFold)
	}
	ti := &termIndex{}
	ti.segs = segs
	ti.norm = make([]float32, len(unitOf))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(unitOf)/64))
	shares := make([]termShare, workers)
	var wg sync.WaitGroup
	for w := range shares {
		sh := &shares[w]
		sh.lo, sh.hi = len(unitOf)*w/workers, len(unitOf)*(w+1)/workers
		sh.id = map[string]uint32{}
		sh.end = make([]uint32, 0, sh.hi-sh.lo)
		wg.Add(1)
		go func() {
			defer wg.Done()
			var last []int32 // per term: the document it was last met in
			var slot []uint32
			var toks []string
			d := 0
			number := func(term string) uint32 {
				id, ok := sh.id[term]
				if !ok {
					id = uint32(len(sh.terms))
					sh.id[term] = id
					sh.terms = append(sh.terms, term)
					last = append(last, -1)
					slot = append(slot, 0)
				}
				return id
			}
			// Each token met (as written, a slice of the unit's text)
			// and its term's number, or noTerm: one look-up a token,
			// where folding it (the fold cache's lock, shared by the
			// workers) and numbering its term were two, and 0.9 s of a
			// 10,000-article build. Bounded like the fold cache: it is
			// let go with the share.
			byTok := map[string]uint32{}
			// A unit whose tokens are its words (wordsAreTerms) reads
			// its terms by its words' numbers: each word's term
			// number, or noTerm, kept here at the first meeting
			// (termUnset before).
			folds := ix.vocab.fold
			var termOf []uint32
			addID := func(id uint32) {
				if last[id] == int32(d) {
					b, at := entry(slot[id])
					sh.freq[b][at]++
					return
				}
				last[id] = int32(d)
				slot[id] = uint32(sh.n)
				b, at := entry(uint32(sh.n))
				if at == 0 {
					sh.ids = append(sh.ids, make([]uint32, termBlock))
					sh.freq = append(sh.freq, make([]uint32, termBlock))
				}
				sh.ids[b][at], sh.freq[b][at] = id, 1
				sh.n++
			}
			for d = sh.lo; d < sh.hi; d++ {
				if d%256 == 0 && ctx.Err() != nil {
					return
				}
				if u := unitOf[d]; u != noUnit {
					// bleve's field length: every token, repeats counted.
					n := 0
					var ok bool
					if un := &ix.units[u]; un.wordsAreTerms && termsFromWords {
						if termOf == nil {
							termOf = make([]uint32, len(folds))
							for k := range termOf {
								termOf[k] = termUnset
							}
						}
						for p := 0; p < len(un.words); {
							var w uint32
							w, p = nextWord(un.words, p)
							id := termOf[w]
							if id == termUnset {
								id = noTerm
								if f := folds[w]; f != "" {
									id = number(f)
								}
								termOf[w] = id
							}
							if id != noTerm {
								addID(id)
								n++
							}
						}
					} else if toks, ok = un.plainTokens(toks[:0]); ok {
						for _, tok := range toks {
							id, met := byTok[tok]
							if !met {
								id = noTerm
								if f := foldSyllable(tok); f != "" {
									id = number(f)
								}
								if len(byTok) < tokensMax {
									byTok[tok] = id
								}
							}
							if id != noTerm {
								addID(id)
								n++
							}
						}
					} else {
						tokens := an.Analyze([]byte(ix.units[u].indexedText()))
						for _, t := range tokens {
							addID(number(string(t.Term)))
						}
						n = len(tokens)
					}
					ti.norm[d] = float32(1 / math.Sqrt(float64(n)))
				}
				sh.end = append(sh.end, uint32(sh.n))
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("index: terms: %w", err)
	}
	// The terms in byte order, numbered so; each share's numbers mapped.
	var terms []string
	for w := range shares {
		terms = append(terms, shares[w].terms...)
	}
	slices.Sort(terms)
	terms = slices.Compact(terms)
	number := make(map[string]uint32, len(terms))
	for t, s := range terms {
		number[s] = uint32(t)
	}
	count := make([]uint32, len(terms)+1)
	for w := range shares {
		sh := &shares[w]
		remap := make([]uint32, len(sh.terms))
		for k, s := range sh.terms {
			remap[k] = number[s]
		}
		for b, ids := range sh.ids {
			for k, id := range ids[:min(termBlock, sh.n-b*termBlock)] {
				ids[k] = remap[id]
				count[remap[id]+1]++
			}
		}
		sh.id, sh.terms = nil, nil
	}
	number = nil
	// Each term's documents and frequencies, laid out by a counting
	// sort and encoded, a range of terms at a time: all at once, their
	// numbers beside the shares' took 16 bytes a posting.
	first := make([]uint32, len(terms)+1)
	for t := range terms {
		first[t+1] = first[t] + count[t+1]
	}
	n := int(first[len(terms)])
	chunk := uint32(max(pairChunk, n/8))
	docs := make([]uint32, min(n, int(chunk)))
	freqs := make([]uint32, len(docs))
	next := count[:len(terms)]
	var buf bytes.Buffer
	b, err := vellum.New(&buf, nil)
	if err != nil {
		return fmt.Errorf("index: terms: %w", err)
	}
	ix.df = make(map[string]int, len(terms))
	ti.start = make([]uint32, len(terms))
	for lo := 0; lo < len(terms); {
		hi := lo + 1
		for hi < len(terms) && first[hi+1]-first[lo] <= chunk {
			hi++
		}
		if need := int(first[hi] - first[lo]); need > len(docs) {
			docs, freqs = make([]uint32, need), make([]uint32, need)
		}
		for t := lo; t < hi; t++ {
			next[t] = first[t] - first[lo]
		}
		// Documents in order, so each term's are ascending.
		for w := range shares {
			sh := &shares[w]
			from := uint32(0)
			for k, end := range sh.end {
				d := uint32(sh.lo + k)
				for e := from; e < end; {
					// The entries of document d in one block.
					b, at := entry(e)
					n := min(end-e, termBlock-at)
					ids, fs := sh.ids[b][at:at+n], sh.freq[b][at:at+n]
					for j, t := range ids {
						if int(t) >= lo && int(t) < hi {
							p := next[t]
							next[t]++
							docs[p] = d
							freqs[p] = fs[j]
						}
					}
					e += n
				}
				from = end
			}
		}
		for t := lo; t < hi; t++ {
			if err := b.Insert([]byte(terms[t]), uint64(t)); err != nil {
				return fmt.Errorf("index: terms: %w", err)
			}
			ix.df[terms[t]] = int(first[t+1] - first[t])
			ti.start[t] = uint32(len(ti.data))
			from, to := first[t]-first[lo], first[t+1]-first[lo]
			ti.add(docs[from:to], freqs[from:to])
		}
		lo = hi
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("index: terms: %w", err)
		}
	}
	shares, docs, freqs = nil, nil, nil
	ti.data = slices.Clone(ti.data)
	if err := b.Close(); err != nil {
		return fmt.Errorf("index: terms: %w", err)
	}
	if ti.dict, err = vellum.Load(buf.Bytes()); err != nil {
		return fmt.Errorf("index: terms: %w", err)
	}
	if ix.keywords, err = ix.buildKeywords(ctx, unitOf, segs); err != nil {
		return err
	}
	ix.terms = ti
	ix.unitOf = unitOf
	return nil
}

// lookup gives where term's postings are in data; ok is false when no
// unit writes it.
func (ti *termIndex) lookup(term string) (at uint32, ok bool) {
	if ti == nil {
		return 0, false
	}
	t, ok, err := ti.dict.Get([]byte(term))
	if err != nil || !ok {
		return 0, false
	}
	return ti.start[t], true
}

// textQuery finds the units writing a folded syllable, scored as bleve's
// TermQuery on the text field scored them.
type textQuery struct {
	ti    *termIndex
	term  string
	boost float64
}

func (q *textQuery) Searcher(ctx context.Context, i bindex.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.ti.searcher(i, q.term, q.boost, options)
	if err != nil {
		return nil, fmt.Errorf("index: terms: %w", err)
	}
	return s, nil
}

func (ti *termIndex) searcher(i bindex.IndexReader, term string, boost float64, options search.SearcherOptions) (*postingSearcher, error) {
	if ti == nil {
		return nil, errors.New("no postings made")
	}
	at, ok := ti.lookup(term)
	return ti.postings.searcher(i, at, ok, term, "text", boost, options)
}

// fuzzyQuery finds the units writing a syllable within one edit of a
// folded word, as bleve's FuzzyQuery with fuzziness 1 and no prefix found
// and scored them.
type fuzzyQuery struct {
	ti    *termIndex
	term  string
	boost float64
}

// fuzzyTerms are the terms within one edit of term (a transposition is
// one), in byte order, and their distances, as scorch's automaton over
// zapx's dictionary finds them.
func (ti *termIndex) fuzzyTerms(term string) ([]string, []uint8, error) {
	lb, err := levenshtein1()
	if err != nil {
		return nil, nil, err
	}
	dfa, err := lb.BuildDfa(term, 1)
	if err != nil {
		return nil, nil, err
	}
	var terms []string
	var dist []uint8
	it, err := ti.dict.Search(dfa, nil, nil)
	for err == nil {
		k, _ := it.Current()
		terms = append(terms, string(k))
		dist = append(dist, it.EditDistance())
		err = it.Next()
	}
	if !errors.Is(err, vellum.ErrIteratorDone) {
		return nil, nil, err
	}
	return terms, dist, nil
}

// levenshtein1 builds the automata of the terms within one edit, with
// transpositions, as scorch's does (building the builder is the costly
// part).
var levenshtein1 = sync.OnceValues(func() (*levenshtein.LevenshteinAutomatonBuilder, error) {
	return levenshtein.NewLevenshteinAutomatonBuilder(1, true)
})

func (q *fuzzyQuery) Searcher(ctx context.Context, i bindex.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	s, err := q.searcher(ctx, i, options)
	if err != nil {
		return nil, fmt.Errorf("index: terms: fuzzy %q: %w", q.term, err)
	}
	return s, nil
}

func (q *fuzzyQuery) searcher(ctx context.Context, i bindex.IndexReader, options search.SearcherOptions) (search.Searcher, error) {
	if q.ti == nil {
		return nil, errors.New("no postings made")
	}
	terms, dist, err := q.ti.fuzzyTerms(q.term)
	if err != nil {
		return nil, err
	}
	if len(terms) == 0 || len(terms) == 1 && terms[0] == q.term {
		return q.ti.searcher(i, q.term, q.boost, options)
	}
	ss := make([]search.Searcher, len(terms))
	for k, t := range terms {
		if ss[k], err = q.ti.searcher(i, t, q.boost*(1/float64(dist[k]+1)), options); err != nil {
			return nil, err
		}
	}
	return searcher.NewDisjunctionSearcher(ctx, i, ss, 0, options)
}
