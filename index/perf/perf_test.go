package perf

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

func TestPercentile(t *testing.T) {
	var l Latencies
	for i := 1; i <= 100; i++ {
		l = append(l, time.Duration(i)*time.Millisecond)
	}
	tests := []struct {
		p    float64
		want time.Duration
	}{{50, 50 * time.Millisecond}, {99, 99 * time.Millisecond}, {100, 100 * time.Millisecond}, {0.1, time.Millisecond}}
	for _, tt := range tests {
		if got := l.Percentile(tt.p); got != tt.want {
			t.Errorf("p%v = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := Latencies(nil).Percentile(99); got != 0 {
		t.Errorf("p99 of nothing = %v, want 0", got)
	}
}

func TestRunAsksEveryQuestionOnce(t *testing.T) {
	qs := make([]string, 50)
	seen := make([]int, len(qs))
	l := Run(context.Background(), 3, qs, func(_ context.Context, i int, _ string) error {
		seen[i]++
		if i%10 == 0 {
			return errors.New("refused")
		}
		return nil
	})
	for i, n := range seen {
		if n != 1 {
			t.Errorf("question %d asked %d times", i, n)
		}
	}
	if got, want := len(l.Latencies), len(qs); got != want {
		t.Errorf("%d latencies, want %d", got, want)
	}
	if got, want := l.Failed, 5; got != want {
		t.Errorf("failed = %d, want %d", got, want)
	}
}

func TestMeasureMemory(t *testing.T) {
	m := MeasureMemory()
	if m.Heap == 0 {
		t.Error("heap is 0")
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc: RSS is not measured here")
	}
	if m.RSS == 0 || m.RSSAnon == 0 || m.RSSAnon+m.RSSFile > m.RSS+m.RSS/10 {
		t.Errorf("RSS %d, anonymous %d, file %d: parts missing or larger than the whole", m.RSS, m.RSSAnon, m.RSSFile)
	}
}

// TestPeakRSS touches 64 MiB and frees it: the peak must have seen it, and
// after a reset it must not.
func TestPeakRSS(t *testing.T) {
	if !ResetPeakRSS() {
		t.Skip("peak RSS cannot be reset here")
	}
	before := PeakRSS()
	b := make([]byte, 64<<20)
	for i := range b {
		b[i] = 1
	}
	if got := PeakRSS(); got < before+60<<20 {
		t.Errorf("peak %d MiB after touching 64 MiB from %d MiB", got>>20, before>>20)
	}
	b = nil
	MeasureMemory()
	if !ResetPeakRSS() {
		t.Fatal("second reset failed")
	}
	if got, now := PeakRSS(), MeasureMemory().RSS; got > now+32<<20 {
		t.Errorf("peak %d MiB after a reset, RSS %d MiB: the freed 64 MiB still count", got>>20, now>>20)
	}
}

func TestReportWrite(t *testing.T) {
	var r Report
	r.Add(Row{Section: "search", Size: "10 articles", Metric: "latency p99", Ours: "1.00 ms", Baseline: "0.500 ms", Ratio: ratio(1, 0.5)})
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "2.00×") || !strings.Contains(b.String(), "latency p99") {
		t.Errorf("table:\n%s", b.String())
	}
	b.Reset()
	if err := r.Markdown(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "| search | 10 articles | latency p99 | 1.00 ms | 0.500 ms | 2.00× |") {
		t.Errorf("markdown:\n%s", b.String())
	}
}

func TestSearchSectionSmall(t *testing.T) {
	var r Report
	err := Search(context.Background(), SearchConfig{Articles: []int{30}, Words: 200, Queries: 40, Workers: 2, Seed: 1}, &r)
	if err != nil {
		t.Fatal(err)
	}
	metrics := map[string]bool{}
	for _, row := range r.Rows {
		metrics[row.Metric] = true
	}
	for _, m := range []string{"build articles/s (wall)", "latency p50", "latency p99", "process RSS, index live", "hit@1 on the synthetic questions"} {
		if !metrics[m] {
			t.Errorf("no %q row in %+v", m, r.Rows)
		}
	}
}

// TestKeptCorpusAsGenerated: a kept corpus reads back as the generator
// makes it (same questions drawn, same text), and is not read for another
// seed or size.
func TestKeptCorpusAsGenerated(t *testing.T) {
	cfg := SearchConfig{Seed: 4, Words: 200, KeepDir: t.TempDir() + "/kept"}
	first, err := synthCorpus(cfg, 50)
	if err != nil {
		t.Fatal(err)
	}
	again, err := synthCorpus(cfg, 50)
	if err != nil {
		t.Fatal(err)
	}
	if readCorpus(cfg.KeepDir+".corpus", 4, 50, 200) == nil {
		t.Fatal("the corpus was not kept")
	}
	want := synth.Corpus(4, 50, 200)
	for i := range want.Articles {
		if !reflect.DeepEqual(again.Articles[i].Paragraphs, want.Articles[i].Paragraphs) || again.Articles[i].Title != want.Articles[i].Title ||
			len(again.Articles[i].Contacts) != len(want.Articles[i].Contacts) || len(again.Articles[i].Documents) != len(want.Articles[i].Documents) {
			t.Fatalf("article %d read back differs", i)
		}
	}
	if !reflect.DeepEqual(synth.Questions(4, again, 100), synth.Questions(4, first, 100)) {
		t.Error("the kept corpus draws other questions")
	}
	if readCorpus(cfg.KeepDir+".corpus", 5, 50, 200) != nil || readCorpus(cfg.KeepDir+".corpus", 4, 51, 200) != nil {
		t.Error("a corpus kept for one seed and size was read for another")
	}
}
