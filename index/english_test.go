package index_test

import "testing"

// englishPage is a synthetic English-language news page (invented places
// and figures) in the shape of the provincial portals' English editions.
const englishPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/thu-nghiem-commune-centre
title: Thu Nghiem commune public administration service centre starts operation

Synthetic article: every name, place and figure below is invented for tests.

On July 1, the Public Administration Service Center of Thu Nghiem Commune officially came into operation.

With 21 civil servants, the Center has organized its staff into three specialized departments.

In its first month the Center received 4,321 records; the rate of online records reached 71.5%.

The new Thu Nghiem commune was established by merging Mau Son commune and Vi Du town, with a natural area of 88.25 square kilometres and a population of 31,406 people.

Thu Nghiem commune now has six kindergartens and two public libraries.

The ceremony announcing the leaders of Thu Nghiem commune was held at the cultural house. It started at 9am on Thursday in the hall of the commune.

Thu Nghiem commune currently has 17 hamlets that do not meet the standards and will be rearranged in March 2027.

Mr. Tran Van Mau - Chairman of Thu Nghiem Commune People's Committee - said the Center would open on Saturdays.

Mr. Hoang Van Giap - Deputy Director of the Vi Du Town Public Administration Service Center - visited the Center in August.

Lê Văn Thử, Deputy Director of the centre, said the Center had trained every civil servant in the new software.
`

// vietnamesePage is a synthetic Vietnamese page beside it.
const vietnamesePage = `synthetic: true
source: https://www.mau.example.invalid/tin-tuc/xa-gia-dinh
title: Xã Giả Định sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Xã Giả Định mới có diện tích tự nhiên 45,6 km², dân số 12.345 người, gồm 14 thôn.
`

// TestEnglishPages: questions in English and in Vietnamese are answered
// from an English page whatever word forms they use (plurals, British or
// American spellings) and whichever language they are in, while a figure
// the page does not give is still declined.
func TestEnglishPages(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en.txt": englishPage, "vi.txt": vietnamesePage})
	tests := []answerOrDecline{
		// English word forms: centre/center, plurals.
		{"How many civil servants does the Thu Nghiem centre have?", "21 civil servants"},
		{"How many records did the Thu Nghiem centre receive in its first month?", "4,321 records"},
		{"Is there a public library in Thu Nghiem commune?", "two public libraries"},
		// English typed values: a population in people, an area in square kilometres.
		{"What is the population of Thu Nghiem commune?", "31,406 people"},
		{"What is the area of the new Thu Nghiem commune?", "88.25 square kilometres"},
		// Vietnamese questions over the English page.
		{"Dân số xã Thử Nghiệm là bao nhiêu?", "31,406 people"},
		{"Tỷ lệ hồ sơ trực tuyến của trung tâm xã Thử Nghiệm là bao nhiêu?", "71.5%"},
		{"Chủ tịch UBND xã Thử Nghiệm là ai?", "Tran Van Mau"},
		// An English time of day answers "mấy giờ".
		{"Lễ công bố lãnh đạo xã Thử Nghiệm diễn ra lúc mấy giờ?", "9am"},
		// A body's Vietnamese name read whole, not as the abbreviation's
		// expansion inside it ("hành chính công").
		{"Trung tâm Phục vụ hành chính công xã Thử Nghiệm đi vào hoạt động từ ngày nào?", "On July 1"},
		// Words no English unit writes ("chưa đạt tiêu chuẩn") weigh
		// little on an English page: what it can say answers.
		{"Bao giờ xã Thử Nghiệm sắp xếp lại các thôn chưa đạt tiêu chuẩn?", "17 hamlets"},
		{"thu nghiem khi nao sap xep lai cac thon chua dat chuan", "17 hamlets"},
		// A person named before their title, as English news writes it.
		{"Who is the Deputy Director of the Thu Nghiem centre?", "Lê Văn Thử"},
		// Vietnamese over the Vietnamese page, as before.
		{"Dân số xã Giả Định là bao nhiêu?", "12.345 người"},
		// What no page gives.
		{"How do I renew my driving licence online?", ""},
		{"Dân số xã Vô Định là bao nhiêu?", ""},
	}
	checkAnswerOrDecline(t, ix, tests)
}

// crossPage is a synthetic Vietnamese page (invented places and figures)
// that English questions are asked of: a city whose two-syllable name an
// English writer joins into one word ("Hà Vân" → "Havan"), a ward named
// by two syllables English also writes ("Tân An"), a date written 1/7.
const crossPage = `synthetic: true
source: https://www.havan.example.invalid/tin-tuc/chinh-quyen-hai-cap
title: Thành phố Hà Vân vận hành chính quyền hai cấp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Từ ngày 1/7/2025, thành phố Hà Vân có 57 xã, phường chính thức đi vào hoạt động.

