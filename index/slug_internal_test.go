package index

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// The addresses are synthetic.
func TestSlugPlaces(t *testing.T) {
	tests := []struct {
		source string
		want   string // prefix|name, one per place
	}{
		{"https://thunghiem.example/tin/phuong-thu-nghiem-dai-hoi-12345.html", "phuong|thu nghiem dai hoi"},
		{"https://thunghiem.example/tin/thi-xa-mau-chung-ra-quan/", "thi xa|mau chung ra"}, // "quan" is a prefix (quận)
		{"https://thunghiem.example/phuong-3-tiep-dan.htm", "phuong|3"},
		{"https://thunghiem.example/sap-nhap-3-phuong-thanh-mot-phuong-1424780.ldo", "phuong|thanh mot"},
		{"https://thunghiem.example/tp-thu-nghiem-p-mau-chung.html", ""}, // short forms are any word in an address
		{"https://thunghiem.example/tin-tuc?id=phuong-thu", ""},
		{"not a url %zz", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range slugPlaces(tt.source) {
			got = append(got, placeKey(p.prefix, p.name))
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("slugPlaces(%q) = %q, want %q", tt.source, got, tt.want)
		}
	}
}

// TestAddressPlaces: an address's words after a place prefix count only as
// far as they spell a place the corpus names after that prefix — not an
// English slug's "to"/"ban", nor "tổ chức" or "bản đồ" in a Vietnamese
// one. Places, pages and addresses are synthetic.
func TestAddressPlaces(t *testing.T) {
	// The corpus names its places somewhere, as a portal does.
	named := content.Article{Title: "Lịch tiếp công dân", Source: "https://thunghiem.example/lich-tiep-dan.html", Paragraphs: []string{
		"UBND phường Thử Nghiệm và UBND thị xã Mẫu Chung tiếp công dân vào sáng thứ Năm.",
		"Tổ chức tiếp dân tại trụ sở UBND phường 3, phường Thanh Bình, bản Đồi Thông và tổ Dân Hòa.",
	}}
	// An English page names its places after their name.
	namedEnglish := content.Article{Title: "Citizen reception", Source: "https://thunghiem.example/en/reception.html", Paragraphs: []string{
		"Officials in Phu Hoa ward and Ward 5 receive citizens on Thursdays.",
	}}
	english := []content.Term{{Short: "ward", Long: []string{"phường"}}, {Short: "hamlet", Long: []string{"thôn", "xóm"}}}
	tests := []struct {
		source string
		want   []string
	}{
		{"https://thunghiem.example/tin/phuong-thu-nghiem-dai-hoi-hoi-nong-dan-12345.html", []string{"thu", "nghiem"}},
		{"https://thunghiem.example/tin/thi-xa-mau-chung-ra-quan-dau-nam/", []string{"mau", "chung"}},
		{"https://thunghiem.example/phuong-3-tiep-dan.htm", []string{"3"}},
		{"https://thunghiem.example/ban-doi-thong-don-tet.html", []string{"doi", "thong"}},
		{"https://thunghiem.example/tin/to-dan-hoa-ra-quan.html", []string{"dan", "hoa"}},
		{"https://thunghiem.example/en/phuong-phu-hoa-tiep-dan-99.html", []string{"phu", "hoa"}},
		{"https://thunghiem.example/en/phuong-5-tiep-dan.html", []string{"5"}},
		{"https://thunghiem.example/en/phuong-in-phu-hoa.html", nil}, // "in" is not in the name
		// A place the corpus never names is not taken from an address, nor
		// the start of one it names ("phường Thanh Bình").
		{"https://thunghiem.example/tin/sap-nhap-3-phuong-thanh-mot-phuong-1424780.ldo", nil},
		{"https://thunghiem.example/tin/phuong-vo-danh-dai-hoi-55.html", nil},
		// English addresses.
		{"https://thunghiem.example/en/how-to-register-a-household-in-thu-nghiem-ward-77.html", nil},
		{"https://thunghiem.example/en/ban-on-open-burning-from-june", nil},
		{"https://thunghiem.example/en/thu-nghiem-merges-hotlines-to-improve-access-to-information-88.html", nil},
		// Vietnamese words that fold like a prefix.
		{"https://thunghiem.example/tin/hdnd-phuong-to-chuc-ky-hop-thu-nhat.html", nil},
		{"https://thunghiem.example/tin/ban-do-danh-sach-tru-so-sau-sap-nhap", nil},
		{"https://thunghiem.example/tin/ap-dung-quy-trinh-moi.html", nil},
	}
	for _, tt := range tests {
		page := content.Article{Title: "Thông báo", Source: tt.source, Paragraphs: []string{"Nội dung thông báo gửi người dân."}}
		got := addressPlaces([]content.Article{named, namedEnglish, page}, english)[2]
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: place words %q, want %q", tt.source, got, tt.want)
		}
	}
	// A page that names a place in its text is never read by its address.
	page := content.Article{Title: "Hội Nông dân phường Mẫu Chung", Source: "https://thunghiem.example/phuong-thu-nghiem-hoi-nong-dan.html"}
	if got := addressPlaces([]content.Article{named, namedEnglish, page}, english); len(got) != 0 {
		t.Errorf("a page naming its place took %v from its address", got)
	}
}
