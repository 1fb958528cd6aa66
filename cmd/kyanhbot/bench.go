package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/kyanhbot/kyanhbot/index/perf"
)

// benchSection is one part of the bench table: search, then the whole bot.
type benchSection struct {
	name string
	run  func(ctx context.Context, o benchOptions, rep *perf.Report) error
}

type benchOptions struct {
	articles []int
	words    int
	queries  int
	workers  int
	seed     int64
	reload   int
	indexDir string // our index on disk under it; "" in memory
	// keepDir, buildBudget, noBaseline, memProfile and mappedText: see perf.SearchConfig.
	keepDir     string
	buildBudget time.Duration
	noBaseline  bool
	memProfile  string
	mappedText  bool
	slowest     int
	// botUpdates are offered to the whole bot over botChats chats; 0 skips
	// the bot section.
	botUpdates, botChats int
	botQuestions         string
	e                    env
}

func benchSections() []benchSection {
	return []benchSection{
		{"search", func(ctx context.Context, o benchOptions, rep *perf.Report) error {
			return perf.Search(ctx, perf.SearchConfig{
				Articles: o.articles, Words: o.words, Queries: o.queries, Workers: o.workers,
				Seed: o.seed, ReloadRate: o.reload, Progress: o.e.stderr, IndexDir: o.indexDir,
				KeepDir: o.keepDir, BuildBudget: o.buildBudget, NoBaseline: o.noBaseline, MemProfile: o.memProfile,
				MappedText: o.mappedText, Slowest: o.slowest,
			}, rep)
		}},
		{"bot", func(ctx context.Context, o benchOptions, rep *perf.Report) error {
			if o.botUpdates == 0 {
				return nil
			}
			return runBotBench(ctx, botBenchConfig{Updates: o.botUpdates, Chats: o.botChats, Seed: o.seed,
				Questions: o.botQuestions, Progress: o.e.stderr}, rep)
		}},
	}
}

func runBench(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	sizes := fs.String("articles", "1000,10000", "synthetic corpus sizes to measure, comma-separated (up to 100000)")
	words := fs.Int("words", 600, "words per synthetic article")
	queries := fs.Int("queries", 2000, "questions per run")
	workers := fs.Int("workers", 2, "concurrent askers")
	seed := fs.Int64("seed", 1, "seed of the synthetic corpus and questions")
	reload := fs.Int("reload-rate", 200, "questions/s asked while reloading; 0 skips the reload measurement")
	only := fs.String("sections", "", "sections to run, comma-separated (default: all)")
	markdown := fs.Bool("markdown", false, "print the table as Markdown")
	botUpdates := fs.Int("bot-updates", 5000, "updates offered to the whole bot (section bot); 0 skips it")
	botChats := fs.Int("bot-chats", 200, "chats the bot section's updates are spread over")
	botQuestions := fs.String("bot-questions", "testdata/questions-public.jsonl", "questions for the bot section, JSON lines (built-in phrasings when unreadable)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	indexDir := fs.String("index-dir", "", `keep our index on disk under this directory, as serve does (default: a temporary directory); "memory" builds it in memory`)
	keepDir := fs.String("keep-index", "", "build our index in exactly this directory and keep it: a build stopped by -build-budget resumes in the next run, a finished one is opened (one corpus size at a time)")
	removeKept := fs.Bool("remove-index", false, "remove the index kept in -keep-index's directory and the files kept beside it (units, place names, corpus), then exit")
	buildBudget := fs.Duration("build-budget", 0, "stop our build after this long (with -keep-index, the next run resumes it); 0 for no limit")
	baseline := fs.Bool("baseline", true, "also build and ask the plain bleve baseline")
	mappedText := fs.Bool("mapped-text", false, "lay the corpus's text out in a mapped file, out of the Go heap, and hand its pages back after the build")
	slowest := fs.Int("slowest", 0, "after the timed questions, ask each again alone and log the N that took the most CPU (our index; the tail of p99 without the load's waits)")
	memprofile := fs.String("memprofile", "", "write a heap profile right after our build to this file, and one near the build's peak live heap to FILE.peak (one corpus size)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	o := benchOptions{words: *words, queries: *queries, workers: *workers, seed: *seed, reload: *reload,
		botUpdates: *botUpdates, botChats: *botChats, botQuestions: *botQuestions, e: e,
		keepDir: *keepDir, buildBudget: *buildBudget, noBaseline: !*baseline, memProfile: *memprofile, mappedText: *mappedText, slowest: *slowest}
	if o.botUpdates < 0 || o.botChats < 1 {
		return usageError{"bench: -bot-updates must not be negative, -bot-chats at least 1"}
	}
	if *removeKept {
		if o.keepDir == "" {
			return usageError{"bench: -remove-index needs -keep-index"}
		}
		if err := perf.RemoveKept(o.keepDir); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		fmt.Fprintf(e.stdout, "removed the kept index %s and the files beside it\n", o.keepDir)
		return nil
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 100000 {
			return usageError{fmt.Sprintf("bench: -articles: %q is not a size between 1 and 100000", s)}
		}
		o.articles = append(o.articles, n)
	}
	if (o.keepDir != "" || o.memProfile != "") && len(o.articles) != 1 {
		return usageError{"bench: -keep-index and -memprofile take one corpus size in -articles"}
	}
	if o.buildBudget < 0 {
		return usageError{"bench: -build-budget must not be negative"}
	}
	if o.words < 50 || o.queries < 1 || o.workers < 1 || o.reload < 0 || o.slowest < 0 {
		return usageError{"bench: -words must be at least 50, -queries and -workers at least 1, -reload-rate not negative"}
	}
	switch *indexDir {
	case "memory":
	case "":
		dir, err := os.MkdirTemp("", "kyanhbot-bench-")
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(dir)
		o.indexDir = dir
	default:
		o.indexDir = *indexDir
	}
	want := map[string]bool{}
	for _, s := range strings.Split(*only, ",") {
		if s = strings.TrimSpace(s); s != "" {
			want[s] = true
		}
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return fmt.Errorf("bench: cpuprofile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	var rep perf.Report
	ran := 0
	for _, s := range benchSections() {
		if len(want) > 0 && !want[s.name] {
			continue
		}
		ran++
		if err := s.run(ctx, o, &rep); err != nil {
			return fmt.Errorf("bench: %s: %w", s.name, err)
		}
	}
	if ran == 0 {
		return usageError{fmt.Sprintf("bench: no section named %q", *only)}
	}
	if *markdown {
		return rep.Markdown(e.stdout)
	}
	return rep.Write(e.stdout)
}
