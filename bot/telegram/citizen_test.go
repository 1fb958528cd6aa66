package telegram

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// TestInlineQuery: "@bot question" typed in any chat is answered with
// answerInlineQuery — articles in HTML, cached on Telegram's side — and
// nothing is sent to any chat; polling asks for inline queries.
func TestInlineQuery(t *testing.T) {
	srv := telegramtest.New(t)
	h := handlerFunc(func(_ context.Context, m bot.Message) ([]bot.Reply, error) {
		if !m.Inline {
			return []bot.Reply{{Text: "not inline"}}, nil
		}
		if m.Text == "không có" {
			return []bot.Reply{{}}, nil
		}
		return []bot.Reply{{Results: []bot.Result{
			{ID: "a1", Title: "Xã giảm 3 thôn", Description: "Nghị quyết · 2020", Text: "Xã giảm <b>3</b> thôn.\n\n<a href=\"https://example.org/a\">Nguồn</a>", URL: "https://example.org/a"},
			{ID: "a2", Title: "Giờ làm việc", Text: "Từ 7h30 &amp; đến 17h."},
		}}}, nil
	})
	startBot(t, srv, h, store.NewMemoryLedger(0), nil)
	dan := telegramtest.User{ID: 7, LanguageCode: "vi"}
	_, q := srv.Inline(dan, "sáp nhập thôn")
	srv.Wait(t, 10*time.Second, "inline answer", func() bool { return len(srv.InlineAnswers()) == 1 })
	a := srv.InlineAnswers()[0]
	if a.QueryID != q || a.CacheTime != inlineCacheTime || a.Personal || len(a.Results) != 2 {
		t.Fatalf("answer = %+v, want 2 results for %s cached %d s, not personal", a, q, inlineCacheTime)
	}
	if got, want := a.Results[0].Visible, "Xã giảm 3 thôn.\n\nNguồn"; got != want || a.Results[0].ParseMode != "HTML" || a.Results[0].URL != "https://example.org/a" {
		t.Errorf("first result = %+v, want visible %q in HTML with its source", a.Results[0], want)
	}
	srv.Inline(dan, "không có")
	srv.Wait(t, 10*time.Second, "empty inline answer", func() bool { return len(srv.InlineAnswers()) == 2 })
	if n := len(srv.InlineAnswers()[1].Results); n != 0 {
		t.Errorf("no hits gave %d results", n)
	}
	if n := len(srv.Calls("sendMessage")) + len(srv.Calls("sendChatAction")); n != 0 {
		t.Errorf("inline queries sent %d messages or chat actions, want none", n)
	}
	if got := srv.Calls("getUpdates")[0].Params.Get("allowed_updates"); !strings.Contains(got, `"inline_query"`) || !strings.Contains(got, `"callback_query"`) {
		t.Errorf("getUpdates allowed_updates = %s", got)
	}
}

// TestWebhookAsksForInlineQueries: setWebhook's allowed_updates match
// polling's.
func TestWebhookAsksForInlineQueries(t *testing.T) {
	srv := telegramtest.New(t)
	startWebhook(t, srv, &fakeHandler{}, nil)
	calls := srv.Calls("setWebhook")
	if len(calls) == 0 {
		t.Fatal("no setWebhook")
	}
	if got := calls[0].Params.Get("allowed_updates"); got != allowedUpdates {
		t.Errorf("setWebhook allowed_updates = %s, want %s", got, allowedUpdates)
	}
	dan := telegramtest.User{ID: 7, LanguageCode: "vi"}
	srv.Inline(dan, "giờ làm việc")
	srv.Wait(t, 10*time.Second, "inline answer by webhook", func() bool { return len(srv.InlineAnswers()) == 1 })
}

// TestForumTopics: a message in a forum topic is answered in that topic,
// and so is a press on a button of the bot's message there; outside topics
// no message_thread_id is sent (Telegram refuses one it does not know).
func TestForumTopics(t *testing.T) {
	srv := telegramtest.New(t)
	startBot(t, srv, &fakeHandler{}, store.NewMemoryLedger(0), nil)
	dan := telegramtest.User{ID: 7, LanguageCode: "vi"}
	topic := telegramtest.Chat{ID: -100900, Type: "supergroup", Title: "Xã (thử nghiệm)", Topic: 42}
	srv.SendText(topic, dan, "/buttons@"+telegramtest.BotUserName)
	srv.SendText(topic, dan, "buttons @"+telegramtest.BotUserName)
	got := srv.WaitMessages(t, topic.ID, 2)
	for _, m := range got {
		if m.Thread != 42 {
			t.Errorf("reply %q in thread %d, want 42", m.Visible, m.Thread)
		}
	}
	srv.Press(topic, dan, got[1].MessageID, "plain")
	srv.SendText(topic, dan, "long @"+telegramtest.BotUserName) // split in parts: each in the topic
	got = srv.WaitMessages(t, topic.ID, 4)
	for _, m := range got[2:] {
		if m.Thread != 42 {
			t.Errorf("reply %q… in thread %d, want 42", m.Visible[:min(len(m.Visible), 20)], m.Thread)
		}
	}
	plain := telegramtest.Chat{ID: -100901, Type: "supergroup", Title: "Nhóm"}
	srv.SendText(plain, dan, "hỏi @"+telegramtest.BotUserName)
	if m := srv.WaitMessages(t, plain.ID, 1)[0]; m.Thread != 0 {
		t.Errorf("reply outside topics in thread %d", m.Thread)
	}
}

