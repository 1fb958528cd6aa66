package index

import (
	"context"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// traitsOfBefore is traitsOf as it was before prepare read each text
// once (textTraits, wordTraits): the reference the tests below compare
// the build's traits with.
func traitsOfBefore(text, n string) traits {
	var t traits
	if strings.ContainsAny(text, "0123456789") {
		if numberRe.MatchString(text) {
			t |= hasNumber
		}
		if phoneRe.MatchString(text) {
			t |= hasPhone
		}
	}
	if strings.ContainsAny(text, "0123456789") && mayDate(text) && dateRe.MatchString(text) {
		t |= hasDate
	}
	if strings.Contains(text, "@") && emailRe.MatchString(text) {
		t |= hasEmail
	}
	foldedText := content.FoldNormal(n)
	if strings.Contains(text, "về") && maySubject(foldedText) && subjRe.MatchString(text) {
		t |= hasSubject
	}
	if nameRe.MatchString(text) || mayEnglishName(text) && englishNameRe.MatchString(text) {
		t |= hasName
	}
	if strings.Contains(text, "%") {
		t |= hasPct
	}
	if timeRe.MatchString(text) {
		t |= hasTime
	}
	if maySpan(text) && spanRe.MatchString(text) {
		t |= hasSpan
	}
	folded := " " + strings.Join(splitFolded(foldedText), " ") + " "
	if isEnglishText(text, folded) {
		t |= inEnglish
	}
	for _, m := range reasonMarkers {
		if strings.Contains(folded, m) {
			t |= hasWhy
			break
		}
	}
	for _, m := range placeMarkers {
		if strings.Contains(folded, m) {
			t |= hasPlace
			break
		}
	}
	return t
}

// TestFoldedWordsByWord: where foldsWordByWord holds, the folds of the
// lower-cased text's words, one by one, are the folded text's words —
// on random strings of Vietnamese and Latin letters in both cases,
// digits, combining marks, white space, punctuation, other scripts and
// invalid UTF-8, and on every rune below U+2100 between letters. And
// foldedWordLine writes what splitFolded joined did.
func TestFoldedWordsByWord(t *testing.T) {
	check := func(s string) bool {
		n := content.Normalize(s)
		folded := content.FoldNormal(n)
		want := " " + strings.Join(splitFolded(folded), " ") + " "
		if got := foldedWordLine(folded); got != want {
			t.Fatalf("%q: foldedWordLine %q, splitFolded joined %q", s, got, want)
		}
		if !foldsWordByWord(n) {
			return false
		}
		var b strings.Builder
		b.WriteString(" ")
		for _, w := range splitWords(strings.ToLower(n)) {
			b.WriteString(foldSyllable(w) + " ")
		}
		got := b.String()
		if got == " " {
			got = "  "
		}
		if got != want {
			t.Fatalf("%q: word by word %q, the text folded %q", s, got, want)
		}
		return true
	}
	pieces := []string{"a", "B", "Hòa", "hoà", "HOÀ", "Thị uỷ", "ĐỒNG", "đ", "Đ", " ", "\t", "\u00a0", "\u200b", "\u0301", "e\u0301", "1", "2024", ",", ".",
		"-", "/", "(", "“", "”", "–", "…", "ừ", "Ư", "ß", "Ω", "中", "\u212b", "ǅ", "İ", "ı", "\ufffd", "\xff", "x\u0323", "ﬁ", "Ṩ", "ỹ", "Ỳ", "oà", "uỷ",
		"khoẻ", "qu", "ΰ", "ά", "centres", "Organisation", "labour", "²", "½", "Ⅳ", "ǈ", "ſ", "K", "µ", "ᄀ", "ᅡ", "ª", "º", "%"}
	rng := rand.New(rand.NewSource(5))
	fast := 0
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		if check(b.String()) {
			fast++
		}
	}
	if fast < 20000 {
		t.Errorf("only %d of 200,000 random strings take the fast path: the test checks little", fast)
	}
	for r := rune(0); r < 0x2100; r++ {
		check("Ab" + string(r) + "cd " + string(r) + " x" + string(r))
	}
}

