package index

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// A third fitter, of small steps over the whole path. Coordinate ascent
// (fit) counts what the rounds count — the first answer after the sum,
// the reorderings after it (sideFirst, whichFirst, authorOfBest) and the
// decision (gate.go) — but moves one weight at a time by a grid step, and
// a step a few questions of one round pay for is what fails on the round
// left out. The pairwise fitter moves every weight at once in small steps,
// but on a surrogate (the sum alone) the rounds do not count. This one
// keeps the count and the small steps: from the committed weights, a move
// of every weight at once in a random direction (or of one weight) by
// stepSize, kept when the questions answered right, less stepL2 × the
// squared distance from the committed weights, rise; the fit is averaged
// over bags, each fitted on the in-house sets and a random part of the
// real rounds, so that what one round pulls is averaged away.
//
// Judged round by round on weights no bag that saw the round took part
// in: a bag leaves stepOut real rounds out, and a round's weights are the
// average of the bags that left it out (out of bag).
//
//	go test ./index -run TestStepFit -step -v -fit-skip real32,real33
var (
	stepRun   = flag.Bool("step", false, "TestStepFit: run the small-step fitter, judged out of bag round by round")
	stepSize  = flag.Float64("step-size", 0.03, "TestStepFit: the length of a move (each weight's share of it in a random direction)")
	stepIters = flag.Int("step-iters", 200, "TestStepFit: moves tried per bag")
	stepL2    = flag.Float64("step-l2", 20, "TestStepFit: questions a unit of squared distance from the committed weights costs")
	stepBags  = flag.Int("step-bags", 12, "TestStepFit: bags")
	stepOut   = flag.Int("step-out", 4, "TestStepFit: real rounds each bag leaves out")
	stepSeed  = flag.Uint64("step-seed", 1, "TestStepFit: the random seed")
	stepWrite = flag.Bool("step-write", false, "TestStepFit: write the average of the bags to weights.json")
	stepAgree = flag.Int("step-agree", 0, "TestStepFit: a move is kept only when the sets it gains on outnumber those it loses on by this many")
	stepTest  = flag.String("step-test", "", "TestStepFit: real rounds kept out of every bag, comma-separated, measured with the average of the bags fitted on the other sets")
	stepLOSO  = flag.Bool("step-loso", false, "TestStepFit: leave one round out, each fold the average of stepBags bags fitted on the other rounds (each bag without stepOut more)")
)

// bagFit is the average of bags small-step fits, each on train but out
// real rounds drawn at random (the in-house sets are in every bag).
func bagFit(t *testing.T, train []*fitData, bags, out int, rng *rand.Rand) []float64 {
	var rounds []int
	for i, fd := range train {
		if fd.set.pages != "" {
			rounds = append(rounds, i)
		}
	}
	avg := make([]float64, len(signalWeights))
	for b := 0; b < bags; b++ {
		skip := map[int]bool{}
		for _, k := range rng.Perm(len(rounds))[:min(out, len(rounds))] {
			skip[rounds[k]] = true
		}
		var bag []*fitData
		for i, fd := range train {
			if !skip[i] {
				bag = append(bag, fd)
			}
		}
		w, gain := stepFit(bag, signalWeights, rng)
		for k := range w {
			avg[k] += w[k] / float64(bags)
		}
		t.Logf("  bag %d: +%d on its training sets", b, gain)
	}
	return avg
}

// movedWeights lists the weights of w that differ from the committed ones.
func movedWeights(w []float64) string {
	var moved []string
	for k, s := range signals {
		if math.Abs(w[k]-signalWeights[k]) >= 0.005 {
			moved = append(moved, fmt.Sprintf("%s %.2f→%.2f", s.name, signalWeights[k], w[k]))
		}
	}
	return strings.Join(moved, ", ")
}

