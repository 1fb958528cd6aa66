package content

import (
	"slices"
	"strings"
	"testing"
)

// TestNormalSentences: NormalSentences gives Sentences' sentences and
// their Normalize forms, on random paragraphs (clean and not: marks to
// compose, tones to move, white space of every kind, sentence ends,
// invalid UTF-8) and on every paragraph of the real pages at hand
// at hand, reusing its slices.
func TestNormalSentences(t *testing.T) {
	var ss, ns []string
	checked, retoned := 0, 0
	check := func(p string) {
		ss, ns = NormalSentences(p, ss[:0], ns[:0])
		want := Sentences(p)
		if !slices.Equal(ss, want) {
			t.Fatalf("%q: sentences %q, Sentences %q", p, ss, want)
		}
		for i, s := range want {
			if n := Normalize(s); ns[i] != n {
				t.Fatalf("%q: sentence %q normalised %q, Normalize %q", p, s, ns[i], n)
			}
			if ns[i] != s {
				retoned++
			}
		}
		if len(ns) != len(want) {
			t.Fatalf("%q: %d forms for %d sentences", p, len(ns), len(want))
		}
		checked++
	}
	pieces := []string{"Hòa", "Hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "Ủy", "ban", "Quý", "Nguyễn", "V", "TP", "1.250", "29/6", "A",
		"e\u0301", "o\u0300a", "\u0301", "Ω", "«", "“", "”", "\"", "'", ")", "(", ".", "...", "…", "!", "?", ";", ":", ",", "\xff", "\xe1\xbb"}
	seps := []string{" ", " ", " ", " ", ". ", "? ", "! ", "", "  ", "\t", "\n", "\u00a0", " \n "}
	checkRandom(20, 200000, 30, pieces, seps, check)
	check("")
	pages := realPageTexts()
	for _, text := range pages {
		for _, p := range strings.Split(text, "\n\n") {
			check(p)
		}
	}
	if retoned < checked/10 {
		t.Errorf("%d sentences changed by Normalize in %d paragraphs: the test checks little", retoned, checked)
	}
	t.Logf("%d paragraphs (%d real pages), %d sentences Normalize changes", checked, len(pages), retoned)
}
