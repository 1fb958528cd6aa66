package perf

import (
	"bufio"
	"cmp"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/baseline"
	"github.com/kyanhbot/kyanhbot/internal/pause"
)

// SearchConfig says what the search section measures.
type SearchConfig struct {
	Articles   []int // corpus sizes, one measurement each
	Words      int   // words per article
	Queries    int   // questions per run
	Workers    int   // concurrent askers
	Seed       int64
	ReloadRate int       // questions/s served during the reload; 0 skips the reload row
	Progress   io.Writer // one line per step; nil for none
	// IndexDir keeps our index on disk in a new directory under it, as
	// serve does with INDEX_DIR; empty builds it in memory. The baseline
	// is always in memory.
	IndexDir string
	// KeepDir builds our index in exactly this directory and keeps it
	// (index.BuildOptions.Dir): a build stopped by BuildBudget resumes in
	// the next run, and a finished one is opened, not rebuilt. Overrides
	// IndexDir.
	KeepDir string
	// BuildBudget stops our build after this long (0: no limit); with
	// KeepDir, what it indexed stays for the next run.
	BuildBudget time.Duration
	// NoBaseline skips the plain bleve baseline.
	NoBaseline bool
	// MemProfile, when set, gets a heap profile written right after our
	// build: live bytes, and every byte the build allocated.
	MemProfile string
	// MappedText lays the corpus's text out in a mapped file
	// (content.CompactMapped) instead of the heap, and hands its pages
	// back (ReleaseText) once the index is built.
	MappedText bool
	// Slowest, when above 0, asks each question again alone once the
	// timed run is over and logs the Slowest that took the most CPU of
	// their thread: on a shared machine the tail of the latencies is
	// mostly waiting for a core, and this tells which questions cost
	// the tail on a quiet one.
	Slowest int
}

// Search measures, for each corpus size, our index and the plain bleve
// baseline on the same synthetic corpus and question set: build time and
// throughput, latency p50/p99 and throughput with cfg.Workers askers, heap
// and RSS with the index live; then reloads our index while questions keep
// coming at cfg.ReloadRate per second.
func Search(ctx context.Context, cfg SearchConfig, rep *Report) error {
	for _, n := range cfg.Articles {
		var part Report
		if err := searchSize(ctx, cfg, n, &part); err != nil {
			return err
		}
		rep.Rows = append(rep.Rows, part.Rows...)
		if cfg.Progress != nil {
			// A long run shows each size as soon as it is measured.
			_ = part.Write(cfg.Progress)
		}
	}
	return nil
}

func (cfg SearchConfig) logf(format string, args ...any) {
	if cfg.Progress != nil {
		fmt.Fprintf(cfg.Progress, format+"\n", args...)
	}
}

