package index

import (
	"slices"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// inferredEnglishPage is a synthetic English page (invented province and
// figures) that writes a reorganisation only in English.
const inferredEnglishPage = `synthetic: true
source: https://giadinh.example.invalid/en/arrangement
title: Gia Dinh province completes the arrangement of communes

Synthetic page: every name and figure below is invented.

After the arrangement, Gia Dinh province has 31 commune-level administrative units.
`

// TestInferredNameUnwritten: a name inferred from the corpus whose short
// form the corpus never writes (a sentence opening "Sau sắp xếp" gives
// "SSX") is not read whole, so it does not hide the glossary's term
// inside it: "sắp xếp" keeps its English reading for an English page.
// Where the corpus writes the short form, the name is read whole.
func TestInferredNameUnwritten(t *testing.T) {
	ix := loadedIndex(t, map[string]string{"en-arrangement.txt": inferredEnglishPage})
	reads := func(q string) bool {
		for _, c := range ix.parse(q).concepts {
			if slices.Equal(c.alts[0], []string{"sap", "xep"}) && slices.ContainsFunc(c.alts, func(a []string) bool { return slices.Equal(a, []string{"arrangement"}) }) {
				return true
			}
		}
		return false
	}
	const q = "Sau sắp xếp tỉnh Gia Định còn bao nhiêu xã?"
	if !reads(q) {
		t.Fatalf("%q: sắp xếp not read as arrangement", q)
	}
	g := ix.corpus.Glossary
	g.Inferred = append(slices.Clip(g.Inferred), content.Term{Short: "SSX", Long: []string{"sau sắp xếp"}})
	ix.gloss = newGlossary(g)
	if !reads(q) {
		t.Errorf("%q: an inferred name the corpus never shortens hid sắp xếp inside it", q)
	}
	ix.df["ssx"] = 1 // as if a page wrote "SSX"
	if reads(q) {
		t.Errorf("%q: sắp xếp read apart from the inferred name the corpus writes as SSX", q)
	}
}
