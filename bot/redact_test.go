package bot

import (
	"strings"
	"testing"
)

// The names, addresses and numbers below are synthetic.
func TestRedact(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"phone", "gọi 0912 345 678 được không", "gọi … được không"},
		{"email", "gửi về mau.thu@example.com nhé", "gửi về … nhé"},
		{"cccd", "CCCD 001099012345 bị mất", "CCCD … bị mất"},
		{"introduced name", "Tôi là Nguyễn Văn Mẫu, muốn hỏi giờ làm việc", "Tôi là …, muốn hỏi giờ làm việc"},
		{"introduced name unaccented", "toi la nguyen van mau muon hoi gio lam viec", "toi la … muon hoi gio lam viec"},
		{"name after ten", "em tên là lan thử, cho em hỏi thủ tục khai sinh", "em tên là …, cho em hỏi thủ tục khai sinh"},
		{"not a name", "tôi là người dân xã Thử Nghiệm", "tôi là người dân xã Thử Nghiệm"},
		{"honorific", "chị Mai ở phường hỏi về hộ khẩu", "chị … ở phường hỏi về hộ khẩu"},
		{"full name", "hồ sơ của Trần Thị Mẫu Thử nộp ở đâu", "hồ sơ của … nộp ở đâu"},
		{"street named after a person", "trụ sở ở đường Nguyễn Văn Cừ phải không", "trụ sở ở đường Nguyễn Văn Cừ phải không"},
		{"house address", "nhà tôi ở số 12 ngõ 34 phố Thử, xin hỏi phường nào", "nhà tôi ở …, xin hỏi phường nào"},
		{"house address unaccented", "nha toi o so 12 ngo 34 pho thu thi thuoc phuong nao", "nha toi o … thi thuoc phuong nao"},
		{"house number", "số nhà 5 có phải đăng ký lại không", "số nhà … có phải đăng ký lại không"},
		{"alley", "hẻm 12/3 đường Thử thuộc phường nào", "hẻm … thuộc phường nào"},
		{"ward kept", "tôi ở phường Thử Nghiệm, giờ làm việc thế nào", "tôi ở phường Thử Nghiệm, giờ làm việc thế nào"},
		{"lower-case full name", "toi la nguyen thi mau thu muon hoi", "toi la … muon hoi"},
		{"going to a city", "tôi muốn đi Hà Nội làm hộ chiếu", "tôi muốn đi Hà Nội làm hộ chiếu"},
		{"english", "My name is Mau Thu, I live at 12 Thu street", "My name is …, I live at …"},
		{"question kept", "UBND xã Thử Nghiệm làm việc mấy giờ", "UBND xã Thử Nghiệm làm việc mấy giờ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Redact(tt.in); got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzRedact: redaction never lengthens a question beyond the ellipses it
// adds, and never panics on arbitrary text.
func FuzzRedact(f *testing.F) {
	for _, s := range []string{"tôi là Nguyễn Văn A", "nhà tôi ở số 12 ngõ 34", "hẻm 12/3", "…", "chị"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Redact(s)
		if n := strings.Count(got, "…") - strings.Count(s, "…"); len(got) > len(s)+n*len("…") {
			t.Errorf("Redact(%q) = %q: longer than the input", s, got)
		}
	})
}