// TestButtonAnsweredAtOnce: a flow with slow work acknowledges the press
// first (bot.Ack), and one that does not is acknowledged after AckAfter —
// both while the handler is still at work; a fast one keeps its notice.
func TestButtonAnsweredAtOnce(t *testing.T) {
	srv := telegramtest.New(t)
	release := make(chan struct{})
	h := handlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
		switch m.Callback {
		case "slow-ack":
			bot.Ack(ctx, "Đang chuyển…")
			<-release
			return []bot.Reply{{Text: "Đã chuyển.", Notice: "ignored"}}, nil
		case "slow":
			<-release
			return []bot.Reply{{Text: "Xong."}}, nil
		case "fast":
			return []bot.Reply{{Notice: "Cảm ơn!"}}, nil
		}
		return []bot.Reply{{Text: "Chọn", Buttons: [][]bot.Button{{{Text: "a", Data: "fast"}}}}}, nil
	})
	startBot(t, srv, h, store.NewMemoryLedger(0), func(c *Config) { c.AckAfter = 200 * time.Millisecond })
	dan := telegramtest.User{ID: 7, LanguageCode: "vi"}
	lan := telegramtest.User{ID: 8, LanguageCode: "vi"}
	srv.SendText(telegramtest.Private(dan), dan, "menu")
	srv.SendText(telegramtest.Private(lan), lan, "menu")
	m1 := srv.WaitMessages(t, dan.ID, 1)[0]
	m2 := srv.WaitMessages(t, lan.ID, 1)[0]
	_, q1 := srv.Press(telegramtest.Private(dan), dan, m1.MessageID, "slow-ack")
	_, q2 := srv.Press(telegramtest.Private(lan), lan, m2.MessageID, "slow")
	srv.Wait(t, 10*time.Second, "both presses answered while their handlers wait", func() bool { return len(srv.Answers()) == 2 })
	notices := map[string]string{}
	for _, a := range srv.Answers() {
		notices[a.QueryID] = a.Text
	}
	if notices[q1] != "Đang chuyển…" || notices[q2] != "" {
		t.Errorf("notices = %v, want the flow's own for %s and none for %s", notices, q1, q2)
	}
	if n := len(srv.Messages(dan.ID)) + len(srv.Messages(lan.ID)); n != 2 {
		t.Fatalf("%d messages before the slow work ended, want 2", n)
	}
	close(release)
	srv.WaitMessages(t, dan.ID, 2)
	srv.WaitMessages(t, lan.ID, 2)
	_, q3 := srv.Press(telegramtest.Private(dan), dan, m1.MessageID, "fast")
	srv.Wait(t, 10*time.Second, "fast press answered", func() bool { return len(srv.Answers()) == 3 })
	if a := srv.Answers()[2]; a.QueryID != q3 || a.Text != "Cảm ơn!" {
		t.Errorf("fast press answer = %+v, want its notice", a)
	}
	if n := srv.UnansweredQueries(); n != 0 {
		t.Errorf("%d presses unanswered", n)
	}
}

// TestMenus: a default menu (no language_code) beside vi and en, and each
// admin's private chat gets the same menus with the admin commands.
func TestMenus(t *testing.T) {
	srv := telegramtest.New(t)
	vi := []Command{{"start", "Bắt đầu"}, {"canbo", "Hỏi cán bộ"}}
	en := []Command{{"start", "Start"}, {"canbo", "Ask staff"}}
	startBot(t, srv, &fakeHandler{}, store.NewMemoryLedger(0), func(c *Config) {
		c.Commands = map[string][]Command{"": vi, "vi": vi, "en": en}
		c.AdminCommands = []Command{{"reload", "Nạp lại nội dung"}, {"stats", "Thống kê"}}
		c.Admins = []int64{42, 43}
	})
	srv.Wait(t, 10*time.Second, "menus", func() bool { return len(srv.ChatCommands(43, "en")) > 0 })
	names := func(lang string, chat int64) string {
		cmds := srv.Commands(lang)
		if chat != 0 {
			cmds = srv.ChatCommands(chat, lang)
		}
		var out []string
		for _, c := range cmds {
			out = append(out, c.Command)
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		lang string
		chat int64
		want string
	}{
		{"", 0, "start canbo"},
		{"vi", 0, "start canbo"},
		{"en", 0, "start canbo"},
		{"", 42, "start canbo reload stats"},
		{"vi", 42, "start canbo reload stats"},
		{"en", 43, "start canbo reload stats"},
		{"", 7, ""}, // no admin
	}
	for _, tt := range tests {
		if got := names(tt.lang, tt.chat); got != tt.want {
			t.Errorf("menu lang %q chat %d = %q, want %q", tt.lang, tt.chat, got, tt.want)
		}
	}
	if got := srv.ChatCommands(43, "en")[0].Description; got != "Start" {
		t.Errorf("admin's English menu starts with %q", got)
	}
}
