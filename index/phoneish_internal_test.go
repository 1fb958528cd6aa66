package index

import "testing"

// TestPhoneish: a number to call that the phone reader need not read (an
// area code, a short switchboard number after its word) is found; a
// number's group, a code's part, a count or a year is not.
func TestPhoneish(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Mã vùng 0221, biển số xe 89.", true},
		{"Gọi tổng đài 1055 nhấn phím 1.", true},
		{"Residents can call 1055 for help.", true},
		{"Có 29,000 người dự; diện tích 1.585 km2.", false},
		{"Quyết định số 001/QĐ-UBND ngày 05/01/2025.", false},
		{"Tỉnh có 223 xã, 10 phường và 9 thị trấn năm 2025.", false},
		{"Mã số thuế A0123 cấp cho đơn vị.", false},
	}
	for _, tt := range tests {
		if got := phoneish(tt.text); got != tt.want {
			t.Errorf("phoneish(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
