package index

import "testing"

// TestItemLevel: a list item's marker gives its nesting level, the
// outermost first; a sentence or a number that is no marker gives 0.
func TestItemLevel(t *testing.T) {
	for _, tt := range []struct {
		p    string
		want int
	}{
		{"II. Phương án sắp xếp", 1},
		{"1- Phường Vi Lâm: Hiện trạng gồm 31 tổ dân phố", 2},
		{"2. Xã Trà Khê", 2},
		{"9) Xã Long Thử: Sáp nhập xã Long Thử A và Long Thử B", 2},
		{"1.2. Về tổ chức bộ máy", 3},
		{"a) Thành lập 04 tổ dân phố mới.", 4},
		{"đ) Các nội dung khác", 4},
		{"- Tổ dân phố số 1 với quy mô 311 hộ", 5},
		{"• Dân số: 765.432 người", 5},
		{"– Trụ sở tại phường An Thử A", 5},
		{"+ Thôn Đông: 120 hộ", 6},
		{"Xã Trà Khê có 9 thôn.", 0},
		{"1.513 thôn, xóm được sắp xếp.", 0},
		{"Việc sắp xếp hoàn thành trước 30/6.", 0},
		{"", 0},
	} {
		if got := itemLevel(tt.p); got != tt.want {
			t.Errorf("itemLevel(%q) = %d, want %d", tt.p, got, tt.want)
		}
	}
}

// TestIsHeadingLine: a short line that ends no sentence heads the list
// after it; a sentence, an introduction ending in ":" or a long line does
// not.
func TestIsHeadingLine(t *testing.T) {
	for _, tt := range []struct {
		p    string
		want bool
	}{
		{"Huyện Trà Khê", true},
		{"TP Vi Lâm", true},
		{"Xã Trà Khê có 9 thôn.", false},
		{"Dự kiến tên gọi và trụ sở các xã, phường mới như sau:", false},
		{"Các xã, phường mới của tỉnh Mẫu Thử sau khi sắp xếp đơn vị hành chính cấp xã năm 2031", false},
		{"", false},
	} {
		if got := isHeadingLine(tt.p); got != tt.want {
			t.Errorf("isHeadingLine(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}
