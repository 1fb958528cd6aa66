package index_test

import "testing"

// preamblePage is a synthetic notice (invented place, dates): the grounds
// and the repeated headline share the most words with any question about
// it, the sentences below them give the schedule.
const preamblePage = `synthetic: true
source: https://www.mau.example.invalid/thong-bao/lich-tiep-cong-dan
title: Thông báo lịch tiếp công dân của Chủ tịch UBND xã Mẫu Lâm năm 2031

Thông báo lịch tiếp công dân của Chủ tịch UBND xã Mẫu Lâm năm 2031

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và ngày tháng dưới đây đều hư cấu.

Căn cứ Luật Tổ chức chính quyền địa phương năm 2015, Luật Tiếp công dân năm 2013 và các văn bản hướng dẫn thi hành, Ủy ban nhân dân xã Mẫu Lâm thông báo lịch tiếp công dân năm 2031 như sau:

Chủ tịch UBND xã tiếp công dân định kỳ vào ngày 12 và 27 hàng tháng.

Trường hợp Chủ tịch UBND xã bận đột xuất thì ủy quyền cho Phó Chủ tịch UBND xã tiếp thay.

Địa điểm: Phòng Tiếp công dân xã Mẫu Lâm.
`

// TestPreambleRanksBelow: the grounds a notice cites ("Căn cứ Luật …
// năm 2015 …") and its headline repeated in the body frame the page; the
// sentence stating the days answers, though it shares fewer of the
// question's words (with the preamble signal at 0 the grounds answer).
func TestPreambleRanksBelow(t *testing.T) {
	ix := pageIndex(t, map[string]string{"tcd.txt": preamblePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"ông chủ tịch ubnd xã mẫu lâm tiếp dân mấy ngày trong tháng vậy", "ngày 12 và 27 hàng tháng"},
		{"Chủ tịch UBND xã Mẫu Lâm bận thì ai tiếp công dân thay?", "Phó Chủ tịch UBND xã tiếp thay"},
	})
}

// TestRecurringDate: "ngày 12 và 27 hàng tháng" is the date asked by
// "ngày nào", above the grounds' law of 2015 and the notice's year.
func TestRecurringDate(t *testing.T) {
	ix := pageIndex(t, map[string]string{"tcd.txt": preamblePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Chủ tịch UBND xã Mẫu Lâm tiếp công dân vào ngày nào trong tháng?", "ngày 12 và 27 hàng tháng"},
		{"chu tich ubnd xa mau lam tiep cong dan ngay may", "ngày 12 và 27 hàng tháng"},
	})
}
