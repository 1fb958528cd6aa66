package index

import (
	"unicode"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
)

// letterOrDigit is content.WordRune up to Latin
// Extended Additional, looked up: splitting text into words searched
// unicode's range tables for every rune of every unit three or four
// times over in a build (its words, its folded words, its place names).
// An array, not a slice: a byte indexes it with no bounds check.
var letterOrDigit = func() *[0x1F00]bool {
	var t [0x1F00]bool
	for r := range t {
		t[r] = content.WordRune(rune(r))
	}
	return &t
}()

// letterDigit is unicode.IsLetter or unicode.IsDigit up to Latin
// Extended Additional, looked up (nameStopsEnds' words: no superscript
// digit, unlike letterOrDigit).
var letterDigit = func() *[0x1F00]bool {
	var t [0x1F00]bool
	for r := range t {
		t[r] = unicode.IsLetter(rune(r)) || unicode.IsDigit(rune(r))
	}
	return &t
}()

// splitWords is strings.FieldsFunc(s, notWord): the runs of letters and
// digits in s, as slices of it.
func splitWords(s string) []string {
	n := 0
	eachWord(s, func(string) { n++ })
	out := make([]string, 0, n)
	eachWord(s, func(w string) { out = append(out, w) })
	return out
}

// eachWord calls f with each run of letters and digits in s, in order.
func eachWord(s string, f func(string)) {
	eachWordWhile(s, func(w string) bool { f(w); return true })
}

// eachWordWhile is eachWord, stopping once f returns false: a reader that
// needs only a sentence's first words need not split the rest.
func eachWordWhile(s string, f func(string) bool) {
	start := -1
	for i := 0; i < len(s); {
		var word bool
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			word = letterOrDigit[c]
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			if r < rune(len(letterOrDigit)) {
				word = letterOrDigit[r]
			} else {
				word = !notWord(r)
			}
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			if !f(s[start:i]) {
				return
			}
			start = -1
		}
		i += n
	}
	if start >= 0 {
		f(s[start:])
	}
}
