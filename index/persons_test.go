package index

import "testing"

// TestNamesBySurname: a person named without "ông" or "bà" before them is
// read from the name's shape; a street, a city or a school sharing that
// shape is not. The names are invented (synthetic).
func TestNamesBySurname(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Đại hội đã bầu nhà thơ Trần Thị Vi Mẫu làm Chủ tịch Hội.", true},
		{"Thượng tướng Nguyễn Văn Thử, Anh hùng Lực lượng vũ trang, được bầu làm Chủ tịch.", true},
		{"Các bà Lê Thị Mẫu Đơn, Phạm Thị Thử được bầu Phó Chủ tịch.", true},
		{"Tác giả: Nguyễn Văn Mẫu - Văn phòng", false},
		{"Người ký Võ Đình Mẫu", true},
		{"Đại hội bầu Chi hội trưởng Đặng Văn Thử.", true},
		{"Học sinh trường Phan Bội Mẫu đạt giải.", false},
		{"Trụ sở ở số 12 đường Lê Văn Thử, phường Mẫu Lâm.", false},
		{"Người dân Thành phố Hồ Chí Minh đến làm thủ tục.", false},
		{"The centre is at 5 Lê Văn Thử Street.", false},
		{"Nguyen Van Thu chaired the session.", false}, // no marks: left to the English readings
		{"Trần Phú là tên một con đường.", false},      // two syllables
		{"UBND TỈNH MẪU THÔNG BÁO", false},
	} {
		if got := namesBySurname(tt.text); got != tt.want {
			t.Errorf("namesBySurname(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
