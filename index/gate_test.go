package index

import (
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestIsEnglishText: the answer bar is lower for an English page's units
// (englishCoverage), so which units are English matters.
func TestIsEnglishText(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"With 21 civil servants, the Center has organized its staff into three departments.", true},
		{"The new commune was established by merging two communes and a town.", true},
		{"Xã Giả Định mới có diện tích tự nhiên 45,6 km², dân số 12.345 người.", false},
		// Vietnamese typed without accents is not English.
		{"xa gia dinh moi co dien tich 45,6 km2 va dan so 12.345 nguoi", false},
		// A name or a heading alone is not enough to tell.
		{"Thu Nghiem Commune", false},
	} {
		folded := " " + strings.Join(foldWords(tt.text), " ") + " "
		if got := isEnglishText(tt.text, folded); got != tt.want {
			t.Errorf("isEnglishText(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestNestedListContext: an item after a nested list is still introduced
// by the outer list's sentence (synthetic page).
func TestNestedListContext(t *testing.T) {
	a := &content.Article{Paragraphs: []string{
		"Tổng quan đơn vị hành chính tỉnh Mẫu sau khi sáp nhập như sau:",
		"• Diện tích tự nhiên: 1.234,5 km²",
		"• Tiếp giáp:",
		"• Phía Bắc giáp tỉnh Giả Định",
		"• Dân số: 765.432 người",
	}}
	units, _, _ := articleUnits(0, a)
	for _, u := range units {
		if strings.Contains(u.text, "765.432") {
			if !strings.Contains(u.context, "Tổng quan") {
				t.Errorf("context of %q = %q, want the outer list's introduction", u.text, u.context)
			}
			return
		}
	}
	t.Fatal("no unit holds the population line")
}
