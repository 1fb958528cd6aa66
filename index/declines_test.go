package index_test

import "testing"

// chatPage and chatOther are synthetic pages (invented places, people and
// figures) for questions typed as people chat: marks left off or put on
// the wrong letter of the words a question asks with, and chat words.
const chatPage = `synthetic: true
source: https://www.vi-lam.example.invalid/tin-tuc/phuong-vi-lam
title: Phường Vi Lâm và xã Trà Khê sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Phường Vi Lâm mới được thành lập từ phường Vi Hạ, phường Vi Thượng và xã Khê Nam.

Xã Trà Khê có diện tích tự nhiên 41,2 km2, dân số 9.870 người.

Đảng ủy phường Vi Lâm làm việc tại số 12 đường Cầu Đá, phường Vi Lâm.

Giờ làm việc buổi chiều của Bộ phận một cửa phường Vi Lâm từ 13h30 đến 17h00.
`

const chatOther = `synthetic: true
source: https://www.vi-lam.example.invalid/tin-tuc/hoi-nong-dan
title: Hội Nông dân xã Trà Khê tổ chức đại hội

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Hội Nông dân xã Trà Khê có 1.215 hội viên sinh hoạt tại 9 chi hội.

Đại hội đã bầu Ban Chấp hành gồm 15 đồng chí.
`

// TestChatWordsNotRequired: a word a question asks with, typed without
// its marks or with marks no page writes ("nao", "nầo", "nhũng") in an
// otherwise accented question, is read as that word, not as a name the
// answer must hold; chat words ("ủa", "ad", "giờ" for now) ask nothing.
// A place no page names is still declined however it is typed, and "giờ"
// before what makes it hours stays hours.
func TestChatWordsNotRequired(t *testing.T) {
	ix := pageIndex(t, map[string]string{"vi-lam.txt": chatPage, "hoi.txt": chatOther})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"phường vi lâm mới gồm nhũng phường xã nao", "phường Vi Hạ"},
		{"phường Vi Lâm mới được lập từ nhưng xã phường nầo", "phường Vi Hạ"},
		{"ủa phường Vi Lâm giờ được thành lập từ những phường nào vậy ad", "phường Vi Hạ"},
		{"đảng ủy phường vi lâm giờ ở chỗ nào vậy", "Cầu Đá"},
		{"giờ làm việc buổi chiều phường Vi Lâm", "13h30"},
		{"phường Vi Đông mới gồm nhũng phường xã nao", ""},
		{"đảng ủy phường Vi Đông giờ ở chỗ nào vậy", ""},
	})
}

// initialsPage is a synthetic page (invented province, dates and figures)
// that spells out the names questions write as initials.
const initialsPage = `synthetic: true
source: https://www.nam-lam.example.invalid/tin-tuc/de-an-dang-bo
title: Tỉnh Nam Lâm chuẩn bị đề án thành lập đảng bộ mới

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Đề án thành lập đảng bộ tỉnh mới phải gửi Ban Tổ chức Trung ương trước ngày 17/6/2031.

Ban Tuyên giáo và Dân vận Tỉnh ủy ban hành Công văn số 4127 về việc đổi tên các bản tin.

Sau sắp xếp, tỉnh Nam Lâm có 58 xã, phường.

Ba tỉnh Vi Bình, Nam Khê và Đông Hà sẽ hợp nhất vào năm 2032.
`

// TestInitialsSpelledOut: initials no glossary holds ("Ban TCTW", "Ban
// TG&DV", "tỉnh NL") stand for the name the answer's window spells out
// with those initials, every word capitalised or after the word the
// question writes before them; a province's initials the page spells
// nowhere, or only across a comma ("Vi Bình, Nam Khê" is no "BN"), are
// still a name missing. (A board's initials the page spells nowhere,
// "Ban TCVP", are no longer required: the decline came from reading
// "Ban" as the village kind "bản" in an accented question, and requiring
// every unknown initials costs 7 right answers on real-1..13;
// docs/quality.md, round 11.)
func TestInitialsSpelledOut(t *testing.T) {
	ix := pageIndex(t, map[string]string{"de-an.txt": initialsPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"đề án thành lập đảng bộ tỉnh mới phải gửi Ban TCTW trước ngày nào", "17/6/2031"},
		{"CV 4127 của Ban TG&DV TU về việc gì", "đổi tên các bản tin"},
		{"tỉnh NL sau sắp xếp có bao nhiêu xã, phường", "58 xã"},
		{"tỉnh BN sau sắp xếp có bao nhiêu xã, phường", ""},
	})
}

