package index

import (
	"context"
	"fmt"
	"strings"
	"testing"

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
