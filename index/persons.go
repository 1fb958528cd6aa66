package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
)

// A person is named without "ông" or "bà" before them as often as with:
// "Thượng tướng Nguyễn Văn Được, …", "nhà thơ Đinh Công Thủy", "Vice
// Chairman of the National Assembly Nguyen Khac Dinh chaired …", "Các
// bà: Tăng Thị Linh Chi, …". What marks the name is its shape: a family
// name, then two or three more capitalised syllables. Names of streets,
// schools and cities share it ("đường Lê Hồng Phong", "Ho Chi Minh
// City"); a place's prefix before the run, or a place's kind after it,
// tells them apart.

// placeBefore are the words, in lower case with their marks, before a
// place's name that a person's name shares ("thành phố Hồ Chí Minh",
// "đường Lê Hồng Phong", "trường Phan Bội Châu"): the last syllable of
// each of the lexicon's place prefixes and their short forms, with or
// without a dot, plus streets and schools, which the lexicon does not
// count as places. Not folded: "trưởng" before a name is a head's title,
// "trường" a school.
var placeBefore = func() map[string]bool {
	m := map[string]bool{"đường": true, "trường": true}
	for _, p := range content.Lexicon.PlacePrefixes {
		words := strings.Fields(p.Name)
		m[words[len(words)-1]] = true
		for _, s := range p.Short {
			s = strings.ToLower(s)
			m[s], m[s+"."] = true, true
		}
	}
	return m
}()

// placeAfter are the English kinds written after a place's name; such a
// word, capitalised, would otherwise read as the name's last syllable.
var placeAfter = map[string]bool{
	"City": true, "city": true, "Street": true, "street": true, "Province": true, "province": true,
	"District": true, "district": true, "Ward": true, "ward": true, "Commune": true, "commune": true,
	"Road": true, "road": true, "Town": true, "town": true, "School": true, "school": true,
}

// namesBySurname: text holds three or four capitalised syllables in a
// row, the first a Vietnamese family name, written with their marks, that
// are not a place's name. A name written without marks is left out: on
// English pages the other readings take the person named before their
// title, and with these names too a real-2 question asking for the
// newspaper's new head was answered with the sentence naming the
// provincial secretary who handed over the decision.
func namesBySurname(text string) bool {
	// Words are read in place, without splitting the text: every unit
	// of a build is read so (an allocation per word cost as much as
	// nameRe).
	var prev, w string
	rest := text
	next := func() string {
		i := 0
		for i < len(rest) && asciiSpace(rest[i]) {
			i++
		}
		j := i
		for j < len(rest) && !asciiSpace(rest[j]) {
			j++
		}
		f := rest[i:j]
		rest = rest[j:]
		return f
	}
	for w = next(); w != ""; prev, w = w, next() {
		if !nameSyllable(w) {
			continue
		}
		// The run of name syllables from w, up to punctuation.
		save, n, marked, kindAfter := rest, 1, hasMark(w), false
		for n < 4 {
			f := next()
			core := strings.TrimRight(f, ",.;:)”\"'’")
			if placeAfter[core] {
				kindAfter = true
				break
			}
			if f == "" || !nameSyllable(core) {
				break
			}
			marked = marked || hasMark(core)
			n++
			if core != f {
				break // punctuation ends the name
			}
		}
		rest = save
		// A name after a field's label ("Tác giả: …", "Người tiếp: …")
		// is a record's field: the author line or a schedule's row, which
		// the readings of fields answer.
		if n < 3 || !marked || kindAfter || strings.HasSuffix(prev, ":") || placeBefore[strings.ToLower(strings.TrimLeft(prev, "(“\"'"))] {
			continue
		}
		if content.IsSurname(w) {
			return true
		}
	}
	return false
}

// nameSyllable: a word of a name — a capital, then lower-case letters and
// marks, at most seven in all ("Nguyễn", "Tuan"); not an abbreviation.
func nameSyllable(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) > 7 {
		return false
	}
	for _, r := range w[size:] {
		if !unicode.IsLower(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// hasMark: w holds a letter outside ASCII — a Vietnamese mark or "đ".
func hasMark(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func asciiSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
