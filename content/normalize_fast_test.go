package content

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestPlainCleanRunes checks the claim plainClean rests on: every rune it
// lets through is NFC on its own, a starter (combining class 0) and never
// composes with the rune before it, so a string of them is NFC.
func TestPlainCleanRunes(t *testing.T) {
	check := func(r rune) {
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("U+%04X: normal %v, ccc %d, boundary before %v", r, norm.NFC.IsNormalString(s), p.CCC(), p.BoundaryBefore())
		}
	}
	for r := rune(0); r < 0x300; r++ {
		check(r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		check(r)
	}
}

// slowNormalize and slowFold are Normalize and FoldNormal as they were
// before their fast paths.
func slowNormalize(s string) string {
	return slowRetone(collapseSpace(norm.NFC.String(s)))
}

func slowRetone(s string) string {
	var b []byte
	last := 0
	start := -1
	flush := func(i int) {
		w := s[start:i]
		if nw, ok := retoneWord(w); ok {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[last:start]...)
			b = append(b, nw...)
			last = i
		}
		start = -1
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			flush(i)
		}
	}
	if start >= 0 {
		flush(len(s))
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

func slowFoldNormal(s string) string {
	b := make([]byte, 0, len(s))
	dropped := false
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		case unicode.Is(unicode.Mn, r):
			dropped = true
			continue
		}
		if d, ok := SuperscriptDigit(r); ok {
			r = d
		} else if l, ok := letters[r]; ok {
			r = l.fold
		} else {
			r = unicode.ToLower(r)
		}
		b = utf8.AppendRune(b, r)
	}
	if dropped {
		return collapseSpace(string(b))
	}
	return string(b)
}

// TestFastPathsAsBefore compares Normalize, cleanSpace and FoldNormal with
// their full paths on random strings mixing Vietnamese letters, ASCII,
// white space of every kind, combining marks and other scripts.
func TestFastPathsAsBefore(t *testing.T) {
	pieces := []string{"a", "Hòa", "hoà", "Thị uỷ", "ĐỒNG", "đ", " ", "  ", "\t", "\n", "\u00a0", "\u200b", "\u0301", "\u0300", "e\u0301",
		"1", ",", ".", "ừ", "Ư", "ß", "Ω", "中", "\u212b", "\u0340", "ǅ", "İ", "\ufffd", "\xff", "x\u0323", "ﬁ", "Ṩ", "ỹ", "Ỳ", "oà", "uỷ", "khoẻ", "Hoà ", "qu", "oa\u0300", "ΰ", "ά"}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := Normalize(s), slowNormalize(s); got != want {
			t.Fatalf("Normalize(%q) = %q, the full path %q", s, got, want)
		}
		if got, want := cleanSpace(s), collapseSpace(norm.NFC.String(s)); got != want {
			t.Fatalf("cleanSpace(%q) = %q, the full path %q", s, got, want)
		}
		n := Normalize(s)
		if got, want := FoldNormal(n), slowFoldNormal(n); got != want {
			t.Fatalf("FoldNormal(%q) = %q, before %q", n, got, want)
		}
		if got, want := FoldNormal(s), slowFoldNormal(s); got != want {
			t.Fatalf("FoldNormal(%q) = %q, before %q", s, got, want)
		}
	}
	for r := rune(0); r < 0x2000; r++ {
		s := "A" + string(r) + "b"
		if got, want := FoldNormal(s), slowFoldNormal(s); got != want {
			t.Fatalf("FoldNormal(%q) = %q, before %q", s, got, want)
		}
	}
}

// TestRetoneLastAsLetters: retoneWord, which tells most words' last rune
// from a table (retoneLast), changes the words retoneWordBefore (its
// letters' map alone) did, ending in every rune below U+1F00 and beyond.
func TestRetoneLastAsLetters(t *testing.T) {
	changed := 0
	for r := rune(0); r < 0x2000; r++ {
		for _, w := range []string{"ho" + string(r), "o" + string(r), "qu" + string(r), "thu" + string(r), "kho" + string(r), "HO" + string(r), string(r)} {
			got, ok := retoneWord(w)
			want, wantOK := retoneWordBefore(w)
			if got != want || ok != wantOK {
				t.Fatalf("retoneWord(%q) = %q %v, before %q %v", w, got, ok, want, wantOK)
			}
			if ok {
				changed++
			}
		}
	}
	if changed < 20 {
		t.Errorf("only %d words changed: the test checks little", changed)
	}
}

// retoneWordBefore is retoneWord before retoneLast: the reference
// TestRetoneLastAsLetters compares with.
func retoneWordBefore(w string) (string, bool) {
	// The syllable must end in a toned a, e or y.
	lastR, size := utf8.DecodeLastRuneInString(w)
	l2, ok := letters[lastR]
	if !ok || l2.tone == 0 || l2.marked {
		return w, false
	}
	switch l2.fold {
	case 'a', 'e', 'y':
	default:
		return w, false
	}
	firstR, size1 := utf8.DecodeLastRuneInString(w[:len(w)-size])
	l1, ok := letters[firstR]
	if !ok || l1.tone != 0 || l1.marked {
		return w, false
	}
	switch string([]rune{l1.fold, l2.fold}) {
	case "oa", "oe":
	case "uy":
		if prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-size-size1]); prev == 'q' || prev == 'Q' {
			return w, false
		}
	default:
		return w, false
	}
	// Only one vowel group: a vowel before the pair ("hoài" reversed, "uoa")
	// makes it another syllable shape.
	if prev, _ := utf8.DecodeLastRuneInString(w[:len(w)-size-size1]); letters[prev].isVowel {
		return w, false
	}
	toned, ok := withTone[[2]rune{l1.base, l2.tone}]
	if !ok {
		return w, false
	}
	return w[:len(w)-size-size1] + string(toned) + string(l2.base), true
}

