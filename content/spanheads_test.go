package content

import (
	"reflect"
	"testing"
)

// TestSpanHeads reads two-row headings flattened into one run of labels
// (synthetic labels).
func TestSpanHeads(t *testing.T) {
	for _, tt := range []struct {
		labels, want []string
	}{
		{
			labels: []string{"STT", "Tên đơn vị", "Tổng số thôn", "Phân loại", "Ghi chú", "Loại 1", "Loại 2", "Loại 3"},
			want:   []string{"STT", "Tên đơn vị", "Tổng số thôn", "Phân loại Loại 1", "Phân loại Loại 2", "Phân loại Loại 3", "Ghi chú"},
		},
		{
			labels: []string{"TT", "Xã", "Dân số", "Diện tích", "Diện tích trước", "Diện tích sau"},
			want:   []string{"TT", "Xã", "Dân số", "Diện tích Diện tích trước", "Diện tích Diện tích sau"},
		},
		// No upper label shares a word with the lower ones: no guess.
		{labels: []string{"STT", "Tên", "Số hộ", "Ghi chú", "Nam", "Nữ"}},
		// Two upper labels could span them: no guess.
		{labels: []string{"STT", "Tên", "Dân số", "Dân tộc", "Ghi chú", "Dân số nam", "Dân số nữ"}},
	} {
		if got := spanHeads(tt.labels); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("spanHeads(%q) = %q, want %q", tt.labels, got, tt.want)
		}
	}
}

// TestFlatTableSpannedHeading reads a flattened table whose heading has a
// cell over three lower cells (synthetic page).
func TestFlatTableSpannedHeading(t *testing.T) {
	page := "source: https://vidu.example/qd\ntitle: Phân loại thôn (synthetic)\nsynthetic: true\n\n" +
		"Phân loại thôn, tổ dân phố của huyện Ví Dụ (synthetic) như sau:\n\n" +
		"STT\n\nTên đơn vị\n\nTổng số thôn\n\nPhân loại\n\nGhi chú\n\nLoại 1\n\nLoại 2\n\nLoại 3\n\n" +
		"1\n\nXã Mẫu Một\n\n10\n\n3\n\n3\n\n4\n\nPhụ lục 1\n\n" +
		"2\n\nXã Mẫu Hai\n\n12\n\n4\n\n4\n\n4\n\nPhụ lục 2\n\n" +
		"3\n\nXã Mẫu Ba\n\n7\n\n0\n\n1\n\n6\n\nPhụ lục 3\n"
	a, _, err := Parse("qd.txt", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "Tên đơn vị: Xã Mẫu Hai; Tổng số thôn: 12; Phân loại Loại 1: 4; Phân loại Loại 2: 4; Phân loại Loại 3: 4; Ghi chú: Phụ lục 2"
	for _, p := range a.Paragraphs {
		if labelledRow(p) == want {
			return
		}
	}
	t.Errorf("no paragraph %q in %q", want, a.Paragraphs)
}
