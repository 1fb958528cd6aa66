package content

import (
	"reflect"
	"testing"
)

// TestContactFields: the order and labels every reply shows (synthetic
// values).
func TestContactFields(t *testing.T) {
	tests := []struct {
		name string
		c    Contact
		want []Field
	}{
		{"empty", Contact{Office: "Phòng Thử Nghiệm"}, nil},
		{"all, in order", Contact{
			Office: "Phòng Thử Nghiệm", Person: "Nguyễn Văn Mẫu - Trưởng phòng", Website: "thu.example.invalid",
			Email: "a@example.invalid", Fax: "0000 000 002", Phone: "0000 000 001", Address: "Số 1 đường Mẫu",
			Extra: []Field{{"Đường dây nóng", "0000 000 009"}},
		}, []Field{
			{"Địa chỉ", "Số 1 đường Mẫu"}, {"Điện thoại", "0000 000 001"}, {"Fax", "0000 000 002"},
			{"Email", "a@example.invalid"}, {"Website", "thu.example.invalid"}, {"Đường dây nóng", "0000 000 009"},
			{"Chịu trách nhiệm chính", "Nguyễn Văn Mẫu - Trưởng phòng"},
		}},
		{"qualified phone keeps its label", Contact{Phone: "0000 000 061", PhoneLabel: "Điện thoại trực ban"},
			[]Field{{"Điện thoại trực ban", "0000 000 061"}}},
	}
	for _, tt := range tests {
		if got := tt.c.Fields(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Fields() = %v, want %v", tt.name, got, tt.want)
		}
	}
}