// TestRetoneAsSlowRetone compares retone, which reads a word only around
// a rune retoneLast marks, with slowRetone, which reads every word, on
// random strings of the syllables it changes and leaves, other letters
// and marks, every kind of boundary and invalid UTF-8 (bytes that are a
// retoneLead's, cut runes, stray continuation bytes).
func TestRetoneAsSlowRetone(t *testing.T) {
	pieces := []string{"hoà", "Hoà", "HOÀ", "khoẻ", "uỷ", "Uỷ", "quý", "quỷ", "Thuỵ", "hoài", "hoàng", "oà", "à", "ý", "ỹ", "Ỵ", "ẹ",
		"a", "o", "u", "q", "x", "ư", "ơ", "ß", "Ω", "中", "\u0301", "\u0300", "\u0323", " ", ",", ".", "-", "1", "\u00a0", "\u2013", "\u00d7",
		"\ufffd", "\xc3", "\xe1", "\xe1\xba", "\xe1\xbb", "\xa0", "\xb9", "\xc3\xc3", "\xff", "\xf0\x9f", "😀", "ǎ", "ÿ", "ά"}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 300000; i++ {
		var b strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := retone(s), slowRetone(s); got != want {
			t.Fatalf("retone(%q) = %q, slowRetone %q", s, got, want)
		}
	}
	// Every rune below U+2100 after and before a changed syllable.
	for r := rune(0); r < 0x2100; r++ {
		for _, s := range []string{"hoà" + string(r), string(r) + "hoà", "o" + string(r) + "à", "hoà" + string(r) + "uỷ"} {
			if got, want := retone(s), slowRetone(s); got != want {
				t.Fatalf("retone(%q) = %q, slowRetone %q", s, got, want)
			}
		}
	}
}

// TestRetoneRuneAsDecode: retoneRune reads every lead byte and the bytes
// after it as utf8.DecodeRuneInString does.
func TestRetoneRuneAsDecode(t *testing.T) {
	tails := []string{"", "\x80", "\xbf", "\xc0", "\x41", "\x80\x80", "\xbf\xbf", "\x80\x41", "\xa0\x80", "\x9f\xbf", "\x80\x80\x80", "\xff\xff"}
	for c := 0; c < 256; c++ {
		for _, tail := range tails {
			s := string([]byte{byte(c)}) + tail
			r, n := retoneRune(s)
			wr, wn := utf8.DecodeRuneInString(s)
			if r != wr || n != wn {
				t.Fatalf("retoneRune(%q) = %U %d, DecodeRuneInString %U %d", s, r, n, wr, wn)
			}
		}
	}
	for r := rune(0x80); r < 0x10000; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if got, n := retoneRune(s); got != r || n != len(s) {
			t.Fatalf("retoneRune(%q) = %U %d", s, got, n)
		}
	}
}

// TestPlainCleanAsDecoding: plainClean, which reads most Vietnamese
// letters by their bytes, answers as decoding every rune did
// (plainCleanSlow), for every rune below U+2100 and in Latin Extended
// Additional's neighbours alone and between letters and spaces, and for
// random strings with every kind of space and invalid UTF-8.
func TestPlainCleanAsDecoding(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := plainClean(s), plainCleanSlow(s); got != want {
			t.Fatalf("plainClean(%q) = %v, decoding every rune %v", s, got, want)
		}
	}
	for r := rune(0); r < 0x2100; r++ {
		for _, f := range []string{"%c", "a%cb", "a %c", "%c ", "a\u1ea1%c"} {
			check(fmt.Sprintf(f, r))
		}
	}
	pieces := []string{"a", "ạ", "Ầ", "ỹ", "đ", "Đ", "ơ", "ư", "ǅ", "ȧ", "ɐ", "ˀ", "\u0300", "\u0301", "\u1dff", "\u1f00", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u2007",
		"\xc2", "\xc3", "\xcb", "\xcc", "\xe1", "\xe1\xb8", "\xe1\xbb", "\xe1\xbc\x80", "\x80", "\xbf", "\xff", "1", ",", "中"}
	rng := rand.New(rand.NewSource(5))
	for i := 0; i < 300000; i++ {
		var b strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
}

// plainCleanSlow is plainClean as it was before its byte-read fast path.
func plainCleanSlow(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return false
		case r < 0x300:
			if isSpace(r) {
				return false
			}
		case r >= 0x1E00 && r <= 0x1EFF:
		default:
			return false
		}
		prevSpace = false
		i += n
	}
	return !prevSpace || s == ""
}
