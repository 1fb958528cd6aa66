package index

import (
	"slices"
	"testing"
)

// TestCapitalisedNameNotMended: a capitalised word inside a question whose
// letters a page writes is a name, mended in its marks only. "Thục", which
// an English page writes "Thuc Lam ward", is not read as "thuộc", though
// the Vietnamese page writes "phường thuộc" more often than the English
// one the name (synthetic pages, invented wards); a name typed with a
// wrong mark is still mended, and a word typed in small letters is read
// as before.
func TestCapitalisedNameNotMended(t *testing.T) {
	ix := loadedIndex(t, map[string]string{
		"thuc-lam.txt": `synthetic: true
title: Vi Lam city forms 3 new wards

Synthetic test article: every name, number and date below is invented.

Thuc Lam ward was established from the merger of 5 administrative units: Hop Son ward, Song Lam ward, De Vy ward, Hung Lam commune and Hoang Vy commune.
`,
		"wards.txt": `synthetic: true
title: Các phường thuộc thành phố Vi Lâm

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Các phường thuộc thành phố gồm phường Hợp Sơn, phường Sông Lâm; các xã thuộc huyện gồm xã Hưng Lâm.

Ủy ban nhân dân các phường thuộc thành phố tiếp công dân vào thứ Năm; công an các phường thuộc thành phố tiếp nhận hồ sơ cả ngày thứ Bảy.
`,
	})
	for _, tt := range []struct {
		q    string
		want string // the folded word the question's second word is read as
	}{
		{"Phường Thục Lâm được hợp nhất từ mấy đơn vị?", "thuc"},
		{"Phường Hợp Sờn được hợp nhất từ mấy đơn vị?", "son"},
		{"các phường thục thành phố tiếp công dân ngày nào?", "thuoc"},
	} {
		pq := ix.parse(tt.q)
		if len(pq.folded) < 2 || pq.folded[1] != tt.want && !slices.Contains(pq.folded, tt.want) {
			t.Errorf("%q read as %q, want %q", tt.q, pq.folded, tt.want)
		}
	}
}
