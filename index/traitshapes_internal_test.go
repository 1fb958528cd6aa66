package index

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestShapesAsExpressions: hasNumberShape, hasPhoneShape and
// hasDateShape answer as numberRe, phoneRe and dateRe's MatchString, on
// random strings of digits, separators, white space, the forms' words,
// ASCII and Vietnamese letters, underscores and invalid UTF-8, and on
// every rune below U+2100 beside a number and a date.
func TestShapesAsExpressions(t *testing.T) {
	check := func(s string) (number, phone, date bool) {
		number, phone, date = numberRe.MatchString(s), phoneRe.MatchString(s), dateRe.MatchString(s)
		if got := hasNumberShape(s); got != number {
			t.Fatalf("%q: hasNumberShape %v, numberRe %v", s, got, number)
		}
		if got := hasPhoneShape(s); got != phone {
			t.Fatalf("%q: hasPhoneShape %v, phoneRe %v", s, got, phone)
		}
		if got := hasDateShape(s); got != date {
			t.Fatalf("%q: hasDateShape %v, dateRe %v", s, got, date)
		}
		return
	}
	pieces := []string{"0", "1", "2", "9", "12", "2024", "20245", "024", "0239", "386", "5366", "/", ".", "-", " ", "  ", "\t", "\n", "\v", "\u00a0",
		"năm ", "năm", "Năm ", "tháng ", "tháng", "Tháng ", "Quý ", "quý ", "I", "V", "IV", "X", "May", "June", "December", "Mayor", "Julyx",
		"a", "Z", "_", "ă", "đ", "ngày", "\xff", "\xc4", ",", ":", "(", ")", "+84", "năm 2025", "tháng 12", "1/7/2025", "Quý III", "June 5"}
	rng := rand.New(rand.NewSource(9))
	var numbers, phones, dates int
	for i := 0; i < 400000; i++ {
		var b strings.Builder
		for k := rng.Intn(9); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		n, p, d := check(b.String())
		if n {
			numbers++
		}
		if p {
			phones++
		}
		if d {
			dates++
		}
	}
	if numbers < 10000 || phones < 500 || dates < 5000 {
		t.Errorf("%d numbers, %d phones, %d dates of 400,000: the test checks little", numbers, phones, dates)
	}
	for r := rune(0); r < 0x2100; r++ {
		c := string(r)
		for _, s := range []string{c + "12/3/2024" + c, "năm" + c + "2024", "năm 2024" + c, c + "năm 2024", "tháng 7" + c, "Quý IV" + c, c + "Quý II",
			"May" + c + "5", "5" + c + "June", "15 June" + c, c + "0239 386 5366" + c, "0239" + c + "386" + c + "536", c + "15" + c} {
			check(s)
		}
	}
}

