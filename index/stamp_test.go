package index_test

import "testing"

// stampPage is a synthetic news page (invented district and dates) as the
// pages are scraped: its lead opens with the page's publication stamp,
// and the sentence after it states when the resolution takes effect.
const stampPage = `synthetic: true
source: https://www.example.invalid/doi-ten-thon
title: Huyện Mộc Sơn đổi tên 12 thôn

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

date 2025-03-10 HĐND huyện Mộc Sơn vừa ban hành nghị quyết về việc đổi tên 12 thôn và giữ nguyên tên 3 thôn trên địa bàn.

Nghị quyết này có hiệu lực từ ngày 20-3-2025.
`

// TestStampIsNoDate: "có hiệu lực từ ngày nào" is answered by the
// sentence stating it, not by the lead whose only date is the page's
// publication stamp (which answers when the stamp counts as a date).
func TestStampIsNoDate(t *testing.T) {
	ix := pageIndex(t, map[string]string{"thon.txt": stampPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"nghi quyet doi ten thon o moc son co hieu luc tu ngay nao", "20-3-2025"},
	})
}
