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
	if !plainClean(s) {
		s = collapseSpace(norm.NFC.String(s))
	}
	return retone(s)
}

// retone is Normalize's change of tone placement, on clean text.
//
// Only a word that ends in a toned, otherwise unmarked a, e or y
// (retoneLast) can change, and each of those runes starts with one of a
// few lead bytes (retoneLead): the text is scanned for them, and a word's
// end and start are read only around one. Reading every rune to find
// every word's end was 1.0 s of a 10,000-article build; most words end
// in an ASCII letter or in a rune retoneWord leaves alone.
func retone(s string) string {
	var b []byte
	last := 0 // s[:last] has been copied to b
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !retoneLead[c] {
			continue
		}
		r, n := retoneRune(s[i:])
		if r >= rune(len(retoneLast)) || !retoneLast[r] {
			continue
		}
		end := i + n
		if end < len(s) && startsWordRune(s[end:]) {
			continue // not the word's last rune
		}
		i = end - 1
		// The vowel before is an unmarked, untoned o or u (retoneWord's
		// oa, oe, uy): most words ending so ("và", "là") have none.
		if i+1-n == 0 || strings.IndexByte("oOuU", s[end-n-1]) < 0 {
			continue
		}
		start := end - n - 1
		for start > last {
			p, m := utf8.DecodeLastRuneInString(s[:start])
			if !isWordRune(p) {
				break
			}
			start -= m
		}
		if nw, ok := retoneWord(s[start:end]); ok {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, s[last:start]...)
			b = append(b, nw...)
			last = end
		}
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// retoneRune is utf8.DecodeRuneInString(s), read by hand for the leads
// of two-byte runes and E1…EC (three-byte runes with no overlong or
// surrogate form: Vietnamese letters are C3, C4, C5, C6 and E1 runes):
// retone reads most of a Vietnamese text's letters so.
func retoneRune(s string) (rune, int) {
	c := s[0]
	if c < 0xC2 || c > 0xDF && (c < 0xE1 || c > 0xEC) {
		return utf8.DecodeRuneInString(s)
	}
	if c < 0xE0 {
		if len(s) > 1 && s[1]&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(s[1]&0x3F), 2
		}
		return utf8.RuneError, 1
	}
	if len(s) > 2 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	return utf8.RuneError, 1
}

// startsWordRune reports whether s (not empty) starts with a word rune
// (isWordRune).
func startsWordRune(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isWordRune(r)
}

// retoneLead marks the first bytes of the runes retoneLast marks. Filled
// with it.
var retoneLead [256]bool

// isWordRune: a letter, or a mark NFC could not compose.
func isWordRune(r rune) bool {
	if r < rune(len(wordRunes)) {
		return wordRunes[r]
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// wordRunes is isWordRune up to Latin Extended Additional, looked up.
var wordRunes = func() []bool {
	t := make([]bool, 0x1F00)
	for r := range t {
		t[r] = unicode.IsLetter(rune(r)) || unicode.Is(unicode.Mn, rune(r))
	}
	return t
}()

// Fold returns s normalised, without diacritics and lower-cased: "Thị uỷ"
// and "thi uy" both fold to "thi uy", and "Đảng" to "dang". Citizens often
// type without accents; search compares folded forms as a fallback.
func Fold(s string) string { return FoldNormal(Normalize(s)) }

// FoldNormal is Fold of text Normalize has already returned: a build
// normalises every sentence once and folds it too, and normalising twice
// was a tenth of what it spends on each sentence.
func FoldNormal(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dropped := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		f := foldRuneOf(r)
		if f < 0 {
			dropped = true
			continue
		}
		b.WriteRune(f)
	}
	if dropped {
		// A stray mark between spaces or at an edge leaves white space to
		// collapse again ("\u0300 0" → "0", not " 0"), so Fold stays
		// idempotent (found by FuzzNormalize).
		return collapseSpace(b.String())
	}
	return b.String()
}

// FoldRune is what FoldNormal makes of the rune r: -1 for a combining
// mark, which it drops, else the rune it writes.
func FoldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return foldRuneOf(r)
}

// foldRuneOf is what FoldNormal makes of a rune beyond ASCII: -1 for a
// combining mark (dropped), else its fold.
func foldRuneOf(r rune) rune {
	if r < rune(len(foldTable)) {
		return foldTable[r]
	}
	return foldRuneSlow(r)
}

func foldRuneSlow(r rune) rune {
	if unicode.Is(unicode.Mn, r) {
		return -1
	}
	if d, ok := SuperscriptDigit(r); ok {
		return d
	}
	if l, ok := letters[r]; ok {
		return l.fold
	}
	return unicode.ToLower(r)
}

// foldTable is foldRuneSlow up to Latin Extended Additional, looked up
// instead of a map and a table search per letter: folding was most of
// the cost of matching a sentence's words.
// It is filled at the end of init, once letters is.
var foldTable []rune

// SuperscriptDigit is the digit a superscript ¹, ² or ³ writes, which pages
// put after a unit of area or volume ("12,5 km²", "800 m²") where others
// write "km2": every layer reads it as a digit of the word before it, so
// "km²" is one word, folded "km2", and not "km" (a distance).
func SuperscriptDigit(r rune) (rune, bool) {
	switch r {
	case '²':
		return '2', true
	case '³':
		return '3', true
	case '¹':
		return '1', true
	}
	return 0, false
}

