package content

import (
	"testing"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"hoà", "hòa"},
		{"Hoà", "Hòa"},
		{"HOÀ", "HÒA"},
		{"khoẻ", "khỏe"},
		{"Thị uỷ", "Thị ủy"},
		{"Thị ủy", "Thị ủy"},
		{"thuỷ lợi", "thủy lợi"},
		{"Thuỵ", "Thụy"},
		{"toà án", "tòa án"},
		{"hoá", "hóa"},
		{"kết hợp hài hoà giữa", "kết hợp hài hòa giữa"},
		// Same in both habits: a final consonant, a third vowel, qu + y.
		{"hoàng", "hoàng"},
		{"khuyến", "khuyến"},
		{"hoài", "hoài"},
		{"quý", "quý"},
		{"quỷ", "quỷ"},
		{"thuở", "thuở"},
		{"Tuyên giáo", "Tuyên giáo"},
		// NFD input comes out composed.
		{norm.NFD.String("Kỳ Anh hoà"), "Kỳ Anh hòa"},
		// White space, including no-break spaces.
		{"  Ban Thường vụ \u00a0 Thị ủy\n Kỳ Anh ", "Ban Thường vụ Thị ủy Kỳ Anh"},
		{"\u00a0", ""},
		{"18-NQ/TW, 29/6/2016", "18-NQ/TW, 29/6/2016"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(tt.want); got != tt.want {
			t.Errorf("Normalize(%q) = %q, not idempotent", tt.want, got)
		}
	}
}

func TestNormalizeMatchesBothSpellings(t *testing.T) {
	// The shared article writes "Thị uỷ" and "Thị ủy" side by side.
	a := Normalize("sáp nhập Ban Dân vận Thị uỷ, Ban Tuyên giáo Thị ủy")
	b := Normalize("sáp nhập Ban Dân vận Thị ủy, Ban Tuyên giáo Thị uỷ")
	if a != b {
		t.Errorf("Normalize gives %q and %q for the two spellings", a, b)
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Thị uỷ", "thi uy"},
		{"Thị ủy", "thi uy"},
		{"Đảng bộ", "dang bo"},
		{"Ủy ban nhân dân thị xã Kỳ Anh", "uy ban nhan dan thi xa ky anh"},
		{"Sáp nhập", "sap nhap"},
		{"Trường học", "truong hoc"},
		{norm.NFD.String("Hưng Hòa"), "hung hoa"},
		{"02393 865 366", "02393 865 366"},
		{"ubtxkyanh@hatinh.gov.vn", "ubtxkyanh@hatinh.gov.vn"},
		{"VH-TT&DL", "vh-tt&dl"},
		// A superscript digit is the digit: "km²" is written "km2" too.
		{"12,5 km²", "12,5 km2"},
		{"800 M³", "800 m3"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCollapseSpace(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"a", "a"},
		{"Xã Giả Định có 12 thôn.", "Xã Giả Định có 12 thôn."},
		{" a", "a"},
		{"a ", "a"},
		{"a  b", "a b"},
		{"a\tb", "a b"},
		{"a\u00a0b", "a b"},
		{"a \u00a0 b", "a b"},
		{"a\u200bb", "ab"},
		{"\ufeffa", "a"},
		{"   ", ""},
		{"a\nb", "a b"},
	} {
		got := collapseSpace(tc.in)
		if got != tc.want {
			t.Errorf("collapseSpace(%q) = %q, want %q", tc.in, got, tc.want)
		}
		// Clean text comes back as it is, not copied.
		if tc.in == tc.want && tc.in != "" && unsafe.StringData(got) != unsafe.StringData(tc.in) {
			t.Errorf("collapseSpace(%q) copied clean text", tc.in)
		}
	}
}
