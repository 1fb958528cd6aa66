package index

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// A candidate's score is one weighted sum over named signals: each signal
// is a function of the question and the candidate, each weight is in one
// table (fitted on the labelled question sets, see weights.json), and
// "kyanhbot ask -explain" prints every term. What decides whether anything
// answers at all is coverage (see rank); the signals only order.

// candidate is what the signals read of one unit retrieved for a question,
// computed once in rank.
type candidate struct {
	u        *unit
	folded   []string // the unit's syllables, folded
	coverage float64  // share of the question's weighted concepts the unit holds
	docHit   bool     // the unit cites (or speaks of) the document asked about
	engine   float64  // bleve's score relative to the best candidate's
	bigrams  float64  // share of the question's syllable pairs found adjacent
	exact    float64  // share of the question's accented syllables found as typed
	attached float64  // share of the question in an asked count's own clause (attachment)
	askNear  float64  // share of the question's words beside its asking phrase written beside a value of the kind asked (asknear.go)
	echo     float64  // share of the question a unit not holding the kind asked holds itself that its article's title or lead names too, times 1 − topicCredit
	topic    float64  // share of the question a unit holding the kind asked finds only in its article's title or lead, less the credit it has for it
}

// signal is one named piece of evidence that a unit answers a question.
type signal struct {
	name string
	// weight is the hand-set default; weights.json overrides it.
	weight float64
	fn     func(ix *Index, pq *parsedQuery, c *candidate) float64
	// typed marks a signal that the unit holds the kind of answer asked
	// for: a question that asks only for a kind ("số điện thoại?") is
	// answered by any unit of that kind.
	typed bool
}

// typedSignal: the unit holds what the question asks for. It counts as much
// as the unit matches the question, up to the answer bar: a contact block
// that shares one word does not win "ở đâu".
func typedSignal(name string, weight float64, asked func(ix *Index, pq *parsedQuery, c *candidate) bool) signal {
	return signal{name: name, weight: weight, typed: true, fn: func(ix *Index, pq *parsedQuery, c *candidate) float64 {
		if !asked(ix, pq, c) {
			return 0
		}
		return min(1, c.coverage/foundCoverage)
	}}
}

// otherDocsDate: the question asks about a document, and the unit cites
// others and not that one ("Xét Tờ trình số 3001/TTr-UBND ngày
// 05/7/2019 …" among the grounds of the resolution asked about): its
// dates are those documents'. A unit citing a document numbered as the
// one asked ("13/2014/QĐ-UBND", keyed otherwise than "quyết định 13"), or
// writing that number ("35/2023/UBTVQH15", a citation the documents'
// reading missed), may cite it.
func otherDocsDate(pq *parsedQuery, c *candidate) bool {
	if len(pq.docs) == 0 || c.docHit || len(c.u.docs()) == 0 {
		return false
	}
	for _, d := range pq.docs {
		if numberIn(c.u.text, d.num) {
			return false
		}
		for _, id := range c.u.docs() {
			if n, _, _ := strings.Cut(strings.TrimLeft(id, "0"), "/"); n == d.num || strings.HasPrefix(n, d.num+"-") {
				return false
			}
		}
	}
	return true
}

// onlyDates: every kind asked is a date.
func onlyDates(asked []content.Asked) bool {
	for _, a := range asked {
		if a.Type != content.ValueDate {
			return false
		}
	}
	return len(asked) > 0
}

// asksDay: the question asks a date to the day, which a year alone does
// not answer.
func asksDay(pq *parsedQuery) bool {
	for _, a := range pq.asked {
		if a.Type == content.ValueDate && a.Day {
			return true
		}
	}
	return false
}

func askedTrait(want intent, t traits) func(*Index, *parsedQuery, *candidate) bool {
	return func(_ *Index, pq *parsedQuery, c *candidate) bool {
		return pq.intents&want != 0 && c.u.traits&t != 0
	}
}

