package index

import (
	"slices"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// Who held the post before. "Ai được bầu làm Chủ tịch … thay ông Đỗ Trường
// Sơn?", "Who replaced Doan Quoc Khoi as Director of …": the question
// names the one who held the post asked, and asks for someone else. The
// sentence naming that one beside the title (his leaving, his old post)
// shares most of the question's words and holds a person, so it passed
// every check; the holder it names is the one the question excludes.

// replacedMarkers and honorificForms are the lexicon's ReplacedMarkers and
// forms of address (Vietnamese and English), folded as questions are.
var (
	replacedMarkers = foldedLongestFirst(content.Lexicon.ReplacedMarkers)
	honorificForms  = foldedLongestFirst(slices.Concat(content.Lexicon.Honorifics, content.Lexicon.EnglishHonorifics))
)

// wordsAt: ws[i:] starts with seq.
func wordsAt(ws []string, i int, seq []string) bool {
	return i+len(seq) <= len(ws) && slices.Equal(ws[i:i+len(seq)], seq)
}

// replacedName is the name of the person a question says the one asked
// replaced, folded: a marker, forms of address, then a name starting with
// a surname — capitalised as typed, or, typed in lower case, after a
// form of address ("thay ong nguyen van a"). Nil when there is none:
// "thay đổi", "thay mặt" name no one.
func replacedName(folded, cased []string) []string {
	for i := range folded {
		for _, m := range replacedMarkers {
			if !wordsAt(folded, i, m) {
				continue
			}
			j, honoured := i+len(m), false
			for again := true; again; {
				again = false
				for _, h := range honorificForms {
					if wordsAt(folded, j, h) {
						j, honoured, again = j+len(h), true, true
						break
					}
				}
			}
			if j >= len(folded) || j >= len(cased) || !content.IsSurname(folded[j]) {
				break
			}
			upper := startsUpper(cased[j])
			if !upper && !honoured {
				break
			}
			name := []string{folded[j]}
			for k := j + 1; k < len(folded) && len(name) < placeNameMax; k++ {
				if upper && (k >= len(cased) || !startsUpper(cased[k]) || content.AllCaps(cased[k])) {
					break
				}
				name = append(name, folded[k])
			}
			if len(name) >= 2 {
				return name
			}
			break
		}
	}
	return nil
}

// replacedClauses cuts text where a clause about one person ends: a
// semicolon, a sentence's end, a line or a table's cell. Commas stay
// inside: "ông X - Ủy viên …, Bí thư …" lists one person's posts.
func replacedClauses(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == ';' || c == '\n' || c == '|',
			c == '.' && (i+1 >= len(text) || text[i+1] == ' '):
			out = append(out, text[start:i])
			start = i + 1
		}
	}
	return append(out, text[start:])
}

// personRuns are the spans [a, b) of cased words that write a person's
// name: a capitalised surname and one to three capitalised words after
// it, none in capitals throughout.
func personRuns(cased, folded []string) [][2]int {
	var out [][2]int
	for a := 0; a < len(cased); a++ {
		if !startsUpper(cased[a]) || content.AllCaps(cased[a]) || !content.IsSurname(folded[a]) {
			continue
		}
		b := a + 1
		for b < len(cased) && b-a < placeNameMax && startsUpper(cased[b]) && !content.AllCaps(cased[b]) {
			b++
		}
		if b-a >= 2 {
			out = append(out, [2]int{a, b})
			a = b - 1
		}
	}
	return out
}

// replacedHolds: the unit's text names the person the question says was
// replaced (pq.replaced, at least two words of the name as written) as
// the holder of the title asked — in the clause writing that title which
// holds most of the question's other words (ws: the concepts' weights),
// the person nearest the title is that one; or the unit writes no title
// asked and names no other person.
func replacedHolds(pq *parsedQuery, ws []float64, text string) bool {
	name := pq.replaced
	if len(name) < 2 {
		return false
	}
	type clause struct {
		cased, folded []string
		persons       [][2]int
	}
	var cls []clause
	named := -1 // the longest part of the name the text writes
	for _, c := range replacedClauses(text) {
		cased := splitWords(content.Normalize(c))
		folded := make([]string, len(cased))
		for i, w := range cased {
			folded[i] = content.EnglishForm(content.Fold(w))
		}
		for n := len(name); n >= 2 && n > named; n-- {
			if containsSeq(folded, name[:n]) {
				named = n
			}
		}
		cls = append(cls, clause{cased, folded, personRuns(cased, folded)})
	}
	if named < 2 {
		return false
	}
	rep := name[:named]
	isReplaced := func(c clause, r [2]int) bool { return containsSeq(c.folded[r[0]:r[1]], rep) }
	// The question's words but the replaced one's name.
	inName := func(c concept) bool {
		for _, alt := range c.alts {
			if len(alt) == 1 && slices.Contains(rep, alt[0]) {
				return true
			}
		}
		return false
	}
	bestScore, best, bestAt := -1.0, -1, [2]int{}
	others := false
	for ci, c := range cls {
		for _, r := range c.persons {
			if !isReplaced(c, r) {
				others = true
			}
		}
		var at [][2]int
		for _, t := range pq.titles {
			for _, alt := range t {
				for i := 0; i+len(alt) <= len(c.folded); i++ {
					if !wordsAt(c.folded, i, alt) {
						continue
					}
					// Not the deputy's title, unless the deputy is asked.
					if !pq.deputy && i > 0 && (c.folded[i-1] == deputyWord || slices.Contains(content.Lexicon.EnglishDeputy, c.folded[i-1])) {
						continue
					}
					at = append(at, [2]int{i, i + len(alt)})
				}
			}
		}
		if len(at) == 0 {
			continue
		}
		has := setOf(c.folded)
		score := 0.0
		for i, q := range pq.concepts {
			if i < len(ws) && !inName(q) && namedIn(q, has) {
				score += ws[i]
			}
		}
		if score > bestScore {
			bestScore, best, bestAt = score, ci, at[0]
		}
	}
	if best < 0 {
		return !others
	}
	c := cls[best]
	nearest, dist := -1, len(c.folded)+1
	for k, r := range c.persons {
		// Words split off their commas: a name runs into a title
		// written capitalised after it ("Trần Văn A, Chủ tịch …").
		d := max(0, bestAt[0]-r[1])
		if r[0] >= bestAt[1] {
			d = r[0] - bestAt[1]
		}
		if d < dist {
			nearest, dist = k, d
		}
	}
	return nearest >= 0 && isReplaced(c, c.persons[nearest])
}

// replacedSpelled is how -explain prints the replaced name.
func replacedSpelled(name []string) string { return strings.Join(name, " ") }
