package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
)

// TestSharedQuestionRedacted: a question too long for a deep link is kept
// behind a short key for weeks, with no link to the chat, so it is redacted
// before it is kept; the link still answers. The name and e-mail address are
// synthetic.
func TestSharedQuestionRedacted(t *testing.T) {
	ctx := context.Background()
	st := store.NewMemory(store.Options{Now: fixedNow})
	e := bot.New(newSearcher(t, mustCorpus(t)), st, bot.Options{BotUsername: "kyanhbot", Now: fixedNow})
	personal := []string{"Mẫu Thử", "mau.thu", "example.com"}
	q := "Tôi là Trần Thị Mẫu Thử, mau.thu@example.com, cho mình hỏi địa chỉ email của Ủy ban nhân dân xã Thử Nghiệm ở thôn Mẫu Chung"
	replies, err := e.Handle(ctx, bot.Message{UserID: 1001, ChatID: 1001, ChatType: bot.ChatPrivate, LangCode: "vi", Text: q})
	if err != nil {
		t.Fatal(err)
	}
	var key string
	for _, r := range replies {
		for _, row := range r.Buttons {
			for _, b := range row {
				if _, k, ok := strings.Cut(b.URL, "?start=k_"); ok {
					key = k
				}
			}
		}
	}
	if key == "" {
		t.Fatalf("no share link with a kept key in %+v", replies)
	}
	kept, ok, err := st.Shared(ctx, key)
	if err != nil || !ok {
		t.Fatalf("Shared(%q) = %q, %v, %v", key, kept, ok, err)
	}
	for _, p := range personal {
		if strings.Contains(kept, p) {
			t.Errorf("kept shared question holds %q: %q", p, kept)
		}
	}
	if !strings.Contains(kept, "thôn Mẫu Chung") {
		t.Errorf("kept shared question lost the question: %q", kept)
	}
	opened, err := e.Handle(ctx, bot.Message{UserID: 1002, ChatID: 1002, ChatType: bot.ChatPrivate, LangCode: "vi", Text: "/start k_" + key})
	if err != nil {
		t.Fatal(err)
	}
	if len(opened) == 0 || !strings.Contains(opened[0].Text, "@") {
		t.Errorf("opening the link does not answer with the e-mail address: %+v", opened)
	}
}
