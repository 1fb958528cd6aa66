package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Run takes updates by long polling until ctx ends, then shuts down
// gracefully: no new updates, those in flight finished within Config.Grace,
// the offset saved, the polling lock released. Only the replica holding the
// ledger's polling lock polls; the others wait and take over when it goes.
// Run returns nil after a shutdown and an error only when polling cannot work
// at all (the token is refused).
func (b *Bot) Run(ctx context.Context) error {
	if b.cfg.Handler == nil {
		return errNoHandler
	}
	b.SetCommands(ctx)
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	var tr *tracker
	holding, err := b.pollWithLock(ctx, work, &tr)
	b.close(b.cfg.Grace, cancelWork)
	if tr != nil {
		b.saveOffset(tr.committed())
	}
	if holding {
		if tr != nil {
			b.confirm(tr.committed())
		}
		rctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		if err := b.ledger.ReleasePollLock(rctx, b.cfg.Owner); err != nil {
			b.log.Warn("telegram: release polling lock", "err", err)
		}
		cancel()
	}
	return err
}

// confirm tells Telegram, at shutdown, which updates were answered: without
// it the last long poll's offset is the only confirmation Telegram has, and
// the next instance would be sent answered updates again (the ledger skips
// them, but they cost a round trip and show up as pending in getWebhookInfo).
// It asks only while this replica still holds the polling lock, so it never
// cuts short the long poll of a replica that has taken over.
func (b *Bot) confirm(offset int64) {
	if offset <= 0 {
		return
	}
	// A call to Telegram like any other, given as long: a loaded machine
	// can take seconds to answer, and a confirmation cut short leaves the
	// answered updates pending for the next instance.
	ctx, cancel := context.WithTimeout(context.Background(), b.cfg.RequestTimeout)
	defer cancel()
	ok, err := b.ledger.RenewPollLock(ctx, b.cfg.Owner, b.cfg.LockTTL)
	if err != nil || !ok {
		return
	}
	params := tgbotapi.Params{"offset": strconv.FormatInt(offset, 10), "timeout": "0", "limit": "1"}
	if _, err := b.c.raw(ctx, "getUpdates", params); err != nil {
		b.log.Warn("telegram: confirm answered updates", "offset", offset, "err", err)
	}
}

// pollWithLock waits for the polling lock, polls while holding it, and goes
// back to waiting if it is lost. At shutdown it returns still holding the
// lock (holding true), so that the caller can finish the updates in flight
// and confirm them before another replica starts polling.
func (b *Bot) pollWithLock(ctx, work context.Context, tr **tracker) (holding bool, err error) {
	owner := b.cfg.Owner
	ttl := b.cfg.LockTTL
	for {
		got, err := b.ledger.AcquirePollLock(ctx, owner, ttl)
		if ctx.Err() != nil {
			if got {
				return true, nil
			}
			return false, nil
		}
		if err != nil {
			b.log.Error("telegram: polling lock unavailable", "err", err)
		}
		if !got {
			if sleep(ctx, ttl/3) != nil {
				return false, nil
			}
			continue
		}
		b.log.Info("telegram: polling", "owner", owner)
		err = b.pollHoldingLock(ctx, work, tr)
		if ctx.Err() != nil {
			return true, err
		}
		rctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		if *tr != nil {
			b.saveOffset((*tr).committed())
		}
		if err := b.ledger.ReleasePollLock(rctx, owner); err != nil {
			b.log.Warn("telegram: release polling lock", "err", err)
		}
		cancel()
		if err != nil {
			return false, err
		}
		b.log.Warn("telegram: polling lock lost, waiting to take it back")
	}
}

