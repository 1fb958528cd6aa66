package content

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// v writes a value as "type:text" or "type:text/noun" for compact tables.
func (v Value) short() string {
	if v.Noun != "" {
		return string(v.Type) + ":" + v.Text + "/" + v.Noun
	}
	return string(v.Type) + ":" + v.Text
}

// TestValues: the typed values of synthetic sentences in the shapes
// portals write them.
func TestValues(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// Phone numbers in every format, with extensions; a fax by its label.
		{"Cụ thể, người dân gọi số điện thoại 024.1234 (nhánh 5); tổng đài 1900 1234 hoặc 0239.3865.366.",
			[]string{"phone:024.1234 (nhánh 5)", "phone:1900 1234", "phone:0239.3865.366"}},
		{"Điện thoại: (028) 3812 3456 - Fax: 028.38123457; hotline 024.1022 - nhánh 7, 8.",
			[]string{"phone:(028) 3812 3456", "fax:028.38123457", "phone:024.1022 - nhánh 7, 8"}},
		{"Liên hệ +84 239 3865 366 hoặc 0912.345.678, 02393 865 366.",
			[]string{"phone:+84 239 3865 366", "phone:0912.345.678", "phone:02393 865 366"}},
		{"Email: vanphong@thu.example.gov.vn, website: www.thunghiem.gov.vn, https://thu.example.vn/lien-he.",
			[]string{"email:vanphong@thu.example.gov.vn", "website:www.thunghiem.gov.vn", "website:https://thu.example.vn/lien-he"}},
		// A count of thị trấn or thị xã: "thị" is no "thì" ending the noun.
		{"Tỉnh Mẫu Thử có 12 xã, 3 thị trấn và 1 thị xã.",
			[]string{"count:12 xã/xã", "count:3 thị trấn/thị trấn", "count:1 thị xã/thị xã"}},
		// A noun written with marks is cut only by a function word
		// written so: "đảng" is no "đang", "cờ" no "có".
		{"Đại hội đại diện cho 1.151 đảng viên; trao 4 cờ thi đua.",
			[]string{"count:1.151 đảng viên/đảng viên", "count:4 cờ/cờ"}},
		// Times, ranges, weekdays.
		{"Thứ Bảy làm việc từ 8h đến 11h30 và từ 14h đến 17h; Chủ nhật nghỉ.",
			[]string{"weekday:Thứ Bảy", "time:từ 8h đến 11h30", "time:từ 14h đến 17h", "weekday:Chủ nhật"}},
		{"Buổi sáng bắt đầu lúc 7 giờ 30 phút, kết thúc 17 giờ; chiều từ 13:30 - 16:45.",
			[]string{"time:7 giờ 30 phút", "time:17 giờ", "time:từ 13:30 - 16:45"}},
		// English times of day.
		{"The ceremony began at 8am; the desk opens at 7.30 a.m. and closes at 5 pm.",
			[]string{"time:8am", "time:7.30 a.m", "time:5 pm"}},
		{"Đại hội lần thứ hai diễn ra vào thứ Năm, ngày 5/9; tiếp dân từ thứ 2 đến thứ 6.",
			[]string{"ordinal:lần thứ hai", "weekday:thứ Năm", "date:ngày 5/9", "weekday:thứ 2", "weekday:thứ 6"}},
		// A day that comes back every month; a schedule's day with its
		// weekday (synthetic).
		{"Chủ tịch UBND xã tiếp công dân vào ngày 12 và 27 hằng tháng; Phó Chủ tịch vào ngày 5 hàng tháng.",
			[]string{"date:ngày 12 và 27 hằng tháng", "date:ngày 5 hàng tháng"}},
		{"Tháng: Tháng 8; Ngày tiếp công dân: Ngày 19 (thứ Hai)",
			[]string{"date:Ngày 19 (thứ Hai)"}},
		// A day and month with a dash; a range of days is not one.
		{"Ngày 28-4, HĐND tỉnh Thử Nghiệm họp; đại hội diễn ra ngày 27-28/9.",
			[]string{"date:Ngày 28-4"}},
		// English addresses: a street named, or a number after "located at".
		{"The centre, located at 43 Hypo Thetical Street, opens in May.",
			[]string{"address:43 Hypo Thetical Street"}},
		{"The board was officially opened at 26 Mau Thu, Gia Dinh City.",
			[]string{"address:26 Mau Thu, Gia Dinh City"}},
		// English percentages in words.
		{"The results achieved over 90 percent of voters agreeing; 84 per cent of households.",
			[]string{"percent:90 percent", "percent:84 per cent"}},
		// A house number and its street before its ward, without
		// "Street", and the larger units after it.
		{"Provincial People's Council, headquarters at 288 Mau Thu, Ward 5, Gia Dinh city, Thu Nghiem province.",
			[]string{"address:288 Mau Thu, Ward 5, Gia Dinh city, Thu Nghiem province"}},
		{"The Party agencies work at 6 Hypo Thetical, Vinh Gia Ward, from July.",
			[]string{"address:6 Hypo Thetical, Vinh Gia Ward"}},
		// Counts with their noun, areas, population, rates, money.
		{"Hiện nay Hội có tổng số 4.120 hội viên, trong đó có 57 trường hợp vi phạm được xử lý.",
			[]string{"count:4.120 hội viên/hội viên", "count:57 trường hợp vi phạm/trường hợp vi phạm"}},
		{"Xã có diện tích tự nhiên 12,5 km², dân số 8.432 người, tỷ lệ hộ nghèo 3,2%; 350 ha lúa; 3.210 nhân khẩu.",
			[]string{"area:12,5 km²", "population:8.432 người", "percent:3,2%", "area:350 ha", "population:3.210 nhân khẩu"}},
		// A population after its label and a colon, as merger fact lists
		// write it; an English area with thousands and decimals.
		{"- Dân số sau sáp nhập: Khoảng 2.468.100 (gộp từ hai tỉnh)",
			[]string{"population:2.468.100"}},
		// After the label, a number another noun follows counts that noun.
		{"Xã có 2.818 hộ với 14.485 nhân khẩu, được hình thành 13 thôn với 76 tổ dân cư.",
			[]string{"count:2.818 hộ/hộ", "population:14.485 nhân khẩu", "count:13 thôn/thôn", "count:76 tổ dân cư/tổ dân cư"}},
		{"covering a natural area of 4,321.08 square kilometers",
			[]string{"area:4,321.08 square kilometers"}},
		// A multiplier is the number's: the noun comes after it.
		{"Thành phố có khoảng 14 triệu người và gần 500 nghìn hội viên.",
			[]string{"count:14 triệu người/người", "count:500 nghìn hội viên/hội viên"}},
		// English: the multiplier is the number's, a function word ends the noun.
		{"The city welcomed 9.3 million visitors and seconded 75 officers to the wards.",
			[]string{"count:9.3 million visitors/visitors", "count:75 officers/officers"}},
		{"Tổng kinh phí 1,5 tỷ đồng, trong đó ngân sách xã 200.000.000 đồng.",
			[]string{"money:1,5 tỷ đồng", "money:200.000.000 đồng"}},
		{"Sau sáp nhập còn 85 thôn, TDP; năm 2020 giảm 12 xã.",
			[]string{"count:85 thôn/thôn", "date:năm 2020", "count:12 xã/xã"}},
		// A share of a whole counts what it shares.
		{"Đến nay, 14/14 xã, phường đã tổ chức xong đại hội.",
			[]string{"count:14/14 xã/xã"}},
		// Dates and documents.
		{"Ngày 01/7/2025, UBND tỉnh ban hành Quyết định số 1234/QĐ-UBND về việc thực hiện Nghị quyết 18-NQ/TW; Quy định số 15 có hiệu lực từ tháng 7/2025.",
			[]string{"date:01/7/2025", "document:1234/QĐ-UBND", "document:18-NQ/TW", "document:Quy định số 15", "date:tháng 7/2025"}},
		// The National Assembly's numbers: no type code, the issuer ends in its legislature.
		{"Theo Nghị quyết số 202/2025/QH15 và Nghị quyết 1656/NQ-UBTVQH15, tỉnh Mẫu Thử có 40 xã.",
			[]string{"document:202/2025/QH15", "document:1656/NQ-UBTVQH15", "count:40 xã/xã"}},
		{"Hồ sơ được giải quyết trong 05 ngày làm việc, kể từ ngày 5 tháng 3 năm 2024.",
			[]string{"duration:trong 05 ngày làm việc", "date:ngày 5 tháng 3 năm 2024"}},
		// English dates.
		{"From June 25 to June 26, 2025, the commune ran the model; it opens on August 15, 2025 and 1 November 2025.",
			[]string{"date:June 25", "date:June 26, 2025", "date:August 15, 2025", "date:1 November 2025"}},
		// Addresses.
		{"Trụ sở đặt tại 58B đường Thử Nghiệm, tổ dân phố 3, phường Mẫu Sơn; cơ sở 2 tại thôn Ví Dụ, xã Thử Thách.",
			[]string{"address:58B đường Thử Nghiệm, tổ dân phố 3, phường Mẫu Sơn", "address:thôn Ví Dụ, xã Thử Thách"}},
		{"Địa chỉ: Số 12 Hư Cấu, phường Giả Định, tỉnh Thử Nghiệm.",
			[]string{"address:Số 12 Hư Cấu, phường Giả Định, tỉnh Thử Nghiệm"}},
		// People with their titles, not streets named after people.
		{"Chủ tịch UBND xã Thử Thách Nguyễn Văn Mẫu đã chủ trì; bà Trần Thị Thử, Phó Chủ tịch UBND xã cùng dự.",
			[]string{"person:Nguyễn Văn Mẫu/Chủ tịch UBND xã Thử Thách", "person:Trần Thị Thử/Phó Chủ tịch UBND xã"}},
		{"Đồng chí Lê Văn Giả - Bí thư Đảng ủy phường phát biểu tại trụ sở trên đường Nguyễn Văn Mẫu.",
			[]string{"person:Lê Văn Giả/Bí thư Đảng ủy phường"}},
		// A table row's cells whose unit or counted noun is in the heading
		// (synthetic rows in the shape renderTable writes).
		{"Tỉnh: Mẫu Sơn; Diện tích (km²): 1.234,5; Dân số (người): 1,234,567",
			[]string{"area:1.234,5", "population:1,234,567"}},
		{"Tên xã: Thử Thách; Diện tích: 28,15; Tổng số thôn, tổ dân phố: 12; Số hộ (năm 2024): 3.456",
			[]string{"area:28,15", "count:12/thôn tổ dân phố", "date:năm 2024", "count:3.456/hộ"}},
		{"Số điện thoại: 0000.111.222; Số lượng: 5; diện tích của 2 xã là 30 km2",
			[]string{"phone:0000.111.222", "count:5", "count:2 xã/xã", "area:30 km2"}},
		// Lengths and distances, not areas.
		{"Thị trấn Mẫu Sơn cách thành phố 62 km, biên giới dài 12,5km; đảo cách bờ 56 hải lý; diện tích 30 km².",
			[]string{"distance:62 km", "distance:12,5km", "distance:56 hải lý", "area:30 km²"}},
		// A superscript scraped as a digit of its own is still an area's
		// unit, before punctuation; a speed is neither a distance nor a
		// count of km.
		{"Xã Mẫu Sơn (synthetic) rộng 7,2 km 2, dân số 4.100 người.", []string{"area:7,2 km 2", "population:4.100 người"}},
		{"Đoạn đường dài 12 km 2 chiều.", []string{"distance:12 km", "count:2 chiều/chiều"}},
		{"Tốc độ tối đa 50 km/h, đoạn cách trung tâm 3 km.", []string{"distance:3 km"}},
		{"Hội trường rộng 800 m², sân 1.200m2.", []string{"area:800 m²", "area:1.200m2"}},
		// A name after a word that is no post (synthetic names): a poet, a
		// document's signer, a page's author; not a body's name after one.
		{"Đại hội bầu ra ban chấp hành do nhà thơ Trịnh Văn Thử làm chi hội trưởng.",
			[]string{"person:Trịnh Văn Thử/nhà thơ"}},
		{"Loại văn bản Nghị quyết Người ký: Lâm Thị Mẫu", []string{"person:Lâm Thị Mẫu/người ký"}},
		{"Thông báo lịch tiếp dân\nTác giả: Văn Phòng HĐND huyện", nil},
		// An English year after "in", "since" is a date, as "năm 1999"
		// is (synthetic); a number that is no year is none.
		{"Established in 1999, Mau Son city has had nine wards since 2015, in 1500 ha.",
			[]string{"date:1999", "date:2015", "area:1500 ha"}},
		// "đồng" that starts a word of its own is no currency: the count
		// reads it (synthetic); after a multiplier or alone it is money.
		{"Ban Chấp hành khóa I gồm 41 đồng chí, Ban Thường vụ 13 đồng chí; hỗ trợ 80 triệu đồng/người/năm.",
			[]string{"ordinal:khóa I", "count:41 đồng chí/đồng chí", "count:13 đồng chí/đồng chí", "money:80 triệu đồng"}},
		{"Xã có 2 đồng hồ nước, giá 5.000 đồng bằng tiền mặt.", []string{"count:2 đồng hồ nước/đồng hồ nước", "money:5.000 đồng"}},
		// A quarter written with a dash; an English year after "in",
		// "since"; an English length of time is a duration, not a count of
		// months; "hectares" is an area's unit, not "hecta" and a word.
		{"Đại hội cấp cơ sở ở xã Thử Thách hoàn thành trong quý I-2019.", []string{"date:quý I-2019"}},
		{"Established in 1999, Mau Son city covers 24,580 hectares; since 2015 it has 9 wards.",
			[]string{"date:1999", "area:24,580 hectares", "date:2015", "count:9 wards/wards"}},
		{"After 5 months of operation, the centre settles files within 15 working days.",
			[]string{"duration:5 months", "duration:15 working days"}},
		// Nothing typed.
		{"Hội nghị nhằm quán triệt Nghị quyết, nâng cao nhận thức của cán bộ.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text[:min(30, len(tt.text))], func(t *testing.T) {
			var got []string
			for _, v := range Values(tt.text) {
				if tt.text[v.Span[0]:v.Span[1]] != v.Text {
					t.Errorf("%s: span %v holds %q", v.short(), v.Span, tt.text[v.Span[0]:v.Span[1]])
				}
				got = append(got, v.short())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Values(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestValuesNotPhones: numbers that are no phone numbers stay so.
func TestValuesNotPhones(t *testing.T) {
	for _, s := range []string{
		"Giảm từ 1.520 xuống 1.230 hộ.", "Năm 2024-2025 có 12 lớp.", "Mã số 1234567 của hồ sơ.",
		"Quyết định số 01234/QĐ-UBND.", "ngày 01-07-2025", "tỷ lệ 0,95", "Kế hoạch 2021 - 2025",
	} {
		for _, v := range Values(s) {
			if v.Type == ValuePhone || v.Type == ValueFax {
				t.Errorf("Values(%q): phone %q", s, v.Text)
			}
		}
	}
}

// TestAskedTypes: what a question asks for, accented, unaccented, in chat
// style and in English.
func TestAskedTypes(t *testing.T) {
	tests := []struct {
		q    string
		want string
	}{
		{"Hội Nông dân có bao nhiêu hội viên?", "count/hoi vien|member"},
		{"hoi nong dan co bao nhieu hoi vien", "count/hoi vien|member"},
		// "dang" is "đang" too: a person's noun in "viên" is counted whole.
		{"dang bo xa co bao nhieu dang vien", "count/dang vien|party member"},
		{"gọi số nào?", "phone"},
		{"sđt phường Mẫu Sơn", "phone"},
		{"so dien thoai phuong Mau Son", "phone"},
		{"What is the hotline?", "phone"},
		// A number naming a field or a document is no count; the
		// switchboard is the phone, as "tổng đài" is.
		{"What is the phone number of the ward?", "phone"},
		{"What is the switchboard number of the centre?", "phone"},
		{"What is the number of the wards?", "count/phuong|ward units"},
		// "when" after another question word starts a clause.
		{"Which names will the province keep when it merges communes?", ""},
		{"From when can people apply online?", "date"},
		{"fax số mấy", "fax"},
		// Which period: a date.
		{"Hội phải xây dựng kế hoạch cho giai đoạn nào?", "date"},
		{"thoi ky nao xa mau thu sap nhap", "date"},
		// The number of a document whose subject is a contact field.
		{"Thông báo công bố địa chỉ 12 trung tâm của tỉnh Mẫu Thử số mấy?", "document"},
		{"cong van thong bao duong day nong cua so mau thu so may", "document"},
		{"địa chỉ trụ sở theo quyết định số mấy", "address document"},
		{"thứ Bảy làm việc mấy giờ?", "time"},
		{"opening hours of the one-stop shop", "time"},
		{"làm việc thứ mấy", "weekday"},
		{"dia chi TTHCC phuong Mau Son", "address"},
		{"Trụ sở UBND xã ở đâu", "address"},
		{"Where is the headquarters of the new ward?", "address"},
		{"địa chỉ email văn phòng", "email"},
		{"website của tỉnh", "website"},
		{"Ai là Chủ tịch UBND phường", "person"},
		{"who is the chairman", "person"},
		{"What is the population and area of the ward?", "area population"},
		{"xã Mẫu Sơn cách thành phố bao xa", "distance"},
		{"huyện lỵ cách trung tâm tỉnh bao nhiêu km?", "distance"},
		{"How far is the island from the city?", "distance"},
		{"rộng bao nhiêu km2", "area"},
		// "km²" folds to "km2", "km 2" is read as one word; a speed asks
		// no distance.
		{"rộng bao nhiêu km²", "area"},
		{"Xã Mẫu Sơn có diện tích bao nhiêu km 2?", "area"},
		{"toc do toi da tren tuyen bao nhieu km/h", ""},
		{"Tốc độ tối đa bao nhiêu km/giờ?", ""},
		{"vùng trồng bưởi rộng cỡ bao nhiêu vậy", "area"},
		{"Tỉnh Mẫu Sơn rộng bao nhiêu ki-lô-mét vuông?", "area"},
		{"dan so bao nhieu nguoi", "population"},
		{"How many members does the association have?", "count/thanh vien|hoi vien|uy vien|member"},
		{"how many villages before the merger", "count/thon|village units"},
		{"có mấy thôn", "count/thon|village|hamlet units"},
		{"bao nhiêu trường hợp vi phạm", "count/truong hop vi pham"},
		// A list of kinds of unit is each kind, in both languages (marked
		// "units": CountsUnitType); one cut short by the pattern is read whole.
		{"Tỉnh Mẫu Thử mới có bao nhiêu xã, phường?", "count/xa|commune|phuong|ward units"},
		{"còn lại bao nhiêu thôn, xóm, tổ dân phố", "count/thon|village|hamlet|xom|hamlet|to dan pho|residential group|neighbourhood|neighborhood|civil group|population group|residential cluster|residential quarter|tdp units"},
		{"How many wards does the province have?", "count/phuong|ward units"},
		// "thị trấn" is no "thì" ending the noun; a special zone is a
		// kind of unit.
		{"Tỉnh Mẫu Thử còn bao nhiêu thị trấn?", "count/thi tran|township|townlet|tt units"},
		{"tinh mau thu con bao nhieu thi tran", "count/thi tran|township|townlet|tt units"},
		{"Tỉnh Mẫu Thử có bao nhiêu xã, phường, đặc khu?", "count/xa|commune|phuong|ward|dac khu|special zone units"},
		// A body named after a kind of place, "which ones", an ordinal and a
		// kind of unit before "level" count no unit.
		{"bao nhieu tinh uy mau thu", "count/tinh uy mau thu"},
		{"gộp từ mấy xã nào thế", "count/xa nao the"},
		{"hội nghị lần thứ bao nhiêu của Tỉnh ủy", "ordinal"},
		{"How many district-level cadres registered?", "count/can bo|cadre"},
		// "thứ mấy" after a sequence's noun asks which one (an ordinal),
		// not a day; a
		// field before "viên" is a person ("điện thoại viên", an
		// operator), and a field named before a count is its subject;
		// residents are counted, not a population.
		{"HĐND tỉnh thông qua tại kỳ họp thứ mấy", "ordinal"},
		{"GRDP của tỉnh xếp thứ mấy cả nước", "ordinal"},
		{"Chủ tịch xã tiếp công dân vào thứ mấy?", "weekday"},
		{"Tổng đài 1099 có bao nhiêu điện thoại viên?", "count/dien thoai vien|operator"},
		{"Which hotline do Mau Son residents call?", "phone"},
		{"How many residents gave feedback on the plan?", "count/nguoi dan|cu dan|resident"},
		{"khi nào sáp nhập", "date"},
		{"when was the ward established", "date"},
		{"Quyết định số mấy", "document"},
		{"which decision established the ward", "document"},
		{"tỷ lệ hộ nghèo", "percent"},
		{"kinh phí bao nhiêu", "money"},
		{"làm hồ sơ mất bao lâu", "duration"},
		{"Nghị quyết 18 nói gì", ""},
		{"gia đình chính sách được hỗ trợ gì", ""},
		// Readings a folded word confused (synthetic questions). A count of
		// đồng chí, typed with marks, without, or with a wrong one.
		{"ban chap hanh dang bo xa mau thu co bao nhieu dong chi", "count/dong chi"},
		{"ban thường vụ đảng ủy xã mẫu thử có mấy đông chí", "count/dong chi"},
		// An income asks money.
		{"thu nhap binh quan xa mau thu", "money"},
		{"Thu nhập bình quân đầu người của xã Mẫu Thử khoảng bao nhiêu?", "money"},
		{"What is the average income in Mau Thu commune?", "money"},
		// "kỳ thứ mấy" asks which sitting; "định kỳ thứ mấy" a weekday.
		{"HĐND tỉnh Mẫu Thử họp kỳ thứ mấy để thông qua đề án", "ordinal"},
		{"Hội đồng họp đợt thứ mấy", "ordinal"},
		{"Hội đồng họp định kỳ thứ mấy?", "weekday"},
		// "Việt Nam nào", "Quảng Nam nào": a name, not "năm nào".
		{"Phó Chủ tịch Hội Nông dân Việt Nam nào dự đại hội tỉnh Mẫu Thử?", ""},
		{"pho chu tich hoi nong dan viet nam nao du dai hoi", ""},
		{"Đoàn công tác tỉnh Quảng Nam nào tới xã Mẫu Thử?", ""},
		{"Hội Nông dân Việt Nam thành lập năm nào?", "date"},
		{"hoi nong dan viet nam thanh lap nam nao", "date"},
		// "mấy ông", "mấy anh chị": the chat register's plural, no count;
		// after "có" it counts what follows.
		{"mấy ông công an xã hiểu sai văn bản của phòng nào vậy", ""},
		{"mấy anh chị cho hỏi xã Mẫu Thử có mấy thôn", "count/thon|village|hamlet units"},
		// A person's noun in "viên" typed a letter short is read as the
		// one the glossary knows, beside the noun as typed.
		{"hội nông dân xã mẫu thử có bao nhiêu hộ viên", "count/ho vien|hoi vien|member"},
		{"Hội có mấy bà phó chủ tịch?", "count/pho chu tich|vice president|vice chairman|deputy chairman|deputy chairwoman|vice chairwoman|vice chair"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			var got []string
			for _, a := range AskedTypes(tt.q) {
				s := string(a.Type)
				if a.Noun != "" {
					s += "/" + a.Noun
				}
				if a.CountsUnitType() {
					s += " units"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("AskedTypes(%q) = %q, want %q", tt.q, g, tt.want)
			}
		})
	}
}

// TestAnswers: a question's asked types against the values of candidate
// passages.
func TestAnswers(t *testing.T) {
	tests := []struct {
		q, passage string
		want       bool
	}{
		{"Hội có bao nhiêu hội viên?", "Hiện nay Hội có tổng số 4.120 hội viên.", true},
		{"Hội có bao nhiêu hội viên?", "Đại hội Hội Nông dân xã lần thứ X khai mạc sáng 12/3.", false},
		{"Hội có bao nhiêu hội viên?", "Xã có 12 chi hội.", false},
		{"How many members does the association have?", "Hội có 320 hội viên.", true},
		{"gọi số nào?", "Cụ thể, số điện thoại 024.1234 (nhánh 5).", true},
		{"gọi số nào?", "Các đường dây nóng đã được công bố.", false},
		{"số fax", "Điện thoại: 0239 3865 366.", false},
		{"thứ Bảy làm việc mấy giờ?", "Từ 8h đến 11h30.", true},
		{"dân số bao nhiêu", "Phường có 12.345 nhân khẩu.", true},
		{"có bao nhiêu người", "dân số 12.345 người", true},
		// English pages answer Vietnamese and English questions.
		{"What is the population of Thu Nghiem commune?", "The commune has over 32,000 people.", true},
		{"dân số xã Thử Nghiệm", "Its population is 2,243,554.", true},
		{"gia lai moi co bao nhieu phuong", "The new province has 25 wards and 110 communes.", true},
		{"How many wards does the province have?", "The new province has 25 wards.", true},
		{"How many wards does the province have?", "The new province has 110 communes.", false},
		{"How many communes ran the trial?", "It ran in 36 new communes and wards.", true},
		{"diện tích xã bao nhiêu", "It covers 56.75 square kilometers.", true},
		// A Vietnamese count noun over an English page.
		{"Thành phố Mẫu còn bao nhiêu khối?", "The city has 325 blocks left.", true},
		{"Thành phố Mẫu còn bao nhiêu khối?", "The city has 40 communes.", false},
		// The classifier "đơn vị" counts the noun after it.
		{"nhân rộng ra bao nhiêu xã, phường?", "Từ đó nhân rộng ra 9 đơn vị xã, phường còn lại.", true},
		{"có bao nhiêu đơn vị?", "Từ đó nhân rộng ra 9 đơn vị xã, phường còn lại.", true},
		{"có bao nhiêu thôn?", "Từ đó nhân rộng ra 9 đơn vị xã, phường còn lại.", false},
	}
	for _, tt := range tests {
		got := false
		for _, v := range Values(tt.passage) {
			got = got || Answers(AskedTypes(tt.q), v)
		}
		if got != tt.want {
			t.Errorf("%q answered by %q: %v, want %v (values %v)", tt.q, tt.passage, got, tt.want, fmt.Sprint(Values(tt.passage)))
		}
	}
}

// FuzzValues checks that no text makes Values or AskedTypes panic and that
// every value's span holds its text, in order and without overlap.
func FuzzValues(f *testing.F) {
	for _, s := range []string{
		"Điện thoại: (028) 3812 3456 - Fax: 028.38123457; hotline 024.1022 - nhánh 7, 8.",
		"Hiện nay Hội có tổng số 4.120 hội viên &", "từ 8h đến 11h30, thứ Bảy", "Chủ tịch Nguyễn",
		"58B đường Thử Nghiệm, phường Mẫu Sơn", "bà Trần Thị Thử, Phó", "1 &", "0 \u0301",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, v := range Values(s) {
			if v.Span[0] < end || v.Span[1] > len(s) || s[v.Span[0]:v.Span[1]] != v.Text || v.Text == "" {
				t.Fatalf("value %+v: bad span in %q", v, s)
			}
			end = v.Span[1]
		}
		AskedTypes(s)
	})
}

// TestValuePrefilters: the shapes' cheap conditions (numShape.may,
// mayBefore) skip only expressions that could not have matched — Values
// finds the same with them as without, over the test pages' lines and
// sentences in every shape.
func TestValuePrefilters(t *testing.T) {
	texts := []string{
		"Xã có diện tích tự nhiên 12,5 km², dân số 8.432 người, tỷ lệ hộ nghèo 3,2%; 350 ha lúa; 3.210 nhân khẩu.",
		"Dân\nsố toàn xã là 8.432 người; population 2,243,554; 12 phần trăm; 40 héc-ta; 3 square kilometres.",
		"Tổng kinh phí 1,5 tỷ đồng, trong đó ngân sách xã 200.000.000 đồng, 5 triệu VNĐ.",
		"Thời hạn giải quyết: trong vòng 05 ngày làm việc; kéo dài 3 tháng; không quá 24 giờ; chậm nhất 2 tuần.",
		"Từ 8h đến 11h30, chiều từ 13:30 - 16:45; sáng 28/4 và ngày 28-4, hôm 5/9; tháng 7/2025; năm 2019.",
		"Ngày 5 tháng 3 năm 2024 ban hành Quyết định số 15 và Nghị quyết số 18-NQ/TW, Kết luận 05-KL/TU, 1234/QĐ-UBND.",
		"Trụ sở: Số 12 Nguyễn Du, số nhà 58B đường Thử Nghiệm, phường Mẫu Sơn; 43 Hypo Thetical Street.",
		"The centre, located at 43 Hypo Thetical Street, opens in May; it was opened at 26 Mau Thu, Gia Dinh City.",
		"Provincial People's Council, headquarters at 288 Mau Thu, Ward 5, Gia Dinh city; 6 Hypo Thetical, Vinh Gia Ward.",
		"Thôn Ví Dụ, xã Thử Thách có 85 thôn, TDP; ông Nguyễn Văn A, Chủ tịch UBND xã.",
		"Làm việc từ 7:30 – 11:00 và 13:30 đến 17:00, 8g sáng, 9 AM; mất 30 phút, trong 2 tiếng; 1.7.2025; 5 VNĐ; từ 8g đến 11g.",
		"On August 15, 2025 and 3rd June; December 31st, July 2025; in May; Quý II/2025, quý 3 năm 2024, quý IV.",
	}
	for _, dir := range []string{"testdata/synthetic", "testdata/portal", "testdata/facts", "testdata/tables", "default"} {
		files, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range files {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				texts = append(texts, line)
				texts = append(texts, Sentences(line)...)
			}
		}
	}
	found := 0
	for _, s := range texts {
		valuePrefilters = false
		want := Values(s)
		valuePrefilters = true
		got := Values(s)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Values(%q)\nwith the prefilters %v\nwithout           %v", s, got, want)
		}
		found += len(want)
	}
	if found < 100 {
		t.Errorf("only %d values in %d texts: the test checks too little", found, len(texts))
	}
}

// TestValuePrefiltersRandom compares Values with and without the
// prefilters on random texts made of what the number shapes read: digits,
// their separators, white space (every kind regexp's \s reads, and some it
// does not), the shapes' words and units in either case, runes that fold
// to their letters (K, ſ), and invalid UTF-8.
func TestValuePrefiltersRandom(t *testing.T) {
	pieces := []string{
		"0", "1", "2", "5", "12", "2024", "1.234", "4,5", "8", "30", ".", ",", ":", "/", "-", "–", "%", "(", ")",
		"8:30", "17:45", "1.7.2025", "01.07", "1/7/2025", "1-7-2025", "2025-07-01", "12,5", "1.234,5", "2,243,554",
		" ", " ", "  ", "\t", "\n", "\f", "\r", "\v", "\u00a0",
		"đồng", "Đồng", "ĐỒNG", "đ", "Đ", "vnđ", "VND", "tỷ", "TỶ", "tỉ", "triệu", "nghìn", "ngàn", "Nghìn",
		"ngày", "Ngày", "ngày làm việc", "tuần", "tháng", "Tháng", "năm", "giờ", "GIỜ", "tiếng", "phút",
		"h", "H", "g", "G", "am", "PM", "a.m.", "p.m.", "đến", "tới", "Đến", "từ", "Từ", "trong", "sau", "mất",
		"km²", "km", "hải lý", "cây số", "/h", "vuông", "ha", "hai", "\u212a" + "m", "\u017f" + "q km", "dân số", "diện tích", "nhân khẩu", "người",
		"Quyết định số", "Nghị quyết", "hàng tháng", "thứ Hai", "x", "a", "\xff", "\xe1\xbb",
		"phần trăm", "PHẦN", "per cent", "percent", "héc-ta", "hecta", "hectares", "mét vuông", "m²", "m2", "M2", "KM", "Km",
		"square kilometres", "sq km", "sq. km", "kilômét", "ki-lô-mét", "kilometers", "miles", "nautical miles", "Nhân khẩu", "\u017f" + "quare",
	}
	r := rand.New(rand.NewSource(13))
	for n := 0; n < 60000; n++ {
		var b strings.Builder
		for k := 1 + r.Intn(14); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		valuePrefilters = false
		want := Values(s)
		valuePrefilters = true
		if got := Values(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Values(%q)\nwith the prefilters %v\nwithout           %v", s, got, want)
		}
	}
}

// TestWordsBeforeAsExpressions: each shape's before read by hand
// (beforeAt) finds the match its expression finds, and where it starts, on
// random stretches of up to sixty bytes cut anywhere (inside a rune too):
// the shapes' words in every case, "số", every kind of white space, runes
// that fold to their letters, invalid UTF-8.
func TestWordsBeforeAsExpressions(t *testing.T) {
	pieces := append([]string{
		"số", "SỐ", "Số", "sỐ", "ſố", "so", " ", " ", "  ", "\t", "\n", "\f", "\r", "\v", "\u00a0", "\u2003",
		"x", "a", "Đ", "1", ".", ",", "(", "\xff", "\xe1\xbb", "\xbb", "\u212a", "NGÀY", "Ngày", "ngay", "TỪ", "Từ",
	}, docNames...)
	for _, n := range docNames {
		r, size := utf8.DecodeRuneInString(n)
		pieces = append(pieces, strings.ToUpper(n), string(unicode.ToUpper(r))+n[size:])
	}
	for _, w := range []string{"ngày", "từ", "đến", "sáng", "chiều", "tối", "trưa", "hôm", "tháng", "năm"} {
		pieces = append(pieces, w, strings.ToUpper(w))
	}
	var shapes []*numShape
	for _, group := range [][]numShape{codeShapes, numShapes} {
		for i := range group {
			if group[i].beforeAt != nil {
				shapes = append(shapes, &group[i])
			}
		}
	}
	if len(shapes) < 7 {
		t.Fatalf("%d shapes read their words by hand, want 7", len(shapes))
	}
	r := rand.New(rand.NewSource(60))
	matched := 0
	for n := 0; n < 150000; n++ {
		var b strings.Builder
		for k := 1 + r.Intn(10); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		look := b.String()
		look = look[max(0, len(look)-r.Intn(70)):]
		for _, sh := range shapes {
			want := -1
			if m := sh.before.FindStringIndex(look); m != nil {
				want = m[0]
				matched++
			}
			if got := sh.beforeAt(look); got != want {
				t.Fatalf("%s before %q: by hand %d, expression %d", sh.before, look, got, want)
			}
		}
	}
	if matched < 3000 {
		t.Errorf("only %d matches: the test checks too little", matched)
	}
}

// TestHonorificFoldsKeepLength: isHonorific may compare lengths first only
// if every rune of the honorifics folds (strings.EqualFold's simple
// folding) to runes of its own length in UTF-8.
func TestHonorificFoldsKeepLength(t *testing.T) {
	for _, h := range append(slices.Clip(honorifics), "đồng", "chí") {
		for _, r := range h {
			for c := unicode.SimpleFold(r); c != r; c = unicode.SimpleFold(c) {
				if utf8.RuneLen(c) != utf8.RuneLen(r) {
					t.Errorf("%q: %q folds to %q, %d bytes against %d", h, r, c, utf8.RuneLen(c), utf8.RuneLen(r))
				}
			}
		}
	}
	for _, w := range []string{"ông", "Ông", "ÔNG", "Bà", "BÀ", "Đ/c", "Anh", "CHỊ", "Chị"} {
		if !isHonorific(w) {
			t.Errorf("isHonorific(%q) = false", w)
		}
	}
	for _, w := range []string{"ông.", "on", "bàn", "anhh", "ch", "\u212a"} {
		if isHonorific(w) {
			t.Errorf("isHonorific(%q) = true", w)
		}
	}
	for _, w := range []string{"đồng", "Đồng", "ĐỒNG", "đỒng"} {
		if !foldsTo(w, "đồng") {
			t.Errorf("foldsTo(%q, đồng) = false", w)
		}
	}
}

// TestSurnamesCapitalised: findPersons looks up no word starting with a
// small ASCII letter, as no surname does.
func TestSurnamesCapitalised(t *testing.T) {
	for s := range surnameSet {
		if s == "" || s[0] >= 'a' && s[0] <= 'z' {
			t.Errorf("surname %q starts with a small letter", s)
		}
	}
}

// TestTwoCapitalisedAsWords: findPersons, which reads a text only when
// twoCapitalised finds two capitalised words one space apart in it, finds
// the persons personsIn finds reading every text — on random texts of
// honorifics, surnames, capitalised and small words, acronyms, "/", every
// kind of white space and punctuation, other scripts and invalid UTF-8.
func TestTwoCapitalisedAsWords(t *testing.T) {
	rng := rand.New(rand.NewSource(14))
	pieces := []string{
		"ông", "Ông", "bà", "Bà", "đồng", "chí", "Đồng", "Đ/c", "đ/c", "anh", "Chị", "Mr.",
		"Nguyễn", "Trần", "Lê", "Văn", "Thị", "Mẫu", "An", "Bình", "Ánh", "ánh", "X", "Y",
		"UBND", "HĐND", "xã", "đường", "phường", "Chủ", "tịch", "Giám đốc", "là", "và",
		"Tuyên", "Quang", "Σίγμα", "Ωμέγα", "Ǆemal", "ǅ", "İstanbul", "Kelvin\u212a",
		"/", "//", " ", "  ", "\t", "\n", "\u00a0", "\u3000", ",", ".", ";", ":", "(", ")", "-", "\"",
		"\xe1", "\xbb", "\xe1\xbb", "\xff", "1", "2024",
	}
	found, read := 0, 0
	for range 300000 {
		var b strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		f := valueFinder{text: text, lower: strings.ToLower(text), taken: make([]bool, len(text)+1)}
		want := valueFinder{text: text, lower: f.lower, taken: make([]bool, len(text)+1)}
		findPersons(&f)
		personsIn(&want)
		if !reflect.DeepEqual(f.out, want.out) {
			t.Fatalf("%q: findPersons %v, personsIn %v", text, f.out, want.out)
		}
		if len(want.out) > 0 {
			found++
		}
		if twoCapitalised(text) {
			read++
		}
	}
	t.Logf("%d texts with persons, %d read", found, read)
	if found < 1000 || read > 250000 {
		t.Errorf("%d texts with persons, %d read of 300000: the texts test too little", found, read)
	}
}

// TestValueWordScanAsContains: the one pass over a lower-cased text
// (valueWordScan) finds each registered word exactly where
// strings.Contains does, on random strings of the words, their pieces
// cut anywhere (inside a rune too), their prefixes, other letters and
// invalid UTF-8, and on the real rounds' pages line by line where
// present (git-ignored).
func TestValueWordScanAsContains(t *testing.T) {
	sc := valueWordScan()
	check := func(s string) {
		t.Helper()
		m := sc.holds(s)
		for id, w := range valueWordList {
			var one wordMask
			one[id/64] |= 1 << (id % 64)
			if got, want := m.meets(one), strings.Contains(s, w); got != want {
				t.Fatalf("holds(%q) has %q: %v, strings.Contains %v", s, w, got, want)
			}
		}
	}
	checkPieces(t, 17, 100000, []string{" ", ",", ".", "a", "t", "th", "n", "\xff", "\xe1", "\xe1\xbb", "đ", "ư", "1", "ā"}, valueWordList, check)
	pages := realPageTexts()
	if len(valueWordList) < 20 {
		t.Fatalf("%d words registered", len(valueWordList))
	}
	t.Logf("%d words, %d pages", len(valueWordList), len(pages))
}

// TestAskedTypesEnglishAsVietnamese: an English question asks for the
// type its Vietnamese wording asks for — the question side of the
// English vocabulary (session 18).
func TestAskedTypesEnglishAsVietnamese(t *testing.T) {
	pairs := []struct{ vi, en string }{
		{"xã Mẫu Sơn sáp nhập tháng nào", "In which month did Mau Son commune merge?"},
		{"xã Mẫu Sơn sáp nhập ngày nào", "On what day did Mau Son commune merge?"},
		{"kế hoạch cho giai đoạn nào", "the plan is for which period"},
		{"thời hạn giải quyết hồ sơ", "what is the time limit for the application"},
		{"giải quyết trong bao nhiêu ngày làm việc", "in how many working days is it settled"},
		{"xã Mẫu Sơn rộng bao nhiêu", "how wide is Mau Son commune"},
		{"tỷ lệ hộ nghèo", "the proportion of poor households"},
		{"kinh phí bao nhiêu", "how much money is spent"},
		{"theo kế hoạch nào", "under which plan"},
		{"theo nghị định nào", "under which decree"},
		{"họ tên Chủ tịch xã", "the full name of the commune chairman"},
		{"trang web của tỉnh", "the web portal of the province"},
		{"địa chỉ trụ sở UBND xã", "the head office of the commune People's Committee"},
		{"giờ làm việc của bộ phận một cửa", "business hours of the one-stop shop"},
	}
	str := func(as []Asked) string {
		var s []string
		for _, a := range as {
			s = append(s, string(a.Type))
		}
		return strings.Join(s, " ")
	}
	for _, p := range pairs {
		t.Run(p.en, func(t *testing.T) {
			vi, en := str(AskedTypes(p.vi)), str(AskedTypes(p.en))
			if vi == "" || en != vi {
				t.Errorf("AskedTypes(%q) = %q, AskedTypes(%q) = %q: want the same, not empty", p.en, en, p.vi, vi)
			}
		})
	}
}
