package content

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestTables: every data row of a table is a paragraph that reads alone,
// each cell behind its column's heading, whatever the table was written
// with (tabs, "|", runs of spaces, <table>); the heading row is not a
// paragraph and the sentence before the table is one of its own.
func TestTables(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"lich-truc.txt", []string{
			"Bài viết thử nghiệm (synthetic): mọi tên người và số liệu đều hư cấu.",
			"Lịch trực tháng 10 năm 2024 như sau:",
			// The STT column numbers rows: left out. A blank line between
			// tab-separated rows does not end the table.
			"Ngày: 01/10/2024; Người trực: Nguyễn Văn Mẫu; Chức vụ: Chủ tịch UBND xã",
			"Ngày: 08/10/2024; Người trực: Trần Thị Thử; Chức vụ: Phó Chủ tịch UBND xã",
			"Kết quả chủ yếu 9 tháng:",
			"Chỉ tiêu: Thu ngân sách (tỷ đồng); Kế hoạch: 20; Thực hiện: 15,5",
			"Chỉ tiêu: Hộ nghèo (hộ); Kế hoạch: 40; Thực hiện: 31",
			"Chỉ tiêu: Lúa (ha); Kế hoạch: 500; Thực hiện: 480",
			"Chỉ tiêu: Ngô (ha); Kế hoạch: 120; Thực hiện: 95",
			"Mọi thắc mắc xin liên hệ Văn phòng xã.",
		}},
		{"so-lieu.html", []string{
			"Bài viết thử nghiệm (synthetic): mọi số liệu đều hư cấu.",
			"Kết quả một số chỉ tiêu chủ yếu:",
			// Two heading rows merged; a cell spanning the row is a section.
			"I. Kinh tế",
			"Chỉ tiêu: Thu ngân sách (tỷ đồng); Năm 2024 Kế hoạch: 30; Năm 2024 Thực hiện: 18,6",
			"Chỉ tiêu: Giao thông nông thôn (km); Năm 2024 Kế hoạch: 20; Năm 2024 Thực hiện: 12,4",
			"Lịch tiếp công dân",
			// No <th>: the first row is headings because it has no number.
			"Ngày: 05/9/2024; Người tiếp: Nguyễn Văn Mẫu",
			"Ngày: 12/9/2024; Người tiếp: Đỗ Thị Thử",
			// A one-cell table lays out the page: read as blocks.
			"Đoạn văn trong bảng dàn trang, không phải bảng số liệu.",
			"Xã phấn đấu hoàn thành kế hoạch năm.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := mustParseFile(t, filepath.Join("testdata/tables", tt.file))
			if got := labelledRows(a.Paragraphs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestNotTables: lines that only look like cells stay text.
func TestNotTables(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"one tab-separated line", "Điện thoại:\t0000 000 000\nNội dung tiếp.",
			[]string{"Điện thoại: 0000 000 000", "Nội dung tiếp."}},
		{"label and value pairs", "Điện thoại: 0000 000 000 | Fax: 0000 000 001\nEmail: a@thu.example | Website: thu.example",
			[]string{"Điện thoại: 0000 000 000 | Fax: 0000 000 001", "Email: a@thu.example | Website: thu.example"}},
		{"stray double spaces in prose", "Xã Thử Nghiệm  đã hoàn thành\nkế hoạch năm  và tiếp tục\nphấn đấu.",
			[]string{"Xã Thử Nghiệm đã hoàn thành kế hoạch năm và tiếp tục phấn đấu."}},
		{"headings only", "Lịch tiếp dân sẽ đăng sau.\nNgày\tNgười tiếp\n\nChưa có lịch.",
			[]string{"Lịch tiếp dân sẽ đăng sau. Ngày Người tiếp", "Chưa có lịch."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseText(tt.src)
			var got []string
			for _, p := range d.paragraphs {
				got = append(got, cleanSpace(p))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownTable(t *testing.T) {
	d := parseMarkdown("---\nsynthetic: true\ntitle: Bảng thử\n---\nKết quả:\n\n| Thôn | Số hộ |\n|---|---:|\n| Thôn Mẫu | **120** |\n| Thôn Thử | 95 |\n")
	want := []string{"Kết quả:", "Thôn: Thôn Mẫu; Số hộ: 120", "Thôn: Thôn Thử; Số hộ: 95"}
	if got := labelledRows(d.paragraphs); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}

// TestInlineMarkdownTable: a Markdown table whose rows were joined on one
// line (copied from a web page or a chat) reads as the same table written
// one row a line. The figures and places are synthetic.
func TestInlineMarkdownTable(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"rows joined", "Kết quả:\n\n| Thôn | Số hộ | |---|---:| | Thôn Mẫu | **120** | | Thôn Thử | 95 |\n",
			[]string{"Kết quả:", "Thôn: Thôn Mẫu; Số hộ: 120", "Thôn: Thôn Thử; Số hộ: 95"}},
		{"no space between rows", "| Thôn | Số hộ ||---|---||Thôn Mẫu|120||Thôn Thử|95|",
			[]string{"Thôn: Thôn Mẫu; Số hộ: 120", "Thôn: Thôn Thử; Số hộ: 95"}},
		{"text before and after, an empty cell", "Lịch trực tuần này: | Ngày | Người trực | Ghi chú | |:--|:--|--| | 01/10/2024 | Nguyễn Văn Mẫu | | | 02/10/2024 | Trần Thị Thử | trực thay | Mọi thắc mắc xin liên hệ Văn phòng xã.",
			[]string{"Lịch trực tuần này:", "Ngày: 01/10/2024; Người trực: Nguyễn Văn Mẫu",
				"Ngày: 02/10/2024; Người trực: Trần Thị Thử; Ghi chú: trực thay", "Mọi thắc mắc xin liên hệ Văn phòng xã."}},
		{"a page cut inside a row", "Danh sách: | Xã | Số hộ | |---|---| | Xã Mẫu | 120 | | Xã Thử | 95 | | Xã Giả | 7",
			[]string{"Danh sách:", "Xã: Xã Mẫu; Số hộ: 120", "Xã: Xã Thử; Số hộ: 95", "Xã Giả 7"}},
		{"cells not in rows of the columns", "| Thôn | Số hộ | |---|---| | Thôn Mẫu | 120 | 7 |",
			[]string{"| Thôn | Số hộ | |---|---| | Thôn Mẫu | 120 | 7 |"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseMarkdown("---\nsynthetic: true\ntitle: Bảng thử\n---\n" + tt.body)
			if got := labelledRows(d.paragraphs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTableRowsMarked: the paragraphs rendered from a table's rows are
// listed in Article.TableRows, for an HTML <table>, a table of cells split
// by "|" and one flattened one cell a line; prose is not (synthetic).
func TestTableRowsMarked(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"page.html", `<html><body><article><h1>Danh sách (synthetic)</h1><p>Các trung tâm như sau:</p>
<table><tr><th>Tên</th><th>Địa chỉ</th></tr><tr><td>Phường Mẫu</td><td>1 đường Thử</td></tr><tr><td>Xã Giả</td><td>2 đường Lập</td></tr></table>
<p>Trân trọng thông báo.</p></article></body></html>`},
		{"pipe.txt", "title: Danh sách (synthetic)\nsynthetic: true\n\nCác trung tâm như sau:\n\nTên | Địa chỉ\nPhường Mẫu | 1 đường Thử\nXã Giả | 2 đường Lập\n\nTrân trọng thông báo.\n"},
		{"flat.txt", "title: Danh sách (synthetic)\nsynthetic: true\n\nCác trung tâm như sau:\n\nTT\nTên\nĐịa chỉ\n1.\nPhường Mẫu\n1 đường Thử\n2.\nXã Giả\n2 đường Lập\n\nTrân trọng thông báo.\n"},
	}
	for _, tt := range tests {
		a, _, err := Parse(tt.name, []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		var rows []string
		for _, i := range a.TableRows {
			rows = append(rows, labelledRow(a.Paragraphs[i]))
		}
		want := []string{"Tên: Phường Mẫu; Địa chỉ: 1 đường Thử", "Tên: Xã Giả; Địa chỉ: 2 đường Lập"}
		if !reflect.DeepEqual(rows, want) {
			t.Errorf("%s: rows %q, want %q (paragraphs %q)", tt.name, rows, want, a.Paragraphs)
		}
	}
}

// labelledRows is ps with each table row's cells in source order taken
// off (see TestRowCellsInSourceOrder): the tests above check which label
// each cell gets.
func labelledRows(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = labelledRow(p)
	}
	return out
}

// TestRowCellsInSourceOrder checks that a row's paragraph carries its cells
// as the page writes them, side by side, after the labelled ones, so that a
// quote across adjacent cells ("Xã Mẫu Hai 12") is in the answer; and that
// labelledRow takes them off again for the corpus's counts. Synthetic rows.
func TestRowCellsInSourceOrder(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
	}{
		{"pipe table with a number column",
			"| STT | Tên đơn vị | Số thôn |\n|---|---|---|\n| 1 | Xã Mẫu Một | 10 |\n| 2 | Xã Mẫu Hai | 12 |",
			[]string{"Tên đơn vị: Xã Mẫu Một; Số thôn: 10 (Xã Mẫu Một 10)", "Tên đơn vị: Xã Mẫu Hai; Số thôn: 12 (Xã Mẫu Hai 12)"}},
		{"cells in brackets of their own",
			"| Tên | Ghi chú |\n|---|---|\n| Xã Mẫu (cũ) | Sáp nhập (2025) |\n| Xã Hai | Giữ nguyên |",
			[]string{"Tên: Xã Mẫu (cũ); Ghi chú: Sáp nhập (2025) (Xã Mẫu (cũ) Sáp nhập (2025))", "Tên: Xã Hai; Ghi chú: Giữ nguyên (Xã Hai Giữ nguyên)"}},
	} {
		d := parseText("title: Bảng thử (synthetic)\n\n" + tt.src)
		var rows []string
		for _, p := range d.paragraphs {
			if d.tableRows[p] {
				rows = append(rows, p)
			}
		}
		if !reflect.DeepEqual(rows, tt.want) {
			t.Errorf("%s: rows %q, want %q", tt.name, rows, tt.want)
		}
		for _, r := range rows {
			if l := labelledRow(r); strings.Contains(l, " (Xã") || l == r {
				t.Errorf("%s: labelledRow(%q) = %q", tt.name, r, l)
			}
		}
	}
}