// pollHoldingLock renews the lock in the background and polls until ctx
// ends or the lock is lost.
func (b *Bot) pollHoldingLock(ctx, work context.Context, tr **tracker) error {
	pctx, lost := context.WithCancel(ctx)
	defer lost()
	b.polled.Store(time.Now().UnixNano())
	b.polling.Store(true)
	defer b.polling.Store(false)
	go func() {
		t := time.NewTicker(b.cfg.LockTTL / 3)
		defer t.Stop()
		for {
			select {
			case <-pctx.Done():
				return
			case <-t.C:
				ok, err := b.ledger.RenewPollLock(pctx, b.cfg.Owner, b.cfg.LockTTL)
				if pctx.Err() != nil {
					return
				}
				if err != nil {
					// Keep polling through a short Redis hiccup; the lock
					// outlives a missed renewal or two.
					b.log.Warn("telegram: renew polling lock", "err", err)
					continue
				}
				if !ok {
					lost()
					return
				}
			}
		}
	}()
	return b.poll(pctx, work, tr)
}

// poll is the long-polling loop. It asks from the committed offset — the
// lowest update not yet answered — so Telegram never forgets an update before
// it is answered; updates already in flight are skipped when they come again.
func (b *Bot) poll(ctx, work context.Context, tr **tracker) error {
	for attempt := 1; *tr == nil; attempt++ {
		off, err := b.ledger.Offset(ctx)
		if err == nil {
			*tr = newTracker(off)
			b.tracker.Store(*tr)
			break
		}
		// Redis may be restarting: wait for it rather than exit.
		wait := backoff(Retry{BaseDelay: 500 * time.Millisecond, MaxDelay: 10 * time.Second}, min(attempt, 10))
		b.log.Error("telegram: read offset", "err", err, "wait_ms", wait.Milliseconds())
		if sleep(ctx, wait) != nil {
			return nil
		}
	}
	t := *tr
	saved := t.committed()
	failures := 0
	for ctx.Err() == nil {
		offset := t.committed()
		started := time.Now()
		// Taken before asking: an update that finishes while the request is
		// out (its chat's next message may have come in just after the
		// answer was made) closes it, so the wait below does not miss it.
		finished := t.wait()
		updates, err := b.getUpdates(ctx, offset, t)
		if err != nil {
			kind, wait := classify(ctx, err)
			var tgErr *tgbotapi.Error
			switch {
			case kind == cancelled:
				return nil
			case errors.As(err, &tgErr) && tgErr.Code == http.StatusUnauthorized:
				return fmt.Errorf("telegram: getUpdates: token refused: %w", err)
			case kind == floodWait:
				b.stats.floodWaits.Add(1)
			default:
				// 409 (a webhook is set, or another poller) and server errors:
				// back off, growing, with jitter.
				failures++
				b.stats.retries.Add(1)
				wait = backoff(Retry{BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second}, min(failures, 10))
			}
			b.log.Warn("telegram: getUpdates failed", "err", err, "wait_ms", wait.Milliseconds())
			sleep(ctx, wait)
			continue
		}
		failures = 0
		if offset != saved {
			b.saveOffset(offset)
			saved = offset
		}
		fresh := 0
		for _, u := range updates {
			if u == nil {
				continue // in flight or handled: not decoded again
			}
			id := int64(u.UpdateID)
			if !t.add(id) {
				continue
			}
			fresh++
			if !b.enqueueUpdate(work, *u, func(completed bool) {
				if completed {
					t.done(id)
				}
			}) {
				return nil
			}
		}
		switch {
		case fresh > 0 && len(updates) >= pollLimit:
			// A full answer: more may be waiting beyond it.
		case len(updates) > 0:
			// Updates are in flight, and they are not confirmed until
			// answered, so Telegram would answer the next request at once
			// with them instead of long polling: wait for one to finish — or
			// for one that finished since the request went out — or a
			// moment, before asking again, so new updates of other chats are
			// not held up for long. Asking again at once would only bring
			// back the updates just taken.
			select {
			case <-finished:
			case <-time.After(b.cfg.BusyPollDelay):
			case <-ctx.Done():
			}
		case len(updates) == 0 && time.Since(started) < b.cfg.PollTimeout/2:
			// An empty answer that came early: the server does not long-poll
			// (emulators) or something in between cut it short.
			sleep(ctx, b.cfg.EmptyPollDelay)
		}
	}
	return nil
}

// pollLimit is how many updates Telegram returns at most (getUpdates' default
// limit, also its maximum).
const pollLimit = 100

