package index_test

import "testing"

// chairmenPage is a synthetic provincial page (invented provinces and
// people) naming one province's chairman and only mentioning another.
const chairmenPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/chu-tich-tinh-mau-son
title: Tỉnh Mẫu Sơn kiện toàn lãnh đạo

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Ông Nguyễn Văn Giả, Chủ tịch UBND tỉnh Mẫu Sơn, phát biểu tại hội nghị.

Đoàn công tác của tỉnh Giả Định đã đến thăm và làm việc tại tỉnh Mẫu Sơn.
`

// viDuPage is a synthetic English page (invented province and people).
const viDuPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/vi-du-ppc
title: Vi Du reviews its plan for the new year

Synthetic article: every name, place and figure below is invented for tests.

The meeting was chaired by Mr. Tran Van Thu, Chairman of the Vi Du Provincial People's Committee.

Vi Du Province has 12 wards and 21 communes after the arrangement.
`

// TestLowerCaseNames: a question typed in lower case names its place by
// the names the corpus writes after a place prefix ("tỉnh Giả Định",
// "Vi Du Province"): the answer must name it, so the chairman of another
// province is no answer, and a place's own page still answers.
func TestLowerCaseNames(t *testing.T) {
	ix := pageIndex(t, map[string]string{"vi.txt": chairmenPage, "en.txt": viDuPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"chu tich ubnd tinh mau son la ai", "Nguyễn Văn Giả"},
		{"chủ tịch ubnd tỉnh mẫu sơn là ai", "Nguyễn Văn Giả"},
		{"chu tich ubnd tinh gia dinh la ai", ""},
		{"chủ tịch ubnd tỉnh giả định là ai", ""},
		{"tinh vi du co bao nhieu phuong", "12 wards"},
	})
}
