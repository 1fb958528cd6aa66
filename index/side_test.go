package index_test

import "testing"

// sidePage is a synthetic page (invented villages and figures) in the shape
// of a district's merger notice: each merger is one sentence giving the
// parts before it, the next the village after it. Both hold the counts of
// hộ and nhân khẩu asked and share the question's words.
const sidePage = `synthetic: true
source: https://www.example.invalid/sap-nhap-thon-ban
title: Sáp nhập, đổi tên các bản thuộc huyện Mộc Sơn

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Hội đồng nhân dân tỉnh vừa thông qua việc sáp nhập, đổi tên các bản thuộc huyện Mộc Sơn.

Sáp nhập 52 hộ, 231 nhân khẩu của bản Pá Lươn và 61 hộ, 280 nhân khẩu của bản Na Cày để thành lập bản Na Cày.

Bản Na Cày sau khi thành lập có 113 hộ, 511 nhân khẩu.

Sáp nhập 40 hộ, 170 nhân khẩu của bản Huổi Mí và 45 hộ, 199 nhân khẩu của bản Co Sản để thành lập bản Co Sản.

Bản Co Sản sau khi thành lập có 85 hộ, 369 nhân khẩu.
`

// TestSideOfMerger: "sau sáp nhập … bao nhiêu hộ" is answered by the
// sentence that says it speaks of after the merger, not by the merger's
// sentence giving the parts before it, which shares more of the question's
// words (with sideMargin at 0 the merger's sentence answers).
func TestSideOfMerger(t *testing.T) {
	ix := pageIndex(t, map[string]string{"ban.txt": sidePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"ban na cay sau sap nhap co bao nhieu ho bao nhieu khau", "113 hộ, 511 nhân khẩu"},
		{"Bản Co Sản sau sáp nhập có bao nhiêu hộ, bao nhiêu nhân khẩu?", "85 hộ, 369 nhân khẩu"},
	})
}
