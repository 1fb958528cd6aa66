package index

import (
	"testing"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestTraitPrefilters checks that the cheap checks run before nameRe and
// spanRe never turn away a text the expressions match, on hand-written
// cases and on every unit of a synthetic corpus.
func TestTraitPrefilters(t *testing.T) {
	texts := []string{
		"Ông Nguyễn Văn Giả, Chủ tịch UBND xã, phát biểu.",
		"Đại biểu: bà  Trần Thị Thử và đ/c Lê Minh Định.",
		"(Anh\tHoàng Văn Mẫu) cho biết",
		"đồng chí Phạm Văn Ví dụ",
		"thanh niên Hải Đăng",
		"ông bà ta nói",
		"trong 3 ngày, hai tuần và nhiều NĂM",
		"Sau MỘT THÁNG triển khai",
		"12 giờ",
		"quý 2",
		"không có gì",
	}
	for _, a := range synth.Corpus(3, 200, 300).Articles {
		texts = append(texts, a.Title)
		texts = append(texts, a.Paragraphs...)
	}
	var names, spans int
	for _, s := range texts {
		if nameRe.MatchString(s) {
			names++
			if !mayName(s) {
				t.Errorf("mayName(%q) = false, but nameRe matches", s)
			}
		}
		if spanRe.MatchString(s) {
			spans++
			if !maySpan(s) {
				t.Errorf("maySpan(%q) = false, but spanRe matches", s)
			}
		}
	}
	if names < 4 || spans < 4 {
		t.Errorf("only %d names and %d spans among the texts: the test checks too little", names, spans)
	}
	for _, s := range []string{"thanh niên hải đăng", "không có gì", "ông bà ta nói"} {
		if mayName(s) {
			t.Errorf("mayName(%q) = true, want false", s)
		}
	}
	if maySpan("không có gì") {
		t.Error("maySpan(\"không có gì\") = true, want false")
	}
}
