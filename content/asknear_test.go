package content

import (
	"slices"
	"testing"
)

// TestAskNear: the words beside the phrase asking a value — the event a
// date is of, the change a count is of — within k words of it, not the
// phrase's own, and none when nothing typed is asked.
func TestAskNear(t *testing.T) {
	for _, tc := range []struct {
		q    string
		k    int
		want []string
	}{
		{"Nghị quyết 99 có hiệu lực từ ngày nào?", 3, []string{"co", "hieu", "luc"}},
		{"Tỉnh Giả Lập giảm bao nhiêu đơn vị hành chính?", 2, []string{"lap", "giam"}},
		{"Ai giữ chức Chủ tịch xã?", 2, []string{"giu", "chuc"}},
		{"Nghị quyết 18 nói gì?", 3, nil},
	} {
		got := AskNear(tc.q, tc.k)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("AskNear(%q, %d) = %v, want %q among them", tc.q, tc.k, got, w)
			}
		}
		if tc.want == nil && len(got) > 0 {
			t.Errorf("AskNear(%q, %d) = %v, want none", tc.q, tc.k, got)
		}
		if slices.Contains(got, "nao") || slices.Contains(got, "bao") {
			t.Errorf("AskNear(%q, %d) = %v holds the asking phrase's own words", tc.q, tc.k, got)
		}
	}
}
