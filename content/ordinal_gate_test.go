package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// ordinalsAsBefore is findOrdinals before its cheaper tests: both
// expressions over every text with one of ordinalWords.
func ordinalsAsBefore(text string) []Value {
	f := valueFinder{text: text, lower: strings.ToLower(text), taken: make([]bool, len(text)+1)}
	if !f.has(ordinalWords) {
		return nil
	}
	for _, re := range []*regexp.Regexp{ordinalValueRE, englishOrdinalRE} {
		for _, m := range re.FindAllStringSubmatchIndex(f.text, -1) {
			f.add(ValueOrdinal, m[2], m[3], "")
		}
	}
	return f.out
}

func ordinalsNow(text string) []Value {
	f := valueFinder{text: text, lower: strings.ToLower(text), taken: make([]bool, len(text)+1)}
	findOrdinals(&f)
	return f.out
}

// TestOrdinalGateAsExpressions: findOrdinals' cheap tests (the marker or
// a numbered noun before a number or an ordinal word; an English noun)
// never skip an expression that would match: the same values as both
// expressions run on every text with one of ordinalWords, on random
// strings of the expressions' words, numbers, Roman numerals, white space
// and case variants (the long s and the Kelvin sign among them), and on
// the real pages line by line.
func TestOrdinalGateAsExpressions(t *testing.T) {
	var words []string
	for _, ws := range [][]string{Lexicon.SequenceNouns, Lexicon.NumberedNouns, Lexicon.Ordinals, Lexicon.EnglishSequenceNouns, {Lexicon.OrdinalMarker}} {
		for _, w := range ws {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
		}
	}
	words = append(words, "first", "Second", "THIRD", "fifteenth", "firſt", "ſeſſion", "Sáu", "\u212Ahóa", "1st", "22nd", "3rd", "14th", "th", "st",
		"XIV", "IV", "xiv", "7", "32", "2019", "1/2", "thứ trưởng", "lần này", "National", "Party", "Đại Hội", "ĐẠI HỘI")
	pieces := []string{" ", "  ", "\t", "\n", ".", ",", "/", "-", "(", "a", "Ba", "\xff", "\xe1\xbb", "đ"}
	matched, checked := 0, 0
	check := func(s string) {
		t.Helper()
		checked++
		got, want := ordinalsNow(s), ordinalsAsBefore(s)
		if !slices.Equal(got, want) {
			t.Fatalf("findOrdinals(%q) = %v, both expressions %v", s, got, want)
		}
		if len(want) > 0 {
			matched++
		}
	}
	checkRandom(23, 300000, 8, append(pieces, words...), []string{"", " ", " ", "\t", ", "}, check)
	check("")
	for _, text := range realPageTexts() {
		for _, line := range strings.Split(text, "\n") {
			check(line)
		}
	}
	if matched < 1000 {
		t.Errorf("%d of %d texts with an ordinal: the texts test too little", matched, checked)
	}
	t.Logf("%d of %d texts with an ordinal", matched, checked)
}
