package telegram

import (
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// fakeHandler is a small conversation: it echoes, pages by editing in place,
// sends long answers and buttons, and fails on demand.
type fakeHandler struct {
	mu    sync.Mutex
	got   []bot.Message
	delay func(bot.Message) time.Duration
}

func (h *fakeHandler) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	h.mu.Lock()
	h.got = append(h.got, m)
	h.mu.Unlock()
	if h.delay != nil {
		if err := sleep(ctx, h.delay(m)); err != nil {
			return nil, err
		}
	}
	switch {
	case strings.HasPrefix(m.Callback, "more:"):
		return []bot.Reply{{Text: "<b>Trang " + m.Callback[5:] + "</b>", EditMessageID: m.MessageID, Notice: "Trang " + m.Callback[5:],
			Buttons: [][]bot.Button{{{Text: "Xem thêm", Data: "more:2"}}}}}, nil
	case m.Callback != "":
		return []bot.Reply{{Notice: "Cảm ơn!"}}, nil
	case m.Text == "long":
		var b strings.Builder
		for i := 0; i < 30; i++ {
			fmt.Fprintf(&b, "<b>Mục %d</b> %s\n\n", i, strings.Repeat("Nội dung &amp; chi tiết. ", 10))
		}
		return []bot.Reply{{Text: b.String(), Buttons: [][]bot.Button{{{Text: "Xem thêm", Data: "more:1"}}}}}, nil
	case m.Text == "buttons":
		return []bot.Reply{{Text: "Chọn:", Buttons: [][]bot.Button{
			{{Text: "Xem thêm", Data: "more:1"}, {Text: "quá dài", Data: strings.Repeat("x", 65)}},
			{{Text: "Cổng", URL: "https://example.org"}},
		}}}, nil
	case m.Text == "fail":
		return nil, errors.New("engine exploded")
	}
	return []bot.Reply{{Text: "Bạn hỏi: " + html.EscapeString(m.Text)}}, nil
}

func (h *fakeHandler) messages() []bot.Message {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]bot.Message(nil), h.got...)
}

type running struct {
	once sync.Once
	bot  *Bot
	stop context.CancelFunc
	done chan error
}

// startBot runs a polling bot against srv (or what edit sets) until the test ends.
func startBot(t *testing.T, srv *telegramtest.Server, h bot.Handler, l Ledger, edit func(*Config)) *running {
	t.Helper()
	// RequestTimeout stays under the fault tests' 2 s delay but well above
	// what a loaded 2-core CI machine can take to answer on loopback: a
	// reply that times out is sent again, which the tests count as twice.
	cfg := Config{
		Handler: h, Ledger: l,
		Logger:      slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug})),
		PollTimeout: 2 * time.Second, EmptyPollDelay: 20 * time.Millisecond, Grace: 5 * time.Second, RequestTimeout: time.Second,
		LockTTL: 600 * time.Millisecond, NoRateLimit: true,
		Retry:    Retry{Attempts: 4, BaseDelay: 10 * time.Millisecond, MaxDelay: 50 * time.Millisecond, FloodWaits: 3, MaxWait: 5 * time.Second},
		Commands: map[string][]Command{"vi": {{"start", "Bắt đầu"}}, "en": {{"start", "Start"}}},
	}
	if srv != nil {
		cfg.Token, cfg.Endpoint = srv.Token, srv.Endpoint
	}
	if edit != nil {
		edit(&cfg)
	}
	b, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{bot: b, stop: cancel, done: make(chan error, 1)}
	go func() { r.done <- b.Run(ctx) }()
	t.Cleanup(func() { r.shutdown(t) })
	return r
}

