package index

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Typos are read against the corpus's own words. A question's word that
// the articles never write as typed is a typo when a word they do write
// is one edit away: a letter missing, doubled, swapped or wrong ("nhiu"
// for nhiêu, "Bìng" for Bình, "Trạc" for Trạch), or a wrong tone or
// vowel mark ("nầo" for nào, "chìu" for chiều: the tone is one more
// letter of the word). The words around it choose between several such
// words: the one the articles write beside them ("bao nhiêu", "buổi
// chiều"). A word the corpus writes is never corrected, so a right
// spelling always wins, and one with no near word stays as typed (a name
// nothing answers about is still a sign that nothing does).

// spelling holds the corpus's Vietnamese-shaped words in the form typos
// are looked up in (spellForm), sorted, each followed by "\x00" and the
// word as written (lower case, canonical tones); alphabet is the runes
// those forms use.
type spelling struct {
	forms    []string
	alphabet []rune
}

// toneDigits stand for the tones in spellForm: none, grave, acute, tilde,
// hook, dot below.
const toneDigits = "012345"

// toneMarks are the combining tone marks in toneDigits' order after none.
const toneMarks = "\u0300\u0301\u0303\u0309\u0323"

// spellForm is w without its tone, with a digit for the tone last: "chiều"
// is "chiêu2", "nhiêu" "nhiêu0". A tone typed wrong is then one letter
// wrong, a vowel mark too ("nầo" nâo2 for nào nao2). ok is false for a
// word with two tones or a letter no syllable has.
func spellForm(w string) (string, bool) {
	tone := byte('0')
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if t := strings.IndexRune(toneMarks, r); t >= 0 {
			if tone != '0' {
				return "", false
			}
			tone = toneDigits[1+t/utf8.RuneLen(r)]
			continue
		}
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			return "", false
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String()) + string(tone), true
}

// newSpelling collects the corpus's words that are shaped as Vietnamese
// syllables (folded), in their spelling forms.
func newSpelling(v *vocab) *spelling {
	sp := &spelling{}
	runes := map[rune]bool{}
	for i, w := range v.word {
		if !syllableRe.MatchString(v.fold[i]) {
			continue
		}
		f, ok := spellForm(w)
		if !ok {
			continue
		}
		sp.forms = append(sp.forms, f+"\x00"+w)
		for _, r := range f {
			runes[r] = true
		}
	}
	// The words questions ask with, which pages seldom write.
	for w := range stopAccented {
		if f, ok := spellForm(w); ok && syllableRe.MatchString(foldSyllable(w)) {
			sp.forms = append(sp.forms, f+"\x00"+w)
		}
	}
	sort.Strings(sp.forms)
	sp.forms = slices.Compact(sp.forms)
	for r := range runes {
		sp.alphabet = append(sp.alphabet, r)
	}
	slices.Sort(sp.alphabet)
	return sp
}

// words are the corpus's words whose spelling form is f.
func (sp *spelling) words(f string, into []string) []string {
	key := f + "\x00"
	for i := sort.SearchStrings(sp.forms, key); i < len(sp.forms) && strings.HasPrefix(sp.forms[i], key); i++ {
		into = append(into, sp.forms[i][len(key):])
	}
	return into
}

// near are the corpus's words one edit from f (a spelling form): a rune
// deleted, inserted, replaced, or two adjacent runes swapped.
func (sp *spelling) near(f string) []string {
	rs := []rune(f)
	var out []string
	seen := map[string]bool{}
	try := func(c []rune) {
		s := string(c)
		if s == f || seen[s] {
			return
		}
		seen[s] = true
		out = sp.words(s, out)
	}
	buf := make([]rune, 0, len(rs)+1)
	for i := range rs {
		try(append(append(buf[:0], rs[:i]...), rs[i+1:]...))
		if i+1 < len(rs) {
			c := append(buf[:0], rs...)
			c[i], c[i+1] = c[i+1], c[i]
			try(c)
		}
		for _, r := range sp.alphabet {
			if r != rs[i] {
				c := append(buf[:0], rs...)
				c[i] = r
				try(c)
			}
		}
	}
	for i := 0; i <= len(rs); i++ {
		for _, r := range sp.alphabet {
			c := append(append(append(buf[:0], rs[:i]...), r), rs[i:]...)
			try(c)
		}
	}
	return out
}

// minTypo is the fewest letters a word needs to be read as a typo: one
// edit from a two-letter word reaches too many others.
const minTypo = 3

// correction is what a question's word was read as.
type correction struct {
	folded string
	// exact is the word as the corpus writes it, when only one of the
	// near words folds to folded; "" when the marks are not known.
	exact string
}

