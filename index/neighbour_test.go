package index_test

import "testing"

// Synthetic pages: invented places, figures and a resolution, in the shape
// of provincial merger news (a count of one kind of unit only, a share of
// units that finished something, a resolution's article whose sentence
// does not repeat its number).
const (
	neighbourMergerPage = `synthetic: true
source: https://www.mau.example.invalid/tin/gia-lap-sau-sap-xep
title: Tỉnh Giả Lập sau sắp xếp

Synthetic article: every name, place and figure below is invented for tests.

Sau sắp xếp, tỉnh Giả Lập có 45 đơn vị hành chính cấp xã, gồm 45 xã.

After the arrangement, Gia Lap province has 45 commune-level administrative units.

Đến nay, 45/45 xã của tỉnh Giả Lập đã tổ chức xong đại hội Hội Nông dân.
`
	neighbourResolutionPage = `synthetic: true
source: https://www.mau.example.invalid/van-ban/nq-99-thu-dinh
title: Nghị quyết 99/NQ-HĐND về sáp nhập thôn, tổ dân phố tỉnh Thử Định

Synthetic article: every name, place and figure below is invented for tests.

Hội đồng nhân dân tỉnh Thử Định ban hành Nghị quyết 99/NQ-HĐND về sáp nhập thôn, tổ dân phố.

Sau khi thực hiện sáp nhập, tỉnh Thử Định có 321 thôn, tổ dân phố, giảm 17 thôn, tổ dân phố.
`
	neighbourElectionPage = `synthetic: true
source: https://www.mau.example.invalid/tin/dai-hoi-hoi-nha-bao-gia-lap
title: Đại hội Hội Nhà báo tỉnh Giả Lập bầu Chủ tịch, Phó Chủ tịch

Synthetic article: every name, place and figure below is invented for tests.

Ông Trần Văn Mẫu được bầu làm Chủ tịch Hội Nhà báo tỉnh Giả Lập.
`
	neighbourSchedulePage = `synthetic: true
source: https://www.mau.example.invalid/thong-bao/gio-lam-viec-mua-dong
title: Thông báo thời gian làm việc mùa đông tỉnh Thử Định

Synthetic article: every name, place and figure below is invented for tests.

UBND tỉnh Thử Định quy định thời gian làm việc mùa đông như sau:

- Buổi sáng: từ 7h15 đến 11h45.
`
)

// TestUnitCountNeighbours: a count of one kind of administrative unit is
// not answered by the count of another kind beside it ("bao nhiêu phường"
// over a page giving only xã), in either language, while the count asked
// is still found — as a share of a whole, or in the article of the
// resolution the question names without the sentence repeating it. The
// deputy asked is not the chairman named, though the title says "Phó";
// the summer hours are not the winter ones.
func TestUnitCountNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"merger.txt": neighbourMergerPage, "resolution.txt": neighbourResolutionPage,
		"election.txt": neighbourElectionPage, "schedule.txt": neighbourSchedulePage})
	tests := []answerOrDecline{
		{"Tỉnh Giả Lập có bao nhiêu xã?", "45 xã"},
		{"tinh gia lap co bao nhieu xa", "45 xã"},
		{"How many communes does Gia Lap province have?", "45 commune-level"},
		{"Bao nhiêu xã của tỉnh Giả Lập đã tổ chức xong đại hội Hội Nông dân?", "45/45 xã"},
		{"Sau Nghị quyết 99/NQ-HĐND, tỉnh Thử Định còn bao nhiêu thôn, tổ dân phố?", "321 thôn"},
		// Neighbours: another kind of unit than the page counts.
		{"Tỉnh Giả Lập có bao nhiêu phường?", ""},
		{"tinh gia lap co bao nhieu phuong", ""},
		{"How many wards does Gia Lap province have?", ""},
		{"Tỉnh Thử Định có bao nhiêu xã, phường?", ""},
		// The deputy is named where the person is, not only in the title.
		{"Ai là Chủ tịch Hội Nhà báo tỉnh Giả Lập?", "Trần Văn Mẫu"},
		{"Ai là Phó Chủ tịch Hội Nhà báo tỉnh Giả Lập?", ""},
		// The season a schedule is for: the winter hours do not answer summer.
		{"Giờ làm việc mùa đông của tỉnh Thử Định thế nào?", "7h15"},
		{"Giờ làm việc mùa hè của tỉnh Thử Định thế nào?", ""},
	}
	checkAnswerOrDecline(t, ix, tests)
}

