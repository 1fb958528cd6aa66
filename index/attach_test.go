package index_test

import "testing"

// attachPage is a synthetic page (an invented province and invented
// figures) in the shape of a merger list's summary: the count before the
// merger, the count after it, and the change, each in its own sentence
// with the same noun. The sentences of the counts before and after name the
// province asked, which the change's does not; the change is the one whose
// own clause says "giảm".
const attachPage = `synthetic: true
source: https://www.example.invalid/danh-sach-xa-phuong-sau-sap-xep
title: Danh sách các xã, phường của tỉnh Bình Lâm sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Trước sắp xếp, tỉnh Bình Lâm có 212 đơn vị hành chính cấp xã.

Sau sắp xếp, tỉnh Bình Lâm còn lại 78 đơn vị hành chính cấp xã, bao gồm 12 phường và 66 xã.

Như vậy, toàn tỉnh giảm 134 đơn vị hành chính cấp xã.

Thị trấn Hòa Khê mới sẽ có 19 khu phố.

Trong đó giữ nguyên có 15 khu phố của thị trấn Hòa Khê hiện tại gồm Khê Thượng 1, Khê Thượng 2, Khê Hạ 1, Khê Hạ 2 và các khu phố khác.
`

// TestAttachedCount: of several counts of the noun asked on one page, the
// one whose own clause holds the question's ask ("giảm", "mới") answers,
// though other sentences share as much of the question's words (with the
// attached signal's weight at 0 the first question is answered by the
// count before the merger).
func TestAttachedCount(t *testing.T) {
	ix := pageIndex(t, map[string]string{"xa.txt": attachPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"tỉnh Bình Lâm giảm bao nhiêu đơn vị hành chính cấp xã?", "giảm 134"},
		{"Thị trấn Hòa Khê mới có bao nhiêu khu phố?", "19 khu phố"},
	})
}
