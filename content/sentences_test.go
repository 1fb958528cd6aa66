package content

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Câu thứ nhất. Câu thứ hai.", []string{"Câu thứ nhất.", "Câu thứ hai."}},
		{"question and exclamation", "Ai? Tôi! Vậy thôi.", []string{"Ai?", "Tôi!", "Vậy thôi."}},
		{"dates and codes", "Kết luận số 05-KL/TU ngày 29/6/2016 của Ban. Tiếp theo.", []string{"Kết luận số 05-KL/TU ngày 29/6/2016 của Ban.", "Tiếp theo."}},
		{"dotted issuer", "Chương trình số 22, 23 - CTr/Th.U và Kế hoạch. Sau đó.", []string{"Chương trình số 22, 23 - CTr/Th.U và Kế hoạch.", "Sau đó."}},
		{"abbreviation TP.", "Trụ sở ở TP. Hà Tĩnh mới. Xong.", []string{"Trụ sở ở TP. Hà Tĩnh mới.", "Xong."}},
		{"initial", "Ông Nguyễn V. An phát biểu. Xong.", []string{"Ông Nguyễn V. An phát biểu.", "Xong."}},
		{"decimal", "Tăng 1.250 hộ và 3.5 ha. Xong.", []string{"Tăng 1.250 hộ và 3.5 ha.", "Xong."}},
		{"lower case after dot", "Viết tắt v.v. còn nữa.", []string{"Viết tắt v.v. còn nữa."}},
		{"ellipsis in a list", "Hội Người mù, Hội bảo trợ... Hội Chữ thập đỏ.", []string{"Hội Người mù, Hội bảo trợ... Hội Chữ thập đỏ."}},
		{"semicolon does not split", "Hợp nhất hai hội; sáp nhập ba thôn. Xong.", []string{"Hợp nhất hai hội; sáp nhập ba thôn.", "Xong."}},
		{"line breaks", "Dòng một\nDòng hai", []string{"Dòng một", "Dòng hai"}},
		{"quote closes sentence", `Về "tiếp tục đổi mới." Sau đó.`, []string{`Về "tiếp tục đổi mới."`, "Sau đó."}},
		{"digit starts next", "Năm 2019. 2020 là năm khác.", []string{"Năm 2019.", "2020 là năm khác."}},
		{"white space cleaned", "  Một\u00a0 câu.  ", []string{"Một câu."}},
		{"empty", " \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNormalSentencesMakeNormalParagraph: a paragraph that is nothing but
// its sentences, one space apart, each its own Normalize form, is its own
// Normalize form, so that the build learns which paragraphs need no
// normalising from the sentences it normalises anyway (index.articleUnits).
// Random paragraphs of letters in either case, decomposed and combining
// marks, the tone placements Normalize moves, every kind of white space,
// the stops and quotes Sentences splits at, other scripts and invalid
// UTF-8; half of them normalised first.
func TestNormalSentencesMakeNormalParagraph(t *testing.T) {
	pieces := []string{
		"a", "B", "hòa", "hoà", "HOÀ", "khỏe", "khoẻ", "thuỷ", "Thủy", "ủy", "uỷ", "quốc", "Ủy ban", "đ", "Đ",
		"e\u0301", "o\u0302\u0301", "\u0301", "\u0323", "A\u030a", "Å", "ﬁ", "ǅ", "1", "29/6/2016", "18-NQ/TW",
		" ", " ", "  ", "\t", "\n", "\n\n", "\u00a0", "\u2003", "\u3000", "\r",
		".", ". ", "!", "?", "...", "…", "\"", "'", ")", "]", "»", "”", "’", "(", "“", "«", "[", ";", ":", ",",
		"TP.", "ThS.", "V.", "Nguyễn", "Hà Tĩnh", "Chủ tịch", "x", "日本", "Ωμέγα", "\xff", "\xe1\xbb",
	}
	made := func(p string, sentences []string) bool {
		at := 0
		for i, s := range sentences {
			if i > 0 {
				if at >= len(p) || p[at] != ' ' {
					return false
				}
				at++
			}
			if !strings.HasPrefix(p[at:], s) {
				return false
			}
			at += len(s)
		}
		return at == len(p)
	}
	r := rand.New(rand.NewSource(13))
	checked := 0
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := 1 + r.Intn(20); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		p := b.String()
		if n%2 == 0 {
			p = Normalize(p)
		}
		sentences := Sentences(p)
		if len(sentences) == 0 || !made(p, sentences) {
			continue
		}
		normal := true
		for _, s := range sentences {
			normal = normal && Normalize(s) == s
		}
		if !normal {
			continue
		}
		checked++
		if Normalize(p) != p {
			t.Fatalf("the sentences %q of %q are normal, the paragraph is not: %q", sentences, p, Normalize(p))
		}
	}
	if checked < 50000 {
		t.Errorf("only %d paragraphs checked", checked)
	}
}
