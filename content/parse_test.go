package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// realArticle is the published article from the shared corpus, as scraped
// (format a: portal chrome, no header).
const realArticle = "testdata/portal/kyanh-sap-xep-bo-may-nq18-19.txt"

func mustParseFile(tb testing.TB, file string) Article {
	tb.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	a, _, err := Parse(filepath.Base(file), data)
	if err != nil {
		tb.Fatalf("Parse(%s): %v", file, err)
	}
	return a
}

func TestParseRealArticle(t *testing.T) {
	a := mustParseFile(t, realArticle)
	for _, tt := range []struct{ field, got, want string }{
		{"ID", a.ID, "kyanh-sap-xep-bo-may-nq18-19"},
		{"Format", string(a.Format), "text"},
		{"Title", a.Title, "Thị xã Kỳ Anh - Đẩy mạnh thực hiện Nghị quyết Trung ương 6 khóa XII"},
		{"Category", a.Category, "Chính trị"},
		{"Author", a.Author, "Dương Thanh Hòa - Phó Bí thư Thường trực Thị ủy"},
		{"Site", a.Site, "www.txkyanh.hatinh.gov.vn"},
		{"Source", a.Source, "www.txkyanh.hatinh.gov.vn"},
		{"Date", a.Date, ""},
	} {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.field, tt.got, tt.want)
		}
	}
	if got, want := len(a.Paragraphs), 16; got != want {
		t.Errorf("got %d paragraphs, want %d", got, want)
	}
	if len(a.Paragraphs) > 0 {
		if p := a.Paragraphs[0]; !strings.HasPrefix(p, "Thực hiện Nghị quyết Trung ương 6 của Ban Chấp hành") {
			t.Errorf("first paragraph = %.60q…", p)
		}
		if p := a.Paragraphs[len(a.Paragraphs)-1]; !strings.HasPrefix(p, "Nhiệm vụ thời gian tới còn hết sức nặng nề") {
			t.Errorf("last paragraph = %.60q…", p)
		}
	}
	text := strings.Join(a.Paragraphs, "\n")
	// The portal chrome is gone.
	for _, chrome := range []string{
		"Số lượt online", "Tổng số lượt truy cập", "8571223", "Chính trị Chính trị", "Quay lại",
		"Bản đồ hành chính", "CỔNG GIAO TIẾP", "Cơ quan chủ quản", "Ghi rõ nguồn",
		"02393 865 366", "Dương Thanh Hòa", "\u00a0", "  ",
	} {
		if strings.Contains(text, chrome) {
			t.Errorf("paragraphs still contain %q", chrome)
		}
	}
	// The publisher's wording is kept, mixed spellings and all: answers are
	// checked for these exact substrings.
	for _, quote := range []string{
		"đến năm 2020 sáp nhập Ban Dân vận Thị uỷ, Ban Tuyên giáo Thị ủy",
		"giảm từ 85 thôn, TDP nay xuống còn 80 thôn, TDP",
		"Đài Truyền thanh - Truyền hình với Trung tâm VHTT - TT&DL",
		"Hội chữ thập đỏ, Hội Nạn nhân chất độc da cam/Dioxin",
		"phường Kỳ Long làm mẫu",
		"92 cán bộ, công chức, viên chức",
		"tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn",
		"kết hợp hài hoà giữa kế thừa",
		"Ban Thường vụ Thị ủy Kỳ Anh với nhiều giải pháp", // "vụ  Thị" had a no-break space
	} {
		if !strings.Contains(text, quote) {
			t.Errorf("paragraphs lack the published %q", quote)
		}
	}
}

