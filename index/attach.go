package index

import (
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// A page states several counts of one kind side by side, and the one a
// question asks for is the one whose own clause says what is asked: "Như
// vậy, tỉnh giảm 381 đơn vị hành chính" answers "giảm bao nhiêu đơn vị
// hành chính", not "Trước sáp nhập, tỉnh … có 547 đơn vị hành chính";
// "Thị trấn … mới sẽ có 21 khu phố" answers "… mới có bao nhiêu khu phố",
// not "Trong đó giữ nguyên có 17 khu phố …". Coverage reads the whole
// unit and its window, so the unit sharing the question's words anywhere
// wins; the attachment reads only the clause each count stands in.
//
// What it compares is the question's own ask — its verb and modifiers
// ("giảm", "sáp nhập", "mới", "tổng cộng", "after the merger") — not
// what the question is about: the places and bodies it names and its
// years are the page's subject, written once for all its figures (in the
// title, the lead, the sentence's start), and the noun counted is
// counted_noun's.

// attachSkips marks the question's concepts the attachment does not read
// (subjectSkips); nil when the question asks for no count.
func attachSkips(pq *parsedQuery) []bool {
	if !asksCount(pq.asked) {
		return nil
	}
	return subjectSkips(pq)
}

// subjectSkips marks the question's concepts that name what it is about
// rather than what it asks of it: the places (with the kind written before
// the name) and bodies the question names, its years, and the noun it
// counts.
func subjectSkips(pq *parsedQuery) []bool {
	names := map[string]bool{}
	add := func(alts [][]string) {
		for _, alt := range alts {
			for _, w := range alt {
				names[w] = true
			}
		}
	}
	for _, r := range pq.required {
		add(r)
		// The kind written before a place's name is the name's: "tỉnh" of
		// "Tỉnh Giả Lập".
		for _, alt := range r {
			for i := 0; i+len(alt) <= len(pq.folded); i++ {
				if len(alt) == 0 || !seqAt(pq.folded[i:], alt) {
					continue
				}
				for _, p := range placePrefixes {
					if len(p) <= i && seqAt(pq.folded[i-len(p):], p) {
						add([][]string{p})
					}
				}
			}
		}
	}
	for _, b := range pq.bodies {
		add(b.alts)
	}
	counted := setOf(pq.countedWords)
	skip := make([]bool, len(pq.concepts))
	for i, c := range pq.concepts {
		skip[i] = c.year || namedIn(c, names) || namedIn(c, counted)
	}
	return skip
}

// attachment is, over the counts the unit states of the kind asked, the
// largest share of the question's weight (ws, the concepts skip leaves)
// written in the count's own clause: from the clause's start up to the
// count and its noun. 0 when the question asks for no count, leaves
// nothing to read, or the unit states no such count.
func attachment(pq *parsedQuery, u *unit, ws []float64, skip []bool) float64 {
	if skip == nil || len(u.counts()) == 0 {
		return 0
	}
	tot := 0.0
	for i := range pq.concepts {
		if !skip[i] {
			tot += ws[i]
		}
	}
	if tot == 0 {
		return 0
	}
	best := 0.0
	for _, v := range u.counts() {
		if !content.Answers(pq.asked, v) {
			continue
		}
		clause := map[string]bool{}
		for _, w := range foldWords(clauseOf(u.text, v.Span[0], v.Span[1])) {
			clause[w] = true
		}
		// The count's own figure is no word of the clause: "1022" asked
		// as the hotline's number is not the "1022 hotline" counted.
		for _, w := range foldWords(v.Text) {
			if isDigits(w) {
				delete(clause, w)
			}
		}
		got := 0.0
		for i, c := range pq.concepts {
			if !skip[i] && namedIn(c, clause) {
				got += ws[i]
			}
		}
		best = max(best, got/tot)
	}
	return best
}

// asksCount: the question asks for a count or a population.
func asksCount(asked []content.Asked) bool {
	for _, a := range asked {
		if a.Type == content.ValueCount || a.Type == content.ValuePopulation {
			return true
		}
	}
	return false
}

// clauseBefore bounds, in bytes, how far before its value a clause is read.
const clauseBefore = 90

// clauseOf is text[a:b] with the clause before it: back to the last clause
// mark before a, or clauseBefore bytes.
func clauseOf(text string, a, b int) string {
	a, b = min(a, len(text)), min(b, len(text))
	start := max(0, a-clauseBefore)
	for i := a - 1; i >= start; i-- {
		// An aside in brackets before the value is part of its clause
		// ("Dân số (2016): 1.995.817 người").
		if text[i] == ')' {
			if j := strings.LastIndexByte(text[start:i], '('); j >= 0 {
				i = start + j
				continue
			}
		}
		if clauseMark(text, i) {
			start = i + 1
			break
		}
	}
	return text[start:b]
}

// clauseMark: text[i] ends a clause — a semicolon, an opening bracket
// (the value is inside an aside), a line
// break, a table cell's bar, or a comma or full stop not inside a number
// ("5.145", "2,804"). A colon does not: it joins a label to its value
// ("the total number of headquarters arranged: 120 headquarters").
func clauseMark(text string, i int) bool {
	switch text[i] {
	case ';', '(', ')', '\n', '|':
		return true
	case ',', '.':
		return i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n'
	}
	return false
}
