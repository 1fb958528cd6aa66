package index_test

import "testing"

// islandPage and placeListPage are synthetic pages (invented places,
// numbers and people): a decision on a district's island communes, and a
// list naming other places whose names share the district's syllables
// ("Vân La", "Minh Phú", "An Phú").
const islandPage = `synthetic: true
title: Ba xã của huyện Lý Vân được công nhận là xã đảo

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Thủ tướng Chính phủ vừa ký Quyết định 777/QĐ-TTg công nhận 3 xã: xã An Vũ, xã An Hạ và xã An Bổng thuộc huyện Lý Vân, tỉnh Quảng Thử là xã đảo.

Đồng chí Trần Văn Khải - Bí thư Đảng ủy xã Cao Minh phát biểu khai mạc Đại hội đại biểu Đảng bộ xã Cao Minh, tỉnh Phú Định.

Công an Phú Giáo tạm dừng tiếp nhận hồ sơ căn cước từ ngày 9/3 để chuyển sang mô hình công an xã.
`

const placeListPage = `synthetic: true
title: Danh sách các đơn vị hành chính mới

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Tỉnh Vân La có 75 xã, phường; xã Minh Phú và phường An Phú được thành lập từ ngày 1/7.
`

// TestNameStraddlesNoPlace: a corpus place whose syllables straddle a
// place the question names with its kind ("huyện Lý Vân là" is no Vân
// La), cross a bracket ("xã Cao Minh (Phú Định)" is no Minh Phú) or start
// inside a body's head ("Công an Phú Giáo" is no An Phú) is not required
// of the answer; another district, commune or body is still declined.
func TestNameStraddlesNoPlace(t *testing.T) {
	ix := pageIndex(t, map[string]string{"island.txt": islandPage, "list.txt": placeListPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Quyết định nào công nhận 3 xã của huyện Lý Vân là xã đảo?", "777/QĐ-TTg"},
		{"Quyết định nào công nhận 3 xã của huyện Lý Hạ là xã đảo?", ""},
		{"Bí thư Đảng ủy xã Cao Minh (Phú Định) là ai?", "Trần Văn Khải"},
		{"Bí thư Đảng ủy xã Cao Sơn (Phú Định) là ai?", ""},
		{"Vì sao công an Phú Giáo tạm dừng tiếp nhận hồ sơ căn cước?", "chuyển sang mô hình công an xã"},
	})
}