// neighbourTitlePages are synthetic pages (invented names and places) in
// the shape of event reports listing guests by title, and English news
// naming one province's chairman on a page about a merger of several.
const (
	neighbourGuestsPage = `synthetic: true
source: https://www.mau.example.invalid/tin/le-ky-niem-mau-son
title: Lễ kỷ niệm ngày thành lập tỉnh Mẫu Sơn

Synthetic article: every name, place and figure below is invented for tests.

Đến dự lễ có ông Lê Văn Thử - Phó vụ trưởng Vụ Địa phương; Chủ tịch HĐND tỉnh Trần Văn Giả; Chủ tịch UBND tỉnh Nguyễn Văn Mẫu.

Trưởng ban Tổ chức Lê Văn Thử khai mạc buổi lễ. Thượng tá Hoàng Văn Định, Phó trưởng phòng Tham mưu Công an tỉnh Mẫu Sơn, cho biết lễ kỷ niệm diễn ra trong hai ngày.

Ông Đỗ Văn Lập, Giám đốc Trung tâm Văn hóa tỉnh Mẫu Sơn, giới thiệu chương trình nghệ thuật.
`
	neighbourEnglishChairPage = `synthetic: true
source: https://www.mau.example.invalid/en/news/binh-son-dak-lo-merger
title: Binh Son and Dak Lo provinces prepare to merge

Synthetic article: every name, place and figure below is invented for tests.

Binh Son and Dak Lo provinces held a joint meeting on the merger plan.

Mr. Tran Van Lo, Chairman of the Dak Lo Provincial People's Committee, proposed a new specialised agency.
`
)

// TestTitleNeighbours: a who-question's title must be written as asked —
// a deputy's only when a deputy is asked, and not given to a body the
// question does not name — so the head of another body, or the deputy of
// the one asked, is declined rather than answered.
func TestTitleNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"guests.txt": neighbourGuestsPage, "en.txt": neighbourEnglishChairPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Chủ tịch UBND tỉnh Mẫu Sơn là ai?", "Nguyễn Văn Mẫu"},
		{"Phó Chủ tịch UBND tỉnh Mẫu Sơn là ai?", ""},
		{"Ai là Phó trưởng phòng Tham mưu Công an tỉnh Mẫu Sơn?", "Hoàng Văn Định"},
		{"Trưởng phòng Tham mưu Công an tỉnh Mẫu Sơn là ai?", ""},
		{"Ai là Giám đốc Trung tâm Văn hóa tỉnh Mẫu Sơn?", "Đỗ Văn Lập"},
		{"Ai là Giám đốc Báo Mẫu Sơn?", ""},
		{"Who is the Chairman of the Dak Lo Provincial People's Committee?", "Tran Van Lo"},
		{"Who is the Chairman of the Binh Son Provincial People's Committee?", ""},
	})
}

// neighbourPeriodPage is a synthetic page (invented figures) numbering
// its periods and sittings in digits and Roman numerals.
const neighbourPeriodPage = `synthetic: true
source: https://www.mau.example.invalid/tin/tinh-gian-bien-che-mau-son
title: Tỉnh Mẫu Sơn tinh giản biên chế

Synthetic article: every name, place and figure below is invented for tests.

Trong đợt 1/2029, toàn tỉnh Mẫu Sơn đã giảm 123 biên chế.

Kỳ họp thứ VII HĐND tỉnh Mẫu Sơn đã thông qua 12 nghị quyết.
`

// TestPeriodNeighbours: the figures of one numbered period or sitting do
// not answer for another ("đợt 1" for "đợt 2", "kỳ họp thứ VII" for "thứ
// 5"), and answer for their own however the number is written.
func TestPeriodNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"period.txt": neighbourPeriodPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Đợt 1 năm 2029 tỉnh Mẫu Sơn giảm bao nhiêu biên chế?", "123 biên chế"},
		{"Đợt 2 năm 2029 tỉnh Mẫu Sơn giảm bao nhiêu biên chế?", ""},
		{"Kỳ họp thứ 7 HĐND tỉnh Mẫu Sơn thông qua bao nhiêu nghị quyết?", "12 nghị quyết"},
		{"Kỳ họp thứ 5 HĐND tỉnh Mẫu Sơn thông qua bao nhiêu nghị quyết?", ""},
	})
}

