package index

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// retrieve must give what bleve's searchers and collector give for the
// queries the search builds: the same units, in the same order, with the
// same scores (to 1e-12) — every hit, and the best 50 as rank asks. The
// questions are the synthetic ones (phrases with and without accents,
// abbreviations, documents, contacts, mergers, no-answer), plus typos
// (fuzzy words), in memory and on disk.
func TestEvaluateAsBleve(t *testing.T) {
	c := synth.Corpus(7, 200, 400)
	ctx := context.Background()
	var questions []string
	for _, q := range synth.Questions(8, c, 200) {
		questions = append(questions, q.Question)
	}
	// The typo reader mends most typos beside words the corpus writes
	// with them; one alone stays a fuzzy word.
	questions = append(questions, "so dien thoaii uy ban", "dia chhi truong hoc", "nghi quyeet 18", "lien hee phuong", "thoaii", "quyeet")
	for _, o := range []BuildOptions{{}, {Path: t.TempDir(), BatchBytes: 16 << 10}} {
		ix, err := Build(ctx, c, o)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		shapes := map[string]int{}
		for _, question := range questions {
			q := ix.buildQuery(ix.parse(question))
			if q == nil {
				continue
			}
			countShapes(q, shapes)
			for _, size := range []int{candidates, 1 << 20} {
				got, err := ix.retrieve(ctx, q, size)
				if err != nil {
					t.Fatalf("%q: %v", question, err)
				}
				want, err := ix.bleveHits(ctx, q, size)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want) {
					t.Fatalf("%q: %d hits, bleve %d", question, len(got), len(want))
				}
				for k := range want {
					g, w := got[k], want[k]
					if math.Abs(g.score-w.score) > 1e-12*math.Abs(w.score) {
						t.Fatalf("%q: hit %d: unit %d scored %v, bleve unit %d %v", question, k, g.unit, g.score, w.unit, w.score)
					}
					// Units whose scores differ in the last digits
					// (bleve sums a disjunction's children in heap
					// order) may swap; no others.
					if g.unit != w.unit && math.Abs(g.score-want[min(k+1, len(want)-1)].score) > 1e-12*math.Abs(w.score) &&
						math.Abs(g.score-want[max(k-1, 0)].score) > 1e-12*math.Abs(w.score) {
						t.Fatalf("%q: hit %d is unit %d (%v), bleve's unit %d (%v)", question, k, g.unit, g.score, w.unit, w.score)
					}
				}
			}
		}
		for _, s := range []string{"text", "pair", "fuzzy", "docs", "kind", "and"} {
			if shapes[s] == 0 {
				t.Errorf("no query had a %s clause: the test compares too little (%v)", s, shapes)
			}
		}
	}
}

func countShapes(q query.Query, n map[string]int) {
	switch q := q.(type) {
	case *textQuery:
		n["text"]++
	case *pairQuery:
		n["pair"]++
	case *fuzzyQuery:
		n["fuzzy"]++
	case *keywordQuery:
		n[q.f.name]++
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			countShapes(c, n)
		}
	case *query.ConjunctionQuery:
		n["and"]++
		for _, c := range q.Conjuncts {
			countShapes(c, n)
		}
	}
}

// TestAccumAsArrays: the table of open addressing sums what the array of
// every document it replaced summed, to the bit, and gives the documents
// in the order they first came — started too small and grown, reused
// after put, over documents spread across the whole range and bunched.
func TestAccumAsArrays(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 11))
	const docs = 1 << 20
	e := &evaluator{ix: &Index{}, docs: docs}
	for round := range 300 {
		n := rng.IntN(20000)
		hint := uint64(rng.IntN(2*n + 1)) // under and over the truth
		span := uint32(docs)
		if round%3 == 0 {
			span = uint32(1 + rng.IntN(3000)) // many repeats
		}
		a := e.get(hint)
		score := map[uint32]float64{}
		count := map[uint32]int32{}
		var order []uint32
		for range n {
			d := rng.Uint32N(span)
			if round%5 == 0 {
				d = docs - 1 - d // the top of the range
			}
			s := rng.Float64() * math.Pow(10, float64(rng.IntN(12)-6))
			if _, ok := count[d]; !ok {
				order = append(order, d)
			}
			score[d] += s
			count[d]++
			a.add(d, s)
		}
		if len(a.seen) != len(order) {
			t.Fatalf("round %d: %d documents, want %d", round, len(a.seen), len(order))
		}
		for j, i := range a.seen {
			sl := a.slots[i]
			d := sl.key - 1
			if d != order[j] || sl.score != score[d] || sl.count != count[d] {
				t.Fatalf("round %d: document %d of %d is %d (%v, %d), want %d (%v, %d)",
					round, j, len(order), d, sl.score, sl.count, order[j], score[order[j]], count[order[j]])
			}
		}
		e.put(a)
		for i, sl := range a.slots {
			if sl != (accumSlot{}) {
				t.Fatalf("round %d: slot %d not emptied", round, i)
			}
		}
		if round%7 == 0 {
			e.done()
		}
	}
	e.done()
	for _, a := range e.ix.accums.free {
		if len(a.slots) > keptSlots(docs) {
			t.Errorf("kept a table of %d slots, more than %d", len(a.slots), keptSlots(docs))
		}
	}
}

