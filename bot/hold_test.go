package bot_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/index"
)

// holdingSearcher is a searcher whose results are readable only while
// held, as index.Live's are with mapped text.
type holdingSearcher struct {
	fakeSearcher
	held atomic.Int32
}

func (h *holdingSearcher) Hold() func() {
	h.held.Add(1)
	return func() { h.held.Add(-1) }
}

// TestHandleHoldsAndOwnsReplies: Handle searches while holding, and its
// replies, sent after it returns, do not read the searcher's memory once
// the hold is released (here: the text overwritten, as unmapped).
func TestHandleHoldsAndOwnsReplies(t *testing.T) {
	buf := []byte("Synthetic: the office of Xã Thử Nghiệm is at 1 Thử Nghiệm Road.")
	text := unsafe.String(unsafe.SliceData(buf), len(buf))
	s := &holdingSearcher{}
	s.corpus = mustCorpus(t)
	s.SearchFunc = func(_ context.Context, q string, _ index.Options) (index.Result, error) {
		if s.held.Load() == 0 {
			t.Error("searched without holding")
		}
		h := index.Hit{ID: "u1", Kind: index.KindPassage, ArticleID: "a", Title: text[:10], Text: text, Score: 1}
		return index.Result{Question: q, Found: true, Hits: []index.Hit{h}, Total: 1}, nil
	}
	e := bot.New(s, store.NewMemory(store.Options{}), bot.Options{FloodLimit: -1})
	replies, err := e.Handle(context.Background(), bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, Text: "office address"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.held.Load(); got != 0 {
		t.Fatalf("%d holds left after Handle", got)
	}
	var before []string
	for _, r := range replies {
		before = append(before, strings.Clone(r.Text))
	}
	if len(before) == 0 || !strings.Contains(strings.Join(before, ""), "Thử Nghiệm Road") {
		t.Fatalf("replies %q do not quote the answer", before)
	}
	for i := range buf {
		buf[i] = 'X'
	}
	for i, r := range replies {
		if r.Text != before[i] {
			t.Errorf("reply %d changed with the searcher's memory: %q", i, r.Text)
		}
	}
}
