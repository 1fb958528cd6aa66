package index_test

import "testing"

// thisDocPage is a synthetic page (an invented province, resolution and
// figures) in the shape of an English news report of a resolution: the
// author's line first, the sapo, then the paragraph citing the resolution
// by number, its content, and its closing clause naming it "This
// Resolution" only.
const thisDocPage = `synthetic: true
source: https://news.example.invalid/arrangement-of-communes-in-mock-province
title: Arrangement of commune-level administrative units in Mock province

TRAN THU |

After the arrangement, Mock province has 11 district-level administrative units and 140 commune-level administrative units.

The Standing Committee of the National Assembly has just issued Resolution No. 4321/NQ-UBTVQH15 on the arrangement of commune-level administrative units of Mock province for the 2023-2025 period.

Merge the entire natural area of 7.5 km2 of Alpha commune into Beta commune.

This Resolution comes into force from March 3, 2025.
`

// thisDecisionPage is a synthetic decision (invented) closing with
// "Quyết định này có hiệu lực …".
const thisDecisionPage = `synthetic: true
title: Quyết định thành lập Tổ công tác xã Thử Nghiệm

UBND tỉnh Giả Lập vừa ban hành Quyết định số 777/QĐ-UBND về việc thành lập Tổ công tác hỗ trợ xã Thử Nghiệm.

Tổ công tác gồm 9 thành viên do Phó Chủ tịch UBND tỉnh làm Tổ trưởng.

Quyết định này có hiệu lực thi hành kể từ ngày 19/6/2024.
`

// TestThisDocument: a sentence naming a document by its type and "này"
// ("This Resolution") in the article citing the document asked by number
// speaks of that document: asked when the decision takes effect, the
// decision's closing clause answers, not the resolution's, which shares
// the question's words as much ("hiệu lực", "into force").
func TestThisDocument(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en-mock.txt": thisDocPage, "qd-777.txt": thisDecisionPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"quyết định 777 có hiệu lực từ ngày nào", "19/6/2024"},
		{"nghị quyết 4321 có hiệu lực từ ngày nào", "March 3, 2025"},
		{"nghị quyết 4321 sắp xếp xã ở Mock có hiệu lực từ ngày nào", "March 3, 2025"},
	})
}
