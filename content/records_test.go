package content

import (
	"reflect"
	"strings"
	"testing"
)

// TestRecords: a directory listing each person as a name and one field a
// line becomes one paragraph per person; an office's contact blocks and a
// lone record stay as they are. Names and numbers are synthetic.
func TestRecords(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"bulleted names, blank lines between fields",
			"Bộ phận văn hóa (synthetic)\n\n  • Nguyễn Văn Mẫu\n\n    Chức vụ:Công chức văn hóa\n\n    SĐT: 0000.111.222\n\n  • Trần Thị Thử\n\n    Chức vụ: Công chức tư pháp\n\n    SĐT: 0000.111.333\n\nCông tác văn hóa được đẩy mạnh.",
			[]string{
				"Bộ phận văn hóa (synthetic)",
				"Nguyễn Văn Mẫu; Chức vụ: Công chức văn hóa; SĐT: 0000.111.222",
				"Trần Thị Thử; Chức vụ: Công chức tư pháp; SĐT: 0000.111.333",
				"Công tác văn hóa được đẩy mạnh.",
			}},
		{"records of unequal fields",
			"Lãnh đạo xã\nNguyễn Văn Mẫu\nChức vụ: Chủ tịch\nEmail: mau@example.gov.vn\nTrần Thị Thử\nChức vụ: Phó Chủ tịch\nHết.",
			[]string{
				"Lãnh đạo xã",
				"Nguyễn Văn Mẫu; Chức vụ: Chủ tịch; Email: mau@example.gov.vn",
				"Trần Thị Thử; Chức vụ: Phó Chủ tịch",
				"Hết.",
			}},
		// Not records.
		{"two offices' contact blocks",
			"Liên hệ\n\nUBND xã Mẫu Sơn\nĐịa chỉ: Thôn Một, xã Mẫu Sơn\nĐiện thoại: 0000.222.111\n\nUBND xã Giả Định\nĐịa chỉ: Thôn Hai, xã Giả Định\nĐiện thoại: 0000.222.222\n\nHết.",
			nil},
		{"a single record",
			"Nguyễn Văn Mẫu\nChức vụ: Chủ tịch\nSĐT: 0000.111.222\nCông tác văn hóa được đẩy mạnh.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseText("title: Danh bạ thử\n\n" + tt.src)
			for _, p := range d.paragraphs {
				if tt.want == nil && strings.Contains(p, "; ") {
					t.Errorf("paragraph %q joins fields into a record", p)
				}
			}
			if tt.want != nil && !reflect.DeepEqual(d.paragraphs, tt.want) {
				t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(d.paragraphs, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
