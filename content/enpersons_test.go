package content

import (
	"strings"
	"testing"
)

// Synthetic sentences with invented names, in the shapes English pages
// write: honorific, name then title, title then name, a street.
func TestEnglishPersons(t *testing.T) {
	for _, c := range []struct {
		text, name, title string
	}{
		{"The meeting was chaired by Mr. Pham Van Thu, Vice Chairman of the Provincial People's Committee.", "Pham Van Thu", "Phó chủ tịch"},
		{"According to Dang Thi Mau, Secretary of the Party Committee of the commune, plans are approved.", "Dang Thi Mau", "Bí thư"},
		{"Chairman of the City People's Committee, Tran Van Kiem, has issued the decision.", "Tran Van Kiem", "Chủ tịch"},
		{"Ms. Le Thi Hoa said the centre opens on Saturdays.", "Le Thi Hoa", ""},
		{"Deputy Director of the Centre Nguyen Van Binh said so.", "Nguyen Van Binh", "Phó giám đốc"},
		{"Ngụy Thế Bình, Deputy Director of the centre, said the facility is open.", "Ngụy Thế Bình", "Phó giám đốc"},
		{"The centre is located at 12 Nguyen Van Thu Street, near the Chairman's office.", "", ""},
	} {
		var got []Value
		for _, v := range Values(c.text) {
			if v.Type == ValuePerson {
				got = append(got, v)
			}
		}
		if c.name == "" {
			if len(got) > 0 {
				t.Errorf("%q: persons %v, want none", c.text, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Text != c.name || got[0].Noun != c.title {
			t.Errorf("%q: persons %+v, want %q titled %q", c.text, got, c.name, c.title)
		}
	}
}

// A side box's field labelled with a post names a person whatever the
// surname (synthetic, invented name).
func TestLabelledPersonAnySurname(t *testing.T) {
	var got []Value
	for _, v := range Values("Bí thư Tỉnh ủy: Chẩu Văn Thử") {
		if v.Type == ValuePerson {
			got = append(got, v)
		}
	}
	if len(got) != 1 || got[0].Text != "Chẩu Văn Thử" || got[0].Noun != "Bí thư Tỉnh ủy" {
		t.Errorf("persons %+v, want Chẩu Văn Thử titled Bí thư Tỉnh ủy", got)
	}
	for _, v := range Values("Địa chỉ: Chẩu Văn Thử") {
		if v.Type == ValuePerson {
			t.Errorf("an address label names no person: %+v", v)
		}
	}
}

// TestEnglishCueScanAsContains: the one pass over a lower-cased text
// (englishCueScan) finds a cue exactly where one strings.Contains a cue
// did, on random strings of the cues, their pieces cut anywhere (inside
// a rune too), other letters and invalid UTF-8, and on the real rounds'
// pages line by line where present (git-ignored).
func TestEnglishCueScanAsContains(t *testing.T) {
	contains := func(lower string) bool {
		for _, w := range englishPersonCues() {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	hits := 0
	check := func(s string) {
		t.Helper()
		got, want := mayEnglishPerson(s), contains(s)
		if got != want {
			t.Fatalf("mayEnglishPerson(%q) = %v, strings.Contains of a cue %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	checkPieces(t, 21, 200000, []string{" ", ".", ",", "a", "c", "h", "m", "r", "s", "\xff", "\xe1", "\xe1\xbb", "đ", "ư", "1"}, englishPersonCues(), check)
	pages := realPageTexts()
	if hits < 1000 {
		t.Errorf("%d texts with a cue: the texts test too little", hits)
	}
	t.Logf("%d texts with a cue, %d pages", hits, len(pages))
}

// A one-byte cue is found by its byte alone (none of the lexicon's is).
func TestCueScanOneByte(t *testing.T) {
	sc := newCueScan([]string{"x", "ab"})
	for s, want := range map[string]bool{"": false, "x": true, "ax": true, "a": false, "b": false, "cab": true, "ba": false} {
		if got := sc.any(s); got != want {
			t.Errorf("any(%q) = %v, want %v", s, got, want)
		}
	}
}
