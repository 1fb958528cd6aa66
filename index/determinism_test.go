package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// The same questions over the same corpus get the same answers, however
// the build was run: one worker indexing the batches in order, or several
// whose batches land in the order they finish (so bleve numbers the
// documents differently each time). The candidates bleve's cut keeps among
// equal scores once depended on that numbering: a real question's third hit
// changed between runs of one binary. Each build's ranked candidates, with
// their scores, must be the one-worker build's.
func TestSameAnswersAcrossBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the synthetic corpus several times")
	}
	ctx := context.Background()
	c := synth.Corpus(11, 300, 300)
	var questions []string
	for _, q := range synth.Questions(12, c, 150) {
		questions = append(questions, q.Question)
	}
	// Short questions of common words tie most often at the cut.
	questions = append(questions, "uy ban", "phuong", "so dien thoai", "sap nhap", "nghi quyet", "dia chi")

	ranked := func(o BuildOptions) []string {
		t.Helper()
		ix, err := Build(ctx, c, o)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		out := make([]string, len(questions))
		for i, q := range questions {
			res, err := ix.Search(ctx, q, Options{Limit: 10, Explain: true})
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			var b strings.Builder
			for _, h := range res.Hits {
				fmt.Fprintf(&b, "hit %s %.12g\n", h.ID, h.Score)
			}
			for _, e := range res.Explain {
				fmt.Fprintf(&b, "cand %s %.12g\n", e.ID, e.Score)
			}
			out[i] = b.String()
		}
		return out
	}
	want := ranked(BuildOptions{Workers: 1, BatchBytes: 4 << 10})
	compared := 0
	for run := range 4 {
		got := ranked(BuildOptions{Workers: 4, BatchBytes: 4 << 10})
		for i, q := range questions {
			if want[i] == "" {
				continue
			}
			compared++
			if got[i] != want[i] {
				t.Fatalf("run %d, %q: ranked\n%s\none worker ranked\n%s", run, q, got[i], want[i])
			}
		}
	}
	if compared < 100 {
		t.Fatalf("only %d rankings compared: the test compares too little", compared)
	}
}

// The same questions get the same whole reply whatever the number of
// cores the build ran on. Beside the batches (above), the articles are cut
// on every core and their place names read per worker (makeUnits), the
// term postings are made on every core (buildTerms), and the glossary is
// inferred on its own goroutine: a build on one core and builds on two and
// four must give every question the same reply — answer or decline, the
// hits and their scores, the "maybe", the candidates and the gate's terms —
// on the synthetic corpus and on the synthetic portals of testdata beside
// the real article.
func TestSameRepliesAcrossCores(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three corpora three times each")
	}
	ctx := context.Background()
	type set struct {
		name      string
		corpus    func() *content.Corpus
		questions []string
	}
	synthetic := synth.Corpus(11, 300, 300)
	var synthQ []string
	for _, q := range synth.Questions(12, synthetic, 150) {
		synthQ = append(synthQ, q.Question)
	}
	sets := []set{{"synth", func() *content.Corpus { return synthetic }, synthQ}}
	for _, dir := range []string{"fresh", "heldout"} {
		var qs []string
		for _, f := range []string{dir + "-questions.jsonl", dir + "-synthetic-questions.jsonl"} {
			r, err := os.Open(filepath.Join("testdata", f))
			if err != nil {
				t.Fatal(err)
			}
			read, err := ReadQuestions(r)
			r.Close()
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, q := range read {
				qs = append(qs, q.Question)
			}
		}
		load := func() *content.Corpus {
			c, err := content.Load(ctx, os.DirFS(filepath.Join("testdata", dir)))
			if err != nil {
				t.Fatal(err)
			}
			d, err := content.Load(ctx, content.Default())
			if err != nil {
				t.Fatal(err)
			}
			c.Articles = append(c.Articles, d.Articles...)
			return c
		}
		sets = append(sets, set{dir, load, qs})
	}

	replies := func(s set, procs int) []string {
		t.Helper()
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		// Small batches, so that even the small corpora are several.
		ix, err := Build(ctx, s.corpus(), BuildOptions{BatchBytes: 4 << 10})
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		out := make([]string, len(s.questions))
		for i, q := range s.questions {
			res, err := ix.Search(ctx, q, Options{Limit: 5, Explain: true})
			if err != nil {
				t.Fatalf("%s %q: %v", s.name, q, err)
			}
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			out[i] = string(b)
		}
		return out
	}
	for _, s := range sets {
		if len(s.questions) < 20 {
			t.Fatalf("%s: only %d questions", s.name, len(s.questions))
		}
		want := replies(s, 1)
		for _, procs := range []int{2, 4} {
			got := replies(s, procs)
			for i, q := range s.questions {
				if got[i] != want[i] {
					t.Errorf("%s, %d cores, %q: replied\n%s\non one core\n%s", s.name, procs, q, got[i], want[i])
				}
			}
		}
	}
}
