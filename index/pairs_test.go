package index

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// The pairs were a bleve text field (each unit's folded pairs, joined by
// a comma, one term each); pairQuery must find and score them exactly as
// a TermQuery on that field did, alone and inside the disjunctions and
// conjunctions the search builds. The field is built here as it was, from
// the same units, and every pair of a sample is asked of both.
func TestPairQueryScoresAsBleveField(t *testing.T) {
	c := synth.Corpus(3, 150, 400)
	ctx := context.Background()
	for _, o := range []BuildOptions{{}, {Path: t.TempDir(), BatchBytes: 16 << 10}} {
		ix, err := Build(ctx, c, o)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		ref := fieldIndex(t, ix)
		defer ref.Close()

		var pairs []string
		for i := range ix.units {
			pairs = append(pairs, strings.Split(string(appendPairsForTest(nil, ix.units[i].words, ix.vocab.fold)), ",")...)
		}
		if len(pairs) < 1000 {
			t.Fatalf("only %d pairs: the test would compare too few", len(pairs))
		}
		r := rand.New(rand.NewPCG(1, 2))
		compare := func(name string, ours, theirs query.Query) {
			t.Helper()
			got := hitScores(t, ix.bi, ours)
			want := hitScores(t, ref, theirs)
			if len(got) != len(want) {
				t.Fatalf("%s: %d hits, bleve's field %d", name, len(got), len(want))
			}
			for id, w := range want {
				if g, ok := got[id]; !ok || math.Abs(g-w) > 1e-12*math.Abs(w) {
					t.Fatalf("%s: unit %s scored %v, by bleve's field %v", name, id, g, w)
				}
			}
		}
		pairQ := func(p string, boost float64) query.Query { return &pairQuery{pi: ix.pairs, pair: p, boost: boost} }
		textQ := func(w string, boost float64) query.Query { return &textQuery{ti: ix.terms, term: w, boost: boost} }
		termQ := func(field, p string, boost float64) query.Query {
			q := bleve.NewTermQuery(p)
			q.SetField(field)
			q.SetBoost(boost)
			return q
		}
		for range 300 {
			p := pairs[r.IntN(len(pairs))]
			compare(p, pairQ(p, 2), termQ("bigram", p, 2))
			if ix.pairs.count(p) == 0 {
				t.Fatalf("pair %q counted in no unit", p)
			}
		}
		// Disjunctions of syllables and pairs, and a kind's conjunction
		// (which advances the pairs' searcher).
		for k := range 100 {
			var ours, theirs []query.Query
			for range 2 + k%12 {
				p := pairs[r.IntN(len(pairs))]
				ours, theirs = append(ours, pairQ(p, 1.5)), append(theirs, termQ("bigram", p, 1.5))
				w := p[:strings.IndexByte(p, ' ')]
				ours, theirs = append(ours, textQ(w, 1)), append(theirs, termQ("text", w, 1))
			}
			compare("disjunction", bleve.NewDisjunctionQuery(ours...), bleve.NewDisjunctionQuery(theirs...))
			kind := string(KindContact)
			if k%2 == 0 {
				kind = string(KindPassage)
			}
			compare("conjunction", bleve.NewConjunctionQuery(&keywordQuery{f: ix.keywords.kind, value: kind, boost: 1}, bleve.NewDisjunctionQuery(ours...)),
				bleve.NewConjunctionQuery(termQ("kind", kind, 1), bleve.NewDisjunctionQuery(theirs...)))
		}
		if n := ix.pairs.count("zzz qqq"); n != 0 {
			t.Errorf("a pair no unit writes counted %d", n)
		}
	}
}

// fieldIndex indexes ix's units as the build did before the pairs and the
// syllables were postings of their own: text, kind and the pairs as
// fields.
func fieldIndex(t *testing.T, ix *Index) bleve.Index {
	t.Helper()
	registerComma.Do(func() {
		must(registry.RegisterTokenizer("test_comma", func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return commaTokenizer{}, nil
		}))
	})
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	if err := m.AddCustomAnalyzer("test_pairs", map[string]interface{}{"type": custom.Name, "tokenizer": "test_comma"}); err != nil {
		t.Fatal(err)
	}
	f := mapping.NewTextFieldMapping()
	f.Analyzer, f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = "test_pairs", false, false, false, false
	m.DefaultMapping.AddFieldMappingsAt("bigram", f)
	text := mapping.NewTextFieldMapping()
	text.Analyzer, text.Store, text.IncludeTermVectors, text.IncludeInAll, text.DocValues = analyzerFold, false, false, false, false
	m.DefaultMapping.AddFieldMappingsAt("text", text)
	// The keyword fields as bleve indexed them (keywords.go).
	for _, name := range []string{fieldKind, fieldDocs} {
		f := mapping.NewKeywordFieldMapping()
		f.Store, f.IncludeInAll, f.DocValues, f.IncludeTermVectors = false, false, false, false
		m.DefaultMapping.AddFieldMappingsAt(name, f)
	}
	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	b := bi.NewBatch()
	for i := range ix.units {
		u := &ix.units[i]
		doc := map[string]interface{}{
			"text":   u.indexedText(),
			"kind":   string(u.kind.Kind()),
			"bigram": string(appendPairsForTest(nil, u.words, ix.vocab.fold)),
		}
		if keys := u.docKeys(); len(keys) > 0 {
			doc["docs"] = keys
		}
		if err := b.Index(ix.docID(i), doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	return bi
}

func hitScores(t *testing.T, bi bleve.Index, q query.Query) map[string]float64 {
	t.Helper()
	sr, err := bi.Search(bleve.NewSearchRequestOptions(q, 100000, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]float64, len(sr.Hits))
	for _, h := range sr.Hits {
		out[h.ID] = h.Score
	}
	return out
}

// appendPairsForTest is how the build wrote the bigram field: the pairs
// of consecutive words (skipping words that fold to nothing), a comma
// between pairs.
func appendPairsForTest(dst []byte, enc string, folds []string) []byte {
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
				dst = append(dst, ',')
			}
			dst = append(dst, prev...)
			dst = append(dst, ' ')
			dst = append(dst, f...)
		}
		prev = f
	}
	return dst
}

var registerComma sync.Once

type commaTokenizer struct{}

func (commaTokenizer) Tokenize(in []byte) analysis.TokenStream {
	var out analysis.TokenStream
	for start, pos := 0, 1; start < len(in); {
		end := start
		for end < len(in) && in[end] != ',' {
			end++
		}
		if end > start {
			out = append(out, &analysis.Token{Term: in[start:end:end], Start: start, End: end, Position: pos, Type: analysis.AlphaNumeric})
			pos++
		}
		start = end + 1
	}
	return out
}

// TestPairsWhateverTheChunk: the pair postings of an index are the same
// made in eight chunks or more (pairSortChunk 64) as in one, so the
// chunk's size (pairSortChunk) is a trade of memory for passes over the
// units' words, not of answers.
func TestPairsWhateverTheChunk(t *testing.T) {
	ctx := context.Background()
	ix, err := Build(ctx, synth.Corpus(4, 120, 300), BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	build := func(chunk int) *pairIndex {
		defer func(n int) { pairSortChunk = n }(pairSortChunk)
		pairSortChunk = chunk
		if err := ix.buildPairs(ctx); err != nil {
			t.Fatal(err)
		}
		return ix.pairs
	}
	one, many := build(1<<30), build(64)
	if len(one.data) < 10000 {
		t.Fatalf("%d bytes of postings: the test checks little", len(one.data))
	}
	if !reflect.DeepEqual(one, many) {
		t.Fatal("the pair postings differ with the chunk's size")
	}
}
