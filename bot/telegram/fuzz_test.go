package telegram

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// updateSeeds are Bot API updates as Telegram sends them, and odd ones: entity
// offsets past the text, overlapping and repeated entities, surrogate pairs,
// missing chat or sender, unknown chat types.
var updateSeeds = []string{
	`{"update_id":1,"message":{"message_id":5,"from":{"id":7,"language_code":"vi"},"chat":{"id":7,"type":"private"},"text":"giờ làm việc?"}}`,
	`{"update_id":2,"message":{"message_id":6,"from":{"id":7},"chat":{"id":-100,"type":"supergroup"},"text":"@kyanhtest_bot số fax?","entities":[{"type":"mention","offset":0,"length":14}]}}`,
	`{"update_id":3,"message":{"message_id":7,"from":{"id":7},"chat":{"id":-100,"type":"group"},"text":"/lienhe@kyanhtest_bot ubnd","entities":[{"type":"bot_command","offset":0,"length":21}]}}`,
	`{"update_id":4,"message":{"message_id":8,"from":{"id":7},"chat":{"id":-100,"type":"group"},"text":"/start@otherbot","entities":[{"type":"bot_command","offset":0,"length":15}]}}`,
	`{"update_id":5,"callback_query":{"id":"q","from":{"id":7},"data":"m:1:2:3","message":{"message_id":12,"chat":{"id":-100,"type":"supergroup"}}}}`,
	`{"update_id":6,"callback_query":{"id":"q","from":{"id":7},"data":"x","inline_message_id":"abc"}}`,
	`{"update_id":7,"channel_post":{"message_id":1,"chat":{"id":-5,"type":"channel"},"text":"x"}}`,
	`{"update_id":8,"message":{"message_id":9,"from":{"id":7},"chat":{"id":7,"type":"private"},"text":"@kyanhtest_bot","entities":[{"type":"mention","offset":0,"length":14},{"type":"mention","offset":0,"length":14}]}}`,
	`{"update_id":9,"message":{"message_id":9,"from":{"id":7},"chat":{"id":7,"type":"private"},"text":"🙂@kyanhtest_bot","entities":[{"type":"mention","offset":2,"length":14},{"type":"bot_command","offset":0,"length":16}]}}`,
	`{"update_id":10,"message":{"message_id":9,"from":{"id":7},"chat":{"id":7,"type":"private"},"text":"/a@kyanhtest_bot","entities":[{"type":"bot_command","offset":0,"length":16},{"type":"mention","offset":2,"length":14}]}}`,
	`{"update_id":11,"message":{"message_id":9,"from":{"id":7},"chat":{"id":7,"type":"private"},"text":"x","entities":[{"type":"mention","offset":-1,"length":3},{"type":"mention","offset":2147483647,"length":2147483647}]}}`,
	`{"update_id":12,"message":{"message_id":9,"from":{"id":7},"chat":{"id":7,"type":"secret"},"text":"x"}}`,
	`{"update_id":13,"message":{"message_id":9,"chat":{"id":7,"type":"private"},"text":"no sender"}}`,
	`{"update_id":14,"message":{"message_id":9,"from":{"id":7},"chat":{"id":7,"type":"private"},"document":{"file_id":"f","file_name":"a.txt","file_size":12}}}`,
	`{"update_id":15,"message":{"message_id":9,"from":{"id":7},"chat":{"id":7,"type":"private"},"text":"\ud83d hỏng \u0000","reply_to_message":{"message_id":3,"from":{"id":1000}}}}`,
	`{"update_id":16,"message":{"message_id":9,"from":{"id":7},"chat":{"id":-1,"type":"group"},"text":"Bot ơi","entities":[{"type":"text_mention","offset":0,"length":3,"user":{"id":1000}}]}}`,
	`[]`, `null`, `{"update_id":"x"}`, `{`,
}

var fuzzSelf = tgbotapi.User{ID: telegramtest.BotID, UserName: telegramtest.BotUserName, IsBot: true}