func (r *running) shutdown(t *testing.T) {
	t.Helper()
	r.once.Do(func() {
		r.stop()
		select {
		case err := <-r.done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(2 * time.Minute):
			// Only a failing test waits this long: Run returns as soon
			// as the updates in flight are done (Grace bounds them).
			t.Fatal("Run did not return after cancel")
		}
	})
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

var (
	dan  = telegramtest.User{ID: 11, FirstName: "Dân", LanguageCode: "vi"}
	anna = telegramtest.User{ID: 12, FirstName: "Anna", LanguageCode: "en"}
)

func TestConversation(t *testing.T) {
	srv := telegramtest.New(t)
	h := &fakeHandler{}
	r := startBot(t, srv, h, store.NewMemoryLedger(0), nil)
	chat := telegramtest.Private(dan)

	srv.SendText(chat, dan, "giờ làm việc <UBND> & phòng?")
	got := srv.WaitMessages(t, chat.ID, 1)
	if want := "Bạn hỏi: giờ làm việc <UBND> & phòng?"; got[0].Visible != want {
		t.Errorf("reply = %q, want %q", got[0].Visible, want)
	}
	if got[0].ParseMode != "HTML" {
		t.Errorf("parse mode = %q, want HTML", got[0].ParseMode)
	}

	srv.SendText(chat, dan, "long")
	got = srv.WaitMessages(t, chat.ID, 3)
	if len(got) != 3 {
		t.Fatalf("long answer: %d messages, want 2 parts after the first reply", len(got)-1)
	}
	if got[1].Buttons != nil || got[2].Buttons == nil {
		t.Errorf("buttons should be on the last part only: %v / %v", got[1].Buttons, got[2].Buttons)
	}

	// Paging edits the message in place and answers the callback.
	last := got[2]
	_, q1 := srv.Press(chat, dan, last.MessageID, "more:1")
	srv.Wait(t, 5*time.Second, "edit", func() bool { return srv.Messages(chat.ID)[2].Edits == 1 })
	// A double tap: same content, "message is not modified" is not an error.
	_, q2 := srv.Press(chat, dan, last.MessageID, "more:1")
	srv.Wait(t, 5*time.Second, "answers", func() bool { return len(srv.Answers()) == 2 })
	answers := srv.Answers()
	if answers[0].QueryID != q1 || answers[1].QueryID != q2 || answers[0].Text != "Trang 1" {
		t.Errorf("answers = %+v, want both queries answered with the notice", answers)
	}
	if n := len(srv.Messages(chat.ID)); n != 3 {
		t.Errorf("paging sent new messages: %d in chat, want 3", n)
	}

	srv.SendText(chat, dan, "buttons")
	got = srv.WaitMessages(t, chat.ID, 4)
	kb := got[3].Buttons
	if len(kb) != 2 || len(kb[0]) != 1 || kb[1][0].URL == nil {
		t.Errorf("keyboard = %+v, want the 65-byte button dropped and the URL kept", kb)
	}

	srv.SendText(chat, dan, "fail")
	got = srv.WaitMessages(t, chat.ID, 5)
	if !strings.Contains(got[4].Visible, "Xin lỗi") {
		t.Errorf("handler failure reply = %q, want an apology", got[4].Visible)
	}

	if vi, en := srv.Commands("vi"), srv.Commands("en"); len(vi) != 1 || len(en) != 1 || vi[0].Description != "Bắt đầu" {
		t.Errorf("commands vi=%v en=%v", vi, en)
	}
	if m := h.messages()[0]; m.LangCode != "vi" || m.ChatType != bot.ChatPrivate || m.UserID != dan.ID {
		t.Errorf("message = %+v", m)
	}
	r.shutdown(t)
	if st := r.bot.Stats(); st.Duplicates != 0 || st.Dropped != 0 {
		t.Errorf("stats = %+v", st)
	}
}

func TestFaults(t *testing.T) {
	tests := []struct {
		name   string
		faults []telegramtest.Fault
		check  func(t *testing.T, st Stats, took time.Duration)
	}{
		{"429 waits retry_after", []telegramtest.Fault{{Status: 429, RetryAfter: 1}}, func(t *testing.T, st Stats, took time.Duration) {
			if st.FloodWaits != 1 || took < time.Second {
				t.Errorf("flood waits = %d, took %v; want 1 wait of at least 1s", st.FloodWaits, took)
			}
		}},
		{"5xx retried", []telegramtest.Fault{{Status: 500}, {Status: 502, HTML: true}}, func(t *testing.T, st Stats, _ time.Duration) {
			if st.Retries != 2 {
				t.Errorf("retries = %d, want 2", st.Retries)
			}
		}},
		{"dropped connection retried", []telegramtest.Fault{{Drop: true}}, func(t *testing.T, st Stats, _ time.Duration) {
			if st.Retries != 1 {
				t.Errorf("retries = %d, want 1", st.Retries)
			}
		}},
		{"timeout retried", []telegramtest.Fault{{Delay: 2 * time.Second}}, func(t *testing.T, st Stats, took time.Duration) {
			// The retry, after the 1 s request timeout, is answered before the
			// 2 s slow answer would have been.
			if st.Retries != 1 || took < time.Second || took >= 1900*time.Millisecond {
				t.Errorf("retries = %d took %v; want one retry after the 1s request timeout", st.Retries, took)
			}
		}},
		{"slow answer is fine", []telegramtest.Fault{{Delay: 300 * time.Millisecond}}, func(t *testing.T, st Stats, took time.Duration) {
			if st.Retries != 0 || took < 300*time.Millisecond {
				t.Errorf("retries = %d took %v", st.Retries, took)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := telegramtest.New(t)
			r := startBot(t, srv, &fakeHandler{}, store.NewMemoryLedger(0), nil)
			chat := telegramtest.Private(dan)
			srv.Inject("sendMessage", tt.faults...)
			start := time.Now()
			srv.SendText(chat, dan, "xin chào")
			if got := srv.WaitMessages(t, chat.ID, 1); len(got) != 1 {
				t.Fatalf("%d messages, want exactly 1", len(got))
			}
			took := time.Since(start)
			srv.Wait(t, 5*time.Second, "sent counted", func() bool { return r.bot.Stats().Sent == 1 })
			tt.check(t, r.bot.Stats(), took)
			t.Logf("fault report: %d delivered in %v, stats %+v", len(srv.Messages(chat.ID)), took.Round(time.Millisecond), r.bot.Stats())
		})
	}
	t.Run("keeps a reply past the bounded attempts", func(t *testing.T) {
		srv := telegramtest.New(t)
		r := startBot(t, srv, &fakeHandler{}, store.NewMemoryLedger(0), nil)
		chat := telegramtest.Private(dan)
		srv.Inject("sendMessage", telegramtest.Fault{Status: 500}, telegramtest.Fault{Status: 500}, telegramtest.Fault{Status: 500}, telegramtest.Fault{Status: 500})
		srv.SendText(chat, dan, "một")
		srv.SendText(chat, dan, "hai")
		got := srv.WaitMessages(t, chat.ID, 2)
		if got[0].Visible != "Bạn hỏi: một" || got[1].Visible != "Bạn hỏi: hai" {
			t.Errorf("delivered %q, %q; want the first question's answer kept, then the second's", got[0].Visible, got[1].Visible)
		}
		if st := r.bot.Stats(); st.Dropped != 0 || st.Retries != 3 || st.Deferred != 1 {
			t.Errorf("stats = %+v, want 0 dropped, 3 retries, then the reply kept once", st)
		}
	})
	t.Run("getUpdates errors", func(t *testing.T) {
		srv := telegramtest.New(t)
		srv.Inject("getUpdates", telegramtest.Fault{Status: 502, HTML: true}, telegramtest.Fault{Status: 429, RetryAfter: 1}, telegramtest.Fault{Drop: true})
		startBot(t, srv, &fakeHandler{}, store.NewMemoryLedger(0), nil)
		chat := telegramtest.Private(dan)
		srv.SendText(chat, dan, "còn đó không?")
		srv.WaitMessages(t, chat.ID, 1)
	})
}

func TestOrderWithinChatConcurrentAcross(t *testing.T) {
	srv := telegramtest.New(t)
	h := &fakeHandler{delay: func(m bot.Message) time.Duration {
		if m.Text == "chậm" {
			return 700 * time.Millisecond
		}
		return 0
	}}
	startBot(t, srv, h, store.NewMemoryLedger(0), nil)
	a, b := telegramtest.Private(dan), telegramtest.Private(anna)
	srv.SendText(a, dan, "chậm")
	srv.SendText(a, dan, "sau")
	srv.SendText(b, anna, "nhanh")
	srv.WaitMessages(t, b.ID, 1)
	if n := len(srv.Messages(a.ID)); n != 0 {
		t.Errorf("chat A answered %d before its slow message finished; B should not wait for A", n)
	}
	got := srv.WaitMessages(t, a.ID, 2)
	if got[0].Visible != "Bạn hỏi: chậm" || got[1].Visible != "Bạn hỏi: sau" {
		t.Errorf("chat A order = %q, %q", got[0].Visible, got[1].Visible)
	}
	if calls := srv.Calls("sendChatAction"); len(calls) == 0 || calls[0].Params.Get("chat_id") != "11" {
		t.Errorf("typing actions = %v, want one for the slow answer", calls)
	}
}

// TestGracefulShutdownFinishesInFlight: an update being handled when the
// bot is told to stop is answered once, its offset saved and confirmed to
// Telegram. Every deadline is generous — a request may take seconds on a
// loaded machine (load 20–30 was seen), and a send that times out is sent
// again, counted here as a second message — and none is waited out: the
// handler returns once the shutdown has begun, not after a fixed delay.
func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	srv := telegramtest.New(t)
	l := store.NewMemoryLedger(0)
	stopping := make(chan struct{})
	h := &fakeHandler{delay: func(bot.Message) time.Duration {
		<-stopping // in flight until the shutdown has begun
		return 0
	}}
	r := startBot(t, srv, h, l, func(c *Config) {
		c.Grace, c.RequestTimeout, c.HandleTimeout, c.LockTTL = time.Minute, 20*time.Second, 2*time.Minute, time.Minute
	})
	release := sync.OnceFunc(func() { close(stopping) })
	t.Cleanup(release) // before the shutdown's clean-up, should the test stop early
	chat := telegramtest.Private(dan)
	// Each call to Telegram takes seconds, as on a loaded machine: the
	// deadlines above must hold it (the old 1 s request timeout and 0.6 s
	// polling lock failed at 1.5 s).
	srv.SetLatency(1500 * time.Millisecond)
	id, _ := srv.SendText(chat, dan, "trước khi tắt")
	srv.Wait(t, 5*time.Second, "handler called", func() bool { return len(h.messages()) == 1 })
	// The shutdown begins (Run stops taking updates), then the handler
	// finishes: the update is in flight across the start of the shutdown.
	r.stop()
	srv.Wait(t, time.Minute, "shutdown begun", func() bool {
		r.bot.mu.Lock()
		defer r.bot.mu.Unlock()
		return r.bot.closed
	})
	release()
	r.shutdown(t)
	if got := srv.Messages(chat.ID); len(got) != 1 {
		t.Fatalf("in-flight update not answered at shutdown: %d messages", len(got))
	}
	if off, _ := l.Offset(context.Background()); off != int64(id)+1 {
		t.Errorf("saved offset = %d, want %d", off, id+1)
	}
	// Telegram is told too, so a new instance is not sent it again.
	if n := srv.Pending(); n != 0 {
		t.Errorf("%d updates still pending at Telegram after a graceful shutdown, want 0", n)
	}
}

func TestLimiter(t *testing.T) {
	l := newLimiter(Limits{Global: 30, PerChat: 1, ChatBurst: 3, GroupPerMinute: 20, GroupBurst: 1})
	now := time.Unix(1000, 0)
	var waits []time.Duration
	for i := 0; i < 5; i++ {
		waits = append(waits, l.reserve(now, 1, false))
	}
	want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second}
	if fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("private chat waits = %v, want %v", waits, want)
	}
	if g1, g2 := l.reserve(now, -5, true), l.reserve(now, -5, true); g1 != 0 || g2 != 3*time.Second {
		t.Errorf("group waits = %v, %v; want 0, 3s", g1, g2)
	}
	// 30 chats at once: the global bucket spreads the rest over the next second.
	l = newLimiter(Limits{Global: 30, PerChat: 1, ChatBurst: 3, GroupPerMinute: 20, GroupBurst: 1})
	var last time.Duration
	for chat := int64(0); chat < 60; chat++ {
		last = l.reserve(now, chat, false)
	}
	if last < 900*time.Millisecond || last > 1100*time.Millisecond {
		t.Errorf("60th message overall waits %v, want about 1s", last)
	}
}