func searchSize(ctx context.Context, cfg SearchConfig, n int, rep *Report) error {
	size := fmt.Sprintf("%d articles", n)
	row := func(metric, ours, base, r string) {
		rep.Add(Row{Section: "search", Size: size, Metric: metric, Ours: ours, Baseline: base, Ratio: r})
	}

	start := time.Now()
	c, err := synthCorpus(cfg, n)
	if err != nil {
		return err
	}
	sq := synth.Questions(cfg.Seed, c, cfg.Queries)
	questions := make([]string, len(sq))
	for i, q := range sq {
		questions[i] = q.Question
	}
	cfg.logf("%s: generated in %s", size, secs(time.Since(start)))
	before := MeasureMemory()
	loadStart := loadAverage()
	opts := index.BuildOptions{Path: cfg.IndexDir, Dir: cfg.KeepDir, Phase: phaseLog(cfg.logf)}

	// Ours.
	cfg.logf("%s: building our index", size)
	ResetPeakRSS()
	tm := StartTimer()
	buildCtx, cancel := ctx, context.CancelFunc(func() {})
	if cfg.BuildBudget > 0 {
		buildCtx, cancel = context.WithTimeout(ctx, cfg.BuildBudget)
	}
	peakProfile := ""
	if cfg.MemProfile != "" {
		peakProfile = cfg.MemProfile + ".peak"
	}
	stopWatch := WatchLiveHeap(peakProfile)
	ix, err := index.Build(buildCtx, c, opts)
	cancel()

	oursBuild, oursCPU := tm.Stop()
	oursPeak := PeakRSS()
	peakLive := stopWatch()
	cfg.logf("%s: our build: %s wall, %s CPU, peak RSS %s (load %s)", size, secs(oursBuild), secs(oursCPU), mb(oursPeak), loadAverage())
	if err != nil {
		return fmt.Errorf("perf: %s: %w", size, err)
	}
	if cfg.MemProfile != "" {
		if err := writeHeapProfile(cfg.MemProfile); err != nil {
			ix.Close()
			return err
		}
	}
	oursUnits := ix.Stats().Units
	// The build read all of the text; a question reads a few units'.
	c.ReleaseText()
	oursMem := MeasureMemory()
	answers := make([]index.Result, len(questions))
	ask := func(ctx context.Context, i int, q string) error {
		res, err := ix.Search(ctx, q, index.Options{})
		answers[i] = res
		return err
	}
	warm(ctx, questions, ask)
	cfg.logf("%s: asking our index %d questions", size, len(questions))
	tm = StartTimer()
	ours := Run(ctx, cfg.Workers, questions, ask)
	_, oursAskCPU := tm.Stop()
	if cfg.Slowest > 0 {
		logSlowest(ctx, questions, ask, cfg.Slowest, cfg.logf)
	}
	// An on-disk index's pages come into memory as questions read them.
	oursAsked := MeasureMemory()
	var reload *reloadResult
	if cfg.ReloadRate > 0 {
		cfg.logf("%s: reloading under %d questions/s", size, cfg.ReloadRate)
		// The reload builds afresh, as serve's does: in the kept
		// directory it would only open the index kept there, so a run
		// split in steps (the build kept, then the reload) measures a
		// real build too.
		reloadOpts := opts
		reloadOpts.Dir = ""
		live := index.NewLive(ix, reloadOpts)
		rr, err := reloadUnderLoad(ctx, live, c, questions, cfg.ReloadRate, 2*cfg.Workers, cfg.logf)
		if err != nil {
			live.Close()
			return fmt.Errorf("perf: %s: %w", size, err)
		}
		reload = &rr
		if err := live.Close(); err != nil {
			return fmt.Errorf("perf: %s: %w", size, err)
		}
	} else if err := ix.Close(); err != nil {
		return fmt.Errorf("perf: %s: %w", size, err)
	}
	MeasureMemory()

	// Baseline.
	var (
		baseBuild, baseCPU, baseAskCPU time.Duration
		basePeak                       uint64
		baseMem, baseAsked             Memory
		base                           Load
		baseUnits                      int
	)
	if !cfg.NoBaseline {
		cfg.logf("%s: building the baseline", size)
		ResetPeakRSS()
		tm = StartTimer()
		// Plain bleve over the same units, stored as lean as ours, asked
		// with one MatchQuery a question: it answers Vietnamese questions
		// wrongly (no accent folding, an English stop list) and is there so
		// that the cost of doing better is a ratio measured in one run.
		bl, err := baseline.BuildLean(ctx, c, baseline.Plain)
		if err != nil {
			return err
		}
		baseBuild, baseCPU = tm.Stop()
		basePeak = PeakRSS()
		baseMem = MeasureMemory()
		baseAsk := func(ctx context.Context, _ int, q string) error {
			_, err := bl.Count(ctx, q)
			return err
		}
		warm(ctx, questions, baseAsk)
		cfg.logf("%s: asking the baseline %d questions", size, len(questions))
		tm = StartTimer()
		base = Run(ctx, cfg.Workers, questions, baseAsk)
		_, baseAskCPU = tm.Stop()
		baseAsked = MeasureMemory()
		baseUnits = bl.Units()
		if err := bl.Close(); err != nil {
			return err
		}
	} else {
		// Rows still name both columns; the skipped one says so.
		defer func() {
			for i := range rep.Rows {
				if rep.Rows[i].Size == size && rep.Rows[i].Baseline != "" {
					rep.Rows[i].Baseline, rep.Rows[i].Ratio = "not run", ""
				}
			}
		}()
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("perf: %w", err)
	}

	perSec := func(d time.Duration) float64 { return float64(n) / d.Seconds() }
	where := "in memory"
	switch {
	case cfg.KeepDir != "":
		where = "on disk (memory-mapped), kept in " + cfg.KeepDir + "; build time is this run's part"
	case cfg.IndexDir != "":
		where = "on disk (memory-mapped)"
	}
	row("machine: load average (1 min), start → end", loadStart+" → "+loadAverage(), "", "")
	row("index kept", where, "in memory", "")
	if cfg.MappedText {
		row("corpus text", "in a mapped file (page cache), its pages handed back after the build", "the same", "")
	}
	row("index units", fmt.Sprint(oursUnits), fmt.Sprint(baseUnits), "")
	row("build time (wall)", secs(oursBuild), secs(baseBuild), ratio(oursBuild.Seconds(), baseBuild.Seconds()))
	row("build CPU time", secs(oursCPU), secs(baseCPU), ratio(oursCPU.Seconds(), baseCPU.Seconds()))
	row("build articles/s (wall)", num(perSec(oursBuild)), num(perSec(baseBuild)), ratio(perSec(oursBuild), perSec(baseBuild)))
	row("build articles/s per CPU-second", num(float64(n)/oursCPU.Seconds()), num(float64(n)/baseCPU.Seconds()), ratio(baseCPU.Seconds(), oursCPU.Seconds()))
	row("peak RSS during the build", mb(oursPeak), mb(basePeak), ratio(float64(oursPeak), float64(basePeak)))
	// What the reload guard's estimate is measured against: the live heap
	// at the build's peak beyond what was live before it, per byte of the
	// text EstimateBuild counts.
	need := peakLive - min(before.Heap, peakLive)
	text := textBytes(c)
	row("build: peak live heap beyond the corpus (at collections)", fmt.Sprintf("%s (%.1f bytes a byte of text, %s of text)", mb(need), float64(need)/float64(max(text, 1)), mb(uint64(text))), "", "")
	row("build: EstimateBuild (the reload guard's estimate)", mb(uint64(index.EstimateBuild(c, opts))), "", "")
	for _, p := range []float64{50, 99} {
		o, b := ours.Latencies.Percentile(p), base.Latencies.Percentile(p)
		row(fmt.Sprintf("latency p%.0f", p), ms(o), ms(b), ratio(float64(o), float64(b)))
	}
	row(fmt.Sprintf("questions/s, %d workers", cfg.Workers), num(ours.PerSecond()), num(base.PerSecond()), ratio(ours.PerSecond(), base.PerSecond()))
	perQ := func(d time.Duration, l Load) time.Duration { return d / time.Duration(max(1, len(l.Latencies))) }
	row("CPU time per question", ms(perQ(oursAskCPU, ours)), ms(perQ(baseAskCPU, base)), ratio(float64(perQ(oursAskCPU, ours)), float64(perQ(baseAskCPU, base))))
	row("failed questions", fmt.Sprint(ours.Failed), fmt.Sprint(base.Failed), "")
	oh, bh := oursMem.Heap-min(before.Heap, oursMem.Heap), baseMem.Heap-min(before.Heap, baseMem.Heap)
	row("index heap (live, after GC)", mb(oh), mb(bh), ratio(float64(oh), float64(bh)))
	row("process RSS before building (the corpus, questions, runtime)", mb(before.RSS), "", "")
	row("process RSS, index live", mb(oursMem.RSS), mb(baseMem.RSS), ratio(float64(oursMem.RSS), float64(baseMem.RSS)))
	row("— of which anonymous / file-backed", mb(oursMem.RSSAnon)+" / "+mb(oursMem.RSSFile), mb(baseMem.RSSAnon)+" / "+mb(baseMem.RSSFile), "")
	row("— of the file-backed, the index's mapped segment files", mb(oursMem.RSSSegments), mb(baseMem.RSSSegments), "")
	row("— Go heap: objects / spans in use / runtime beside them", mb(oursMem.Heap)+" / "+mb(oursMem.HeapSpans)+" / "+mb(oursMem.Runtime),
		mb(baseMem.Heap)+" / "+mb(baseMem.HeapSpans)+" / "+mb(baseMem.Runtime), "")
	row("process RSS after the questions", mb(oursAsked.RSS), mb(baseAsked.RSS), ratio(float64(oursAsked.RSS), float64(baseAsked.RSS)))
	row("— of which anonymous / file-backed", mb(oursAsked.RSSAnon)+" / "+mb(oursAsked.RSSFile), mb(baseAsked.RSSAnon)+" / "+mb(baseAsked.RSSFile), "")
	row("— of the file-backed, the index's mapped segment files", mb(oursAsked.RSSSegments), mb(baseAsked.RSSSegments), "")
	if hit, answerable := hitAt1(sq, answers); answerable > 0 {
		row("hit@1 on the synthetic questions", fmt.Sprintf("%.1f%% of %d", 100*float64(hit)/float64(answerable), answerable), "", "")
	}
	if reload != nil {
		row(fmt.Sprintf("reload under %d q/s: failed", cfg.ReloadRate), fmt.Sprintf("%d of %d", reload.failed, reload.asked), "", "")
		if reload.shed > 0 {
			row(fmt.Sprintf("reload: not asked (%d already in flight)", 2*cfg.Workers), fmt.Sprint(reload.shed), "", "")
		}
		row("reload: p99 before → during", ms(reload.before.Percentile(99))+" → "+ms(reload.during.Percentile(99)), "", "")
		row("reload: build while serving, until swapped", secs(reload.took), "", "")
		row("reload: peak RSS over the whole reload", mb(reload.peak), "", "")
	}
	return nil
}

