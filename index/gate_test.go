package index

import (
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestIsEnglishText: the answer bar is lower for an English page's units
// (englishCoverage), so which units are English matters.
func TestIsEnglishText(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"With 21 civil servants, the Center has organized its staff into three departments.", true},
		{"The new commune was established by merging two communes and a town.", true},
		{"Xã Giả Định mới có diện tích tự nhiên 45,6 km², dân số 12.345 người.", false},
		// Vietnamese typed without accents is not English.
		{"xa gia dinh moi co dien tich 45,6 km2 va dan so 12.345 nguoi", false},
		// A name or a heading alone is not enough to tell.
		{"Thu Nghiem Commune", false},
	} {
		folded := " " + strings.Join(foldWords(tt.text), " ") + " "
		if got := isEnglishText(tt.text, folded); got != tt.want {
			t.Errorf("isEnglishText(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestNestedListContext: an item after a nested list is still introduced
// by the outer list's sentence (synthetic page).
func TestNestedListContext(t *testing.T) {
	a := &content.Article{Paragraphs: []string{
		"Tổng quan đơn vị hành chính tỉnh Mẫu sau khi sáp nhập như sau:",
		"• Diện tích tự nhiên: 1.234,5 km²",
		"• Tiếp giáp:",
		"• Phía Bắc giáp tỉnh Giả Định",
		"• Dân số: 765.432 người",
	}}
	units, _, _ := articleUnits(0, a)
	for _, u := range units {
		if strings.Contains(u.text, "765.432") {
			if !strings.Contains(u.context, "Tổng quan") {
				t.Errorf("context of %q = %q, want the outer list's introduction", u.text, u.context)
			}
			return
		}
	}
	t.Fatal("no unit holds the population line")
}

// TestWindowTypedDecision: a unit no check marked down, holding the kind
// of value asked, whose window misses no word of the question and covers
// windowTyped of it, and that leads the next candidate by
// windowTypedLead, answers under the committed weights though its own
// coverage is under the bar; lacking any one of these it is declined.
func TestWindowTypedDecision(t *testing.T) {
	typed := -1
	for i, s := range signals {
		if s.typed {
			typed = i
			break
		}
	}
	if typed < 0 {
		t.Fatal("no typed signal")
	}
	ix := &Index{units: make([]unit, 2)}
	ix.units[1].article = 1
	ranking := func(edit func(first *scored, second *scored)) []scored {
		f := make([]float64, len(signals))
		f[typed] = 1
		r := []scored{
			{unit: 0, score: 1, coverage: 0.45, feats: f, gate: gateFacts{window: 0.6}},
			{unit: 1, score: 0.85, coverage: 0.3},
		}
		edit(&r[0], &r[1])
		return r
	}
	for _, tt := range []struct {
		name string
		edit func(first, second *scored)
		want bool
	}{
		{"window, type, lead", func(*scored, *scored) {}, true},
		{"a word of the question nowhere in the window", func(f, _ *scored) { f.gate.windowHole = true }, false},
		{"a check marked it down", func(f, _ *scored) { f.gate.checks = checkNamed }, false},
		{"the next candidate close", func(_, s *scored) { s.score = 0.95 }, false},
		{"no value of the kind asked", func(f, _ *scored) { f.feats = make([]float64, len(signals)) }, false},
		{"the window holds too little", func(f, _ *scored) { f.gate.window = 0.5 }, false},
	} {
		if got := ix.answersFirst(ranking(tt.edit), false, gateWeights); got != tt.want {
			t.Errorf("%s: answers %v, want %v", tt.name, got, tt.want)
		}
	}
	w := append([]float64{}, gateWeights...)
	w[gateIndex("window_typed")] = 0
	if ix.answersFirst(ranking(func(*scored, *scored) {}), false, w) {
		t.Error("answers without window_typed: the test does not test it")
	}
}
