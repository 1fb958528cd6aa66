package index

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestNormalSentencesMakeNormalParagraph: a paragraph that is nothing but
// its sentences, one space apart, each its own Normalize form, is its own
// Normalize form, so that the build learns which paragraphs need no
// normalising from the sentences it normalises anyway (articleUnits asks
// sentencesMake, tested here as it is). And whatever its sentences, such
// a paragraph, none of them blank, normalises to their Normalize forms
// one space apart: the place names read that form, which the cutting
// makes from the sentences' (articleUnits).
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
	r := rand.New(rand.NewSource(13))
	checked, joined := 0, 0
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := 1 + r.Intn(20); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		p := b.String()
		if n%2 == 0 {
			p = content.Normalize(p)
		}
		sentences := content.Sentences(p)
		if len(sentences) == 0 || !sentencesMake(p, sentences) {
			continue
		}
		normal, blank := true, false
		keys := make([]string, len(sentences))
		for i, s := range sentences {
			keys[i] = content.Normalize(s)
			normal = normal && keys[i] == s
			blank = blank || strings.TrimSpace(s) == ""
		}
		if !blank {
			joined++
			if got, want := strings.Join(keys, " "), content.Normalize(p); got != want {
				t.Fatalf("the sentences %q of %q normalised and joined make %q, the paragraph normalised %q", sentences, p, got, want)
			}
		}
		if !normal {
			continue
		}
		checked++
		if content.Normalize(p) != p {
			t.Fatalf("the sentences %q of %q are normal, the paragraph is not: %q", sentences, p, content.Normalize(p))
		}
	}
	if checked < 50000 || joined < 100000 {
		t.Errorf("only %d normal paragraphs checked, %d joined", checked, joined)
	}
}
