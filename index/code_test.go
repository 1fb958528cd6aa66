package index_test

import "testing"

// promisePage is a synthetic merger card (invented communes): its lead
// promises the new commune's codes among its fields and the page gives
// none; boxPage's ward gives its postal code.
const promisePage = `synthetic: true
source: https://www.example.invalid/xa-moi-thu-lam
title: Xã Thử Hòa, huyện Mẫu Giang sáp nhập vào đâu?

Thông tin xã/phường mới Thử Lâm mới nhất, gồm diện tích, dân số, mã hành chính, mã bưu chính.

Xã Thử Lâm mới được sáp nhập từ xã Thử Hòa, xã Thử Hải và xã Thử Lâm (bài thử nghiệm, synthetic).
`

// TestCodeAskedGiven: a question asking for a code is answered by its
// digits, and declined where the page only names the code among its
// fields.
func TestCodeAskedGiven(t *testing.T) {
	ix := pageIndex(t, map[string]string{
		"thu-lam.txt": promisePage,
		"mau-son.txt": boxPage("Mẫu Sơn", "Thử Nghiệm", "Ngõ Hư Cấu, tổ dân phố Mẫu", "Nguyễn Văn Mẫu", "3/4/2005", "5,67 km²", "999001", "14"),
	})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Mã bưu chính của phường Mẫu Sơn là gì?", "999001"},
		{"Mã bưu chính của xã Thử Lâm mới là gì?", ""},
		{"ma hanh chinh xa thu lam moi", ""},
		{"Xã Thử Lâm mới được sáp nhập từ những xã nào?", "xã Thử Hòa"},
	})
}
