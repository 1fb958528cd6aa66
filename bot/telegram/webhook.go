package telegram

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SetWebhook tells Telegram to post updates to url with Config.WebhookSecret
// in the X-Telegram-Bot-Api-Secret-Token header. tgbotapi v5.5.1's
// WebhookConfig has no secret_token field, so the call is made raw.
func (b *Bot) SetWebhook(ctx context.Context, url string) error {
	params := tgbotapi.Params{
		"url":             url,
		"allowed_updates": `["message","callback_query"]`,
	}
	if b.cfg.WebhookSecret != "" {
		params["secret_token"] = b.cfg.WebhookSecret
	}
	if _, err := b.c.raw(ctx, "setWebhook", params); err != nil {
		return fmt.Errorf("telegram: setWebhook: %w", err)
	}
	return nil
}

// DeleteWebhook goes back to polling; pending updates are kept.
func (b *Bot) DeleteWebhook(ctx context.Context) error {
	if _, err := b.c.raw(ctx, "deleteWebhook", nil); err != nil {
		return fmt.Errorf("telegram: deleteWebhook: %w", err)
	}
	return nil
}

// WebhookHandler returns the handler for Telegram's webhook requests. It
// refuses a request without the right secret (401, nothing processed) or too
// large (413), queues the update and answers 200 at once; the update is
// handled under work, which should outlive the request. Once shutdown began
// it answers 503, so Telegram delivers the update again later (to this or
// another replica: the ledger keeps it from being answered twice).
func (b *Bot) WebhookHandler(work context.Context) http.Handler {
	secret := []byte(b.cfg.WebhookSecret)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		got := []byte(r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
		if len(secret) > 0 && subtle.ConstantTimeCompare(got, secret) != 1 {
			b.log.Warn("telegram: webhook request with a wrong secret", "remote", r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var u tgbotapi.Update
		err := json.NewDecoder(http.MaxBytesReader(w, r.Body, b.cfg.MaxWebhookBody)).Decode(&u)
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		case err != nil:
			http.Error(w, "bad update", http.StatusBadRequest)
			return
		}
		if !b.enqueue(work, u, nil) {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// RunWebhook registers the webhook handler on mux at pattern (the caller
// serves mux on LISTEN_ADDR, with its other routes), sets the webhook to url,
// and blocks until ctx ends; then it stops taking updates and finishes those
// in flight within Config.Grace. The caller shuts its HTTP server down after.
func (b *Bot) RunWebhook(ctx context.Context, mux *http.ServeMux, pattern, url string) error {
	b.SetCommands(ctx)
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	mux.Handle(pattern, b.WebhookHandler(work))
	if err := b.SetWebhook(ctx, url); err != nil {
		b.close(0, cancelWork)
		// Stopped while still registering (a slow or retried setWebhook):
		// a shutdown, not a failure.
		if ctx.Err() != nil {
			return nil
		}
		return err
	}
	<-ctx.Done()
	b.close(b.cfg.Grace, cancelWork)
	return nil
}
