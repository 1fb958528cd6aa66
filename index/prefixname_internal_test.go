package index

import (
	"slices"
	"strings"
	"testing"
)

// TestNameFoldingAsKind: a name's syllable that folds as a kind of place
// ("Tĩnh" as tỉnh, "Phương" as phường) is the name's where an accented
// page writes it with other marks, so the corpus knows "Giả Tĩnh" and a
// question naming it without its kind must be answered about it; and a
// question's kind written as the kind ("tỉnh Bắc Mẫu") starts no name of
// the corpus that folds as it does (the commune "Tĩnh Bắc"). Synthetic
// page, invented places.
func TestNameFoldingAsKind(t *testing.T) {
	page := "synthetic: true\ntitle: Tỉnh Giả Tĩnh công bố lịch tiếp công dân\n\n" +
		"Bài tổng hợp: mọi tên và số liệu dưới đây đều là bịa, dùng để kiểm thử.\n\n" +
		"Chủ tịch UBND tỉnh Giả Tĩnh tiếp công dân định kỳ vào ngày 15 hằng tháng.\n\n" +
		"Sau sắp xếp, tỉnh Bắc Mẫu có 40 xã, trong đó có xã Tĩnh Bắc và xã Phương Mẫu.\n"
	ix := loadedIndex(t, map[string]string{"vi.txt": page})
	for q, want := range map[string][]string{
		"Giả Tĩnh tiếp công dân ngày nào?":       {"gia tinh"},
		"chủ tịch ubnd tỉnh giả tĩnh tên gì":     {"gia tinh"},
		"tỉnh bắc mẫu có bao nhiêu xã":           {"bac mau"},
		"tinh bac mau co bao nhieu xa":           {"bac mau"},
		"Phương Mẫu thuộc tỉnh nào sau sắp xếp?": {"phuong mau"},
	} {
		pq := ix.parse(q)
		var got []string
		for _, r := range pq.required {
			if len(r) > 0 {
				got = append(got, strings.Join(r[0], " "))
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: required %q, want %q", q, got, want)
		}
	}
}