// WordRune is what every layer counts as part of a word: a letter, a
// digit, or a superscript digit.
func WordRune(r rune) bool {
	if _, ok := SuperscriptDigit(r); ok {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// cleanSpace is the only change made to published text: NFC composition and
// white space collapsed. No-break spaces, tabs and zero-width characters that
// portals scatter through their pages all count as white space.
func cleanSpace(s string) string {
	if plainClean(s) {
		return s
	}
	return collapseSpace(norm.NFC.String(s))
}

// plainClean reports that s is already NFC and spaceClean, checked in one
// pass over its bytes: every rune is below U+0300 (Latin-1 and Latin
// Extended A and B) or a precomposed letter of Latin Extended Additional
// (U+1E00–U+1EFF, Vietnamese's letters with tones) — runes NFC leaves
// alone whatever surrounds them (none combines with the rune before it,
// TestPlainCleanRunes) — with single ' ' between words. Such text is
// nearly all of a Vietnamese corpus; NFC's own check and spaceClean's
// decoding of every rune were a tenth of a build's CPU, for sentences that
// a build normalises four or five times over (cutting, place names,
// traits). Anything else takes the full path.
// Clean reports whether s is already as Normalize's first step leaves
// text (NFC, white space clean), in the narrow sense of its fast path:
// one space between words, none at the edges, and only runes below
// U+0300 or of Latin Extended Additional.
func Clean(s string) bool { return plainClean(s) }

func plainClean(s string) bool {
	prevSpace := true // a space first is one to drop
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
		// Vietnamese letters, read by their bytes: two-byte runes below
		// U+0300 (leads C2…CB) and Latin Extended Additional (E1 B8…BB),
		// where decoding every rune was most of the test's cost.
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if c >= 0xC3 && c <= 0xCB {
				prevSpace = false
				i += 2
				continue
			}
			if c == 0xE1 && s[i+1] >= 0xB8 && s[i+1] <= 0xBB && i+2 < len(s) && s[i+2]&0xC0 == 0x80 {
				prevSpace = false
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return false
		case r < 0x300:
			if isSpace(r) { // U+0085, U+00A0
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

func collapseSpace(s string) string {
	// Most text is already clean: returning it as it is keeps a sentence
	// a slice of its paragraph instead of a copy (an index holds every
	// sentence of every article: 32 MB of copies at 10,000 articles).
	if spaceClean(s) {
		return s
	}
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

// spaceClean: collapseSpace would return s unchanged — no space at either
// end, only single ' ' between words, no zero-width characters.
func spaceClean(s string) bool {
	prevSpace := true // a space first is one to drop
	for _, r := range s {
		switch {
		case isSpace(r):
			if prevSpace || r != ' ' {
				return false
			}
			prevSpace = true
		case r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
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

var tones = []rune{toneGrave, toneAcute, toneTilde, toneHook, toneDot}

func isTone(r rune) bool {
	for _, t := range tones {
		if r == t {
			return true
		}
	}
	return false
}

// letterInfo describes a precomposed Latin letter: its base letter, whether
// it carries a vowel mark (circumflex, breve, horn) and which tone.
type letterInfo struct {
	base    rune // as cased in the letter: 'O' for 'Ò'
	marked  bool
	tone    rune
	fold    rune // lower-case base, đ→d: what Fold makes of it
	isVowel bool
}

var (
	letters = map[rune]letterInfo{}
	// withTone composes a bare vowel with a tone: {'o', toneGrave} → 'ò'.
	withTone = map[[2]rune]rune{}
)

func init() {
	add := func(r rune) {
		d := []rune(norm.NFD.String(string(r)))
		info := letterInfo{base: d[0]}
		for _, m := range d[1:] {
			if isTone(m) {
				info.tone = m
			} else {
				info.marked = true
			}
		}
		info.fold = unicode.ToLower(d[0])
		switch info.fold {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			info.isVowel = true
		}
		letters[r] = info
		if !info.marked && info.tone != 0 {
			withTone[[2]rune{info.base, info.tone}] = r
		}
	}
	for _, r := range "aeiouyAEIOUY" {
		add(r)
	}
	for r := rune(0xC0); r <= 0x24F; r++ {
		if unicode.IsLetter(r) {
			add(r)
		}
	}
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		add(r)
	}
	letters['đ'] = letterInfo{base: 'đ', fold: 'd'}
	letters['Đ'] = letterInfo{base: 'Đ', fold: 'd'}
	t := make([]rune, 0x1F00)
	for r := range t {
		t[r] = foldRuneSlow(rune(r))
	}
	foldTable = t
	last := make([]bool, 0x1F00)
	for r := range last {
		l, ok := letters[rune(r)]
		last[r] = ok && l.tone != 0 && !l.marked && (l.fold == 'a' || l.fold == 'e' || l.fold == 'y')
	}
	retoneLast = last
	for r, ok := range last {
		if ok {
			retoneLead[string(rune(r))[0]] = true
		}
	}
}

// retoneLast marks the runes below U+1F00 a syllable retoneWord changes
// may end with: a toned, otherwise unmarked a, e or y. Filled at the end
// of init, once letters is.
var retoneLast []bool

// retoneWord moves the tone of an open oa/oe/uy syllable from the second
// vowel to the first: "hoà"→"hòa", "uỷ"→"ủy", "khoẻ"→"khỏe". Syllables with a
// final consonant ("hoàng", "khuyến") or a third vowel ("hoài", "khuya") are
// spelled the same in both habits and left alone, as is "qu" + y ("quý",
// "quỷ"), where u belongs to the consonant. It reports whether it changed w;
// w is NFC.
func retoneWord(w string) (string, bool) {
	// The syllable must end in a toned a, e or y.
	lastR, size := utf8.DecodeLastRuneInString(w)
	// Most words end otherwise: told by a table, not the letters' map
	// (the map's look-ups were a third of Normalize's cost).
	if lastR < rune(len(retoneLast)) && !retoneLast[lastR] {
		return w, false
	}
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