Phường Tân An mới được thành lập trên cơ sở sáp nhập phường Hòa Mỹ và phường Lạc Sơn.

Trung tâm chính trị - hành chính của phường Tân An đặt tại trụ sở UBND phường Hòa Mỹ.

Các đơn vị sự nghiệp của thành phố được sắp xếp lại trong tháng 8/2025.

Trung tâm chính trị - hành chính của phường Tân Phú đặt tại trụ sở UBND phường Lạc Sơn cũ.

Từ ngày 1/7/2025, tỉnh Lạc Vĩnh có 88 xã, phường chính thức đi vào hoạt động.
`

// crossEnglishPage is a synthetic English page beside it that writes the
// joined name, as English news does.
const crossEnglishPage = `synthetic: true
source: https://www.havan.example.invalid/en/news/press-agency
title: Havan press agency formed

Synthetic article: every name, place and figure below is invented for tests.

The Havan Press Agency was formed by merging four local newspapers and the city radio station.
`

// TestEnglishOverVietnamese: English questions are answered from a
// Vietnamese page — a joined name read as its syllables, a capitalised
// "An" kept in the ward's name, "1 July" as the page dates it, the
// glossary's political and administrative words — while a question the
// page gives no time of day for is declined.
func TestEnglishOverVietnamese(t *testing.T) {
	ix := pageIndex(t, map[string]string{"vi.txt": crossPage, "en.txt": crossEnglishPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"How many communes and wards started operating in Havan on 1 July 2025?", "57 xã, phường"},
		{"Where is the political-administrative centre of the new Tan An ward in Havan?", "trụ sở UBND phường Hòa Mỹ"},
		{"What time does the Havan metro close?", ""},
	})
}

// TestEnglishAccentCredit: a Vietnamese question's marked name found
// unmarked in an English unit ("Phước Điền" as "Phuoc Dien") is credited
// more than an accent near miss in Vietnamese text — an English page
// writes no marks at all — so the English page answers rather than a
// Vietnamese one about another ward sharing the question's other words;
// a ward named only in an English list of names is still not answered.
func TestEnglishAccentCredit(t *testing.T) {
	en := `synthetic: true
title: Phuoc Dien ward opens its public service centre

Synthetic article: every name, place and figure below is invented for tests.

After the merger, Phuoc Dien ward has 18 residential groups and a population of 24,310 people.

The centre of Phuoc Dien ward has 6 application reception counters at its headquarters.

The provincial list of new wards includes Phuoc Dien, Hoa Lac, Tan Thanh, Vinh Quang, Binh Son and An Loc.
`
	vi := `synthetic: true
title: Phường Hòa Lạc sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Sau sáp nhập, phường Hòa Lạc mới có 12 tổ dân phố, dân số 9.870 người.

Trung tâm phục vụ hành chính công phường Hòa Lạc có 4 quầy tiếp nhận hồ sơ tại trụ sở chính.
`
	ix := pageIndex(t, map[string]string{"en.txt": en, "vi.txt": vi})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Phước Điền có bao nhiêu quầy?", "6 application reception counters"},
		{"Phước Điền có bao nhiêu tổ dân phố?", "18 residential groups"},
		{"Dân số phường Phước Điền là bao nhiêu?", "24,310 people"},
		{"Phường Tân Thành có bao nhiêu tổ dân phố?", ""},
	})
}

// TestEnglishCountedNoun: "bao nhiêu phường" is counted on an English
// page by the noun's English ("14 wards"), as on a Vietnamese page by
// "14 phường": the English page about the place asked answers, not a
// Vietnamese sentence counting another town's wards.
func TestEnglishCountedNoun(t *testing.T) {
	en := `synthetic: true
title: Mau Giang city completes its arrangement

Synthetic article: every name, place and figure below is invented for tests.

After the arrangement, Mau Giang city will have 22 commune-level administrative units, including 14 wards and 8 communes.
`
	vi := `synthetic: true
title: Thị xã Giả Lâm sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Sau khi sắp xếp, thị xã Giả Lâm có 9 đơn vị hành chính cấp xã, gồm 6 phường và 3 xã.
`
	ix := pageIndex(t, map[string]string{"en.txt": en, "vi.txt": vi})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"mau giang sau sap xep co bao nhieu phuong", "14 wards"},
		{"giả lâm sau sắp xếp có bao nhiêu phường", "6 phường"},
	})
}

// formsPage is a synthetic English page (invented places and figures)
// whose words are forms the glossary does not list as such ("receiving"
// for "receive").
const formsPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/mau-son-ward-one-stop
title: Mau Son ward one-stop shop after the merger

Synthetic article: every name, place and figure below is invented for tests.

The one-stop shop of Mau Son ward has been receiving about 140 files a day since July.

The ward has arranged 5 reception counters at the main office and opened 2 more at the branch.

In its first year the Mau Son hotline took 812 calls about traffic safety and 95 calls for emergency aid.

The Mau Son hotline takes 3,000 calls a month on average.

The administrative-political centre of the new Mau Thu province is located in Vi Du city.
`

