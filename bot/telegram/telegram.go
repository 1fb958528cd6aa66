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
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

// Command is a bot command shown in Telegram's menu.
type Command struct {
	Name        string // without the slash
	Description string
}

// Config sets up a Bot. Token and Ledger are required, and a Handler
// before Run: in Config, or with SetHandler once New has learnt the bot's
// username (which the engine needs).
type Config struct {
	Token      string
	Endpoint   string       // API endpoint format; tgbotapi.APIEndpoint when empty
	HTTPClient *http.Client // its Timeout must exceed PollTimeout; a default when nil
	Handler    bot.Handler  // may be set later with SetHandler, before Run
	Ledger     Ledger
	Logger     *slog.Logger

	// Commands by language code ("" for everyone else), set at start-up.
	Commands map[string][]Command
	// AdminCommands are added to the menu of each chat in Admins (their
	// private chats with the bot), in every language of Commands.
	AdminCommands []Command
	Admins        []int64

	PollTimeout    time.Duration // long-polling timeout; 30 s when zero
	EmptyPollDelay time.Duration // pause after an empty answer that came early; 1 s when zero
	BusyPollDelay  time.Duration // longest pause when only updates in flight came back; 250 ms when zero
	RequestTimeout time.Duration // per attempt of every call but getUpdates; 15 s when zero
	HandleTimeout  time.Duration // per update; 30 s when zero
	StallAfter     time.Duration // an update in flight longer makes Ready fail; 2 min when zero
	Grace          time.Duration // to finish in-flight updates at shutdown; 0 abandons them at once
	LockTTL        time.Duration // polling lock; 15 s when zero
	// ReplyTTL is how long after a message was sent its reply is still
	// worth sending: replies Telegram fails to take are retried until then
	// (24 h when zero: Telegram keeps undelivered updates as long).
	ReplyTTL time.Duration
	// ClaimRenew is how often the claim on an update being answered is
	// extended (a third of the ledger's ClaimTTL when zero);
	// ClaimPoll how often a replica checks an update another one claimed
	// (500 ms when zero).
	ClaimRenew, ClaimPoll time.Duration
	Owner                 string // this replica's name for the polling lock; host-pid when empty
	// ConnectWithin is how long New keeps trying to reach the Bot API
	// (getMe) when it cannot — network errors, 5xx, 429 — with a growing,
	// logged backoff, so that a network blip at boot does not end the
	// process. A refused token fails at once. Zero tries once.
	ConnectWithin time.Duration

	Limits      Limits // DefaultLimits when zero
	NoRateLimit bool   // no pacing at all: benchmarks against a local server
	Retry       Retry  // DefaultRetry when zero

	// AckAfter is how long a button press may wait for its handler before
	// its spinner is stopped without a notice (500 ms when zero); a flow
	// with slow work stops it sooner with bot.Ack.
	AckAfter time.Duration

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

	holders atomic.Int64 // numbers the handlings of updates: claim holders
	polling atomic.Bool  // this replica holds the polling lock and polls
	polled  atomic.Int64 // when getUpdates last succeeded, Unix ns
	tracker atomic.Pointer[tracker]

	mu      sync.Mutex
	chats   map[int64]*chatQueue
	active  map[int]bool // updates queued or being handled
	closed  bool
	workers sync.WaitGroup
}

type chatQueue struct{ jobs []job }

type job struct {
	u    update
	done func(completed bool)
}