// outerPage is a synthetic page (invented places and figures) that names
// the province once, away from the sentence answering.
const outerPage = `synthetic: true
source: https://www.tra-khe.example.invalid/tin-tuc/dai-hoi
title: Đại hội đại biểu Mặt trận xã Trà Khê lần thứ I

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Sáng 12/9, xã Trà Khê tổ chức Đại hội đại biểu Mặt trận lần thứ I, nhiệm kỳ 2031-2036.

Xã Trà Khê được thành lập trên cơ sở sáp nhập 3 xã: Khê Thượng, Khê Hạ và Khê Trung.

Dự đại hội có lãnh đạo Ủy ban Mặt trận tỉnh Vi Lâm.
`

// TestOuterPlaceInArticle: a place the question names after the one it
// asks about ("xã Trà Khê tỉnh Vi Lâm") is where that one lies, which the
// page names once, anywhere; a province the page never names is still
// missing.
func TestOuterPlaceInArticle(t *testing.T) {
	ix := pageIndex(t, map[string]string{"tra-khe.txt": outerPage, "hoi.txt": chatOther})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Xã Trà Khê tỉnh Vi Lâm được thành lập trên cơ sở sáp nhập những xã nào?", "Khê Thượng"},
		{"Xã Trà Khê tỉnh Vi Đông được thành lập trên cơ sở sáp nhập những xã nào?", ""},
	})
}

// nestedPage is a synthetic plan (invented wards and figures) whose lists
// nest: the ward is named by the outer item, what is done by the middle
// one, the residential group's size by the inner one.
const nestedPage = `synthetic: true
source: https://www.nam-lam.example.invalid/tin-tuc/sap-xep-to-dan-pho
title: Nội dung chi tiết sắp xếp lại tổ dân phố thành phố Nam Lâm

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

1- Phường Vi Lâm: Hiện trạng gồm 31 tổ dân phố

a) Thành lập 04 tổ dân phố mới.

- Thành lập tổ dân phố mới dự kiến tên gọi là Tổ dân phố số 1 với quy mô 311 hộ trên cơ sở sáp nhập các tổ 2, 5 và 9.

- Thành lập tổ dân phố mới dự kiến tên gọi là Tổ dân phố số 2 với quy mô 287 hộ trên cơ sở sáp nhập các tổ 3 và 7.

2- Phường Trà Khê: Hiện trạng gồm 22 tổ dân phố

a) Thành lập 03 tổ dân phố mới.

- Thành lập tổ dân phố mới dự kiến tên gọi là Tổ dân phố số 1 với quy mô 264 hộ trên cơ sở sáp nhập các tổ 1 và 4.
`

// headingPage is a synthetic list (invented province, places and seats)
// whose items are grouped under lines naming their district or city,
// with no marker and no sentence's end.
const headingPage = `synthetic: true
source: https://www.mau-thu.example.invalid/tin-tuc/du-kien-xa-phuong
title: Tỉnh Mẫu Thử dự kiến 40 xã, phường sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Dự kiến tên gọi và trụ sở các xã, phường mới như sau:

TP Vi Lâm

1) Phường An Thử: Sáp nhập phường An Thử A, An Thử B – Trụ sở tại phường An Thử A.

2) Phường Lạc Thử: Sáp nhập phường Lạc Thử và xã Tân Thử – Trụ sở tại phường Lạc Thử.

Huyện Trà Khê

3) Xã Long Thử: Sáp nhập xã Long Thử A và Long Thử B – Trụ sở tại Long Thử B.

4) Xã Phú Thử: Sáp nhập xã Phú Thử, Phú Mẫu – Trụ sở tại Phú Mẫu.
`

// TestHeadingLine: the items under a line naming their district ("Huyện
// Trà Khê") lie in that district, and in no other the article names
// elsewhere: the outer place is read from the heading, not from the
// whole article, when the items have one.
func TestHeadingLine(t *testing.T) {
	ix := pageIndex(t, map[string]string{"heading.txt": headingPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"xã Long Thử mới ở huyện Trà Khê đặt trụ sở ở đâu", "Trụ sở tại Long Thử B"},
		{"phường An Thử mới ở TP Vi Lâm gộp những phường nào", "An Thử B"},
		{"phường An Thử mới ở TP Trà Khê gộp những phường nào", ""},
		{"xã Long Thử ở huyện Vi Đông đặt trụ sở ở đâu", ""},
	})
}

