package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

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

// The traits' other expressions, subjRe, nameRe, timeRe and spanRe, read
// by hand as well (TestTraitWordsAsExpressions): after the three above
// they were the traits' largest cost, subjRe's most of all (its seven
// case-insensitive names tried at every position of each sentence with
// "về" and a document's name).

// foldEq reports whether c matches r as (?i) reads a literal r: c is in
// r's orbit under unicode.SimpleFold ("k" matches "K" and the Kelvin sign
// U+212A).
func foldEq(c, r rune) bool {
	if c == r {
		return true
	}
	if c < utf8.RuneSelf && r < utf8.RuneSelf {
		return c|0x20 == r|0x20 && (c|0x20) >= 'a' && (c|0x20) <= 'z'
	}
	if r < 0 || r == utf8.RuneError {
		return false
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f == c {
			return true
		}
	}
	return false
}

// foldPrefix is how many bytes of s match w as (?i)w reads them from
// s's start; -1 if they do not. Invalid UTF-8 in s reads as U+FFFD, one
// byte a rune, as regexp reads it, and matches no letter of w.
func foldPrefix(s, w string) int {
	i := 0
	for _, wr := range w {
		if i >= len(s) {
			return -1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 && r == utf8.RuneError || !foldEq(r, wr) {
			return -1
		}
		i += n
	}
	return i
}

// foldSuffixStart is where the end of s that (?i)w matches starts; ok is
// false if s does not end so.
func foldSuffixStart(s, w string) (start int, ok bool) {
	i := len(s)
	for j := len(w); j > 0; {
		wr, wn := utf8.DecodeLastRuneInString(w[:j])
		j -= wn
		if i == 0 {
			return 0, false
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if n == 1 && r == utf8.RuneError || !foldEq(r, wr) {
			return 0, false
		}
		i -= n
	}
	return i, true
}

// subjectNames are subjRe's documents, as it writes them.
var subjectNames = []string{"nghị quyết", "kết luận", "kế hoạch", "chương trình", "quyết định", "chỉ thị", "đề án"}

// hasSubjectShape is subjRe.MatchString: `(?i)(names)[^.;]{0,80}\svề\s+
// (việc\s|["“«])`. It looks for "về" after a \s and before \s+ and what
// must follow, then back from that \s over at most 80 runes with no "."
// or ";" for the end of a document's name.
func hasSubjectShape(text string) bool {
	for v := 1; v+1 < len(text); v++ {
		if !isSpaceRE(text[v-1]) || text[v]|0x20 != 'v' {
			continue
		}
		n := foldPrefix(text[v:], "về")
		if n < 0 {
			continue
		}
		a := v + n
		s := spaceRun(text, a)
		if s == 0 {
			continue
		}
		a += s
		rest := text[a:]
		if !strings.HasPrefix(rest, `"`) && !strings.HasPrefix(rest, "“") && !strings.HasPrefix(rest, "«") {
			k := foldPrefix(rest, "việc")
			if k < 0 || k >= len(rest) || !isSpaceRE(rest[k]) {
				continue
			}
		}
		for e, runes := v-1, 0; ; runes++ {
			for _, w := range subjectNames {
				if _, ok := foldSuffixStart(text[:e], w); ok {
					return true
				}
			}
			if e == 0 || runes == 80 {
				break
			}
			r, size := utf8.DecodeLastRuneInString(text[:e])
			if r == '.' || r == ';' {
				break
			}
			e -= size
		}
	}
	return false
}

// isSpaceRE is regexp's \s.
func isSpaceRE(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// nameTitleForms are nameRe's titles as it writes them (it is
// case-sensitive), each "Mr.", "Mrs." and "Ms." with and without its dot.
var nameTitleForms = []string{"Ông", "ông", "Bà", "bà", "Đồng chí", "đồng chí", "Đ/c", "đ/c", "Anh", "anh", "Chị", "chị", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms"}

// titlesByByte are nameTitleForms by their first byte.
var titlesByByte = func() (m [256][]string) {
	for _, t := range nameTitleForms {
		m[t[0]] = append(m[t[0]], t)
	}
	return m
}()

// nameOpeners are the bytes nameRe's title may follow: [\s,;(].
var nameOpeners = [256]bool{' ': true, '\t': true, '\n': true, '\f': true, '\r': true, ',': true, ';': true, '(': true}

// hasNameShape is nameRe.MatchString: at the text's start or after one of
// [\s,;(], a title, \s+, a capital letter and small ones, \s+ and a
// capital letter (the expression's other syllables, {1,3} of them, need
// only the first).
func hasNameShape(text string) bool {
	for p := 0; p < len(text); p++ {
		ts := titlesByByte[text[p]]
		if len(ts) == 0 || p > 0 && !nameOpeners[text[p-1]] {
			continue
		}
		for _, t := range ts {
			if strings.HasPrefix(text[p:], t) && namesAfter(text, p+len(t)) {
				return true
			}
		}
	}
	return false
}

// namesAfter reports whether text[i:] starts with \s+\p{Lu}\p{Ll}*\s+\p{Lu}.
func namesAfter(text string, i int) bool {
	s := spaceRun(text, i)
	if s == 0 {
		return false
	}
	i += s
	r, n := utf8.DecodeRuneInString(text[i:])
	if !unicode.Is(unicode.Lu, r) {
		return false
	}
	i += n
	for i < len(text) {
		r, n = utf8.DecodeRuneInString(text[i:])
		if !unicode.Is(unicode.Ll, r) {
			break
		}
		i += n
	}
	s = spaceRun(text, i)
	if s == 0 {
		return false
	}
	r, _ = utf8.DecodeRuneInString(text[i+s:])
	return unicode.Is(unicode.Lu, r)
}

// hasTimeShape is timeRe.MatchString, its three forms at each run of one
// or two digits with no ASCII word character before it:
// \d{1,2}\s*(h|giờ|g)(\s*\d{2}(\s*phút)?)?([^\p{L}\p{N}]|$),
// \d{1,2}:\d{2}\b and \d{1,2}([:.]\d{2})?\s*([ap]\.m\.|[ap]m\b), case
// folded. A longer run of digits fails each: what follows its first two
// is a digit.
func hasTimeShape(text string) bool {
	for p := 0; p < len(text); p++ {
		if !isDigitByte(text[p]) {
			continue
		}
		n := digitRun(text, p)
		if n > 2 || asciiWordAt(text, p-1) {
			p += n - 1
			continue
		}
		q := p + n
		// \s*(h|giờ|g)…
		u := q + spaceRun(text, q)
		for _, unit := range [...]string{"h", "giờ", "g"} {
			if k := foldPrefix(text[u:], unit); k >= 0 && timeUnitEnds(text, u+k) {
				return true
			}
		}
		// \d{1,2}:\d{2}\b
		if q < len(text) && text[q] == ':' && digitRun(text, q+1) == 2 && !asciiWordAt(text, q+3) {
			return true
		}
		// ([:.]\d{2})?\s*([ap]\.m\.|[ap]m\b)
		if meridiemAt(text, q) || q < len(text) && (text[q] == ':' || text[q] == '.') && digitRun(text, q+1) == 2 && meridiemAt(text, q+3) {
			return true
		}
		p += n - 1
	}
	return false
}

// timeUnitEnds reports whether text[i:], after timeRe's unit, reads as
// (\s*\d{2}(\s*phút)?)?([^\p{L}\p{N}]|$).
func timeUnitEnds(text string, i int) bool {
	if notLetterOrNumberAt(text, i) {
		return true
	}
	j := i + spaceRun(text, i)
	if digitRun(text, j) != 2 {
		// a third digit is \p{N}; fewer than two are no minutes
		return false
	}
	j += 2
	if notLetterOrNumberAt(text, j) {
		return true
	}
	k := j + spaceRun(text, j)
	if m := foldPrefix(text[k:], "phút"); m >= 0 {
		return notLetterOrNumberAt(text, k+m)
	}
	return false
}

// notLetterOrNumberAt is ([^\p{L}\p{N}]|$) at text[i:].
func notLetterOrNumberAt(text string, i int) bool {
	if i >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	if r < utf8.RuneSelf {
		return !asciiWordAt(text, i) || text[i] == '_'
	}
	// (?i) folds the class before it is negated: a rune one of whose
	// case folds is a letter or a number reads as one (U+0345, which
	// folds to ι).
	for f := r; ; {
		if unicode.Is(unicode.L, f) || unicode.Is(unicode.N, f) {
			return false
		}
		if f = unicode.SimpleFold(f); f == r {
			return true
		}
	}
}

// meridiemAt is \s*([ap]\.m\.|[ap]m\b) at text[i:], case folded.
func meridiemAt(text string, i int) bool {
	i += spaceRun(text, i)
	if i >= len(text) || text[i]|0x20 != 'a' && text[i]|0x20 != 'p' {
		return false
	}
	rest := text[i+1:]
	if len(rest) >= 3 && rest[0] == '.' && rest[1]|0x20 == 'm' && rest[2] == '.' {
		return true
	}
	return len(rest) >= 1 && rest[0]|0x20 == 'm' && !asciiWordAt(rest, 1)
}

// hasSpanShape is spanRe.MatchString: `(?i)\b(\d+|count words)\s+(units)\b`.
// It looks for a unit followed by \b, then back over \s+ for a run of
// digits or a count word with \b before it. \b is ASCII's: "giờ" and
// "quý" end in a letter that is not a word character, so the expression
// wants a word character after them.
func hasSpanShape(text string) bool {
	for u := 1; u+1 < len(text); u++ {
		if !spanUnitStarts(text[u], text[u+1]) || !isSpaceRE(text[u-1]) {
			continue
		}
		for _, w := range spanUnits {
			k := foldPrefix(text[u:], w)
			if k < 0 || asciiWordAt(text, u+k-1) == asciiWordAt(text, u+k) {
				continue
			}
			if spanCountBefore(text[:spaceREStart(text[:u])]) {
				return true
			}
		}
	}
	return false
}

// spanUnitPairs holds the first two bytes of every way (?i) reads a
// unit of spanUnits: most words start with none of them ("ng", "th"
// start many, "ngày" and "tháng" few of those).
var spanUnitPairs = func() *[256][4]uint64 {
	var m [256][4]uint64
	for _, w := range spanUnits {
		rs := []rune(w)
		for _, a := range foldOrbit(rs[0]) {
			for _, b := range foldOrbit(rs[1]) {
				e := string(a) + string(b)
				m[e[0]][e[1]/64] |= 1 << (e[1] % 64)
			}
		}
	}
	return &m
}()

// spanUnitStarts reports whether a unit of spanUnits, case folded, may
// start with the bytes a and b.
func spanUnitStarts(a, b byte) bool { return spanUnitPairs[a][b/64]&(1<<(b%64)) != 0 }

// foldOrbit is r and the runes unicode.SimpleFold gives from it: what
// (?i) matches for r.
func foldOrbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

// spanCountBefore reports whether s ends with spanRe's count (a run of
// digits or a count word) with \b before it.
func spanCountBefore(s string) bool {
	if s == "" {
		return false
	}
	if isDigitByte(s[len(s)-1]) {
		i := len(s)
		for i > 0 && isDigitByte(s[i-1]) {
			i--
		}
		return !asciiWordAt(s, i-1)
	}
	for _, c := range spanCounts {
		if cs, ok := foldSuffixStart(s, c); ok && asciiWordAt(s, cs-1) != asciiWordAt(s, cs) {
			return true
		}
	}
	return false
}

// spaceREStart is where the run of \s that s ends with starts.
func spaceREStart(s string) int {
	i := len(s)
	for i > 0 && isSpaceRE(s[i-1]) {
		i--
	}
	return i
}
