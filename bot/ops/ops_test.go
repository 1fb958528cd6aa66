package ops

import (
	"context"
	"errors"
	"go/build"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/ops/metricstest"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

func TestRoutes(t *testing.T) {
	m := NewMetrics(prometheus.NewRegistry())
	var notReady error = errors.New("index not loaded")
	mux := http.NewServeMux()
	Routes(mux, m, func(context.Context) error { return notReady })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	m.WatchIndex(func() index.Stats { return index.Stats{Articles: 3, Passages: 40, Facts: 7, Units: 50} })
	m.WatchTransport(func() TransportStats { return TransportStats{Sent: 12, Retries: 2, FloodWaits: 1, Panics: 3} })
	m.ObserveSearch(3*time.Millisecond, true)
	m.ObserveSearch(40*time.Millisecond, false)
	m.ObserveReload(context.Background(), reload.Report{Outcome: reload.Swapped})
	m.ObserveReload(context.Background(), reload.Report{Outcome: reload.Refused})
	h := m.CountUpdates(bot.HandlerFunc(func(context.Context, bot.Message) ([]bot.Reply, error) { return nil, nil }))
	for _, msg := range []bot.Message{{Text: "hỏi"}, {Text: "/start"}, {Callback: "f:1:u:x"}, {Document: bot.Document{FileID: "f"}}, {Text: "nữa"}} {
		h.Handle(context.Background(), msg)
	}

	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/healthz", 200, []string{"ok"}},
		{"/readyz", 503, []string{"not ready: index not loaded"}},
		{"/metrics", 200, []string{
			`kyanhbot_updates_total{kind="message"} 2`,
			`kyanhbot_updates_total{kind="command"} 1`,
			`kyanhbot_updates_total{kind="callback"} 1`,
			`kyanhbot_updates_total{kind="document"} 1`,
			`kyanhbot_questions_total{result="answered"} 1`,
			`kyanhbot_questions_total{result="unanswered"} 1`,
			`kyanhbot_search_seconds_bucket{le="0.005"} 1`,
			`kyanhbot_search_seconds_count 2`,
			`kyanhbot_reloads_total{outcome="swapped"} 1`,
			`kyanhbot_reloads_total{outcome="refused"} 1`,
			`kyanhbot_reloads_total{outcome="failed"} 0`,
			`kyanhbot_index_articles 3`,
			`kyanhbot_index_passages 40`,
			`kyanhbot_index_facts 7`,
			`kyanhbot_replies_sent_total 12`,
			`kyanhbot_telegram_retries_total 2`,
			`kyanhbot_telegram_flood_waits_total 1`,
			`kyanhbot_handler_panics_total 3`,
			`kyanhbot_redis_errors_total 0`,
			`kyanhbot_redis_dial_errors_total 0`,
			`go_goroutines`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, body := metricstest.Get(t, srv.URL+tt.path)
			if status != tt.status {
				t.Errorf("status %d, want %d", status, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
		})
	}
	notReady = nil
	if status, body := metricstest.Get(t, srv.URL+"/readyz"); status != 200 || !strings.Contains(body, "ready") {
		t.Errorf("ready: %d %q", status, body)
	}
}

func TestRoundTripperCountsAPIErrors(t *testing.T) {
	m := NewMetrics(prometheus.NewRegistry())
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/sendMessage"):
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.Write([]byte(`{"ok":true}`))
		}
	}))
	defer api.Close()
	c := &http.Client{Transport: m.RoundTripper(nil)}
	for _, p := range []string{"/bot1:SECRET/getMe", "/bot1:SECRET/sendMessage", "/bot1:SECRET/sendMessage", "/file/bot1:SECRET/documents/a.txt"} {
		resp, err := c.Get(api.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	api.Close()
	if _, err := c.Get(api.URL + "/bot1:SECRET/getUpdates"); err == nil {
		t.Fatal("closed server answered")
	}
	mux := http.NewServeMux()
	Routes(mux, m, nil)
	body := metricstest.Scrape(t, mux)
	for _, w := range []string{
		`kyanhbot_telegram_api_requests_total{code="200",method="getMe"} 1`,
		`kyanhbot_telegram_api_requests_total{code="429",method="sendMessage"} 2`,
		`kyanhbot_telegram_api_requests_total{code="200",method="file"} 1`,
		`kyanhbot_telegram_api_requests_total{code="network",method="getUpdates"} 1`,
		`kyanhbot_telegram_api_errors_total{code="429"} 2`,
		`kyanhbot_telegram_api_errors_total{code="network"} 1`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("metrics lack %q", w)
		}
	}
	if strings.Contains(body, "SECRET") {
		t.Error("the token is in the metrics")
	}
}

