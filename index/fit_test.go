package index

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// The signals' weights are fitted on every labelled question set by
// coordinate ascent on the number of questions answered right (hit@1, or
// declined when nothing answers): the measure the sets are judged by, not a
// proxy. Each weight in turn takes the value of a grid that answers the
// most, and keeps its old value on a tie, so a weight moves only when the
// sets say so. A move may not cost any set more than one question, nor cost
// the sets that must stay at 100% anything.
//
//	go test ./index -run TestFit -fit    # rewrite weights.json
//	go test ./index -run TestFit -v      # leave-one-set-out table
var fitWeights = flag.Bool("fit", false, "TestFit: fit the ranking signals' weights and rewrite weights.json")

// fitSet is a labelled question set and the corpus it is asked of.
type fitSet struct {
	name      string
	dirs      []string // content directories; "" is the embedded default article
	questions string
	perfect   bool // must stay at 100%
	// distractors, when not 0, adds that many synthetic articles to the
	// corpus, as TestQualityWithDistractors does.
	distractors int
	// pages, for a real round: its pages directory. A question whose note
	// names a page file that is not there (a page the pages corpus no
	// longer returned when the round was re-gathered) is left out: it
	// cannot be answered by any weights and would only add noise.
	pages string
}

func fitSets(tb testing.TB) []fitSet {
	sets := []fitSet{
		{"public", []string{""}, questionsFile(tb), true, 0, ""},
		{"article", []string{""}, filepath.Join("testdata", "article-questions.jsonl"), true, 0, ""},
		{"synthetic", []string{filepath.Join("testdata", "synthetic")}, filepath.Join("testdata", "synthetic", "questions.jsonl"), true, 0, ""},
		{"heldout-real", []string{""}, filepath.Join("testdata", "heldout-questions.jsonl"), false, 0, ""},
		{"heldout-synth", []string{filepath.Join("testdata", "heldout")}, filepath.Join("testdata", "heldout-synthetic-questions.jsonl"), false, 0, ""},
		{"fresh-real", []string{""}, filepath.Join("testdata", "fresh-questions.jsonl"), false, 0, ""},
		{"fresh-synth", []string{filepath.Join("testdata", "fresh")}, filepath.Join("testdata", "fresh-synthetic-questions.jsonl"), false, 0, ""},
		{"news", []string{filepath.Join("testdata", "news"), ""}, filepath.Join("testdata", "news-questions.jsonl"), false, 0, ""},
		{"round4", []string{filepath.Join("testdata", "round4"), ""}, filepath.Join("testdata", "round4-questions.jsonl"), false, 0, ""},
		{"round5", []string{filepath.Join("testdata", "round5"), ""}, filepath.Join("testdata", "round5-questions.jsonl"), false, 0, ""},
		{"round6", []string{filepath.Join("testdata", "round6"), ""}, filepath.Join("testdata", "round6-questions.jsonl"), false, 0, ""},
		{"flattable", []string{filepath.Join("testdata", "flattable")}, filepath.Join("testdata", "flattable", "questions.jsonl"), true, 0, ""},
		// The public questions among synthetic articles that share their
		// vocabulary: a signal favouring short units must not let a
		// look-alike win.
		{name: "distractors", dirs: []string{""}, questions: questionsFile(tb), perfect: true, distractors: 300},
	}
	// The real-page rounds whose pages have been gathered (they are not
	// committed: testdata/real/MANIFEST.md), but for those -fit-skip names:
	// the session's held-out round must not be fitted on.
	return append(sets, realFitSets(tb)...)
}

// fitMinGain and fitStart regularise the fit: a weight moves only when
// the sets answer at least fitMinGain more questions with it (1: any
// gain), and the ascent starts from the committed weights rather than the
// hand-set ones when fitStart is "committed".
var (
	fitMinGain = flag.Int("fit-min-gain", 1, "TestFit: the fewest more questions answered right that moves a weight")
	fitStart   = flag.String("fit-start", "hand", "TestFit: the weights the ascent starts from: hand or committed")
)

var fitSkip = flag.String("fit-skip", "", "TestFit, TestSignalAblation: real rounds to leave out, comma-separated (the held-out round, e.g. real11)")

// realFitSets are the rounds under testdata/real with both their questions
// and their pages, in round order, each with the default article as eval's
// -with-default loads it.
func realFitSets(tb testing.TB) []fitSet {
	root := filepath.Join("..", "testdata", "real")
	skip := map[string]bool{}
	for _, n := range strings.Split(*fitSkip, ",") {
		skip[strings.TrimSpace(n)] = true
	}
	var out []fitSet
	for n := 1; n < 100; n++ {
		name := fmt.Sprintf("real%d", n)
		dir := filepath.Join(root, name)
		if skip[name] {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "questions.jsonl")); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "pages")); err != nil {
			continue
		}
		pages := filepath.Join(dir, "pages")
		out = append(out, fitSet{name: name, dirs: []string{pages, ""}, questions: filepath.Join(dir, "questions.jsonl"), pages: pages})
	}
	return out
}