// New connects to the Bot API (getMe) and returns a Bot ready to Run.
func New(ctx context.Context, cfg Config) (*Bot, error) {
	if cfg.Token == "" {
		return nil, errors.New("telegram: no bot token")
	}
	if cfg.Ledger == nil {
		return nil, errors.New("telegram: ledger is required")
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
	def(&cfg.StallAfter, 2*time.Minute)
	def(&cfg.LockTTL, 15*time.Second)
	def(&cfg.ClaimRenew, cfg.Ledger.ClaimTTL()/3)
	def(&cfg.ReplyTTL, 24*time.Hour)
	def(&cfg.ClaimPoll, 500*time.Millisecond)
	def(&cfg.AckAfter, 500*time.Millisecond)
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
	c, err := connect(ctx, cfg)
	if err != nil {
		return nil, err
	}
	b := &Bot{cfg: cfg, c: c, log: cfg.Logger, ledger: cfg.Ledger, chats: map[int64]*chatQueue{}, active: map[int]bool{}}
	var lim *limiter
	if !cfg.NoRateLimit {
		lim = newLimiter(cfg.Limits)
	}
	// A fenced send must end while its claim, just extended, still holds:
	// each attempt gets at most half the claim's TTL.
	timeout := min(cfg.RequestTimeout, max(cfg.Ledger.ClaimTTL()/2, time.Second))
	b.send = &sender{c: c, lim: lim, retry: cfg.Retry, timeout: timeout, log: cfg.Logger, stats: &b.stats}
	return b, nil
}

// connect calls getMe until it succeeds, fails for good (the token refused),
// or Config.ConnectWithin is over.
func connect(ctx context.Context, cfg Config) (*client, error) {
	deadline := time.Now().Add(cfg.ConnectWithin)
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, cfg.RequestTimeout)
		c, err := newClient(actx, cfg.Token, cfg.Endpoint, cfg.HTTPClient)
		cancel()
		if err == nil {
			if attempt > 1 {
				cfg.Logger.Info("telegram: Bot API reached", "attempts", attempt)
			}
			return c, nil
		}
		kind, wait := classify(ctx, err)
		var tgErr *tgbotapi.Error
		if errors.As(err, &tgErr) && tgErr.Code == http.StatusNotFound {
			// The Bot API answers 404 to a token it does not know.
			kind = permanent
		}
		if kind != floodWait {
			wait = backoff(Retry{BaseDelay: time.Second, MaxDelay: 30 * time.Second}, min(attempt, 10))
		}
		if kind == permanent || kind == cancelled || time.Now().Add(wait).After(deadline) {
			if attempt > 1 {
				return nil, fmt.Errorf("%w (gave up after %d attempts)", err, attempt)
			}
			return nil, err
		}
		cfg.Logger.Warn("telegram: cannot reach the Bot API, retrying", "attempt", attempt, "wait_ms", wait.Milliseconds(), "err", err)
		if sleep(ctx, wait) != nil {
			return nil, err
		}
	}
}

// SetHandler sets the handler of every update, before Run or RunWebhook.
func (b *Bot) SetHandler(h bot.Handler) { b.cfg.Handler = h }

// errNoHandler is Run's error without a handler.
var errNoHandler = errors.New("telegram: no handler: set Config.Handler or call SetHandler before Run")

// UserName is the bot's @username, without the @.
func (b *Bot) UserName() string { return b.c.base.Self.UserName }

// ID is the bot's user ID.
func (b *Bot) ID() int64 { return b.c.base.Self.ID }

// Stats returns what the bot did so far.
func (b *Bot) Stats() Stats { return b.stats.snapshot() }

// SetCommands sets the command menu for each language, and for each admin
// the same menu with the admin commands (scope chat: Telegram prefers a
// chat's list to the default one). A refusal is logged, not fatal: the bot
// works without a menu.
func (b *Bot) SetCommands(ctx context.Context) {
	set := func(cmds []Command, lang string, scope *tgbotapi.BotCommandScope) {
		var list []tgbotapi.BotCommand
		for _, c := range cmds {
			list = append(list, tgbotapi.BotCommand{Command: c.Name, Description: c.Description})
		}
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_, err := b.c.request(cctx, tgbotapi.SetMyCommandsConfig{Commands: list, LanguageCode: lang, Scope: scope})
		cancel()
		if err != nil {
			var chat int64
			if scope != nil {
				chat = scope.ChatID
			}
			b.log.Warn("telegram: setMyCommands refused", "lang", lang, "chat_id", chat, "err", err)
		}
	}
	for lang, cmds := range b.cfg.Commands {
		set(cmds, lang, nil)
	}
	if len(b.cfg.AdminCommands) == 0 {
		return
	}
	for _, id := range b.cfg.Admins {
		scope := tgbotapi.NewBotCommandScopeChat(id)
		for lang, cmds := range b.cfg.Commands {
			set(append(cmds[:len(cmds):len(cmds)], b.cfg.AdminCommands...), lang, &scope)
		}
	}
}

