package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

// Retry bounds how a failed call is repeated.
type Retry struct {
	Attempts   int           // tries for 5xx and network errors, the first included
	BaseDelay  time.Duration // first backoff; doubled each time, with full jitter
	MaxDelay   time.Duration
	FloodWaits int           // 429 answers waited out before giving up
	MaxWait    time.Duration // longest retry_after honoured; longer ones give up
}

// DefaultRetry gives up on a message after about ten seconds of server errors.
var DefaultRetry = Retry{Attempts: 5, BaseDelay: 300 * time.Millisecond, MaxDelay: 5 * time.Second, FloodWaits: 5, MaxWait: 2 * time.Minute}

// Stats counts what the transport did; read it with Bot.Stats.
type Stats struct {
	Updates     int64 // updates taken in (polled or posted to the webhook)
	Handled     int64 // updates the handler answered
	Duplicates  int64 // updates skipped because already handled
	Abandoned   int64 // updates left unanswered at shutdown, to be handled again
	Sent        int64 // messages sent
	Edited      int64 // messages edited in place
	Callbacks   int64 // callback queries answered
	Retries     int64 // calls repeated after a 5xx or network error
	FloodWaits  int64 // 429 answers waited out
	Dropped     int64 // messages given up on
	Panics      int64 // updates whose handling panicked (logged, counted as done)
	Deferred    int64 // replies Telegram did not take, kept and tried again later
	Fenced      int64 // replies dropped because another replica took the update over
	Undecodable int64 // updates that could not be decoded (logged, confirmed, skipped)
	Inline      int64 // inline queries answered
}

type counters struct {
	updates, handled, duplicates, abandoned, sent, edited, callbacks, retries, floodWaits, dropped, panics atomic.Int64
	deferred, fenced, undecodable, inline                                                                  atomic.Int64
}

func (c *counters) snapshot() Stats {
	return Stats{
		Updates: c.updates.Load(), Handled: c.handled.Load(), Duplicates: c.duplicates.Load(),
		Abandoned: c.abandoned.Load(), Sent: c.sent.Load(), Edited: c.edited.Load(),
		Callbacks: c.callbacks.Load(), Retries: c.retries.Load(), FloodWaits: c.floodWaits.Load(),
		Dropped: c.dropped.Load(), Panics: c.panics.Load(),
		Deferred: c.deferred.Load(), Fenced: c.fenced.Load(), Undecodable: c.undecodable.Load(),
		Inline: c.inline.Load(),
	}
}

// sender delivers replies: split to Telegram's length, paced by the limiter,
// retried on 429 (after retry_after), 5xx and network errors.
type sender struct {
	c       *client
	lim     *limiter
	retry   Retry
	timeout time.Duration // per attempt
	log     *slog.Logger
	stats   *counters
}

// deliver sends one reply to the chat of m, from its part from on (the
// parts before went out on an earlier try), and returns how many parts
// reached Telegram. An edit that Telegram can no longer make is sent as a new
// message; parts beyond the first of a long reply always are. fence, when
// not nil, is checked before every send: its error stops the delivery.
func (s *sender) deliver(ctx context.Context, m bot.Message, r bot.Reply, from int, fence func(context.Context) error) (int, error) {
	parts := splitHTML(r.Text, maxMessageLen)
	if len(parts) <= from {
		return 0, nil
	}
	group := m.ChatType == bot.ChatGroup || m.ChatType == bot.ChatSupergroup
	markup := s.keyboard(r.Buttons)
	delivered := 0
	for i, text := range parts {
		if i < from {
			continue
		}
		last := i == len(parts)-1
		if i == 0 && r.EditMessageID != 0 {
			edit := tgbotapi.NewEditMessageText(m.ChatID, r.EditMessageID, text)
			edit.ParseMode = tgbotapi.ModeHTML
			edit.DisableWebPagePreview = true
			if last && markup != nil {
				edit.ReplyMarkup = markup
			}
			err := s.call(ctx, m.ChatID, group, edit, true, fence)
			if err == nil {
				s.stats.edited.Add(1)
				delivered++
				continue
			}
			if !isEditImpossible(err) {
				return delivered, err
			}
			s.log.Info("telegram: edit impossible, sending anew", "chat_id", m.ChatID, "message_id", r.EditMessageID)
		}
		msg := tgbotapi.NewMessage(m.ChatID, text)
		msg.ParseMode = tgbotapi.ModeHTML
		msg.DisableWebPagePreview = true
		if i == 0 && group && m.Callback == "" && m.MessageID != 0 {
			// In a busy group, answer as a reply so the asker sees it is theirs.
			msg.ReplyToMessageID = m.MessageID
			msg.AllowSendingWithoutReply = true
		}
		switch {
		case last && markup != nil:
			msg.ReplyMarkup = *markup
		case last && r.ForceReply:
			// Selective: only the asker's client opens the reply (the
			// message answers theirs), not everyone's in the group.
			msg.ReplyMarkup = tgbotapi.ForceReply{ForceReply: true, Selective: true}
		}
		// A reply in a forum topic stays in it, button-triggered ones too.
		if err := s.call(ctx, m.ChatID, group, withThread(msg, m.ThreadID), false, fence); err != nil {
			return delivered, err
		}
		s.stats.sent.Add(1)
		delivered++
	}
	return delivered, nil
}

