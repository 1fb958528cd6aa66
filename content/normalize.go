package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Spelling policy.
//
// Vietnamese text in the wild writes the same word two ways: the tone mark of
// the open syllables oa, oe and uy sits on the second vowel in one habit
// ("hoà", "khoẻ", "Thị uỷ", "thuỷ") and on the first in the other ("hòa",
// "khỏe", "Thị ủy", "thủy"). One published article often mixes both. This
// package keeps the publisher's spelling in everything it returns as text —
// Article.Paragraphs, Document.Sentence, Merger.Sentence, Contact fields and
// lines are only NFC-composed with their whitespace cleaned — because staff
// quote the exact published sentence and answers are checked against exact
// published substrings such as "sáp nhập Ban Dân vận Thị uỷ, Ban Tuyên giáo
// Thị ủy". Normalize and Fold exist for matching: search applies the same
// function to the text it indexes and to the question it is asked, so both
// spellings meet.

// Normalize returns s in the form used for matching: NFC, one tone-mark
// placement for oa/oe/uy (on the first vowel: "hòa", "khỏe", "ủy", "thủy"),
// every run of white space (including no-break spaces) collapsed to one space,
// and no leading or trailing space. Case is kept.
func Normalize(s string) string {
	s = norm.NFC.String(s)
	s = collapseSpace(s)
	if !strings.ContainsFunc(s, isMovableTone) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			b.WriteString(retoneWord(s[start:i]))
			start = -1
		}
		b.WriteRune(r)
	}
	if start >= 0 {
		b.WriteString(retoneWord(s[start:]))
	}
	return b.String()
}

// Fold returns s normalised, without diacritics and lower-cased: "Thị uỷ"
// and "thi uy" both fold to "thi uy", and "Đảng" to "dang". Citizens often
// type without accents; search compares folded forms as a fallback.
func Fold(s string) string {
	s = Normalize(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// cleanSpace is the only change made to published text: NFC composition and
// white space collapsed. No-break spaces, tabs and zero-width characters that
// portals scatter through their pages all count as white space.
func cleanSpace(s string) string {
	return collapseSpace(norm.NFC.String(s))
}

func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = b.Len() > 0
			continue
		}
		if r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d' {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u2007' || r == '\u202f'
}

// Tone marks, as combining characters in NFD.
const (
	toneGrave = '\u0300'
	toneAcute = '\u0301'
	toneTilde = '\u0303'
	toneHook  = '\u0309'
	toneDot   = '\u0323'
)

func isTone(r rune) bool {
	switch r {
	case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
		return true
	}
	return false
}

// isMovableTone reports whether r is a toned a, e or y: the only letters that
// carry a misplaced tone in oa/oe/uy. It lets Normalize skip the word-by-word
// pass for text that cannot need it.
func isMovableTone(r rune) bool {
	if r < 0x80 {
		return false
	}
	d := norm.NFD.String(string(r))
	base, size := utf8.DecodeRuneInString(d)
	switch unicode.ToLower(base) {
	case 'a', 'e', 'y':
	default:
		return false
	}
	rest := d[size:]
	if len(rest) == 0 {
		return false
	}
	for _, m := range rest {
		if !isTone(m) {
			return false // â, ê, ă carry a vowel mark: not oa/oe/uy
		}
	}
	return true
}

type letter struct {
	base  rune
	marks []rune // non-tone marks (circumflex, breve, horn)
	tone  rune   // 0 when none
}

// retoneWord moves the tone of an open oa/oe/uy syllable from the second
// vowel to the first: "hoà"→"hòa", "uỷ"→"ủy", "khoẻ"→"khỏe". Syllables with a
// final consonant ("hoàng", "khuyến") or a third vowel ("hoài", "khuya") are
// spelled the same in both habits and left alone, as is "qu" + y ("quý",
// "quỷ"), where u belongs to the consonant.
func retoneWord(w string) string {
	var ls []letter
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) {
			if len(ls) == 0 {
				return w
			}
			l := &ls[len(ls)-1]
			if isTone(r) {
				l.tone = r
			} else {
				l.marks = append(l.marks, r)
			}
			continue
		}
		ls = append(ls, letter{base: r})
	}
	// Find the vowel nucleus.
	first, last := -1, -1
	for i, l := range ls {
		if isVowel(l.base) {
			if first < 0 {
				first = i
			} else if last != i-1 {
				return w // two vowel groups: not one Vietnamese syllable
			}
			last = i
		}
	}
	if first < 0 || last != first+1 || last != len(ls)-1 {
		return w
	}
	v1, v2 := ls[first], ls[last]
	if len(v1.marks) > 0 || len(v2.marks) > 0 || v1.tone != 0 || v2.tone == 0 {
		return w
	}
	pair := string([]rune{unicode.ToLower(v1.base), unicode.ToLower(v2.base)})
	switch pair {
	case "oa", "oe":
	case "uy":
		if first > 0 && unicode.ToLower(ls[first-1].base) == 'q' {
			return w
		}
	default:
		return w
	}
	ls[first].tone, ls[last].tone = v2.tone, 0
	var b strings.Builder
	for _, l := range ls {
		b.WriteRune(l.base)
		for _, m := range l.marks {
			b.WriteRune(m)
		}
		if l.tone != 0 {
			b.WriteRune(l.tone)
		}
	}
	return norm.NFC.String(b.String())
}

func isVowel(r rune) bool {
	switch unicode.ToLower(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}
