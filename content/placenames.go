package content

import (
	"slices"
	"strings"
)

// PlaceNames gives f each place's name that text writes after a place
// prefix written out in lower case ("xã Vĩnh Linh" → "xã", "Vĩnh Linh"):
// the capitalised words after it, up to four, none of them all capitals
// (an abbreviation after a name is not part of it). A question typed in
// lower case ("ubnd tinh tuyen quang") names its place by these: the
// names the corpus writes are known, so its words need not be guessed at.
func PlaceNames(text string, f func(prefix, name string)) {
	if !slices.ContainsFunc(placePrefixWords, func(p []string) bool { return strings.Contains(text, p[0]+" ") }) {
		return
	}
	toks := nameTokens(text, nil)
	for i := 0; i < len(toks); i++ {
		var prefix []string
		for _, ws := range placePrefixWords {
			if i+len(ws) <= len(toks) && slices.Equal(toks[i:i+len(ws)], ws) && len(ws) > len(prefix) {
				prefix = ws
			}
		}
		if prefix == nil {
			continue
		}
		j := i + len(prefix)
		for j < len(toks) && j-i-len(prefix) < 4 && startsUpperWord(toks[j]) && !isAllUpper(toks[j]) {
			j++
		}
		if j > i+len(prefix) {
			f(strings.Join(prefix, " "), strings.Join(toks[i+len(prefix):j], " "))
			i = j - 1
		}
	}
}

// EnglishPlaceNames gives f each place's name that English text writes
// before a place word ("Quang Tri Province", "Thanh Lien commune"), with
// the Vietnamese prefixes suffixes gives that word ("province" → "tỉnh"):
// the capitalised words before it, up to four, none of them all capitals.
func EnglishPlaceNames(text string, suffixes map[string][]string, f func(prefix, name string)) {
	toks := nameTokens(text, nil)
	for i := 1; i < len(toks); i++ {
		prefixes := suffixes[strings.ToLower(toks[i])]
		if prefixes == nil {
			continue
		}
		j := i
		for j > 0 && i-j < 4 && startsUpperWord(toks[j-1]) && !isAllUpper(toks[j-1]) {
			j--
		}
		if j == i {
			continue
		}
		for _, p := range prefixes {
			f(p, strings.Join(toks[j:i], " "))
		}
	}
}
