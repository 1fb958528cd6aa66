package content

import (
	"slices"
	"testing"
)

func TestPlaceNames(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ông A, Chủ tịch UBND tỉnh Mẫu Sơn, phát biểu.", []string{"tỉnh|Mẫu Sơn"}},
		{"sáp nhập xã Vi Du và thị xã Giả Định Mới NTM", []string{"xã|Vi Du", "thị xã|Giả Định Mới"}},
		{"các tổ dân phố Hòa Bình", []string{"tổ dân phố|Hòa Bình"}},
		{"tỉnh sẽ có 37 xã", nil},
		{"Tỉnh Mẫu Sơn", nil}, // capitalised: a name's own word, not a prefix
	}
	for _, tt := range tests {
		var got []string
		PlaceNames(tt.text, func(p, n string) { got = append(got, p+"|"+n) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("PlaceNames(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestEnglishPlaceNames(t *testing.T) {
	suffixes := map[string][]string{"province": {"tỉnh"}, "hamlet": {"thôn", "xóm"}}
	tests := []struct {
		text string
		want []string
	}{
		{"Vi Du Province has 12 wards.", []string{"tỉnh|Vi Du"}},
		{"the cadres of Lien Duc hamlet", []string{"thôn|Lien Duc", "xóm|Lien Duc"}},
		{"the province has 12 wards", nil},
		{"the PPC province", nil},
	}
	for _, tt := range tests {
		var got []string
		EnglishPlaceNames(tt.text, suffixes, func(p, n string) { got = append(got, p+"|"+n) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("EnglishPlaceNames(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
