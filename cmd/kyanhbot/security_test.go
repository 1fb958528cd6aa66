package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// leaks reports which secrets appear in a log.
func leaks(log string, secrets ...string) []string {
	var found []string
	for _, s := range secrets {
		if s != "" && strings.Contains(log, s) {
			found = append(found, s)
		}
	}
	return found
}

// TestServeSecurity runs serve with a webhook and an admin, as an attacker
// would meet it: webhook requests without or with a wrong secret (401) and
// oversized (413) are not processed; admin commands from a citizen are
// refused; hostile text comes back escaped (the fake Bot API refuses invalid
// HTML like Telegram); and neither the token nor the webhook secret appears in
// any log line, failing Bot API calls included.
func TestServeSecurity(t *testing.T) {
	srv := telegramtest.New(t)
	addr := freeAddr(t)
	const hookSecret = "s3cret-Value_2"
	stderr, stop := startServe(t, fakeAPIVars(srv, map[string]string{
		"WEBHOOK_URL":    "http://" + addr + "/tg/hook",
		"WEBHOOK_SECRET": hookSecret,
		"LISTEN_ADDR":    addr,
		"ADMIN_IDS":      "42",
		"LOG_LEVEL":      "debug",
	}))
	srv.Wait(t, 20*time.Second, "setWebhook", func() bool { u, _ := srv.Webhook(); return u != "" })

	// Forged webhook requests, for a chat nobody else writes in.
	victim := telegramtest.User{ID: 801, LanguageCode: "vi"}
	update, _ := json.Marshal(tgbotapi.Update{UpdateID: 900001, Message: &tgbotapi.Message{MessageID: 1,
		From: &tgbotapi.User{ID: victim.ID}, Chat: &tgbotapi.Chat{ID: victim.ID, Type: "private"}, Text: "/start"}})
	huge, _ := json.Marshal(tgbotapi.Update{UpdateID: 900002, Message: &tgbotapi.Message{MessageID: 2,
		From: &tgbotapi.User{ID: victim.ID}, Chat: &tgbotapi.Chat{ID: victim.ID, Type: "private"}, Text: strings.Repeat("a", 2<<20)}})
	forged := []struct {
		name   string
		secret string
		body   []byte
		want   int
	}{
		{"no secret", "", update, http.StatusUnauthorized},
		{"wrong secret", "s3cret-Value_3", update, http.StatusUnauthorized},
		{"secret in another case", strings.ToUpper(hookSecret), update, http.StatusUnauthorized},
		{"secret as a prefix", hookSecret[:5], update, http.StatusUnauthorized},
		{"right secret, 2 MiB body", hookSecret, huge, http.StatusRequestEntityTooLarge},
	}
	for _, f := range forged {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/tg/hook", bytes.NewReader(f.body))
		if f.secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", f.secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		resp.Body.Close()
		if resp.StatusCode != f.want {
			t.Errorf("%s: status %d, want %d", f.name, resp.StatusCode, f.want)
		}
	}

	// Real deliveries, through a failing Bot API.
	srv.Inject("sendMessage", telegramtest.Fault{Status: 500}, telegramtest.Fault{Drop: true}, telegramtest.Fault{Status: 502, HTML: true})
	citizen := telegramtest.User{ID: 7, LanguageCode: "vi"}
	admin := telegramtest.User{ID: 42, LanguageCode: "vi"}
	cc, ac := telegramtest.Private(citizen), telegramtest.Private(admin)
	for _, text := range []string{"/reload", "/stats", "/reload@" + telegramtest.BotUserName, `<script>alert(1)</script> & "fax"`, "/x<b>&amp;"} {
		srv.SendText(cc, citizen, text)
	}
	srv.SendText(ac, admin, "/stats")
	got := srv.WaitMessages(t, cc.ID, 5)
	srv.WaitMessages(t, ac.ID, 1)
	for i, m := range got[:3] {
		if !strings.Contains(m.Visible, "/reload") && !strings.Contains(m.Visible, "/stats") {
			t.Errorf("citizen's admin command %d answered %q, want the unknown-command refusal", i, m.Visible)
		}
	}
	if !strings.Contains(got[4].Visible, "/x<b>&amp;") {
		t.Errorf("unknown command echoed as %q, want the text as typed", got[4].Visible)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if n := len(srv.Messages(victim.ID)); n != 0 {
		t.Errorf("forged webhook requests were processed: %d replies", n)
	}
	log := stderr.String()
	if !strings.Contains(log, "admin command refused") {
		t.Error("refused admin commands are not logged")
	}
	if !strings.Contains(log, "wrong secret") {
		t.Error("webhook requests with a wrong secret are not logged")
	}
	if l := leaks(log, srv.Token, "TEST-token", hookSecret); len(l) > 0 {
		t.Errorf("the log shows %q", l)
	}
}

// TestServeTokenNeverLogged runs serve by polling at debug level through
// every error path of the Bot API — polls failing, replies refused, the API
// gone (network errors carry the request URL, and the URL carries the token)
// — and checks no line of the log shows the token.
func TestServeTokenNeverLogged(t *testing.T) {
	srv := telegramtest.New(t)
	srv.Inject("getUpdates", telegramtest.Fault{Status: 502, HTML: true}, telegramtest.Fault{Drop: true}, telegramtest.Fault{Status: 409, Description: "Conflict: terminated by other getUpdates request"})
	srv.Inject("setMyCommands", telegramtest.Fault{Status: 400, Description: "Bad Request: invalid command"})
	stderr, stop := startServe(t, fakeAPIVars(srv, map[string]string{
		"LOG_LEVEL": "debug",
	}))
	user := telegramtest.User{ID: 802, LanguageCode: "en"}
	chat := telegramtest.Private(user)
	srv.SendText(chat, user, "/help")
	srv.WaitMessages(t, chat.ID, 1)
	srv.Inject("sendMessage", telegramtest.Fault{Status: 500}, telegramtest.Fault{Status: 500}, telegramtest.Fault{Status: 500},
		telegramtest.Fault{Status: 500}, telegramtest.Fault{Status: 500}, telegramtest.Fault{Status: 500})
	srv.SendText(chat, user, "/lienhe")
	srv.Wait(t, 30*time.Second, "reply given up", func() bool { return strings.Contains(stderr.String(), "not delivered") })
	// Every call now fails with a network error naming the URL: wait for
	// the poller to log one.
	before := strings.Count(stderr.String(), "getUpdates failed")
	srv.Close()
	for deadline := time.Now().Add(30 * time.Second); strings.Count(stderr.String(), "getUpdates failed") <= before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no getUpdates failure logged after the Bot API went away")
		}
	}
	if err := stop(); err != nil {
		t.Logf("serve: %v", err)
	}
	log := stderr.String()
	if n := strings.Count(log, "\n"); n < 10 {
		t.Errorf("only %d log lines: the error paths were not reached", n)
	}
	if l := leaks(log, srv.Token, "TEST-token"); len(l) > 0 {
		for _, line := range strings.Split(log, "\n") {
			if len(leaks(line, l...)) > 0 {
				t.Errorf("token in log line: %s", line)
			}
		}
	}
}

