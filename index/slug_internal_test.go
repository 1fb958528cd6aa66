package index

import (
	"slices"
	"testing"
)

// The addresses are synthetic.
func TestSlugPlaceWords(t *testing.T) {
	tests := []struct {
		source string
		want   []string
	}{
		{"https://thunghiem.example/tin/phuong-thu-nghiem-dai-hoi-12345.html", []string{"thu", "nghiem", "dai", "hoi"}},
		{"https://thunghiem.example/tin/thi-xa-mau-chung-ra-quan/", []string{"mau", "chung", "ra"}}, // "quan" is a prefix (quận)
		{"https://thunghiem.example/phuong-3-tiep-dan.htm", []string{"3"}},
		{"https://thunghiem.example/sap-nhap-3-phuong-thanh-mot-phuong-1424780.ldo", []string{"thanh", "mot"}},
		{"https://thunghiem.example/tp-thu-nghiem-p-mau-chung.html", nil}, // short forms are any word in an address
		{"https://thunghiem.example/tin-tuc?id=phuong-thu", nil},
		{"not a url %zz", nil},
	}
	for _, tt := range tests {
		if got := slugPlaceWords(tt.source); !slices.Equal(got, tt.want) {
			t.Errorf("slugPlaceWords(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
}
