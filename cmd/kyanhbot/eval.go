package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/baseline"
)

func runEval(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("content", "", "content directory (default: $CONTENT_DIR, else the embedded default corpus)")
	withDefault := fs.Bool("with-default", false, "load the embedded default corpus too, as one corpus with -content")
	file := fs.String("questions", "", "question file, JSON Lines: {id, question, kind, expect_any}")
	base := fs.String("baseline", "", "evaluate plain bleve instead of kyanhbot: plain (standard analyzer) or folded (accents folded)")
	asJSON := fs.Bool("json", false, "print the report as JSON: totals, kinds and every case with its top hits")
	misses := fs.Bool("misses", true, "list every miss with the answer given after the table")
	minHit1 := fs.Float64("min-hit1", 0, "fail when hit@1 (percent of answerable questions) is below this")
	indexDir := fs.String("index-dir", "", "build the index on disk under this directory, as serve does with INDEX_DIR (default: in memory)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *file == "" || fs.NArg() > 0 {
		return usageError{"usage: kyanhbot eval -questions FILE [-content DIR [-with-default]] [-baseline plain|folded] [-json] [-misses=false] [-min-hit1 PERCENT] [-index-dir DIR]"}
	}
	var analyzer baseline.Analyzer
	if *base != "" {
		a, err := baseline.ParseAnalyzer(*base)
		if err != nil {
			return usageError{err.Error()}
		}
		analyzer = a
	}
	f, err := os.Open(*file)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	qs, err := index.ReadQuestions(f)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	c, err := loadCorpus(ctx, e, *dir)
	if err != nil {
		return err
	}
	if err := addDefault(ctx, e, *dir, *withDefault, c); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	for _, p := range c.Problems {
		fmt.Fprintln(e.stderr, "warning:", p)
	}
	var s interface {
		index.Searcher
		Close() error
	}
	if analyzer != "" {
		s, err = baseline.Build(ctx, c, analyzer)
	} else {
		s, err = index.Build(ctx, c, index.BuildOptions{Path: *indexDir})
	}
	if err != nil {
		return fmt.Errorf("eval: build index: %w", err)
	}
	defer s.Close()
	rep, err := index.Evaluate(ctx, s, qs)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	switch {
	case *asJSON:
		err = rep.WriteJSON(e.stdout)
	case *misses:
		err = rep.Write(e.stdout)
	default:
		err = rep.WriteTable(e.stdout)
	}
	if err != nil {
		return err
	}
	if rep.Total.Answerable > 0 {
		if got := 100 * float64(rep.Total.Hit1) / float64(rep.Total.Answerable); got < *minHit1 {
			return fmt.Errorf("eval: hit@1 %.0f%% is below %.0f%%", got, *minHit1)
		}
	}
	return nil
}