// logSlowest asks every question again, one at a time on one thread, and
// logs the n whose asking took the most CPU of that thread, with the
// median and the 99th percentile of the CPU a question.
func logSlowest(ctx context.Context, questions []string, ask func(context.Context, int, string) error, n int, logf func(string, ...any)) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	type cost struct {
		i   int
		cpu time.Duration
	}
	costs := make([]cost, len(questions))
	for i, q := range questions {
		before := threadCPUTime()
		_ = ask(ctx, i, q)
		costs[i] = cost{i, threadCPUTime() - before}
	}
	slices.SortFunc(costs, func(a, b cost) int { return cmp.Compare(b.cpu, a.cpu) })
	var all Latencies
	for _, c := range costs {
		all = append(all, c.cpu)
	}
	slices.Sort(all)
	logf("questions asked alone: CPU a question p50 %s, p99 %s, highest %s", ms(all.Percentile(50)), ms(all.Percentile(99)), ms(all.Percentile(100)))
	for _, c := range costs[:min(n, len(costs))] {
		logf("  %s CPU: %s", ms(c.cpu), questions[c.i])
	}
}

// synthCorpus generates the synthetic corpus of n articles. With a kept
// index it is kept beside it (KeepDir + ".corpus") and read back by the
// next step: generating 100,000 articles took one to three minutes of
// each 10-minute step.
func synthCorpus(cfg SearchConfig, n int) (*content.Corpus, error) {
	var c *content.Corpus
	path := ""
	if cfg.KeepDir != "" {
		path = strings.TrimRight(cfg.KeepDir, "/") + corpusSuffix
		c = readCorpus(path, cfg.Seed, n, cfg.Words)
	}
	if c == nil {
		c = synth.Corpus(cfg.Seed, n, cfg.Words)
		if path != "" {
			if err := writeCorpus(path, cfg.Seed, n, cfg.Words, c); err != nil {
				return nil, err
			}
		}
	}
	if cfg.MappedText {
		dir := cfg.KeepDir
		if dir == "" {
			dir = cfg.IndexDir
		}
		if dir == "" || dir == "memory" {
			dir = os.TempDir()
		}
		p := fmt.Sprintf("%s.text-%d", strings.TrimRight(dir, "/"), os.Getpid())
		if err := c.CompactMapped(p); err != nil {
			return nil, fmt.Errorf("perf: %w", err)
		}
		return c, nil
	}
	// As content.Load lays out what serve loads (at 10,000 articles the
	// corpus's heap pages 88 → 62 MB).
	c.Compact()
	return c, nil
}