// correct reads the word at i of a question (accented: as typed, lower
// case; folded: the question's folded words) as the corpus's nearest
// word, if the corpus never writes it as typed. ok is false when it is
// no typo, or when no corpus word is near.
//
// A word the corpus does not write may still be a right one the pages
// have no use for ("học phí" where no page speaks of fees): that is a
// sign nothing answers, and must stay one. So another word is read for
// it only where the question's words beside it are written beside that
// word, and, when the letters as typed are a word the corpus writes with
// other marks ("lãn": lần, làn), only a letter left out is mended
// ("Lãng"). A function word ("nào", "đâu") is never a typo: pages seldom
// write the words questions ask with.
func (ix *Index) correct(accented []string, folded []string, i int, name bool) (correction, bool) {
	w := accented[i]
	if ix.spell == nil || utf8.RuneCountInString(w) < minTypo || stopAccented[w] || !syllableRe.MatchString(folded[i]) && !typoShaped(folded[i]) && !(name && nameTypoShaped(folded[i])) {
		return correction{}, false
	}
	marked := hasDiacritic(w)
	// A letter too many is seldom typed, but for a word no syllable
	// spells it is the only reading ("bìnhh").
	// A word no syllable spells whose letters the corpus writes is a name
	// ("Đak", "Sơmei"), never a typo.
	extra := !syllableRe.MatchString(folded[i])
	if extra && ix.df[folded[i]] > 0 {
		return correction{}, false
	}
	lettersKnown := ix.df[folded[i]] > 0 || questionFolds[folded[i]]
	// Typed without marks, a word is read as written when the corpus
	// writes its letters with any marks; with marks, only as typed.
	if !marked && lettersKnown {
		return correction{}, false
	}
	f, ok := spellForm(w)
	if !ok || (marked && len(ix.spell.words(f, nil)) > 0) {
		return correction{}, false
	}
	var near []string
	if marked {
		for _, n := range ix.spell.near(f) {
			nf, _ := spellForm(n)
			switch d := utf8.RuneCountInString(nf) - utf8.RuneCountInString(f); {
			case foldSyllable(n) == folded[i]: // only the marks differ
			case d < 0 && !extra: // a letter too many is seldom typed
				continue
			case lettersKnown && d == 0: // a word of its own, but for its marks
				continue
			}
			near = append(near, n)
		}
	} else {
		// No marks typed: the letters are compared.
		for _, n := range ix.nearFolded(folded[i]) {
			if len(n) >= len(folded[i]) || extra {
				near = append(near, n)
			}
		}
	}
	if c, ok := ix.pickCorrection(near, accented, folded, i, marked); ok {
		return c, true
	}
	// No word one edit away is written beside the question's: the
	// initial consonant may be one that sounds alike in a region's speech
	// ("Giồng Chôm" for Giồng Trôm, "xố" for số). Letters the corpus
	// writes with other marks are a word of their own.
	if lettersKnown {
		return correction{}, false
	}
	return ix.pickCorrection(ix.soundAlike(w, folded[i], marked), accented, folded, i, marked)
}

// pickCorrection chooses among near, the corpus's words a typo may be of,
// the one the question's words beside it are written beside.
func (ix *Index) pickCorrection(near []string, accented, folded []string, i int, marked bool) (correction, bool) {
	if len(near) == 0 {
		return correction{}, false
	}
	// Each candidate fold is scored by the pairs it makes with the
	// question's words beside it that the articles write, then by
	// keeping the letters as typed (only a mark wrong), then by how many
	// units write it.
	type cand struct {
		fold  string
		words []string
		pairs uint64
		same  bool
		df    int
	}
	var cands []*cand
	byFold := map[string]*cand{}
	for _, n := range near {
		fo := foldSyllable(n)
		c := byFold[fo]
		if c == nil {
			c = &cand{fold: fo, same: fo == folded[i], df: ix.df[fo]}
			byFold[fo] = c
			cands = append(cands, c)
		}
		if !slices.Contains(c.words, n) {
			c.words = append(c.words, n)
		}
	}
	for _, c := range cands {
		if i > 0 {
			c.pairs += ix.pairCount(folded[i-1], c.fold)
		}
		if i+1 < len(folded) {
			c.pairs += ix.pairCount(c.fold, folded[i+1])
		}
	}
	var best *cand
	for _, c := range cands {
		if c.pairs == 0 {
			continue // nothing beside it says so
		}
		if best == nil || c.pairs > best.pairs || c.pairs == best.pairs && c.df > best.df {
			best = c
		}
	}
	if best == nil {
		return correction{}, false
	}
	// Only the marks wrong: the letters are right, which marks were
	// meant is not known.
	out := correction{folded: best.fold}
	if marked && !best.same && len(best.words) == 1 {
		out.exact = best.words[0]
	}
	return out, true
}

// typoShaped: a word no syllable spells that a typo can make of one, a
// letter dropped or doubled ("truog", "dươg", "nóg", "bìnhh"): letters
// only, with a vowel. Its mended reading must still be a syllable the
// corpus writes beside the question's words (nearFolded, pairs); a short
// form typed in capitals never comes here (typedShort).
func typoShaped(folded string) bool {
	return isLetters(folded) && hasVowel(folded)
}

