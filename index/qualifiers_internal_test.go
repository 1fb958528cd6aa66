package index

import (
	"slices"
	"testing"
)

// The qualifiers a question names beside what it asks: a term numbered by
// its first year, a year beside a post's holder, a place whose name folds
// as a place prefix. Synthetic questions and sentences.
func TestTermsNamed(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []int
	}{
		{"Ai là Chủ tịch Hội Thử Nghiệm nhiệm kỳ 2020 - 2025?", []int{2020}},
		{"Chủ tịch HĐND khóa 2021-2026 là ai?", []int{2021}},
		{"Who was chairman for the term 2015-2020?", []int{2015}},
		{"Ban chấp hành khóa XV có bao nhiêu người?", nil},
		{"nhiệm kỳ mới có mấy ủy viên", nil},
	} {
		var got []int
		for _, p := range termsNamed(foldWords(c.q)) {
			got = append(got, p.n)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("termsNamed(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

func TestTermPeriodIn(t *testing.T) {
	p := termsNamed(foldWords("nhiệm kỳ 2020 - 2025"))[0]
	for _, c := range []struct {
		text string
		want int
	}{
		{"Đồng chí Nguyễn Văn Thử, Chủ tịch Hội nhiệm kỳ 2015 - 2020 phát biểu", -1},
		{"Đại hội bầu Ban Chấp hành nhiệm kỳ 2020-2025 gồm 15 người", 1},
		{"Đại hội bầu Ban Chấp hành gồm 15 người", 0},
	} {
		if got := periodIn(foldWords(c.text), p); got != c.want {
			t.Errorf("periodIn(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

func TestOtherYearIn(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Ngày 01/01/1997, tỉnh Thử Nghiệm được chia tách", true},
		{"Năm 2022, Bí thư Đảng ủy là ông Nguyễn Văn Thử", false},
		{"Đảng bộ có 1.250 đảng viên", false},
	} {
		if got := otherYearIn(foldWords(c.text), "2022"); got != c.want {
			t.Errorf("otherYearIn(%q, 2022) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestPrefixWrittenAt(t *testing.T) {
	for _, c := range []struct {
		q    string
		at   int
		want bool
	}{
		// "Tô" folds as "tổ" (a residential group) does: with the
		// question's marks it is a name's syllable.
		{"Chủ tịch đặc khu Cô Tô là ai", 5, false},
		{"Tổ trưởng tổ dân phố Thử Nghiệm là ai", 2, true},
		// Without marks the prefix cannot be told from the name.
		{"chu tich dac khu co to la ai", 5, true},
	} {
		cased := words(c.q)
		folded := foldWords(c.q)
		if got := prefixWrittenAt(folded, cased, c.at, writesAccents(cased)); got != c.want {
			t.Errorf("prefixWrittenAt(%q, %d) = %v, want %v", c.q, c.at, got, c.want)
		}
	}
}

func TestFacilityNumbered(t *testing.T) {
	ps := periodsNamed(foldWords("Trụ sở tiếp công dân cơ sở 3 đặt ở đâu?"))
	if len(ps) != 1 || ps[0].n != 3 {
		t.Fatalf("periodsNamed = %v, want cơ sở 3", ps)
	}
	if got := periodIn(foldWords("(2) Trụ sở tiếp công dân (cơ sở 2) đặt tại số 5 đường Thử Nghiệm."), ps[0]); got != -1 {
		t.Errorf("periodIn(cơ sở 2) = %d, want -1", got)
	}
	// "trên cơ sở" numbers nothing.
	if ps := periodsNamed(foldWords("Xã mới thành lập trên cơ sở nhập những xã nào?")); len(ps) != 0 {
		t.Errorf("periodsNamed(trên cơ sở) = %v, want none", ps)
	}
}