// corpusSuffix names the corpus kept beside a kept index: its directory's
// name with this suffix.
const corpusSuffix = ".corpus"

// RemoveKept removes the kept index in dir with everything kept beside
// it: its units and place names (index.RemoveKept) and the corpus.
func RemoveKept(dir string) error {
	return index.RemoveKept(dir, corpusSuffix)
}

// keptCorpus is a kept synthetic corpus and what it was generated from.
type keptCorpus struct {
	Seed            int64
	Articles, Words int
	Corpus          *content.Corpus
}

func readCorpus(path string, seed int64, n, words int) *content.Corpus {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	var k keptCorpus
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&k); err != nil ||
		k.Seed != seed || k.Articles != n || k.Words != words || k.Corpus == nil || len(k.Corpus.Articles) != n {
		return nil
	}
	return k.Corpus
}

func writeCorpus(path string, seed int64, n, words int, c *content.Corpus) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("perf: keep corpus: %w", err)
	}
	w := bufio.NewWriter(f)
	err = gob.NewEncoder(w).Encode(&keptCorpus{Seed: seed, Articles: n, Words: words, Corpus: c})
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		return fmt.Errorf("perf: keep corpus: %w", err)
	}
	return nil
}

// phaseLog logs, as a build starts each step, the time since its first
// and the process's memory: a peak RSS that grew since the line before
// was reached in the step before.
//
// It also gives the highest live heap of the step before (sampled every
// 5 ms between the two lines): what that step needed, without its garbage.
//
// And the step's wall and CPU time, and their ratio: the cores it kept
// busy (at most 2 on two cores, less on a loaded machine; a step that runs
// on one goroutine reads at most 1).
func phaseLog(logf func(string, ...any)) func(string) {
	var (
		start  time.Time
		prev   string
		stop   func() uint64
		step   Timer
		inStep bool
	)
	return func(name string) {
		if inStep {
			wall, cpu := step.Stop()
			logf("build: %s: %s wall, %.2f CPU-s, %.2f cores", prev, secs(wall), cpu.Seconds(), cpu.Seconds()/max(wall.Seconds(), 1e-9))
		}
		if stop != nil {
			if peak := stop(); peak > 0 {
				logf("build: %s: highest live heap %s", prev, mb(peak))
			}
			stop = nil
		}
		if name == "cut" {
			start = time.Now()
		}
		step, inStep = StartTimer(), name != "finish"
		st := procStatus("VmRSS", "VmHWM", "RssAnon", "RssFile")
		logf("build: %s from %s: RSS %s (anonymous %s, file-backed %s, of it segments %s), peak so far %s, live heap %s (load %s)",
			name, secs(time.Since(start)), mb(st[0]), mb(st[2]), mb(st[3]), mb(mappedRSS(".zap")), mb(st[1]), mb(uint64(liveHeapNow())), loadAverage())
		prev = name
		if name != "finish" {
			stop = WatchLiveHeap("")
		}
	}
}

