package index

import "testing"

func TestIsPreamble(t *testing.T) {
	title := setOf(foldWords("Đại hội đại biểu Phụ nữ xã Mẫu Lâm lần thứ I, nhiệm kỳ 2030-2035"))
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Căn cứ Luật Tổ chức chính quyền địa phương năm 2015, UBND xã thông báo như sau:", true},
		{"Xét đề nghị của Trưởng phòng Nội vụ,", true},
		{"Pursuant to the Law on Organization of Local Government,", true},
		{" date 2030-09-27 Đại hội đại biểu Phụ nữ xã Mẫu Lâm lần thứ I, nhiệm kỳ 2030-2035", true},
		{"Đại hội đại biểu Phụ nữ xã Mẫu Lâm", true},
		// A word the title does not have: a fact about the congress.
		{"Đại hội đại biểu Phụ nữ xã Mẫu Lâm bầu 15 đồng chí.", false},
		{"Đại hội", false}, // too short to be the headline
		{"Thực hiện Nghị quyết 18, xã giảm 2 phòng.", false},
		{"Theo đó, xã có 12 thôn.", false},
		{"Căn cứ", false},
	} {
		if got := isPreamble(tt.text, title); got != tt.want {
			t.Errorf("isPreamble(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
