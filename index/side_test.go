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

// sideNowPage is a synthetic page (an invented town and figures) in the
// shape of a merger plan's summary: the count after the plan, said of
// after, and the count today, said with "hiện" alone before a verb.
const sideNowPage = `synthetic: true
source: https://www.example.invalid/thi-xa-hoa-khe-sap-xep
title: Thị xã Hòa Khê sắp xếp đơn vị hành chính cấp xã

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Sau sắp xếp, thị xã Hòa Khê sẽ có 12 đơn vị hành chính (8 phường, 4 xã).

Thị xã ven biển Hòa Khê hiện rộng 150 km2, gần 90.000 người với 15 đơn vị hành chính (10 phường và 5 xã).
`

// TestSideNow: "hiện có bao nhiêu …" is not answered by the count after
// the reorganisation when a sentence of the same page holding the count
// says no side (without the now-side's -1 the count after answers).
func TestSideNow(t *testing.T) {
	ix := pageIndex(t, map[string]string{"hoakhe.txt": sideNowPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"hoa khe hien co bao nhieu phuong xa", "15 đơn vị"},
		{"Sau sắp xếp, thị xã Hòa Khê có bao nhiêu đơn vị hành chính?", "12 đơn vị"},
	})
}
