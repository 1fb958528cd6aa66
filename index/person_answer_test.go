package index_test

import "testing"

// personPage is a synthetic congress page (invented place and people):
// the one elected is named with her profession, not "bà"; a guest is
// named with "ông" in a sentence sharing more of the question's words.
const personPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/dai-hoi-hoi-van-hoc-mau
title: Đại hội Hội Văn học Nghệ thuật tỉnh Mẫu lần thứ IV

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Dự Đại hội Hội Văn học Nghệ thuật tỉnh Mẫu có ông Nguyễn Văn Thử, Chủ tịch Ủy ban nhân dân tỉnh Mẫu.

Đại hội đã bầu nhà thơ Trần Thị Vi Mẫu làm Chủ tịch Hội.

Hội hiện có 214 hội viên thuộc 7 chuyên ngành.
`

// TestPersonWithoutHonorific: "who was elected" is answered by the
// sentence naming her, a family name and two more capitalised syllables
// after "nhà thơ", which read as a person as "ông …" does.
func TestPersonWithoutHonorific(t *testing.T) {
	ix := pageIndex(t, map[string]string{"vhnt.txt": personPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Ai được bầu làm Chủ tịch Hội Văn học Nghệ thuật tỉnh Mẫu?", "Trần Thị Vi Mẫu"},
		{"Ai là Phó Chủ tịch Hội Văn học Nghệ thuật tỉnh Mẫu?", ""},
	})
}
