// Package telegram puts the conversation on Telegram: it takes updates by long
// polling or a webhook, turns them into bot.Message values for a Handler, and
// sends the replies back in HTML — split to Telegram's length, paced under its
// flood limits, retried on 429 and server errors. A Ledger (Redis in
// production) makes delivery exactly-once from the user's point of view: the
// polling offset is saved only after an update is answered, each update is
// claimed once across restarts and replicas, and only one replica polls.
// Updates are handled concurrently across chats and in order within a chat.
package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

// Handler answers one message; bot.Engine is the real one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error)
}

// Command is a bot command shown in Telegram's menu.
type Command struct {
	Name        string // without the slash
	Description string
}

// Config sets up a Bot. Token, Handler and Ledger are required.
type Config struct {
	Token      string
	Endpoint   string       // API endpoint format; tgbotapi.APIEndpoint when empty
	HTTPClient *http.Client // its Timeout must exceed PollTimeout; a default when nil
	Handler    Handler
	Ledger     Ledger
	Logger     *slog.Logger

	// Commands by language code ("" for everyone else), set at start-up.
	Commands map[string][]Command

	PollTimeout    time.Duration // long-polling timeout; 30 s when zero
	EmptyPollDelay time.Duration // pause after an empty answer that came early; 1 s when zero
	BusyPollDelay  time.Duration // longest pause when only updates in flight came back; 250 ms when zero
	RequestTimeout time.Duration // per attempt of every call but getUpdates; 15 s when zero
	HandleTimeout  time.Duration // per update; 30 s when zero
	Grace          time.Duration // to finish in-flight updates at shutdown; 0 abandons them at once
	LockTTL        time.Duration // polling lock; 15 s when zero
	// ClaimRenew is how often the claim on an update being answered is
	// extended (5 s when zero: a third of the ledger's 15 s claim TTL);
	// ClaimPoll how often a replica checks an update another one claimed
	// (500 ms when zero).
	ClaimRenew, ClaimPoll time.Duration
	Owner                 string // this replica's name for the polling lock; host-pid when empty

	Limits      Limits // DefaultLimits when zero
	NoRateLimit bool   // no pacing at all: benchmarks against a local server
	Retry       Retry  // DefaultRetry when zero

	MaxWebhookBody int64  // bytes; 1 MiB when zero
	WebhookSecret  string // checked on every webhook request
}

// Bot is a running Telegram transport.
type Bot struct {
	cfg    Config
	c      *client
	send   *sender
	log    *slog.Logger
	stats  counters
	ledger Ledger

	mu      sync.Mutex
	chats   map[int64]*chatQueue
	closed  bool
	workers sync.WaitGroup
}

type chatQueue struct{ jobs []job }

type job struct {
	u    tgbotapi.Update
	done func(completed bool)
}

// New connects to the Bot API (getMe) and returns a Bot ready to Run.
func New(ctx context.Context, cfg Config) (*Bot, error) {
	if cfg.Token == "" {
		return nil, errors.New("telegram: no bot token")
	}
	if cfg.Handler == nil || cfg.Ledger == nil {
		return nil, errors.New("telegram: handler and ledger are required")
	}
	if cfg.Endpoint == "" {
		cfg.Endpoint = tgbotapi.APIEndpoint
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&cfg.PollTimeout, 30*time.Second)
	def(&cfg.EmptyPollDelay, time.Second)
	def(&cfg.BusyPollDelay, 250*time.Millisecond)
	def(&cfg.RequestTimeout, 15*time.Second)
	def(&cfg.HandleTimeout, 30*time.Second)
	def(&cfg.LockTTL, 15*time.Second)
	def(&cfg.ClaimRenew, 5*time.Second)
	def(&cfg.ClaimPoll, 500*time.Millisecond)
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	if cfg.Retry == (Retry{}) {
		cfg.Retry = DefaultRetry
	}
	if cfg.MaxWebhookBody == 0 {
		cfg.MaxWebhookBody = 1 << 20
	}
	if cfg.Owner == "" {
		host, _ := os.Hostname()
		cfg.Owner = host + "-" + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatInt(time.Now().UnixNano()%1e6, 10)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: cfg.PollTimeout + 15*time.Second}
	}
	c, err := newClient(ctx, cfg.Token, cfg.Endpoint, cfg.HTTPClient)
	if err != nil {
		return nil, err
	}
	b := &Bot{cfg: cfg, c: c, log: cfg.Logger, ledger: cfg.Ledger, chats: map[int64]*chatQueue{}}
	var lim *limiter
	if !cfg.NoRateLimit {
		lim = newLimiter(cfg.Limits)
	}
	b.send = &sender{c: c, lim: lim, retry: cfg.Retry, timeout: cfg.RequestTimeout, log: cfg.Logger, stats: &b.stats}
	return b, nil
}

// UserName is the bot's @username, without the @.
func (b *Bot) UserName() string { return b.c.base.Self.UserName }

// ID is the bot's user ID.
func (b *Bot) ID() int64 { return b.c.base.Self.ID }

