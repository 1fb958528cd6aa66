package bot_test

import (
	"context"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// countingSearcher counts searches and can pretend the content was reloaded:
// a reload gives the engine a new corpus, as index.Live does.
type countingSearcher struct {
	bot.Searcher
	searches atomic.Int32
	corpus   atomic.Pointer[content.Corpus]
	// reloadEach makes every Corpus call look like a reload: the engine can
	// then never trust a kept page, which is the behaviour before pages
	// were kept.
	reloadEach bool
}

func newCountingSearcher(t *testing.T, reloadEach bool) *countingSearcher {
	s := &countingSearcher{Searcher: newSearcher(t, mustCorpus(t)), reloadEach: reloadEach}
	s.corpus.Store(s.Searcher.Corpus())
	return s
}

func (s *countingSearcher) Search(ctx context.Context, q string, o index.Options) (index.Result, error) {
	s.searches.Add(1)
	return s.Searcher.Search(ctx, q, o)
}

func (s *countingSearcher) Corpus() *content.Corpus {
	if s.reloadEach {
		s.reload()
	}
	return s.corpus.Load()
}

// reload swaps in a copy of the corpus: same content, new generation.
func (s *countingSearcher) reload() {
	c := *s.corpus.Load()
	s.corpus.Store(&c)
}

// pagingQuestion has more than three pages of results in the test corpus.
const pagingQuestion = "ủy ban"

// step is one message of a paging conversation: text, or a press of the
// latest "more" button.
type pagingStep struct {
	text   string
	press  bool
	reload bool // reload the content before this step
}

// converse runs steps in one chat and returns the replies' texts, with how
// many searches each step made.
func converse(t *testing.T, e *bot.Engine, s *countingSearcher, steps []pagingStep) (texts []string, searches []int) {
	t.Helper()
	more := ""
	for i, st := range steps {
		if st.reload {
			s.reload()
		}
		m := bot.Message{ChatID: 42, UserID: 42, ChatType: bot.ChatPrivate, MessageID: i + 1, Text: st.text}
		if st.press {
			if more == "" {
				t.Fatalf("step %d: no more button to press", i)
			}
			m.Text, m.Callback = "", more
		}
		before := s.searches.Load()
		replies, err := e.Handle(context.Background(), m)
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		searches = append(searches, int(s.searches.Load()-before))
		var b strings.Builder
		more = ""
		for _, r := range replies {
			checkReply(t, r)
			b.WriteString(r.Text + "\n" + r.Notice + "\n")
			for _, row := range r.Buttons {
				for _, btn := range row {
					b.WriteString("[" + btn.Text + " " + btn.Data + "]")
					if strings.HasPrefix(btn.Data, "m:1:") {
						more = btn.Data
					}
				}
			}
		}
		texts = append(texts, b.String())
	}
	return texts, searches
}

// TestMorePagesFromKeptResults checks that "xem thêm" shows the results the
// last search already found without searching again, that what it shows is
// exactly what searching again would show, and that after a reload the page
// is searched again rather than taken from the old content.
func TestMorePagesFromKeptResults(t *testing.T) {
	steps := []pagingStep{
		{text: pagingQuestion},
		{press: true},      // page 2: found by the question's search
		{press: true},      // page 3: searched, page 4 kept
		{text: "xem thêm"}, // page 4: kept
		{press: true},      // page 5: searched
		{text: "/lienhe"},  // another list: nothing kept for it
		{text: pagingQuestion},
		{press: true, reload: true}, // kept, but before a reload: searched again
	}
	wantSearches := []int{1, 0, 1, 0, 1, 0, 1, 1}
	tests := []struct {
		name  string
		store func(t *testing.T) bot.Store
	}{
		{"memory", func(*testing.T) bot.Store { return store.NewMemory(store.Options{}) }},
		{"redis", func(t *testing.T) bot.Store {
			if _, err := exec.LookPath("redis-server"); err != nil {
				t.Skip("redis-server not on PATH")
			}
			c := redistest.Start(t).Client()
			t.Cleanup(func() { c.Close() })
			return store.NewRedis(c, store.Options{})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept := newCountingSearcher(t, false)
			got, searches := converse(t, bot.New(kept, tt.store(t), bot.Options{}), kept, steps)
			// The same conversation with nothing ever trusted: every page
			// searched, as before results were kept.
			fresh := newCountingSearcher(t, true)
			want, _ := converse(t, bot.New(fresh, tt.store(t), bot.Options{}), fresh, steps)
			for i := range steps {
				if got[i] != want[i] {
					t.Errorf("step %d: reply from kept results differs from a new search:\n got %q\nwant %q", i, got[i], want[i])
				}
				if searches[i] != wantSearches[i] {
					t.Errorf("step %d: %d searches, want %d", i, searches[i], wantSearches[i])
				}
			}
			if !strings.Contains(got[4], "<b>11.</b>") {
				t.Errorf("page 5 lacks result 11 (the question needs more than five pages): %q", got[4])
			}
		})
	}
}