// TestCrossLanguageForms: a Vietnamese question over an English page finds
// the page's own forms of the glossary's words (an inflection of the
// term), and what the page does not give is still declined.
func TestCrossLanguageForms(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en.txt": formsPage, "vi.txt": vietnamesePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		// "tiếp nhận" is "receive" in the glossary, "receiving" on the page.
		{"Bộ phận một cửa phường Mẫu Sơn tiếp nhận bao nhiêu hồ sơ mỗi ngày?", "about 140 files"},
		{"phuong mau son moi ngay tiep nhan bao nhieu ho so", "about 140 files"},
		{"Trung tâm hành chính - chính trị tỉnh Mẫu Thử mới đặt ở đâu?", "Vi Du city"},
		// Not on the page.
		{"Dân số phường Mẫu Sơn là bao nhiêu?", ""},
	})
}

// englishGovPage is a synthetic English page (invented places and
// figures) in the words of government that Vietnamese questions over
// real English pages used and the glossary once lacked: facilities kept
// as headquarters, redundant ones, who manages a building, a total of
// headquarters arranged, specialized departments, employees.
const englishGovPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/mau-son-headquarters
title: Mau Son rearranges 240 headquarters

Synthetic article: every name, place and figure below is invented for tests.

The whole city of Mau Son currently has 240 houses and land affected by the reorganization.

Of which, 131 facilities will continue to be used as headquarters for the new commune-level government.

The old Vi Du Party Committee headquarters is now managed by the Department of Finance.

In total, the new province arranged 87 headquarters for its agencies.

After the merger, Mau Son Newspaper has 7 specialized departments and 212 employees.
`

// TestEnglishGovernmentWords: Vietnamese questions find the English
// page's sentence through the glossary's words of government (cơ sở,
// chính quyền, quản lý, tổng cộng, bố trí, phòng chuyên môn, người lao
// động).
func TestEnglishGovernmentWords(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en.txt": englishGovPage})
	tests := []answerOrDecline{
		{"Mau Son giữ lại bao nhiêu cơ sở làm trụ sở cho chính quyền cấp xã mới?", "131 facilities"},
		{"trụ sở thành ủy Vi Du cũ giờ ai quản lý vậy", "managed by the Department of Finance"},
		{"tổng cộng bố trí bao nhiêu trụ sở cho tỉnh Mau Son mới?", "87 headquarters"},
		{"Báo Mau Son sau hợp nhất có bao nhiêu phòng chuyên môn?", "7 specialized departments"},
		{"Báo Mau Son có bao nhiêu người lao động?", "212 employees"},
	}
	checkAnswerOrDecline(t, ix, tests)
}

// englishNewsPage is a synthetic English page (invented places and
// figures) in the everyday words of local-government news the glossary
// gained in session 22: an election's polling stations, records handled
// overdue, accounts given to officials and civil servants, a post held
// part-time (kiêm nhiệm), the option a committee agreed on.
const englishNewsPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/mau-son-election-records
title: Mau Son commune readies its election and its records

Synthetic article: every name, place and figure below is invented for tests.

Mau Son commune, home to 12,345 residents, has been organised into five election groups with 11 polling stations.

Of the 1,234 records the commune centre handled in July, 17 records were overdue.

The district has provided 850 accounts for officials and civil servants to use the new software.

The Chairman of the commune People's Council will hold the post part-time.

The Standing Committee agreed on option 2, with 9 wards and 14 communes.
`

// TestEnglishNewsWords: Vietnamese questions find the English page's
// sentence through the glossary's everyday words of local-government
// news (khu vực bỏ phiếu, trễ hạn, tài khoản, CBCC, kiêm nhiệm, phương
// án).
func TestEnglishNewsWords(t *testing.T) {
	ix := pageIndex(t, map[string]string{"en.txt": englishNewsPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Xã Mẫu Sơn có bao nhiêu khu vực bỏ phiếu?", "11 polling stations"},
		{"xã mẫu sơn có bao nhiêu hồ sơ trễ hạn", "17 records were overdue"},
		{"Mẫu Sơn cấp bao nhiêu tài khoản cho CBCC?", "850 accounts"},
		{"chủ tịch HĐND xã Mẫu Sơn làm kiêm nhiệm hay chuyên trách", "part-time"},
		{"Ban Thường vụ chốt phương án nào?", "option 2"},
	})
}
