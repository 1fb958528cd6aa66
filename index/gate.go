package index

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// Whether anything answers at all is one decision over what the
// best-ranked unit shows: its coverage before and after the checks that
// mark a unit down (a place, title, period, field or kind of value the
// question names and the unit does not), which checks did, its lead over
// the next candidate, how much of the question no page writes. Each input
// is named in gateInputs, its weight is in gate.json, and the best unit
// answers when the weighted sum is not below zero. TestGateFit fits the
// weights on every labelled set and reports them leave-one-set-out: an
// input keeps a weight only if it earns it on sets it was not fitted on
// (docs/quality.md). gate.json holds the answer bar of before (coverage
// ≥ 0.55, 0.45 where English is read) and two inputs fitted beside it:
// window_whole, a unit whose window (it, the sentences around it, its
// article's title and lead) holds the question's words answers from
// coverage 0.39; window_typed, one whose window holds most of them and
// the kind of value asked, leading the next, from 0.35; clean_lead, a
// unit no check marked down, of a question every word of which some page
// writes, answers from lower coverage the further its score leads the
// next candidate's (0.2 × the lead, at most 1): a page that speaks to the
// question in other words than the question's. A word no page writes may
// be the very thing asked ("hội viên nữ" where pages count hội viên), so
// it gets no lead (docs/quality.md, round 11). No linear weighting of the other inputs
// has beaten the bar on left-out sets without declining fewer questions
// rightly.

// gateFacts is what rank records of a candidate for the decision beyond
// its coverage.
type gateFacts struct {
	raw    float64 // coverage before any check marked it down
	own    float64 // coverage by the unit's own words (no title, sentence before or list introduction)
	window float64 // coverage by the unit's window: it, the sentence before, its list's introduction, its article's title and lead, each word whole; marked down as coverage is
	// windowHole: a word of the question is nowhere in the window
	// ("hội viên nữ" where the page counts hội viên).
	windowHole bool
	unknown    float64 // share of the question's weight that no page writes in any spelling
	gap        float64 // the largest share of the question's weight in one word some page writes and the unit lacks
	checks     checks  // the checks that marked the unit down

	// askShift is what weighing down the words questions ask with
	// (askwords.go) adds to the coverage the decision reads.
	askShift float64
}

// checks is a set of the coverage checks that found a unit lacking.
type checks uint16

const (
	checkEntity  checks = 1 << iota // a body or year the question names
	checkPeriod                     // a numbered period stated otherwise
	checkTitle                      // the title asked, where the person is named
	checkNamed                      // a place, weekday or season the question names
	checkWhole                      // the place's words are there, but apart
	checkField                      // a fax or e-mail asked for, or a phone where the article gives none
	checkTyped                      // a checked kind of value asked for (population, area, time, count of a unit type)
	checkHeading                    // the unit is itself a question
)

// checkNames name the checks for -explain, in the order of their bits.
var checkNames = []string{"entity", "period", "title", "named", "whole", "field", "typed", "heading"}