// typedShort: a word typed with two capitals or more ("DTTS", "QNg") is a
// short form, never a typo.
func typedShort(cased string) bool {
	n := 0
	for _, r := range cased {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// questionFolds are the function words' folded forms: a question's own
// words, which pages seldom write ("nhiêu", "đâu").
var questionFolds = func() map[string]bool {
	m := map[string]bool{}
	for w := range stopAccented {
		m[foldSyllable(w)] = true
	}
	return m
}()

// questionPairs are the folded pairs of the phrases questions ask with
// ("bao nhieu", "o dau"): written beside each other by every question
// that asks so, if by no page.
var questionPairs = func() map[string]bool {
	m := map[string]bool{}
	for _, ip := range intentPhrases {
		ws := strings.Fields(ip.phrase)
		for k := 0; k+1 < len(ws); k++ {
			m[ws[k]+" "+ws[k+1]] = true
		}
	}
	return m
}()

// nearFolded are the folded words the corpus writes one edit from w
// (folded, no marks).
func (ix *Index) nearFolded(w string) []string {
	var out []string
	seen := map[string]bool{}
	try := func(s string) {
		if s != w && !seen[s] && (ix.df[s] > 0 || questionFolds[s]) && syllableRe.MatchString(s) {
			seen[s] = true
			out = append(out, s)
		}
	}
	const letters = "abcdeghiklmnopqrstuvxy"
	for i := 0; i < len(w); i++ {
		try(w[:i] + w[i+1:])
		if i+1 < len(w) {
			try(w[:i] + string(w[i+1]) + string(w[i]) + w[i+2:])
		}
		for j := 0; j < len(letters); j++ {
			try(w[:i] + string(letters[j]) + w[i+1:])
		}
	}
	for i := 0; i <= len(w); i++ {
		for j := 0; j < len(letters); j++ {
			try(w[:i] + string(letters[j]) + w[i:])
		}
	}
	return out
}

// pairCount is how many units write the folded words a and b side by side.
func (ix *Index) pairCount(a, b string) uint64 {
	if questionPairs[a+" "+b] {
		return uint64(ix.commonDF())
	}
	if n, ok := ix.commonPairs[a+" "+b]; ok {
		return uint64(n)
	}
	if ix.df[a] == 0 || ix.df[b] == 0 {
		return 0
	}
	return ix.pairs.count(a + " " + b)
}

// replaceWord replaces in q the first word that reads as old (lower
// case, canonical tones) with repl, capitalised as old was.
func replaceWord(q, old, repl string) string {
	start := -1
	for i, r := range q + " " {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			if lowerNormalize(q[start:i]) == old {
				if startsUpper(q[start:i]) {
					r, n := utf8.DecodeRuneInString(repl)
					repl = string(unicode.ToUpper(r)) + repl[n:]
				}
				return q[:start] + repl + q[i:]
			}
			start = -1
		}
	}
	return q
}

// soundAlikeInitials are initial consonants that sound alike in a region's
// speech and are typed for each other: ch/tr, s/x, d/gi/r, l/n.
var soundAlikeInitials = [][2]string{{"ch", "tr"}, {"tr", "ch"}, {"s", "x"}, {"x", "s"}, {"gi", "d"}, {"d", "gi"}, {"r", "gi"}, {"gi", "r"}, {"r", "d"}, {"d", "r"}, {"l", "n"}, {"n", "l"}}

// soundAlike are the corpus's words w is with its initial consonant
// swapped for one that sounds alike (soundAlikeInitials): written with
// marks, as typed with them; folded, as typed without.
func (ix *Index) soundAlike(w, folded string, marked bool) []string {
	var out []string
	for _, p := range soundAlikeInitials {
		// "gi" is an initial only before a vowel; "ng", "nh" and "th"
		// are initials of their own.
		if !strings.HasPrefix(folded, p[0]) || p[0] == "n" && strings.HasPrefix(folded, "ng") || p[0] == "n" && strings.HasPrefix(folded, "nh") {
			continue
		}
		if p[0] == "d" && strings.HasPrefix(folded, "gi") {
			continue
		}
		if !marked {
			if alt := p[1] + folded[len(p[0]):]; ix.df[alt] > 0 && syllableRe.MatchString(alt) {
				out = append(out, alt)
			}
			continue
		}
		if !strings.HasPrefix(w, p[0]) { // "đ" folds to "d": no swap
			continue
		}
		if f, ok := spellForm(p[1] + w[len(p[0]):]); ok {
			out = ix.spell.words(f, out)
		}
	}
	return out
}

// nameTypoShaped: a name typed with a letter wrong may spell no vowel
// ("Nsm" for Nam, a key beside it): three or four letters, none a vowel.
// Only a word the question capitalises is read so; a short form typed in
// small letters ("tdp", "ctv") keeps its letters.
func nameTypoShaped(folded string) bool {
	return isLetters(folded) && !hasVowel(folded) && len(folded) >= 3 && len(folded) <= 4
}
