package index_test

import "testing"

// windowPage is a synthetic page (invented district, people and hours) in
// the shape of a district council's notice of citizen hours: the title
// and lead name the body and the place, the sentences giving the hours
// name neither.
const windowPage = `synthetic: true
source: https://www.example.invalid/lich-tiep-cong-dan
title: Lịch tiếp công dân định kỳ của Chủ tịch HĐND huyện Mộc Sơn

Thường trực Hội đồng nhân dân huyện Mộc Sơn thông báo lịch tiếp công dân định kỳ của Chủ tịch HĐND huyện trong quý III.

Bài viết thử nghiệm (synthetic): mọi tên địa danh, người và giờ giấc dưới đây đều hư cấu.

Thời gian tiếp vào ngày thứ Năm tuần thứ hai hằng tháng.

Buổi sáng: từ 7h30 đến 11h00.

Buổi chiều: từ 14h00 đến 16h30.

Địa điểm: Trụ sở Tiếp công dân huyện, số 12 đường Trần Phú.
`

// TestWindowWhole: a unit whose words, with its article's title and lead,
// hold the whole question answers though its own words cover little of it
// (with the window_whole input at 0 in gate.json the afternoon's hours are
// declined); a question naming another place, or the deputy the page does
// not name, is still declined.
func TestWindowWhole(t *testing.T) {
	ix := pageIndex(t, map[string]string{"lich.txt": windowPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Lịch tiếp công dân định kỳ của Chủ tịch HĐND huyện Mộc Sơn buổi chiều mấy giờ", "14h00 đến 16h30"},
		{"Thường trực HĐND huyện Mộc Sơn tiếp công dân định kỳ buổi chiều từ mấy giờ", "14h00 đến 16h30"},
		// Neighbours: another place, the deputy, the other body, Sunday.
		{"Lịch tiếp công dân định kỳ của Chủ tịch HĐND huyện Lâm Hà buổi chiều mấy giờ", ""},
		{"Lịch tiếp công dân định kỳ của Phó Chủ tịch HĐND huyện Mộc Sơn buổi chiều mấy giờ", ""},
		{"Lịch tiếp công dân định kỳ của Chủ tịch UBND huyện Mộc Sơn buổi chiều mấy giờ", ""},
		{"Lịch tiếp công dân định kỳ của Chủ tịch HĐND huyện Mộc Sơn chiều Chủ nhật mấy giờ", ""},
	})
}