// signals is the ranking's table. Names are stable: weights.json and
// -explain refer to them.
var signals = []signal{
	{name: "coverage", weight: 1, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return c.coverage }},
	{name: "engine", weight: 0.05, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return c.engine }},
	{name: "bigrams", weight: 0.35, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return c.bigrams }},
	{name: "accents", weight: 0.10, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return c.exact }},
	// A sentence holding the kind of contact asked for.
	typedSignal("contact_text", 0.30, func(_ *Index, pq *parsedQuery, c *candidate) bool {
		in, t := pq.intents, c.u.traits
		return in&wantContact != 0 && c.u.contact() == nil &&
			((in&(wantPhone|wantFax) != 0 && t&hasPhone != 0) || (in&wantEmail != 0 && t&hasEmail != 0) ||
				(in&wantAddress != 0 && t&hasPlace != 0))
	}),
	typedSignal("hotline", 0.30, func(_ *Index, pq *parsedQuery, c *candidate) bool {
		u := c.u
		return pq.intents&wantHotline != 0 && ((u.contact() != nil && hasHotline(*u.contact())) ||
			(u.contact() == nil && u.traits&hasPhone != 0 && namesHotline(lowerNormalize(u.text))))
	}),
	typedSignal("percent", 0.30, askedTrait(wantPercent, hasPct)),
	typedSignal("number", 0.30, askedTrait(wantNumber, hasNumber)),
	typedSignal("date", 0.30, func(_ *Index, pq *parsedQuery, c *candidate) bool {
		if otherDocsDate(pq, c) {
			return false
		}
		return pq.intents&wantDate != 0 && (c.u.traits&hasDate != 0 && (c.u.traits&dayDate != 0 || !asksDay(pq)) ||
			c.u.traits&stampDate != 0 && asksPosted(pq.folded))
	}),
	typedSignal("subject", 0.30, askedTrait(wantSubject, hasSubject)),
	typedSignal("time_of_day", 0.30, askedTrait(wantTime, hasTime)),
	// The unit states a typed value of a kind asked (content.AskedTypes):
	// a phone number, opening hours, a count of the noun asked …
	typedSignal("typed_value", 0.30, func(_ *Index, pq *parsedQuery, c *candidate) bool {
		return holdsAsked(askedOf(pq, c.u), c.u) && !(onlyDates(pq.asked) && otherDocsDate(pq, c))
	}),
	// "bao nhiêu thôn": a number written right before the noun counted.
	// On an English unit, the noun's English first word ("14 wards",
	// "42 residential groups" for "bao nhiêu phường, tổ dân phố").
	typedSignal("counted_noun", 0.30, func(_ *Index, pq *parsedQuery, c *candidate) bool {
		if pq.counted == "" {
			return false
		}
		if countsNoun(c.folded, pq.counted) {
			return true
		}
		for _, l := range pq.countedLong {
			if countsNoun(c.folded, l[0]) {
				return true
			}
		}
		if c.u.traits&inEnglish != 0 {
			// The longest noun the glossary renders: "công chức" is
			// "civil servants", not its first syllable's.
			for n := len(pq.countedWords); n > 0; n-- {
				ens := content.NounEnglish(strings.Join(pq.countedWords[:n], " "))
				for _, en := range ens {
					if first, _, _ := strings.Cut(en, " "); countsNoun(c.folded, first) {
						return true
					}
				}
				if len(ens) > 0 {
					break
				}
			}
			// A short form counted ("ĐVHC") is rendered by its long
			// form's English ("administrative units").
			for _, l := range pq.countedLong {
				for _, en := range content.NounEnglish(strings.Join(l, " ")) {
					if first, _, _ := strings.Cut(en, " "); countsNoun(c.folded, first) {
						return true
					}
				}
			}
		}
		return false
	}),
	// "mã hành chính", "administrative code": the unit writes a code's
	// label with its digits ("Mã hành chính: 25915"), not only the place
	// whose code is asked.
	typedSignal("code", 0.30, func(_ *Index, pq *parsedQuery, c *candidate) bool {
		return pq.code && asksCode(c.folded) && statesCode(c.u.text)
	}),
	// The count asked stands in a clause that says what the question
	// asks ("giảm 381 đơn vị"), not only in a unit that does.
	{name: "attached", weight: 0.3, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return c.attached }},
	// The value of the kind asked is written with what the question
	// says of it ("có hiệu lực từ ngày …" for "có hiệu lực từ ngày nào").
	{name: "ask_near", weight: 0, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return c.askNear }},
	// A unit holding the kind of answer asked reads its article's title
	// and lead as its own: the page names its subject there once.
	{name: "topic", weight: 0, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return c.topic }},
	// A unit not holding the kind asked, in an article where another
	// candidate holds it: what it shares with the question that its
	// title or lead names too is the page's subject, which the holder
	// reads at topicCredit; the rest of the credit is not its own.
	{name: "echo", weight: 0, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 { return -c.echo }},
	// A unit that frames its article (the grounds cited, the headline,
	// the article's title unit) says what the page is about, not the
	// value asked: it shares the most words with any question about the
	// page. Not when it cites the document asked about, whose number
	// and date it then gives.
	{name: "preamble", weight: -0.2, fn: func(_ *Index, _ *parsedQuery, c *candidate) float64 {
		return b2f(c.u.preamble && !c.docHit)
	}},
}