func TestParseRealArticleDocuments(t *testing.T) {
	a := mustParseFile(t, realArticle)
	var ids []string
	dates := map[string]string{}
	for _, d := range a.Documents {
		if _, ok := dates[d.ID]; !ok {
			ids = append(ids, d.ID)
		}
		if d.Date != "" || dates[d.ID] == "" {
			dates[d.ID] = d.Date
		}
		if d.Paragraph < 0 || d.Paragraph >= len(a.Paragraphs) || !strings.Contains(a.Paragraphs[d.Paragraph], d.Sentence) {
			t.Errorf("%s: sentence %.50q… not in paragraph %d", d.ID, d.Sentence, d.Paragraph)
		}
		if !strings.Contains(d.Sentence, d.Number) {
			t.Errorf("%s: sentence %q does not cite it", d.ID, d.Sentence)
		}
	}
	want := []string{"18-NQ/TW", "19-NQ/TW", "30-KH/ThU", "22-CTr/ThU", "23-CTr/ThU", "05-KL/TU", "92-KL/TU"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("document IDs = %q, want %q", ids, want)
	}
	for id, want := range map[string]string{"05-KL/TU": "29/6/2016", "92-KL/TU": "03/10/2018", "18-NQ/TW": ""} {
		if got := dates[id]; got != want {
			t.Errorf("date of %s = %q, want %q", id, got, want)
		}
	}
}

