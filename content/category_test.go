package content

import "testing"

// TestCategory: the doubled heading above the headline is the article's
// section; side boxes' headings are not, and a heading that is a section on
// some pages and a side box on others counts only right above the headline.
func TestCategory(t *testing.T) {
	const body = "Thông báo thử nghiệm của phường Giả Định về lịch tiếp công dân\n\nNội dung thử nghiệm (synthetic) của phường Giả Định.\n"
	tests := []struct {
		name string
		top  string
		want string
	}{
		{"section", "Kinh tế Kinh tế\n\n« Quay lại\n\n", "Kinh tế"},
		{"notice section", "Đang truy cập: 5\n\nThông báo Thông báo\n\n« Trở về\n\n", "Thông báo"},
		{"Q&A section", "Hỏi đáp Hỏi đáp\n\n", "Hỏi đáp"},
		{"side box above the section", "Thông báo Thông báo\n\nChính trị Chính trị\n\n", "Chính trị"},
		{"section above a side box", "Chính trị Chính trị\n\nThông báo Thông báo\n\n", "Chính trị"},
		{"side box, then another", "Thông báo Thông báo\n\nTin mới Tin mới\n\n", ""},
		{"side box only", "Bản đồ hành chính Bản đồ hành chính\n\n", ""},
		{"breadcrumb", "Trang chủ » Tin tức » Thông báo\n\n", "Thông báo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Parse("c.txt", []byte("synthetic: true\n\n"+tt.top+body))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := a.Category, tt.want; got != want {
				t.Errorf("Category = %q, want %q", got, want)
			}
			if got, want := a.Title, "Thông báo thử nghiệm của phường Giả Định về lịch tiếp công dân"; got != want {
				t.Errorf("Title = %q, want %q", got, want)
			}
		})
	}
}
