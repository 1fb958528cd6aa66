package index

import (
	"slices"

	"github.com/kyanhbot/kyanhbot/content"
)

// sourceOpeners, sourceNouns and sourceModifiers are the lexicon's
// SourceOpeners, SourceNouns and SourceModifiers, folded.
var sourceOpeners, sourceNouns, sourceModifiers = longestFirst(foldedPhrases(content.Lexicon.SourceOpeners)),
	longestFirst(foldedPhrases(content.Lexicon.SourceNouns)), longestFirst(foldedPhrases(content.Lexicon.SourceModifiers))

// longestFirst sorts phrases longest first ("according to the" before
// "according to").
func longestFirst(ps [][]string) [][]string {
	slices.SortStableFunc(ps, func(a, b []string) int { return len(b) - len(a) })
	return ps
}

// phraseAt is the length of the first of ps that ws[i:] starts with, 0
// for none.
func phraseAt(ws []string, i int, ps [][]string) int {
	for _, p := range ps {
		if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// sourcePhraseAt is the length of the words at i that name the page a
// question read its fact in — an opener, modifiers, a source noun,
// modifiers ("theo bài wiki tiếng Anh cũ", "according to the old English
// infobox") — 0 where none starts.
func sourcePhraseAt(ws []string, i int) int {
	n := phraseAt(ws, i, sourceOpeners)
	if n == 0 {
		return 0
	}
	j := i + n
	for k := 0; k < 3; k++ {
		m := phraseAt(ws, j, sourceModifiers)
		if m == 0 {
			break
		}
		j += m
	}
	m := phraseAt(ws, j, sourceNouns)
	if m == 0 {
		return 0
	}
	j += m
	for k := 0; k < 3; k++ {
		m := phraseAt(ws, j, sourceModifiers)
		if m == 0 {
			break
		}
		j += m
	}
	return j - i
}
