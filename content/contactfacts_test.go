package content

import (
	"reflect"
	"testing"
)

// TestContactFacts: a contact stated in the text is a Contact with the
// office the statement names (or none), its address when given, and only
// numbers the article's other contacts do not already have. Synthetic
// wording and numbers.
func TestContactFacts(t *testing.T) {
	footer := Contact{Office: "Ủy ban nhân dân xã Thử Nghiệm", Phone: "0000 000 000", Email: "ubnd@thu.example"}
	type fact struct {
		Office, Address, Phone, Email string
		Extra                         []Field
	}
	tests := []struct {
		name string
		text []string
		want []fact
	}{
		{"label sentence completes the one before",
			[]string{"Nơi nộp hồ sơ: Bộ phận Một cửa xã Thử Nghiệm, Số 3 đường Mẫu, thôn Ví Dụ. Điện thoại: 0000 000 010."},
			[]fact{{Office: "Bộ phận Một cửa xã Thử Nghiệm", Address: "Số 3 đường Mẫu, thôn Ví Dụ", Phone: "0000 000 010"}}},
		{"office named before the number",
			[]string{"Để đăng ký trước, công dân liên hệ Văn phòng UBND xã, điện thoại 0000 000 011 hoặc email vanphong@thu.example."},
			[]fact{{Office: "Văn phòng UBND xã", Phone: "0000 000 011", Email: "vanphong@thu.example"}}},
		{"name with lower-case syllables",
			[]string{"Hồ sơ nộp tại Bộ phận Tiếp nhận và Trả kết quả - Trung tâm Hành chính công thị xã Mẫu, điện thoại 0000 000 012."},
			[]fact{{Office: "Bộ phận Tiếp nhận và Trả kết quả - Trung tâm Hành chính công thị xã Mẫu", Phone: "0000 000 012"}}},
		{"office before a verb",
			[]string{"Trường hợp cần hỗ trợ, UBND xã đề nghị người dân gọi số 0000 000 013."},
			[]fact{{Office: "UBND xã", Phone: "0000 000 013"}}},
		{"no office named",
			[]string{"Người dân có thể phản ánh qua đường dây nóng 0000 000 014."},
			[]fact{{Extra: []Field{{Label: "Đường dây nóng", Value: "0000 000 014"}}}}},
		{"two numbers",
			[]string{"Liên hệ Trạm Y tế xã Thử Nghiệm, điện thoại 0000 000 015 hoặc 0000 000 016."},
			[]fact{{Office: "Trạm Y tế xã Thử Nghiệm", Phone: "0000 000 015", Extra: []Field{{Label: "Điện thoại", Value: "0000 000 016"}}}}},
		{"same office twice",
			[]string{"Liên hệ Văn phòng UBND xã, điện thoại 0000 000 017.", "Văn phòng UBND xã nhận ý kiến qua email gopy@thu.example."},
			[]fact{{Office: "Văn phòng UBND xã", Phone: "0000 000 017", Email: "gopy@thu.example"}}},
		{"seat in the office's clause",
			[]string{"Trụ sở Hội Nông dân xã Thử Nghiệm đặt tại Nhà văn hóa thôn Mẫu; điện thoại liên hệ: 0000 000 018."},
			[]fact{{Office: "Hội Nông dân xã Thử Nghiệm", Address: "Nhà văn hóa thôn Mẫu", Phone: "0000 000 018"}}},
		// The footer's numbers are not repeated, in any spelling.
		{"footer's number", []string{"Mọi thắc mắc xin gọi điện thoại 0000.000.000 hoặc email UBND@thu.example."}, nil},
		// Numbers that are no phone: amounts, counts, no introducing word.
		{"amounts", []string{"Tổng thu đạt 18,6 tỷ đồng, tương đương 18.600.000.000 đồng; sản lượng 4.617 tấn."}, nil},
		{"no introducing word", []string{"Mã hồ sơ 0123 456 789 đã được cấp."}, nil},
		{"a contact block's own line", []string{"Điện thoại: 0000 000 000"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []fact
			for _, c := range findContactFacts(tt.text, []Contact{footer}) {
				got = append(got, fact{c.Office, c.Address, c.Phone, c.Email, c.Extra})
				if c.Sentence == "" || len(c.Lines) == 0 {
					t.Errorf("contact %+v lacks its sentence or lines", c)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// TestParseContactFacts: the footer and the text's statement are two
// contacts, in that order.
func TestParseContactFacts(t *testing.T) {
	a := mustParseFile(t, "testdata/facts/lich-tiep-dan.txt")
	if a.Author != "UBND phường Mẫu Thử" || a.Category != "Thông báo" {
		t.Errorf("author %q, category %q; want the office's signature and the notice section", a.Author, a.Category)
	}
	if got, want := len(a.Contacts), 2; got != want {
		t.Fatalf("got %d contacts, want %d: %+v", got, want, a.Contacts)
	}
	if got, want := a.Contacts[0].Phone, "0000 000 020"; got != want {
		t.Errorf("footer phone = %q, want %q", got, want)
	}
	c := a.Contacts[1]
	want := Contact{
		Office: "Văn phòng UBND phường", Phone: "0000 000 021", Email: "tiepdan@mauthu.example",
		Lines:    []string{"Văn phòng UBND phường", "Điện thoại: 0000 000 021", "Email: tiepdan@mauthu.example"},
		Sentence: "Để đăng ký trước, công dân liên hệ Văn phòng UBND phường, điện thoại 0000 000 021 hoặc email tiepdan@mauthu.example.",
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("stated contact =\n%+v\nwant\n%+v", c, want)
	}
}