// Stats returns what the bot did so far.
func (b *Bot) Stats() Stats { return b.stats.snapshot() }

// SetCommands sets the command menu for each language. A refusal is logged,
// not fatal: the bot works without a menu.
func (b *Bot) SetCommands(ctx context.Context) {
	for lang, cmds := range b.cfg.Commands {
		var list []tgbotapi.BotCommand
		for _, c := range cmds {
			list = append(list, tgbotapi.BotCommand{Command: c.Name, Description: c.Description})
		}
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_, err := b.c.request(cctx, tgbotapi.SetMyCommandsConfig{Commands: list, LanguageCode: lang})
		cancel()
		if err != nil {
			b.log.Warn("telegram: setMyCommands refused", "lang", lang, "err", err)
		}
	}
}

// enqueue puts an update on its chat's queue, starting the chat's worker if
// idle. It returns false once shutdown began.
func (b *Bot) enqueue(ctx context.Context, u tgbotapi.Update, done func(bool)) bool {
	key := chatKey(u)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	b.stats.updates.Add(1)
	q := b.chats[key]
	if q != nil {
		q.jobs = append(q.jobs, job{u, done})
		return true
	}
	q = &chatQueue{jobs: []job{{u, done}}}
	b.chats[key] = q
	b.workers.Add(1)
	go b.work(ctx, key, q)
	return true
}

// work handles one chat's updates in order, then exits when the queue is empty.
func (b *Bot) work(ctx context.Context, key int64, q *chatQueue) {
	defer b.workers.Done()
	for {
		b.mu.Lock()
		if len(q.jobs) == 0 {
			delete(b.chats, key)
			b.mu.Unlock()
			return
		}
		j := q.jobs[0]
		q.jobs = q.jobs[1:]
		b.mu.Unlock()
		completed := b.process(ctx, j.u)
		if j.done != nil {
			j.done(completed)
		}
	}
}

func chatKey(u tgbotapi.Update) int64 {
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil:
		return u.CallbackQuery.Message.Chat.ID
	}
	return 0
}

// close stops taking updates and waits for the workers, at most grace; then
// it cancels their work and waits for them to notice.
func (b *Bot) close(grace time.Duration, cancelWork context.CancelFunc) {
	b.mu.Lock()
	b.closed = true
	b.mu.Unlock()
	finished := make(chan struct{})
	go func() { b.workers.Wait(); close(finished) }()
	if grace > 0 {
		select {
		case <-finished:
			return
		case <-time.After(grace):
			b.log.Warn("telegram: grace period over, abandoning updates in flight", "grace_ms", grace.Milliseconds())
		}
	}
	cancelWork()
	<-finished
}

