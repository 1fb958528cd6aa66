package index

import (
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestTraitPrefilters checks that the cheap checks run with spanRe,
// dateRe and subjRe (or their readings by hand) never turn away a text the
// expressions match, on hand-written cases and on every unit of a
// synthetic corpus. (nameRe and timeRe need none now: hasNameShape and
// hasTimeShape, TestTraitWordsAsExpressions.)
func TestTraitPrefilters(t *testing.T) {
	texts := []string{
		"Ông Nguyễn Văn Giả, Chủ tịch UBND xã, phát biểu.",
		"Đại biểu: bà  Trần Thị Thử và đ/c Lê Minh Định.",
		"(Anh\tHoàng Văn Mẫu) cho biết",
		"đồng chí Phạm Văn Ví dụ",
		"thanh niên Hải Đăng",
		"ông bà ta nói",
		"trong 3 ngày, hai tuần và nhiều NĂM", "sau 15\tngày", "Mười  năm", "ba\nthang", "vài giờ",
		"Sau MỘT THÁNG triển khai",
		"12 giờ",
		"quý 2",
		"không có gì",
		"ngày 29/6/2016", "Kết luận số 05-KL/TU ngày 29.6.2016", "năm 2024", "tháng 12", "Quý IV", "trong năm  2024",
		"có 12 thôn", "năm nay có 3 xã",
		"từ 8h đến 11h30", "lúc 7 Giờ 30 phút", "13:30", "7.30 a.m.", "5 PM", "8 g", "năm 2024",
		"Nghị Quyết số 18 về việc sáp nhập", "kế hoạch triển khai về “chuyển đổi số”", "KẾT LUẬN VỀ VIỆC SẮP XẾP", "Đề án về việc thành lập", "quyết định về «quy chế»",
	}
	// Every count word of the lexicon, before every unit: the prefilter
	// and the expression read the same list.
	for _, c := range content.Lexicon.CountWords {
		for _, u := range spanUnits {
			texts = append(texts, "trong "+c+" "+u)
		}
	}
	for _, a := range synth.Corpus(3, 200, 300).Articles {
		texts = append(texts, a.Title)
		texts = append(texts, a.Paragraphs...)
	}
	var names, spans, dates, times, subjects int
	for _, s := range texts {
		if timeRe.MatchString(s) {
			times++
		}
		if subjRe.MatchString(s) {
			subjects++
			if !maySubject(content.Fold(s)) {
				t.Errorf("maySubject(%q) = false, but subjRe matches", s)
			}
		}
		if nameRe.MatchString(s) {
			names++
		}
		if dateRe.MatchString(s) {
			dates++
			if !mayDate(s) {
				t.Errorf("mayDate(%q) = false, but dateRe matches", s)
			}
		}
		if spanRe.MatchString(s) {
			spans++
			if !maySpan(s) {
				t.Errorf("maySpan(%q) = false, but spanRe matches", s)
			}
		}
	}
	if names < 4 || spans < 4 || dates < 4 || times < 4 || subjects < 4 {
		t.Errorf("only %d names, %d spans, %d dates, %d times and %d subjects among the texts: the test checks too little", names, spans, dates, times, subjects)
	}
	if maySubject(content.Fold("Báo cáo về việc sáp nhập")) {
		t.Error("maySubject(a report) = true, want false")
	}
	for _, s := range []string{"có 12 thôn", "năm nay có 3 xã", "trong năm  2024"} {
		if mayDate(s) {
			t.Errorf("mayDate(%q) = true, want false", s)
		}
	}
	for _, s := range []string{"không có gì", "năm nay", "trong năm 2024", "Ngày 12/3"} {
		if maySpan(s) {
			t.Errorf("maySpan(%q) = true, want false", s)
		}
	}
}
