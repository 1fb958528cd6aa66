package index_test

import "testing"

// topicPage is a synthetic association page (invented place, figures):
// the title and lead name the body, the sentence stating each figure
// says only "Hội".
const topicPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/hoi-nong-dan-xa-mau-lam
title: Hội Nông dân xã Mẫu Lâm tổ chức Đại hội lần thứ VII

Hội Nông dân xã Mẫu Lâm tổ chức Đại hội đại biểu lần thứ VII, nhiệm kỳ 2023-2028, trong hai ngày cuối tuần.

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Nhiệm kỳ qua, phong trào thi đua sản xuất kinh doanh giỏi được duy trì sôi nổi.

Hiện nay, Hội có 1.240 hội viên, sinh hoạt tại 14 chi hội.

Đại hội đã bầu Ban Chấp hành khóa mới gồm 11 đồng chí.
`

// TestTopicWindow: a sentence holding the kind of value asked reads its
// article's title and lead as its window, so the question's words that
// only the lead repeats ("Hội Nông dân xã Mẫu Lâm") count for it; the lead
// itself, holding no such value, no longer answers. Another body, or a
// figure the page does not give, is still declined.
func TestTopicWindow(t *testing.T) {
	ix := pageIndex(t, map[string]string{"hnd.txt": topicPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Hội Nông dân xã Mẫu Lâm có bao nhiêu hội viên?", "1.240 hội viên"},
		{"hoi nong dan xa mau lam co bao nhieu chi hoi", "14 chi hội"},
		{"Hội Phụ nữ xã Mẫu Lâm có bao nhiêu hội viên?", ""},
		{"Hội Nông dân xã Mẫu Lâm có bao nhiêu hội viên nữ?", ""},
	})
}
