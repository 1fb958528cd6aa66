package index

import (
	"math/rand"
	"reflect"
	"slices"
	"testing"
)

// TestSeqIndexAsComparing: the hashed index finds exactly what comparing
// every sequence at every word finds (a zero seqIndex), in the same
// order, on random lists (repeated sequences, empty ones, shared first
// words) and random questions over a few words.
func TestSeqIndexAsComparing(t *testing.T) {
	r := rand.New(rand.NewSource(21))
	vocab := []string{"uy", "ban", "nhan", "dan", "xa", "a", "b", "ubnd", "ab", ""}
	seq := func(max int) []string {
		s := make([]string, r.Intn(max+1))
		for i := range s {
			s[i] = vocab[r.Intn(len(vocab))]
		}
		return s
	}
	found := 0
	for range 3000 {
		list := make([][]string, r.Intn(40))
		for i := range list {
			list[i] = seq(4)
		}
		x := newSeqIndex(list)
		for range 20 {
			words := seq(12)
			got, want := x.in(words, list), seqIndex{}.in(words, list)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("list %q, words %q: %v, comparing every sequence %v", list, words, got, want)
			}
			found += len(got)
		}
	}
	if found < 10000 {
		t.Errorf("%d matches: the lists test too little", found)
	}
}

// Two sequences of one hash are told apart by comparing them: a forced
// collision finds only the sequence written.
func TestSeqIndexCollision(t *testing.T) {
	list := [][]string{{"uy", "ban"}, {"nhan", "dan"}}
	x := newSeqIndex(list)
	// Give "nhan dan" the hash of "uy ban".
	h0 := x.keys[slices.Index(x.at, 0)]
	x.keys[slices.Index(x.at, 1)] = h0
	slices.Sort(x.keys) // both now equal where they sit
	got := x.in([]string{"uy", "ban", "xa"}, list)
	if want := []seqMatch{{0, 0}}; !reflect.DeepEqual(got, want) {
		t.Errorf("in = %v, want %v", got, want)
	}
}
