package index

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// The syllables were bleve's text field; textQuery and fuzzyQuery must
// find and score them exactly as a TermQuery and a FuzzyQuery (fuzziness
// 1) on that field did, alone and inside the disjunctions and
// conjunctions the search builds, and the term counts must be the
// field's. The field is built as it was, from the same units.
func TestTextQueryScoresAsBleveField(t *testing.T) {
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

		d, err := ref.FieldDict("text")
		if err != nil {
			t.Fatal(err)
		}
		var terms []string
		for {
			e, err := d.Next()
			if err != nil {
				t.Fatal(err)
			}
			if e == nil {
				break
			}
			terms = append(terms, e.Term)
			if ix.df[e.Term] != int(e.Count) {
				t.Fatalf("term %q counted in %d units, by bleve's field %d", e.Term, ix.df[e.Term], e.Count)
			}
		}
		_ = d.Close()
		if len(terms) != len(ix.df) || len(terms) < 1000 {
			t.Fatalf("%d terms counted, bleve's field has %d", len(ix.df), len(terms))
		}
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
		textQ := func(w string, boost float64) query.Query { return &textQuery{ti: ix.terms, term: w, boost: boost} }
		fuzzyQ := func(w string, boost float64) query.Query { return &fuzzyQuery{ti: ix.terms, term: w, boost: boost} }
		termQ := func(field, w string, boost float64) query.Query {
			q := bleve.NewTermQuery(w)
			q.SetField(field)
			q.SetBoost(boost)
			return q
		}
		bleveFuzzy := func(w string, boost float64) query.Query {
			q := bleve.NewFuzzyQuery(w)
			q.SetField("text")
			q.SetFuzziness(1)
			q.SetBoost(boost)
			return q
		}
		r := rand.New(rand.NewPCG(3, 4))
		// A word one edit (or a transposition) from a term, or the term.
		typo := func() string {
			w := []rune(terms[r.IntN(len(terms))])
			k := r.IntN(len(w))
			switch r.IntN(5) {
			case 0:
				w = append(w[:k:k], w[k+1:]...)
			case 1:
				w[k] = 'a' + rune(r.IntN(26))
			case 2:
				w = append(w[:k:k], append([]rune{'a' + rune(r.IntN(26))}, w[k:]...)...)
			case 3:
				if k+1 < len(w) {
					w[k], w[k+1] = w[k+1], w[k]
				}
			}
			return string(w)
		}
		for range 300 {
			w := terms[r.IntN(len(terms))]
			compare(w, textQ(w, 1), termQ("text", w, 1))
		}
		fuzzy := 0
		for range 300 {
			w := typo()
			if utf8.RuneCountInString(w) < 3 {
				continue
			}
			fuzzy++
			compare("fuzzy "+w, fuzzyQ(w, 0.5), bleveFuzzy(w, 0.5))
		}
		if fuzzy < 200 {
			t.Fatalf("only %d fuzzy words compared", fuzzy)
		}
		// Disjunctions of syllables (some no unit writes), typos and
		// pairs, and a kind's conjunction (which advances the searchers).
		for k := range 100 {
			var ours, theirs []query.Query
			for j := range 2 + k%12 {
				w := terms[r.IntN(len(terms))]
				if j%5 == 4 {
					w += "qz"
				}
				ours, theirs = append(ours, textQ(w, 1)), append(theirs, termQ("text", w, 1))
				if j%3 == 0 {
					f := typo()
					ours, theirs = append(ours, fuzzyQ(f, 0.5)), append(theirs, bleveFuzzy(f, 0.5))
				}
			}
			compare("disjunction", bleve.NewDisjunctionQuery(ours...), bleve.NewDisjunctionQuery(theirs...))
			kind := string(KindContact)
			if k%2 == 0 {
				kind = string(KindPassage)
			}
			compare("conjunction", bleve.NewConjunctionQuery(&keywordQuery{f: ix.keywords.kind, value: kind, boost: 1}, bleve.NewDisjunctionQuery(ours...)),
				bleve.NewConjunctionQuery(termQ("kind", kind, 1), bleve.NewDisjunctionQuery(theirs...)))
		}
	}
}
