package telegram

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// killedLedger is a ledger whose process dies: it never gets to release an
// update it was answering, nor to mark one done (lost with the process).
type killedLedger struct{ Ledger }

func (killedLedger) Release(context.Context, int64, string) error { return nil }

// flakyDone is a ledger whose first marks of an update as done fail, as a
// Redis call times out on a loaded machine.
type flakyDone struct {
	Ledger
	fails atomic.Int32
}

func (l *flakyDone) Done(ctx context.Context, id int64) error {
	if l.fails.Add(-1) >= 0 {
		return errors.New("ledger: mark update done: i/o timeout")
	}
	return l.Ledger.Done(ctx, id)
}

// TestDoneRetried: a reply went out but marking its update done failed —
// twice, as under load. The mark is made again, so the update is not
// answered a second time when Telegram delivers it again (after a restart;
// the serve SIGKILL test saw it at load 23); a single try left the claim to
// lapse and the update to be taken as never answered.
func TestDoneRetried(t *testing.T) {
	rs := redistest.Start(t)
	rdb := rs.Client()
	srv := telegramtest.New(t)
	l := &flakyDone{Ledger: store.NewRedisLedger(rdb, "1000")}
	l.fails.Store(2)
	startBot(t, srv, &fakeHandler{}, l, nil)
	chat := telegramtest.Private(dan)
	srv.SendText(chat, dan, "câu hỏi")
	srv.WaitMessages(t, chat.ID, 1)
	// Confirmed to Telegram once the bot is through with it: by then it
	// must be marked done (the update's ID is 1; done, its key holds "d").
	srv.Wait(t, 20*time.Second, "update 1 confirmed", func() bool { return srv.Pending() == 0 })
	if v := rdb.Get(context.Background(), "kyanhbot:tg:1000:update:1").Val(); v != "d" {
		t.Errorf("update 1 answered and confirmed, its ledger entry %q; want it marked done", v)
	}
	if got, done, err := store.NewRedisLedger(rdb, "1000").Claim(context.Background(), 1, "restarted"); err != nil || got || !done {
		t.Errorf("a restarted replica's claim on the answered update: got %v, done %v, err %v; want done", got, done, err)
	}
}

// TestClaimOfKilledReplicaLapses: a replica dies while answering an update
// (its claim stays in Redis, as after SIGKILL); the next one waits for the
// claim to lapse and answers it — not lost, and not answered twice.
func TestClaimOfKilledReplicaLapses(t *testing.T) {
	rs := redistest.Start(t)
	rdb := rs.Client()
	srv := telegramtest.New(t)
	const claimTTL = time.Second
	fast := func(c *Config) { c.Grace, c.ClaimRenew, c.ClaimPoll = 0, 300*time.Millisecond, 100*time.Millisecond }

	g := &gated{inner: &fakeHandler{}, entered: make(chan struct{})}
	g.armed.Store(true)
	r1 := startBot(t, srv, g, killedLedger{store.NewRedisLedger(rdb, "1000").WithClaimTTL(claimTTL)}, fast)
	chat := telegramtest.Private(dan)
	srv.SendText(chat, dan, "trước")
	srv.WaitMessages(t, chat.ID, 1)
	srv.Press(chat, dan, srv.Messages(chat.ID)[0].MessageID, "x:1")
	<-g.entered
	// Held well past the claim TTL: the heartbeat keeps the claim.
	time.Sleep(2 * claimTTL)
	if got, done, _ := store.NewRedisLedger(rdb, "1000").Claim(context.Background(), 2, "other"); got || done {
		t.Fatal("the claim of the update being answered lapsed while its replica was alive")
	}
	r1.shutdown(t) // killed: the claim stays
	killed := time.Now()
	srv.SendText(chat, dan, "sau")

	h := &fakeHandler{}
	startBot(t, srv, h, store.NewRedisLedger(rdb, "1000").WithClaimTTL(claimTTL), fast)
	got := srv.WaitMessages(t, chat.ID, 2)
	recovered := time.Since(killed)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.WaitIdle(ctx, 500*time.Millisecond)
	if !strings.Contains(got[1].Visible, "sau") {
		t.Errorf("after the restart: %q", got[1].Visible)
	}
	if n := len(srv.Answers()); n != 1 {
		t.Errorf("the press was answered %d times, want once, by the second replica", n)
	}
	if n := len(h.messages()); n != 2 {
		t.Errorf("second replica handled %d updates, want 2 (the press, then the message)", n)
	}
	if recovered < claimTTL/2 || recovered > claimTTL+3*time.Second {
		t.Errorf("recovered in %v, want about the claim TTL %v", recovered, claimTTL)
	}
	t.Logf("press held by the killed replica answered %v after the kill (claim TTL %v)", recovered.Round(time.Millisecond), claimTTL)
}

