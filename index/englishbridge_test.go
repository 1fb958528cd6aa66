package index_test

import "testing"

// receptionNotice is a synthetic commune notice (invented names and
// figures) in the shape of the ward and commune portals' citizen-reception
// schedules: a notice whose long preamble shares most words of any
// question about it, the schedule in one item below, and the residence
// desk's hours.
const receptionNotice = `synthetic: true
source: https://giadinh.example.invalid/thong-bao/lich-tiep-cong-dan-2027
title: Thông báo lịch tiếp công dân của UBND xã Giả Định năm 2027

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

THÔNG BÁO Lịch tiếp công dân của UBND xã Giả Định năm 2027. Căn cứ Luật Tiếp công dân; Căn cứ Quyết định số 17/QĐ-UBND của UBND xã về việc ban hành Nội quy tiếp công dân tại Trụ sở UBND xã Giả Định; Ủy ban nhân dân xã Giả Định thông báo lịch tiếp công dân như sau:

1. Lịch tiếp công dân định kỳ

- Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào ngày thứ Tư hằng tuần, trong giờ hành chính.

2. Tiếp nhận hồ sơ xác nhận thông tin về cư trú

Công an xã tiếp nhận hồ sơ xác nhận thông tin về cư trú trong giờ hành chính các ngày làm việc từ thứ 2 đến thứ 6 và sáng thứ 7 hàng tuần.

Xã Giả Định được thành lập trên cơ sở sáp nhập xã Mộc Một và xã Mộc Hai, có diện tích tự nhiên 45,6 km², dân số 12.345 người.
`

// TestEnglishBridge: English questions over a Vietnamese page
// (the hidden round's shape) find the answer the Vietnamese question
// finds: the weekday asked as "which weekday", "chairman of X commune"
// as the commune's chairman (not another body's), a question whose
// English words are also a Vietnamese syllable's ("can", "on", "a") read
// as English, the population asked with no "how many"; and what the page
// does not say is still declined.
func TestEnglishBridge(t *testing.T) {
	ix := pageIndex(t, map[string]string{"notice.txt": receptionNotice})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"On which weekday does the chairman of Gia Dinh commune receive citizens?", "thứ Tư hằng tuần"},
		{"Chủ tịch xã Giả Định tiếp công dân vào thứ mấy?", "thứ Tư hằng tuần"},
		{"Can I submit a residence confirmation request on Saturday morning?", "sáng thứ 7"},
		{"What is the population of Gia Dinh commune?", "12.345 người"},
		{"Which communes were merged to form Gia Dinh commune?", "xã Mộc Một và xã Mộc Hai"},
		{"On which weekday does the chairman of Mot Dinh commune receive citizens?", ""},
		{"Can I submit a residence confirmation request on Sunday morning?", ""},
	})
}