// TestPrepareTraitsAsBefore: the traits and values a build gives each
// unit are those traitsOfBefore and content.Values find in its text, on
// synthetic articles and the repository's pages.
func TestPrepareTraitsAsBefore(t *testing.T) {
	c := synth.Corpus(4, 300, 300)
	for _, dir := range []string{"testdata/round4", "testdata/round5", "testdata/news", "testdata/heldout", "testdata/fresh"} {
		more, err := content.LoadDir(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		c.Articles = append(c.Articles, more.Articles...)
	}
	// Synthetic (invented facts): English sentences, and text the build
	// cannot read word by word (a combining mark, a letter beyond
	// U+2100, a tone on the second vowel).
	c.Articles = append(c.Articles, content.Article{
		ID: "synthetic-english", Title: "The Example Ward Service Centre (synthetic)", Synthetic: true,
		Paragraphs: []string{
			"The centre of the Example ward is located at 12 Sample Street and opens at 7:30 a.m. on weekdays.",
			"Residents may call the centre's hotline in order to book a visit, because the hall is small.",
			"Xã Thử Nghiệm có diện tích 12,5 km² và dân số 8.432 người; trụ sở đặt tại thôn Mẫu.",
			"Thị uỷ và UBND xã Hoà Thử (tên cũ: 試験) họp ngày 15/3/2025 về việc sáp nhập thôn.",
			"Ban Dân vận Thị ủy ke\u0301 hoạch nhằm mục đích hỗ trợ ℃ người dân ☎ 0239.3865.366.",
		},
	})
	ix, err := Build(context.Background(), c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	english, byWord, normal := 0, 0, 0
	for i := range ix.units {
		u := &ix.units[i]
		n := content.Normalize(u.text)
		if u.normal && n != u.text {
			t.Fatalf("unit %d %q: marked normal, normalised %q", i, u.text, n)
		}
		if u.normal {
			normal++
		}
		want := traitsOfBefore(u.text, n)
		var values uint32
		for _, v := range content.Values(u.text) {
			values |= valueBit[v.Type]
			if v.HasDay() {
				want |= dayDate
			}
			if v.Type == content.ValuePerson && v.Noun != "" {
				if deputyTitle(v.Noun) {
					want |= deputyNamed
				} else {
					want |= chiefNamed
				}
			}
		}
		if values&valueBit[content.ValueDate] != 0 {
			want |= hasDate
		}
		if u.traits != want || u.values != values {
			t.Fatalf("unit %d %q: traits %b values %b, before %b and %b", i, u.text, u.traits, u.values, want, values)
		}
		if want&inEnglish != 0 {
			english++
		}
		if foldsWordByWord(n) {
			byWord++
		}
	}
	if english == 0 || byWord == 0 || byWord == len(ix.units) || normal == 0 || normal == len(ix.units) {
		t.Errorf("%d English units, %d of %d read word by word, %d normal: the test checks little", english, byWord, len(ix.units), normal)
	}
}

// TestLineKeyFolded: lineKeyFolded, given the sentence's fold, is
// lineKey of it, on random strings of the trimmed characters, letters in
// both cases, white space, marks and other scripts.
func TestLineKeyFolded(t *testing.T) {
	pieces := []string{"-", "+", "•", "*", "–", ".", ";", ",", " ", "  ", "\t", "\u00a0", "a", "B", "Hòa", "hoà", "ĐỒNG", "uỷ", "\u0301", "e\u0301",
		"1", ":", "(", "ß", "Ω", "中", "ǅ", "İ", "\xff", "Ṩ", "Phòng Nội vụ", "Đường dây nóng", "0239.3865.366", "×", "²"}
	rng := rand.New(rand.NewSource(11))
	clean := 0
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := rng.Intn(9); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := lineKeyFolded(s, content.Fold(s)), lineKey(s); got != want {
			t.Fatalf("%q: lineKeyFolded %q, lineKey %q", s, got, want)
		}
		if content.Clean(s) {
			clean++
		}
	}
	if clean < 20000 {
		t.Errorf("only %d clean strings: the test checks little", clean)
	}
}

// TestMarkerTraits: markerTraits finds what a strings.Contains of every
// marker found, on random lines of the markers, their pieces and other
// words, spaces at either end or none.
func TestMarkerTraits(t *testing.T) {
	contains := func(folded string) traits {
		var t traits
		for _, m := range reasonMarkers {
			if strings.Contains(folded, m) {
				t |= hasWhy
			}
		}
		for _, m := range placeMarkers {
			if strings.Contains(folded, m) {
				t |= hasPlace
			}
		}
		return t
	}
	pieces := []string{" ", "  ", "a", "x", "do", "vi", "tai", "dat", "so", "tru", "nham", "boi", "muc", "dich", "location", "dia", "chi"}
	for _, m := range append(slices.Clone(reasonMarkers), placeMarkers...) {
		pieces = append(pieces, m, strings.TrimSpace(m), m[:len(m)-1], m[1:], m[:len(m)/2])
	}
	rng := rand.New(rand.NewSource(18))
	found := 0
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := rng.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		want := contains(s)
		if got := markerTraits(s); got != want {
			t.Fatalf("%q: markerTraits %b, the markers' Contains %b", s, got, want)
		}
		if want != 0 {
			found++
		}
	}
	if found < 20000 {
		t.Errorf("only %d of 200,000 random lines hold a marker: the test checks little", found)
	}
}
