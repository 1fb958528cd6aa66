package telegramtest

import (
	"context"
	"fmt"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// echo is the smallest bot: it answers every message with what it got (the
// text, or the document's name) and every button press with its data.
func echo(t *testing.T, srv *Server) {
	api, err := tgbotapi.NewBotAPIWithAPIEndpoint(srv.Token, srv.Endpoint)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	t.Cleanup(func() { cancel(); srv.Close(); <-done })
	go func() {
		defer close(done)
		offset := 0
		for ctx.Err() == nil {
			updates, err := api.GetUpdates(tgbotapi.UpdateConfig{Offset: offset, Timeout: 1})
			if err != nil {
				continue
			}
			for _, u := range updates {
				offset = u.UpdateID + 1
				switch {
				case u.Message != nil && u.Message.Document != nil:
					api.Send(tgbotapi.NewMessage(u.Message.Chat.ID, "file "+u.Message.Document.FileName))
				case u.Message != nil:
					api.Send(tgbotapi.NewMessage(u.Message.Chat.ID, "text "+u.Message.Text))
				case u.CallbackQuery != nil:
					api.Send(tgbotapi.NewMessage(u.CallbackQuery.Message.Chat.ID,
						fmt.Sprintf("press %s on %d", u.CallbackQuery.Data, u.CallbackQuery.Message.MessageID)))
				}
			}
		}
	}()
}

func TestConverse(t *testing.T) {
	srv := New(t)
	echo(t, srv)
	u := User{ID: 77, LanguageCode: "vi"}
	first := srv.Ask(t, u, "xin chào")
	if got, want := first.Visible, "text xin chào"; got != want {
		t.Errorf("Ask = %q, want %q", got, want)
	}
	if got, want := srv.Upload(t, u, "a.txt", []byte("x")).Visible, "file a.txt"; got != want {
		t.Errorf("Upload = %q, want %q", got, want)
	}
	if got, want := srv.Tap(t, u, first, "d:1").Visible, fmt.Sprintf("press d:1 on %d", first.MessageID); got != want {
		t.Errorf("Tap = %q, want %q", got, want)
	}
	if got, want := len(srv.Messages(u.ID)), 3; got != want {
		t.Errorf("%d messages, want %d", got, want)
	}
}
