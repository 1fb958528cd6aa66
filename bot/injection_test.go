package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// TestHTMLInjectionThroughArticles: an article whose text, title, source and
// contact hold "<script>", stray tags and "&" (testdata/injection, marked
// synthetic) is shown escaped in every flow that quotes it; a citizen's text
// is escaped wherever it is echoed.
func TestHTMLInjectionThroughArticles(t *testing.T) {
	ctx := context.Background()
	c, err := content.LoadDir(ctx, "testdata/injection")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || !c.Articles[0].Synthetic {
		t.Fatalf("want the one synthetic article, got %d", len(c.Articles))
	}
	ix, err := index.Build(ctx, c, index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := bot.New(ix, store.NewMemory(store.Options{}), bot.Options{FloodLimit: -1})
	steps := []bot.Message{
		{Text: "giờ tiếp dân bộ phận một cửa"},
		{Text: "xem thêm"},
		{Text: "/sapnhap"},
		{Text: "/nghiquyet"},
		{Text: "1"},
		{Text: "/lienhe"},
		{Text: "số điện thoại một cửa"},
		{Text: "còn email?"},
		{Text: "/tim <script>alert(1)</script> & tiếp dân"},
		{Text: "/<script>"},
		{Text: "/lienhe <b>&amp;</b>"},
		{Text: "/sapnhap <i>không có</i> & gì"},
		{Text: "<a href=\"javascript:alert(1)\">xem</a> & tiếp dân"},
	}
	sawArticle := false
	for _, m := range steps {
		m.ChatID, m.UserID, m.ChatType = 1, 1, bot.ChatPrivate
		replies, err := e.Handle(ctx, m)
		if err != nil {
			t.Fatalf("%q: %v", m.Text, err)
		}
		// Buttons carry keys, so a pressed source button is checked too.
		for _, r := range replies {
			for _, row := range r.Buttons {
				for _, b := range row {
					if strings.HasPrefix(b.Data, "s:") {
						more, _ := e.Handle(ctx, bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, Callback: b.Data})
						replies = append(replies, more...)
					}
				}
			}
		}
		for _, r := range replies {
			if r.Text == "" {
				continue
			}
			visible, err := telegramtest.CheckHTML(r.Text)
			if err != nil {
				t.Errorf("%q: reply is not valid Telegram HTML: %v\n%s", m.Text, err, r.Text)
				continue
			}
			for _, bad := range []string{"<script", "<img", "<Năm>", "<i>không", "<a href=\"javascript"} {
				if strings.Contains(r.Text, bad) {
					t.Errorf("%q: raw %q in reply %s", m.Text, bad, r.Text)
				}
			}
			if testing.Verbose() {
				t.Logf("%q → %.300s", m.Text, r.Text)
			}
			if strings.Contains(visible, "<script>") || strings.Contains(visible, "& ") {
				sawArticle = true // shown as text, as written
			}
		}
	}
	if !sawArticle {
		t.Error("no reply quoted the article's <script> or & as text: the test did not reach it")
	}
}