// process handles one update and reports whether it is complete: answered,
// skipped as a duplicate, or failed for good. An update abandoned at shutdown
// before any reply went out is forgotten, so it is handled after a restart.
func (b *Bot) process(ctx context.Context, u tgbotapi.Update) (completed bool) {
	if ctx.Err() != nil {
		return false
	}
	// Once handled, the update's claim is kept alive until it is done, then
	// marked done: a replica killed before that leaves a claim that lapses.
	var (
		handled   bool
		stopClaim = func() {}
	)
	defer func() {
		stopClaim()
		if handled && completed {
			b.finish(int64(u.UpdateID))
		}
	}()
	// One poisonous update must not take every chat down with the process,
	// nor crash it again at each restart: it is logged and counted as done.
	defer func() {
		if p := recover(); p != nil {
			b.stats.panics.Add(1)
			b.log.Error("telegram: panic handling update", "update_id", u.UpdateID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			completed = true
		}
	}()
	m, ok := toMessage(u, b.c.base.Self)
	if !ok {
		if u.CallbackQuery != nil {
			b.answerCallback(ctx, u.CallbackQuery.ID, "")
		}
		return true
	}
	log := b.log.With("update_id", u.UpdateID, "chat_id", m.ChatID)
	first, err := b.ledger.FirstSeen(ctx, m.UpdateID)
	switch {
	case ctx.Err() != nil:
		return false
	case err != nil:
		// Better a rare double answer than silence while the ledger is down.
		log.Error("telegram: ledger unavailable, handling anyway", "err", err)
	case !first:
		first, err = b.awaitClaim(ctx, m.UpdateID, log)
		switch {
		case ctx.Err() != nil:
			return false
		case err != nil:
			log.Error("telegram: ledger unavailable, handling anyway", "err", err)
		case !first:
			b.stats.duplicates.Add(1)
			log.Info("telegram: update already handled, skipped")
			return true
		}
	}
	handled = true
	stopClaim = b.keepClaim(ctx, m.UpdateID)

	stopTyping := func() {}
	if m.Text != "" {
		stopTyping = b.typing(ctx, m.ChatID)
	}
	hctx, cancel := context.WithTimeout(ctx, b.cfg.HandleTimeout)
	replies, err := b.handle(hctx, m)
	cancel()
	stopTyping()
	if ctx.Err() != nil {
		b.abandon(m.UpdateID, log)
		return false
	}
	if err != nil {
		log.Error("telegram: handler failed", "err", err)
		replies = []bot.Reply{{Text: failureText(m.LangCode)}}
	}
	b.stats.handled.Add(1)
	if u.CallbackQuery != nil {
		notice := ""
		for _, r := range replies {
			if r.Notice != "" {
				notice = r.Notice
				break
			}
		}
		b.answerCallback(ctx, u.CallbackQuery.ID, notice)
	}
	delivered := 0
	for _, r := range replies {
		if r.Text == "" {
			continue
		}
		n, err := b.send.deliver(ctx, m, r)
		delivered += n
		if err != nil && ctx.Err() != nil {
			if delivered == 0 {
				b.abandon(m.UpdateID, log)
				return false
			}
			// Part of the answer went out: handling it again would repeat it.
			log.Warn("telegram: shutdown cut a reply short")
			return true
		}
		if err != nil {
			log.Error("telegram: reply not delivered", "err", err)
		}
	}
	return true
}

// awaitClaim waits while another replica holds the claim on an update — at
// work on it, or killed and its claim not yet lapsed. It reports true once
// this replica holds the claim, false once the update is done.
func (b *Bot) awaitClaim(ctx context.Context, id int64, log *slog.Logger) (bool, error) {
	for waited := false; ; waited = true {
		pending, err := b.ledger.Pending(ctx, id)
		if err != nil || !pending {
			return err != nil, err
		}
		if !waited {
			log.Info("telegram: update claimed elsewhere, waiting for it to be answered or released")
		}
		if sleep(ctx, b.cfg.ClaimPoll) != nil {
			return false, ctx.Err()
		}
		if first, err := b.ledger.FirstSeen(ctx, id); err != nil || first {
			return true, err
		}
	}
}

// keepClaim extends the claim on an update until stop is called.
func (b *Bot) keepClaim(ctx context.Context, id int64) (stop func()) {
	kctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(b.cfg.ClaimRenew)
		defer t.Stop()
		for {
			select {
			case <-kctx.Done():
				return
			case <-t.C:
				if err := b.ledger.Extend(kctx, id); err != nil && kctx.Err() == nil {
					b.log.Warn("telegram: extend claim", "update_id", id, "err", err)
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}

// finish marks an update done in the ledger.
func (b *Bot) finish(id int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := b.ledger.Done(ctx, id); err != nil {
		b.log.Warn("telegram: cannot mark update done; its claim lapses, and a redelivery would be answered again", "update_id", id, "err", err)
	}
}

// handle calls the handler, turning a panic into an error: the citizen gets
// the apology, the log the stack.
func (b *Bot) handle(ctx context.Context, m bot.Message) (replies []bot.Reply, err error) {
	defer func() {
		if p := recover(); p != nil {
			b.stats.panics.Add(1)
			replies, err = nil, fmt.Errorf("telegram: handler panicked: %v\n%s", p, debug.Stack())
		}
	}()
	return b.cfg.Handler.Handle(ctx, m)
}

func (b *Bot) abandon(updateID int64, log *slog.Logger) {
	b.stats.abandoned.Add(1)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := b.ledger.Forget(ctx, updateID); err != nil {
		log.Error("telegram: cannot release abandoned update", "err", err)
	}
}

const typingDelay = 200 * time.Millisecond

func failureText(lang string) string {
	if lang == "en" {
		return "Sorry, something went wrong. Please try again in a moment."
	}
	return "Xin lỗi, hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút."
}

// answerCallback stops the button's spinner, with notice as a toast.
func (b *Bot) answerCallback(ctx context.Context, id, notice string) {
	if r := []rune(notice); len(r) > 200 {
		notice = string(r[:199]) + "…"
	}
	cfg := tgbotapi.NewCallback(id, notice)
	err := b.send.do(ctx, func() error {
		rctx, cancel := context.WithTimeout(ctx, b.cfg.RequestTimeout)
		defer cancel()
		_, err := b.c.request(rctx, cfg)
		return err
	}, "callback_query_id", id)
	if err == nil {
		b.stats.callbacks.Add(1)
	}
}

// typing shows "typing…" until the returned stop is called, renewing it
// every four seconds (Telegram shows it for five). It starts after a short
// delay: most answers come faster, and then the call would be wasted.
// Failures are ignored.
func (b *Bot) typing(ctx context.Context, chatID int64) (stop func()) {
	tctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if sleep(tctx, typingDelay) != nil {
			return
		}
		for {
			cctx, c := context.WithTimeout(tctx, 3*time.Second)
			if _, err := b.c.request(cctx, tgbotapi.NewChatAction(chatID, tgbotapi.ChatTyping)); err != nil && tctx.Err() == nil {
				b.log.Debug("telegram: sendChatAction failed", "chat_id", chatID, "err", err)
			}
			c()
			if sleep(tctx, 4*time.Second) != nil {
				return
			}
		}
	}()
	return func() { cancel(); <-done }
}
