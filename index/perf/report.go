// Package perf measures kyanhbot's speed and memory the same way every time,
// so that figures in docs/performance.md can be rerun by anyone: index build
// throughput, search latency and throughput, heap and RSS, and reload under
// load, each beside a plain bleve index of the same synthetic corpus measured
// in the same run (index/baseline's lean plain index). `kyanhbot bench`
// prints its Report; the benchmarks in package index use its percentiles.
package perf

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Row is one line of the report. Ratio is ours ÷ baseline.
type Row struct {
	Section  string // "search"; other sections add their own
	Size     string // corpus size, "10000 articles"
	Metric   string
	Ours     string
	Baseline string
	Ratio    string
}

// Report is the table kyanhbot bench prints: sections append rows.
type Report struct {
	Rows  []Row
	Notes []string
}

// Add appends a row.
func (r *Report) Add(row Row) { r.Rows = append(r.Rows, row) }

// Write prints the rows as one aligned table, then the notes.
func (r Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "section\tcorpus\tmetric\tours\tbaseline\tours/baseline")
	for _, row := range r.Rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", row.Section, row.Size, row.Metric, dash(row.Ours), dash(row.Baseline), dash(row.Ratio))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("perf: write report: %w", err)
	}
	for _, n := range r.Notes {
		if _, err := fmt.Fprintln(w, n); err != nil {
			return fmt.Errorf("perf: write report: %w", err)
		}
	}
	return nil
}

// Markdown prints the rows as a Markdown table, for docs/performance.md.
func (r Report) Markdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| section | corpus | metric | ours | baseline | ours/baseline |\n|---|---|---|---:|---:|---:|\n")
	for _, row := range r.Rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", row.Section, row.Size, row.Metric, dash(row.Ours), dash(row.Baseline), dash(row.Ratio))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// ms formats a duration in milliseconds, with more digits when small.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case v < 1:
		return fmt.Sprintf("%.3f ms", v)
	case v < 100:
		return fmt.Sprintf("%.2f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mb(b uint64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

func num(v float64) string {
	if v >= 100 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

func ratio(ours, base float64) string {
	if base == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f×", ours/base)
}
