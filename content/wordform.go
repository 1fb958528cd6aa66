package content

import "strings"

// English pages and questions write the same word in several forms: a
// plural ("centres", "communes", "cities"), a British or an American
// spelling ("centre"/"center", "organisation"/"organization",
// "labour"/"labor"). Search compares words by one form, EnglishForm, at
// build and at query time alike, so "Hon Gai ward centre" meets "the
// Center of Hon Gai Ward" and "how many villages" meets "village".
//
// It is a light stemmer on purpose: it only undoes the plural and the
// spelling, never a derivation (a Porter stemmer makes "population" and
// "popular" one word, and "general" and "generation"), and it only touches
// endings no Vietnamese syllable has (a final s, -tre, -our, -ise), so a
// folded Vietnamese syllable or abbreviation is left as it is.

// EnglishForm is the form search compares an English word by; w is folded
// (lower case, no diacritics). Any other word is returned unchanged.
func EnglishForm(w string) string {
	// A word with no vowel is no English word but a short form ("THCS",
	// "DTTS", "PTDS"): its final s is a letter of the name, not a plural.
	if len(w) < 4 || !asciiLetters(w) || !strings.ContainsAny(w, "aeiouy") {
		return w
	}
	if f, ok := Lexicon.EnglishSpellings[w]; ok {
		return f
	}
	w = singular(w)
	if f, ok := Lexicon.EnglishSpellings[w]; ok {
		return f
	}
	n := len(w)
	switch {
	case n >= 5 && strings.HasSuffix(w, "tre"): // centre, metre, kilometre, theatre
		return w[:n-3] + "ter"
	case n >= 6 && strings.HasSuffix(w, "our") && !strings.HasSuffix(w, "tour") && !strings.HasSuffix(w, "hour"): // labour, honour, neighbour
		return w[:n-3] + "or"
	case strings.HasSuffix(w, "isation"): // organisation
		return w[:n-7] + "ization"
	case n >= 6 && strings.HasSuffix(w, "ised"): // organised
		return w[:n-4] + "ized"
	case n >= 6 && strings.HasSuffix(w, "ising"):
		return w[:n-5] + "izing"
	case n >= 5 && strings.HasSuffix(w, "ise") && !strings.HasSuffix(w, "wise") && !strings.HasSuffix(w, "vise"): // organise
		return w[:n-3] + "ize"
	}
	return w
}

// singular undoes an English plural: "cities" → "city", "branches" →
// "branch", "addresses" → "address", "centres" → "centre". Words that end
// in s in the singular ("status", "address", "basis", "news") are kept.
func singular(w string) string {
	n := len(w)
	if w[n-1] != 's' || keepS[w] {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case n >= 5 && strings.HasSuffix(w, "ies") && !strings.ContainsRune("aeiou", rune(w[n-4])):
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:n-2]
	}
	return w[:n-1]
}

// keepS are words whose final s is not a plural's.
var keepS = map[string]bool{
	"news": true, "series": true, "species": true, "means": true, "always": true, "perhaps": true,
	"whereas": true, "towards": true, "afterwards": true, "headquarters": true, "politics": true,
	"statistics": true, "economics": true, "mathematics": true, "physics": true, "electronics": true,
	"logistics": true, "affairs": true, "arrears": true, "premises": true, "thanks": true, "pros": true,
}

func asciiLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// CanBeSyllable reports whether a folded word (lower case, no marks) has
// the shape of a Vietnamese syllable: an initial consonant or none, one to
// three vowels, and a final of c, ch, m, n, ng, nh, p, t or none. Most
// English words have no such shape ("what", "population", "ward",
// "morning"), while an unaccented Vietnamese question is all such words
// but for its abbreviations: so the shape tells an English question from
// one typed without marks where its English words are also the corpus's
// (an English page's "morning" is known to search). Short English words
// can have the shape ("can", "on", "the"); they tell nothing.
func CanBeSyllable(w string) bool {
	rest := w
	for _, on := range syllableOnsets {
		if strings.HasPrefix(rest, on) && len(rest) > len(on) && strings.IndexByte(syllableVowels, rest[len(on)]) >= 0 {
			rest = rest[len(on):]
			break
		}
	}
	n := 0
	for n < len(rest) && n < 4 && strings.IndexByte(syllableVowels, rest[n]) >= 0 {
		n++
	}
	if n == 0 || n > 3 {
		return false
	}
	switch rest[n:] {
	case "", "c", "ch", "m", "n", "ng", "nh", "p", "t":
		return true
	}
	return false
}

const syllableVowels = "aeiouy"

// syllableOnsets are the initial consonants of a folded syllable, longest
// first ("ngh" before "ng" before "n"); "qu" and "gi" take their vowel.
var syllableOnsets = strings.Fields("ngh ch gh gi kh ng nh ph qu th tr b c d g h k l m n p r s t v x")
