package index_test

import (
	"strings"
	"testing"
)

// Synthetic pages: every name and place is invented. A ward's voters'
// meeting names its committee's deputy chairman, the Fatherland Front
// committee's chairman and a district's chairman; a commune association's
// congress names the district association's chairman, elects its posts
// without naming them, welcomes its former chairman and visits a
// memorial to Chủ tịch Hồ Chí Minh.
const (
	holderWardPage = `synthetic: true
source: https://www.mau.example.invalid/tin/hoi-nghi-cu-tri-phuong-gia-lap
title: Hội nghị cử tri phường Giả Lập

Synthetic article: every name, place and figure below is invented for tests.

Dự hội nghị có bà Lê Thị Mẫu - Phó Chủ tịch UBND phường; ông Trần Văn Thử - Chủ tịch Ủy ban MTTQ Việt Nam phường; ông Phạm Văn Định - Chủ tịch UBND huyện Mẫu Sơn.
`
	holderCongressPage = `synthetic: true
source: https://www.mau.example.invalid/tin/dai-hoi-hoi-nong-dan-xa-thu-dinh
title: Đại hội Hội Nông dân xã Thử Định lần thứ I

Synthetic article: every name, place and figure below is invented for tests.

Phát biểu tại đại hội, đồng chí Đỗ Văn Kiểm - Chủ tịch Hội Nông dân huyện ghi nhận thành tích của Hội Nông dân xã Thử Định.

Dự đại hội có ông Vũ Văn Cựu, nguyên Chủ tịch Hội Nông dân xã Thử Định.

Đại hội đã bầu Ban Chấp hành, Chủ tịch và các Phó Chủ tịch Hội Nông dân xã Thử Định nhiệm kỳ mới.

Đoàn đại biểu đã dâng hương tại Nhà tưởng niệm Chủ tịch Hồ Chí Minh.
`
	holderPressPage = `synthetic: true
source: https://www.mau.example.invalid/tin/hoi-nha-bao-tinh-gia-lap-hop
title: Hội Nhà báo tỉnh Giả Lập họp Ban Thường vụ

Synthetic article: every name, place and figure below is invented for tests.

Chủ tịch Hội Nhà báo tỉnh Nguyễn Xuân Mẫu chủ trì cuộc họp.
`
)

// TestTitleHolder: who holds a post is answered by a sentence naming a
// person with that post — not a deputy's, not another body's (a short
// form after the body's head: "Ủy ban MTTQ" for UBND), not the same
// body's of another level ("Chủ tịch Hội Nông dân huyện" for the
// commune's), not a former holder's ("nguyên Chủ tịch"), not "Chủ tịch
// Hồ Chí Minh" — and a sentence naming the
// post alone names no holder. "… tên là gì" asks as "… là ai" does. A
// holder named by a surname and its syllables, with no "ông" or "bà",
// answers.
func TestTitleHolder(t *testing.T) {
	ix := pageIndex(t, map[string]string{"ward.txt": holderWardPage, "congress.txt": holderCongressPage, "press.txt": holderPressPage})
	tests := []answerOrDecline{
		{"Phó Chủ tịch UBND phường Giả Lập là ai?", "Lê Thị Mẫu"},
		{"Chủ tịch Ủy ban MTTQ phường Giả Lập là ai?", "Trần Văn Thử"},
		{"Ai là Chủ tịch Hội Nhà báo tỉnh Giả Lập?", "Nguyễn Xuân Mẫu"},
		{"Ai là nguyên Chủ tịch Hội Nông dân xã Thử Định?", "Vũ Văn Cựu"},
		// Neighbours: the post asked is held by nobody the pages name.
		{"Chủ tịch UBND phường Giả Lập là ai?", ""},
		{"Chủ tịch Hội Nông dân xã Thử Định là ai?", ""},
		{"Chủ tịch Hội Nông dân xã Thử Định tên là gì?", ""},
		{"Ai là Phó Chủ tịch Hội Nông dân xã Thử Định?", ""},
	}
	checkAnswerOrDecline(t, ix, tests)
}

// holderPartyPage: a ward's Party committee names its secretary in one
// sentence, and in the next appoints the secretaries and deputies of the
// bodies under it, naming none; the secretary speaks after. Invented.
const holderPartyPage = `synthetic: true
source: https://www.mau.example.invalid/tin/dang-uy-phuong-gia-dinh-cong-bo-quyet-dinh
title: Đảng ủy phường Giả Định công bố quyết định thành lập các tổ chức đảng

Synthetic article: every name, place and figure below is invented for tests.

Bí thư Đảng ủy phường Giả Định Trần Thị Mẫu trao quyết định thành lập các chi bộ. Hội nghị cũng đã công bố Quyết định của Đảng ủy phường chỉ định cấp ủy, Bí thư, Phó Bí thư các tổ chức đảng trực thuộc.

Phát biểu chỉ đạo, đồng chí Trần Thị Mẫu - Bí thư Đảng ủy phường nhấn mạnh ý nghĩa của sự kiện.
`

// TestTitleHolderOwnSentence: a sentence writing the post asked names its
// holder itself — the name in the sentence before is another post's
// (the secretary's, for the deputy asked) — and a sentence writing the
// post otherwise than asked (the secretary's) names no holder of it,
// whatever the sentence before writes.
func TestTitleHolderOwnSentence(t *testing.T) {
	ix := pageIndex(t, map[string]string{"party.txt": holderPartyPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Bí thư Đảng ủy phường Giả Định là ai?", "Trần Thị Mẫu"},
		{"Phó Bí thư Đảng ủy phường Giả Định là ai?", ""},
	})
}

// holderDecisionPage: a province's decision is signed by a named deputy
// chairman; another decision is cited with its number and subject only.
// Invented.
const holderDecisionPage = `synthetic: true
source: https://www.mau.example.invalid/tin/tinh-gia-lap-ban-hanh-quy-che
title: Tỉnh Giả Lập ban hành quy chế một cửa

Synthetic article: every name, place and figure below is invented for tests.

Ngày 5/3/2024, Phó Chủ tịch UBND tỉnh Giả Lập Trần Văn Ký đã ký Quyết định số 12/QĐ-UBND về việc công bố danh mục thủ tục hành chính.

Quyết định số 34/QĐ-UBND của UBND tỉnh Giả Lập ban hành Quy chế hoạt động của bộ phận một cửa điện tử.
`

// TestSigner: who signed a document is answered by a sentence naming a
// person, not by one stating the document's number and subject.
func TestSigner(t *testing.T) {
	ix := pageIndex(t, map[string]string{"decision.txt": holderDecisionPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Ai ký Quyết định 12/QĐ-UBND của tỉnh Giả Lập?", "Trần Văn Ký"},
	})
	// The page citing the other decision alone.
	unsigned := strings.Replace(holderDecisionPage, "Ngày 5/3/2024, Phó Chủ tịch UBND tỉnh Giả Lập Trần Văn Ký đã ký Quyết định số 12/QĐ-UBND về việc công bố danh mục thủ tục hành chính.\n\n", "", 1)
	ix = pageIndex(t, map[string]string{"decision.txt": unsigned})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Ai ký Quyết định 34/QĐ-UBND của tỉnh Giả Lập?", ""},
	})
}
