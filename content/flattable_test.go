package content

import (
	"reflect"
	"strings"
	"testing"
)

// TestFlatTables: a table pasted one cell a line becomes one paragraph per
// row, each cell behind its column's heading, in every layout portals
// produce; lists that only look like it stay text.
func TestFlatTables(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"number column, blank lines between cells",
			"Danh sách Trung tâm Phục vụ hành chính công các phường:\n\nTT\n\nTên đơn vị\n\nĐịa chỉ\n\nSố điện thoại\n\n1.\n\nPhường Mẫu Sơn\n\n58B đường Thử Nghiệm, tổ dân phố 3\n\n0000.3812 001\n\n2.\n\nPhường Giả Định\n\nSố 12 đường Hư Cấu\n\n0000.3812 002\n\n3.\n\nXã Thử Thách\n\nThôn Ví Dụ, xã Thử Thách\n\n0000.3812 003\n\nNgười dân có thể đến bất kỳ trung tâm nào.",
			[]string{
				"Danh sách Trung tâm Phục vụ hành chính công các phường:",
				"Tên đơn vị: Phường Mẫu Sơn; Địa chỉ: 58B đường Thử Nghiệm, tổ dân phố 3; Số điện thoại: 0000.3812 001",
				"Tên đơn vị: Phường Giả Định; Địa chỉ: Số 12 đường Hư Cấu; Số điện thoại: 0000.3812 002",
				"Tên đơn vị: Xã Thử Thách; Địa chỉ: Thôn Ví Dụ, xã Thử Thách; Số điện thoại: 0000.3812 003",
				"Người dân có thể đến bất kỳ trung tâm nào.",
			}},
		{"no blank lines, no number column in the heading",
			"Các điểm tiếp nhận hồ sơ\nTên đơn vị\nĐịa chỉ\n1\nPhường Mẫu Sơn\nSố 1 đường Thử\n2\nPhường Giả Định\nSố 2 đường Thử",
			[]string{
				"Các điểm tiếp nhận hồ sơ",
				"Tên đơn vị: Phường Mẫu Sơn; Địa chỉ: Số 1 đường Thử",
				"Tên đơn vị: Phường Giả Định; Địa chỉ: Số 2 đường Thử",
			}},
		{"heading repeated after a page break",
			"STT\nTên thôn\nSố hộ\n1.\nThôn Một\n120\n2.\nThôn Hai\n95\nSTT\nTên thôn\nSố hộ\n3.\nThôn Ba\n80",
			[]string{
				"Tên thôn: Thôn Một; Số hộ: 120",
				"Tên thôn: Thôn Hai; Số hộ: 95",
				"Tên thôn: Thôn Ba; Số hộ: 80",
			}},
		{"a row without its last cell",
			"TT\nĐơn vị\nĐịa chỉ\nĐiện thoại\n1.\nPhường Mẫu Sơn\nSố 1 đường Thử\n0000 111 001\n2.\nPhường Giả Định\nSố 2 đường Thử\n3.\nXã Thử Thách\nThôn Ví Dụ\n0000 111 003",
			[]string{
				"Đơn vị: Phường Mẫu Sơn; Địa chỉ: Số 1 đường Thử; Điện thoại: 0000 111 001",
				"Đơn vị: Phường Giả Định; Địa chỉ: Số 2 đường Thử",
				"Đơn vị: Xã Thử Thách; Địa chỉ: Thôn Ví Dụ; Điện thoại: 0000 111 003",
			}},
		{"long headings, a cell's second line in brackets",
			"TT\n\nTên tỉnh, thành phố mới\n\n(Các tỉnh được hợp nhất)\n\nNghị quyết của cơ quan có thẩm quyền\n\n1\n\nTỉnh Mẫu Sơn\n\nNghị quyết 1001/NQ-THU về việc sắp xếp tỉnh Mẫu Sơn\n\n2\n\nTỉnh Giả Định\n\n(Thử Một + Thử Hai)\n\nNghị quyết 1002/NQ-THU về việc sắp xếp tỉnh Giả Định",
			[]string{
				"Tên tỉnh, thành phố mới (Các tỉnh được hợp nhất): Tỉnh Mẫu Sơn; Nghị quyết của cơ quan có thẩm quyền: Nghị quyết 1001/NQ-THU về việc sắp xếp tỉnh Mẫu Sơn",
				"Tên tỉnh, thành phố mới (Các tỉnh được hợp nhất): Tỉnh Giả Định (Thử Một + Thử Hai); Nghị quyết của cơ quan có thẩm quyền: Nghị quyết 1002/NQ-THU về việc sắp xếp tỉnh Giả Định",
			}},
		{"section rows with their totals, a heading that starts with a count",
			"STT\n12 xã mới\nDiện tích\nDân số\nVÙNG THỬ MỘT\n50,5\n12.000\n1\nXã Mẫu Sơn\n20,1\n5.000\n2\nXã Giả Định\n30,4\n7.000\nVÙNG THỬ HAI\n40,0\n9.000\n3\nXã Thử Thách\n40,0\n9.000\nNguồn: số liệu thử.",
			[]string{
				"12 xã mới: VÙNG THỬ MỘT; Diện tích: 50,5; Dân số: 12.000",
				"12 xã mới: Xã Mẫu Sơn; Diện tích: 20,1; Dân số: 5.000",
				"12 xã mới: Xã Giả Định; Diện tích: 30,4; Dân số: 7.000",
				"12 xã mới: VÙNG THỬ HAI; Diện tích: 40,0; Dân số: 9.000",
				"12 xã mới: Xã Thử Thách; Diện tích: 40,0; Dân số: 9.000",
				"Nguồn: số liệu thử.",
			}},
		{"a ranking, each cell closed by a bar",
			"Xếp hạng thử\n| Hạng |\nTên |\nDân số (người) |\n| #1 |\nTỉnh Mẫu Sơn |\n3,000,000 |\n| #2 |\nTỉnh Giả Định |\n2,000,000 |\n| #3 |\nTỉnh Thử Thách |\n1,000,000 |",
			[]string{
				"Xếp hạng thử | Hạng |",
				"Tên: Tỉnh Mẫu Sơn; Dân số (người): 3,000,000",
				"Tên: Tỉnh Giả Định; Dân số (người): 2,000,000",
				"Tên: Tỉnh Thử Thách; Dân số (người): 1,000,000",
			}},
		// Not tables.
		{"short lines of a poem or a list of names",
			"Thành phần tham dự\nĐồng chí Mẫu\nĐồng chí Thử\nĐồng chí Giả",
			[]string{"Thành phần tham dự Đồng chí Mẫu Đồng chí Thử Đồng chí Giả"}},
		{"numbered items of unequal length",
			"Nhiệm vụ trọng tâm\nNăm 2025\n1.\nRà soát hồ sơ\n2.\nHoàn thành kế hoạch\nBáo cáo kết quả",
			[]string{"Nhiệm vụ trọng tâm Năm 2025 1. Rà soát hồ sơ 2. Hoàn thành kế hoạch Báo cáo kết quả"}},
		{"a numbered list with one heading line",
			"Các bước:\n1.\nNộp hồ sơ\n2.\nNhận kết quả",
			[]string{"Các bước: 1. Nộp hồ sơ 2. Nhận kết quả"}},
		{"a single row",
			"TT\nTên đơn vị\nĐịa chỉ\n1.\nPhường Mẫu Sơn\nSố 1 đường Thử\nHết danh sách.",
			[]string{"TT Tên đơn vị Địa chỉ 1. Phường Mẫu Sơn Số 1 đường Thử Hết danh sách."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseText("title: Bảng thử\n\n" + tt.src)
			if got := labelledRows(d.paragraphs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestFlatTableHTML: a table whose cells the page wrote as paragraphs.
func TestFlatTableHTML(t *testing.T) {
	src := `<html><head><title>Danh bạ</title></head><body><article><h1>Danh bạ các phường</h1>
<p>Bài viết thử nghiệm (synthetic).</p>
<p>TT</p><p>Tên đơn vị</p><p>Số điện thoại</p>
<p>1.</p><p>Phường Mẫu Sơn</p><p>0000 222 001</p>
<p>2.</p><p>Phường Giả Định</p><p>0000 222 002</p>
</article></body></html>`
	d, err := parseHTML(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Bài viết thử nghiệm (synthetic).",
		"Tên đơn vị: Phường Mẫu Sơn; Số điện thoại: 0000 222 001",
		"Tên đơn vị: Phường Giả Định; Số điện thoại: 0000 222 002",
	}
	if got := labelledRows(d.paragraphs); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
