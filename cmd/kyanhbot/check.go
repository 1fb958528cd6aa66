package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
)

// runContent dispatches "content VERB"; check is the only verb so far.
func runContent(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "check" {
		return usageError{"usage: kyanhbot content check [-content DIR]"}
	}
	return runContentCheck(ctx, e, args[1:])
}

// runContentCheck lists every article with what was inferred and extracted
// from it, then the problems: what an admin reads before a reload. It fails
// when a file could not be used at all.
func runContentCheck(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("content check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("content", "", "content directory (default: $CONTENT_DIR, else the embedded default corpus)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"usage: kyanhbot content check [-content DIR]"}
	}
	c, err := loadCorpus(ctx, e, *dir)
	if err != nil {
		return fmt.Errorf("content check: %w", err)
	}
	w := &errWriter{w: e.stdout}
	writeCheck(w, c)
	if w.err != nil {
		return fmt.Errorf("content check: %w", w.err)
	}
	fatal := 0
	for _, p := range c.Problems {
		if p.Fatal {
			fatal++
		}
	}
	if fatal > 0 {
		return fmt.Errorf("content check: %d problems", fatal)
	}
	return nil
}

func writeCheck(w io.Writer, c *content.Corpus) {
	fmt.Fprintf(w, "%d articles, %d problems; glossary: %d abbreviations, %d English terms\n",
		len(c.Articles), len(c.Problems), len(c.Glossary.Abbreviations), len(c.Glossary.English))
	for _, a := range c.Articles {
		fmt.Fprintf(w, "\n== %s (%s)\n", a.Path, a.Format)
		field := func(name, v string) {
			if v == "" {
				v = "-"
			}
			fmt.Fprintf(w, "  %-10s %s\n", name+":", v)
		}
		field("title", a.Title)
		field("date", a.Date)
		field("category", a.Category)
		field("author", a.Author)
		field("source", a.Source)
		field("site", a.Site)
		if a.Synthetic {
			field("synthetic", "yes (test material)")
		}
		fmt.Fprintf(w, "  %d paragraphs, %d document citations, %d mergers, %d contacts\n",
			len(a.Paragraphs), len(a.Documents), len(a.Mergers), len(a.Contacts))

		if len(a.Documents) > 0 {
			fmt.Fprintln(w, "  documents:")
			for _, d := range distinctDocuments(a.Documents) {
				line := fmt.Sprintf("    %-14s %s", d.doc.ID, d.doc.TypeName)
				if d.doc.Date != "" {
					line += " ngày " + d.doc.Date
				}
				if d.n > 1 {
					line += fmt.Sprintf(" (cited %d times)", d.n)
				}
				fmt.Fprintln(w, line)
			}
		}
		if len(a.Mergers) > 0 {
			fmt.Fprintln(w, "  mergers:")
			for _, m := range a.Mergers {
				fmt.Fprintf(w, "    [%s] %s\n", m.Kind, shorten(m.Sentence, 160))
				var facts []string
				if len(m.Counts) > 0 {
					facts = append(facts, "counts: "+strings.Join(m.Counts, "; "))
				}
				if len(m.Years) > 0 {
					ys := make([]string, len(m.Years))
					for i, y := range m.Years {
						ys[i] = strconv.Itoa(y)
					}
					facts = append(facts, "years: "+strings.Join(ys, ", "))
				}
				if len(facts) > 0 {
					fmt.Fprintf(w, "      %s\n", strings.Join(facts, "  "))
				}
			}
		}
		for _, ct := range a.Contacts {
			fmt.Fprintln(w, "  contact:")
			if ct.Office != "" && !strings.Contains(strings.Join(ct.Lines, "\n"), ct.Office) {
				fmt.Fprintf(w, "    (office: %s)\n", ct.Office)
			}
			for _, l := range ct.Lines {
				fmt.Fprintf(w, "    %s\n", l)
			}
			if ct.Website != "" {
				fmt.Fprintf(w, "    (website: %s)\n", ct.Website)
			}
		}
	}
	if len(c.Problems) > 0 {
		fmt.Fprintln(w, "\nproblems:")
		for _, p := range c.Problems {
			sev := "warning"
			if p.Fatal {
				sev = "SKIPPED"
			}
			fmt.Fprintf(w, "  %-8s %s\n", sev, p)
		}
	}
}

type docCount struct {
	doc content.Document
	n   int
}

// distinctDocuments lists each cited document once, in order of first
// citation, keeping a stated date from any citation.
func distinctDocuments(docs []content.Document) []docCount {
	var out []docCount
	at := map[string]int{}
	for _, d := range docs {
		if i, ok := at[d.ID]; ok {
			out[i].n++
			if out[i].doc.Date == "" {
				out[i].doc.Date = d.Date
			}
			continue
		}
		at[d.ID] = len(out)
		out = append(out, docCount{doc: d, n: 1})
	}
	return out
}

// shorten cuts s to about max characters, keeping its start and end, where
// the figures of a long sentence usually are.
func shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	head, tail := max*2/5, max*3/5
	return strings.TrimSpace(string(r[:head])) + " … " + strings.TrimSpace(string(r[len(r)-tail:]))
}

// errWriter remembers the first write error so that a report can be written
// without checking every line.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
