package telegramtest

import (
	"errors"
	"strings"
	"testing"

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

	t.Run("429 carries retry_after", func(t *testing.T) {
		srv.Inject("sendMessage", Fault{Status: 429, RetryAfter: 7})
		_, err := api.Send(tgbotapi.NewMessage(5, "x"))
		var tgErr *tgbotapi.Error
		if !errors.As(err, &tgErr) || tgErr.Code != 429 || tgErr.RetryAfter != 7 {
			t.Errorf("error = %#v, want 429 with retry_after 7", err)
		}
	})
}
