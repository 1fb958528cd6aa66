// Package admin gives the bot's admins their tools inside Telegram: /reload,
// which reloads the content and reports what changed; uploading an article
// file, which is checked, saved into the content directory and followed by a
// reload; and /stats, what citizens asked this week. Only the user IDs in
// ADMIN_IDS may use them: to anyone else the commands do not exist (they get
// the unknown-command reply) and every attempt is logged.
package admin

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/index/reload"
)

// Reloader runs reloads; *reload.Reloader is one.
type Reloader interface {
	Reload(ctx context.Context, req reload.Request) (reload.Report, error)
	Current() reload.Current
}

// Files downloads what a user sent; *telegram.Bot is one.
type Files interface {
	Download(ctx context.Context, fileID string, max int64) ([]byte, error)
}

// Poster sends a message outside a reply; *telegram.Bot is one.
type Poster interface {
	Post(ctx context.Context, chatID int64, r bot.Reply) (int, error)
}

// Feedback is what the state store counted anonymously; *store.Redis and
// *store.Memory are ones.
type Feedback interface {
	TopUnanswered(ctx context.Context, nDays, n int) ([]store.Count, error)
	Totals(ctx context.Context, nDays int) (store.VoteTotals, error)
	SmallTalkCounts(ctx context.Context, nDays int) (map[string]int, error)
}

// Config sets up the admin tools. Reloader and Admins are required.
type Config struct {
	Reloader Reloader
	Admins   []int64
	// ContentDir receives uploaded articles; uploads are refused when empty
	// (the embedded default corpus cannot be written to).
	ContentDir string
	Files      Files  // nil refuses uploads
	Poster     Poster // sends a report that outlasted the reply; optional
	Stats      Stats  // question counters; /stats says so when nil
	Feedback   Feedback
	// Replicas lists every replica's content version; nil for a single one.
	Replicas func(ctx context.Context) ([]reload.Replica, error)
	Self     string // this replica's ID, marked in /stats
	// Syncer runs /sync; nil replies that SYNC_URL is not set.
	Syncer Syncer
	Logger *slog.Logger
	// MaxUpload bounds an uploaded file; 2 MiB when zero.
	MaxUpload int64
	// ReplyWithin is how long a reload may take before the reply says it is
	// still running and the report follows as a new message; 20 s when zero,
	// inside the transport's 30 s per update.
	ReplyWithin time.Duration
	Now         func() time.Time
}

// Admin is the admins' tools. Commands go to the engine's Options; Wrap puts
// the rest (uploads, confirmation buttons) in front of the engine.
type Admin struct {
	cfg    Config
	log    *slog.Logger
	admins map[int64]bool
	wg     sync.WaitGroup // reports posted after the reply
}

// New returns the admin tools.
func New(cfg Config) *Admin {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 2 << 20
	}
	if cfg.ReplyWithin <= 0 {
		cfg.ReplyWithin = 20 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	a := &Admin{cfg: cfg, log: cfg.Logger, admins: map[int64]bool{}}
	for _, id := range cfg.Admins {
		a.admins[id] = true
	}
	return a
}

// Commands are /reload, /stats and /sync, for bot.Options.Commands: the engine
// keeps them from anyone not in Admins.
func (a *Admin) Commands() []bot.Command {
	return []bot.Command{
		{Name: "reload", AdminOnly: true, Run: a.reloadCommand},
		{Name: "stats", AdminOnly: true, Run: a.statsCommand},
		{Name: "sync", AdminOnly: true, Run: a.syncCommand},
	}
}

// Close waits for reports still to be posted.
func (a *Admin) Close() { a.wg.Wait() }

// Wrap handles what the engine does not — uploaded files and the admin
// buttons — and passes everything else to next.
func (a *Admin) Wrap(next bot.Handler) bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
		switch {
		case m.Document.FileID != "" && m.ChatType == bot.ChatPrivate && a.admins[m.UserID]:
			return a.upload(ctx, m)
		case m.Document.FileID != "" && m.ChatType == bot.ChatPrivate:
			// A citizen's file: the engine says what the bot reads.
			a.refused(m, "upload")
		case strings.HasPrefix(m.Callback, cbPrefix):
			return a.callback(ctx, m)
		}
		return next.Handle(ctx, m)
	})
}

// refused logs an attempt by a non-admin.
func (a *Admin) refused(m bot.Message, what string) {
	a.log.Warn("admin action refused", "user_id", m.UserID, "chat_id", m.ChatID, "action", what)
}