// held is a handler that, on its first message, waits until released.
type held struct {
	fakeHandler
	entered, release chan struct{}
}

func (h *held) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	close(h.entered)
	select {
	case <-h.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return h.fakeHandler.Handle(ctx, m)
}

// TestClaimHeldByLiveReplica: Telegram delivers one update to two replicas
// (a webhook retry landing elsewhere) while the first is still answering it:
// the second waits for the first to finish, then skips it — one answer.
// The first answers past its claim's TTL, kept by the heartbeat. Nothing
// here waits a fixed time: the first replica is held until its claim has
// outlived the TTL (seen in Redis), then released; the heartbeat renews 20
// times a TTL, so only a replica paused for most of 3 s loses its claim
// (a 500 ms TTL renewed every 200 ms lapsed at load 20–40).
func TestClaimHeldByLiveReplica(t *testing.T) {
	const claimTTL = 3 * time.Second
	rs := redistest.Start(t)
	rdb := rs.Client()
	srv := telegramtest.New(t)
	slow := &held{entered: make(chan struct{}), release: make(chan struct{})}
	fast := &fakeHandler{}
	edit := func(c *Config) {
		c.ClaimRenew, c.ClaimPoll = claimTTL/20, 50*time.Millisecond
		c.Ledger = store.NewRedisLedger(rdb, "1000").WithClaimTTL(claimTTL)
	}
	a := newTestBot(t, srv, slow, edit)
	b := newTestBot(t, srv, fast, edit)
	work, cancel := context.WithCancel(context.Background())
	defer cancel()
	u := tgbotapi.Update{UpdateID: 77, Message: &tgbotapi.Message{MessageID: 1,
		From: &tgbotapi.User{ID: dan.ID}, Chat: &tgbotapi.Chat{ID: dan.ID, Type: "private"}, Text: "một lần thôi"}}
	a.enqueue(work, u, nil)
	<-slow.entered
	claimed := time.Now()
	b.enqueue(work, u, nil)
	// a's claim must outlive its TTL while b waits on it: polled in Redis,
	// where it is "p:<holder>" while claimed and "d" once answered.
	key := "kyanhbot:tg:1000:update:77"
	srv.Wait(t, time.Minute, "a's claim held past its TTL", func() bool {
		v, err := rdb.Get(context.Background(), key).Result()
		if err != nil || !strings.HasPrefix(v, "p:") {
			t.Fatalf("a's claim while it answers: %q, %v; want it held", v, err)
		}
		return time.Since(claimed) > claimTTL+claimTTL/4
	})
	if n := len(fast.messages()); n != 0 || b.Stats().Duplicates != 0 {
		t.Fatalf("while a answers, b handled it %d times and skipped it %d times; want it waiting", n, b.Stats().Duplicates)
	}
	close(slow.release)
	srv.WaitMessages(t, dan.ID, 1)
	srv.Wait(t, time.Minute, "b skipped", func() bool { return b.Stats().Duplicates == 1 })
	if v := rdb.Get(context.Background(), key).Val(); v != "d" {
		t.Errorf("update 77 answered, its ledger entry %q; want it marked done", v)
	}
	b.close(time.Minute, cancel)
	a.close(time.Minute, cancel)
	if n := len(srv.Messages(dan.ID)); n != 1 {
		t.Errorf("%d answers, want 1", n)
	}
	if n := len(fast.messages()); n != 0 {
		t.Errorf("the second replica handled the update %d times, want 0 (its claim was extended past the TTL)", n)
	}
}
