package content

import (
	"slices"
	"testing"
)

// TestOrdinalValues: which one of a sequence is a typed value, in
// Vietnamese and English, on synthetic sentences; a weekday, a date, a
// count or a term's years are not.
func TestOrdinalValues(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Tại kỳ họp thứ 32, HĐND tỉnh A thông qua nghị quyết.", []string{"kỳ họp thứ 32"}},
		{"Đại hội đại biểu Đảng bộ tỉnh lần thứ XV diễn ra tại hội trường.", []string{"lần thứ XV"}},
		{"HĐND tỉnh khóa XIV, nhiệm kỳ 2021 - 2026.", []string{"khóa XIV"}},
		{"Đại hội XIII của Đảng đã đề ra mục tiêu.", []string{"Đại hội XIII"}},
		{"Hội nghị lần thứ nhất Ban Chấp hành được tổ chức.", []string{"lần thứ nhất"}},
		{"Đoàn tổ chức lần 2 vào tháng sau.", []string{"lần 2"}},
		{"Tỉnh A xếp thứ 5 cả nước về chỉ số này.", []string{"xếp thứ 5"}},
		{"The Provincial People's Council held its 32nd Session.", []string{"32nd Session"}},
		{"Delegates to the 14th National Party Congress met.", []string{"14th National Party Congress"}},
		{"It was adopted at the 11th plenum of the Central Committee.", []string{"11th plenum"}},
		{"At the first session, members elected the chairman.", []string{"first session"}},
		// Not ordinals: a weekday, a period's date, a term's years, a
		// lower-case letter, a count.
		{"Bộ phận làm việc thứ 7 hằng tuần.", nil},
		{"Kết quả đợt 1/2019 được công bố.", nil},
		{"HĐND khóa 2021-2026 có 50 đại biểu.", nil},
		{"Lớp học khóa v đã kết thúc.", nil},
		{"Đã họp 3 lần trong năm.", nil},
		{"On June 7th, the office stopped.", nil},
	} {
		var got []string
		for _, v := range Values(c.text) {
			if v.Type == ValueOrdinal {
				got = append(got, v.Text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Values(%q) ordinals = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestAskedOrdinal: "kỳ họp thứ mấy", "khóa mấy", "which session" ask
// which one of a sequence; "làm việc thứ mấy" asks a weekday, and a
// question naming an ordinal asks none.
func TestAskedOrdinal(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"HĐND tỉnh A họp kỳ thứ mấy để thông qua đề án?", true},
		{"Hội nghị Trung ương lần thứ mấy thông qua nghị quyết?", true},
		{"hdnd tinh a khoa may", true},
		{"Đại hội lần thứ bao nhiêu bầu ông B?", true},
		{"At which session did the council approve the plan?", true},
		{"Which congress adopted the resolution?", true},
		{"Bộ phận một cửa làm việc thứ mấy?", false},
		{"Kỳ họp thứ 32 diễn ra ngày nào?", false},
		{"Phí thu bao nhiêu tiền?", false},
	} {
		got := false
		for _, a := range AskedTypes(c.q) {
			if a.Type == ValueOrdinal {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("AskedTypes(%q) asks an ordinal: %v, want %v (%v)", c.q, got, c.want, AskedTypes(c.q))
		}
	}
}