// names are the checks c holds, by name.
func (c checks) names() []string {
	var out []string
	for i, n := range checkNames {
		if c&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// gateInput is one named input of the decision.
type gateInput struct {
	name string
	// weight is the hand-set default: with these the decision is the
	// answer bar of before (coverage ≥ 0.55, 0.45 where English is read).
	weight float64
	fn     func(ix *Index, ranked []scored, english bool) float64
}

func checked(c checks) func(*Index, []scored, bool) float64 {
	return func(_ *Index, r []scored, _ bool) float64 { return b2f(r[0].gate.checks&c != 0) }
}

// gateInputs is the decision's table. Names are stable: gate.json refers
// to them.
var gateInputs = []gateInput{
	{"bias", -foundCoverage, func(*Index, []scored, bool) float64 { return 1 }},
	{"coverage", 1, func(_ *Index, r []scored, _ bool) float64 { return r[0].coverage + r[0].gate.askShift }},
	// The lower bar where English is read is for the words a question
	// and an English page put otherwise; a field the page does not give
	// (a phone, a fax), the title asked or a place where the holder or
	// the value is not named (the director of another ward's centre,
	// the chairman of another body), is missing in any language.
	{"english", foundCoverage - englishCoverage, func(ix *Index, r []scored, english bool) float64 {
		return b2f((english || ix.units[r[0].unit].traits&inEnglish != 0) && r[0].gate.checks&(checkField|checkTitle|checkNamed) == 0)
	}},
	{"raw_coverage", 0, func(_ *Index, r []scored, _ bool) float64 { return r[0].gate.raw }},
	{"own_coverage", 0, func(_ *Index, r []scored, _ bool) float64 { return r[0].gate.own }},
	{"window_coverage", 0, func(_ *Index, r []scored, _ bool) float64 { return r[0].gate.window }},
	{"window_whole", 0, func(_ *Index, r []scored, _ bool) float64 {
		return b2f(r[0].gate.checks == 0 && !r[0].gate.windowHole && r[0].gate.window >= windowWhole)
	}},
	{"window_typed", 0, func(_ *Index, r []scored, _ bool) float64 {
		lead := 1.0
		if len(r) > 1 {
			lead = r[0].score - r[1].score
		}
		return b2f(r[0].gate.checks == 0 && !r[0].gate.windowHole && r[0].gate.window >= windowTyped && lead >= windowTypedLead &&
			r[0].feats != nil && holdsTypedFeat(r[0].feats))
	}},
	{"clean_lead", 0, func(_ *Index, r []scored, _ bool) float64 {
		if r[0].gate.checks != 0 || r[0].gate.unknown > 0 {
			return 0
		}
		if len(r) < 2 {
			return 1
		}
		return math.Min(1, r[0].score-r[1].score)
	}},
	{"window_hole", 0, func(_ *Index, r []scored, _ bool) float64 { return b2f(r[0].gate.windowHole) }},
	{"unknown", 0, func(_ *Index, r []scored, _ bool) float64 { return r[0].gate.unknown }},
	{"gap", 0, func(_ *Index, r []scored, _ bool) float64 { return r[0].gate.gap }},
	{"same_article", 0, func(ix *Index, r []scored, _ bool) float64 {
		return b2f(len(r) > 1 && ix.units[r[0].unit].article == ix.units[r[1].unit].article)
	}},
	{"lead", 0, func(_ *Index, r []scored, _ bool) float64 {
		if len(r) < 2 {
			return 1
		}
		return math.Min(1, r[0].score-r[1].score)
	}},
	{"second_coverage", 0, func(_ *Index, r []scored, _ bool) float64 {
		if len(r) < 2 {
			return 0
		}
		return r[1].coverage
	}},
	{"typed", 0, func(_ *Index, r []scored, _ bool) float64 {
		return b2f(r[0].feats != nil && holdsTypedFeat(r[0].feats))
	}},
	{"bigrams", 0, func(_ *Index, r []scored, _ bool) float64 {
		if r[0].feats == nil {
			return 0
		}
		return r[0].feats[bigramsSignal]
	}},
	{"document", 0, func(_ *Index, r []scored, _ bool) float64 { return b2f(r[0].docHit) }},
	{"missing_entity", 0, checked(checkEntity)},
	{"missing_period", 0, checked(checkPeriod)},
	{"missing_title", 0, checked(checkTitle)},
	{"missing_named", 0, checked(checkNamed)},
	{"missing_whole", 0, checked(checkWhole)},
	{"missing_field", 0, checked(checkField)},
	{"missing_typed", 0, checked(checkTyped)},
}

// windowWhole is the window coverage at which a unit no check marked down,
// whose window misses no word of the question but a place's kind, answers
// whatever its own words cover: the subject is in the article's title or
// lead (the issue's "every
// named thing in the answer's window, or in its article's title or
// lead"). Chosen leave-one-set-out among 0.6–0.95 on the labelled sets:
// every fold chose 0.8; 0.75 and below decline fewer questions rightly
// (docs/quality.md, round 8 answer/decline).
const windowWhole = 0.8

// windowTyped and windowTypedLead: a unit no check marked down, holding
// the kind of value asked, whose window (it, the sentences around it, its
// enclosing items, its article's title and lead) misses no word of the
// question and covers windowTyped of it, and which leads the next
// candidate by windowTypedLead, answers (window_typed: from coverage 0.35)
// — the page words the rest otherwise. Chosen leave-one-set-out over the
// 24 labelled sets among windows 0.55–0.75 and leads 0.1–0.4, for the
// most right at no fewer right declines on the other sets: every fold
// chose 0.55 and 0.1 (+3 hit@1, no right decline lost; docs/quality.md,
// round 10). Without the hole condition 0.65 and 0.15 win 8 for 2 right
// declines lost, and answer "hội viên nữ" with the count of hội viên.
const (
	windowTyped     = 0.55
	windowTypedLead = 0.1
)

var bigramsSignal = signalIndex("bigrams")

//go:embed gate.json
var gateJSON []byte

// gateWeights are the decision's weights in table order.
var gateWeights = func() []float64 {
	w, err := parseGate(gateJSON)
	if err != nil {
		panic(err)
	}
	return w
}()

// parseGate reads a gate file: a JSON object of input name → weight; a
// name the table does not have is an error.
func parseGate(b []byte) ([]float64, error) {
	w := make([]float64, len(gateInputs))
	for i, g := range gateInputs {
		w[i] = g.weight
	}
	if len(b) == 0 {
		return w, nil
	}
	var m map[string]float64
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("index: gate: %w", err)
	}
	for name, v := range m {
		i := gateIndex(name)
		if i < 0 {
			return nil, fmt.Errorf("index: gate: no input %q", name)
		}
		w[i] = v
	}
	return w, nil
}

func gateIndex(name string) int {
	for i, g := range gateInputs {
		if g.name == name {
			return i
		}
	}
	return -1
}

// gateVector evaluates every input of the decision on a ranking (best
// first, not empty).
func (ix *Index) gateVector(ranked []scored, english bool, into []float64) []float64 {
	into = into[:0]
	for _, g := range gateInputs {
		into = append(into, g.fn(ix, ranked, english))
	}
	return into
}

// answersFirst: the best-ranked unit answers the question.
func (ix *Index) answersFirst(ranked []scored, english bool, w []float64) bool {
	var buf [32]float64
	return dot(w, ix.gateVector(ranked, english, buf[:0])) >= 0
}

// gateTerms lists the decision's terms with a weight, in table order.
func gateTerms(w, x []float64) []SignalValue {
	var out []SignalValue
	for i, v := range x {
		if w[i] != 0 {
			out = append(out, SignalValue{Name: gateInputs[i].name, Value: v, Weight: w[i]})
		}
	}
	return out
}

// A question nothing answers may still have a unit that comes close: the
// right one, refused because the question is worded in ways no page
// writes (a typo, an abbreviation, chat words). Such a unit is offered as
// "maybe this" beside the decline when no check found it lacking what the
// question names (a place, title, period, field or kind of value: those
// are the neighbour questions' near facts), the decision fell short of
// answering by at most maybeMargin, and it leads the next candidate by
// maybeLead. Chosen on the labelled sets at the bar's weights (coverage
// ≥ 0.35; docs/quality.md): on real-1..6 at the end of the session that
// chose it, it holds the answer for 14 of the 70 answerable questions
// declined and is offered beside 10 of the 113 questions declined rightly
// (15 of 72 and 11 of 112 when chosen); 0.30, or no lead, offers it beside
// more of those for few more right.
const (
	maybeMargin = 0.20
	maybeLead   = 0.10
)

// offersMaybe: the best-ranked unit of a question nothing answers is
// offered as "maybe this".
func (ix *Index) offersMaybe(ranked []scored, english bool) bool {
	if len(ranked) == 0 || ranked[0].gate.checks != 0 {
		return false
	}
	if len(ranked) > 1 && ranked[0].score-ranked[1].score < maybeLead {
		return false
	}
	var buf [32]float64
	return dot(gateWeights, ix.gateVector(ranked, english, buf[:0])) >= -maybeMargin
}