// Synthetic pages (invented places and figures): a page whose words
// "Mẫu" and "Định" are apart, and a page stating only by how much a
// count fell.
const (
	neighbourScatteredPage = `synthetic: true
source: https://www.mau.example.invalid/tin/xa-ha-mau
title: Xã Hà Mẫu sắp xếp thôn

Synthetic article: every name, place and figure below is invented for tests.

Theo quyết định của tỉnh, xã Hà Mẫu có 12 thôn sau sắp xếp.
`
	neighbourChangePage = `synthetic: true
source: https://www.mau.example.invalid/tin/tinh-mau-dinh-sap-xep-thon
title: Tỉnh Mẫu Định sắp xếp thôn, xóm

Synthetic article: every name, place and figure below is invented for tests.

Giai đoạn 2028-2029, tỉnh Mẫu Định đã giảm 150 thôn, xóm sau sắp xếp.
`
)

// TestWholeNameAndChangeNeighbours: a place's name is named when its
// syllables are written together, not apart ("Hà Mẫu … quyết định" does
// not name Mẫu Định), and a count a change word introduces ("giảm 150
// thôn") answers how much it fell, not how many there are.
func TestWholeNameAndChangeNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"scattered.txt": neighbourScatteredPage, "change.txt": neighbourChangePage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Xã Hà Mẫu có bao nhiêu thôn sau sắp xếp?", "12 thôn"},
		{"Xã Định Mẫu có bao nhiêu thôn sau sắp xếp?", ""},
		{"Tỉnh Mẫu Định giảm bao nhiêu thôn, xóm sau sắp xếp?", "giảm 150 thôn"},
		{"Tỉnh Mẫu Định còn bao nhiêu thôn, xóm sau sắp xếp?", ""},
	})
}

// neighbourReceptionPage is a synthetic page (invented commune and days)
// in the shape of a commune's citizen-reception notice naming one office
// holder's days.
const neighbourReceptionPage = `synthetic: true
source: https://www.mau.example.invalid/thong-bao/lich-tiep-cong-dan-xa-thu-lap
title: Thông báo lịch tiếp công dân của UBND xã Thử Lập năm 2030

Synthetic article: every name, place and figure below is invented for tests.

Ủy ban nhân dân xã Thử Lập thông báo lịch tiếp công dân như sau:

- Chủ tịch Ủy ban nhân dân xã tiếp công dân định kỳ vào ngày thứ Năm hằng tuần.

- Công chức tiếp công dân thường xuyên vào các ngày làm việc trong tuần.
`

// TestOfficeNeighbours: a question naming an office holder as its subject
// ("Bí thư Đảng ủy xã … tiếp công dân ngày nào") is not answered by a
// unit whose window names another office holder's days, while the holder
// named is answered.
func TestOfficeNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"reception.txt": neighbourReceptionPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Chủ tịch UBND xã Thử Lập tiếp công dân vào ngày nào?", "thứ Năm"},
		{"chu tich ubnd xa thu lap tiep cong dan ngay nao", "thứ Năm"},
		{"Bí thư Đảng ủy xã Thử Lập tiếp công dân vào ngày nào?", ""},
		{"bi thu dang uy xa thu lap tiep cong dan thu may", ""},
	})
}

// neighbourYearPage is a synthetic page (invented district and figures)
// in the shape of a resolution's news: the year it takes effect is stated
// once, in a paragraph of its own, and the sentence with each district's
// figure does not repeat it.
const neighbourYearPage = `synthetic: true
source: https://www.mau.example.invalid/tin/sap-xep-thon-to-dan-pho-thu-lap
title: HĐND tỉnh Thử Lập ban hành nghị quyết sắp xếp thôn, tổ dân phố

Synthetic article: every name, place and figure below is invented for tests.

HĐND tỉnh Thử Lập vừa ban hành nghị quyết về việc sắp xếp lại thôn, tổ dân phố.

Theo nghị quyết, việc sắp xếp được thực hiện từ ngày 1/1/2031.

Huyện Mẫu Định sắp xếp 120 thôn, tổ dân phố thành 95 thôn, tổ dân phố (87 thôn và 8 tổ dân phố).
`

