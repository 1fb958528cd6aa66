package index

import "testing"

// TestEnglishDay: a Vietnamese question's weekday is named by an English
// page's weekday in English ("every Friday" for "thứ sáu"), and another
// weekday still is not (synthetic page, invented names and times).
func TestEnglishDay(t *testing.T) {
	page := "synthetic: true\ntitle: Shuttle bus for officials of Song May province\n\n" +
		"Synthetic article: every name and figure below is invented for tests.\n\n" +
		"The shuttle bus departs from Ben Lau City at 5:15 AM every Monday and departs from Song May City at 4:45 PM every Friday.\n"
	ix := loadedIndex(t, map[string]string{"en-bus.txt": page})
	if got := englishDay([][]string{{"thu", "sau"}, {"thu", "6"}}); got != "friday" {
		t.Errorf("englishDay(thứ sáu) = %q, want friday", got)
	}
	assertTop(t, ix, []topCase{ // want "" for a decline
		{"xe đưa cán bộ từ Song May về Ben Lau chạy lúc mấy giờ thứ sáu?", "4:45 PM"},
		{"xe đưa cán bộ từ Song May về Ben Lau chạy lúc mấy giờ thứ bảy?", ""},
	})
}
