package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestCountedNounEnglish: a Vietnamese count question's noun of several
// syllables ("công chức") is counted on an English unit in the
// glossary's English ("42 civil servants"), not by its first syllable's.
func TestCountedNounEnglish(t *testing.T) {
	page := "synthetic: true\ntitle: Mau Son ward staff\n\n" +
		"Synthetic article: every name and figure below is invented for tests.\n\n" +
		"The ward now has 42 civil servants; its hotline receives 120 calls a day.\n"
	ix := loadedIndex(t, map[string]string{"en.txt": page})
	var counted *signal
	for i := range signals {
		if signals[i].name == "counted_noun" {
			counted = &signals[i]
		}
	}
	if counted == nil {
		t.Fatal("no counted_noun signal")
	}
	for _, tc := range []struct {
		question, unit string
		want           bool
	}{
		{"Phường Mau Sơn có bao nhiêu công chức?", "The ward now has 42 civil servants and 5 contract workers.", true},
		{"Tổng đài nhận bao nhiêu cuộc gọi mỗi ngày?", "The line receives around 120 calls per day.", true},
		{"Phường Mau Sơn có bao nhiêu công chức?", "The ward now has 42 residential groups.", false},
		// A short form counted, by its long form's English; "<kind>-level"
		// between the number and the noun.
		{"Tỉnh Mẫu còn bao nhiêu ĐVHC cấp xã?", "The province has 38 commune-level administrative units.", true},
		{"Tỉnh Mẫu còn bao nhiêu ĐVHC cấp xã?", "The province has 38 commune-level officials.", false},
	} {
		pq := ix.parse(tc.question)
		cand := &candidate{u: &unit{traits: inEnglish}, folded: foldWords(tc.unit), coverage: foundCoverage}
		if got := counted.fn(ix, &pq, cand) > 0; got != tc.want {
			t.Errorf("%q over %q: counted %v, want %v (noun %v)", tc.question, tc.unit, got, tc.want, pq.countedWords)
		}
	}
}

// TestCountedShortForm: a counted noun typed as its short form ("bao
// nhiêu ĐVHC", "bn đvhc") counts what the short stands for: the page
// writes "130 đơn vị hành chính", never "130 ĐVHC". A count of another
// noun does not answer it.
func TestCountedShortForm(t *testing.T) {
	page := "synthetic: true\ntitle: Tỉnh Mẫu Thử sau sắp xếp\n\n" +
		"Bài tổng hợp: mọi tên và số liệu dưới đây đều là bịa, dùng để kiểm thử.\n\n" +
		"Sau sắp xếp, tỉnh Mẫu Thử còn 57 đơn vị hành chính cấp xã.\n"
	ix := loadedIndex(t, map[string]string{"vi.txt": page})
	var counted *signal
	for i := range signals {
		if signals[i].name == "counted_noun" {
			counted = &signals[i]
		}
	}
	for _, tc := range []struct {
		question, unit string
		want           bool
	}{
		{"Tỉnh Mẫu Thử còn bao nhiêu ĐVHC cấp xã?", "Sau sắp xếp, tỉnh Mẫu Thử còn 57 đơn vị hành chính cấp xã.", true},
		{"tinh mau thu con bn dvhc cap xa", "Sau sắp xếp, tỉnh Mẫu Thử còn 57 đơn vị hành chính cấp xã.", true},
		{"Tỉnh Mẫu Thử còn bao nhiêu ĐVHC cấp xã?", "Tỉnh Mẫu Thử có 12 thôn.", false},
	} {
		pq := ix.parse(tc.question)
		cand := &candidate{u: &unit{}, folded: foldWords(tc.unit), coverage: foundCoverage}
		if got := counted.fn(ix, &pq, cand) > 0; got != tc.want {
			t.Errorf("%q over %q: counted %v, want %v (noun %q, long %v)", tc.question, tc.unit, got, tc.want, pq.counted, pq.countedLong)
		}
		if !slices.ContainsFunc(pq.asked, func(a content.Asked) bool { return strings.Contains(a.Noun, "don vi hanh chinh") }) {
			t.Errorf("%q: asked %+v, want a count of don vi hanh chinh", tc.question, pq.asked)
		}
	}
}

// TestCountedPersonNoun: "bao nhiêu đảng viên" counts đảng viên, typed
// with marks or without ("dang" folds as "đang" does): a number before
// "Đảng bộ" ("Ngày 6/8, Đảng bộ …") counts none, "1.151 đảng viên" is
// the kind asked.
func TestCountedPersonNoun(t *testing.T) {
	page := "synthetic: true\ntitle: Đại hội Đảng bộ phường Mẫu Thử\n\n" +
		"Bài tổng hợp: mọi tên và số liệu dưới đây đều là bịa, dùng để kiểm thử.\n\n" +
		"Ngày 6/8, Đảng bộ phường Mẫu Thử tổ chức Đại hội lần thứ I.\n\n" +
		"Đại hội có 165 đại biểu, đại diện cho 1.151 đảng viên toàn Đảng bộ phường.\n"
	ix := loadedIndex(t, map[string]string{"vi.txt": page})
	var counted *signal
	for i := range signals {
		if signals[i].name == "counted_noun" {
			counted = &signals[i]
		}
	}
	for _, q := range []string{"Đảng bộ phường Mẫu Thử có bao nhiêu đảng viên?", "dang bo phuong mau thu co bao nhieu dang vien"} {
		pq := ix.parse(q)
		if pq.counted != "dang vien" {
			t.Errorf("%q: counts %q, want dang vien", q, pq.counted)
		}
		if !slices.ContainsFunc(pq.asked, func(a content.Asked) bool { return strings.HasPrefix(a.Noun, "dang vien") }) {
			t.Errorf("%q: asked %+v, want a count of dang vien", q, pq.asked)
		}
		for text, want := range map[string]bool{
			"Ngày 6/8, Đảng bộ phường Mẫu Thử tổ chức Đại hội lần thứ I.":                false,
			"Đại hội có 165 đại biểu, đại diện cho 1.151 đảng viên toàn Đảng bộ phường.": true,
		} {
			cand := &candidate{u: &unit{}, folded: foldWords(text), coverage: foundCoverage}
			if got := counted.fn(ix, &pq, cand) > 0; got != want {
				t.Errorf("%q over %q: counted %v, want %v", q, text, got, want)
			}
		}
		res, err := ix.Search(context.Background(), q, Options{})
		if err != nil || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, "1.151") {
			t.Errorf("%q: answer %+v (%v), want the sentence with 1.151 đảng viên", q, res.Hits, err)
		}
	}
}
