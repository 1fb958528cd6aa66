package admin

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// foundSearcher finds the questions that mention "giờ".
type foundSearcher struct{}

func (foundSearcher) Search(_ context.Context, q string, _ index.Options) (index.Result, error) {
	return index.Result{Question: q, Found: strings.Contains(strings.ToLower(q), "giờ")}, nil
}

func (foundSearcher) Corpus() *content.Corpus { return nil }

// TestRecorder: every question asked is counted once, anonymised, with
// whether it was answered; "more" pages and inline previews are not
// questions. How the counters add up is the store's contract
// (bot/store's TestContract).
func TestRecorder(t *testing.T) {
	ctx := context.Background()
	st := store.NewMemory(store.Options{})
	r := &Recorder{Searcher: foundSearcher{}, Stats: st}
	asks := []struct {
		ctx context.Context
		q   string
		opt index.Options
	}{
		{ctx, "Giờ làm việc?", index.Options{}},
		{ctx, "giờ  làm việc", index.Options{Offset: 3}}, // the next page
		{bot.Preview(ctx), "giờ làm", index.Options{}},   // typed, not asked
		{ctx, "Gọi 0912 345 678 hỏi gì?", index.Options{}},
	}
	for _, a := range asks {
		if _, err := r.Search(a.ctx, a.q, a.opt); err != nil {
			t.Fatal(err)
		}
	}
	got, err := st.QuestionStats(ctx, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if g, want := [3]int{got.Today, got.Asked, got.Answered}, [3]int{2, 2, 1}; g != want {
		t.Errorf("today, asked, answered = %v, want %v", g, want)
	}
	var qs []string
	for _, s := range got.Slowest {
		qs = append(qs, s.Question)
	}
	slices.Sort(qs)
	if g, want := fmt.Sprint(qs), "[giờ làm việc gọi … hỏi gì]"; g != want {
		t.Errorf("questions kept = %s, want both, anonymised: %s", g, want)
	}
}