// TestEnclosingItems: an item of a nested list answers with the place its
// enclosing items name (the outer item "1- Phường Vi Lâm"), and only
// that place: another ward's group of the same number is the other
// item's, and a ward no item names is still declined.
func TestEnclosingItems(t *testing.T) {
	ix := pageIndex(t, map[string]string{"nested.txt": nestedPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"TDP số 1 P. Vi Lâm có quy mô bao nhiêu hộ?", "311 hộ"},
		{"to dan pho so 2 phuong vi lam co quy mo bao nhieu ho", "287 hộ"},
		{"Tổ dân phố số 1 phường Trà Khê có quy mô bao nhiêu hộ?", "264 hộ"},
		{"Tổ dân phố số 1 phường Vi Đông có quy mô bao nhiêu hộ?", ""},
	})
}

// deputyPage is a synthetic notice (invented city and days): the
// chairman's days of receiving citizens, in a city ("thành phố") whose
// "phố" folds as the deputy's "phó" does.
const deputyPage = `synthetic: true
source: https://www.nam-lam.example.invalid/tin-tuc/tiep-cong-dan
title: Chủ tịch UBND thành phố Nam Lâm tiếp công dân định kỳ

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Từ 01/03/2031, Chủ tịch UBND thành phố tiếp công dân định kỳ vào ngày thứ Năm tuần thứ 3 hàng tháng tại trụ sở Ban Tiếp công dân thành phố Nam Lâm.
`

// TestDeputyNotCity: the deputy a question names is a deputy's title in
// the answer's window, not the "phố" of "thành phố": the chairman's days
// answer the chairman's question and not the deputy's.
func TestDeputyNotCity(t *testing.T) {
	ix := pageIndex(t, map[string]string{"tiep.txt": deputyPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Chủ tịch UBND thành phố Nam Lâm tiếp công dân vào ngày nào?", "thứ Năm tuần thứ 3"},
		{"Phó Chủ tịch UBND thành phố Nam Lâm tiếp công dân vào ngày nào?", ""},
	})
}

// joinedPage is a synthetic report (invented province and person) naming
// the head of a body that a question writes as initials joined by "&".
const joinedPage = `synthetic: true
source: https://www.nam-lam.example.invalid/tin-tuc/nhan-su
title: Tỉnh Nam Lâm kiện toàn nhân sự các ban Đảng

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Mới đây, Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy Nam Lâm - ông Lạc Văn Thử cho biết tỉnh sẽ hoàn thành việc sắp xếp trong tháng 7.
`

// TestJoinedInitialsNoPlace: initials joined by "&" ("Ban TG&DV") are a
// body's, not a place the answer must name, though "TG" alone is a
// province's code and "bản" a kind of village; a province no page names
// is still declined.
func TestJoinedInitialsNoPlace(t *testing.T) {
	ix := pageIndex(t, map[string]string{"nhan-su.txt": joinedPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Trưởng ban TG&DV Tỉnh ủy Nam Lâm là ai?", "Lạc Văn Thử"},
		{"Trưởng ban TG&DV tỉnh Nam Lâm là ai?", "Lạc Văn Thử"},
		{"Trưởng ban TG&DV tỉnh Vi Đông là ai?", ""},
	})
}

// joinedNamePage is a synthetic English report (invented city, document
// and date) that writes the city's two-syllable name as one word, as
// English pages write "Hanoi".
const joinedNamePage = `synthetic: true
source: https://www.vilam.example.invalid/news/ward-names
title: Vilam collects opinions on new ward names

Synthetic test article: every name, number and date below is invented.

Accordingly, the Vilam People's Committee issued Instruction No. 07/HD-UBND dated March 19 on collecting public opinions on the arrangement of commune-level administrative units.
`

