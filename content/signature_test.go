package content

import (
	"reflect"
	"testing"
)

// TestSignatures: the lines that close an article name its author — a
// person, the office that publishes, or a signed notice's block — and leave
// the body.
func TestSignatures(t *testing.T) {
	const head = "synthetic: true\ntitle: Thông báo thử nghiệm\n\nNội dung thử nghiệm của xã Thử Nghiệm.\n\n"
	tests := []struct {
		name   string
		end    string // the article's closing lines
		author string
		body   []string // paragraphs after the first
	}{
		{"office", "UBND phường Giả Định", "UBND phường Giả Định", nil},
		{"centre", "Trung tâm Hành chính công thị xã Mẫu", "Trung tâm Hành chính công thị xã Mẫu", nil},
		{"office spelled out", "Ủy ban nhân dân xã Thử Nghiệm", "Ủy ban nhân dân xã Thử Nghiệm", nil},
		{"signed block", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nNguyễn Văn Mẫu", "Nguyễn Văn Mẫu - TM. ỦY BAN NHÂN DÂN - CHỦ TỊCH", nil},
		{"signed for the head", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Thị Thử", "Trần Thị Thử - KT. GIÁM ĐỐC - PHÓ GIÁM ĐỐC", nil},
		{"one line", "TM. ỦY BAN NHÂN DÂN PHƯỜNG CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN PHƯỜNG CHỦ TỊCH", nil},
		{"office and person", "Phòng Văn hóa - Thông tin\nNgô Thị Mẫu", "Ngô Thị Mẫu - Phòng Văn hóa - Thông tin", nil},
		{"person", "Lê Văn Thử - Văn phòng HĐND và UBND thị xã", "Lê Văn Thử - Văn phòng HĐND và UBND thị xã", nil},
		{"byline", "Tin, ảnh: Ngô Thị Mẫu", "Ngô Thị Mẫu", nil},
		// "Đoàn" names an office ("Đoàn Thanh niên") and is a surname.
		{"surname Đoàn", "Đoàn Thị Mẫu", "Đoàn Thị Mẫu", nil},
		{"youth union", "Đoàn Thanh niên xã Thử Nghiệm", "Đoàn Thanh niên xã Thử Nghiệm", nil},
		// Not signatures: sentences, a post alone, list items, labels.
		{"sentence", "Ban Chỉ đạo đề nghị nhân dân thực hiện nghiêm các quy định.", "",
			[]string{"Ban Chỉ đạo đề nghị nhân dân thực hiện nghiêm các quy định."}},
		{"post alone", "CHỦ TỊCH", "", []string{"CHỦ TỊCH"}},
		{"list item", "Nơi nhận:\n- Phòng Nội vụ thị xã", "", []string{"Nơi nhận:", "- Phòng Nội vụ thị xã"}},
		{"label", "Nơi nhận: Phòng Nội vụ thị xã", "", []string{"Nơi nhận: Phòng Nội vụ thị xã"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Parse("ky.txt", []byte(head+tt.end+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := a.Author, tt.author; got != want {
				t.Errorf("Author = %q, want %q", got, want)
			}
			if got, want := a.Paragraphs[1:], tt.body; len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
				t.Errorf("paragraphs after the first = %q, want %q", got, want)
			}
		})
	}
}
