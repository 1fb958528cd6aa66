package index

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
)

// The encoded lists give back every document and frequency, and Advance
// the first document at or after the one asked (across the skip table's
// runs), against a plain slice.
func TestPostingsAdvance(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var p postings
	p.norm = make([]float32, 1<<20)
	type list struct {
		at          uint32
		docs, freqs []uint32
	}
	var lists []list
	for _, n := range []int{1, 2, 63, 64, 65, 128, 129, 1000, 5000} {
		seen := map[uint32]bool{}
		var docs []uint32
		for len(docs) < n {
			d := uint32(r.IntN(1 << 20))
			if n < 100 {
				d = uint32(r.IntN(200))
			}
			if !seen[d] {
				seen[d] = true
				docs = append(docs, d)
			}
		}
		slices.Sort(docs)
		freqs := make([]uint32, n)
		for k := range freqs {
			freqs[k] = 1 + uint32(r.IntN(3))*uint32(r.IntN(200))
		}
		lists = append(lists, list{uint32(len(p.data)), docs, freqs})
		p.add(docs, freqs)
	}
	ctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(10, 0)}
	open := func(l list) *postingSearcher {
		s := &postingSearcher{p: &p}
		s.count, s.table = uvarint(p.data, l.at)
		s.skips = (s.count - 1) / skipEvery
		s.base = s.table + 8*s.skips
		s.pos = s.base
		s.scorer = scorer.NewTermQueryScorer([]byte("t"), "f", 1, 1<<20, uint64(s.count), 0, search.SearcherOptions{})
		return s
	}
	docOf := func(m *search.DocumentMatch) uint32 { return uint32(binary.BigEndian.Uint64(m.IndexInternalID)) }
	for _, l := range lists {
		if p.countAt(l.at) != uint32(len(l.docs)) {
			t.Fatalf("count %d, want %d", p.countAt(l.at), len(l.docs))
		}
		s := open(l)
		for k := range l.docs {
			d, f, ok := s.next()
			if !ok || d != l.docs[k] || f != l.freqs[k] {
				t.Fatalf("posting %d of %d: %d×%d %v, want %d×%d", k, len(l.docs), d, f, ok, l.docs[k], l.freqs[k])
			}
		}
		if _, _, ok := s.next(); ok {
			t.Fatal("a posting past the last")
		}
		for range 50 {
			s := open(l)
			k := 0 // the first not yet read
			for k < len(l.docs) {
				want := l.docs[k] + uint32(r.IntN(1<<r.IntN(21)))
				id := binary.BigEndian.AppendUint64(nil, uint64(want))
				m, err := s.Advance(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				j, _ := slices.BinarySearch(l.docs[k:], want)
				k += j
				if k >= len(l.docs) {
					if m != nil {
						t.Fatalf("advance to %d: %d, want none", want, docOf(m))
					}
					break
				}
				if m == nil || docOf(m) != l.docs[k] {
					t.Fatalf("advance to %d: %v, want %d", want, m, l.docs[k])
				}
				k++
				ctx.DocumentMatchPool.Put(m)
			}
		}
	}
}
