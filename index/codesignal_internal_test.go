package index

import "testing"

// TestCodeSignal: a question asking for a code (in either language) ranks
// a unit that writes a code's label with its digits, not one that names
// the place with other figures, nor one naming the label with no code.
func TestCodeSignal(t *testing.T) {
	page := "synthetic: true\ntitle: Phường Mẫu Sơn\n\n" +
		"Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.\n\n" +
		"Phường Mẫu Sơn có diện tích 12,5 km², dân số 45.600 người.\n\nMã hành chính: 98765\n"
	ix := loadedIndex(t, map[string]string{"mauson.txt": page})
	var code *signal
	for i := range signals {
		if signals[i].name == "code" {
			code = &signals[i]
		}
	}
	if code == nil {
		t.Fatal("no code signal")
	}
	for _, tc := range []struct {
		question, unit string
		want           bool
	}{
		{"What is the administrative code of Mau Son ward?", "Mã hành chính: 98765", true},
		{"Mã hành chính của phường Mẫu Sơn là gì?", "Mã hành chính: 98765", true},
		{"Mã hành chính của phường Mẫu Sơn là gì?", "Phường Mẫu Sơn có diện tích 12,5 km², dân số 45.600 người.", false},
		{"Mã hành chính của phường Mẫu Sơn là gì?", "Trang giới thiệu nêu mã hành chính của phường.", false},
		{"Dân số phường Mẫu Sơn là bao nhiêu?", "Mã hành chính: 98765", false},
	} {
		pq := ix.parse(tc.question)
		cand := &candidate{u: &unit{text: tc.unit}, folded: foldWords(tc.unit), coverage: foundCoverage}
		if got := code.fn(ix, &pq, cand) > 0; got != tc.want {
			t.Errorf("%q over %q: code %v, want %v", tc.question, tc.unit, got, tc.want)
		}
	}
}