// FuzzUpdate decodes arbitrary JSON as an update and converts it as the
// transport does: never a panic; a message either is ignored or has a chat,
// a sender and text, button data or a document, never both text and data;
// valid text stays valid UTF-8 once the bot's mention is cut out of it.
// Corpus in testdata/fuzz/FuzzUpdate.
func FuzzUpdate(f *testing.F) {
	for _, s := range updateSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var u tgbotapi.Update
		if json.Unmarshal(raw, &u) != nil {
			return
		}
		m, ok := toMessage(u, fuzzSelf)
		if !ok {
			return
		}
		if m.ChatID != chatKey(u) || m.UpdateID != int64(u.UpdateID) {
			t.Fatalf("message %+v does not match the update's chat %d / ID %d", m, chatKey(u), u.UpdateID)
		}
		kinds := 0
		for _, set := range []bool{m.Text != "", m.Callback != "" || u.CallbackQuery != nil, m.Document != (bot.Document{})} {
			if set {
				kinds++
			}
		}
		if u.Message != nil && kinds == 0 && !m.Mentioned { // "@bot" alone leaves no text
			t.Fatalf("accepted a message with nothing in it: %+v", m)
		}
		if m.Text != "" && m.Callback != "" {
			t.Fatalf("both text and callback: %+v", m)
		}
		if u.Message != nil && utf8.ValidString(u.Message.Text) && !utf8.ValidString(m.Text) {
			t.Fatalf("valid text became invalid UTF-8: %q → %q", u.Message.Text, m.Text)
		}
	})
}

// FuzzWebhook posts arbitrary bodies with an arbitrary secret to the webhook
// handler: 401 unless the secret is right, and then nothing is queued; 413
// only over the size limit; 400 for what is not an update; 200 queues exactly
// one update. Never a panic, never a 5xx while running. Corpus in
// testdata/fuzz/FuzzWebhook.
func FuzzWebhook(f *testing.F) {
	const secret = "right-secret"
	for _, s := range updateSeeds {
		f.Add(secret, []byte(s))
	}
	f.Add("", []byte(updateSeeds[0]))
	f.Add("right-secret ", []byte(updateSeeds[0]))
	f.Add("RIGHT-SECRET", []byte(updateSeeds[0]))
	f.Add(secret, []byte(updateSeeds[0]+`{"trailing":1}`))
	f.Add(secret, []byte(`{"update_id":1,"message":{"text":"`+strings.Repeat("x", 5000)+`"}}`))

	srv := telegramtest.New(f)
	h := &countingHandler{}
	b, err := New(context.Background(), Config{Token: srv.Token, Endpoint: srv.Endpoint, Handler: h,
		Ledger: store.NewMemoryLedger(0), NoRateLimit: true, WebhookSecret: secret, MaxWebhookBody: 4096})
	if err != nil {
		f.Fatal(err)
	}
	work, cancel := context.WithCancel(context.Background())
	f.Cleanup(func() { b.close(0, cancel) })
	hook := b.WebhookHandler(work)
	f.Fuzz(func(t *testing.T, got string, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "/hook", strings.NewReader(string(body)))
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", got)
		before := b.Stats().Updates
		rec := httptest.NewRecorder()
		hook.ServeHTTP(rec, req)
		queued := b.Stats().Updates - before
		switch {
		case got != secret:
			if rec.Code != http.StatusUnauthorized {
				t.Fatalf("wrong secret %q: status %d, want 401", got, rec.Code)
			}
		case rec.Code == http.StatusRequestEntityTooLarge && len(body) <= 4096:
			t.Fatalf("413 for a %d-byte body", len(body))
		case rec.Code != http.StatusOK && rec.Code != http.StatusBadRequest && rec.Code != http.StatusRequestEntityTooLarge:
			t.Fatalf("status %d for a %d-byte body", rec.Code, len(body))
		}
		// A 200 queues the update, or skips one already queued or that
		// cannot be decoded (logged and counted).
		if rec.Code == http.StatusOK && queued > 1 || rec.Code != http.StatusOK && queued != 0 {
			t.Fatalf("status %d queued %d updates", rec.Code, queued)
		}
	})
}

// countingHandler answers nothing, so fuzzing sends no replies.
type countingHandler struct{}

func (countingHandler) Handle(context.Context, bot.Message) ([]bot.Reply, error) { return nil, nil }
