package telegramtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// The fake refuses what Telegram refuses, with Telegram's codes.
func TestServerChecks(t *testing.T) {
	srv := New(t)
	api, err := tgbotapi.NewBotAPIWithAPIEndpoint(srv.Token, srv.Endpoint)
	if err != nil {
		t.Fatal(err)
	}
	if api.Self.UserName != BotUserName {
		t.Errorf("getMe username = %q", api.Self.UserName)
	}
	html := func(text string) tgbotapi.MessageConfig {
		m := tgbotapi.NewMessage(5, text)
		m.ParseMode = tgbotapi.ModeHTML
		return m
	}
	withData := func(data string) tgbotapi.MessageConfig {
		m := tgbotapi.NewMessage(5, "x")
		m.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(tgbotapi.NewInlineKeyboardButtonData("b", data)))
		return m
	}
	tests := []struct {
		name     string
		cfg      tgbotapi.Chattable
		wantCode int // 0: accepted
	}{
		{"plain", tgbotapi.NewMessage(5, "xin chào"), 0},
		{"4096 characters", tgbotapi.NewMessage(5, strings.Repeat("ă", 4096)), 0},
		{"4097 characters", tgbotapi.NewMessage(5, strings.Repeat("ă", 4097)), 400},
		{"4096 visible in HTML", html("<b>" + strings.Repeat("&amp;", 4096) + "</b>"), 0},
		{"empty", tgbotapi.NewMessage(5, " "), 400},
		{"mark tag", html("<mark>x</mark>"), 400},
		{"unescaped &", html("a & b"), 400},
		{"64-byte data", withData(strings.Repeat("d", 64)), 0},
		{"65-byte data", withData(strings.Repeat("d", 65)), 400},
		{"edit of nothing", tgbotapi.NewEditMessageText(5, 999, "x"), 400},
		{"unknown callback query", tgbotapi.NewCallback("nope", ""), 400},
		// Telegram answers "text must be encoded in UTF-8".
		{"invalid UTF-8", tgbotapi.NewMessage(5, "số \xff fax"), 400},
		{"invalid UTF-8 in HTML", html("<b>số \xc3</b>"), 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := api.Request(tt.cfg)
			var tgErr *tgbotapi.Error
			switch {
			case tt.wantCode == 0 && err != nil:
				t.Errorf("refused: %v", err)
			case tt.wantCode != 0 && !errors.As(err, &tgErr):
				t.Errorf("error = %v, want a Bot API error %d", err, tt.wantCode)
			case tt.wantCode != 0 && tgErr.Code != tt.wantCode:
				t.Errorf("code = %d, want %d", tgErr.Code, tt.wantCode)
			}
		})
	}

	t.Run("edit not modified", func(t *testing.T) {
		msg, err := api.Send(tgbotapi.NewMessage(6, "một"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := api.Request(tgbotapi.NewEditMessageText(6, msg.MessageID, "hai")); err != nil {
			t.Fatal(err)
		}
		_, err = api.Request(tgbotapi.NewEditMessageText(6, msg.MessageID, "hai"))
		if err == nil || !strings.Contains(err.Error(), "message is not modified") {
			t.Errorf("second identical edit: %v, want not modified", err)
		}
		if got := srv.Messages(6); got[0].Visible != "hai" || got[0].Edits != 1 {
			t.Errorf("message = %+v", got[0])
		}
	})

	t.Run("offset confirms updates", func(t *testing.T) {
		u := User{ID: 9}
		first, _ := srv.SendText(Private(u), u, "a")
		srv.SendText(Private(u), u, "b")
		got, err := api.GetUpdates(tgbotapi.UpdateConfig{Offset: first})
		if err != nil || len(got) != 2 {
			t.Fatalf("got %d updates, %v; want 2", len(got), err)
		}
		got, _ = api.GetUpdates(tgbotapi.UpdateConfig{Offset: first + 1})
		if len(got) != 1 || srv.Pending() != 1 {
			t.Errorf("after confirming the first: %d returned, %d pending; want 1 and 1", len(got), srv.Pending())
		}
	})

	// Telegram holds only valid UTF-8: an update a test writes with raw
	// invalid bytes is delivered with U+FFFD in their place.
	t.Run("raw invalid bytes delivered as U+FFFD", func(t *testing.T) {
		id := srv.PushRaw(`"message":{"message_id":1,"date":1,"from":{"id":9},"chat":{"id":9,"type":"private"},"text":"a` + "\xff\xfe" + `b"}`)
		resp, err := http.Get(fmt.Sprintf("%s/bot%s/getUpdates?offset=%d&timeout=0", srv.URL, srv.Token, id))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !utf8.Valid(body) {
			t.Errorf("getUpdates answered invalid UTF-8: %q", body)
		}
		got, err := api.GetUpdates(tgbotapi.UpdateConfig{Offset: id})
		if err != nil || len(got) != 1 {
			t.Fatalf("got %d updates, %v; want 1", len(got), err)
		}
		if want := "a\uFFFDb"; got[0].Message.Text != want {
			t.Errorf("text = %q, want %q", got[0].Message.Text, want)
		}
	})

	t.Run("429 carries retry_after", func(t *testing.T) {
		srv.Inject("sendMessage", Fault{Status: 429, RetryAfter: 7})
		_, err := api.Send(tgbotapi.NewMessage(5, "x"))
		var tgErr *tgbotapi.Error
		if !errors.As(err, &tgErr) || tgErr.Code != 429 || tgErr.RetryAfter != 7 {
			t.Errorf("error = %#v, want 429 with retry_after 7", err)
		}
	})
}

// TestWebhookRetries: an update the webhook does not accept is retried as
// Telegram retries it — past a few refusals, to whichever webhook is set at
// the time, back to getUpdates when the webhook is deleted — and a delivery
// that hangs ends when the server is closed.
func TestWebhookRetries(t *testing.T) {
	dan := User{ID: 7, LanguageCode: "vi"}
	// hook is a webhook that refuses (503) its first refuse deliveries and
	// accepts the rest; got receives each delivery's update_id.
	hook := func(t *testing.T, refuse int) (string, chan int) {
		got := make(chan int, 100)
		var mu sync.Mutex
		seen := 0
		hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var u tgbotapi.Update
			if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
				t.Errorf("webhook body: %v", err)
			}
			got <- u.UpdateID
			mu.Lock()
			seen++
			n := seen
			mu.Unlock()
			if n <= refuse {
				w.WriteHeader(http.StatusServiceUnavailable)
			}
		}))
		t.Cleanup(hs.Close)
		return hs.URL, got
	}
	setWebhook := func(t *testing.T, srv *Server, url string) {
		api, err := tgbotapi.NewBotAPIWithAPIEndpoint(srv.Token, srv.Endpoint)
		if err != nil {
			t.Fatal(err)
		}
		var cfg tgbotapi.Chattable = tgbotapi.DeleteWebhookConfig{}
		if url != "" {
			if cfg, err = tgbotapi.NewWebhook(url); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := api.Request(cfg); err != nil {
			t.Fatal(err)
		}
	}
	// push sends a message in the background and returns a channel closed
	// when PushUpdate returned.
	push := func(srv *Server) chan struct{} {
		done := make(chan struct{})
		go func() { defer close(done); srv.SendText(Private(dan), dan, "xin chào") }()
		return done
	}
	returned := func(t *testing.T, srv *Server, done chan struct{}) {
		t.Helper()
		srv.Wait(t, minWait, "PushUpdate to return", func() bool {
			select {
			case <-done:
				return true
			default:
				return false
			}
		})
	}

	t.Run("refused eight times, then accepted", func(t *testing.T) {
		srv := New(t)
		url, got := hook(t, 8)
		setWebhook(t, srv, url)
		id, _ := srv.SendText(Private(dan), dan, "xin chào")
		want := []int{503, 503, 503, 503, 503, 503, 503, 503, 200}
		if d := srv.WebhookDeliveries(); !slices.Equal(d, want) {
			t.Errorf("deliveries = %v, want %v", d, want)
		}
		if n := len(got); n != 9 {
			t.Errorf("webhook saw %d deliveries, want 9", n)
		}
		for range len(got) {
			if g := <-got; g != id {
				t.Errorf("delivered update %d, want %d", g, id)
			}
		}
	})
	t.Run("moved to another replica", func(t *testing.T) {
		srv := New(t)
		stopped, _ := hook(t, 1<<30)
		setWebhook(t, srv, stopped)
		done := push(srv)
		srv.Wait(t, minWait, "a refused delivery", func() bool { return len(srv.WebhookDeliveries()) > 0 })
		next, got := hook(t, 0)
		setWebhook(t, srv, next)
		returned(t, srv, done)
		select {
		case <-got:
		default:
			t.Errorf("the webhook set after the refusal got nothing; deliveries %v", srv.WebhookDeliveries())
		}
	})
	t.Run("deleted: kept for getUpdates", func(t *testing.T) {
		srv := New(t)
		stopped, _ := hook(t, 1<<30)
		setWebhook(t, srv, stopped)
		done := push(srv)
		srv.Wait(t, minWait, "a refused delivery", func() bool { return len(srv.WebhookDeliveries()) > 0 })
		setWebhook(t, srv, "")
		returned(t, srv, done)
		if n := srv.Pending(); n != 1 {
			t.Errorf("%d updates pending for getUpdates, want the refused one", n)
		}
	})
	t.Run("hung, then closed", func(t *testing.T) {
		srv := New(t)
		release := make(chan struct{})
		arrived := make(chan struct{}, 1)
		hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			arrived <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-release:
			}
		}))
		t.Cleanup(hs.Close)
		t.Cleanup(func() { close(release) }) // runs first: hs.Close waits for the handler
		setWebhook(t, srv, hs.URL)
		done := push(srv)
		select {
		case <-arrived:
		case <-time.After(minWait):
			t.Fatal("no delivery reached the webhook")
		}
		srv.Close()
		select {
		case <-done:
		case <-time.After(minWait):
			t.Fatal("PushUpdate still waiting on a hung webhook after Close")
		}
	})
}
