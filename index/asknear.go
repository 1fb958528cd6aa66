package index

import (
	"github.com/kyanhbot/kyanhbot/content"
)

// A page states several values of the kind asked — the day a resolution
// was passed and the day it takes effect, the communes before a merger and
// after it — and the one asked is the one written after what the question
// says of it: "có hiệu lực từ ngày nào" is answered by "Nghị quyết có hiệu
// lực từ ngày 01/02/2021", not by "Ngày 12/01/2021, … ban hành Nghị quyết
// …", though the latter shares more of the question's words; "giảm bao
// nhiêu đơn vị" by "tỉnh giảm 381 đơn vị", not "Trước sáp nhập, tỉnh có
// 547 đơn vị". Coverage reads the whole unit and its window; the nearness
// reads only the few words written before each value of the kind asked,
// against the question's words beside its asking phrase (the event, the
// change: content.AskNear), less those naming what the question is about
// (its places, bodies, years, the noun counted), which the page writes
// once for all its values.
//
// Only the kinds of value a page states several of in a row and a
// predicate introduces (dates, counts, measures, times) are read: a
// person's title, a phone's office are written in too many shapes around
// the value (measured: every kind read loses 6–10 questions on the sets).

// askNearQuestion and askNearValue bound, in words, the question's words
// read beside its asking phrase and the unit's before a value.
const (
	askNearQuestion = 3
	askNearValue    = 3
)

// askNearBytes bounds how far before a value its words are read.
const askNearBytes = 16 * askNearValue

// askNearWords are content.AskNear's words, folded as concepts are.
func askNearWords(q string) map[string]bool {
	ws := content.AskNear(q, askNearQuestion)
	if len(ws) == 0 {
		return nil
	}
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[content.EnglishForm(w)] = true
	}
	return m
}

// nearKinds are the kinds of value the nearness reads.
var nearKinds = map[content.ValueType]bool{
	content.ValueDate: true, content.ValueCount: true, content.ValuePopulation: true, content.ValueArea: true,
	content.ValueTime: true, content.ValueWeekday: true, content.ValueDuration: true, content.ValuePercent: true,
	content.ValueMoney: true,
}

// askNearMask marks the question's concepts written beside its asking
// phrase that do not name its subject (subjectSkips); nil when there are
// none.
func askNearMask(pq *parsedQuery) []bool {
	if len(pq.askNear) == 0 {
		return nil
	}
	skip := subjectSkips(pq)
	var mask []bool
	for i, c := range pq.concepts {
		if !skip[i] && namedIn(c, pq.askNear) {
			if mask == nil {
				mask = make([]bool, len(pq.concepts))
			}
			mask[i] = true
		}
	}
	return mask
}

// nearValue is a value of a kind ask_near reads other than a count (which
// the unit keeps whole, with its noun): its kind (an index into
// valueKinds) and where it is in the unit's text. Read at build, as the
// counts are, so that a question reads no value again.
type nearValue struct {
	from, to uint32
	kind     uint8
}

// value is v as content.Values gave it, in text (the unit's).
func (v nearValue) value(text string) content.Value {
	return content.Value{Type: valueKinds[v.kind], Text: text[v.from:v.to], Span: [2]int{int(v.from), int(v.to)}}
}

// askNearness is, over the values of u of a kind asked (and read:
// nearKinds), the largest share of the question's weight (ws) that the
// concepts mask marks hold within askNearValue words before the value,
// but those its article's title names (title, folded words): the title
// names the page's subject, which a sentence repeats beside any of its
// values ("… của Hà Nội từ 01/7/2025" on a page about Hà Nội's offices).
// 0 when mask is nil or u holds no such value. The values are those the
// build read in the whole text (unit.counts, unit.nearValues), each
// counted only within nearSpans, as when a question read them clause by
// clause (content.Values there was a tenth of a question's CPU).
func askNearness(pq *parsedQuery, u *unit, ws []float64, mask []bool, title map[string]bool) float64 {
	if mask == nil {
		return 0
	}
	asked := askedOf(pq, u)
	if !holdsAsked(asked, u) {
		return 0
	}
	tot := 0.0
	for _, w := range ws {
		tot += w
	}
	if tot == 0 {
		return 0
	}
	best := 0.0
	var spans [][2]int // nearSpans, once a value needs them
	read := func(v content.Value) {
		if !answersKind(asked, v) {
			return
		}
		before := wordsBefore(u.text, v)
		got := 0.0
		for i, m := range mask {
			if m && namedIn(pq.concepts[i], before) && !namedIn(pq.concepts[i], title) {
				got += ws[i]
			}
		}
		if got/tot <= best {
			return
		}
		if spans == nil {
			spans = nearSpans(pq, u.text, mask)
		}
		for _, s := range spans {
			if v.Span[0] >= s[0] && v.Span[0] < s[1] {
				best = got / tot
				return
			}
		}
	}
	for _, v := range u.counts() {
		read(v)
	}
	for _, v := range u.nearValues() {
		read(v.value(u.text))
	}
	return best
}

// nearSpans are the stretches of text a value is read in: the clauses
// holding a concept mask marks, each with the clause after it (a value
// near such a word is in one of them). Never nil.
func nearSpans(pq *parsedQuery, text string, mask []bool) [][2]int {
	cuts := []int{0} // clause starts
	for i := 0; i < len(text); i++ {
		if clauseMark(text, i) {
			cuts = append(cuts, i+1)
		}
	}
	cuts = append(cuts, len(text))
	out := [][2]int{}
	read := -1 // text is read up to here
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if b <= read || a >= b {
			continue
		}
		set := setOf(foldWords(text[a:b]))
		found := false
		for i, m := range mask {
			if m && namedIn(pq.concepts[i], set) {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		end := cuts[min(k+2, len(cuts)-1)]
		out = append(out, [2]int{max(a, read), end})
		read = end
	}
	return out
}

// untitled is mask less the concepts title names; nil when none is left.
func untitled(pq *parsedQuery, mask []bool, title map[string]bool) []bool {
	var out []bool
	for i, m := range mask {
		if m && !namedIn(pq.concepts[i], title) {
			if out == nil {
				out = make([]bool, len(mask))
			}
			out[i] = true
		}
	}
	return out
}

// nearWordIn: the unit holds (has: the question's words it writes) a
// concept mask marks, which askNearness could find beside a value.
func nearWordIn(pq *parsedQuery, mask []bool, has map[string]bool) bool {
	for i, m := range mask {
		if m && namedIn(pq.concepts[i], has) {
			return true
		}
	}
	return false
}

// answersKind: v is of a kind asked (a count, of the noun asked).
func answersKind(asked []content.Asked, v content.Value) bool {
	for _, a := range asked {
		if v.Type == content.ValueCount || v.Type == content.ValuePopulation {
			if content.Answers([]content.Asked{a}, v) {
				return true
			}
		} else if content.Answers([]content.Asked{a.Undated()}, v) {
			return true
		}
	}
	return false
}

// wordsBefore are the folded words within askNearValue words before v in
// text, and the value's own words but its figures ("ngày", "giờ").
func wordsBefore(text string, v content.Value) map[string]bool {
	a := min(v.Span[0], len(text))
	lo := max(0, a-askNearBytes)
	before := foldWords(text[lo:a])
	// A word cut by the bound is not read.
	if lo > 0 && len(before) > 0 {
		before = before[1:]
	}
	m := map[string]bool{}
	for _, w := range before[max(0, len(before)-askNearValue):] {
		m[w] = true
	}
	for _, w := range foldWords(v.Text) {
		if !isDigits(w) {
			m[w] = true
		}
	}
	return m
}
