package telegram

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// SetWebhook tells Telegram to post updates to url with Config.WebhookSecret
// in the X-Telegram-Bot-Api-Secret-Token header. tgbotapi v5.5.1's
// WebhookConfig has no secret_token field, so the call is made raw.
func (b *Bot) SetWebhook(ctx context.Context, url string) error {
	params := tgbotapi.Params{
		"url":             url,
		"allowed_updates": allowedUpdates,
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
// large (413), writes the update to the ledger's journal, queues it and
// answers 200; the update is handled under work, which should outlive the
// request. Telegram forgets an update once answered 200, so the journal is
// what keeps it if this replica dies before answering: RunWebhook takes up
// journaled updates at start and every claim TTL. When the journal cannot
// be written, or once shutdown began, it answers 503, so Telegram delivers
// the update again later (to this or another replica: the ledger keeps it
// from being answered twice).
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
		raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, b.cfg.MaxWebhookBody))
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		var u update
		if err == nil {
			err = json.NewDecoder(bytes.NewReader(raw)).Decode(&u)
		}
		if err != nil {
			if id, idErr := updateID(raw); idErr == nil && id > 0 {
				// An update this library cannot read: retrying would not
				// help, and Telegram would hold the chat's next updates.
				b.undecodable(id, len(raw), err)
				w.WriteHeader(http.StatusOK)
				return
			}
			http.Error(w, "bad update", http.StatusBadRequest)
			return
		}
		if _, ok := toMessage(u.Update, b.c.base.Self); ok {
			jctx, cancel := context.WithTimeout(r.Context(), b.cfg.RequestTimeout)
			err := b.ledger.Journal(jctx, int64(u.UpdateID), raw)
			cancel()
			if err != nil {
				b.log.Error("telegram: cannot journal a webhook update; Telegram will deliver it again", "update_id", u.UpdateID, "err", err)
				http.Error(w, "try again", http.StatusServiceUnavailable)
				return
			}
		}
		if !b.enqueueUpdate(work, u, nil) {
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
// Meanwhile it answers the journaled updates no replica is answering: those
// acknowledged before a restart, or by a replica that died.
func (b *Bot) RunWebhook(ctx context.Context, mux *http.ServeMux, pattern, url string) error {
	if b.cfg.Handler == nil {
		return errNoHandler
	}
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
	for {
		b.replayJournal(ctx, work)
		if sleep(ctx, b.cfg.ledgerSweep()) != nil {
			break
		}
	}
	b.close(b.cfg.Grace, cancelWork)
	return nil
}

// ledgerSweep is how often the journal is read for updates left behind.
func (c Config) ledgerSweep() time.Duration {
	return c.Ledger.ClaimTTL()
}

// replayJournal queues the journaled updates that are not queued here yet;
// the ledger's claim sorts out those another replica is answering.
func (b *Bot) replayJournal(ctx, work context.Context) {
	jctx, cancel := context.WithTimeout(ctx, b.cfg.RequestTimeout)
	raws, err := b.ledger.Journaled(jctx, 1000)
	cancel()
	if err != nil {
		if ctx.Err() == nil {
			b.log.Warn("telegram: read the webhook journal", "err", err)
		}
		return
	}
	for _, raw := range raws {
		var u update
		if err := json.Unmarshal(raw, &u); err != nil {
			continue
		}
		if b.queued(int64(u.UpdateID)) {
			continue
		}
		b.log.Info("telegram: answering an update from the journal", "update_id", u.UpdateID)
		if !b.enqueueUpdate(work, u, nil) {
			return
		}
	}
}
