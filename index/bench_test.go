package index_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/baseline"
	"github.com/kyanhbot/kyanhbot/index/perf"
)

// The benchmarks run on the synthetic corpus of content/synth: 10,000
// articles of 600 words (1,000 with -short), the size the targets are set
// for. `kyanhbot bench` measures the same things with more than one asker.

const benchSeed = 1

func benchArticles() int {
	if testing.Short() {
		return 1000
	}
	return 10000
}

// fixture is built once per process: building 10,000 articles for every
// benchmark and every b.N round would dwarf what is measured.
type fixture struct {
	corpus    *content.Corpus
	questions []string
	ours      *index.Index
	baseline  *baseline.Index
	err       error
}

var (
	fixtureOnce sync.Once
	theFixture  fixture
)

func mustFixture(b *testing.B) *fixture {
	b.Helper()
	fixtureOnce.Do(func() {
		f := &theFixture
		f.corpus = synth.Corpus(benchSeed, benchArticles(), 600)
		for _, q := range synth.Questions(benchSeed, f.corpus, 2000) {
			f.questions = append(f.questions, q.Question)
		}
		ctx := context.Background()
		if f.ours, f.err = index.Build(ctx, f.corpus, index.BuildOptions{}); f.err != nil {
			return
		}
		f.baseline, f.err = baseline.BuildLean(ctx, f.corpus, baseline.Plain)
	})
	if theFixture.err != nil {
		b.Fatal(theFixture.err)
	}
	return &theFixture
}

// BenchmarkBuild indexes a synthetic corpus: 1,000 articles (200 with
// -short) per round, reported as articles/s.
func BenchmarkBuild(b *testing.B) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	c := synth.Corpus(benchSeed, n, 600)
	ctx := context.Background()
	for _, bc := range []struct {
		name  string
		build func() (func() error, error)
	}{
		{"ours", func() (func() error, error) {
			ix, err := index.Build(ctx, c, index.BuildOptions{})
			if err != nil {
				return nil, err
			}
			return ix.Close, nil
		}},
		{"baseline", func() (func() error, error) {
			bl, err := baseline.BuildLean(ctx, c, baseline.Plain)
			if err != nil {
				return nil, err
			}
			return bl.Close, nil
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			rounds := 0
			for b.Loop() {
				closeIndex, err := bc.build()
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				closeIndex()
				b.StartTimer()
				rounds++
			}
			b.ReportMetric(float64(n*rounds)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkSearch asks the synthetic question mix, one question per
// operation, of our index and of the plain bleve baseline over the same
// corpus, and reports the latency percentiles.
func BenchmarkSearch(b *testing.B) {
	f := mustFixture(b)
	ctx := context.Background()
	for _, bc := range []struct {
		name string
		ask  func(q string) error
	}{
		{"ours", func(q string) error {
			_, err := f.ours.Search(ctx, q, index.Options{})
			return err
		}},
		{"baseline", func(q string) error {
			_, err := f.baseline.Count(ctx, q)
			return err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			lat := make(perf.Latencies, 0, 4096)
			i := 0
			for b.Loop() {
				t := time.Now()
				if err := bc.ask(f.questions[i%len(f.questions)]); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t))
				i++
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat.Percentile(50))/float64(time.Millisecond), "p50-ms")
			b.ReportMetric(float64(lat.Percentile(99))/float64(time.Millisecond), "p99-ms")
		})
	}
}
