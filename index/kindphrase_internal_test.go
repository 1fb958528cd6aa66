package index

import (
	"strings"
	"testing"
)

// TestKindPhraseNoBody: a glossary expansion that opens with a
// classifier ("đơn vị hành chính") or is a kind of place ("tổ dân phố")
// names a kind, not a body the answer must name: a page counting "52
// đơn vị cấp xã" answers how many administrative units of commune level
// a province has. A body's name ("Ủy ban nhân dân", "Mặt trận Tổ quốc")
// is one as before. Synthetic page: every name and figure is invented.
func TestKindPhraseNoBody(t *testing.T) {
	for _, tt := range []struct {
		alts [][]string
		body bool
	}{
		{[][]string{{"dvhc"}, {"don", "vi", "hanh", "chinh"}}, false},
		{[][]string{{"tdp"}, {"to", "dan", "pho"}}, false},
		{[][]string{{"ubnd"}, {"uy", "ban", "nhan", "dan"}}, true},
		{[][]string{{"mttq"}, {"mat", "tran", "to", "quoc"}}, true},
		{[][]string{{"tx"}, {"thi", "xa"}}, false},
	} {
		if got := namesBody(tt.alts); got != tt.body {
			t.Errorf("namesBody(%v) = %v, want %v", tt.alts, got, tt.body)
		}
	}
	ix := loadedIndex(t, map[string]string{
		"tinh.txt": `synthetic: true
title: Giới thiệu tỉnh Mẫu Định

Synthetic article: every name, place and figure below is invented for tests.

Tỉnh Mẫu Định nằm ở phía bắc, có diện tích 4.120 km².

Các phân cấp nhỏ hơn gồm 52 đơn vị, trong đó có 40 đơn vị cấp xã và 12 đơn vị cấp phường.
`,
	})
	pq := ix.parse("Tỉnh Mẫu Định có bao nhiêu đơn vị hành chính cấp xã?")
	for _, c := range pq.concepts {
		if c.entity && strings.Join(c.alts[0], " ") == "don vi hanh chinh" {
			t.Errorf("đơn vị hành chính read as a body: %+v", c)
		}
	}
	assertTop(t, ix, []topCase{{"Tỉnh Mẫu Định có bao nhiêu đơn vị hành chính cấp xã?", "52 đơn vị"}})
}