// getUpdates asks for the updates from offset. Those the tracker has seen
// (in flight, or handled in this run) come back as nil without being decoded:
// under load most of every answer is updates still in flight, asked again
// only because they are not confirmed yet. Each update is decoded on its
// own: one that cannot be (a field of a type this library does not expect)
// is logged, counted and confirmed, and the others go on — failing the whole
// answer would stop the bot for every chat, retrying the same batch forever.
func (b *Bot) getUpdates(ctx context.Context, offset int64, t *tracker) ([]*update, error) {
	params := tgbotapi.Params{
		"timeout":         strconv.Itoa(int(b.cfg.PollTimeout / time.Second)),
		"allowed_updates": allowedUpdates,
	}
	if offset > 0 {
		params["offset"] = strconv.FormatInt(offset, 10)
	}
	resp, err := b.c.raw(ctx, "getUpdates", params)
	if err != nil {
		return nil, err
	}
	var raws []json.RawMessage
	if err := json.Unmarshal(resp.Result, &raws); err != nil {
		return nil, fmt.Errorf("telegram: decode updates: %w", err)
	}
	b.polled.Store(time.Now().UnixNano())
	updates := make([]*update, len(raws))
	for i, raw := range raws {
		id, err := updateID(raw)
		if err != nil {
			// Without its ID it cannot be confirmed on its own; the next
			// update's confirmation passes it.
			b.undecodable(-1, len(raw), err)
			continue
		}
		if t.seen(id) {
			continue
		}
		u := new(update)
		if err := json.Unmarshal(raw, u); err != nil {
			b.undecodable(id, len(raw), err)
			// Passed on empty: taken and confirmed in its turn, like an
			// update of a kind the bot does not handle.
			u = &update{Update: tgbotapi.Update{UpdateID: int(id)}}
		}
		updates[i] = u
	}
	return updates, nil
}

// undecodable logs and counts an update that cannot be decoded. Its text is
// a citizen's: only its size is logged.
func (b *Bot) undecodable(id int64, size int, err error) {
	b.stats.undecodable.Add(1)
	b.log.Error("telegram: update cannot be decoded, skipped", "update_id", id, "bytes", size, "err", err)
}

// updateID reads the update_id of an update without decoding the rest.
// Telegram writes it first; anything else is decoded the long way.
func updateID(raw json.RawMessage) (int64, error) {
	const head = `{"update_id":`
	if rest, ok := bytes.CutPrefix(raw, []byte(head)); ok {
		n := 0
		for n < len(rest) && n < 19 && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n > 0 && n < len(rest) && (rest[n] == ',' || rest[n] == '}') {
			if id, err := strconv.ParseInt(string(rest[:n]), 10, 64); err == nil {
				return id, nil
			}
		}
	}
	var u struct {
		UpdateID int64 `json:"update_id"`
	}
	if err := json.Unmarshal(raw, &u); err != nil {
		return 0, fmt.Errorf("telegram: decode updates: %w", err)
	}
	return u.UpdateID, nil
}

func (b *Bot) saveOffset(offset int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := b.ledger.SaveOffset(ctx, offset); err != nil {
		b.log.Warn("telegram: save offset", "offset", offset, "err", err)
	}
}

// Ready reports whether the poller advances: an error when this replica
// polls and no getUpdates has succeeded for a while (Telegram unreachable,
// or an answer that cannot be read), or when an update has been in flight
// longer than Config.StallAfter (its reply cannot get out). A replica
// waiting for the polling lock, or serving a webhook, is ready.
func (b *Bot) Ready() error {
	if !b.polling.Load() {
		return nil
	}
	now := time.Now()
	limit := b.cfg.PollTimeout + b.cfg.RequestTimeout
	if last := time.Unix(0, b.polled.Load()); now.Sub(last) > limit {
		return fmt.Errorf("telegram: no successful getUpdates for %v", now.Sub(last).Round(time.Second))
	}
	if t := b.tracker.Load(); t != nil {
		if id, since := t.oldest(); !since.IsZero() && now.Sub(since) > b.cfg.StallAfter {
			return fmt.Errorf("telegram: poller has not advanced: update %d in flight for %v", id, now.Sub(since).Round(time.Second))
		}
	}
	return nil
}
