package index_test

import "testing"

// whichPage is a synthetic page (invented wards and figures) in the shape
// of a town's merger news: the lead announces the new ward and repeats the
// question's words; the sentence after it names the wards merged, which
// the question asks for and does not name.
const whichPage = `synthetic: true
source: https://www.example.invalid/phuong-moi
title: Thị xã Sông Mây sắp xếp các phường

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Sáng 3/5, Hội đồng nhân dân thị xã Sông Mây thông qua nghị quyết sắp xếp các phường, trong đó phường Hòa Lạc mới được thành lập từ việc sáp nhập các phường cũ. Theo nghị quyết, phường Hòa Lạc mới gồm phường Bến Đá, phường Cây Gạo và xã Đồng Sậy.

Phường Hòa Lạc có 23.400 người, diện tích tự nhiên 31 km2.
`

// TestWhichPlaceNamed: "sáp nhập từ những phường nào" is answered by the
// sentence naming the wards merged, not by the lead that shares more of
// the question's words and names no ward but the one asked (with
// whichMargin at 0 the lead answers).
func TestWhichPlaceNamed(t *testing.T) {
	ix := pageIndex(t, map[string]string{"phuong.txt": whichPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Phường Hòa Lạc mới được sáp nhập từ những phường nào?", "phường Bến Đá, phường Cây Gạo và xã Đồng Sậy"},
		{"phuong hoa lac moi sap nhap tu nhung phuong nao", "phường Bến Đá, phường Cây Gạo và xã Đồng Sậy"},
	})
}

// venuePage is a synthetic notice (invented district and figures): the
// schedule's lead, then where the meetings are held under the label
// "Địa điểm", which holds no street address.
const venuePage = `synthetic: true
source: https://www.example.invalid/lich-tiep-dan
title: Lịch tiếp công dân của Chủ tịch UBND huyện Mộc Sơn

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Chủ tịch UBND huyện Mộc Sơn tiếp công dân định kỳ vào ngày 12 và 27 hàng tháng, nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo. Địa điểm: Phòng Tiếp công dân huyện Mộc Sơn.
`

// TestVenueIsWhere: "ở đâu" is answered by the line a notice labels
// "Địa điểm" (the venue), not by the schedule's lead (which answers
// when "địa điểm" is not among placeMarkers).
func TestVenueIsWhere(t *testing.T) {
	ix := pageIndex(t, map[string]string{"lich.txt": venuePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"chủ tịch huyện Mộc Sơn tiếp dân ở đâu", "Phòng Tiếp công dân huyện Mộc Sơn"},
		{"chu tich huyen moc son tiep cong dan o dau", "Phòng Tiếp công dân huyện Mộc Sơn"},
	})
}
