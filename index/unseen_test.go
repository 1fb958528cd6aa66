package index_test

import "testing"

// The pages below are synthetic (invented places, people, numbers and
// dates) and are written the way pages nobody tuned for write: a
// committee's board whose name starts with "Ban", a commune's contact
// block that names its place and not its body, a wiki page whose list of
// residential groups spells the city's syllables apart, a body written
// as initials joined by "-" after other initials.

const boardPage = `synthetic: true
source: https://www.vi-lam.example.invalid/tin-tuc/ban-tiep-cong-dan
title: Thành phố Vi Lâm kiện toàn Ban Tiếp công dân

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Chính quyền địa phương 02 cấp của tỉnh Nam Lâm vận hành theo Kế hoạch ban hành kèm Nghị quyết số 47/NQ-CP ngày 9/3.
`

const boardEnglish = `synthetic: true
source: https://www.vilam.example.invalid/en/citizen-reception-board
title: Vi Lam sets up its Citizen Reception Board

Synthetic test article: every name, number and date below is invented.

Following approval by the Vi Lam People's Committee, a municipal Citizen Reception Board was set up. Mr Lac Van Thu was appointed the Head of the Board.
`

const contactPage = `synthetic: true
source: https://www.vi-dong.example.invalid/lien-he/cac-xa
title: Bộ máy và liên hệ các xã thuộc huyện Vi Đông

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Xã Khê Nam là một xã vùng sâu của huyện Vi Đông.

Các xã thuộc huyện Vi Đông
Địa chỉ: Thôn Suối Mây, xã Khê Nam, huyện Vi Đông, tỉnh Nam Lâm
Điện thoại: 0200.3812345
`

const wardPage = `synthetic: true
source: https://wiki.example.invalid/wiki/Khe_Nam
title: Khê Nam

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Khê Nam là một phường thuộc thành phố Vi Lâm, tỉnh Nam Lâm.

Phường Khê Nam được chia thành 9 tổ dân phố: Lâm Hạ, Vi Hòa, Đông Sơn, Bình An, Hạ Lũy, Cầu Đá, Suối Mây, Trại Cũ, Bến Đò.
`

const centrePage = `synthetic: true
source: https://www.vi-dong.example.invalid/tin-tuc/sap-nhap-trung-tam
title: Huyện Vi Đông sáp nhập Trung tâm Dân số - Kế hoạch hóa gia đình vào Trung tâm Y tế

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Việc sáp nhập Trung tâm Dân số - Kế hoạch hóa gia đình vào Trung tâm Y tế huyện Vi Đông thực hiện Nghị quyết số 19 của Ban Chấp hành Trung ương.
`

// TestUnaccentedPrefixNoPlace: in a question typed with accents, a word
// typed without them is not the place kind it folds to: "Ban" is no
// village ("bản") named Tiếp, "phương" no ward ("phường") 02. The place
// the question names is still required: another city is declined.
func TestUnaccentedPrefixNoPlace(t *testing.T) {
	ix := pageIndex(t, map[string]string{"ban.txt": boardPage, "board.txt": boardEnglish, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Ai làm Trưởng Ban Tiếp công dân thành phố Vi Lâm?", "Lac Van Thu"},
		{"Ai làm Trưởng Ban Tiếp công dân thành phố Trà Khê?", ""},
		{"Kế hoạch vận hành chính quyền địa phương 02 cấp được CP ban hành kèm nghị quyết nào?", "47/NQ-CP"},
	})
}

// TestUnmarkedBoardNoVillage: typed without any marks, "Ban Tiep cong
// dan" is still the board, not a village ("bản") named Tiep that the
// answer must name; a village the corpus writes after "bản" is still one.
func TestUnmarkedBoardNoVillage(t *testing.T) {
	village := "synthetic: true\ntitle: Bản Khe Mây sáp nhập\n\n" +
		"Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.\n\n" +
		"Bản Khe Mây có 214 nhân khẩu sau khi sáp nhập.\n"
	ix := pageIndex(t, map[string]string{"ban.txt": boardPage, "board.txt": boardEnglish, "ban-khe-may.txt": village, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Ai lam Truong Ban Tiep cong dan thanh pho Vi Lam?", "Lac Van Thu"},
		{"Ban Khe May co bao nhieu nhan khau sau sap nhap?", "214 nhân khẩu"},
		{"Ban Khe Suoi co bao nhieu nhan khau sau sap nhap?", ""},
	})
}

// TestContactNamesNoBody: a contact block answers for the office of the
// place its address names, though it does not name the body ("UBND"); a
// commune it does not name is declined.
func TestContactNamesNoBody(t *testing.T) {
	ix := pageIndex(t, map[string]string{"lien-he.txt": contactPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Số điện thoại UBND xã Khê Nam, huyện Vi Đông là bao nhiêu?", "0200.3812345"},
		{"Trụ sở UBND X. Khê Nam, H. Vi Đông ở đâu?", "Suối Mây"},
		{"Số điện thoại UBND xã Khê Bắc, huyện Vi Đông là bao nhiêu?", ""},
	})
}

// TestOuterPlaceApart: the city a ward is in ("Phường Khê Nam (thành phố
// Vi Lâm)") is read anywhere in the page, as the named check reads it,
// where the unit names the ward whole and only spells the city's
// syllables apart ("Lâm Hạ, Vi Hòa"); a city neither the unit nor the
// page names whole is declined.
func TestOuterPlaceApart(t *testing.T) {
	ix := pageIndex(t, map[string]string{"khe-nam.txt": wardPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Phường Khê Nam (thành phố Vi Lâm) được chia thành bao nhiêu tổ dân phố?", "9 tổ dân phố"},
		{"Phường Khê Nam (thành phố Đông Hòa) được chia thành bao nhiêu tổ dân phố?", ""},
	})
}

// TestInitialsAfterInitials: a body's initials joined by "-" ("DS-KHHGĐ")
// are found after other initials ("TT DS-KHHGĐ"), so "TT … DS" is no
// town ("thị trấn") named DS the answer must name.
func TestInitialsAfterInitials(t *testing.T) {
	ix := pageIndex(t, map[string]string{"trung-tam.txt": centrePage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Sáp nhập TT DS-KHHGĐ với TTYT huyện Vi Đông là thực hiện NQ nào của BCH TƯ?", "Nghị quyết số 19"},
	})
}