// TestServeAdminCommandsInGroup: in a group, through the whole handler chain
// of serve, a citizen's plain /reload is as silent as any command the bot
// does not know there (another bot's, most likely), /stats addressed to the
// bot gets the unknown-command refusal, and neither runs; the admin's /stats
// in the same group does, its report sent to the admin in private (it quotes
// citizens' questions) and nothing of it in the group.
func TestServeAdminCommandsInGroup(t *testing.T) {
	srv := telegramtest.New(t)
	stderr, stop := startServe(t, fakeAPIVars(srv, map[string]string{"ADMIN_IDS": "42"}))
	g := telegramtest.Chat{ID: -100950, Type: "supergroup", Title: "Nhóm thử"}
	citizen := telegramtest.User{ID: 7, LanguageCode: "vi"}
	admin := telegramtest.User{ID: 42, LanguageCode: "vi"}
	srv.SendText(g, citizen, "/reload")
	srv.SendText(g, citizen, "/stats@"+telegramtest.BotUserName)
	srv.SendText(g, admin, "/stats")
	srv.SendText(g, citizen, "/help@"+telegramtest.BotUserName)
	// The group's updates are handled in order: /help answered is the last.
	var got []telegramtest.Message
	srv.Wait(t, 10*time.Second, "/help answered in the group", func() bool {
		got = srv.Messages(g.ID)
		return len(got) > 0 && strings.Contains(got[len(got)-1].Visible, "lệnh của bot khác mình bỏ qua")
	})
	if len(got) != 2 {
		t.Fatalf("%d messages, want 2 (the refusal of /stats@bot and /help)", len(got))
	}
	if !strings.Contains(got[0].Visible, "/stats") || strings.Contains(got[0].Visible, "Thống kê") {
		t.Errorf("citizen's /stats@bot answered %.100q, want the unknown-command refusal", got[0].Visible)
	}
	if private := srv.Messages(admin.ID); len(private) != 1 || !strings.Contains(private[0].Visible, "Câu hỏi: hôm nay") {
		t.Errorf("admin's private chat holds %d messages, want the statistics", len(private))
	}
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if n := strings.Count(stderr.String(), "admin command refused"); n != 2 {
		t.Errorf("%d refusals logged, want 2 (/reload and /stats@bot)", n)
	}
	if strings.Contains(stderr.String(), `"trigger":"command"`) {
		t.Error("a citizen's /reload reloaded")
	}
}