// validUTF8 replaces the bytes of r that are no UTF-8 with U+FFFD: Telegram
// refuses such text with a 400 (a reply lost, never retried), and whatever
// the handler passed on — a corrupt file's name, a cut in mid-character —
// the citizen should get the rest of the answer.
func validUTF8(r bot.Reply) bot.Reply {
	fix := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	r.Text, r.Notice = fix(r.Text), fix(r.Notice)
	if len(r.Buttons) > 0 {
		rows := make([][]bot.Button, len(r.Buttons))
		for i, row := range r.Buttons {
			rows[i] = make([]bot.Button, len(row))
			for j, b := range row {
				rows[i][j] = bot.Button{Text: fix(b.Text), Data: fix(b.Data), URL: fix(b.URL)}
			}
		}
		r.Buttons = rows
	}
	if len(r.Results) > 0 {
		res := make([]bot.Result, len(r.Results))
		for i, x := range r.Results {
			res[i] = bot.Result{ID: fix(x.ID), Title: fix(x.Title), Description: fix(x.Description), Text: fix(x.Text), URL: fix(x.URL)}
		}
		r.Results = res
	}
	return r
}

// keyboard builds the inline keyboard, leaving out buttons Telegram would
// refuse (callback data over 64 bytes would fail the whole message).
func (s *sender) keyboard(rows [][]bot.Button) *tgbotapi.InlineKeyboardMarkup {
	var out [][]tgbotapi.InlineKeyboardButton
	for _, row := range rows {
		var r []tgbotapi.InlineKeyboardButton
		for _, b := range row {
			switch {
			case b.Text == "":
				continue
			case b.URL != "":
				r = append(r, tgbotapi.NewInlineKeyboardButtonURL(b.Text, b.URL))
			case b.Data == "" || len(b.Data) > 64:
				s.log.Warn("telegram: button dropped: callback data must be 1-64 bytes", "bytes", len(b.Data))
			default:
				r = append(r, tgbotapi.NewInlineKeyboardButtonData(b.Text, b.Data))
			}
		}
		if len(r) > 0 {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: out}
}

// call makes one API call that sends a message, paced and retried. A
// "message is not modified" answer to an edit is success. fence, when not
// nil, is checked after the pacing wait, just before each attempt.
func (s *sender) call(ctx context.Context, chatID int64, group bool, cfg tgbotapi.Chattable, isEdit bool, fence func(context.Context) error) error {
	return s.do(ctx, func() error {
		if err := s.lim.wait(ctx, chatID, group); err != nil {
			return err
		}
		if fence != nil {
			if err := fence(ctx); err != nil {
				return err
			}
		}
		// A per-attempt deadline: a request that hangs is retried, not waited
		// on forever. Its expiry is a transient error since ctx is still live.
		// A shutdown does not cut a request already made: Telegram may have
		// sent the message, and the update would then be answered again
		// after the restart.
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.timeout)
		defer cancel()
		_, err := s.c.sendRequest(rctx, cfg)
		if err != nil && isEdit && isNotModified(err) {
			return nil
		}
		return err
	}, "chat_id", chatID)
}

// do runs try until it succeeds, fails for good, or the retry bounds run out.
func (s *sender) do(ctx context.Context, try func() error, logArgs ...any) error {
	attempts, floods := 0, 0
	for {
		err := try()
		if err == nil {
			return nil
		}
		if errors.Is(err, errClaimLost) {
			return err
		}
		kind, wait := classify(ctx, err)
		switch kind {
		case cancelled:
			return err
		case permanent:
			s.stats.dropped.Add(1)
			s.log.Error("telegram: request refused", append(logArgs, "err", err)...)
			return err
		case floodWait:
			floods++
			if floods > s.retry.FloodWaits || wait > s.retry.MaxWait {
				s.log.Warn("telegram: flood limit, giving up for now", append(logArgs, "retry_after_s", wait.Seconds(), "err", err)...)
				return err
			}
			s.stats.floodWaits.Add(1)
			s.log.Warn("telegram: flood limit, waiting", append(logArgs, "retry_after_s", wait.Seconds())...)
		case transient:
			attempts++
			if attempts >= s.retry.Attempts {
				s.log.Warn("telegram: giving up after retries for now", append(logArgs, "attempts", attempts, "err", err)...)
				return fmt.Errorf("telegram: %d attempts: %w", attempts, err)
			}
			s.stats.retries.Add(1)
			wait = backoff(s.retry, attempts)
			s.log.Warn("telegram: retrying", append(logArgs, "attempt", attempts, "wait_ms", wait.Milliseconds(), "err", err)...)
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// backoff is exponential with full jitter: a random wait up to
// BaseDelay·2^(attempt-1), capped, so replicas retrying together spread out.
func backoff(r Retry, attempt int) time.Duration {
	d := r.BaseDelay << (attempt - 1)
	if d > r.MaxDelay || d <= 0 {
		d = r.MaxDelay
	}
	return d/2 + rand.N(d/2+1)
}
