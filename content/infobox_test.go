package content

import (
	"reflect"
	"strings"
	"testing"
)

// TestInfoboxes: a side box of fields, however the scraper left it — the
// values run into their labels, pipe cells, one cell a line — becomes one
// "Label: value" row a field, read after the page's lead; what only looks
// like a box stays as it was. Every page here is synthetic: invented
// places and figures.
func TestInfoboxes(t *testing.T) {
	const lead = "Mẫu Sơn là một phường thuộc thành phố Thử Nghiệm, tỉnh Giả Định (synthetic)."
	tests := []struct {
		name string
		src  string
		want []string // the paragraphs, rows marked with "row "
	}{
		{"values run into their labels, the lead after the box",
			"Mẫu Sơn\n\nMẫu Sơn\nPhường\nPhường Mẫu Sơn\nHành chính\nQuốc gia Việt Nam\nVùngĐồng bằng Thử\nTỉnhGiả Định\n" +
				"Thành phốThử Nghiệm\nTrụ sở UBNDĐường Hư Cấu, tổ dân phố Mẫu\nChủ tịch UBNDNguyễn Văn Mẫu\nThành lập1/2/2003[1]\n" +
				"Diện tích5,67 km²[2]\nDân số (2021)\nTổng cộng12.345 người[2]\nMật độ2.177 người/km²\nMã bưu chính999001\n" +
				"Websitemauson.example.vn\n\n" + lead + "\n\nPhường Mẫu Sơn được chia thành 9 tổ dân phố.",
			[]string{lead,
				"row Quốc gia: Việt Nam", "row Vùng: Đồng bằng Thử", "row Tỉnh: Giả Định", "row Thành phố: Thử Nghiệm",
				"row Trụ sở UBND: Đường Hư Cấu, tổ dân phố Mẫu", "row Chủ tịch UBND: Nguyễn Văn Mẫu",
				"row Thành lập: 1/2/2003", "row Diện tích: 5,67 km²", "row Dân số (2021): 12.345 người",
				"row Mật độ: 2.177 người/km²", "row Mã bưu chính: 999001", "row Website: mauson.example.vn",
				"Mẫu Sơn", "Phường", "Phường Mẫu Sơn", "Hành chính",
				"Phường Mẫu Sơn được chia thành 9 tổ dân phố.",
			}},
		{"pipe cells, the headline right above it",
			"Mẫu Sơn\n|\n||\n---|---|---|\nPhường | ||\nPhường Mẫu Sơn | ||\nHành chính | ||\nQuốc gia | ![]() | |\n" +
				"Tỉnh | Giả Định | |\nHuyện | Thử Nghiệm | |\nTrụ sở UBND | Ấp 7[1] | |\nDiện tích | 15,00 km²[2] | |\n" +
				"Dân số (2013) | ||\nTổng cộng | 11.111 người | |\nSố điện thoại | 0000.3.811.000 | |\n" + lead + "\nXã có 15 ấp.",
			[]string{lead,
				"row Tỉnh: Giả Định", "row Huyện: Thử Nghiệm", "row Trụ sở UBND: Ấp 7", "row Diện tích: 15,00 km²",
				"row Dân số (2013): 11.111 người", "row Số điện thoại: 0000.3.811.000",
				"Phường", "Phường Mẫu Sơn", "Hành chính", "Quốc gia",
				"Xã có 15 ấp.",
			}},
		{"tab cells, one cell a line for a kind of place",
			"Phường\nPhường Mẫu Sơn\nTỉnh\tGiả Định\nDiện tích\t5,67 km²\nDân số (2021)\nTổng cộng\t12.345 người\nMã hành chính\t99999\n\n" + lead + "\n\nPhường có 9 tổ dân phố.",
			[]string{lead, "row Tỉnh: Giả Định", "row Diện tích: 5,67 km²", "row Dân số (2021): 12.345 người", "row Mã hành chính: 99999",
				"Phường", "Phường Mẫu Sơn", "Phường có 9 tổ dân phố."}},
		{"one cell a line, the lead before the box stays first",
			lead + "\n\nPhường\nPhường Mẫu Sơn\nTỉnh\nGiả Định\nDiện tích\n5,67 km²\nDân số\n12.345 người\nMã hành chính\n99999\nSố điện thoại\n0000 111 222\n\nPhường có 9 tổ dân phố.",
			[]string{lead,
				"row Tỉnh: Giả Định", "row Diện tích: 5,67 km²", "row Dân số: 12.345 người", "row Mã hành chính: 99999",
				"row Số điện thoại: 0000 111 222", "Phường", "Phường Mẫu Sơn",
				"Phường có 9 tổ dân phố.",
			}},
		{"the lead right below the box, no blank line between",
			"Diện tích5,67 km²\nDân số12.345 người\nMã bưu chính999001\n" + lead + "\nPhường có 9 tổ dân phố.",
			[]string{lead, "row Diện tích: 5,67 km²", "row Dân số: 12.345 người", "row Mã bưu chính: 999001",
				"Phường có 9 tổ dân phố."}},
		{"an image's caption sentence inside the box, a house number run into the body's short name",
			"Mẫu Sơn\n\nMẫu Sơn\nPhường\nPhường Mẫu Sơn\nTừ trái qua phải: cầu Thử, chợ Mẫu và bến Giả Định (synthetic).\nHành chính\n" +
				"TỉnhGiả Định\nTrụ sở UBND01 đường Hư Cấu, tổ dân phố Mẫu\nDiện tích5,67 km²[2]\nMã bưu chính999001\n\n" + lead,
			[]string{lead,
				"row Tỉnh: Giả Định", "row Trụ sở UBND: 01 đường Hư Cấu, tổ dân phố Mẫu", "row Diện tích: 5,67 km²",
				"row Mã bưu chính: 999001",
				"Mẫu Sơn", "Phường", "Phường Mẫu Sơn", "Từ trái qua phải: cầu Thử, chợ Mẫu và bến Giả Định (synthetic).", "Hành chính",
			}},
		{"an English box in pipe cells: its first row no table heading, a total under its heading (synthetic)",
			"Mau Son Province Tỉnh Mẫu Sơn |\n|\n---|---|\nProvince | |\nCountry | Vietnam |\nRegion | Test Delta |\n" +
				"Capital | Thử Nghiệm |\nGovernment | |\n• People's Council Chair | Trần Thị Mẫu |\nArea | |\n" +
				"• Total | 1,234.5 km2 (476.6 sq mi) |\nPopulation (2004) | |\n• Total | 987,654 |\n• Density | 800/km2 |\n" +
				"Area codes | 299 |\nISO 3166 code | VN-99 |\n" +
				"Mau Son (Vietnamese: Mẫu Sơn) is a synthetic province of northern Vietnam.\nIt has 9 districts.",
			[]string{"Mau Son (Vietnamese: Mẫu Sơn) is a synthetic province of northern Vietnam.",
				"row Country: Vietnam", "row Region: Test Delta", "row Capital: Thử Nghiệm",
				"row People's Council Chair: Trần Thị Mẫu", "row Area: 1,234.5 km2 (476.6 sq mi)",
				"row Population (2004): 987,654", "row Density: 800/km2", "row Area codes: 299", "row ISO 3166 code: VN-99",
				"Mau Son Province Tỉnh Mẫu Sơn", "Province", "Government",
				"It has 9 districts.",
			}},
		{"an English box's values run into their labels under a dot (synthetic)",
			"Mau Son\nGovernment\n • Chairman of People's CommitteeNguyễn Văn Mẫu\n • SecretaryLê Thị Thử\n" +
				"Population\n (2015)\n • Density672/km2\nWebsitemauson.example.vn\n\n" +
				"Mau Son is a synthetic city of the delta, with nine wards and communes.",
			[]string{"Mau Son is a synthetic city of the delta, with nine wards and communes.",
				"row Chairman of People's Committee: Nguyễn Văn Mẫu", "row Secretary: Lê Thị Thử",
				"row Density: 672/km2", "row Website: mauson.example.vn",
				"Mau Son", "Government", "Population (2015)",
			}},
		{"a document's header in two cells a row: the number goes with every field (synthetic)",
			"Nghị quyết 99/NQ-HĐND năm 2025 về một việc thử nghiệm của tỉnh Giả Định\n" +
				"| Số hiệu | 99/NQ-HĐND |\n| Ngày ban hành | 01/02/2025 |\n| Loại văn bản | Nghị quyết |\n" +
				"| Cơ quan ban hành | Tỉnh Giả Định |\n| Người ký | Trần Thị Mẫu |\n| Lĩnh vực | Bộ máy hành chính |\n\n" +
				"Căn cứ Luật Tổ chức chính quyền địa phương (synthetic) và các văn bản có liên quan.",
			// The page's first sentence is its lead, before the box; the
			// headline above the box goes with the box's other lines.
			[]string{"Căn cứ Luật Tổ chức chính quyền địa phương (synthetic) và các văn bản có liên quan.",
				"row Số hiệu: 99/NQ-HĐND", "row Số hiệu: 99/NQ-HĐND; Ngày ban hành: 01/02/2025",
				"row Số hiệu: 99/NQ-HĐND; Loại văn bản: Nghị quyết", "row Số hiệu: 99/NQ-HĐND; Cơ quan ban hành: Tỉnh Giả Định",
				"row Số hiệu: 99/NQ-HĐND; Người ký: Trần Thị Mẫu", "row Số hiệu: 99/NQ-HĐND; Lĩnh vực: Bộ máy hành chính",
				"Nghị quyết 99/NQ-HĐND năm 2025 về một việc thử nghiệm của tỉnh Giả Định",
			}},
		{"a field run into its label that ends like a sentence does not end the box (synthetic)",
			"Mẫu Sơn\n\nMẫu Sơn\nHuyện\nTỉnhGiả Định\nDiện tích5,67 km²\nDân tộcKinh, Tày, Nùng, Dao, Mông, Thái,...\n" +
				"Thành lập30 tháng 5 năm 1979 theo quyết định thử nghiệm.\nMã hành chính999\nWebsitemauson.example.vn\n\n" + lead,
			[]string{lead,
				"row Tỉnh: Giả Định", "row Diện tích: 5,67 km²", "row Dân tộc: Kinh, Tày, Nùng, Dao, Mông, Thái,...",
				"row Thành lập: 30 tháng 5 năm 1979 theo quyết định thử nghiệm.", "row Mã hành chính: 999",
				"row Website: mauson.example.vn", "Mẫu Sơn", "Huyện",
			}},
		// Not boxes.
		{"a two-column table whose first row heads it (synthetic)",
			"Các phường (synthetic):\n| Phường | Dân số |\n|---|---|\n| Mẫu Sơn | 12.345 |\n| Giả Định | 9.876 |\n| Thử Nghiệm | 8.000 |",
			[]string{"Các phường (synthetic):",
				"row Phường: Mẫu Sơn; Dân số: 12.345 (Mẫu Sơn 12.345)",
				"row Phường: Giả Định; Dân số: 9.876 (Giả Định 9.876)",
				"row Phường: Thử Nghiệm; Dân số: 8.000 (Thử Nghiệm 8.000)"}},
		{"a poll's results run into the places' names",
			"Bạn chọn phường nào?\nPhường Mẫu Sơn50%\nPhường Giả Định18%\nPhường Thử Nghiệm32%\n\n" + lead,
			[]string{"Bạn chọn phường nào? Phường Mẫu Sơn50% Phường Giả Định18% Phường Thử Nghiệm32%", lead}},
		{"two fields run into their labels are too few",
			"Diện tích5,67 km²\nDân số12.345 người\nThành phố Thử Nghiệm\n\n" + lead,
			[]string{"Diện tích5,67 km² Dân số12.345 người Thành phố Thử Nghiệm", lead}},
		{"a contact block of labelled lines",
			lead + "\n\nĐịa chỉ: Số 1 đường Hư Cấu\nĐiện thoại: 0000 111 222\nEmail: mauson@example.vn\n\nPhường có 9 tổ dân phố.",
			[]string{lead, "Địa chỉ: Số 1 đường Hư Cấu", "Điện thoại: 0000 111 222", "Email: mauson@example.vn", "Phường có 9 tổ dân phố."}},
		{"a table of places and figures",
			"Các phường (synthetic):\n| Phường | Diện tích | Dân số |\n|---|---|---|\n| Mẫu Sơn | 5,67 | 12.345 |\n| Giả Định | 3,21 | 9.876 |\n| Thử Nghiệm | 4,00 | 8.000 |",
			[]string{"Các phường (synthetic):",
				"row Phường: Mẫu Sơn; Diện tích: 5,67; Dân số: 12.345 (Mẫu Sơn 5,67 12.345)",
				"row Phường: Giả Định; Diện tích: 3,21; Dân số: 9.876 (Giả Định 3,21 9.876)",
				"row Phường: Thử Nghiệm; Diện tích: 4,00; Dân số: 8.000 (Thử Nghiệm 4,00 8.000)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Parse("box.txt", []byte("title: Mẫu Sơn\nsynthetic: true\n\n"+tt.src))
			if err != nil {
				t.Fatal(err)
			}
			rows := map[int]bool{}
			for _, r := range a.TableRows {
				rows[r] = true
			}
			var got []string
			for i, p := range a.Paragraphs {
				if rows[i] {
					p = "row " + p
				}
				got = append(got, p)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			// A box's fields are its place's, no office's contact block.
			if len(a.Contacts) > 0 && !strings.Contains(tt.name, "contact block") {
				t.Errorf("contacts %+v read from a page with no contact block", a.Contacts)
			}
		})
	}
}

// TestNotInfoboxes: what only looks like a box — labels that repeat, as a
// table's column flattened one cell a line or a list of two columns has
// them — is read as no box at any of its lines.
func TestNotInfoboxes(t *testing.T) {
	tests := []struct{ name, src string }{
		{"a table flattened one cell a line, a title in every row",
			"TT\nTháng\nNgười tiếp\nChức vụ\nNgày tiếp\n1.\nTháng 8\nTrần Thị Mẫu\nChủ tịch\nNgày 05; 12\n" +
				"2.\nTháng 9\nTrần Thị Mẫu\nChủ tịch\nNgày 03; 10\n3.\nTháng 10\nTrần Thị Mẫu\nChủ tịch\nNgày 01; 08"},
		{"a two-column table whose labels repeat",
			"| Chủ tịch | Trần Thị Mẫu |\n| Chủ tịch | Lê Văn Thử |\n| Chủ tịch | Hồ Thị Giả |\n| Diện tích | 5 km² |"},
		{"values run into a title in every line",
			"Chủ tịchTrần Thị Mẫu\nChủ tịchLê Văn Thử\nChủ tịchHồ Thị Giả"},
		{"an office's contacts in pipe cells (synthetic)",
			"Địa chỉ: | Số 9 đường Thử, xã Ví Dụ |\nĐiện thoại: | 0000 000 041 |\nFax: | |\nEmail: | vidu@example.invalid |"},
		{"English words that start with a box's labels (synthetic)",
			"Regional plans\nCountryside roads\nPopulations of birds\nCapitals of old\nAreas of rice"},
		{"an office's contacts run into their labels (synthetic)",
			"Địa chỉSố 9 đường Thử, xã Ví Dụ\nĐiện thoại0000 000 041\nEmailvidu@example.invalid"},
	}
	for _, tt := range tests {
		lines := strings.Split(tt.src, "\n")
		for i := range lines {
			if _, _, ok := infoboxAt(lines, i, true); ok {
				t.Errorf("%s: a box read at line %d %q", tt.name, i, lines[i])
			}
		}
	}
}

// TestBoxField: where a line's label ends and its value starts.
func TestBoxField(t *testing.T) {
	tests := []struct {
		line, label, value string
		how                boxHow
	}{
		{"Diện tích5,67 km²", "Diện tích", "5,67 km²", boxGlued},
		{"VùngĐồng bằng Thử", "Vùng", "Đồng bằng Thử", boxGlued},
		{"Tỉnh lỵThành phố Mẫu", "Tỉnh lỵ", "Thành phố Mẫu", boxGlued},
		{"TỉnhGiả Định", "Tỉnh", "Giả Định", boxGlued},
		{"Trụ sở UBNDĐường Hư Cấu", "Trụ sở UBND", "Đường Hư Cấu", boxGlued},
		{"Bí thư Tỉnh ủyTrần Thị Thử", "Bí thư Tỉnh ủy", "Trần Thị Thử", boxGlued},
		{"Chủ tịch HĐNDLê Văn Giả", "Chủ tịch HĐND", "Lê Văn Giả", boxGlued},
		{"Websitemauson.example.vn", "Website", "mauson.example.vn", boxGlued},
		{"Tổng cộng12.345 người", "Tổng cộng", "12.345 người", boxGlued},
		{"Quốc gia Việt Nam", "Quốc gia", "Việt Nam", boxSpaced},
		{"Chủ tịch UBND Nguyễn Văn Mẫu", "Chủ tịch UBND", "Nguyễn Văn Mẫu", boxSpaced},
		{"Tọa độ: 20°B 105°Đ", "Tọa độ", "20°B 105°Đ", boxColon},
		{"Dân số (2021)", "Dân số (2021)", "", boxBare},
		{"Diện tích", "Diện tích", "", boxBare},
		// A kind of place before a name is the name, not a field.
		{"Phường Mẫu Sơn", "", "", boxNone},
		{"Phường Mẫu Sơn50%", "", "", boxNone},
		// A short label does not start a longer word.
		{"Phóng viên Mẫu", "", "", boxNone},
		{"Diện tích tự nhiên của phường là 5 km²", "", "", boxNone},
		{"Hành chính", "", "", boxNone},
	}
	for _, tt := range tests {
		label, value, how := boxField(tt.line)
		if label != tt.label || value != tt.value || how != tt.how {
			t.Errorf("boxField(%q) = %q, %q, %d; want %q, %q, %d", tt.line, label, value, how, tt.label, tt.value, tt.how)
		}
	}
}

// TestLabelledValues: a field labelled as an address or with a post holds
// an address or a person, whatever the value's shape.
func TestLabelledValues(t *testing.T) {
	tests := []struct {
		text string
		typ  ValueType
		want string // "" for none of the type
	}{
		{"Trụ sở UBND: Ấp 7", ValueAddress, "Ấp 7"},
		{"Địa chỉ: Ngõ Hư Cấu, tổ dân phố Mẫu", ValueAddress, "Ngõ Hư Cấu, tổ dân phố Mẫu"},
		{"Diện tích: 5,67 km²", ValueAddress, ""},
		{"Trụ sở xã nằm cách trung tâm 16 km.", ValueAddress, ""},
		{"Chủ tịch UBND: Nguyễn Văn Mẫu", ValuePerson, "Nguyễn Văn Mẫu"},
		{"Bí thư Tỉnh ủy: Trần Thị Thử", ValuePerson, "Trần Thị Thử"},
		{"Thành phần gồm có: Nguyễn Văn Mẫu", ValuePerson, ""},
	}
	for _, tt := range tests {
		got := ""
		for _, v := range Values(tt.text) {
			if v.Type == tt.typ {
				got = v.Text
				break
			}
		}
		if got != tt.want {
			t.Errorf("Values(%q) %s = %q, want %q", tt.text, tt.typ, got, tt.want)
		}
	}
}

// TestInfoboxHTML: a side box kept as an HTML table of heading and value
// cells reads as the text one does, after the page's lead.
func TestInfoboxHTML(t *testing.T) {
	src := `<html><head><title>Mẫu Sơn</title></head><body><article><h1>Mẫu Sơn</h1>
<table class="infobox"><tr><th colspan="2">Phường Mẫu Sơn</th></tr>
<tr><th>Quốc gia</th><td>Việt Nam</td></tr>
<tr><th>Tỉnh</th><td>Giả Định</td></tr>
<tr><th>Diện tích</th><td>5,67 km²<sup>[1]</sup></td></tr>
<tr><th>Dân số (2021)</th><td></td></tr>
<tr><th>Tổng cộng</th><td>12.345 người</td></tr>
<tr><th>Số điện thoại</th><td>0000 111 222</td></tr>
</table>
<p>Mẫu Sơn là một phường thuộc thành phố Thử Nghiệm, tỉnh Giả Định (synthetic).</p>
<p>Phường có 9 tổ dân phố.</p>
</article></body></html>`
	a, _, err := Parse("box.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Mẫu Sơn là một phường thuộc thành phố Thử Nghiệm, tỉnh Giả Định (synthetic).",
		"Quốc gia: Việt Nam", "Tỉnh: Giả Định", "Diện tích: 5,67 km²", "Dân số (2021): 12.345 người",
		"Số điện thoại: 0000 111 222", "Phường Mẫu Sơn", "Phường có 9 tổ dân phố.",
	}
	if !reflect.DeepEqual(a.Paragraphs, want) {
		t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(a.Paragraphs, "\n"), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(a.TableRows, []int{1, 2, 3, 4, 5}) {
		t.Errorf("table rows %v, want the five fields", a.TableRows)
	}
	if len(a.Contacts) > 0 {
		t.Errorf("contacts %+v read from a box", a.Contacts)
	}
}