// textBytes is the article text EstimateBuild counts: titles and paragraphs.
func textBytes(c *content.Corpus) int64 {
	var n int64
	for _, a := range c.Articles {
		n += int64(len(a.Title))
		for _, p := range a.Paragraphs {
			n += int64(len(p))
		}
	}
	return n
}

// hitAt1 counts the answerable questions whose first hit contains an
// expected string, compared as index.Evaluate compares them.
func hitAt1(qs []synth.Question, answers []index.Result) (hit, answerable int) {
	for i, q := range qs {
		if len(q.ExpectAny) == 0 {
			continue
		}
		answerable++
		a, ok := answers[i].Answer()
		if !ok {
			continue
		}
		text := content.Normalize(a.Text)
		for _, w := range q.ExpectAny {
			if strings.Contains(text, content.Normalize(w)) {
				hit++
				break
			}
		}
	}
	return hit, answerable
}

// warm asks a few questions first so that lazily built structures and the
// CPU caches do not land in the first measured latencies.
func warm(ctx context.Context, questions []string, fn func(context.Context, int, string) error) {
	for i, q := range questions[:min(100, len(questions))] {
		_ = fn(ctx, i, q)
	}
}

type reloadResult struct {
	asked, failed  int
	shed           int
	before, during Latencies
	took           time.Duration
	peak           uint64 // highest RSS from the first question to the last
}

