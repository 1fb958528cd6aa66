package bot

import (
	"reflect"
	"strings"
	"testing"
)

func TestFollowUpWords(t *testing.T) {
	tests := []struct {
		in    string
		more  bool
		field string
	}{
		{"xem thêm", true, ""}, {"Xem them!", true, ""}, {"tiếp", true, ""}, {"còn gì nữa?", true, ""}, {"more", true, ""},
		{"còn số fax?", false, "fax"}, {"con so fax", false, "fax"}, {"email?", false, "email"}, {"Số điện thoại?", false, "phone"},
		{"địa chỉ ở đâu", false, "address"}, {"thư điện tử", false, "email"},
		{"số fax của ủy ban xã Thử Nghiệm", false, ""}, // names an office: a new question
		{"xem thêm về sáp nhập", false, ""}, {"sáp nhập", false, ""},
		{"hotline?", false, "hotline"}, {"còn đường dây nóng thì sao", false, "hotline"}, {"số điện thoại trực ban", false, "hotline"},
		{"số điện thoại đường dây nóng", false, "hotline"}, {"số fax đường dây nóng", false, "fax"}, {"giờ làm việc?", false, "hours"},
		{"hotline của công an", false, ""}, // names an office: see TestContactQuestion
		{"ở đây", false, ""},               // "đây" folds to "day", not a hotline
	}
	for _, tt := range tests {
		if got := isMore(tt.in); got != tt.more {
			t.Errorf("isMore(%q) = %v, want %v", tt.in, got, tt.more)
		}
		if got, _ := contactField(tt.in); got != tt.field {
			t.Errorf("contactField(%q) = %q, want %q", tt.in, got, tt.field)
		}
	}
}

func TestContactQuestion(t *testing.T) {
	tests := []struct {
		in    string
		field string
		rest  []string
	}{
		{"hotline của công an", "hotline", []string{"cua", "cong", "an"}},
		{"Đường dây nóng Trạm Y tế", "hotline", []string{"tram", "y", "te"}},
		{"số điện thoại trực ban công an thị xã", "hotline", []string{"cong", "an", "thi", "xa"}},
		{"giờ làm việc của bộ phận một cửa", "hours", []string{"cua", "bo", "phan", "mot", "cua"}},
		{"email phòng tư pháp", "email", []string{"phong", "tu", "phap"}},
		{"sáp nhập thôn", "", []string{"sap", "nhap", "thon"}},
	}
	for _, tt := range tests {
		field, rest := contactQuestion(tt.in)
		if field != tt.field || !reflect.DeepEqual(rest, tt.rest) {
			t.Errorf("contactQuestion(%q) = %q, %q; want %q, %q", tt.in, field, rest, tt.field, tt.rest)
		}
	}
}

func TestNumberAndCommand(t *testing.T) {
	for in, want := range map[string]int{"3": 3, " 12 ": 12, "số 2": 2, "0": 0, "2 3": 0, "18-NQ/TW": 0, "x": 0} {
		if got, _ := number(in); got != want {
			t.Errorf("number(%q) = %d, want %d", in, got, want)
		}
	}
	tests := []struct{ in, name, to, args string }{
		{"/tim  sáp nhập ", "tim", "", "sáp nhập"},
		{"/HELP@KyAnhBot", "help", "KyAnhBot", ""},
		{"/nghiquyet@bot 18", "nghiquyet", "bot", "18"},
	}
	for _, tt := range tests {
		name, to, args, ok := command(tt.in)
		if !ok || name != tt.name || to != tt.to || args != tt.args {
			t.Errorf("command(%q) = %q %q %q %v", tt.in, name, to, args, ok)
		}
	}
	if _, _, _, ok := command("/"); ok {
		t.Error(`command("/") is a command`)
	}
}

func TestCleanClipAnonymise(t *testing.T) {
	if got, want := clean(" so\xff dien\u200b\tthoai \n"), "so dien thoai"; got != want {
		t.Errorf("clean = %q, want %q", got, want)
	}
	q, clipped := clip(strings.Repeat("ủy ban ", 1000))
	if !clipped || len([]rune(q)) > maxQuestion || strings.HasSuffix(q, " ") {
		t.Errorf("clip: %d runes, clipped=%v", len([]rune(q)), clipped)
	}
	if _, clipped := clip("ngắn"); clipped {
		t.Error("clip clipped a short question")
	}
	if got, want := anonymise("Tôi là A, gọi 0912 345 678 hoặc a.b@mail.example hỏi lịch tiêm"), "toi la goi hoac hoi lich tiem"; got != want {
		t.Errorf("anonymise = %q, want %q", got, want)
	}
	if got, want := stripMention("@KyAnhBot  so fax?", "kyanhbot"), "so fax?"; got != want {
		t.Errorf("stripMention = %q, want %q", got, want)
	}
}

// TestCatalogComplete: every fixed string exists in every language.
func TestCatalogComplete(t *testing.T) {
	for l, m := range catalog {
		v := reflect.ValueOf(*m)
		for i := 0; i < v.NumField(); i++ {
			name := v.Type().Field(i).Name
			if v.Field(i).IsZero() {
				t.Errorf("%s: %s is empty", l, name)
			}
		}
		if len(m.Examples) != len(catalog[vi].Examples) || len(m.Fields) != len(catalog[vi].Fields) {
			t.Errorf("%s: examples or field names differ in number from vi", l)
		}
	}
}

func TestCallbackDataBounded(t *testing.T) {
	if got := data(cbDocument, strings.Repeat("9", 70)); got != "" {
		t.Errorf("data over 64 bytes = %q, want none", got)
	}
	if got := data(cbMore, "12", "345"); got != "m:1:12:345" {
		t.Errorf("data = %q", got)
	}
}

// TestCleanInvalidUTF8: a stray byte inside a word is read as the
// Vietnamese letter it is in the single-byte encodings, or dropped, so the
// word stays one searchable word; stray bytes between words are a space.
func TestCleanInvalidUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"gi\xe1 làm", "giá làm"},
		{"th\xe1nh ph\xf4", "thánh phô"},
		{"\xd0\xf4ng", "Đông"},
		{"UB\x80ND", "UBND"},       // no letter: dropped, not a space
		{"so\xff dien", "so dien"}, // ÿ is no Vietnamese letter
		{"so dien \xff\xfe thoai", "so dien thoai"},
		{"\xe1", ""},
		{"số điện thoại", "số điện thoại"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