// TestLimiterCancel: a message whose wait is cancelled gives its place back,
// so the next one in the chat does not wait for it too.
func TestLimiterCancel(t *testing.T) {
	l := newLimiter(Limits{Global: 30, PerChat: 1, ChatBurst: 1, GroupPerMinute: 20, GroupBurst: 1})
	if d := l.reserve(time.Now(), 7, false); d != 0 {
		t.Fatalf("first message waits %v", d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := l.wait(ctx, 7, false); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled wait: %v", err)
	}
	if d := l.reserve(time.Now(), 7, false); d > 1500*time.Millisecond {
		t.Errorf("the message after a cancelled one waits %v, want about 1s", d)
	}
}

// BenchmarkLimiter is the cost of pacing one message in one of 1,000 chats.
func BenchmarkLimiter(b *testing.B) {
	l := newLimiter(DefaultLimits)
	now := time.Unix(1000, 0)
	for i := 0; b.Loop(); i++ {
		l.reserve(now.Add(time.Duration(i)*time.Millisecond), int64(i%1000), i%2 == 0)
	}
}

// TestInvalidUTF8Replies: a reply holding bytes that are no UTF-8 — a text,
// a button's label or data, a button press's notice, a post — reaches the
// user with U+FFFD in their place. Telegram (and the fake) refuse such
// text with a 400, and a refused reply is lost for good.
func TestInvalidUTF8Replies(t *testing.T) {
	srv := telegramtest.New(t)
	h := handlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
		if m.Callback != "" {
			return []bot.Reply{{Notice: "cảm ơn \xff"}}, nil
		}
		return []bot.Reply{{Text: "<b>Tệp</b> hồ\xc3 sơ\xff.txt", Buttons: [][]bot.Button{{{Text: "nút \xfe", Data: "d:\xff"}}}}}, nil
	})
	r := startBot(t, srv, h, store.NewMemoryLedger(0), nil)
	chat := telegramtest.Private(dan)
	srv.SendText(chat, dan, "xin chào")
	got := srv.WaitMessages(t, chat.ID, 1)
	if want := "Tệp hồ\uFFFD sơ\uFFFD.txt"; got[0].Visible != want {
		t.Errorf("reply = %q, want %q", got[0].Visible, want)
	}
	if len(got[0].Buttons) != 1 || got[0].Buttons[0][0].Text != "nút \uFFFD" {
		t.Errorf("buttons = %+v, want the label with U+FFFD", got[0].Buttons)
	}
	srv.Press(chat, dan, got[0].MessageID, "d:x")
	srv.Wait(t, time.Minute, "button answered", func() bool { return srv.UnansweredQueries() == 0 })
	if a := srv.Answers(); len(a) != 1 || a[0].Text != "cảm ơn \uFFFD" {
		t.Errorf("answers = %+v, want the notice with U+FFFD", a)
	}
	if _, err := r.bot.Post(context.Background(), chat.ID, bot.Reply{Text: "báo cáo \xff"}); err != nil {
		t.Errorf("Post: %v", err)
	}
	for _, method := range []string{"sendMessage", "answerCallbackQuery"} {
		for _, c := range srv.Calls(method) {
			if c.Status != 200 {
				t.Errorf("%s refused (%d): %q", method, c.Status, c.Params.Get("text"))
			}
		}
	}
}
