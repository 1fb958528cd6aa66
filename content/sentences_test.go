package content

import (
	"reflect"
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