// stepFit runs the small-step search from w0 on train. Weights keep the
// sign they start with (a penalty stays a penalty), coverage stays at 1.
func stepFit(train []*fitData, w0 []float64, rng *rand.Rand) (w []float64, gain int) {
	fixed := signalIndex("coverage")
	base := rightAll(train, w0)
	cur := slices.Clone(base)
	scratch := make([]int, len(train))
	objective := func(w []float64) (float64, bool) {
		total, agree := 0, 0
		counts := rightAll(train, w)
		for i, r := range counts {
			if r < base[i]-1 || (train[i].set.perfect && r < base[i]) {
				return 0, false
			}
			total += r
			switch {
			case r > cur[i]:
				agree++
			case r < cur[i]:
				agree--
			}
		}
		if agree < *stepAgree {
			return 0, false
		}
		copy(scratch, counts)
		d := 0.0
		for k := range w {
			d += (w[k] - w0[k]) * (w[k] - w0[k])
		}
		return float64(total) - *stepL2*d, true
	}
	w = slices.Clone(w0)
	best := 0.0
	for _, r := range base {
		best += float64(r)
	}
	cand := make([]float64, len(w))
	for it := 0; it < *stepIters; it++ {
		copy(cand, w)
		if rng.IntN(2) == 0 {
			// every weight at once, a random direction of length stepSize
			dir := make([]float64, len(w))
			n := 0.0
			for k := range dir {
				if k != fixed {
					dir[k] = rng.NormFloat64()
					n += dir[k] * dir[k]
				}
			}
			n = math.Sqrt(n)
			for k := range dir {
				cand[k] += *stepSize * dir[k] / n
			}
		} else {
			k := rng.IntN(len(w) - 1)
			if k >= fixed {
				k++
			}
			cand[k] += *stepSize * float64(1-2*rng.IntN(2))
		}
		for k := range cand {
			if w0[k] >= 0 {
				cand[k] = max(cand[k], 0)
			} else {
				cand[k] = min(cand[k], 0)
			}
		}
		if sc, ok := objective(cand); ok && sc > best {
			best = sc
			copy(w, cand)
			copy(cur, scratch)
		}
	}
	for i, r := range rightAll(train, w) {
		gain += r - base[i]
	}
	return w, gain
}

