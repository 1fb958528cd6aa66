package index

import (
	"slices"
	"strings"
	"testing"
)

// TestUnitWordEveryLayer: "km²" is the one word "km2" in every layer that
// splits text into words — the question's folded words, the vocabulary's
// folded words, the postings' tokens (the plain tokenizer and the
// analyzer's, which takes text plainTokens leaves to it) — as "km2" typed
// is; never "km", a distance's word.
func TestUnitWordEveryLayer(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	an := m.AnalyzerNamed(analyzerFold)
	tests := []struct {
		text string
		want string // a folded word every layer must give
		not  string // one no layer may give
	}{
		{"Diện tích tự nhiên 12,5 km², dân số 8.432 người.", "km2", "km"},
		{"Diện tích 12,5 km2.", "km2", "km"},
		{"Diện tích (km²): 5.199,6", "km2", "km"},
		{"Hội trường rộng 800m² (synthetic).", "800m2", "800m"},
		// Beyond Latin letters, the analyzer tokenizes: the same word.
		{"Diện tích 12,5 km² — 中", "km2", "km"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			layers := map[string][]string{"question": foldWords(tt.text)}
			v := newVocab()
			enc, folds := v.encode([]string{lowerNormalize(tt.text)})
			var vw []string
			for p := 0; p < len(enc[0]); {
				var id uint32
				id, p = nextWord(enc[0], p)
				vw = append(vw, folds[id])
			}
			layers["vocabulary"] = vw
			var posted []string
			if toks, ok := plainTokens(tt.text, nil); ok {
				for _, tok := range toks {
					posted = append(posted, foldSyllable(tok))
				}
				layers["plain tokens"] = posted
			}
			var analysed []string
			for _, tok := range an.Analyze([]byte(tt.text)) {
				analysed = append(analysed, string(tok.Term))
			}
			layers["analyzer"] = analysed
			for name, ws := range layers {
				if !slices.Contains(ws, tt.want) || slices.Contains(ws, tt.not) {
					t.Errorf("%s: %q, want %q and no %q", name, ws, tt.want, tt.not)
				}
			}
		})
	}
}

// TestUnitReadings: how a question's units and asking phrases are read.
// "bao xa" asks a distance and "xa" in it is no "xã" (a place word), in a
// question typed with accents or without, while "xã" before a name stays
// one; "bao nhiêu km²" counts km2 as "km2" typed does, and a label's
// unit before its number is the number's.
func TestUnitReadings(t *testing.T) {
	page := "synthetic: true\ntitle: Xã Mộc Sơn\n\nBài viết thử nghiệm (synthetic): xã Mộc Sơn cách trung tâm huyện 12 km.\n"
	ix := loadedIndex(t, map[string]string{"p.txt": page})
	hasXa := func(pq parsedQuery) int {
		n := 0
		for _, c := range pq.concepts {
			if slices.ContainsFunc(c.alts, func(a []string) bool { return slices.Equal(a, []string{"xa"}) }) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		q       string
		xa      int    // concepts reading "xa"/"xã"
		counted string // the noun counted
	}{
		{"xa moc son cach trung tam huyen bao xa", 1, ""},
		{"Xã Mộc Sơn cách trung tâm huyện bao xa?", 1, ""},
		{"moc son cach huyen bao xa", 0, ""},
		{"xa moc son thanh lap bao lau roi", 1, ""},
		{"xa moc son rong bao nhieu km2", 1, "km2"},
		{"Xã Mộc Sơn rộng bao nhiêu km²?", 1, "km2"},
	}
	for _, tt := range tests {
		pq := ix.parse(tt.q)
		if got := hasXa(pq); got != tt.xa {
			t.Errorf("%q: %d concepts read xa, want %d: %v", tt.q, got, tt.xa, pq.concepts)
		}
		if pq.counted != tt.counted {
			t.Errorf("%q: counted %q, want %q", tt.q, pq.counted, tt.counted)
		}
	}
	for _, tt := range []struct {
		words string
		want  bool
	}{
		{"dien tich 12 5 km2", true},
		{"dien tich km2 5 199 6", true},
		{"dien tich tu nhien km2", false},
	} {
		if got := countsNoun(strings.Fields(tt.words), "km2"); got != tt.want {
			t.Errorf("countsNoun(%q, km2) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

// TestCountsNounNamedFirst: a count named before its figure, in English
// ("the number of hamlets to 6") or Vietnamese ("số thôn giảm xuống còn
// 6", "số lượng hội viên lên 300"), counts its noun; the noun named with
// no figure near, or a figure with no count named, does not.
func TestCountsNounNamedFirst(t *testing.T) {
	for _, tt := range []struct {
		words, noun string
		want        bool
	}{
		{"the commune plans to reduce the number of hamlets to 6", "hamlets", true},
		{"the total number of employees is 445", "employees", true},
		{"so thon giam xuong con 6", "thon", true},
		{"phan dau so luong hoi vien len 300 nguoi", "hoi", true},
		{"the number of hamlets will be reduced in the coming years 2026", "hamlets", false},
		{"thon 6 duoc sap nhap", "thon", false},
		{"the hamlets of the commune 6", "hamlets", false},
	} {
		if got := countsNoun(strings.Fields(tt.words), tt.noun); got != tt.want {
			t.Errorf("countsNoun(%q, %s) = %v, want %v", tt.words, tt.noun, got, tt.want)
		}
	}
}
