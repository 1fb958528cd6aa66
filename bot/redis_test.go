package bot_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/logtest"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// ask sends one private message and returns the text of the replies.
func ask(t *testing.T, e *bot.Engine, text string) string {
	t.Helper()
	replies, err := e.Handle(context.Background(), bot.Message{ChatID: 42, UserID: 42, ChatType: bot.ChatPrivate, Text: text, LangCode: "vi"})
	if err != nil {
		t.Fatalf("Handle(%q): %v", text, err)
	}
	var out []string
	for _, r := range replies {
		out = append(out, r.Text)
	}
	return strings.Join(out, "\n")
}

func TestRedisDownAndBack(t *testing.T) {
	srv := redistest.Start(t)
	c, err := store.OpenWith(srv.URL(), "", store.ClientOptions{DialTimeout: 100 * time.Millisecond, ReadTimeout: 100 * time.Millisecond, WriteTimeout: 100 * time.Millisecond, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	var logs logtest.Buffer
	searcher := newSearcher(t, mustCorpus(t))
	e := bot.New(searcher, store.NewRedis(c, store.Options{}), bot.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})

	const q = "trung tâm văn hóa truyền thông hợp nhất từ những đơn vị nào"
	answer := ask(t, e, q)
	if !strings.Contains(answer, "Trung tâm") {
		t.Fatalf("answer with Redis up: %q", answer)
	}
	if got := ask(t, e, "xem thêm"); !strings.HasPrefix(got, "Trang 2") {
		t.Fatalf("paging with Redis up: %q", got)
	}

	srv.Stop()
	for i := 0; i < 3; i++ {
		if got := ask(t, e, q); got != answer {
			t.Errorf("answer with Redis down = %q, want the same answer %q", got, answer)
		}
	}
	if got, want := ask(t, e, "xem thêm"), "Mình không nhớ câu hỏi trước đó"; !strings.HasPrefix(got, want) {
		t.Errorf("paging with Redis down = %q, want it to say %q", got, want)
	}
	if n := strings.Count(logs.String(), "state store failed"); n != 1 {
		t.Errorf("store failure logged %d times, want once:\n%s", n, logs.String())
	}

	srv.Restart()
	deadline := time.Now().Add(5 * time.Second)
	for ask(t, e, q) != answer || !strings.HasPrefix(ask(t, e, "xem thêm"), "Trang 2") {
		if time.Now().After(deadline) {
			t.Fatalf("state did not come back after Redis restarted; logs:\n%s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(logs.String(), "state store is back") {
		t.Errorf("recovery not logged:\n%s", logs.String())
	}
}

// TestPagingSurvivesRestart: a new engine (a restarted bot, or another
// replica) over the same Redis pages on where the old one stopped.
func TestPagingSurvivesRestart(t *testing.T) {
	c := redistest.Start(t).Client()
	searcher := newSearcher(t, mustCorpus(t))
	first := bot.New(searcher, store.NewRedis(c, store.Options{}), bot.Options{})
	ask(t, first, "nghị quyết 18")
	page2 := ask(t, first, "xem thêm")

	second := bot.New(searcher, store.NewRedis(c, store.Options{}), bot.Options{})
	if got := ask(t, second, "tiếp"); !strings.HasPrefix(got, "Trang 3") {
		t.Errorf("after restart: %q, want page 3 (page 2 was %q)", got, page2[:min(len(page2), 60)])
	}
}
