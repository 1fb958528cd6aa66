package content

import "testing"

func TestIsDateLine(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Quảng Trị, ngày 20 tháng 7 năm 2019", true},
		{"TP. Hồ Chí Minh, ngày 5 tháng 3 năm 2020", true},
		{"Sông Mây, ngày 05 tháng 3 năm 2019.", true},
		// A sentence opening with a date is no header line.
		{"Ngày 20 tháng 7 năm 2019, HĐND tỉnh họp", false},
		// Digits are no date in words.
		{"Quảng Trị, ngày 20/7/2019", false},
		// A sentence that goes on after the date.
		{"Quảng Trị, ngày 20 tháng 7 năm 2019 HĐND tỉnh đã họp kỳ họp thứ 8 để thông qua nghị quyết", false},
		{"", false},
	} {
		if got := IsDateLine(tc.text); got != tc.want {
			t.Errorf("IsDateLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
