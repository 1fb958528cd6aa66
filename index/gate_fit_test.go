package index

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// The answer/decline decision (gate.go) is fitted like the ranking's
// weights: coordinate ascent on the number of questions answered right
// (hit@1, or declined when nothing answers) over every labelled set — the
// in-house fit sets and every real-page round whose pages are gathered —
// reported leave-one-set-out: fitted on all sets but one, measured on the
// one left out.
//
//	go test ./index -run TestGateFit -v        # leave-one-set-out table
//	go test ./index -run TestGateFit -gatefit  # rewrite gate.json from all sets
var (
	gateFit   = flag.Bool("gatefit", false, "TestGateFit: fit the decision's weights and rewrite gate.json")
	gateDump  = flag.String("gatedump", "", "TestGateFit: write each question's decision inputs to this TSV file")
	gateSlack = flag.Int("gateslack", 0, "TestGateFit: right declines the fit may give up over the training sets")
)

// gateQuestion is one question's decision, computed once: the inputs on
// its ranking, and what answering or declining gives.
type gateQuestion struct {
	id         string
	x          []float64
	answerable bool
	empty      bool // nothing was retrieved: declined whatever the weights
	topRight   bool // the best unit holds an expected string
	check      checks
}

type gateSet struct {
	name    string
	perfect bool
	qs      []gateQuestion
}

// outcome of a set under gate weights w.
type gateOutcome struct{ hit1, declinedRight, lost, right int }

func (gs *gateSet) eval(w []float64) gateOutcome {
	var o gateOutcome
	for i := range gs.qs {
		q := &gs.qs[i]
		answered, right := false, false
		switch {
		case q.empty:
		case dot(w, q.x) >= 0:
			answered, right = true, q.topRight
		}
		switch {
		case !q.answerable && !answered:
			o.declinedRight++
		case q.answerable && !answered:
			o.lost++
		case q.answerable && right:
			o.hit1++
		}
	}
	o.right = o.hit1 + o.declinedRight
	return o
}

func loadGateSets(t *testing.T) []gateSet {
	t.Helper()
	var out []gateSet
	for _, s := range fitSets(t) {
		ix := buildFitIndex(t, s)
		gs := gateSet{name: s.name, perfect: s.perfect}
		for _, q := range readQuestions(t, s.questions) {
			if s.pages != "" && pageMissing(s.pages, q.Note) {
				continue
			}
			pq := ix.parse(q.Question)
			ranked, err := ix.rank(context.Background(), pq)
			if err != nil {
				t.Fatal(err)
			}
			ranked = ix.order(pq, ranked, signalWeights)
			g := gateQuestion{id: q.ID, answerable: len(q.ExpectAny) > 0, empty: len(ranked) == 0}
			if len(ranked) > 0 {
				g.x = ix.gateVector(ranked, pq.english, nil)
				g.topRight = g.answerable && containsAny(ix.units[ranked[0].unit].text, q.ExpectAny)
				g.check = ranked[0].gate.checks
			}
			gs.qs = append(gs.qs, g)
		}
		out = append(out, gs)
	}
	return out
}

// gateStep are the moves coordinate ascent tries on each weight.
var gateStep = []float64{-0.4, -0.2, -0.1, -0.05, -0.02, -0.01, 0.01, 0.02, 0.05, 0.1, 0.2, 0.4}

// fitGate runs coordinate ascent from w0 on the sets train: a move is
// kept when it answers more questions right over all of them, costs no
// set more than one (nor a perfect set any), and gives up at most one
// right decline for two more right answers over all of them (declinesFor).
func fitGate(train []*gateSet, w0 []float64) []float64 {
	w := append([]float64{}, w0...)
	base := make([]gateOutcome, len(train))
	var sum0 gateOutcome
	for i, gs := range train {
		base[i] = gs.eval(w0)
		sum0.hit1 += base[i].hit1
		sum0.declinedRight += base[i].declinedRight
	}
	score := func(w []float64) (int, bool) {
		var sum gateOutcome
		total := 0
		for i, gs := range train {
			o := gs.eval(w)
			if o.right < base[i].right-1 || (gs.perfect && o.right < base[i].right) {
				return 0, false
			}
			total += o.right
			sum.hit1 += o.hit1
			sum.declinedRight += o.declinedRight
		}
		return total, declinesFor(sum, sum0, *gateSlack)
	}
	fixed := slices.IndexFunc(gateInputs, func(g gateInput) bool { return g.name == "coverage" })
	return coordinateAscent(w, 8, fixed, gateStep, func(keep, d float64) float64 { return keep + d }, score)
}

