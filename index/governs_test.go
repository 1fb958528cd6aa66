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
