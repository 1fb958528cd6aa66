package index_test

import "testing"

// typoPage is a synthetic commune page (invented places, people and
// figures) with the facts typo questions ask for.
const typoPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/xa-mau-thach
title: Xã Mẫu Thạch và phường Vi Bình sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Trước khi sáp nhập, xã Mẫu Thạch có 7.315 người, xã Mẫu Đông có 5.120 người.

Phường Vi Bình mới được sáp nhập từ phường Vi An và phường Vi Lạc, trụ sở đặt tại phường Vi Lạc.

Mùa đông, cơ quan làm việc buổi sáng từ 7h30 đến 11h30, buổi chiều từ 13h15 đến 16h45.

Hội Chữ thập đỏ xã tổ chức hoạt động trao quà cho 210 hộ nghèo.
`

// TestTypos: a word the corpus never writes as typed is read as the
// corpus's word one edit away that it writes beside the question's other
// words — a letter left out ("Thạc" for Thạch), a wrong letter ("Bìng"),
// a vowel mark left out ("chìu" for chiều) — and a right word no page
// writes ("học phí") stays a sign that nothing answers.
func TestTypos(t *testing.T) {
	ix := pageIndex(t, map[string]string{"xa.txt": typoPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"xã Mẫu Thạc có bao nhiêu người trước khi sáp nhập", "7.315 người"},
		{"phường Vi Bìng mới gộp những phường nào", "phường Vi An và phường Vi Lạc"},
		{"mùa đông buổi chìu làm việc từ mấy giờ", "13h15"},
		{"học phí mầm non ở xã Mẫu Thạch là bao nhiêu", ""},
	})
}

// TestTyposNoSyllable: a typo that leaves letters no syllable spells — a
// letter doubled ("Bìnhh"), a final letter wrong ("Thạcg") — is read as
// well, with or without marks.
func TestTyposNoSyllable(t *testing.T) {
	ix := pageIndex(t, map[string]string{"xa.txt": typoPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"xã Mẫu Thạcg có bao nhiêu người trước khi sáp nhập", "7.315 người"},
		{"xa mau thacg co bao nhieu nguoi truoc khi sap nhap", "7.315 người"},
		{"phường Vi Bìnhh mới gộp những phường nào", "phường Vi An và phường Vi Lạc"},
	})
}

// soundAlikePage is a synthetic district page (invented places and
// figures) for place names typed with an initial that sounds alike or a
// key beside the right one.
const soundAlikePage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/huyen-giong-trom-gia
title: Huyện Giồng Trôm Giả và xã Lục Nam Thử sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi địa danh và số liệu dưới đây đều hư cấu.

Sau sắp xếp, huyện Giồng Trôm Giả còn 14 xã và 1 thị trấn.

Xã Lục Nam Thử có diện tích tự nhiên 31,5 km2 và 9.870 người.
`

// TestTyposSoundAlike: a place typed with an initial its region says
// alike ("Giồng Chôm" for Giồng Trôm, "giong chom" without marks) or with a
// letter struck beside the right key that leaves no vowel ("Lục Nsm"), is
// read as the corpus writes it beside the question's words.
func TestTyposSoundAlike(t *testing.T) {
	ix := pageIndex(t, map[string]string{"huyen.txt": soundAlikePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"huyện Giồng Chôm Giả sau sắp xếp còn bao nhiêu xã", "14 xã"},
		{"huyen giong chom gia sau sap xep con bao nhieu xa", "14 xã"},
		{"xã Lục Nsm Thử có diện tích bao nhiêu", "31,5 km2"},
	})
}
