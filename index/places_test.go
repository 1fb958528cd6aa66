package index_test

import "testing"

// placesPage is a synthetic provincial page (invented places and
// figures): counts of several provinces, a ward named once, a city's
// winter hours.
const placesPage = `synthetic: true
title: Các tỉnh sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Sau sắp xếp, tỉnh Giả Sơn có 64 xã và 12 phường.

Trụ sở mới của phường Hòa Mẫu đặt tại số 5 đường Thử Nghiệm.

Ủy ban nhân dân thành phố Mẫu Giang áp dụng giờ làm việc mùa đông từ ngày 1/10/2026.

Phường Giả Lâm có 12 tổ dân phố.

Ngoài giờ hành chính, Công an tỉnh Giả phục vụ thêm từ 17h đến 18h30.
`

// TestPlacesNamed: a place the corpus names after its kind ("tỉnh Giả
// Sơn", "phường Hòa Mẫu") is named by a question that leaves the kind out,
// typed with marks or without, and its answer must name it too: the count
// of another province does not answer for Hòa Mẫu. "thành phố Mẫu Giang"
// names Mẫu Giang: "phố" is no "Phó" before it. After "tỉnh", "gia lam"
// is no ward's name.
func TestPlacesNamed(t *testing.T) {
	ix := pageIndex(t, map[string]string{"vi.txt": placesPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Giả Sơn sau sắp xếp có bao nhiêu xã?", "64 xã"},
		{"gia son sau sap xep co bao nhieu xa", "64 xã"},
		{"Hòa Mẫu sau sắp xếp có bao nhiêu xã?", ""},
		{"hoa mau sau sap xep co bao nhieu xa", ""},
		{"Mẫu Giang áp dụng giờ làm việc mùa đông từ ngày nào?", "1/10/2026"},
		// After a kind the corpus never writes before the name, the
		// words are no name: "tỉnh Giả làm thêm", not the ward Giả Lâm.
		{"cong an tinh gia lam them ngoai gio may gio", "từ 17h đến 18h30"},
	})
}
