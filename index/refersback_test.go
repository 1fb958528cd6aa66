package index_test

import "testing"

// commitmentsPage is a synthetic English news page (invented names and
// places) in the shape of a provincial paper's English edition: the
// commune is named once, and the sentence naming its secretary refers
// back to it as "the commune", giving him a second post in another body.
const commitmentsPage = `synthetic: true
source: https://baogiadinh.example.invalid/en/resolutions-into-practice
title: Communes put congress resolutions into practice

Synthetic article: every name, place and figure below is invented.

In Hoa Gia commune, right after the congress, the commune Party Committee drafted its action programme with clear tasks for each member of the Standing Committee.

Each plan links the targets of the resolution to the conditions of each village, and the commune People's Committee follows it up every month.

According to Phan Van Kiet, Secretary of the Party Committee and Chairman of the People's Council of the commune, every plan is approved before it is carried out.
`

// TestEnglishRefersBack: a Vietnamese question for the commune's
// secretary is answered by the English sentence that names him "of the
// commune", the commune being the one the page named; the chairman of
// the People's Committee is not the People's Council's, and a commune
// the page never names is declined.
func TestEnglishRefersBack(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en-communes.txt": commitmentsPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Bí thư Đảng ủy xã Hòa Giả là ai?", "Phan Van Kiet"},
		{"Chủ tịch UBND xã Hòa Giả là ai?", ""},
		{"Who is the Chairman of the People's Committee of Hoa Gia commune?", ""},
		{"Who is the Chairman of the People's Council of Hoa Gia commune?", "Phan Van Kiet"},
		{"Bí thư Đảng ủy xã Hòa Mộc là ai?", ""},
	})
}
