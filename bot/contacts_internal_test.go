package bot

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

func TestLabelKind(t *testing.T) {
	tests := []struct{ label, want string }{
		{"Đường dây nóng", "hotline"}, {"Hotline", "hotline"}, {"Điện thoại trực ban", "hotline"},
		{"Số điện thoại đường dây nóng", "hotline"}, {"Điện thoại di động", "phone"}, {"ĐT", "phone"},
		{"Fax", "fax"}, {"Số fax", "fax"}, {"E-mail", "email"}, {"Thư điện tử", "email"},
		{"Thời gian làm việc", "hours"}, {"Giờ làm việc", "hours"}, {"Trang thông tin điện tử", "website"},
		{"Chánh Văn phòng", ""}, {"Trưởng Công an xã", ""}, {"Đơn vị", ""}, // "don vi": no "dt" inside a word
	}
	for _, tt := range tests {
		if got := labelKind(tt.label, ""); got != tt.want {
			t.Errorf("labelKind(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

// TestContactLines checks the order of a block's lines, the same as the
// index's contact units, and whose label each line gets.
func TestContactLines(t *testing.T) {
	r := &request{t: catalog[vi]}
	c := content.Contact{
		Office: "Công an xã Thử Nghiệm (synthetic)", Person: "Lê Văn Giả", Website: "thunghiem.example",
		Email: "ca@thunghiem.example", Fax: "0000 000 021", Phone: "0000 000 020", PhoneLabel: "Điện thoại trực ban",
		Address: "Thôn Mẫu Thử", Extra: []content.Field{{Label: "Đường dây nóng", Value: "0000 000 029"}, {Label: "Thời gian làm việc", Value: "cả ngày"}},
	}
	var got []string
	for _, l := range contactLines(r, c) {
		got = append(got, l.kind+"|"+l.label)
	}
	want := []string{"address|Địa chỉ", "hotline|Điện thoại trực ban", "fax|Fax", "email|Email", "website|Website",
		"hotline|Đường dây nóng", "hours|Thời gian làm việc", "person|Người chịu trách nhiệm"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contactLines = %q\nwant %q", got, want)
	}
}

// TestContactHTMLEscapes checks that the publisher's labels and values are
// escaped like every other text, and long ones clipped.
func TestContactHTMLEscapes(t *testing.T) {
	r := &request{t: catalog[vi]}
	c := content.Contact{Office: "A & B <i>", Phone: "1 < 2", PhoneLabel: "ĐT <trực ban>",
		Extra: []content.Field{{Label: "<b>Giờ</b>", Value: strings.Repeat("x&", 300)}}}
	got := contactHTML(r, c)
	for _, want := range []string{"<b>A &amp; B &lt;i&gt;</b>", "📞 ĐT &lt;trực ban&gt;: 1 &lt; 2", "▪️ &lt;b&gt;Giờ&lt;/b&gt;: x&amp;x&amp;"} {
		if !strings.Contains(got, want) {
			t.Errorf("contactHTML lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "x&amp;") > maxFieldRunes/2 || !strings.HasSuffix(got, "…") {
		t.Errorf("long value not clipped:\n%s", got)
	}
}