func TestDocumentSpellings(t *testing.T) {
	type doc struct{ ID, Type, Issuer, TypeName, Date string }
	tests := []struct {
		text string
		want []doc
	}{
		{"Thực hiện Nghị quyết số 18-NQ/TW của Trung ương.", []doc{{"18-NQ/TW", "NQ", "TW", "Nghị quyết", ""}}},
		{"Tiếp tục thực hiện Nghị quyết 18-NQ/TW đảm bảo tiến độ.", []doc{{"18-NQ/TW", "NQ", "TW", "Nghị quyết", ""}}},
		{"Thực hiện Nghị quyết số 18, 19-NQ/TW, song có thể thấy rõ.", []doc{{"18-NQ/TW", "NQ", "TW", "Nghị quyết", ""}, {"19-NQ/TW", "NQ", "TW", "Nghị quyết", ""}}},
		{"Thực hiện Nghị quyết số 18-NQ/TW và 19-NQ/TW khóa XII.", []doc{{"18-NQ/TW", "NQ", "TW", "Nghị quyết", ""}, {"19-NQ/TW", "NQ", "TW", "Nghị quyết", ""}}},
		{"Kế thừa Kết luận số 05-KL/TU ngày 29/6/2016 của Ban Thường vụ.", []doc{{"05-KL/TU", "KL", "TU", "Kết luận", "29/6/2016"}}},
		{"Ban hành Kế hoạch số 30- KH/ThU, trong đó.", []doc{{"30-KH/ThU", "KH", "ThU", "Kế hoạch", ""}}},
		{"Chương trình hành động số 22, 23 - CTr/Th.U, trong đó.", []doc{{"22-CTr/ThU", "CTr", "ThU", "Chương trình", ""}, {"23-CTr/ThU", "CTr", "ThU", "Chương trình", ""}}},
		{"Theo Nghị định số 34/2019/NĐ-CP của Chính phủ.", []doc{{"34/2019/NĐ-CP", "NĐ", "CP", "Nghị định", ""}}},
		{"Theo Quyết định số 1234/QĐ-UBND ngày 5 tháng 3 năm 2019.", []doc{{"1234/QĐ-UBND", "QĐ", "UBND", "Quyết định", "5 tháng 3 năm 2019"}}},
		{"Chỉ thị số 05-CT/TU và Thông báo số 12-TB/ThU.", []doc{{"05-CT/TU", "CT", "TU", "Chỉ thị", ""}, {"12-TB/ThU", "TB", "ThU", "Thông báo", ""}}},
		// An issuer code may end in its term's number.
		{"Nghị quyết số 1234/NQ-UBTVQH15 ngày 26/9/2024 của Ủy ban Thường vụ Quốc hội.", []doc{{"1234/NQ-UBTVQH15", "NQ", "UBTVQH15", "Nghị quyết", "26/9/2024"}}},
		{"Theo Nghị quyết số 12/NQ-CP và Nghị quyết số 05-NQ/ĐH13.", []doc{{"12/NQ-CP", "NQ", "CP", "Nghị quyết", ""}, {"05-NQ/ĐH13", "NQ", "ĐH13", "Nghị quyết", ""}}},
		{"Quyết định số 7/QĐ-UBND2024 không phải mã.", nil},
		// Not documents: no number, dates, unit codes.
		{"Theo tinh thần của Nghị quyết TW6 (khóa XII).", nil},
		{"Ngày 29/6/2016 và ngày 03/10/2018.", nil},
		{"Trung tâm VH-TT&DL, Đài TT- TH thị xã.", nil},
		{"Mã số 12-AB/CD không phải loại văn bản đã biết.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []doc
			for _, d := range findDocuments([]string{tt.text}) {
				got = append(got, doc{d.ID, d.Type, d.Issuer, d.TypeName, d.Date})
				if d.Sentence != tt.text {
					t.Errorf("Sentence = %q, want %q", d.Sentence, tt.text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestParseRealArticleMergers(t *testing.T) {
	a := mustParseFile(t, realArticle)
	tests := []struct {
		contains string
		kind     string
		counts   []string
		years    []int
	}{
		{"giảm từ 85 thôn, TDP nay xuống còn 80 thôn, TDP", "sáp nhập", []string{"03 TDP", "02 thôn", "85 thôn, TDP", "80 thôn, TDP"}, []int{2019}},
		{"hợp nhất 4 tổ chức hội ở cấp xã trong Quý I năm 2019", "hợp nhất", []string{"4 tổ chức hội"}, []int{2019}},
		{"đến năm 2020 sáp nhập Ban Dân vận Thị uỷ, Ban Tuyên giáo Thị ủy thành 01 cơ quan", "sáp nhập", []string{"01 cơ quan"}, []int{2020}},
		{"trên cơ sở hợp nhất Đài Truyền thanh - Truyền hình với Trung tâm VHTT - TT&DL", "sáp nhập", []string{"01 cơ quan"}, []int{2020}},
		{"chuyển đổi Trung tâm Dịch vụ hạ tầng và Môi trường đô thị thị xã thành Công ty cổ phần", "chuyển đổi", nil, nil},
		{"Hợp nhất 02 tổ chức hội", "hợp nhất", []string{"02 tổ chức hội"}, nil},
		{"sẽ giảm được 92 cán bộ, công chức, viên chức", "sáp nhập", []string{"92 cán bộ, công chức, viên chức", "450 cán bộ không chuyên trách"}, []int{2025}},
	}
	for _, tt := range tests {
		t.Run(tt.contains, func(t *testing.T) {
			for _, m := range a.Mergers {
				if !strings.Contains(m.Sentence, tt.contains) {
					continue
				}
				if m.Kind != tt.kind {
					t.Errorf("Kind = %q, want %q", m.Kind, tt.kind)
				}
				if !reflect.DeepEqual(m.Counts, tt.counts) {
					t.Errorf("Counts = %q, want %q", m.Counts, tt.counts)
				}
				if !reflect.DeepEqual(m.Years, tt.years) {
					t.Errorf("Years = %v, want %v", m.Years, tt.years)
				}
				if !strings.Contains(a.Paragraphs[m.Paragraph], m.Sentence) {
					t.Errorf("sentence not in paragraph %d", m.Paragraph)
				}
				return
			}
			t.Errorf("no merger sentence contains %q", tt.contains)
		})
	}
	// Sentences about reorganising in general are not mergers.
	for _, m := range a.Mergers {
		if strings.HasPrefix(m.Sentence, "Đổi mới, sắp xếp tổ chức bộ máy") {
			t.Errorf("not a merger: %q", m.Sentence)
		}
	}
}

func TestMergerSentences(t *testing.T) {
	tests := []struct {
		text   string
		kind   string // "" for none
		counts []string
		years  []int
	}{
		{"Huyện đã giảm từ 12 xã xuống còn 9 xã trong năm 2020.", "giảm", []string{"12 xã", "9 xã"}, []int{2020}},
		{"Chuyển đổi Trung tâm Thử thành Công ty cổ phần.", "chuyển đổi", nil, nil},
		{"Cần chuyển đổi loại hình hoạt động.", "", nil, nil},
		{"Sáp nhập 03 thôn, tổ dân phố vào năm 2019.", "sáp nhập", []string{"03 thôn, tổ dân phố"}, []int{2019}},
		{"Trên cơ sở hợp nhất hai hội, thành lập 01 hội.", "hợp nhất", []string{"01 hội"}, nil},
		{"Sắp xếp tổ chức bộ máy tinh gọn, hiệu quả.", "", nil, nil},
		{"Sáp nhập theo Kết luận ngày 29/6/2016.", "sáp nhập", nil, nil},
		{"Sáp nhập trong Quý I/2019 theo Nghị định số 34/2019/NĐ-CP.", "sáp nhập", nil, []int{2019}},
		{"Hợp nhất 2000 hộ vào năm 2021, ngày 2021-05-01.", "hợp nhất", []string{"2000 hộ"}, []int{2021}},
		{"Sáp nhập theo Nghị định số 34/2019/NĐ-CP.", "sáp nhập", nil, nil},
		{"Nhập xã Thử vào xã Mẫu, với 1.250 nhân khẩu.", "sáp nhập", []string{"1.250 nhân khẩu"}, nil},
		{"Thành lập xã Mẫu Mới trên cơ sở nhập xã Mẫu và xã Thử.", "sáp nhập", nil, nil},
		{"Sau hợp nhất, hội có 320 hội viên.", "hợp nhất", []string{"320 hội viên"}, nil},
		// "nhập" after thu, gia, xuất is income, joining, trade.
		{"Thu nhập xã viên tăng so với năm 2022.", "", nil, nil},
		// "giảm từ … xuống còn …" is a reorganisation only when it counts
		// units, offices or posts; rates, money and people fall too.
		{"Tỷ lệ hộ nghèo giảm từ 4,8% năm 2020 xuống còn 1,9% năm 2024.", "", nil, []int{2020, 2024}},
		{"Số hộ nghèo giảm từ 320 hộ xuống còn 85 hộ.", "", nil, nil},
		{"Chi thường xuyên giảm từ 12,5 tỷ đồng xuống còn 10 tỷ đồng.", "", nil, nil},
		{"Số hội viên giảm từ 320 xuống còn 300 hội viên.", "", nil, nil},
		{"Các phòng chuyên môn giảm từ 13 xuống còn 11 phòng.", "giảm", []string{"13 phòng", "11 phòng"}, nil},
		{"Xã Thử giảm từ 45 thôn, TDP xuống còn 38 thôn, TDP.", "giảm", []string{"45 thôn, TDP", "38 thôn, TDP"}, nil},
		{"Đơn vị sự nghiệp giảm từ 52 xuống còn 41 đơn vị.", "giảm", []string{"52 đơn vị", "41 đơn vị"}, nil},
		{"Số thôn, tổ dân phố giảm từ 45 xuống còn 38.", "giảm", nil, nil},
		{"Biên chế được giao giảm từ 150 xuống còn 132 biên chế.", "giảm", []string{"150 biên chế", "132 biên chế"}, nil},
		// A count written with its unit once states two counts.
		{"Huyện đã sắp xếp, hợp nhất từ 13 xuống còn 11 phòng chuyên môn.", "hợp nhất", []string{"13 phòng", "11 phòng"}, nil},
		{"Sáp nhập, số thôn từ 1.020 nay xuống còn 980 nhân khẩu.", "sáp nhập", []string{"1.020 nhân khẩu", "980 nhân khẩu"}, nil},
		// "chuyển đổi … thành …" is a reorganisation when an organisation
		// converts or results; a building or land changing use is not.
		{"Trụ sở xã cũ sau đó chuyển đổi thành nhà văn hóa thôn.", "", nil, nil},
		{"Chuyển đổi 20 ha đất lúa kém hiệu quả thành vùng trồng cây ăn quả.", "", nil, nil},
		{"Đẩy mạnh chuyển đổi số, xây dựng thành phố thông minh.", "", nil, nil},
		{"Trường mầm non Thử chuyển đổi thành trường tư thục.", "chuyển đổi", nil, nil},
		{"Chuyển đổi mô hình hoạt động của Trung tâm Thử thành đơn vị tự chủ.", "chuyển đổi", nil, nil},
		{"Trạm Khuyến nông sẽ chuyển đổi thành Trung tâm Dịch vụ nông nghiệp.", "chuyển đổi", nil, nil},
		// A merger named in a list of shortcomings is a problem of one,
		// not the fact of one.
		{"Hội nghị chỉ ra những hạn chế, khuyết điểm: tâm lý e ngại; việc sáp nhập một số thôn có quy mô lớn gây khó khăn.", "", nil, nil},
		{"Tuy nhiên, còn một số tồn tại như: việc hợp nhất các hội chậm.", "", nil, nil},
		{"Để khắc phục khó khăn, xã đã sáp nhập 3 thôn thành 1 thôn.", "sáp nhập", []string{"3 thôn", "1 thôn"}, nil},
		{"Anh Thử gia nhập xã đội cùng với 3 thanh niên.", "", nil, nil},
		{"Hàng xuất nhập khẩu qua xã tăng.", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ms := findMergers([]string{tt.text})
			if tt.kind == "" {
				if len(ms) != 0 {
					t.Errorf("got merger %+v, want none", ms[0])
				}
				return
			}
			if len(ms) != 1 {
				t.Fatalf("got %d mergers, want 1", len(ms))
			}
			m := ms[0]
			if m.Kind != tt.kind || !reflect.DeepEqual(m.Counts, tt.counts) || !reflect.DeepEqual(m.Years, tt.years) {
				t.Errorf("got %q %q %v, want %q %q %v", m.Kind, m.Counts, m.Years, tt.kind, tt.counts, tt.years)
			}
		})
	}
}

func TestParseRealArticleContact(t *testing.T) {
	a := mustParseFile(t, realArticle)
	if len(a.Contacts) != 1 {
		t.Fatalf("got %d contacts, want 1", len(a.Contacts))
	}
	want := Contact{
		Office:  "Ủy ban nhân dân thị xã Kỳ Anh",
		Address: "Tổ dân phố Hưng Hòa, phường Sông Trí, thị xã Kỳ Anh",
		Phone:   "02393 865 366",
		Fax:     "02393 865 366",
		Email:   "ubtxkyanh@hatinh.gov.vn",
		Person:  "Phan Duy Vĩnh - Phó Chủ tịch UBND thị xã Kỳ Anh",
		Website: "www.txkyanh.hatinh.gov.vn",
		Lines: []string{
			"Cơ quan chủ quản: Ủy ban nhân dân thị xã Kỳ Anh",
			"Địa chỉ: Tổ dân phố Hưng Hòa, phường Sông Trí, thị xã Kỳ Anh",
			"Điện thoại: 02393 865 366",
			"Fax: 02393 865 366",
			"Email: ubtxkyanh@hatinh.gov.vn",
			"Chịu trách nhiệm chính: Phan Duy Vĩnh - Phó Chủ tịch UBND thị xã Kỳ Anh",
		},
	}
	if got := a.Contacts[0]; !reflect.DeepEqual(got, want) {
		t.Errorf("contact =\n%+v\nwant\n%+v", got, want)
	}
}

func TestSplitContactLine(t *testing.T) {
	tests := []struct {
		line string
		want []string // "label=value"
	}{
		{"Điện thoại: 02393 865 366 - Fax: 02393 865 366 - Email: ubtxkyanh@hatinh.gov.vn",
			[]string{"Điện thoại=02393 865 366", "Fax=02393 865 366", "Email=ubtxkyanh@hatinh.gov.vn"}},
		{"Điện thoại: 0000 000 000 | Fax: 0000 000 001 | E-mail: a@thu.example",
			[]string{"Điện thoại=0000 000 000", "Fax=0000 000 001", "E-mail=a@thu.example"}},
		{"ĐT: 0000 000 000; Email: a@thu.example", []string{"ĐT=0000 000 000", "Email=a@thu.example"}},
		{"Chịu trách nhiệm chính: Phan Thử - Phó Chủ tịch UBND", []string{"Chịu trách nhiệm chính=Phan Thử - Phó Chủ tịch UBND"}},
		{"Địa chỉ: Tổ dân phố Mẫu, phường Thử", []string{"Địa chỉ=Tổ dân phố Mẫu, phường Thử"}},
		{"Không phải dòng liên hệ.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, it := range splitContactLine(tt.line) {
			got = append(got, it.label+"="+it.value)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitContactLine(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestParseFormats covers every format with a synthetic fixture.
func TestParseFormats(t *testing.T) {
	tests := []struct {
		file       string
		format     Format
		title      string
		date       string
		category   string
		author     string
		source     string
		site       string
		paragraphs int
		docs       []string
		mergers    int
		contact    *Contact // fields checked when set; Lines not checked
		absent     []string // chrome that must be gone
	}{
		{
			file: "thu-nghiem-header.txt", format: FormatText,
			title: "Thị xã Thử Nghiệm sáp nhập thôn, tổ dân phố", date: "2019-03-05", category: "Tin tức",
			author: "Trần Văn Mẫu - Phó Chủ tịch UBND thị xã Thử Nghiệm",
			source: "https://www.thunghiem.example/tin-tuc/sap-xep-thon", site: "www.thunghiem.example",
			paragraphs: 2, docs: []string{"37-NQ/TW", "15-KH/ThU"}, mergers: 2,
			contact: &Contact{Office: "Ủy ban nhân dân thị xã Thử Nghiệm", Phone: "0000 000 000", Fax: "0000 000 001",
				Email: "lienhe@thunghiem.example", Address: "Số 1 đường Mẫu, phường Giả Định, thị xã Thử Nghiệm",
				Person: "Lê Thị Giả - Chánh Văn phòng", Website: "www.thunghiem.example"},
			absent: []string{"Số lượt online", "Tin tức Tin tức", "Liên kết website", "CỔNG THÔNG TIN", "Trần Văn Mẫu", "source:"},
		},
		{
			// Format (a) with another portal's chrome: every field inferred.
			file: "thu-nghiem-portal.txt", format: FormatText,
			title: "Phường Mẫu Thử ra mắt Trung tâm Văn hóa - Thể thao", date: "2021-08-12",
			category: "Văn hóa - Xã hội", author: "Ngô Thị Mẫu",
			source: "mauthu.thunghiem.example", site: "mauthu.thunghiem.example",
			paragraphs: 2, docs: []string{"345/QĐ-UBND", "09-TB/ĐU"}, mergers: 2,
			contact: &Contact{Office: "UBND phường Mẫu Thử", Address: "Số 9 đường Giả Định, phường Mẫu Thử",
				Phone: "0000 000 005", Email: "phuongmauthu@thunghiem.example", Website: "mauthu.thunghiem.example"},
			absent: []string{"truy cập", "Văn hóa - Xã hội Văn", "Trở về", "Cập nhật", "Tin, ảnh", "Thư viện ảnh", "TRANG THÔNG TIN", "Bản quyền"},
		},
		{
			file: "trang-tin.html", format: FormatHTML,
			title: "Xã Thử Nghiệm chuyển đổi trung tâm", date: "2022-07-15", category: "Kinh tế",
			author: "Hoàng Văn Thử - Chủ tịch UBND xã Thử Nghiệm",
			source: "www.thunghiem.example", site: "www.thunghiem.example",
			paragraphs: 2, docs: []string{"07-KL/HU"}, mergers: 2,
			contact: &Contact{Office: "Ủy ban nhân dân xã Thử Nghiệm", Phone: "0000 000 003", Fax: "0000 000 004",
				Email: "ubnd@thunghiem.example", Address: "Thôn Mẫu, xã Thử Nghiệm",
				Person: "Hoàng Văn Thử - Chủ tịch UBND xã", Website: "www.thunghiem.example"},
			absent: []string{"Trang chủ", "Tin mới", "Chia sẻ", "visits", "color", "Ngày đăng", "CỔNG THÔNG TIN"},
		},
		{
			file: "khong-khung.htm", format: FormatHTML,
			title: "Hợp nhất hai hội ở xã Giả Định", paragraphs: 3, mergers: 1,
			absent: []string{"Trang chủ", "Liên hệ"},
		},
		{
			file: "ban-tin.md", format: FormatMarkdown,
			title: "Bản tin thử nghiệm: hợp nhất hai trung tâm", date: "2021-04-09", category: "Bản tin",
			author: "Phòng Văn hóa xã Thử Nghiệm", source: "https://www.thunghiem.example/ban-tin",
			paragraphs: 5, docs: []string{"12/QĐ-UBND", "34/2019/NĐ-CP"}, mergers: 2,
			absent: []string{"**", "](", "![", "`", "# ", "- Chuyển"},
		},
		{
			file: "lien-he.txt", format: FormatText, title: "Thông tin liên hệ", paragraphs: 4,
			contact: &Contact{Office: "Ủy ban nhân dân xã Thử Nghiệm", Phone: "0000 000 002",
				Email: "xathunghiem@thunghiem.example", Address: "Thôn Mẫu, xã Thử Nghiệm"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := mustParseFile(t, filepath.Join("testdata/synthetic", tt.file))
			for _, f := range []struct{ name, got, want string }{
				{"Format", string(a.Format), string(tt.format)},
				{"Title", a.Title, tt.title},
				{"Date", a.Date, tt.date},
				{"Category", a.Category, tt.category},
				{"Author", a.Author, tt.author},
				{"Source", a.Source, tt.source},
				{"Site", a.Site, tt.site},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if !a.Synthetic {
				t.Errorf("Synthetic = false; the fixture is marked synthetic")
			}
			if got := len(a.Paragraphs); got != tt.paragraphs {
				t.Errorf("got %d paragraphs, want %d: %q", got, tt.paragraphs, a.Paragraphs)
			}
			var docs []string
			for _, d := range a.Documents {
				docs = append(docs, d.ID)
			}
			if !reflect.DeepEqual(docs, tt.docs) {
				t.Errorf("documents = %q, want %q", docs, tt.docs)
			}
			if got := len(a.Mergers); got != tt.mergers {
				t.Errorf("got %d mergers, want %d", got, tt.mergers)
			}
			if tt.contact == nil {
				if len(a.Contacts) != 0 {
					t.Errorf("got contacts %+v, want none", a.Contacts)
				}
			} else if len(a.Contacts) != 1 {
				t.Errorf("got %d contacts, want 1", len(a.Contacts))
			} else {
				got := a.Contacts[0]
				got.Lines = nil
				if !reflect.DeepEqual(got, *tt.contact) {
					t.Errorf("contact =\n%+v\nwant\n%+v", got, *tt.contact)
				}
			}
			text := strings.Join(a.Paragraphs, "\n")
			for _, s := range tt.absent {
				if strings.Contains(text, s) {
					t.Errorf("paragraphs still contain %q", s)
				}
			}
		})
	}
}

func TestParseNFD(t *testing.T) {
	src := "synthetic: true\n\nXã Thử Nghiệm hoà nhập\n\nNgười dân xã Thử Nghiệm khoẻ mạnh, Thị uỷ sáp nhập 02 thôn.\n"
	a, _, err := Parse("nfd.txt", []byte(norm.NFD.String(src)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.Title, "Xã Thử Nghiệm hoà nhập"; got != want {
		t.Errorf("Title = %q, want %q (NFC, spelling kept)", got, want)
	}
	if len(a.Paragraphs) != 1 {
		t.Fatalf("got %d paragraphs, want 1", len(a.Paragraphs))
	}
	p := a.Paragraphs[0]
	if !norm.NFC.IsNormalString(p) {
		t.Errorf("paragraph is not NFC: %q", p)
	}
	if want := "Người dân xã Thử Nghiệm khoẻ mạnh, Thị uỷ sáp nhập 02 thôn."; p != want {
		t.Errorf("paragraph = %q, want %q", p, want)
	}
	if len(a.Mergers) != 1 || !reflect.DeepEqual(a.Mergers[0].Counts, []string{"02 thôn"}) {
		t.Errorf("mergers = %+v, want one with 02 thôn", a.Mergers)
	}
}

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		title string
		date  string
		paras int
		probs int
	}{
		{"iso date", "title: Tin thử\ndate: 2019-03-05\nsynthetic: true\n\nNội dung thử nghiệm.\n", "Tin thử", "2019-03-05", 1, 0},
		{"day first", "title: Tin thử\ndate: 5/3/2019\n\nNội dung thử nghiệm.\n", "Tin thử", "2019-03-05", 1, 0},
		{"bad date is a problem", "title: Tin thử\ndate: 31/02/2019\n\nNội dung thử nghiệm.\n", "Tin thử", "", 1, 1},
		// An unknown key means the block is article text, not a header.
		{"unknown key", "Thông báo: họp dân\n\nNội dung thử nghiệm.\n", "Thông báo: họp dân", "", 1, 0},
		{"no blank line", "title: Tin thử\nNội dung thử nghiệm.\n", "", "", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, probs, err := Parse("h.txt", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Date != tt.date || len(a.Paragraphs) != tt.paras || len(probs) != tt.probs {
				t.Errorf("got title %q date %q %d paragraphs %d problems %v; want %q %q %d %d",
					a.Title, a.Date, len(a.Paragraphs), len(probs), probs, tt.title, tt.date, tt.paras, tt.probs)
			}
		})
	}
}

func TestISODate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"05/03/2019", "2019-03-05"},
		{"5/3/2019", "2019-03-05"},
		{"05-03-2019", "2019-03-05"},
		{"2019-03-05", "2019-03-05"},
		{"2022-07-15T08:30:00+07:00", "2022-07-15"},
		{"ngày 5 tháng 3 năm 2019", "2019-03-05"},
		{"31/02/2019", ""},
		{"hôm qua", ""},
	}
	for _, tt := range tests {
		if got, _ := isoDate(tt.in); got != tt.want {
			t.Errorf("isoDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đây là **đậm** và *nghiêng* và __gạch__ và _nghiêng_.", "Đây là đậm và nghiêng và gạch và nghiêng."},
		{"Xem [Quyết định số 12/QĐ-UBND](https://thu.example/qd) ngay.", "Xem Quyết định số 12/QĐ-UBND ngay."},
		{"Thư: xa_thu_nghiem@thu.example và `mã_số`.", "Thư: xa_thu_nghiem@thu.example và mã_số."},
		{"Ảnh ![minh họa](a.jpg) bỏ đi.", "Ảnh bỏ đi."},
		{"> Trích dẫn ~~cũ~~ mới.", "Trích dẫn cũ mới."},
		{"1. Mục một", "Mục một"},
	}
	for _, tt := range tests {
		d := parseMarkdown("---\nsynthetic: true\n---\n" + tt.in + "\n")
		if len(d.paragraphs) != 1 || cleanSpace(d.paragraphs[0]) != tt.want {
			t.Errorf("markdown %q → %q, want %q", tt.in, d.paragraphs, tt.want)
		}
	}
}

// TestMergerWordings: a synthetic article with the wordings of
// administrative unit mergers ("nhập toàn bộ diện tích tự nhiên, quy mô dân
// số của xã A với …", "thành lập … trên cơ sở nhập", "sắp xếp toàn bộ …
// thành xã C"), counts in several syllables ("320 hội viên", "1.520 nhân
// khẩu"), and sentences where "nhập" is no merger (thu nhập, gia nhập,
// nhập khẩu).
func TestMergerWordings(t *testing.T) {
	a := mustParseFile(t, "testdata/synthetic/sap-nhap-xa.txt")
	tests := []struct {
		prefix string // the merger sentence starts so
		kind   string
		counts []string
		years  []int
	}{
		{"Theo Nghị quyết số 99/NQ-UBTVQH", "sáp nhập", []string{"12,5 km²", "4.210 người", "9,8 km²", "3.005 người"}, nil},
		{"Nhập toàn bộ diện tích tự nhiên", "sáp nhập", nil, nil},
		{"Sắp xếp toàn bộ diện tích tự nhiên", "sáp nhập", nil, nil},
		{"Năm 2019, huyện nhập thôn Đông Thử", "sáp nhập", []string{"1.020 nhân khẩu"}, []int{2019}},
		{"Hội Nông dân xã sau hợp nhất", "hợp nhất", []string{"320 hội viên", "6 chi hội"}, nil},
		{"Thôn Thử Hòa sáp nhập", "sáp nhập", []string{"2 thôn", "1.520 nhân khẩu", "402 hộ gia đình"}, nil},
	}
	var got []Merger
	for _, m := range a.Mergers {
		if !strings.HasPrefix(m.Sentence, "Bài viết thử nghiệm") {
			got = append(got, m)
		}
	}
	if len(got) != len(tests) {
		var ss []string
		for _, m := range got {
			ss = append(ss, m.Sentence)
		}
		t.Errorf("got %d merger sentences, want %d: %q", len(got), len(tests), ss)
	}
	for i, tt := range tests {
		t.Run(tt.prefix, func(t *testing.T) {
			if i >= len(got) {
				t.Fatal("missing")
			}
			m := got[i]
			if !strings.HasPrefix(m.Sentence, tt.prefix) {
				t.Fatalf("sentence = %.60q…, want it to start %q", m.Sentence, tt.prefix)
			}
			if m.Kind != tt.kind || !reflect.DeepEqual(m.Counts, tt.counts) || !reflect.DeepEqual(m.Years, tt.years) {
				t.Errorf("got %q %q %v, want %q %q %v", m.Kind, m.Counts, m.Years, tt.kind, tt.counts, tt.years)
			}
		})
	}
}
