package index

import (
	"context"
	"slices"
	"testing"
	"unsafe"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestCompactKeepsUnits: once built (and laid out by compact), the units
// hold the same text, context and documents as freshly cut ones, each
// document key leads back to its article, and sentences are slices of
// their paragraphs rather than copies.
func TestCompactKeepsUnits(t *testing.T) {
	c := synth.Corpus(2, 120, 300)
	ix, err := Build(context.Background(), c, BuildOptions{Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	fresh, _, err := makeUnits(context.Background(), c, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh) != len(ix.units) {
		t.Fatalf("%d units built, %d cut", len(ix.units), len(fresh))
	}
	shared, keys := 0, 0
	for i := range fresh {
		u, f := &ix.units[i], &fresh[i]
		if u.text != f.text || u.context != f.context || !slices.Equal(u.docs(), f.docs()) {
			t.Fatalf("unit %d: %q / %q / %v, cut as %q / %q / %v", i, u.text, u.context, u.docs(), f.text, f.context, f.docs())
		}
		for _, k := range u.docKeys() {
			keys++
			if !slices.Contains(ix.docArticles[k], int(u.article)) {
				t.Errorf("unit %d: key %q does not lead to article %d", i, k, u.article)
			}
		}
		at := uintptr(unsafe.Pointer(unsafe.StringData(u.text)))
		for _, p := range c.Articles[u.article].Paragraphs {
			from := uintptr(unsafe.Pointer(unsafe.StringData(p)))
			if at >= from && at < from+uintptr(len(p)) {
				shared++
				break
			}
		}
	}
	if keys == 0 {
		t.Error("no unit has a document key: the corpus tests nothing")
	}
	if shared < len(fresh)/2 {
		t.Errorf("%d of %d units' text are slices of their paragraph", shared, len(fresh))
	}
	for i, w := range ix.vocab.word {
		if ix.vocab.fold[i] != foldSyllable(w) {
			t.Fatalf("word %d %q folds to %q, kept %q", i, w, foldSyllable(w), ix.vocab.fold[i])
		}
	}
}

// TestUnitSize: a unit stays 80 bytes (its numbers int32): the units are
// the largest piece of a serving process's heap after the corpus's text
// (299,399 at 10,000 synthetic articles), and a field added carelessly
// grows every one of them.
func TestUnitSize(t *testing.T) {
	if n := unsafe.Sizeof(unit{}); n > 80 {
		t.Errorf("a unit is %d bytes, more than 80", n)
	}
}
