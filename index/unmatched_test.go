package index_test

import "testing"

// shorthandPage is a synthetic veterans' association page (invented
// places, people and figures).
const shorthandPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/hoi-ccb-tinh-mau
title: Đại hội Hội Cựu chiến binh tỉnh Mẫu lần thứ V

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Đại hội đại biểu Hội Cựu chiến binh tỉnh Mẫu lần thứ V có 312 đại biểu chính thức về dự.

Sau sắp xếp, Hội có 4.120 hội viên sinh hoạt tại 96 chi hội.
`

// TestUnmatchedShorthand: a word with no vowel that no page writes ("sx",
// "VN") is shorthand, and weighs as little as an untranslated word: as the
// rarest word of the question it made the bot decline the unit holding
// every other word. A word no page writes that could be a syllable ("xe
// buýt") still declines, and so does another body's name.
func TestUnmatchedShorthand(t *testing.T) {
	ix := pageIndex(t, map[string]string{"ccb.txt": shorthandPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"hội ccb tỉnh Mẫu sau sx có bao nhiêu hội viên", "4.120 hội viên"},
		{"ĐH đại biểu Hội CCB VN tỉnh Mẫu lần V có bao nhiêu đại biểu chính thức", "312 đại biểu"},
		{"giá vé xe buýt đến đại hội hội cựu chiến binh tỉnh Mẫu bao nhiêu", ""},
		{"Hội Nông dân tỉnh Mẫu có bao nhiêu hội viên", ""},
	})
}