// enqueue puts an update on its chat's queue, starting the chat's worker if
// idle. It returns false once shutdown began.
func (b *Bot) enqueue(ctx context.Context, u tgbotapi.Update, done func(bool)) bool {
	return b.enqueueUpdate(ctx, update{Update: u}, done)
}

// enqueueUpdate is enqueue for an update decoded with its topic.
func (b *Bot) enqueueUpdate(ctx context.Context, u update, done func(bool)) bool {
	key := chatKey(u.Update)
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return false
	}
	if b.active[u.UpdateID] {
		// Already queued here: a webhook delivery repeated, or the journal
		// read while it is being answered.
		return true
	}
	b.active[u.UpdateID] = true
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
		b.mu.Lock()
		delete(b.active, j.u.UpdateID)
		b.mu.Unlock()
		if j.done != nil {
			j.done(completed)
		}
	}
}

// queued reports whether an update is queued or being handled here.
func (b *Bot) queued(id int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.active[int(id)]
}

func chatKey(u tgbotapi.Update) int64 {
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		return u.Message.Chat.ID
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil:
		return u.CallbackQuery.Message.Chat.ID
	case u.InlineQuery != nil && u.InlineQuery.From != nil:
		// A user's inline queries, in order, beside their private chat.
		return u.InlineQuery.From.ID
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
// skipped as a duplicate, failed for good, or taken over by another replica.
// An update abandoned at shutdown before any reply went out is released, so
// it is handled after a restart.
func (b *Bot) process(ctx context.Context, u update) (completed bool) {
	if ctx.Err() != nil {
		return false
	}
	// Once claimed, the update's claim is kept alive until it is done, then
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
	m, ok := toMessage(u.Update, b.c.base.Self)
	m.ThreadID = u.thread
	if !ok {
		if u.CallbackQuery != nil {
			b.answerCallback(ctx, u.CallbackQuery.ID, "")
		}
		handled = true // done, so that a journaled one leaves the journal
		return true
	}
	log := b.log.With("update_id", u.UpdateID, "chat_id", m.ChatID)
	holder := b.cfg.Owner + "/" + strconv.FormatInt(b.holders.Add(1), 10)
	got, err := b.claim(ctx, m.UpdateID, holder, log)
	var fence func(context.Context) error
	switch {
	case ctx.Err() != nil:
		return false
	case err != nil:
		// Better a rare double answer than silence while the ledger is
		// down; the replies then go out unfenced.
		log.Error("telegram: ledger unavailable, handling anyway", "err", err)
	case !got:
		b.stats.duplicates.Add(1)
		log.Info("telegram: update already handled, skipped")
		return true
	default:
		fence = b.fence(m.UpdateID, holder)
	}
	handled = true
	if fence != nil {
		stopClaim = b.keepClaim(ctx, m.UpdateID, holder)
	}

	stopTyping := func() {}
	if m.Text != "" && !m.Inline {
		stopTyping = b.typing(ctx, m.ChatID)
	}
	hctx, cancel := context.WithTimeout(ctx, b.cfg.HandleTimeout)
	ack, stopAck := func(string) {}, func() {}
	if u.CallbackQuery != nil {
		ack, stopAck = b.acker(ctx, u.CallbackQuery.ID)
		hctx = bot.WithAck(hctx, ack)
	}
	replies, err := b.handle(hctx, m)
	cancel()
	stopAck()
	stopTyping()
	if ctx.Err() != nil {
		b.abandon(m.UpdateID, holder, log)
		return false
	}
	if err != nil {
		log.Error("telegram: handler failed", "err", err)
		// A handler that says what went wrong (a file too large, say) is
		// heard; only one that says nothing gets the apology.
		if !hasText(replies) {
			replies = []bot.Reply{{Text: failureText(m.LangCode)}}
		}
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
		ack(notice) // unless the handler or AckAfter did already
	}
	if u.InlineQuery != nil {
		b.answerInline(ctx, u.InlineQuery.ID, replies, log)
		return true
	}
	return b.reply(ctx, u.Update, m, replies, holder, fence, log, &handled)
}

// reply delivers the replies of an update, part by part. A reply that cannot
// go out because Telegram fails (5xx, network, flood limits) is kept and
// tried again with a growing backoff for as long as the update may still be
// answered (Config.ReplyTTL from the message's date): the update stays
// claimed and in flight, so it is neither marked done nor confirmed, and a
// restart answers it. A reply whose claim was lost (this replica paused
// past the claim's TTL and another took the update over) is dropped.
func (b *Bot) reply(ctx context.Context, u tgbotapi.Update, m bot.Message, replies []bot.Reply, holder string, fence func(context.Context) error, log *slog.Logger, handled *bool) bool {
	deadline := updateTime(u).Add(b.cfg.ReplyTTL)
	delivered := 0
	for _, r := range replies {
		if r.Text == "" {
			continue
		}
		for from, attempt := 0, 0; ; {
			n, err := b.send.deliver(ctx, m, r, from, fence)
			from += n
			delivered += n
			if err == nil {
				break
			}
			if errors.Is(err, errClaimLost) {
				// Another replica answers it: not done by this one.
				*handled = false
				b.stats.fenced.Add(1)
				log.Warn("telegram: claim lost to another replica, reply dropped")
				return true
			}
			if ctx.Err() != nil {
				if delivered == 0 {
					b.abandon(m.UpdateID, holder, log)
					return false
				}
				// Part of the answer went out: handling it again would repeat it.
				log.Warn("telegram: shutdown cut a reply short")
				return true
			}
			if kind, _ := classify(ctx, err); kind == permanent {
				break // refused for good: logged and counted by the sender
			}
			if !time.Now().Before(deadline) {
				b.stats.dropped.Add(1)
				log.Error("telegram: reply not delivered before the update expired, given up", "err", err)
				break
			}
			attempt++
			b.stats.deferred.Add(1)
			wait := backoff(Retry{BaseDelay: time.Second, MaxDelay: 30 * time.Second}, min(attempt, 10))
			log.Warn("telegram: reply not delivered yet, kept and retried", "attempt", attempt, "wait_ms", wait.Milliseconds(), "err", err)
			if sleep(ctx, wait) != nil {
				continue // the next deliver sees the shutdown
			}
		}
	}
	return true
}

// updateTime is when the user sent the update; its arrival when unknown.
func updateTime(u tgbotapi.Update) time.Time {
	if u.Message != nil && u.Message.Date > 0 {
		return time.Unix(int64(u.Message.Date), 0)
	}
	return time.Now()
}

func hasText(replies []bot.Reply) bool {
	for _, r := range replies {
		if r.Text != "" {
			return true
		}
	}
	return false
}

// errClaimLost is a send refused by the fence: the update's claim is no
// longer this handling's.
var errClaimLost = errors.New("telegram: claim on the update lost")

// fence returns the check made before every send of an update's replies:
// holder's claim is extended, and the send dropped if the claim was lost. A
// ledger that cannot be reached does not stop the send.
func (b *Bot) fence(id int64, holder string) func(context.Context) error {
	return func(ctx context.Context) error {
		fctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		ok, err := b.ledger.Extend(fctx, id, holder)
		switch {
		case err != nil:
			b.log.Warn("telegram: cannot check the claim before sending, sending anyway", "update_id", id, "err", err)
			return nil
		case !ok:
			return errClaimLost
		}
		return nil
	}
}

// claim takes the claim on an update for holder, waiting while another
// replica holds it — at work on it, or killed and its claim not yet lapsed.
// It reports true once holder holds the claim, false once the update is done.
func (b *Bot) claim(ctx context.Context, id int64, holder string, log *slog.Logger) (bool, error) {
	for waited := false; ; waited = true {
		got, done, err := b.ledger.Claim(ctx, id, holder)
		if err != nil || got || done {
			return got, err
		}
		if !waited {
			log.Info("telegram: update claimed elsewhere, waiting for it to be answered or released")
		}
		if sleep(ctx, b.cfg.ClaimPoll) != nil {
			return false, ctx.Err()
		}
	}
}

// keepClaim extends holder's claim on an update until stop is called or the
// claim is lost.
func (b *Bot) keepClaim(ctx context.Context, id int64, holder string) (stop func()) {
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
				ok, err := b.ledger.Extend(kctx, id, holder)
				switch {
				case kctx.Err() != nil:
					return
				case err != nil:
					b.log.Warn("telegram: extend claim", "update_id", id, "err", err)
				case !ok:
					b.log.Warn("telegram: claim lost while answering", "update_id", id)
					return
				}
			}
		}
	}()
	return func() { cancel(); <-done }
}

