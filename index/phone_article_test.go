package index_test

import "testing"

// Synthetic pages: invented offices and numbers, in the shape of news on a
// service centre that opened (no number anywhere on the page) and of a
// notice giving a short switchboard number the phone reader does not read
// as a phone.
const (
	phoneNonePage = `synthetic: true
source: https://www.mau.example.invalid/tin/trung-tam-hanh-chinh-cong-gia-lap
title: Trung tâm Phục vụ hành chính công tỉnh Giả Lập đi vào hoạt động

Synthetic article: every name, place and figure below is invented for tests.

Trung tâm Phục vụ hành chính công tỉnh Giả Lập chính thức đi vào hoạt động từ tháng 3.

Người dân đến Trung tâm Phục vụ hành chính công tỉnh Giả Lập để làm thủ tục đất đai, hộ tịch.

The Gia Lap Provincial Public Administration Service Center opened its doors in March.
`
	phoneShortPage = `synthetic: true
source: https://www.mau.example.invalid/thong-bao/tong-dai-thu-dinh
title: Tổng đài tiếp nhận phản ánh của tỉnh Thử Định

Synthetic article: every name, place and figure below is invented for tests.

Người dân tỉnh Thử Định phản ánh qua tổng đài 1055, nhấn phím 2 để gặp tổng đài viên.
`
)

// TestPhoneOfPageWithout: a question asking only for a phone is not
// answered by a page that gives no number to call anywhere (the centre
// opened, people come to it), in either language; a page whose number the
// phone reader does not read ("tổng đài 1055") still answers. "DT" asks a
// phone or an area: it is not held to a phone.
func TestPhoneOfPageWithout(t *testing.T) {
	ix := pageIndex(t, map[string]string{"none.txt": phoneNonePage, "short.txt": phoneShortPage})
	tests := []answerOrDecline{
		{"Số điện thoại Trung tâm Phục vụ hành chính công tỉnh Giả Lập là bao nhiêu?", ""},
		{"sdt trung tam phuc vu hanh chinh cong tinh gia lap", ""},
		{"What is the phone number of the Gia Lap Provincial Public Administration Service Center?", ""},
		{"Trung tâm Phục vụ hành chính công tỉnh Giả Lập hoạt động từ khi nào?", "tháng 3"},
		{"Người dân tỉnh Thử Định gọi tổng đài số mấy để phản ánh?", "1055"},
	}
	checkAnswerOrDecline(t, ix, tests)
}