// TestRedisErrorsCounted: Redis failures reach the metrics, a failed
// command once and its failed dials apart (which failures count is
// store.CountFailures' test).
func TestRedisErrorsCounted(t *testing.T) {
	srv := redistest.Start(t)
	m := NewMetrics(prometheus.NewRegistry())
	c := srv.Client()
	store.CountFailures(c, m.RedisFailed, m.RedisDialFailed)
	ctx := context.Background()
	if err := c.Get(ctx, "missing").Err(); err == nil {
		t.Fatal("missing key found")
	}
	if got := scraped(t, m, "kyanhbot_redis_errors_total"); got != "0" {
		t.Errorf("a missing key counted as %s errors", got)
	}
	srv.Stop()
	c.Set(ctx, "k", "v", 0)
	if got := scraped(t, m, "kyanhbot_redis_errors_total"); got != "1" {
		t.Errorf("redis errors = %s after one command with the server stopped, want 1", got)
	}
	if got := scraped(t, m, "kyanhbot_redis_dial_errors_total"); got == "0" {
		t.Errorf("redis dial errors = %s after the server stopped, want ≥ 1", got)
	}
}

// scraped reads a metric from a scrape, as Prometheus would.
func scraped(t *testing.T, m *Metrics, name string) string {
	t.Helper()
	mux := http.NewServeMux()
	Routes(mux, m, nil)
	v := metricstest.Value(metricstest.Scrape(t, mux), name)
	if v == "" {
		t.Fatalf("no %s", name)
	}
	return v
}

// TestHandlerPanicsScraped runs the real Telegram transport on the fake Bot
// API with a handler that panics on one message: the panic shows in /metrics
// as the operator's alert would read it, once, and other messages are not
// counted.
func TestHandlerPanicsScraped(t *testing.T) {
	srv := telegramtest.New(t)
	m := NewMetrics(prometheus.NewRegistry())
	mux := http.NewServeMux()
	Routes(mux, m, nil)
	panics := func() string { return metricstest.Value(metricstest.Scrape(t, mux), "kyanhbot_handler_panics_total") }

	ctx, cancel := context.WithCancel(context.Background())
	b, err := telegram.New(ctx, telegram.Config{Token: srv.Token, Endpoint: srv.Endpoint, Ledger: store.NewMemoryLedger(0),
		Handler: bot.HandlerFunc(func(_ context.Context, msg bot.Message) ([]bot.Reply, error) {
			if msg.Text == "boom" {
				var table []int
				_ = table[len(msg.Text)] // a handler bug
			}
			return []bot.Reply{{Text: "ok: " + msg.Text}}, nil
		}),
		PollTimeout: time.Second, EmptyPollDelay: 10 * time.Millisecond, NoRateLimit: true, Grace: 5 * time.Second,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	m.WatchTransport(func() TransportStats { return TransportStats{Panics: b.Stats().Panics} })
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })

	if got := panics(); got != "0" {
		t.Fatalf("panics before any update = %q, want 0", got)
	}
	u := telegramtest.User{ID: 5, LanguageCode: "vi"}
	srv.Ask(t, u, "boom")
	srv.Wait(t, 10*time.Second, "the panic counted", func() bool { return panics() == "1" })
	if got := srv.Ask(t, u, "sau đó").Visible; got != "ok: sau đó" {
		t.Errorf("answer after the panic = %q", got)
	}
	if got := panics(); got != "1" {
		t.Errorf("panics after a good update = %q, want still 1", got)
	}
}

// TestNoTransportImport: ops reads the transport's counters through its own
// TransportStats, so it stays free of any Telegram package (layering).
func TestNoTransportImport(t *testing.T) {
	p, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range p.Imports {
		if strings.Contains(imp, "/bot/telegram") || strings.Contains(imp, "telegram-bot-api") {
			t.Errorf("bot/ops imports %s", imp)
		}
	}
}