// TestTraitWordsAsExpressions: hasSubjectShape, hasNameShape,
// hasTimeShape and hasSpanShape answer as subjRe, nameRe, timeRe and
// spanRe's MatchString, on random strings of the forms' words in every
// case (and runes that fold to their letters: the Kelvin sign, long s),
// digits, separators, every white space and some that are not, other
// letters, quotes and invalid UTF-8; on every rune below U+2100 inside
// each form; on the synthetic corpus; and on the real rounds' pages where
// they are present (not committed).
func TestTraitWordsAsExpressions(t *testing.T) {
	var counts [4]int
	check := func(s string) {
		for i, c := range []struct {
			name string
			re   bool
			got  bool
		}{
			{"subject", subjRe.MatchString(s), hasSubjectShape(s)},
			{"name", nameRe.MatchString(s), hasNameShape(s)},
			{"time", timeRe.MatchString(s), hasTimeShape(s)},
			{"span", spanRe.MatchString(s), hasSpanShape(s)},
		} {
			if c.got != c.re {
				t.Fatalf("%q: the %s shape read by hand %v, its expression %v", s, c.name, c.got, c.re)
			}
			if c.re {
				counts[i]++
			}
		}
	}
	pieces := []string{
		// subjRe
		"nghị quyết", "Nghị Quyết", "NGHỊ QUYẾT", "kết luận", "\u212Aết luận", "kế hoạch", "KẾ HOẠCH", "chương trình", "quyết định", "chỉ thị", "đề án", "Đề Án",
		"về", "Về", "VỀ", "vê", "việc", "Việc", "VIỆC", "viec", `"`, "“", "«", "»", ".", ";", "số 18",
		strings.Repeat("x", 40), strings.Repeat("ă", 20), strings.Repeat("ơ ", 15),
		// nameRe
		"Ông", "ông", "ÔNG", "Bà", "bà", "Đồng chí", "đồng chí", "Đồng Chí", "Đ/c", "đ/c", "Anh", "anh", "Chị", "chị", "Mr", "Mr.", "Mrs", "Mrs.", "Ms.", "Mx",
		"Nguyễn", "Văn", "Giả", "Ánh", "ĐINH", "Ǆ", "ǅ", "ǆ", "Ω", "ω", "É", "lê", "(", ",", "x",
		// timeRe
		"8", "17", "123", "30", "h", "H", "giờ", "Giờ", "GIỜ", "g", "G", "phút", "PHÚT", ":", "a.m.", "P.M.", "am", "pm", "Pm", "a.m", "m", "p",
		// spanRe
		"ngày", "NGÀY", "tháng", "năm", "tuần", "giờ", "quý", "Quý", "một", "Hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "vài", "nhiều", "NHIỀU",
		"ſáu", "_", "2024",
		// white space and the rest
		" ", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u2003", "\xff", "\xe1\xbb", "\xc3", "中", "1", "0", "-", "/",
	}
	// Each form's pieces drawn more often in a quarter of the strings
	// each, so that every form matches often.
	forms := [][]string{
		{"nghị quyết", "kết luận", "Kế Hoạch", "đề án", "chỉ thị", "về", "Về", "việc", "“", `"`, "«", " ", " ", " x ", ".", strings.Repeat("ê", 30)},
		{"Ông", "ông", "bà", "Đồng chí", "đ/c", "Chị", "Mrs.", "Mr", " ", " ", "Nguyễn", "Văn", "A", "Ǆ", ",", "("},
		{"8", "17", "h", "giờ", "g", ":", "30", "phút", "am", "p.m.", " ", "x"},
		{"3", "hai", "Vài", "nhiều", " ", " ", "ngày", "tháng", "Năm", "quý", "giờ", "x", "_"},
	}
	rng := rand.New(rand.NewSource(15))
	for i := 0; i < 200000; i++ {
		from := pieces
		if f := i % 8; f < len(forms) {
			from = forms[f]
		}
		var b strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			if rng.Intn(4) == 0 {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			} else {
				b.WriteString(from[rng.Intn(len(from))])
			}
		}
		check(b.String())
	}
	// And strings built as the subject's and the name's forms are, each
	// part drawn from what matches it and what nearly does.
	pick := func(xs ...string) string { return xs[rng.Intn(len(xs))] }
	filler := func() string {
		var b strings.Builder
		for k := rng.Intn(5); k > 0; k-- {
			b.WriteString(pick(" ", "x", "ơ", strings.Repeat("a", 20+rng.Intn(30)), strings.Repeat("ệ", 10+rng.Intn(20)), ".", ";", "\n", "\xff", "về"))
		}
		return b.String()
	}
	for i := 0; i < 40000; i++ {
		check(filler() + pick(subjectNames...) + pick("", "NGHỊ QUYẾT", "Kế hoạch", "kết lụân") + filler() + pick(" ", "\t", "", "x", "  ") + pick("về", "VỀ", "Về", "vê", "vè") +
			pick(" ", "  ", "\n", "", "x") + pick("việc ", "Việc\t", "VIỆC", "việc", `"`, "“", "«", "»", "viec ") + filler())
		check(filler() + pick("", " ", ",", ";", "(", "x", ".") + pick(nameTitleForms...) + pick("", ".", "s") + pick(" ", "  ", "\t", "", "\u00a0") +
			pick("Nguyễn", "N", "nguyễn", "Ǆ", "ǅ", "ǈa", "É", "1", "ĐINH") + pick("", "x", "ọ", "A", "\xff") + pick(" ", "\n ", "", ",") + pick("Văn", "văn", "V", "Ǉ", "ǲ", "") + filler())
	}
	if counts[0] < 2000 || counts[1] < 300 || counts[2] < 2000 || counts[3] < 300 {
		t.Errorf("subjects, names, times, spans matched %v times in the random strings: the test checks little", counts)
	}
	for r := rune(0); r < 0x2100; r++ {
		c := string(r)
		for _, s := range []string{
			"Nghị quyết" + c + " về việc" + c, "kết luận" + c + "về “x", c + "đề án " + c + strings.Repeat("a", 78) + " về «", "chỉ thị" + strings.Repeat(c, 80) + " về việc x",
			c + "ông Lê" + c + "Văn", "bà" + c + "Trần Thị", "(Anh " + c + " B", "Mr. " + c + "ọ D", "ông Nguyễn" + c + " Minh",
			c + "8h" + c, "17 giờ" + c, "8" + c + "h30", "8h 30" + c + "phút" + c, "7:30" + c, c + "7.30 am" + c, "5 p.m." + c, "5 p" + c + "m",
			c + "3 ngày" + c, "vài" + c + "tháng", c + "hai tuần" + c, "12 giờ" + c, "một quý" + c, "2" + c + " năm",
		} {
			check(s)
		}
	}
	for _, a := range synth.Corpus(3, 300, 300).Articles {
		check(a.Title)
		for _, p := range a.Paragraphs {
			check(p)
		}
	}
	real := 0
	for n := 1; n < 100; n++ {
		name := fmt.Sprintf("real%d", n)
		if strings.Contains(","+*fitSkip+",", ","+name+",") {
			continue
		}
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "real", name, "pages", "*"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, line := range strings.Split(string(b), "\n") {
				check(line)
				for _, s := range content.Sentences(line) {
					check(s)
				}
				real++
			}
		}
	}
	t.Logf("matches (subject, name, time, span): %v; %d lines of real pages", counts, real)
}
