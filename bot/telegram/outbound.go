package telegram

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

// Send sends a reply to a chat outside the flow of an update — a reload
// report, a question handed over to staff — split, paced and retried like
// any reply. kind says what the chat is, for pacing.
func (b *Bot) Send(ctx context.Context, chatID int64, kind bot.ChatType, r bot.Reply) error {
	_, err := b.send.deliver(ctx, bot.Message{ChatID: chatID, ChatType: kind}, r)
	return err
}

// DownloadFile fetches a file a user sent (getFile, then the file endpoint),
// refusing files over maxBytes. It returns the file's path on Telegram's side,
// whose extension tells its type.
func (b *Bot) DownloadFile(ctx context.Context, fileID string, maxBytes int64) (path string, data []byte, err error) {
	resp, err := b.c.raw(ctx, "getFile", tgbotapi.Params{"file_id": fileID})
	if err != nil {
		return "", nil, fmt.Errorf("telegram: getFile: %w", err)
	}
	var f tgbotapi.File
	if err := json.Unmarshal(resp.Result, &f); err != nil {
		return "", nil, fmt.Errorf("telegram: getFile: %w", err)
	}
	if f.FileSize > 0 && int64(f.FileSize) > maxBytes {
		return f.FilePath, nil, fmt.Errorf("telegram: file is %d bytes, over the %d limit", f.FileSize, maxBytes)
	}
	url := fmt.Sprintf(b.cfg.FileEndpoint, b.cfg.Token, f.FilePath)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", nil, fmt.Errorf("telegram: download: %w", b.c.scrub(err))
	}
	hr, err := ctxDoer{ctx: ctx, hc: b.c.http, token: b.cfg.Token}.Do(req)
	if err != nil {
		return "", nil, fmt.Errorf("telegram: download: %w", err)
	}
	defer hr.Body.Close()
	if hr.StatusCode != http.StatusOK {
		return "", nil, fmt.Errorf("telegram: download: HTTP %d", hr.StatusCode)
	}
	data, err = io.ReadAll(io.LimitReader(hr.Body, maxBytes+1))
	if err != nil {
		return "", nil, fmt.Errorf("telegram: download: %w", b.c.scrub(err))
	}
	if int64(len(data)) > maxBytes {
		return f.FilePath, nil, fmt.Errorf("telegram: file is over the %d-byte limit", maxBytes)
	}
	return f.FilePath, data, nil
}

// fileEndpointFor derives the file download endpoint from an API endpoint
// of the usual shape (".../bot%s/%s" → ".../file/bot%s/%s").
func fileEndpointFor(api string) string {
	if api == tgbotapi.APIEndpoint {
		return tgbotapi.FileEndpoint
	}
	if i := strings.LastIndex(api, "/bot%s/%s"); i >= 0 {
		return api[:i] + "/file/bot%s/%s"
	}
	return tgbotapi.FileEndpoint
}