// finish marks an update done in the ledger. Its reply is out: until the
// mark is made, the update is in flight — its offset not committed — and
// Telegram delivering it again (a restart, another replica) has it answered
// twice. So a mark that fails (a Redis hiccup, a timeout on a loaded
// machine: the client fails fast) is made again, with backoff, for half the
// claim's TTL — the claim, last extended at most ClaimRenew ago, still
// stands meanwhile — rather than given up at the first failure.
func (b *Bot) finish(id int64) {
	deadline := time.Now().Add(b.ledger.ClaimTTL() / 2)
	for attempt := 1; ; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := b.ledger.Done(ctx, id)
		cancel()
		if err == nil {
			if attempt > 1 {
				b.log.Info("telegram: update marked done", "update_id", id, "attempts", attempt)
			}
			return
		}
		wait := backoff(Retry{BaseDelay: 50 * time.Millisecond, MaxDelay: time.Second}, min(attempt, 10))
		if time.Now().Add(wait).After(deadline) {
			b.log.Warn("telegram: cannot mark update done; its claim lapses, and a redelivery would be answered again", "update_id", id, "attempts", attempt, "err", err)
			return
		}
		b.log.Warn("telegram: cannot mark update done yet, trying again", "update_id", id, "attempt", attempt, "wait_ms", wait.Milliseconds(), "err", err)
		time.Sleep(wait)
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
	replies, err = b.cfg.Handler.Handle(ctx, m)
	for i := range replies {
		replies[i] = validUTF8(replies[i])
	}
	return replies, err
}

func (b *Bot) abandon(updateID int64, holder string, log *slog.Logger) {
	b.stats.abandoned.Add(1)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := b.ledger.Release(ctx, updateID, holder); err != nil {
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

// acker returns the answer to a button press, made once — by the handler
// through bot.Ack before slow work, by a timer after Config.AckAfter, or
// after the handler — and stop, which ends the timer.
func (b *Bot) acker(ctx context.Context, id string) (ack func(notice string), stop func()) {
	var once sync.Once
	ack = func(notice string) { once.Do(func() { b.answerCallback(ctx, id, notice) }) }
	t := time.AfterFunc(b.cfg.AckAfter, func() { ack("") })
	return ack, func() { t.Stop() }
}

// answerCallback stops the button's spinner, with notice as a toast.
func (b *Bot) answerCallback(ctx context.Context, id, notice string) {
	notice = strings.ToValidUTF8(notice, "\uFFFD") // bot.Ack's too
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
