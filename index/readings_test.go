package index_test

import "testing"

// mergerFactsPage is a synthetic merger page (invented places and
// figures) in the shape of the provincial papers' fact lists: a label, a
// colon, the figure.
const mergerFactsPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/tinh-thu-nghiem-moi
title: Tỉnh Thử Nghiệm mới sau hợp nhất với tỉnh Giả Định

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Những thông tin cần biết về tỉnh Thử Nghiệm mới:

- Tên tỉnh sau sáp nhập: tỉnh Thử Nghiệm.

- Dân số sau sáp nhập: Khoảng 2.468.100 (gộp từ hai tỉnh).

- Trung tâm hành chính: đặt tại thành phố Vi Du.
`

// englishAreaPage is a synthetic English page (invented city and
// figures): an area written with thousands and decimals.
const englishAreaPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/mau-son-city
title: Mau Son becomes a centrally governed city

Synthetic article: every name, place and figure below is invented for tests.

The National Assembly decided to establish Mau Son City, covering the entire natural area of 4,321.08 square kilometers and a population of 1,102,345 people.

Mau Son City has 12 wards and 21 communes after the arrangement.
`

// TestValueReadings: a figure is read as what it states however the page
// writes it — a population after its label and a colon, an English area
// with thousands and decimals — so the question asking for it is
// answered, not declined for lack of the kind of value asked.
func TestValueReadings(t *testing.T) {
	ix := pageIndex(t, map[string]string{"vi.txt": mergerFactsPage, "en.txt": englishAreaPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Dân số tỉnh Thử Nghiệm mới sau sáp nhập khoảng bao nhiêu người?", "2.468.100"},
		{"What is the natural area of Mau Son City?", "4,321.08 square kilometers"},
		{"Diện tích tỉnh Thử Nghiệm mới là bao nhiêu km2?", ""},
	})
}

// associationPage is a synthetic association page (invented names and
// figures).
const associationPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/hoi-nong-dan-xa-mau-son
title: Hội Nông dân xã Mẫu Sơn tổ chức Đại hội lần thứ I

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Sáng 12/10, Hội Nông dân xã Mẫu Sơn tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 – 2030.

Sau khi hợp nhất, Hội Nông dân xã Mẫu Sơn có 3.210 hội viên, sinh hoạt tại 18 chi hội.
`

// TestPlaceNameEnds: a place's name ends at a bracket or a comma — "xã
// Mẫu Sơn (Vi Du)" names xã Mẫu Sơn, in Vi Du — so the answer must name
// Mẫu Sơn, not "Mẫu Sơn Vi Du", which nothing does.
func TestPlaceNameEnds(t *testing.T) {
	ix := pageIndex(t, map[string]string{"hoi.txt": associationPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Hội Nông dân xã Mẫu Sơn (Vi Du) có bao nhiêu hội viên?", "3.210 hội viên"},
		{"Hội Nông dân xã Giả Định (Vi Du) có bao nhiêu hội viên?", ""},
	})
}
