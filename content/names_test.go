package content

import "testing"

// TestNamesPerson: a name written out after a title folding as a school
// ("Thứ trưởng", "Bộ trưởng": "trưởng" folds as "trường") is a person's;
// after "trường", "đường" or "phường" it is the place's name.
func TestNamesPerson(t *testing.T) {
	for text, want := range map[string]bool{
		"Thứ trưởng Nguyễn Tường Mẫu đã ký ban hành Quyết định.": true,
		"Bộ trưởng Lê Văn Thử chủ trì hội nghị.":                 true,
		"Chủ tịch Hội Nhà báo tỉnh Nguyễn Xuân Mẫu phát biểu.":   true,
		"Học sinh trường Nguyễn Văn Thử đạt giải.":               false,
		"Trụ sở đặt tại đường Trần Hưng Đạo.":                    false,
		"Phường Nguyễn Thái Bình tổ chức hội nghị.":              false,
	} {
		if got := NamesPerson(text); got != want {
			t.Errorf("NamesPerson(%q) = %v, want %v", text, got, want)
		}
	}
}
