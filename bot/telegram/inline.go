package telegram

import (
	"context"
	"encoding/json"
	"log/slog"
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

// inlineCacheTime is how long Telegram may serve an inline answer to
// everyone typing the same query, in seconds: the answers hold nothing
// personal, and five minutes keeps a reload's new content from waiting long.
const inlineCacheTime = 300

// inlineArticle is an InlineQueryResultArticle whose message is sent in HTML
// without a link preview.
type inlineArticle struct {
	Type        string            `json:"type"`
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Description string            `json:"description,omitempty"`
	URL         string            `json:"url,omitempty"` // the source, shown beside the result
	Content     inlineTextContent `json:"input_message_content"`
}

type inlineTextContent struct {
	Text      string `json:"message_text"`
	ParseMode string `json:"parse_mode"`
	NoPreview bool   `json:"disable_web_page_preview"`
}

// answerInline answers an inline query with the handler's results (none
// is an answer too: the user's client stops waiting).
func (b *Bot) answerInline(ctx context.Context, queryID string, replies []bot.Reply, log *slog.Logger) {
	results := []inlineArticle{}
	for _, r := range replies {
		for _, res := range r.Results {
			if res.ID == "" || res.Title == "" || res.Text == "" {
				continue
			}
			text := res.Text
			if parts := splitHTML(text, maxMessageLen); len(parts) > 0 {
				text = parts[0] // an inline message is one message
			}
			a := inlineArticle{Type: "article", ID: res.ID, Title: res.Title, Description: res.Description,
				URL: res.URL, Content: inlineTextContent{Text: text, ParseMode: tgbotapi.ModeHTML, NoPreview: true}}
			results = append(results, a)
		}
	}
	raw, err := json.Marshal(results)
	if err != nil {
		log.Error("telegram: inline results", "err", err)
		return
	}
	params := tgbotapi.Params{
		"inline_query_id": queryID,
		"results":         string(raw),
		"cache_time":      strconv.Itoa(inlineCacheTime),
	}
	err = b.send.do(ctx, func() error {
		rctx, cancel := context.WithTimeout(ctx, b.cfg.RequestTimeout)
		defer cancel()
		_, err := b.c.raw(rctx, "answerInlineQuery", params)
		return err
	}, "inline_query_id", queryID)
	if err == nil {
		b.stats.inline.Add(1)
	}
}
