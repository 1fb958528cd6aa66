package content

import "testing"

// TestCountedHead: a count answers "bao nhiêu <noun> …" when its noun
// begins with the same two syllables as the question's, whatever words
// follow each (synthetic sentences).
func TestCountedHead(t *testing.T) {
	for _, tt := range []struct {
		question, text string
		want           bool
	}{
		{"Đại hội có bao nhiêu đại biểu dự?", "Dự Đại hội có 120 đại biểu tiêu biểu của các chi hội.", true},
		{"bao nhieu dai bieu chinh thuc", "Tham dự có 75 đại biểu chính thức.", true},
		{"Đại hội có bao nhiêu đại biểu dự?", "Đại hội bầu 15 ủy viên Ban Chấp hành.", false},
		// "đơn vị" is a classifier: the noun after it is what is counted.
		{"Xã có bao nhiêu đơn vị sự nghiệp?", "Xã có 12 đơn vị hành chính cấp thôn.", false},
	} {
		asked := AskedTypes(tt.question)
		got := false
		for _, v := range Values(tt.text) {
			if Answers(asked, v) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%q answered by %q = %v, want %v (asked %v, values %v)", tt.question, tt.text, got, tt.want, asked, Values(tt.text))
		}
	}
}