// fitQuestion is one question with its candidates' signals, computed once.
type fitQuestion struct {
	pq     parsedQuery
	ranked []scored
	expect []string
}

type fitData struct {
	set fitSet
	ix  *Index
	qs  []fitQuestion
}

func loadFitData(t *testing.T) []fitData {
	t.Helper()
	var out []fitData
	for _, s := range fitSets(t) {
		ix := buildFitIndex(t, s)
		fd := fitData{set: s, ix: ix}
		for _, q := range readQuestions(t, s.questions) {
			if s.pages != "" && pageMissing(s.pages, q.Note) {
				continue
			}
			pq := ix.parse(q.Question)
			ranked, err := ix.rank(context.Background(), pq)
			if err != nil {
				t.Fatal(err)
			}
			fd.qs = append(fd.qs, fitQuestion{pq: pq, ranked: ranked, expect: q.ExpectAny})
		}
		out = append(out, fd)
	}
	return out
}

// pageMissing: note names a page file (as the real rounds' notes do) that
// dir does not hold.
func pageMissing(dir, note string) bool {
	if !strings.HasSuffix(note, ".txt") && !strings.HasSuffix(note, ".md") && !strings.HasSuffix(note, ".html") || strings.ContainsAny(note, " /") {
		return false
	}
	_, err := os.Stat(filepath.Join(dir, note))
	return err != nil
}

// buildFitIndex builds the corpus of a fit set.
func buildFitIndex(t *testing.T, s fitSet) *Index {
	t.Helper()
	c := &content.Corpus{}
	if s.distractors > 0 {
		c = synth.Corpus(7, s.distractors, 400)
	}
	for _, d := range s.dirs {
		var dc *content.Corpus
		var err error
		if d == "" {
			dc, err = content.Load(context.Background(), content.Default())
		} else {
			dc, err = content.LoadDir(context.Background(), d)
		}
		if err != nil {
			t.Fatalf("%s: load %s: %v", s.name, d, err)
		}
		if len(c.Articles) == 0 {
			*c = *dc
		} else {
			c.Articles = append(c.Articles, dc.Articles...)
		}
	}
	return mustBuild(t, c)
}

// right counts the questions of a set answered right with weights w: the
// first answer holds an expected string, or nothing answers one that
// expects nothing — what Evaluate counts as OK.
func (fd *fitData) right(w []float64) int {
	hit, declined := fd.counts(w)
	return hit + declined
}

// counts splits right: answerable questions whose first answer holds an
// expected string (hit@1), and questions nothing answers that got no
// answer (declined right).
func (fd *fitData) counts(w []float64) (hit, declined int) {
	for i := range fd.qs {
		q := &fd.qs[i]
		kept := fd.ix.answers(fd.ix.order(q.pq, q.ranked, w), 1, q.pq.english)
		switch {
		case len(q.expect) == 0:
			if len(kept) == 0 {
				declined++
			}
		case len(kept) > 0 && containsAny(fd.ix.units[kept[0].unit].text, q.expect):
			hit++
		}
	}
	return hit, declined
}

// rightAll is right for each set, the sets measured side by side: each
// set has its own index and questions, and w is only read.
func rightAll(sets []*fitData, w []float64) []int {
	out := make([]int, len(sets))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, fd := range sets {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			out[i] = fd.right(w)
			<-sem
		}()
	}
	wg.Wait()
	return out
}

func (fd *fitData) size() int { return len(fd.qs) }

// fitGrid are the values a weight may take. Coverage stays at 1: it sets
// the scale the others are measured in, and the answer bar is on it.
var fitGrid = []float64{0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.3, 1.7, 2.2}

// fit runs coordinate ascent from w0 on the sets train.
func fit(train []*fitData, w0 []float64) []float64 {
	w := append([]float64{}, w0...)
	base := rightAll(train, w0)
	score := func(w []float64) (int, bool) {
		total := 0
		for i, r := range rightAll(train, w) {
			if r < base[i]-1 || (train[i].set.perfect && r < base[i]) {
				return 0, false
			}
			total += r
		}
		return total, true
	}
	fixed := slices.IndexFunc(signals, func(s signal) bool { return s.name == "coverage" })
	return coordinateAscentMin(w, 3, fixed, fitGrid, func(_, v float64) float64 { return v }, score, *fitMinGain)
}

