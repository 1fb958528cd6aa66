package index

import (
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// The traits' commonest expressions, numberRe, phoneRe and dateRe, tried
// at every position of every unit's text, were a third of the traits'
// CPU. These read the same text by hand and answer as MatchString does
// (TestShapesAsExpressions): \b is a boundary between an ASCII word
// character ([0-9A-Za-z_]) and anything else, \s one of [\t\n\f\r ].

// asciiWordAt reports whether text[i] is an ASCII word character; any
// byte of a rune beyond ASCII is none, as regexp's \b reads runes.
func asciiWordAt(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	c := text[i]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// digitRun is how many ASCII digits start at text[i:].
func digitRun(text string, i int) int {
	n := 0
	for i+n < len(text) && isDigitByte(text[i+n]) {
		n++
	}
	return n
}

// spaceRun is how many of \s's bytes start at text[i:].
func spaceRun(text string, i int) int {
	n := 0
	for i+n < len(text) && strings.IndexByte("\t\n\f\r ", text[i+n]) >= 0 {
		n++
	}
	return n
}

// hasNumberShape is numberRe.MatchString: a run of digits with no ASCII
// word character on either side.
func hasNumberShape(text string) bool {
	for i := 0; i < len(text); i++ {
		if !isDigitByte(text[i]) {
			continue
		}
		n := digitRun(text, i)
		if !asciiWordAt(text, i-1) && !asciiWordAt(text, i+n) {
			return true
		}
		i += n
	}
	return false
}

// hasPhoneShape is phoneRe.MatchString (`\b0\d{2,4}[ .]?\d{3}[ .]?\d{3,4}\b`):
// each way the expression can read the text from a 0 starting a run of
// digits is tried, as its bounded repetitions allow no other.
func hasPhoneShape(text string) bool {
	// digitsAt: text[i:i+n] are n digits.
	digitsAt := func(i, n int) bool {
		if i+n > len(text) {
			return false
		}
		for k := i; k < i+n; k++ {
			if !isDigitByte(text[k]) {
				return false
			}
		}
		return true
	}
	// sep gives the positions after an optional space or dot at i.
	sep := func(i int) []int {
		if i < len(text) && (text[i] == ' ' || text[i] == '.') {
			return []int{i + 1, i}
		}
		return []int{i}
	}
	for p := 0; p < len(text); p++ {
		if text[p] != '0' || asciiWordAt(text, p-1) {
			continue
		}
		for a := 2; a <= 4; a++ {
			if !digitsAt(p+1, a) {
				break
			}
			for _, q := range sep(p + 1 + a) {
				if !digitsAt(q, 3) {
					continue
				}
				for _, r := range sep(q + 3) {
					for c := 3; c <= 4; c++ {
						if digitsAt(r, c) && !asciiWordAt(text, r+c) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// englishMonths are EnglishMonths' names.
var englishMonths = strings.Split(content.EnglishMonths, "|")

// hasDateShape is dateRe.MatchString: one of its six forms at some
// position.
func hasDateShape(text string) bool {
	for p := 0; p < len(text); p++ {
		if asciiWordAt(text, p-1) {
			continue // every form starts with \b before a word character
		}
		c := text[p]
		switch {
		case isDigitByte(c):
			n := digitRun(text, p)
			if n > 2 {
				p += n - 1
				continue
			}
			// \d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b
			if q := p + n; q < len(text) && strings.IndexByte("/.-", text[q]) >= 0 {
				if m := digitRun(text, q+1); m >= 1 && m <= 2 {
					if r := q + 1 + m; r < len(text) && strings.IndexByte("/.-", text[r]) >= 0 {
						if digitRun(text, r+1) == 4 && !asciiWordAt(text, r+5) {
							return true
						}
					}
				}
			}
			// \d{1,2}\s+(?:months)\b
			if s := spaceRun(text, p+n); s > 0 {
				q := p + n + s
				for _, m := range englishMonths {
					if strings.HasPrefix(text[q:], m) && !asciiWordAt(text, q+len(m)) {
						return true
					}
				}
			}
			p += n - 1
		case c == 'n':
			// năm \d{4}\b
			if strings.HasPrefix(text[p:], "năm ") {
				q := p + len("năm ")
				if digitRun(text, q) == 4 && !asciiWordAt(text, q+4) {
					return true
				}
			}
		case c == 't':
			// tháng \d{1,2}\b
			if strings.HasPrefix(text[p:], "tháng ") {
				q := p + len("tháng ")
				if n := digitRun(text, q); n >= 1 && n <= 2 && !asciiWordAt(text, q+n) {
					return true
				}
			}
		case c == 'Q':
			// Quý [IV]+\b
			if strings.HasPrefix(text[p:], "Quý ") {
				q := p + len("Quý ")
				n := 0
				for q+n < len(text) && (text[q+n] == 'I' || text[q+n] == 'V') {
					n++
				}
				if n > 0 && !asciiWordAt(text, q+n) {
					return true
				}
			}
		case c >= 'A' && c <= 'Z':
			// (?:months)\s+\d{1,4}\b
			for _, m := range englishMonths {
				if !strings.HasPrefix(text[p:], m) {
					continue
				}
				q := p + len(m)
				if s := spaceRun(text, q); s > 0 {
					if n := digitRun(text, q+s); n >= 1 && n <= 4 && !asciiWordAt(text, q+s+n) {
						return true
					}
				}
			}
		}
	}
	return false
}