// reloadUnderLoad asks questions at rate per second, open loop (a slow
// answer does not delay the next question), for two seconds, then reloads c
// while they keep coming, then half a second more. A question fails when
// Search returns an error. At most maxInFlight questions are in flight, as
// a bot answers with a bounded pool: when the index cannot keep up with the
// rate, further questions are counted as shed instead of piling up, which
// would also starve the reload of CPU and measure nothing but the pile.
//
// Every 30 s it logs how far it is, so that a run stopped by a time limit
// still tells the peak so far.
func reloadUnderLoad(ctx context.Context, live *index.Live, c *content.Corpus, questions []string, rate, maxInFlight int, logf func(string, ...any)) (reloadResult, error) {
	const (
		phaseBefore = iota
		phaseDuring
		phaseAfter
	)
	var (
		phase  atomic.Int32
		mu     sync.Mutex
		res    reloadResult
		wg     sync.WaitGroup
		failed atomic.Int64
		asked  atomic.Int64
		shed   int
		// shedCount is shed for the progress lines, read while the pacer
		// counts.
		shedCount atomic.Int64
	)
	ResetPeakRSS()
	inFlight := make(chan struct{}, maxInFlight)
	stop := make(chan struct{})
	pacer := make(chan struct{})
	go func() {
		defer close(pacer)
		tick := time.NewTicker(time.Second / time.Duration(rate))
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			q := questions[i%len(questions)]
			p := phase.Load()
			select {
			case inFlight <- struct{}{}:
			default:
				shed++
				shedCount.Add(1)
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-inFlight }()
				asked.Add(1)
				t := time.Now()
				_, err := live.Search(ctx, q, index.Options{})
				d := time.Since(t)
				if err != nil {
					failed.Add(1)
				}
				mu.Lock()
				switch p {
				case phaseBefore:
					res.before = append(res.before, d)
				case phaseDuring:
					res.during = append(res.during, d)
				}
				mu.Unlock()
			}()
		}
	}()
	pause.For(ctx, 2*time.Second)
	phase.Store(phaseDuring)
	start := time.Now()
	reloaded := make(chan struct{})
	go func() {
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-reloaded:
				return
			case <-t.C:
				logf("reload: %s in, peak RSS %s, %d asked, %d failed, %d not asked (load %s)",
					secs(time.Since(start)), mb(PeakRSS()), asked.Load(), failed.Load(), shedCount.Load(), loadAverage())
			}
		}
	}()
	_, err := live.Reload(ctx, c)
	close(reloaded)
	res.took = time.Since(start)
	phase.Store(phaseAfter)
	pause.For(ctx, 500*time.Millisecond)
	close(stop)
	<-pacer
	wg.Wait()
	res.peak = PeakRSS()
	if err != nil {
		return res, fmt.Errorf("reload: %w", err)
	}
	res.asked, res.failed, res.shed = int(asked.Load()), int(failed.Load()), shed
	slices.Sort(res.before)
	slices.Sort(res.during)
	return res, nil
}

// writeHeapProfile writes the heap profile after a collection, so that its
// in-use figures are live bytes.
func writeHeapProfile(path string) error {
	runtime.GC()
	return writeProfileNow(path)
}

// writeProfileNow writes the heap profile as of the last collection.
func writeProfileNow(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("perf: memprofile: %w", err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("perf: memprofile: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("perf: memprofile: %w", err)
	}
	return nil
}

// loadAverage is the machine's load average over the last minute, as
// /proc/loadavg gives it; "?" where it cannot be read.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	if f := strings.Fields(string(b)); len(f) > 0 {
		return f[0]
	}
	return "?"
}
