package index

import (
	"unicode"
	"unicode/utf8"
)

func decodeRune(s string, i int) (rune, int) { return utf8.DecodeRuneInString(s[i:]) }

func isWordByte(s string, i int) bool {
	r, _ := decodeRune(s, i)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// nearAny reports whether some word is one edit away from w (a typo).
func nearAny(w string, ws []string) bool {
	for _, x := range ws {
		if len(x) >= 3 && oneEdit(w, x) {
			return true
		}
	}
	return false
}

// oneEdit reports whether a and b differ by exactly one insertion, deletion,
// substitution or swap of adjacent letters.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	la, lb := len(ra), len(rb)
	if la-lb > 1 || lb-la > 1 || a == b {
		return false
	}
	i := 0
	for i < la && i < lb && ra[i] == rb[i] {
		i++
	}
	switch {
	case la == lb:
		if i+1 < la && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:]) {
			return true
		}
		return string(ra[i+1:]) == string(rb[i+1:])
	case la > lb:
		return string(ra[i+1:]) == string(rb[i:])
	default:
		return string(ra[i:]) == string(rb[i+1:])
	}
}