// TestNamedJoined: a place a Vietnamese question names in syllables ("TP
// Vi Lâm") is named by an English page that writes it as one word
// ("Vilam"); another city is still declined.
func TestNamedJoined(t *testing.T) {
	ix := pageIndex(t, map[string]string{"vilam.txt": joinedNamePage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"HD 07/HD-UBND của UBND TP Vi Lâm về lấy ý kiến sắp xếp ĐVHC ban hành ngày nào", "March 19"},
		{"HD 07/HD-UBND của UBND TP Trà Khê về lấy ý kiến sắp xếp ĐVHC ban hành ngày nào", ""},
	})
}

// hostPage is a synthetic notice (invented province and days) whose
// title and lead name no place; its site's name does, in a label of five
// letters ("hdnd.vilam…").
const hostPage = `synthetic: true
source: https://hdnd.vilam.example.invalid/tin-tuc/tiep-cong-dan
title: Đại biểu HĐND tỉnh tiếp công dân vào thứ Năm hằng tuần

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Theo đó, vào thứ Năm hằng tuần, các đại biểu HĐND tỉnh luân phiên tiếp công dân tại trụ sở Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh.
`

// TestShortHostLabel: a place whose name without spaces is shorter than
// minHostName is named by a site whose host has it as a whole label
// ("hdnd.vilam…" for tỉnh Vi Lâm); another province is still declined.
func TestShortHostLabel(t *testing.T) {
	ix := pageIndex(t, map[string]string{"host.txt": hostPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Đại biểu HĐND tỉnh Vi Lâm tiếp công dân vào ngày nào trong tuần?", "thứ Năm hằng tuần"},
		{"Đại biểu HĐND tỉnh Vi Đông tiếp công dân vào ngày nào trong tuần?", ""},
	})
}

// districtHostPage is a synthetic district portal's report (invented
// district, communes and numbers) whose lead names one of its communes;
// only its site's name names the district ("vilam.…").
const districtHostPage = `synthetic: true
source: https://vilam.haithu.example.invalid/tin-tuc/ky-hop-chuyen-de
title: 16 xã, thị trấn đồng loạt tổ chức kỳ họp HĐND chuyên đề

Các đại biểu tham dự kỳ họp HĐND xã Hồng Thử.

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

HĐND thị trấn tổ chức kỳ họp thứ 15 để thông qua các nghị quyết về sắp xếp đơn vị hành chính cấp xã.
`

// TestHostNamesBesideLead: a district named only in its portal's site
// name is named by the page, though the page's lead names a commune of it;
// another district is still declined.
func TestHostNamesBesideLead(t *testing.T) {
	ix := pageIndex(t, map[string]string{"host.txt": districtHostPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"HĐND thị trấn thuộc huyện Vi Lâm tổ chức kỳ họp thứ mấy?", "kỳ họp thứ 15"},
		{"HĐND thị trấn thuộc huyện Trà Khê tổ chức kỳ họp thứ mấy?", ""},
	})
}

// tetPage is a synthetic report (invented province, ward, officer and
// numbers) that names the ward once, two paragraphs before the figure,
// past a photo caption.
const tetPage = `synthetic: true
title: Công an làm việc xuyên Tết, giải quyết hàng trăm hồ sơ cho người dân

Ngày 23/2, Công an tỉnh Thử Nghiệm thông tin, trong đợt cao điểm đầu năm, lực lượng công an các xã, phường trên địa bàn đã chủ động làm việc xuyên Tết để giải quyết thủ tục hành chính cho người dân.

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Tại phường Vi Đông, từ mùng 1 đến mùng 5 Tết, lực lượng Công an phường đã chủ động triển khai kế hoạch tiếp nhận, giải quyết thủ tục hành chính.

Công tác tiếp nhận hồ sơ được xử lý nhanh gọn cho người dân (Ảnh minh họa).

Qua đó, lực lượng chức năng đã làm căn cước cho 38 công dân và kích hoạt định danh điện tử cho 27 trường hợp khác.
`

// TestSolePlaceOfArticle: a ward the page names once, and names no other
// ward, is the place of its figures two paragraphs on; another ward is
// still declined.
func TestSolePlaceOfArticle(t *testing.T) {
	ix := pageIndex(t, map[string]string{"tet.txt": tetPage, "vi-lam.txt": chatPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"công an phường Vi Đông kích hoạt định danh điện tử cho bao nhiêu trường hợp dịp Tết", "27 trường hợp"},
		{"công an phường Vi Tây kích hoạt định danh điện tử cho bao nhiêu trường hợp dịp Tết", ""},
	})
}
