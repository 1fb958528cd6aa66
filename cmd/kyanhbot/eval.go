package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/kyanhbot/kyanhbot/index"
)

func runEval(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("content", "", "content directory (default: $CONTENT_DIR, else the embedded default corpus)")
	file := fs.String("questions", "", "question file, JSON Lines: {id, question, kind, expect_any}")
	minHit1 := fs.Float64("min-hit1", 0, "fail when hit@1 (percent of answerable questions) is below this")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *file == "" {
		return usageError{"usage: kyanhbot eval -questions FILE [-content DIR] [-min-hit1 PERCENT]"}
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
	ix, err := buildIndex(ctx, e, *dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	rep, err := index.Evaluate(ctx, ix, qs)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if err := rep.Write(e.stdout); err != nil {
		return err
	}
	if rep.Total.Answerable > 0 {
		if got := 100 * float64(rep.Total.Hit1) / float64(rep.Total.Answerable); got < *minHit1 {
			return fmt.Errorf("eval: hit@1 %.0f%% is below %.0f%%", got, *minHit1)
		}
	}
	return nil
}
