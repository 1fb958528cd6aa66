package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot/logtest"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// startServe runs `kyanhbot serve` with vars until the returned stop is called.
func startServe(t *testing.T, vars map[string]string) (stderr *logtest.Buffer, stop func() error) {
	t.Helper()
	stderr = &logtest.Buffer{}
	e := env{getenv: func(k string) string { return vars[k] }, stdin: strings.NewReader(""), stdout: &logtest.Buffer{}, stderr: stderr}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, e) }()
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				err = fmt.Errorf("serve did not stop")
			}
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return stderr, stop
}

func TestServePolling(t *testing.T) {
	srv := telegramtest.New(t)
	stderr, stop := startServe(t, fakeAPIVars(srv, map[string]string{
		"LOG_LEVEL": "debug",
		"ADMIN_IDS": "777",
	}))
	user := telegramtest.User{ID: 501, FirstName: "Thử", LanguageCode: "vi"}
	chat := telegramtest.Private(user)
	srv.SendText(chat, user, "/start")
	got := srv.WaitMessages(t, chat.ID, 1)
	if len(got[0].Buttons) == 0 {
		t.Errorf("/start reply has no example buttons: %q", got[0].Visible)
	}
	srv.SendText(chat, user, "/lienhe")
	srv.WaitMessages(t, chat.ID, 2)
	srv.Inline(user, "Số điện thoại của ủy ban")
	srv.Wait(t, 10*time.Second, "inline answer", func() bool { return len(srv.InlineAnswers()) == 1 })
	if a := srv.InlineAnswers()[0]; len(a.Results) == 0 || len(a.Results) > 5 || a.CacheTime == 0 {
		t.Errorf("inline answer = %d results cached %d s, want 1–5 cached", len(a.Results), a.CacheTime)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if len(srv.Commands("vi")) == 0 || len(srv.Commands("en")) == 0 || len(srv.Commands("")) == 0 {
		t.Error("setMyCommands not called for the default list, vi and en")
	}
	has := func(cmds []tgbotapi.BotCommand, name string) bool {
		for _, c := range cmds {
			if c.Command == name {
				return true
			}
		}
		return false
	}
	if cmds := srv.ChatCommands(777, "vi"); !has(cmds, "reload") || !has(cmds, "stats") || !has(cmds, "start") {
		t.Errorf("admin 777's menu = %v, want the citizens' with /reload and /stats", cmds)
	}
	if !has(srv.Commands(""), "canbo") || has(srv.Commands(""), "reload") {
		t.Errorf("default menu = %v, want /canbo and no admin command", srv.Commands(""))
	}
	if strings.Contains(stderr.String(), srv.Token) || strings.Contains(stderr.String(), "TEST-token") {
		t.Error("the token appears in the logs")
	}
	if !strings.Contains(stderr.String(), "REDIS_URL not set") {
		t.Error("no warning about in-memory state")
	}
}

func TestServeWebhook(t *testing.T) {
	srv := telegramtest.New(t)
	addr := freeAddr(t)
	_, stop := startServe(t, fakeAPIVars(srv, map[string]string{
		"WEBHOOK_URL":    "http://" + addr + "/tg/hook",
		"WEBHOOK_SECRET": "s3cret-Value_1",
		"LISTEN_ADDR":    addr,
	}))
	srv.Wait(t, 10*time.Second, "setWebhook", func() bool { u, _ := srv.Webhook(); return u != "" })
	if _, secret := srv.Webhook(); secret != "s3cret-Value_1" {
		t.Errorf("webhook secret = %q", secret)
	}
	user := telegramtest.User{ID: 502, LanguageCode: "en"}
	chat := telegramtest.Private(user)
	srv.SendText(chat, user, "/help")
	srv.WaitMessages(t, chat.ID, 1)
	if d := srv.WebhookDeliveries(); len(d) != 1 || d[0] != 200 {
		t.Errorf("webhook deliveries = %v, want one 200", d)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestServeConfigErrors(t *testing.T) {
	const token = "123456:AAE-secret-token-value"
	tokenFile := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tokenFile, []byte(token+"\n"), 0o600)
	tests := []struct {
		name string
		vars map[string]string
		want string
	}{
		{"no token", map[string]string{}, "TELEGRAM_BOT_TOKEN"},
		{"malformed token", map[string]string{"TELEGRAM_BOT_TOKEN": "not a token"}, "does not look like"},
		{"both token and file", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BOT_TOKEN_FILE": tokenFile}, "not both"},
		{"missing token file", map[string]string{"TELEGRAM_BOT_TOKEN_FILE": "/nonexistent/token"}, "cannot read"},
		{"endpoint without placeholders", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_ENDPOINT": "http://x/bot"}, "two %s"},
		{"bad admin id", map[string]string{"TELEGRAM_BOT_TOKEN": token, "ADMIN_IDS": "12,abc"}, "ADMIN_IDS"},
		{"webhook without secret", map[string]string{"TELEGRAM_BOT_TOKEN": token, "WEBHOOK_URL": "https://bot.example.org/hook"}, "WEBHOOK_SECRET"},
		{"bad log level", map[string]string{"TELEGRAM_BOT_TOKEN": token, "LOG_LEVEL": "loud"}, "LOG_LEVEL"},
		{"webhook over http", map[string]string{"TELEGRAM_BOT_TOKEN": token, "WEBHOOK_URL": "http://bot.example.org/hook", "WEBHOOK_SECRET": "s3cret"}, "https://"},
		{"webhook without scheme", map[string]string{"TELEGRAM_BOT_TOKEN": token, "WEBHOOK_URL": "bot.example.org/hook", "WEBHOOK_SECRET": "s3cret"}, "https://"},
		{"unreachable API", map[string]string{"TELEGRAM_BOT_TOKEN": token, "TELEGRAM_API_ENDPOINT": "http://127.0.0.1:1/bot%s/%s"}, "connect to Telegram"},
		{"bad redis url", map[string]string{"TELEGRAM_BOT_TOKEN_FILE": tokenFile, "REDIS_URL": "http://user:" + token + "@x"}, "REDIS_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			e := env{getenv: func(k string) string { return tt.vars[k] }, stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
			// serve keeps trying to reach Telegram for minutes: the
			// unreachable API's case ends with the context.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			err := run(ctx, []string{"serve"}, e)
			if err == nil {
				t.Fatal("serve accepted a bad configuration")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not mention %q", msg, tt.want)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error is not one line: %q", msg)
			}
			if all := msg + out.String() + errOut.String(); strings.Contains(all, "secret-token-value") {
				t.Errorf("the token leaked: %q", all)
			}
		})
	}
}

func TestSecretNeverPrints(t *testing.T) {
	s := secret("123:abc")
	for _, got := range []string{fmt.Sprint(s), fmt.Sprintf("%v %s %q %+v %#v", s, s, s, s, s), s.LogValue().String()} {
		if strings.Contains(got, "abc") {
			t.Errorf("secret printed as %q", got)
		}
	}
}

// TestServeRedisRestart stops serve between a question and its "more" press;
// a new process on the same Redis pages on from where the first left off and
// answers nothing twice.
func TestServeRedisRestart(t *testing.T) {
	rs := redistest.Start(t)
	srv := telegramtest.New(t)
	// A grace period, as in production: stopped with none, serve may
	// abandon the question it has just answered before marking it done,
	// and the next process answers it again (a flake: 6 of 16 runs).
	vars := fakeAPIVars(srv, map[string]string{
		"REDIS_URL":      rs.URL(),
		"SHUTDOWN_GRACE": "5s",
	})
	user := telegramtest.User{ID: 503, LanguageCode: "vi"}
	chat := telegramtest.Private(user)

	_, stop := startServe(t, vars)
	srv.SendText(chat, user, "Sáp nhập những đơn vị nào?")
	answer := srv.WaitMessages(t, chat.ID, 1)[0]
	if err := stop(); err != nil {
		t.Fatalf("first serve: %v", err)
	}
	var more string
	for _, row := range answer.Buttons {
		for _, b := range row {
			if b.CallbackData != nil && strings.HasPrefix(*b.CallbackData, "m:") {
				more = *b.CallbackData
			}
		}
	}
	if more == "" {
		t.Fatalf("no more button on %q", answer.Visible)
	}
	srv.Press(chat, user, answer.MessageID, more)

	_, stop = startServe(t, vars)
	// The page replaces the answer in place.
	srv.Wait(t, 10*time.Second, "the answer paged in place", func() bool {
		return strings.Contains(srv.Messages(chat.ID)[0].Visible, "Trang 2")
	})
	if err := stop(); err != nil {
		t.Fatalf("second serve: %v", err)
	}
	if n := len(srv.Messages(chat.ID)); n != 1 {
		t.Errorf("%d messages, want 1 (the answer, paged in place)", n)
	}
}

// fakeAPIVars is serve's environment for the fake Bot API srv, plus vars.
func fakeAPIVars(srv *telegramtest.Server, vars map[string]string) map[string]string {
	out := map[string]string{"TELEGRAM_BOT_TOKEN": srv.Token, "TELEGRAM_API_ENDPOINT": srv.Endpoint}
	for k, v := range vars {
		out[k] = v
	}
	return out
}