// TestPrunedAsEval: retrieval by MaxScore gives what the accumulators
// give, to the bit: the same units in the same order with the same
// scores, for every question pruned (pruneMin 0), at the sizes rank asks
// and others — the synthetic questions and questions made only of common
// words, in memory and on disk, and the real rounds' questions on their
// pages (real-14 … 29, git-ignored; where present).
func TestPrunedAsEval(t *testing.T) {
	ctx := context.Background()
	type set struct {
		name      string
		c         *content.Corpus
		questions []string
	}
	c := synth.Corpus(9, 1000, 400)
	syn := set{name: "synthetic", c: c}
	for _, q := range synth.Questions(10, c, 400) {
		syn.questions = append(syn.questions, q.Question)
	}
	syn.questions = append(syn.questions, "so dien thoaii uy ban", "dia chhi truong hoc", "nghi quyeet 18", "lien hee phuong", "thoaii", "quyeet",
		"và của các", "xã và hội đồng nhân dân của", "uy ban nhan dan xa va")
	sets := []set{syn}
	// The real rounds' pages as one corpus, asked all their questions.
	dirs, _ := filepath.Glob("../testdata/real/real1[4-9]/pages")
	more, _ := filepath.Glob("../testdata/real/real2[0-9]/pages")
	real := set{name: "real", c: &content.Corpus{}}
	for _, d := range append(dirs, more...) {
		rc, err := content.LoadDir(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		real.c.Articles = append(real.c.Articles, rc.Articles...)
		f, err := os.Open(filepath.Join(filepath.Dir(d), "questions.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		qs, err := ReadQuestions(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			real.questions = append(real.questions, q.Question)
		}
	}
	if len(real.c.Articles) > 0 {
		sets = append(sets, real)
	}
	var scored, passed, unwalked int
	pruneSeen = func(s, p, u int) { scored, passed, unwalked = scored+s, passed+p, unwalked+u }
	defer func() { pruneSeen = nil }()
	defer func(m uint64) { pruneMin = m }(pruneMin)
	for _, st := range sets {
		opts := []BuildOptions{{}}
		if st.name == "synthetic" {
			opts = append(opts, BuildOptions{Path: t.TempDir(), BatchBytes: 16 << 10})
		}
		for _, o := range opts {
			ix, err := Build(ctx, st.c, o)
			if err != nil {
				t.Fatal(err)
			}
			scored, passed, unwalked = 0, 0, 0
			compared := 0
			for _, question := range st.questions {
				q := ix.buildQuery(ix.parse(question))
				if q == nil {
					continue
				}
				sizes := []int{1, 3, candidates, 1 << 20}
				if st.name == "real" {
					sizes = []int{1, candidates} // every hit of a larger corpus takes minutes
				}
				for _, size := range sizes {
					pruneMin = math.MaxUint64
					want, err := ix.retrieve(ctx, q, size)
					if err != nil {
						t.Fatalf("%s: %q: %v", st.name, question, err)
					}
					pruneMin = 0
					got, err := ix.retrieve(ctx, q, size)
					if err != nil {
						t.Fatalf("%s: %q: %v", st.name, question, err)
					}
					compared++
					if len(got) != len(want) {
						t.Fatalf("%s: %q, %d best: %d hits, want %d", st.name, question, size, len(got), len(want))
					}
					for k := range want {
						if got[k] != want[k] {
							t.Fatalf("%s: %q, %d best: hit %d is %+v, want %+v", st.name, question, size, k, got[k], want[k])
						}
					}
				}
			}
			ix.Close()
			t.Logf("%s: %d retrievals: %d documents scored, %d passed over by their bound, %d clauses left unwalked", st.name, compared, scored, passed, unwalked)
			if st.name == "synthetic" && (compared < 1000 || passed == 0 || unwalked == 0) {
				t.Errorf("%s: %d retrievals, nothing pruned: the test compares too little", st.name, compared)
			}
		}
	}
}