// coordinateAscent moves one weight at a time, but never w[fixed] (the
// scale the others are measured in), to next(keep, step) for each step,
// keeping a move when score accepts it and rises, for at most passes
// passes over the weights. TestFit and TestGateFit share it.
func coordinateAscent(w []float64, passes, fixed int, steps []float64, next func(keep, step float64) float64, score func([]float64) (int, bool)) []float64 {
	return coordinateAscentMin(w, passes, fixed, steps, next, score, 1)
}

// coordinateAscentMin is coordinateAscent keeping a move only when the
// score rises by minGain or more.
func coordinateAscentMin(w []float64, passes, fixed int, steps []float64, next func(keep, step float64) float64, score func([]float64) (int, bool), minGain int) []float64 {
	best, _ := score(w)
	for pass := 0; pass < passes; pass++ {
		moved := false
		for i := range w {
			if i == fixed {
				continue
			}
			keep := w[i]
			for _, s := range steps {
				v := next(keep, s)
				if v == keep {
					continue
				}
				w[i] = v
				if sc, ok := score(w); ok && sc >= best+max(minGain, 1) {
					best, keep, moved = sc, v, true
				}
			}
			w[i] = keep
		}
		if !moved {
			break
		}
	}
	return w
}

func defaultWeights() []float64 {
	w := make([]float64, len(signals))
	for i, s := range signals {
		w[i] = s.weight
	}
	return w
}

