package content

import (
	"reflect"
	"testing"
)

// TestParseDirectory reads a synthetic directory of offices written the
// ways portals write them: bulleted fields, an address wrapped onto a second
// line, a head of office with their own phone, a duty phone and a hotline,
// opening hours, and an office with no number or blank line before it.
func TestParseDirectory(t *testing.T) {
	a := mustParseFile(t, "testdata/synthetic/danh-ba.txt")
	want := []Contact{
		{
			Office: "Văn phòng HĐND-UBND xã Thử Nghiệm", Address: "Số 2 đường Mẫu, thôn Giả Định, xã Thử Nghiệm",
			Phone: "0000 000 010", Fax: "0000 000 011", Email: "vanphong@thunghiem.example",
			Extra: []Field{{"Chánh Văn phòng", "Trần Văn Thử, ĐT: 0000 000 012"}},
		},
		{
			Office: "Công an xã Thử Nghiệm", Address: "Thôn Mẫu Thử, xã Thử Nghiệm",
			Phone: "0000 000 020", PhoneLabel: "Điện thoại trực ban",
			Extra: []Field{{"Đường dây nóng", "0000 000 029"}, {"Trưởng Công an xã", "Lê Văn Giả"}},
		},
		{
			Office: "Trạm Y tế xã", Address: "Thôn Ví Dụ, xã Thử Nghiệm", Phone: "0000 000 030",
			Email: "tramyte@thunghiem.example", Website: "tramyte.thunghiem.example",
			Extra: []Field{{"Hotline", "0000 000 031"}, {"Thời gian làm việc", "từ 7h00 đến 17h00, từ thứ Hai đến thứ Sáu."}},
		},
		{
			Office: "Trường Mầm non Thử Nghiệm", Address: "Thôn Minh Họa, xã Thử Nghiệm", Phone: "0000 000 040",
			Extra: []Field{{"Số điện thoại đường dây nóng", "0000 000 049"}},
		},
	}
	if got, want := len(a.Contacts), len(want); got != want {
		t.Errorf("got %d contacts, want %d: %+v", got, want, a.Contacts)
	}
	for i := 0; i < len(want) && i < len(a.Contacts); i++ {
		t.Run(want[i].Office, func(t *testing.T) {
			got := a.Contacts[i]
			// Lines holds every field as published, Extra included.
			if n := len(got.Lines); n != 2+len(want[i].Extra)+nonEmpty(got.Fax, got.Email, got.Website) {
				t.Errorf("Lines = %q: not one line a field", got.Lines)
			}
			got.Lines = nil
			if !reflect.DeepEqual(got, want[i]) {
				t.Errorf("contact =\n%+v\nwant\n%+v", got, want[i])
			}
		})
	}
}

func nonEmpty(vs ...string) int {
	n := 0
	for _, v := range vs {
		if v != "" {
			n++
		}
	}
	return n
}

// TestJoinLinesContact: inside a contact block a line with its own label is
// never glued to the field before; a wrapped address or name is.
func TestJoinLinesContact(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"labelled line after a fax",
			[]string{"Fax: 0000 000 002", "Chánh Văn phòng: Trần Thử, ĐT: 0000 000 003"},
			[]string{"Fax: 0000 000 002", "Chánh Văn phòng: Trần Thử, ĐT: 0000 000 003"}},
		{"qualified phone after an address",
			[]string{"Địa chỉ: Thôn Mẫu, xã Thử Nghiệm", "Điện thoại trực ban: 0000 000 001"},
			[]string{"Địa chỉ: Thôn Mẫu, xã Thử Nghiệm", "Điện thoại trực ban: 0000 000 001"}},
		{"opening hours after an e-mail",
			[]string{"Email: a@thu.example", "Thời gian làm việc: sáng từ 7h00 đến 11h30."},
			[]string{"Email: a@thu.example", "Thời gian làm việc: sáng từ 7h00 đến 11h30."}},
		{"bulleted fields",
			[]string{"- Địa chỉ: Thôn Mẫu", "• Điện thoại: 0000 000 001", "+ Fax: 0000 000 002"},
			[]string{"- Địa chỉ: Thôn Mẫu", "• Điện thoại: 0000 000 001", "+ Fax: 0000 000 002"}},
		{"wrapped address",
			[]string{"Địa chỉ: Số 2 đường Mẫu,", "thôn Giả Định, xã Thử Nghiệm", "Điện thoại: 0000 000 001"},
			[]string{"Địa chỉ: Số 2 đường Mẫu, thôn Giả Định, xã Thử Nghiệm", "Điện thoại: 0000 000 001"}},
		{"unlabelled line after a phone",
			[]string{"Điện thoại: 0000 000 001", "Mọi góp ý xin gửi về Văn phòng."},
			[]string{"Điện thoại: 0000 000 001", "Mọi góp ý xin gửi về Văn phòng."}},
		{"next office's name after an address",
			[]string{"Địa chỉ: Thôn Mẫu, xã Thử Nghiệm", "Trạm Y tế xã Thử Nghiệm", "Địa chỉ: Thôn Ví Dụ"},
			[]string{"Địa chỉ: Thôn Mẫu, xã Thử Nghiệm", "Trạm Y tế xã Thử Nghiệm", "Địa chỉ: Thôn Ví Dụ"}},
		// Outside a contact block, a hard-wrapped paragraph is joined even
		// where a line looks like "Label: value".
		{"article text",
			[]string{"Hội nghị đã thống nhất nội dung sau", "Thông báo: họp dân vào ngày mai."},
			[]string{"Hội nghị đã thống nhất nội dung sau Thông báo: họp dân vào ngày mai."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinLines(tt.lines); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("joinLines = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestContactPhone(t *testing.T) {
	tests := []struct {
		name              string
		lines             []string
		phone, phoneLabel string
		extra             []Field
	}{
		{"plain phone wins over a qualified one",
			[]string{"Điện thoại trực ban: 0000 000 001", "Điện thoại: 0000 000 002"},
			"0000 000 002", "", []Field{{"Điện thoại trực ban", "0000 000 001"}}},
		{"a hotline is never the phone",
			[]string{"Địa chỉ: Thôn Mẫu", "Đường dây nóng: 0000 000 009"},
			"", "", []Field{{"Đường dây nóng", "0000 000 009"}}},
		{"second phone kept",
			[]string{"Điện thoại: 0000 000 001", "Điện thoại: 0000 000 002"},
			"0000 000 001", "", []Field{{"Điện thoại", "0000 000 002"}}},
		{"abbreviated label",
			[]string{"ĐT: 0000 000 001; Hotline: 0000 000 009"},
			"0000 000 001", "", []Field{{"Hotline", "0000 000 009"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := parseContactLines(tt.lines)
			if !ok {
				t.Fatal("not read as a contact block")
			}
			if c.Phone != tt.phone || c.PhoneLabel != tt.phoneLabel || !reflect.DeepEqual(c.Extra, tt.extra) {
				t.Errorf("got Phone %q PhoneLabel %q Extra %q, want %q %q %q", c.Phone, c.PhoneLabel, c.Extra, tt.phone, tt.phoneLabel, tt.extra)
			}
		})
	}
}
