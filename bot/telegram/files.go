package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

// ErrTooLarge is a file over the size a caller accepts: bot.ErrFileTooLarge,
// which handlers check for.
var ErrTooLarge = bot.ErrFileTooLarge

// Download fetches a file a user sent (getFile, then the file's URL), at
// most max bytes. Its errors never show the token, which the URL holds.
func (b *Bot) Download(ctx context.Context, fileID string, max int64) ([]byte, error) {
	resp, err := b.c.request(ctx, tgbotapi.FileConfig{FileID: fileID})
	if err != nil {
		return nil, fmt.Errorf("telegram: getFile: %w", err)
	}
	var f tgbotapi.File
	if err := json.Unmarshal(resp.Result, &f); err != nil {
		return nil, fmt.Errorf("telegram: getFile: %w", err)
	}
	if f.FileSize > 0 && int64(f.FileSize) > max {
		return nil, fmt.Errorf("%w: %d bytes", ErrTooLarge, f.FileSize)
	}
	url := fmt.Sprintf(fileEndpoint(b.cfg.Endpoint), b.cfg.Token, f.FilePath)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, errors.New("telegram: download: bad file path")
	}
	hr, err := b.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("telegram: download: %w", c0(b.c.scrub(err)))
	}
	defer hr.Body.Close()
	if hr.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("telegram: download: HTTP %d", hr.StatusCode)
	}
	data, err := io.ReadAll(io.LimitReader(hr.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("telegram: download: %w", c0(b.c.scrub(err)))
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// c0 keeps an error's text only: a transport error may carry the file URL,
// and with it the token, in its fields.
func c0(err error) error { return errors.New(err.Error()) }

// fileEndpoint derives the file download URL format from the API endpoint
// format: Telegram and the local Bot API server both serve files at
// /file/bot<token>/<path> beside /bot<token>/<method>.
func fileEndpoint(endpoint string) string {
	if base, ok := strings.CutSuffix(endpoint, "/bot%s/%s"); ok {
		return base + "/file/bot%s/%s"
	}
	return tgbotapi.FileEndpoint
}

// Post sends r to any chat — a staff group, a citizen the staff answer —
// outside the reply to an update, paced and retried like replies, as a
// reply to r.ReplyTo in forum topic r.ThreadID when they are set. It returns
// the ID of the (first) message sent.
func (b *Bot) Post(ctx context.Context, chatID int64, r bot.Reply) (int, error) {
	r = validUTF8(r)
	parts := splitHTML(r.Text, maxMessageLen)
	group := chatID < 0 // Telegram's group and supergroup IDs are negative
	markup := b.send.keyboard(r.Buttons)
	first := 0
	for i, text := range parts {
		msg := tgbotapi.NewMessage(chatID, text)
		msg.ParseMode = tgbotapi.ModeHTML
		msg.DisableWebPagePreview = true
		if i == len(parts)-1 && markup != nil {
			msg.ReplyMarkup = *markup
		}
		if i == 0 && r.ReplyTo != 0 {
			msg.ReplyToMessageID = r.ReplyTo
			msg.AllowSendingWithoutReply = true
		}
		cfg := withThread(msg, r.ThreadID)
		var sent tgbotapi.Message
		err := b.send.do(ctx, func() error {
			if err := b.send.lim.wait(ctx, chatID, group); err != nil {
				return err
			}
			resp, err := b.c.sendRequest(ctx, cfg)
			if err != nil {
				return err
			}
			return json.Unmarshal(resp.Result, &sent)
		}, "chat_id", chatID)
		if err != nil {
			if kind, _ := classify(ctx, err); kind != permanent {
				b.stats.dropped.Add(1)
			}
			return first, fmt.Errorf("telegram: post: %w", err)
		}
		b.stats.sent.Add(1)
		if i == 0 {
			first = sent.MessageID
		}
	}
	return first, nil
}