// TestFit reports leave-one-set-out cross-validation of the fit (trained on
// every set but one, measured on the one left out) and fails if the
// committed weights answer fewer questions over all sets than the hand-set
// ones. With -fit it rewrites weights.json from all sets.
func TestFit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every labelled set")
	}
	data := loadFitData(t)
	all := make([]*fitData, len(data))
	for i := range data {
		all[i] = &data[i]
	}
	hand := defaultWeights()
	if *fitStart == "committed" {
		hand = append([]float64{}, signalWeights...)
	}
	total := func(w []float64) (n, of int) {
		for _, fd := range all {
			n += fd.right(w)
			of += fd.size()
		}
		return n, of
	}
	if *fitWeights {
		w := fit(all, hand)
		if err := os.WriteFile("weights.json", weightsFile(w), 0o644); err != nil {
			t.Fatal(err)
		}
		n, of := total(w)
		h, _ := total(hand)
		t.Logf("fitted on all sets: %d/%d right (hand-set %d); weights.json written", n, of, h)
		return
	}
	if *fitLOSO == "real" {
		looReal(t, all, hand)
		return
	}
	// The check needs no fit: the hand-set weights' count over all sets.
	// The folds (a coordinate ascent each, 18 minutes of the suite on a
	// loaded machine) only make the table, which -v prints.
	n, of := total(signalWeights)
	if h, _ := total(hand); n < h {
		t.Errorf("committed weights: %d/%d right, the hand-set weights %d", n, of, h)
	}
	if !testing.Verbose() {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| left out | questions | hand-set | fitted on the others | committed weights |\n|---|---|---|---|---|\n")
	sumHand, sumCV, sumCommitted, sumN := 0, 0, 0, 0
	for i, held := range all {
		train := others(all, i)
		w := fit(train, hand)
		h, cv, c := held.right(hand), held.right(w), held.right(signalWeights)
		sumHand, sumCV, sumCommitted, sumN = sumHand+h, sumCV+cv, sumCommitted+c, sumN+held.size()
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d |\n", held.set.name, held.size(), h, cv, c)
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d |\n", sumN, sumHand, sumCV, sumCommitted)
	t.Logf("leave-one-set-out (right = hit@1 or rightly declined):\n%s", b.String())
}

var fitLOSO = flag.String("fit-loso", "", "TestFit: \"real\" leaves out only the real rounds, one at a time, the in-house sets always fitted on")

// looReal is TestFit's leave-one-round-out over the real rounds: fitted
// from start on the in-house sets and every other round, measured on the
// round left out, hit@1 and right declines apart, against the committed
// weights. Each fold's weights that moved are logged, so a weight every
// fold moves the same way can be told from one a single round pulls.
func looReal(t *testing.T, all []*fitData, start []float64) {
	var b strings.Builder
	fmt.Fprintf(&b, "| left out | answerable | to decline | hit@1 committed | hit@1 fitted on the others | declined right committed | fitted |\n|---|---|---|---|---|---|---|\n")
	var sum [6]int
	for i, held := range all {
		if held.set.pages == "" {
			continue
		}
		train := others(all, i)
		w := fit(train, start)
		ch, cd := held.counts(signalWeights)
		fh, fdd := held.counts(w)
		na := 0
		for _, q := range held.qs {
			if len(q.expect) > 0 {
				na++
			}
		}
		row := [6]int{na, held.size() - na, ch, fh, cd, fdd}
		for k := range sum {
			sum[k] += row[k]
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d |\n", held.set.name, row[0], row[1], row[2], row[3], row[4], row[5])
		var moved []string
		for k, s := range signals {
			if w[k] != signalWeights[k] {
				moved = append(moved, fmt.Sprintf("%s %.2f→%.2f", s.name, signalWeights[k], w[k]))
			}
		}
		t.Logf("fold %s: hit@1 %d → %d, declined right %d → %d; moved: %s", held.set.name, ch, fh, cd, fdd, strings.Join(moved, ", "))
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d | %d | %d |\n", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5])
	t.Logf("leave-one-round-out over the real rounds:\n%s", b.String())
}

// TestSignalAblation logs, for each signal, how many questions each set
// answers right with that signal's weight set to 0: what the signal earns,
// set by set. It fails nothing; it is the evidence a new signal is kept on.
func TestSignalAblation(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every labelled set")
	}
	data := loadFitData(t)
	var b strings.Builder
	b.WriteString("| signal | weight |")
	for _, fd := range data {
		b.WriteString(" " + fd.set.name + " |")
	}
	b.WriteString(" all |\n")
	base := make([]int, len(data))
	sum := 0
	for i := range data {
		base[i] = data[i].right(signalWeights)
		sum += base[i]
	}
	fmt.Fprintf(&b, "| (committed) | |")
	for _, n := range base {
		fmt.Fprintf(&b, " %d |", n)
	}
	fmt.Fprintf(&b, " %d |\n", sum)
	for si, s := range signals {
		if s.name == "coverage" {
			continue
		}
		w := append([]float64{}, signalWeights...)
		w[si] = 0
		fmt.Fprintf(&b, "| %s | %.2f |", s.name, signalWeights[si])
		total := 0
		for i := range data {
			n := data[i].right(w)
			total += n
			fmt.Fprintf(&b, " %+d |", n-base[i])
		}
		fmt.Fprintf(&b, " %+d |\n", total-sum)
	}
	t.Logf("right answers lost (−) or gained (+) with each signal's weight at 0:\n%s", b.String())
}

var looSignal = flag.String("signal", "", "TestSignalLOSO: the signal whose weight alone is fitted, leave-one-set-out")

// TestSignalLOSO is how a new signal earns its weight: with every other
// weight as committed, the one named by -signal is set, for each set in
// turn, to the value of fitGrid that answers the most questions of the
// other sets (the rules of fit: no set may lose more than one question, a
// perfect set none; the committed value on a tie), and the set left out is
// measured with it.
//
//	go test ./index -run TestSignalLOSO -signal predicate -v
func TestSignalLOSO(t *testing.T) {
	if *looSignal == "" {
		t.Skip("-signal names the signal to judge")
	}
	si := signalIndex(*looSignal)
	if si < 0 {
		t.Fatalf("no signal %q", *looSignal)
	}
	data := loadFitData(t)
	best := func(train []*fitData) float64 {
		w := append([]float64{}, signalWeights...)
		base := make([]int, len(train))
		top := 0
		for i, fd := range train {
			base[i] = fd.right(w)
			top += base[i]
		}
		pick := signalWeights[si]
		for _, v := range fitGrid {
			w[si] = v
			sum, ok := 0, true
			for i, fd := range train {
				r := fd.right(w)
				if r < base[i]-1 || (fd.set.perfect && r < base[i]) {
					ok = false
					break
				}
				sum += r
			}
			if ok && sum > top {
				top, pick = sum, v
			}
		}
		return pick
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| left out | questions | committed | %s fitted on the others | right with it |\n|---|---|---|---|---|\n", *looSignal)
	sumC, sumF, sumN := 0, 0, 0
	all := make([]*fitData, len(data))
	for i := range data {
		all[i] = &data[i]
	}
	for i, held := range all {
		train := others(all, i)
		v := best(train)
		w := append([]float64{}, signalWeights...)
		w[si] = v
		c, f := held.right(signalWeights), held.right(w)
		sumC, sumF, sumN = sumC+c, sumF+f, sumN+held.size()
		fmt.Fprintf(&b, "| %s | %d | %d | %.2f | %d |\n", held.set.name, held.size(), c, v, f)
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %.2f on all sets | %d |\n", sumN, sumC, best(all), sumF)
	t.Logf("leave-one-set-out, %s alone (right = hit@1 or rightly declined):\n%s", *looSignal, b.String())
}

// others is every set but the i-th: a leave-one-out fold's training sets.
func others(all []*fitData, i int) []*fitData {
	train := make([]*fitData, 0, len(all)-1)
	for j, fd := range all {
		if j != i {
			train = append(train, fd)
		}
	}
	return train
}
