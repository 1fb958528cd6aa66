package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerTable[r] is unicode.ToLower(r) for the runes below it: every
// Vietnamese letter. unicode.ToLower searches the case ranges for each
// rune, and a build lower-cases every unit's text (strings.ToLower was
// 8% of prepare's CPU, half of it that search).
var lowerTable = func() *[0x2000]rune {
	var t [0x2000]rune
	for r := range t {
		t[r] = unicode.ToLower(rune(r))
	}
	return &t
}()

// lowerText is strings.ToLower(s), to the byte (TestLowerTextAsToLower):
// every rune to unicode.ToLower's, a byte of invalid UTF-8 to U+FFFD as
// strings.Map writes it, and s itself when nothing changes.
func lowerText(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || lowerRune(r) != r {
			break // invalid UTF-8 is written as U+FFFD
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(lowerRune(r))
		i += n
	}
	return b.String()
}

func lowerRune(r rune) rune {
	if r < rune(len(lowerTable)) {
		return lowerTable[r]
	}
	return unicode.ToLower(r)
}
