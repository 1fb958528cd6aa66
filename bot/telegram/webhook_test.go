package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

func newTestBot(t *testing.T, srv *telegramtest.Server, h bot.Handler, edit func(*Config)) *Bot {
	t.Helper()
	cfg := Config{Token: srv.Token, Endpoint: srv.Endpoint, Handler: h, Ledger: store.NewMemoryLedger(0),
		Logger: slog.New(slog.NewTextHandler(testWriter{t}, nil)), NoRateLimit: true, WebhookSecret: "right-secret"}
	if edit != nil {
		edit(&cfg)
	}
	b, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWebhookHandler(t *testing.T) {
	srv := telegramtest.New(t)
	h := &fakeHandler{}
	b := newTestBot(t, srv, h, func(c *Config) { c.MaxWebhookBody = 4096 })
	work, cancel := context.WithCancel(context.Background())
	defer cancel()
	hook := b.WebhookHandler(work)

	update := func(id int, text string) string {
		raw, _ := json.Marshal(tgbotapi.Update{UpdateID: id, Message: &tgbotapi.Message{MessageID: id,
			From: &tgbotapi.User{ID: 11}, Chat: &tgbotapi.Chat{ID: 11, Type: "private"}, Text: text}})
		return string(raw)
	}
	tests := []struct {
		name   string
		method string
		secret string
		body   string
		want   int
	}{
		{"no secret", "POST", "", update(1, "a"), http.StatusUnauthorized},
		{"wrong secret", "POST", "wrong-secret", update(2, "b"), http.StatusUnauthorized},
		{"prefix of the secret", "POST", "right", update(3, "c"), http.StatusUnauthorized},
		{"GET", "GET", "right-secret", "", http.StatusMethodNotAllowed},
		{"too large", "POST", "right-secret", update(4, strings.Repeat("x", 5000)), http.StatusRequestEntityTooLarge},
		{"not JSON", "POST", "right-secret", "{", http.StatusBadRequest},
		{"good", "POST", "right-secret", update(5, "xin chào"), http.StatusOK},
		{"good again (Telegram retry)", "POST", "right-secret", update(5, "xin chào"), http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "/hook", strings.NewReader(tt.body))
			if tt.secret != "" {
				req.Header.Set("X-Telegram-Bot-Api-Secret-Token", tt.secret)
			}
			rec := httptest.NewRecorder()
			hook.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Errorf("status = %d, want %d", rec.Code, tt.want)
			}
		})
	}
	got := srv.WaitMessages(t, 11, 1)
	ctx, stop := context.WithTimeout(context.Background(), 3*time.Second)
	defer stop()
	srv.WaitIdle(ctx, 300*time.Millisecond)
	if len(srv.Messages(11)) != 1 || got[0].Visible != "Bạn hỏi: xin chào" {
		t.Errorf("messages = %+v, want one answer to the one good update", srv.Messages(11))
	}
	if n := len(h.messages()); n != 1 {
		t.Errorf("handler saw %d messages, want 1: refused requests are not processed, the retry is a duplicate", n)
	}

	b.close(time.Second, cancel)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/hook", strings.NewReader(update(6, "muộn")))
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "right-secret")
	hook.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("after shutdown: status %d, want 503 so Telegram delivers again", rec.Code)
	}
}

func TestRunWebhookSetsSecret(t *testing.T) {
	srv := telegramtest.New(t)
	b := newTestBot(t, srv, &fakeHandler{}, nil)
	mux := http.NewServeMux()
	hs := httptest.NewServer(mux)
	defer hs.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.RunWebhook(ctx, mux, "POST /hook", hs.URL+"/hook") }()
	srv.Wait(t, 5*time.Second, "webhook set", func() bool { u, _ := srv.Webhook(); return u != "" })
	if u, s := srv.Webhook(); u != hs.URL+"/hook" || s != "right-secret" {
		t.Errorf("webhook = %q secret %q", u, s)
	}
	user := telegramtest.User{ID: 21}
	srv.SendText(telegramtest.Private(user), user, "qua webhook")
	srv.WaitMessages(t, 21, 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// TestRunWebhookStoppedWhileRegistering: a shutdown that comes while
// setWebhook is still in progress is a shutdown, not an error.
func TestRunWebhookStoppedWhileRegistering(t *testing.T) {
	srv := telegramtest.New(t)
	srv.Inject("setWebhook", telegramtest.Fault{Delay: 2 * time.Second})
	b := newTestBot(t, srv, &fakeHandler{}, nil)
	hs := httptest.NewServer(http.NewServeMux())
	defer hs.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.RunWebhook(ctx, http.NewServeMux(), "POST /hook", hs.URL+"/hook") }()
	srv.Wait(t, 5*time.Second, "setWebhook called", func() bool { return len(srv.Calls("setWebhook")) > 0 })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("RunWebhook = %v, want nil after a shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("RunWebhook did not return after the shutdown")
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	srv := telegramtest.New(t)
	b := newTestBot(t, srv, &fakeHandler{}, nil)
	srv.Close() // every call now fails at the network level, with the URL in the error
	_, err := b.c.request(context.Background(), tgbotapi.NewMessage(1, "x"))
	if err == nil {
		t.Fatal("no error from a closed server")
	}
	if strings.Contains(err.Error(), srv.Token) {
		t.Errorf("error shows the token: %v", err)
	}
	if kind, _ := classify(context.Background(), err); kind != transient {
		t.Errorf("network error classified %v, want transient", kind)
	}
}

func TestRateLimitedGroup(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the limiter")
	}
	srv := telegramtest.New(t)
	startBot(t, srv, &fakeHandler{}, store.NewMemoryLedger(0), func(c *Config) {
		c.NoRateLimit = false
		c.Limits = Limits{Global: 30, PerChat: 1, ChatBurst: 3, GroupPerMinute: 60, GroupBurst: 2}
	})
	grp := telegramtest.Chat{ID: -300, Type: "group", Title: "Nhóm thử"}
	start := time.Now()
	for i := 0; i < 4; i++ {
		srv.SendText(grp, dan, "/help")
	}
	got := srv.WaitMessages(t, grp.ID, 4)
	// Burst 2, then one a second: the 4th goes out after about 2 s.
	if took := time.Since(start); took < 1800*time.Millisecond {
		t.Errorf("4 group messages in %v, want the limiter to hold them to ~2s", took)
	}
	if got[0].ReplyTo == 0 {
		t.Error("group answers should reply to the asker's message")
	}
}

// TestHandlerSetAfterNew: the handler may come after New (the engine needs
// the username New learns); Run without one says so instead of starting.
func TestHandlerSetAfterNew(t *testing.T) {
	srv := telegramtest.New(t)
	b := newTestBot(t, srv, nil, nil)
	if err := b.Run(context.Background()); !errors.Is(err, errNoHandler) {
		t.Fatalf("Run without a handler = %v, want errNoHandler", err)
	}
	b.SetHandler(bot.HandlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		return []bot.Reply{{Text: "hi " + b.UserName()}}, nil
	}))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	defer func() { cancel(); <-done }()
	u := telegramtest.User{ID: 5, LanguageCode: "vi"}
	if got, want := srv.Ask(t, u, "xin chào").Visible, "hi "+b.UserName(); got != want {
		t.Errorf("answer = %q, want %q", got, want)
	}
}
