package index_test

import "testing"

// departmentsNews is a synthetic English news page (invented province and
// addresses) in the shape of the national press's English editions on
// the 2025 restructuring: where a merged department will sit, another
// department named without its address, the province's seat called its
// capital.
const departmentsNews = `synthetic: true
source: https://news.example.invalid/mot-dinh-departments-2027
title: Mot Dinh province announces the headquarters of its merged departments

Synthetic article: every name and figure below is invented.

After the merger, the Department of Home Affairs of Mot Dinh province is expected to be located at 12 Hai Ba Trung Street, Mot Dinh ward.

The Department of Construction will work at the current office of the Department of Transport, 40 Le Loi Street.

Mot Dinh and Hai Dinh would be combined into a new Mot Dinh province, with its capital to be situated in the present Hai Dinh.

The Department of Finance has not yet announced its plan.
`

// departmentsPortal is a synthetic Vietnamese page naming the same
// departments, so their names are words the corpus writes.
const departmentsPortal = `synthetic: true
source: https://portal.example.invalid/tin-tuc/so-nganh-2027
title: Tỉnh Hai Định công bố lãnh đạo các sở sau hợp nhất

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Ông Trần Văn Một được giao giữ chức Giám đốc Sở Nội vụ tỉnh Hai Định.

Bà Lê Thị Hai giữ chức Giám đốc Sở Tài chính tỉnh Hai Định.
`

// TestBodiesOnEnglishPages: a Vietnamese question naming a body the
// glossary renders in English is held to that English on an English
// page — answered where the page names it, declined where the sentence
// with the address names another department (an English unit was never
// held to the body before) — and the province's administrative centre is
// its capital on an English page.
func TestBodiesOnEnglishPages(t *testing.T) {
	ix := pageIndex(t, map[string]string{"departments.txt": departmentsNews, "portal.txt": departmentsPortal})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Sở Nội vụ tỉnh Một Định sau hợp nhất đặt trụ sở ở đâu?", "12 Hai Ba Trung Street"},
		{"Sở Tài chính tỉnh Một Định sau hợp nhất đặt trụ sở ở đâu?", ""},
		{"Một Định và Hải Định hợp nhất thì trung tâm hành chính đặt ở đâu?", "situated in the present Hai Dinh"},
	})
}