// TestYearInArticle: a year the question states is named by the article
// when one of its paragraphs writes it, though neither the lead nor the
// sentence with the figure does; a year the article never writes is not.
func TestYearInArticle(t *testing.T) {
	ix := pageIndex(t, map[string]string{"year.txt": neighbourYearPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Sau sắp xếp năm 2031, huyện Mẫu Định còn bao nhiêu tổ dân phố?", "8 tổ dân phố"},
		{"Sau sắp xếp năm 2035, huyện Mẫu Định còn bao nhiêu tổ dân phố?", ""},
	})
}

// neighbourBodyPage is a synthetic page (invented names, places and
// figures): a commune's news naming its Party bodies and association,
// with the People's Committee's contact block at its foot.
const neighbourBodyPage = `synthetic: true
source: https://www.mau.example.invalid/tin/hoi-nong-dan-xa-mau-thu
title: Hội Nông dân xã Mẫu Thử tổng kết năm

Synthetic article: every name, place and figure below is invented for tests.

Hội Nông dân xã Mẫu Thử vừa tổng kết công tác năm 2028.

Hiện nay, Hội có 1.234 hội viên, sinh hoạt tại 9 chi hội.

Hội nghị sơ kết của xã Mẫu Thử diễn ra ngày 12/01/2029.

Ban Tuyên giáo Đảng ủy xã Mẫu Thử ban hành Kế hoạch số 21-KH/BTG ngày 05/01/2029 về tuyên truyền kết quả đại hội.

Ủy ban nhân dân xã Mẫu Thử
Địa chỉ: Thôn Giả Định, xã Mẫu Thử
Điện thoại: 0000 777 123
Email: ubndmauthu@example.invalid
`

// TestBodyNeighbours: a body the question names by its head and name
// ("Công an", "Ban Tuyên giáo") must be named by the answer — a contact
// block by its office — so the People's Committee's contacts do not
// answer for the police or a Party board; the head's words as a kind
// ("ban hành", "hội nghị") name no body, and the page's own subject is
// named in its title.
func TestBodyNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"hoi.txt": neighbourBodyPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Số điện thoại UBND xã Mẫu Thử là bao nhiêu?", "0000 777 123"},
		{"Số điện thoại Công an xã Mẫu Thử là bao nhiêu?", ""},
		{"sdt cong an xa mau thu", ""},
		{"email ban tuyen giao dang uy xa mau thu", ""},
		{"Email Ban Tuyên giáo Đảng ủy xã Mẫu Thử là gì?", ""},
		{"Hội Nông dân xã Mẫu Thử có bao nhiêu hội viên?", "1.234 hội viên"},
		{"hoi nong dan xa mau thu co bao nhieu hoi vien", "1.234 hội viên"},
		{"Kế hoạch 21-KH/BTG ban hành ngày nào?", "05/01/2029"},
		{"Hội nghị sơ kết của xã Mẫu Thử diễn ra ngày nào?", "12/01/2029"},
	})
}

// Synthetic pages: a citizens' reception notice for one month, dated in
// digits under a sentence naming another sitting, and a place's
// information box flattened to one line, its fax field empty.
const (
	neighbourMonthPage = `synthetic: true
source: https://www.mau.example.invalid/thong-bao/tiep-cong-dan-thang-10
title: Chủ tịch UBND tỉnh Thử Định tiếp công dân định kỳ

Synthetic article: every name, place and figure below is invented for tests.

Thực hiện Luật Tiếp công dân, Chủ tịch UBND tỉnh Thử Định sẽ chủ trì buổi tiếp công dân định kỳ tháng 10/2031 vào ngày 14/10/2031.

Lịch tiếp công dân của Chủ tịch UBND tỉnh Thử Định năm 2031: Thứ Ba 06/02/2031; Thứ Sáu 08/3/2031; Thứ Tư 09/4/2031.
`
	neighbourInfoboxPage = `synthetic: true
source: https://www.mau.example.invalid/dia-danh/huyen-gia-lap
title: Huyện Giả Lập

Synthetic article: every name, place and figure below is invented for tests.

Hành chính Huyện lỵ thị trấn Mẫu Diện tích: 123,45 km² Dân số: 54.321 người Thông tin khác Điện thoại trụ sở: 0299 3123 456 Số fax trụ sở: Địa chỉ mạng:
`
	neighbourNewWardPage = `synthetic: true
source: https://www.mau.example.invalid/tin/phuong-mau-lap-sau-sap-nhap
title: Phường Mẫu Lập sau sắp nhập

Synthetic article: every name, place and figure below is invented for tests.

Phường Mẫu Lập mới được thành lập trên cơ sở sáp nhập phường 3 và phường 5.

Phường Mẫu Lập
Địa chỉ: 12 – 14 Đường Giả Định
`
)

