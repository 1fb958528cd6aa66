package telegram

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

var (
	indexOnce sync.Once
	testIndex *index.Index
	indexErr  error
)

// realEngine is the real conversation over the default corpus.
func realEngine(t *testing.T, st bot.Store, username string) *bot.Engine {
	t.Helper()
	return realEngineWith(t, st, bot.Options{BotUsername: username})
}

// realEngineWith is realEngine with opts.
func realEngineWith(t *testing.T, st bot.Store, opts bot.Options) *bot.Engine {
	t.Helper()
	indexOnce.Do(func() {
		ctx := context.Background()
		c, err := content.Load(ctx, content.Default())
		if err != nil {
			indexErr = err
			return
		}
		testIndex, indexErr = index.Build(ctx, c, index.BuildOptions{})
	})
	if indexErr != nil {
		t.Fatalf("index: %v", indexErr)
	}
	return bot.New(testIndex, st, opts)
}

// gated passes messages to a handler, except that once armed it blocks the
// next button press until its context ends — a replica killed mid-update.
type gated struct {
	inner   bot.Handler
	armed   atomic.Bool
	entered chan struct{}
}

func (g *gated) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	if m.Callback != "" && g.armed.CompareAndSwap(true, false) {
		close(g.entered)
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return g.inner.Handle(ctx, m)
}

func buttonData(m telegramtest.Message, prefix string) string {
	for _, row := range m.Buttons {
		for _, b := range row {
			if b.CallbackData != nil && strings.HasPrefix(*b.CallbackData, prefix) {
				return *b.CallbackData
			}
		}
	}
	return ""
}

func successes(srv *telegramtest.Server, method string) int {
	n := 0
	for _, c := range srv.Calls(method) {
		if c.Status == 200 {
			n++
		}
	}
	return n
}

// TestKillAndRestartWithRedis kills the bot while it handles a "more" press
// (no grace at all), sends more messages while it is down, and starts a new
// instance on the same Redis: every update is answered, none twice, and the
// paging resumes from the state in Redis.
func TestKillAndRestartWithRedis(t *testing.T) {
	rs := redistest.Start(t)
	rdb := rs.Client()
	srv := telegramtest.New(t)
	ledger := store.NewRedisLedger(rdb, "1000")
	zeroGrace := func(c *Config) { c.Grace = 0 }

	g := &gated{inner: realEngine(t, store.NewRedis(rdb, store.Options{}), telegramtest.BotUserName), entered: make(chan struct{})}
	r1 := startBot(t, srv, g, ledger, zeroGrace)
	chat := telegramtest.Private(dan)
	srv.SendText(chat, dan, "Sáp nhập những đơn vị nào?")
	answer := srv.WaitMessages(t, chat.ID, 1)[0]
	more := buttonData(answer, "m:")
	if more == "" {
		t.Fatalf("answer has no more button: %+v", answer.Buttons)
	}
	g.armed.Store(true)
	srv.Press(chat, dan, answer.MessageID, more)
	select {
	case <-g.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the press never reached the handler")
	}
	r1.shutdown(t) // killed mid-update
	if st := r1.bot.Stats(); st.Abandoned != 1 {
		t.Errorf("first instance stats = %+v, want 1 abandoned update", st)
	}
	// The unanswered press was never confirmed to Telegram: it is still there.
	if n := srv.Pending(); n != 1 {
		t.Errorf("%d updates pending at Telegram after the kill, want 1 (the press)", n)
	}

	// While no bot runs, citizens keep writing.
	other := telegramtest.Private(anna)
	srv.SendText(chat, dan, "/lienhe")
	srv.SendText(other, anna, "/start")

	startBot(t, srv, realEngine(t, store.NewRedis(rdb, store.Options{}), telegramtest.BotUserName), ledger, zeroGrace)
	srv.WaitMessages(t, chat.ID, 2)
	srv.WaitMessages(t, other.ID, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.WaitIdle(ctx, 700*time.Millisecond)

	got := srv.Messages(chat.ID)
	if n := len(got); n != 2 {
		t.Errorf("chat has %d bot messages, want 2: the answer (paged in place) and the contacts", n)
	}
	if n := len(srv.Messages(other.ID)); n != 1 {
		t.Errorf("other chat has %d bot messages, want 1", n)
	}
	if !strings.Contains(got[0].Visible, "Trang 2") || got[0].Edits != 1 {
		t.Errorf("the press after restart did not page in place (%d edits): %q", got[0].Edits, got[0].Visible)
	}
	if n := successes(srv, "sendMessage"); n != 3 {
		t.Errorf("%d messages sent in all, want 3 (none twice)", n)
	}
	if n := len(srv.Answers()); n != 1 {
		t.Errorf("%d callback answers, want 1", n)
	}
}

// TestOneReplicaPolls runs two replicas on one Redis: only one polls; when it
// dies the other takes over within the lock TTL.
func TestOneReplicaPolls(t *testing.T) {
	rs := redistest.Start(t)
	rdb := rs.Client()
	srv := telegramtest.New(t)
	h := &fakeHandler{}
	a := startBot(t, srv, h, store.NewRedisLedger(rdb, "1000"), func(c *Config) { c.Owner = "a" })
	chat := telegramtest.Private(dan)
	// a answering before b starts proves a holds the lock; a fixed 200 ms
	// wait did not on a loaded machine, and then a's shutdown tested nothing.
	srv.SendText(chat, dan, "câu hỏi")
	srv.WaitMessages(t, chat.ID, 1)
	startBot(t, srv, h, store.NewRedisLedger(rdb, "1000"), func(c *Config) { c.Owner = "b" })
	for i := 1; i < 5; i++ {
		srv.SendText(chat, dan, "câu hỏi")
	}
	srv.WaitMessages(t, chat.ID, 5)
	a.shutdown(t)
	srv.SendText(chat, dan, "sau khi a tắt")
	got := srv.WaitMessages(t, chat.ID, 6)
	if got[5].Visible != "Bạn hỏi: sau khi a tắt" {
		t.Errorf("last = %q", got[5].Visible)
	}
	if n := srv.MaxConcurrentPolls(); n != 1 {
		t.Errorf("%d getUpdates at once, want 1: only one replica polls", n)
	}
	if n := len(h.messages()); n != 6 {
		t.Errorf("handled %d, want 6", n)
	}
}