// declinesFor: o gives up no more right declines than slack and one for
// every two right answers it gains over base. A decline is worth less
// than an answer on pages nobody tuned for: the hidden set has 13
// questions to decline of 157, the real rounds up to one in five, and a
// citizen given an answer with its source can judge it
// (docs/quality.md, round 11).
func declinesFor(o, base gateOutcome, slack int) bool {
	return o.declinedRight >= base.declinedRight-slack-max(0, o.hit1-base.hit1)/2
}

func handGate() []float64 {
	w := make([]float64, len(gateInputs))
	for i, g := range gateInputs {
		w[i] = g.weight
	}
	return w
}

// TestGateFit reports the decision fitted leave-one-set-out against the
// hand-set answer bar, set by set, and fails if the committed weights
// answer fewer questions right over all sets than the hand-set bar, or
// give up more right declines than declinesFor allows.
func TestGateFit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every labelled set")
	}
	sets := loadGateSets(t)
	all := make([]*gateSet, len(sets))
	for i := range sets {
		all[i] = &sets[i]
	}
	if *gateDump != "" {
		writeGateDump(t, *gateDump, all)
	}
	hand := handGate()
	if *gateFit {
		w := fitGate(all, hand)
		if err := os.WriteFile("gate.json", gateFile(w), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("fitted on all sets; gate.json written:\n%s", gateFile(w))
		return
	}
	var b strings.Builder
	b.WriteString("| left out | hand-set hit@1 / declined right / lost | fitted on the others | committed |\n|---|---|---|---|\n")
	var sh, scv, sc gateOutcome
	add := func(a *gateOutcome, o gateOutcome) {
		a.hit1 += o.hit1
		a.declinedRight += o.declinedRight
		a.lost += o.lost
		a.right += o.right
	}
	for i, held := range all {
		var train []*gateSet
		for j, gs := range all {
			if j != i {
				train = append(train, gs)
			}
		}
		w := fitGate(train, hand)
		h, cv, c := held.eval(hand), held.eval(w), held.eval(gateWeights)
		add(&sh, h)
		add(&scv, cv)
		add(&sc, c)
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", held.name, h, cv, c)
	}
	fmt.Fprintf(&b, "| **all** | %s | %s | %s |\n", sh, scv, sc)
	t.Logf("leave-one-set-out decision (hit@1 / declined right / answerable declined):\n%s", b.String())
	if sc.right < sh.right || !declinesFor(sc, sh, 0) {
		t.Errorf("committed gate: %s right over all sets; the hand-set bar %s", sc, sh)
	}
}

func (o gateOutcome) String() string {
	return fmt.Sprintf("%d / %d / %d", o.hit1, o.declinedRight, o.lost)
}

// gateFile renders weights as gate.json holds them, sorted by name, the
// inputs at 0 left out.
func gateFile(w []float64) []byte {
	var b strings.Builder
	b.WriteString("{\n")
	first := true
	for _, name := range sortedGateNames() {
		v := w[gateIndex(name)]
		if v == 0 {
			continue
		}
		if !first {
			b.WriteString(",\n")
		}
		first = false
		fmt.Fprintf(&b, "  %q: %.4g", name, v)
	}
	b.WriteString("\n}\n")
	return []byte(b.String())
}

func sortedGateNames() []string {
	var names []string
	for _, g := range gateInputs {
		names = append(names, g.name)
	}
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return names
}

func writeGateDump(t *testing.T, path string, sets []*gateSet) {
	t.Helper()
	var b strings.Builder
	b.WriteString("set\tid\tanswerable\tempty\ttop_right\tchecks")
	for _, g := range gateInputs {
		b.WriteString("\t" + g.name)
	}
	b.WriteString("\n")
	for _, gs := range sets {
		for _, q := range gs.qs {
			fmt.Fprintf(&b, "%s\t%s\t%v\t%v\t%v\t%d", gs.name, q.id, q.answerable, q.empty, q.topRight, q.check)
			for i := range gateInputs {
				v := 0.0
				if q.x != nil {
					v = q.x[i]
				}
				fmt.Fprintf(&b, "\t%.4f", v)
			}
			b.WriteString("\n")
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