// TestMonthAndEmptyFieldNeighbours: a month the question names is the
// month the answer's date is in ("ngày 09/4/2031" for "tháng 4"), and
// another month's date does not answer it; an information box writing its
// fax label with no number after it gives no fax, and a contact block
// with no phone none.
func TestMonthAndEmptyFieldNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"month.txt": neighbourMonthPage, "infobox.txt": neighbourInfoboxPage,
		"ward.txt": neighbourNewWardPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Chủ tịch UBND tỉnh Thử Định tiếp công dân định kỳ tháng 10/2031 vào ngày nào?", "14/10/2031"},
		{"Tháng 4 năm 2031, Chủ tịch UBND tỉnh Thử Định tiếp công dân vào ngày nào?", "09/4/2031"},
		{"Chủ tịch UBND tỉnh Thử Định tiếp công dân định kỳ tháng 11/2031 vào ngày nào?", ""},
		{"Số điện thoại trụ sở huyện Giả Lập là bao nhiêu?", "0299 3123 456"},
		{"Số fax trụ sở huyện Giả Lập là bao nhiêu?", ""},
		{"Trụ sở phường Mẫu Lập ở đâu?", "12 – 14"},
		{"Số điện thoại trụ sở phường Mẫu Lập là bao nhiêu?", ""},
	})
}

// neighbourCongressPage is a synthetic page (invented commune and people)
// in the shape of a commune association's congress news: the deputy named
// is another body's, written short ("UB MTTQ").
const neighbourCongressPage = `synthetic: true
source: https://www.mau.example.invalid/tin/dai-hoi-hoi-nong-dan-xa-thu-mau
title: Đại hội Hội Nông dân xã Thử Mẫu lần thứ I

Synthetic article: every name, place and figure below is invented for tests.

Các đồng chí lãnh đạo Đảng ủy, HĐND, UBND, UBMTTQ xã tặng hoa chúc mừng Đại hội; đồng chí Lê Văn Giả - Phó Chủ tịch UB MTTQ xã, Chủ tịch Hội Nông dân xã Thử Mẫu phát biểu khai mạc.
`

// TestOtherBodyDeputy: a deputy of another body, written short ("Phó Chủ
// tịch UB MTTQ"), is not the deputy of the People's Committee asked for;
// the association's chairman named is still found.
func TestOtherBodyDeputy(t *testing.T) {
	ix := pageIndex(t, map[string]string{"congress.txt": neighbourCongressPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Chủ tịch Hội Nông dân xã Thử Mẫu là ai?", "Lê Văn Giả"},
		{"Phó Chủ tịch UBND xã Thử Mẫu là ai?", ""},
	})
}

// neighbourListedPage is a synthetic page (invented province, districts
// and figures): a province's area beside the list of its districts.
const neighbourListedPage = `synthetic: true
source: https://www.mau.example.invalid/tin/tinh-gia-dinh-sau-dieu-chinh
title: Tỉnh Giả Định sau điều chỉnh địa giới

Synthetic article: every name, place and figure below is invented for tests.

Sau điều chỉnh, tỉnh Giả Định có diện tích 4.321,5 km², có 4 đơn vị hành chính trực thuộc gồm: thành phố Mẫu Giang và các huyện Thử Phong, Lập Điền, Vi Lộc.

Huyện Vi Lộc có diện tích 512,3 km².
`

// TestListedPlaceNeighbours: the figure beside a list of places is the
// whole's, not an item's: a district named only in the list is declined,
// the province and a district the page gives its own figure are answered.
func TestListedPlaceNeighbours(t *testing.T) {
	ix := pageIndex(t, map[string]string{"listed.txt": neighbourListedPage})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Tỉnh Giả Định có diện tích bao nhiêu km²?", "4.321,5 km²"},
		{"Huyện Vi Lộc có diện tích bao nhiêu?", "512,3 km²"},
		{"Huyện Lập Điền có diện tích bao nhiêu km²?", ""},
	})
}
