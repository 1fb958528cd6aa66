package index_test

import "testing"

// sisterPage is a synthetic page (invented districts and figures) in the
// shape of a province's page on its districts: the title and lead name
// three districts, and each sentence after it states one district's figures.
// The third district's figures are stated nowhere: the page names it
// only in its title and lead, the window of every sentence.
const sisterPage = `synthetic: true
source: https://www.example.invalid/cac-huyen-phia-tay-binh-lam
title: Diện tích, dân số huyện Khê Sơn, huyện Vân Hà, huyện Thạch Lĩnh (tỉnh Bình Lâm)

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu. Huyện Thạch Lĩnh, huyện Khê Sơn và huyện Vân Hà là ba huyện phía tây tỉnh Bình Lâm.

Huyện Khê Sơn có diện tích 412,5 km², dân số năm 2020 là 51.230 người.

Huyện Vân Hà có diện tích 288,7 km², dân số năm 2020 là 40.115 người.

Location of the office of Khe Son District: the old People's Committee building of Khe Son town.
`

// TestSisterPlace: a figure belongs to the place its sentence names before
// it, of the kind the question names: the area of a district the page
// names only in its lead is not a sister district's (without the check
// "Huyện Thạch Lĩnh có diện tích bao nhiêu km²?" is answered by one).
func TestSisterPlace(t *testing.T) {
	ix := pageIndex(t, map[string]string{"huyen.txt": sisterPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Huyện Thạch Lĩnh có diện tích bao nhiêu km²?", ""},
		{"Dân số huyện Thạch Lĩnh năm 2020 là bao nhiêu người?", ""},
		{"Huyện Vân Hà có diện tích bao nhiêu km²?", "288,7 km²"},
		{"Huyện Khê Sơn có diện tích bao nhiêu km²?", "412,5 km²"},
		{"Trụ sở huyện Vân Hà đặt ở đâu?", ""},
	})
}

// partPage is a synthetic page (an invented province, city and figures)
// in the shape of a province's merger news: a city's count after the
// merger in the words of the question, the province's total in others.
const partPage = `synthetic: true
source: https://www.example.invalid/binh-lam-sap-xep-cap-xa
title: Tỉnh Bình Lâm sắp xếp đơn vị hành chính cấp xã

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Sau sắp xếp, thành phố Khê Sơn có 8 đơn vị hành chính cấp xã, gồm 6 phường và 2 xã.

Toàn tỉnh còn 71 đơn vị hành chính cấp xã.
`

// TestPartPlace: a figure a place inside the one asked governs is the
// part's, not the whole's (without the parts' kinds "tỉnh Bình Lâm"'s
// count is the city's).
func TestPartPlace(t *testing.T) {
	ix := pageIndex(t, map[string]string{"binhlam.txt": partPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Sau sắp xếp, tỉnh Bình Lâm có bao nhiêu đơn vị hành chính cấp xã?", "71 đơn vị"},
		{"Sau sắp xếp, thành phố Khê Sơn có bao nhiêu đơn vị hành chính cấp xã?", "8 đơn vị"},
	})
}

// titledPages are two synthetic pages (invented wards and figures) in the
// shape of ward congresses' news: each states its ward's party members in
// a sentence naming no ward, and the first names the second ward as one
// merged into it.
var titledPages = map[string]string{
	"khe-son.txt": `synthetic: true
source: https://www.example.invalid/dai-hoi-phuong-khe-son
title: Đại hội Đảng bộ phường Khê Sơn lần thứ I

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu. Phường Khê Sơn được thành lập trên cơ sở nhập phường Vân Hà và một phần phường Thạch Lĩnh.

Đảng bộ phường có 41 tổ chức cơ sở đảng với 2.345 đảng viên.
`,
	"van-ha.txt": `synthetic: true
source: https://www.example.invalid/dai-hoi-phuong-van-ha
title: Đại hội Đảng bộ phường Vân Hà lần thứ I

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu. Sáng 3/8, Đảng bộ phường Vân Hà tổ chức Đại hội lần thứ I.

Đại hội có 150 đại biểu, đại diện cho 1.234 đảng viên trong toàn Đảng bộ.
`,
}

// TestTitledPlace: a sentence naming no place of the kind asked states
// its page's place's figure — the one its title names (without the title
// read, the first page's count answers for Vân Hà, which it names in its
// lead).
func TestTitledPlace(t *testing.T) {
	ix := pageIndex(t, titledPages)
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Đảng bộ phường Vân Hà có bao nhiêu đảng viên?", "1.234 đảng viên"},
		{"Đảng bộ phường Khê Sơn có bao nhiêu đảng viên?", "2.345 đảng viên"},
		{"Đảng bộ phường Thạch Lĩnh có bao nhiêu đảng viên?", ""},
	})
}
