package index

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerTextAsToLower: lowerText gives strings.ToLower's string for
// every rune alone and between letters, and for random strings of
// ASCII, Vietnamese letters in both cases, other scripts, U+FFFD written
// and invalid UTF-8 (cut runes, stray continuation bytes).
func TestLowerTextAsToLower(t *testing.T) {
	check := func(s string) {
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Fatalf("%q: lowerText %q, strings.ToLower %q", s, got, want)
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		c := string(r)
		check(c)
		check("a" + c + "B")
	}
	pieces := []string{"a", "Z", "ĐỒNG", "đồng", "Ấp", "ỹ", "Ỳ", "İ", "ẞ", "K", "Ω", "Σ", "中", " ", "\t", "1", "\ufffd", "\xff", "\xe1\xbb", "\xbb", "\xc3", "Ǆ", "ǅ", "Ⅳ", "Ⓐ", "𐐀"}
	rng := rand.New(rand.NewSource(11))
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}
