package bot

import (
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// matcher tells whether a text matches what a citizen typed to filter a list:
// accents and case ignored, abbreviations from the corpus glossary expanded
// ("ubnd" finds "Ủy ban nhân dân"), and every word typed present somewhere
// ("uy ban ky anh" finds "Ủy ban nhân dân thị xã Kỳ Anh").
type matcher struct {
	variants [][]string // word lists, one per expansion of the filter
}

func newMatcher(filter string, g content.Glossary) matcher {
	base := words(filter)
	m := matcher{variants: [][]string{base}}
	for _, t := range g.Abbreviations {
		short := strings.Join(words(t.Short), " ")
		if short == "" {
			continue
		}
		for _, long := range t.Long {
			for _, v := range m.variants {
				joined := " " + strings.Join(v, " ") + " "
				if strings.Contains(joined, " "+short+" ") {
					m.variants = append(m.variants, strings.Fields(strings.Replace(joined, " "+short+" ", " "+strings.Join(words(long), " ")+" ", 1)))
				}
			}
			if len(m.variants) > 16 {
				break
			}
		}
	}
	return m
}

func (m matcher) empty() bool { return len(m.variants[0]) == 0 }

func (m matcher) match(text string) bool {
	if m.empty() {
		return true
	}
	have := map[string]bool{}
	for _, w := range words(text) {
		have[w] = true
	}
	for _, v := range m.variants {
		all := true
		for _, w := range v {
			all = all && have[w]
		}
		if all {
			return true
		}
	}
	return false
}
