package index

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// The kinds and the cited documents' keys were bleve keyword fields;
// keywordQuery must find and score them exactly as a TermQuery on those
// fields did — every kind and every key, alone, in the disjunctions the
// search builds (a key boosted 4, a kind 2) and a kind's conjunction. The
// fields are built here as they were, from the same units.
func TestKeywordQueriesAsBleveFields(t *testing.T) {
	c := synth.Corpus(5, 200, 400)
	ctx := context.Background()
	for _, o := range []BuildOptions{{}, {Path: t.TempDir(), BatchBytes: 16 << 10}} {
		ix, err := Build(ctx, c, o)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		ref := fieldIndex(t, ix)
		defer ref.Close()

		var keys []string
		var kinds []string
		several, twice := 0, 0
		for i := range ix.units {
			u := &ix.units[i]
			ks := u.docKeys()
			keys = append(keys, ks...)
			kinds = append(kinds, string(u.kind.Kind()))
			if len(ks) > 1 {
				several++
			}
			sorted := slices.Sorted(slices.Values(ks))
			if len(slices.Compact(sorted)) < len(ks) {
				twice++
			}
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		slices.Sort(kinds)
		kinds = slices.Compact(kinds)
		// Units citing more documents than one give norms below 1.
		if len(keys) < 10 || len(kinds) < 3 || several == 0 {
			t.Fatalf("%d keys, %d kinds, %d units citing several: the test would compare too little", len(keys), len(kinds), several)
		}
		t.Logf("%d keys, kinds %v, %d units citing several, %d one twice", len(keys), kinds, several, twice)
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
		keyQ := func(f *keywordField, v string, boost float64) query.Query {
			return &keywordQuery{f: f, value: v, boost: boost}
		}
		termQ := func(field, v string, boost float64) query.Query {
			q := bleve.NewTermQuery(v)
			q.SetField(field)
			q.SetBoost(boost)
			return q
		}
		for _, k := range append(kinds, "no such kind") {
			compare("kind "+k, keyQ(ix.keywords.kind, k, 2), termQ(fieldKind, k, 2))
		}
		for _, k := range append(keys, "no such document") {
			compare("docs "+k, keyQ(ix.keywords.docs, k, 4), termQ(fieldDocs, k, 4))
		}
		r := rand.New(rand.NewPCG(5, 6))
		words := slices.Collect(func(yield func(string) bool) {
			for w := range ix.df {
				if !yield(w) {
					return
				}
			}
		})
		slices.Sort(words)
		for k := range 100 {
			var ours, theirs []query.Query
			for range 1 + k%3 {
				d := keys[r.IntN(len(keys))]
				ours, theirs = append(ours, keyQ(ix.keywords.docs, d, 4)), append(theirs, termQ(fieldDocs, d, 4))
			}
			var ow, tw []query.Query
			for range 2 + k%5 {
				w := words[r.IntN(len(words))]
				ow, tw = append(ow, &textQuery{ti: ix.terms, term: w, boost: 1}), append(tw, termQ("text", w, 1))
			}
			kind := kinds[k%len(kinds)]
			all, allRef := append(ours, ow...), append(theirs, tw...)
			if k%2 == 0 {
				all = append(all, bleve.NewConjunctionQuery(keyQ(ix.keywords.kind, kind, 1), bleve.NewDisjunctionQuery(ow...)))
				allRef = append(allRef, bleve.NewConjunctionQuery(termQ(fieldKind, kind, 1), bleve.NewDisjunctionQuery(tw...)))
			} else {
				all, allRef = append(all, keyQ(ix.keywords.kind, kind, 2)), append(allRef, termQ(fieldKind, kind, 2))
			}
			compare("disjunction", bleve.NewDisjunctionQuery(all...), bleve.NewDisjunctionQuery(allRef...))
		}
	}
}
