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

// hotlinePage is a synthetic English page (invented city, numbers and
// figures) in the shape of a city's news about its service hotline.
const hotlinePage = `synthetic: true
source: https://www.mau.example.invalid/en/news/mau-son-hotline
title: Mau Son launches its public service hotline

Synthetic article: every name, place and figure below is invented for tests.

Starting from 1 September, citizens in Mau Son can call the city's Public Service Information Centre to book appointments with city departments.

The hotline is connected to a switchboard with 25 operators, and may be expanded to 60 operators.

Citizens in Mau Son can ring the switchboard's hotline 0200 3123 456 during working hours from Monday to Friday.

After the arrangement, Mau Son will form 21 new communes and 6 new wards.

Mau Son opened 3 new parks and 2 new libraries for its communes in 2024.
`

// TestQuestionReadings: what a question asks is read from its wording in
// general, not from the field words it holds — "điện thoại viên" is an
// operator (a count of them is asked, not a phone number), "how many new
// communes" counts communes, and a phone question is still one.
func TestQuestionReadings(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en.txt": hotlinePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Tổng đài Mau Son có bao nhiêu điện thoại viên?", "25 operators"},
		{"How many new communes will Mau Son form?", "21 new communes"},
		{"What is the hotline of Mau Son?", "0200 3123 456"},
	})
}

// councilPage is a synthetic English ward page (invented names) and a
// Vietnamese page beside it that names a province's council chairman.
const councilPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/mau-son-ward-renames
title: Mau Son Ward renames its neighborhoods

Synthetic article: every name, place and figure below is invented for tests.

In his speech, Secretary of the Party Committee and Chairman of the People’s Council of Mau Son Ward Tran Van Giap asked the Ward People's Committee to finish the renaming in August.

The people of the ward gave 2,310 opinions on the plan.
`

const provinceCouncilPage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/le-ky-niem
title: Lễ kỷ niệm 30 năm tái lập tỉnh Giả Định

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Đến dự lễ có đồng chí Lê Văn Thử, Phó trưởng ban Ban Dân vận; Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Giả Định Hoàng Thị Lan.
`

// TestPossessiveKnown: "People's" is known where "people" is (the index
// keeps no one-letter word), so the English page's "Chairman of the
// People's Council of Mau Son Ward" holds the whole question asked in
// Vietnamese ("HĐND" is the People's Council). A ward no page names,
// typed in small letters ("phường Vi Du"), was declined here only while
// the person_named signal lifted the Vietnamese page's line above the
// English one, an accident of ranking (docs/quality.md, round 16,
// prune19); it is declined because the place is named nowhere
// (unnamedPlaces, round 16, neighbour19).
func TestPossessiveKnown(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en.txt": councilPage, "vi.txt": provinceCouncilPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"chu tich hdnd phuong mau son la ai", "Tran Van Giap"},
		{"chu tich hdnd phuong vi du la ai", ""},
	})
}

// ministryPage is a synthetic English page (invented figures) in the
// shape of the national papers' English editions on the 2025 mergers.
const ministryPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/provinces-proposal
title: Proposal on the arrangement of provincial-level units

Synthetic article: every name, place and figure below is invented for tests.

Along with criteria such as natural area and population size, the Ministry of Home Affairs proposed that 9 provinces and cities remain unchanged.

The Vice Chairman of the Mau Son People's Council Tran Van Giap chaired the working session.
`

// TestEnglishVocabulary: local-government English the glossary reads both
// ways — "giữ nguyên" / remain unchanged, "Bộ Nội vụ" / Ministry of Home
// Affairs, "đề xuất" / proposed — so a Vietnamese question over an
// English page is not declined for words the page writes in English.
func TestEnglishVocabulary(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en.txt": ministryPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Bộ Nội vụ đề xuất bao nhiêu tỉnh, thành phố giữ nguyên không sáp nhập?", "9 provinces and cities remain unchanged"},
		{"Ai chủ trì phiên họp?", "Tran Van Giap"},
	})
	// A department of home affairs, phases, support for mountainous
	// communes, members of a standing committee.
	ix = pageIndex(t, map[string]string{"en.txt": departmentPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Sở Nội vụ tỉnh Mẫu Sơn tăng cường hỗ trợ bao nhiêu xã miền núi trong đợt 1?", "phase 1 with 12 communes"},
		{"Ban Thường vụ Tỉnh ủy Mẫu Sơn có bao nhiêu ủy viên?", "15 members"},
	})
}

// departmentPage is a synthetic English page (invented figures) on a
// province's department of home affairs.
const departmentPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/home-affairs-support
title: Mau Son sends officers to communes

Synthetic article: every name, place and figure below is invented for tests.

The Department of Home Affairs of Mau Son province has assigned officers to strengthen support for mountainous communes, starting in phase 1 with 12 communes.

The Provincial Standing Committee of the Mau Son Party Committee has 15 members.
`