//go:embed weights.json
var weightsJSON []byte

// signalWeights are the signals' weights in table order: fitted ones from
// weights.json, the hand-set default for any signal the file does not name.
var signalWeights = mustWeights(weightsJSON)

func mustWeights(b []byte) []float64 {
	w, err := parseWeights(b)
	if err != nil {
		panic(err)
	}
	return w
}

// parseWeights reads a weights file: a JSON object of signal name → weight.
// A name the table does not have is an error, so a renamed signal cannot
// silently lose its fitted weight.
func parseWeights(b []byte) ([]float64, error) {
	w := make([]float64, len(signals))
	for i, s := range signals {
		w[i] = s.weight
	}
	if len(b) == 0 {
		return w, nil
	}
	var m map[string]float64
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("index: weights: %w", err)
	}
	for name, v := range m {
		i := signalIndex(name)
		if i < 0 {
			return nil, fmt.Errorf("index: weights: no signal %q", name)
		}
		w[i] = v
	}
	return w, nil
}

// weightsFile renders weights as weights.json holds them, sorted by name.
func weightsFile(w []float64) []byte {
	m := make(map[string]float64, len(w))
	for i, s := range signals {
		m[s.name] = w[i]
	}
	b, _ := json.MarshalIndent(m, "", "  ") // map keys are sorted
	return append(b, '\n')
}

func signalIndex(name string) int {
	for i, s := range signals {
		if s.name == name {
			return i
		}
	}
	return -1
}

// features evaluates every signal on a candidate, in table order.
func (ix *Index) features(pq *parsedQuery, c *candidate, into []float64) []float64 {
	into = into[:0]
	for _, s := range signals {
		into = append(into, s.fn(ix, pq, c))
	}
	return into
}

func dot(w, f []float64) float64 {
	s := 0.0
	for i := range f {
		s += w[i] * f[i]
	}
	return s
}

// SignalValue is one term of a candidate's score, for -explain.
type SignalValue struct {
	Name   string
	Value  float64
	Weight float64
}

// explainSignals lists the signals that count for a candidate, largest
// contribution first.
func explainSignals(w, f []float64) []SignalValue {
	var out []SignalValue
	for i, v := range f {
		if v != 0 {
			out = append(out, SignalValue{Name: signals[i].name, Value: v, Weight: w[i]})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value*out[i].Weight > out[j].Value*out[j].Weight })
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// typedHolds: a typed signal other than "number" (any figure) is above
// 0: the unit holds the kind of answer asked, as its typed signals read it.
func typedHolds(f []float64) bool {
	for i, s := range signals {
		if s.typed && f[i] > 0 && s.name != "number" {
			return true
		}
	}
	return false
}
