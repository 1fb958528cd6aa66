package index

import (
	"testing"
)

// TestCountedNounEnglish: a Vietnamese count question's noun of several
// syllables ("công chức") is counted on an English unit in the
// glossary's English ("42 civil servants"), not by its first syllable's.
func TestCountedNounEnglish(t *testing.T) {
	page := "synthetic: true\ntitle: Mau Son ward staff\n\n" +
		"Synthetic article: every name and figure below is invented for tests.\n\n" +
		"The ward now has 42 civil servants; its hotline receives 120 calls a day.\n"
	ix := loadedIndex(t, map[string]string{"en.txt": page})
	var counted *signal
	for i := range signals {
		if signals[i].name == "counted_noun" {
			counted = &signals[i]
		}
	}
	if counted == nil {
		t.Fatal("no counted_noun signal")
	}
	for _, tc := range []struct {
		question, unit string
		want           bool
	}{
		{"Phường Mau Sơn có bao nhiêu công chức?", "The ward now has 42 civil servants and 5 contract workers.", true},
		{"Tổng đài nhận bao nhiêu cuộc gọi mỗi ngày?", "The line receives around 120 calls per day.", true},
		{"Phường Mau Sơn có bao nhiêu công chức?", "The ward now has 42 residential groups.", false},
	} {
		pq := ix.parse(tc.question)
		cand := &candidate{u: &unit{traits: inEnglish}, folded: foldWords(tc.unit), coverage: foundCoverage}
		if got := counted.fn(ix, &pq, cand) > 0; got != tc.want {
			t.Errorf("%q over %q: counted %v, want %v (noun %v)", tc.question, tc.unit, got, tc.want, pq.countedWords)
		}
	}
}