// TestStepFit fits stepBags bags, each on the in-house sets and the real
// rounds but stepOut drawn at random, and measures each real round with
// the average of the bags that left it out, against the committed weights.
func TestStepFit(t *testing.T) {
	if !*stepRun {
		t.Skip("-step runs it (builds every labelled set)")
	}
	start := time.Now()
	data := loadFitData(t)
	all := make([]*fitData, len(data))
	var rounds []int
	for i := range data {
		all[i] = &data[i]
		if data[i].set.pages != "" {
			rounds = append(rounds, i)
		}
	}
	t0 := time.Now()
	rightAll(all, signalWeights)
	t.Logf("loaded %d sets in %v; one count over all %v", len(all), t0.Sub(start).Round(time.Second), time.Since(t0).Round(time.Millisecond))
	rng := rand.New(rand.NewPCG(*stepSeed, 23))
	if *stepLOSO {
		stepLOSOTable(t, all, rng, start)
		return
	}
	if *stepTest != "" {
		stepTestTable(t, all, rng)
		return
	}
	sumW := make(map[int][]float64) // round → sum of the weights of the bags that left it out
	nW := make(map[int]int)
	total := make([]float64, len(signalWeights))
	for b := 0; b < *stepBags; b++ {
		out := map[int]bool{}
		for _, k := range rng.Perm(len(rounds))[:min(*stepOut, len(rounds))] {
			out[rounds[k]] = true
		}
		var train []*fitData
		var left []string
		for i, fd := range all {
			if out[i] {
				left = append(left, fd.set.name)
				continue
			}
			train = append(train, fd)
		}
		w, gain := stepFit(train, signalWeights, rng)
		for k := range w {
			total[k] += w[k] / float64(*stepBags)
		}
		for i := range out {
			if sumW[i] == nil {
				sumW[i] = make([]float64, len(w))
			}
			for k := range w {
				sumW[i][k] += w[k]
			}
			nW[i]++
		}
		var held strings.Builder
		for i := range out {
			ch, cd := all[i].counts(signalWeights)
			fh, fdd := all[i].counts(w)
			fmt.Fprintf(&held, " %s %d/%d→%d/%d", all[i].set.name, ch, cd, fh, fdd)
		}
		t.Logf("bag %d (%v, +%d on its training sets) without %s:%s; moved: %s", b, time.Since(start).Round(time.Second), gain, strings.Join(left, ","), held.String(), movedWeights(w))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| left out | bags | hit@1 committed | out of bag | declined right committed | out of bag |\n|---|---|---|---|---|---|\n")
	var sum [4]int
	for _, i := range rounds {
		held := all[i]
		ch, cd := held.counts(signalWeights)
		fh, fdd := ch, cd
		if nW[i] > 0 {
			w := slices.Clone(sumW[i])
			for k := range w {
				w[k] /= float64(nW[i])
			}
			fh, fdd = held.counts(w)
		}
		sum[0], sum[1], sum[2], sum[3] = sum[0]+ch, sum[1]+fh, sum[2]+cd, sum[3]+fdd
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", held.set.name, nW[i], ch, fh, cd, fdd)
	}
	fmt.Fprintf(&b, "| **all** | | %d | %d | %d | %d |\n", sum[0], sum[1], sum[2], sum[3])
	inC, inF := 0, 0
	for _, fd := range all {
		if fd.set.pages == "" {
			inC += fd.right(signalWeights)
			inF += fd.right(total)
		}
	}
	var avg []string
	for k, s := range signals {
		avg = append(avg, fmt.Sprintf("%s %.3f", s.name, total[k]))
	}
	t.Logf("small steps (size %.3f, l2 %.1f, %d moves, %d bags of %d rounds out), out of bag:\n%s\naverage of the bags: %s; in-house right %d → %d",
		*stepSize, *stepL2, *stepIters, *stepBags, *stepOut, b.String(), strings.Join(avg, ", "), inC, inF)
	if *stepWrite {
		if err := os.WriteFile("weights.json", weightsFile(total), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// stepLOSOTable is leave one round out: each real round measured with the
// bags fitted on the in-house sets and the other rounds.
func stepLOSOTable(t *testing.T, all []*fitData, rng *rand.Rand, start time.Time) {
	var b strings.Builder
	fmt.Fprintf(&b, "| left out | hit@1 committed | fitted on the others | declined right committed | fitted |\n|---|---|---|---|---|\n")
	var sum [4]int
	inC, inF := 0, 0
	for i, held := range all {
		if held.set.pages == "" {
			continue
		}
		w := bagFit(t, others(all, i), *stepBags, *stepOut, rng)
		ch, cd := held.counts(signalWeights)
		fh, fdd := held.counts(w)
		sum[0], sum[1], sum[2], sum[3] = sum[0]+ch, sum[1]+fh, sum[2]+cd, sum[3]+fdd
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", held.set.name, ch, fh, cd, fdd)
		var floors []string
		for _, fd := range all {
			if fd.set.pages == "" {
				c, f := fd.right(signalWeights), fd.right(w)
				inC, inF = inC+c, inF+f
				if f < c {
					floors = append(floors, fmt.Sprintf("%s %d→%d", fd.set.name, c, f))
				}
			}
		}
		t.Logf("fold %s (%v): hit@1 %d → %d, declined right %d → %d; in-house below: %s; moved: %s", held.set.name, time.Since(start).Round(time.Second), ch, fh, cd, fdd, strings.Join(floors, ", "), movedWeights(w))
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d |\n", sum[0], sum[1], sum[2], sum[3])
	t.Logf("leave one round out, small steps (size %.3f, l2 %.1f, %d moves, %d bags each without %d more rounds):\n%s\nin-house right summed over the folds %d → %d",
		*stepSize, *stepL2, *stepIters, *stepBags, *stepOut, b.String(), inC, inF)
}

// stepTestTable fits the bags on every set but the rounds -step-test
// names and measures those rounds: rounds that came after the fit was
// tuned (re-gathered pages), judged once.
func stepTestTable(t *testing.T, all []*fitData, rng *rand.Rand) {
	test := map[string]bool{}
	for _, n := range strings.Split(*stepTest, ",") {
		test[strings.TrimSpace(n)] = true
	}
	var train, held []*fitData
	for _, fd := range all {
		if test[fd.set.name] {
			held = append(held, fd)
		} else {
			train = append(train, fd)
		}
	}
	w := bagFit(t, train, *stepBags, *stepOut, rng)
	var b strings.Builder
	fmt.Fprintf(&b, "| round | hit@1 committed | fitted | declined right committed | fitted |\n|---|---|---|---|---|\n")
	var sum [4]int
	for _, fd := range held {
		ch, cd := fd.counts(signalWeights)
		fh, fdd := fd.counts(w)
		sum[0], sum[1], sum[2], sum[3] = sum[0]+ch, sum[1]+fh, sum[2]+cd, sum[3]+fdd
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", fd.set.name, ch, fh, cd, fdd)
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d |\n", sum[0], sum[1], sum[2], sum[3])
	t.Logf("small steps fitted on the other sets (size %.3f, l2 %.1f, %d moves, %d bags each without %d rounds), measured on %s; moved: %s\n%s",
		*stepSize, *stepL2, *stepIters, *stepBags, *stepOut, *stepTest, movedWeights(w), b.String())
}
