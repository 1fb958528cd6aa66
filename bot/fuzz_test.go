package bot_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// FuzzCallback feeds arbitrary callback data to the engine, in a chat that
// has an answer with paging state, as a forged or outdated button would
// arrive: never a panic or an internal error, always a notice or a text, in
// valid Telegram HTML. Seeds: the data of real buttons, and forged ones; the
// corpus is in testdata/fuzz/FuzzCallback.
func FuzzCallback(f *testing.F) {
	ctx := context.Background()
	setup := store.NewMemory(store.Options{})
	e := defaultEngineWith(f, setup)
	// A conversation with an answer and a document list, so "more", "source",
	// vote and document buttons have state to act on.
	var buttons []string
	for _, q := range []string{"Sáp nhập những đơn vị nào?", "/nghiquyet", "/start", "/ngonngu"} {
		replies, err := e.Handle(ctx, bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, Text: q})
		if err != nil {
			f.Fatal(err)
		}
		for _, r := range replies {
			for _, row := range r.Buttons {
				for _, b := range row {
					if b.Data != "" {
						buttons = append(buttons, b.Data)
					}
				}
			}
		}
	}
	if len(buttons) < 5 {
		f.Fatalf("only %d buttons to seed from: %v", len(buttons), buttons)
	}
	for _, d := range buttons {
		f.Add(d)
	}
	for _, d := range []string{"", ":", "m:1:1:99999", "m:1:-1:1", "m:1:1:1:1", "m:0:1:1", "s:1:", "f:1:u:" + strings.Repeat("x", 21),
		"l:1:EN", "q:1:+1", "q:1:0x1", "d:1:18-NQ/TW:extra", "d:1:../x", "\xff", "m:1:\u00b9:1", strings.Repeat("m:1:", 20)} {
		f.Add(d)
	}
	// Each execution starts from the same state, so a failure reproduces.
	state, err := setup.Chat(ctx, 1)
	if err != nil || state.List.Kind == "" {
		f.Fatalf("no list state after the setup: %+v %v", state, err)
	}
	f.Fuzz(func(t *testing.T, data string) {
		st := store.NewMemory(store.Options{})
		if err := st.SaveChat(ctx, 1, state); err != nil {
			t.Fatal(err)
		}
		e := defaultEngineWith(t, st)
		m := bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, MessageID: 3, Callback: data}
		replies, err := e.Handle(ctx, m)
		if err != nil {
			t.Fatalf("%q: internal error %v", data, err)
		}
		if !answered(replies) && strings.ToValidUTF8(data, "\uFFFD") != "" {
			t.Fatalf("%q: no notice and no text", data)
		}
		for _, r := range replies {
			if r.Text != "" {
				if _, err := telegramtest.CheckHTML(r.Text); err != nil {
					t.Fatalf("%q: %v in %q", data, err, r.Text)
				}
			}
			if !utf8.ValidString(r.Notice) {
				t.Fatalf("%q: notice %q", data, r.Notice)
			}
			for _, row := range r.Buttons {
				for _, b := range row {
					if len(b.Data) > 64 {
						t.Fatalf("%q: button data %q over 64 bytes", data, b.Data)
					}
				}
			}
		}
	})
}
