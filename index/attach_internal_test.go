package index

import (
	"strings"
	"testing"
)

// TestClauseOf: a count's clause runs back to the last clause mark, not
// through the separators inside numbers, and through a label's colon.
// The sentences are synthetic.
func TestClauseOf(t *testing.T) {
	for _, tc := range []struct{ text, value, want string }{
		{"Trước sắp xếp, tỉnh A có 212 đơn vị.", "212 đơn vị", "tỉnh A có 212 đơn vị"},
		{"Trong đó, Đài X có 175 người, Báo Y có 61 người.", "61 người", "Báo Y có 61 người"},
		{"the total number of offices arranged: 120 offices (A 73 offices; B 47 offices)", "120 offices", "the total number of offices arranged: 120 offices"},
		{"B 47 offices; the centre took 1.208 records and 2,804 citizens", "2,804 citizens", "the centre took 1.208 records and 2,804 citizens"},
	} {
		a := len(tc.text) - len(tc.value)
		for i := 0; i+len(tc.value) <= len(tc.text); i++ {
			if tc.text[i:i+len(tc.value)] == tc.value {
				a = i
				break
			}
		}
		got := clauseOf(tc.text, a, a+len(tc.value))
		if trimmed := strings.TrimSpace(got); trimmed != tc.want {
			t.Errorf("clauseOf(%q, %q) = %q, want %q", tc.text, tc.value, trimmed, tc.want)
		}
	}
}
