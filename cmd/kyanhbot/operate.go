package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/admin"
	"github.com/kyanhbot/kyanhbot/bot/handoff"
	"github.com/kyanhbot/kyanhbot/bot/ops"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
	"github.com/kyanhbot/kyanhbot/portal"
)

// opsConfig is the configuration of what serve runs beside the
// conversation: admin tools, replicas, staff handoff.
type opsConfig struct {
	staffChat int64 // STAFF_CHAT_ID; 0 without a staff group
	// staffThread is STAFF_THREAD_ID: the forum topic of the staff group
	// that new questions go to; 0 for none.
	staffThread int
	replicaID   string // REPLICA_ID; host name and process ID by default
	sync        syncConfig
	// indexDir is where the index is kept (INDEX_DIR): on disk, so that its
	// segments are memory-mapped page cache rather than heap; "" in memory.
	indexDir string
	// textDir is where reloads lay the corpus's text out in a mapped file,
	// out of the Go heap (MAPPED_TEXT=on: the temporary directory); ""
	// keeps it in the heap.
	textDir string
	// memoryLimit is MEMORY_LIMIT in bytes: the soft limit set with
	// debug.SetMemoryLimit, which reloads are also held to; 0 for none.
	memoryLimit int64
	// gcPercent is the collector's target (debug.SetGCPercent) that serve
	// sets: limitedGCPercent when MEMORY_LIMIT is set and GOGC is not; 0
	// leaves the runtime's.
	gcPercent int
}

// limitedGCPercent is serve's GOGC under a MEMORY_LIMIT. The soft limit
// only bites near itself: between reloads the collector let the heap grow
// to twice what is live (GOGC 100), and a 10,000-article portal's process
// sat near 400 MB, where about 200 are live (docs/performance.md, "serve
// measured at 10,000 articles"). A deployment that sets a limit asks for
// memory before CPU; GOGC set in the environment wins. 15 rather than
// 25: 243 MB between reloads instead of 269 at 10,000 articles, for 14%
// more CPU answering (docs/performance.md, "Session 14").
const limitedGCPercent = 15

func loadOpsConfig(getenv func(string) string) (opsConfig, error) {
	var c opsConfig
	if s := getenv("STAFF_CHAT_ID"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id == 0 {
			return c, fmt.Errorf("STAFF_CHAT_ID %q is not a Telegram chat ID (a group's is negative, e.g. -1001234567890)", s)
		}
		c.staffChat = id
	}
	if s := getenv("STAFF_THREAD_ID"); s != "" {
		id, err := strconv.Atoi(s)
		if err != nil || id <= 0 || c.staffChat == 0 {
			return c, fmt.Errorf("STAFF_THREAD_ID %q must be a forum topic's message_thread_id (a positive number), with STAFF_CHAT_ID", s)
		}
		c.staffThread = id
	}
	var err error
	if c.sync, err = loadSyncConfig(getenv); err != nil {
		return c, err
	}
	c.replicaID = getenv("REPLICA_ID")
	if c.replicaID == "" {
		host, _ := os.Hostname()
		c.replicaID = host + "-" + strconv.Itoa(os.Getpid())
	}
	switch d := getenv("INDEX_DIR"); d {
	case "memory":
	case "":
		c.indexDir = filepath.Join(os.TempDir(), "kyanhbot-index")
	default:
		c.indexDir = d
	}
	switch s := strings.ToLower(strings.TrimSpace(getenv("MAPPED_TEXT"))); s {
	case "", "off", "0", "false":
	case "on", "1", "true":
		c.textDir = os.TempDir()
	default:
		return c, fmt.Errorf("MAPPED_TEXT %q must be on or off", s)
	}
	if s := getenv("MEMORY_LIMIT"); s != "" {
		n, err := parseBytes(s)
		if err != nil || n < 64<<20 {
			return c, fmt.Errorf("MEMORY_LIMIT %q is not a size of at least 64MiB (e.g. 400MiB, 1GiB)", s)
		}
		c.memoryLimit = n
		if getenv("GOGC") == "" {
			c.gcPercent = limitedGCPercent
		}
	}
	return c, nil
}

// parseBytes reads a size as GOMEMLIMIT writes it: a number of bytes with an
// optional unit B, KiB, MiB, GiB or TiB.
func parseBytes(s string) (int64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	shift := uint(0)
	for _, u := range units {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			s, shift = strings.TrimSpace(v), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("size %q: not a number of bytes", s)
	}
	return n << shift, nil
}

// operations is what serve runs beside the conversation: the live index and
// its reloader, the replicas' cluster, the admin tools, metrics.
type operations struct {
	log      *slog.Logger
	metrics  *ops.Metrics
	live     *index.Live
	reloader *reload.Reloader
	cluster  *reload.Cluster // nil without Redis
	admin    *admin.Admin
	handoff  *handoff.Handoff
	recorder *admin.Recorder
	rdb      store.Client
	tg       lateBot
	gate     lateGate
	wg       sync.WaitGroup
}

// lateGate is the engine's flood limit for the staff handoff, known once
// the engine is built (after the bot connects); set before any update.
type lateGate struct{ e *bot.Engine }

func (g *lateGate) Admit(ctx context.Context, m bot.Message) ([]bot.Reply, bool) {
	if g.e == nil {
		return nil, true
	}
	return g.e.Admit(ctx, m)
}

// lateBot is the Telegram bot, known only once it is connected; the admin
// tools need it to download files and post late reports.
type lateBot struct{ b *telegram.Bot }

func (l *lateBot) Download(ctx context.Context, fileID string, max int64) ([]byte, error) {
	if l.b == nil {
		return nil, errors.New("telegram: not connected")
	}
	return l.b.Download(ctx, fileID, max)
}

func (l *lateBot) Post(ctx context.Context, chatID int64, r bot.Reply) (int, error) {
	if l.b == nil {
		return 0, errors.New("telegram: not connected")
	}
	return l.b.Post(ctx, chatID, r)
}

// UserName is the bot's username, "" until it is connected: the admin
// tools link to a private chat with it.
func (l *lateBot) UserName() string {
	if l.b == nil {
		return ""
	}
	return l.b.UserName()
}

// startOperations loads the content (through the reloader, as every later
// reload) and sets up the rest. Redis, when configured, is rdb.
func startOperations(ctx context.Context, cfg serveConfig, oc opsConfig, rdb store.Client, st bot.Store, log *slog.Logger) (*operations, error) {
	o := &operations{log: log, rdb: rdb, metrics: ops.NewMetrics(prometheus.NewRegistry())}
	if rdb != nil {
		store.CountFailures(rdb, o.metrics.RedisFailed, o.metrics.RedisDialFailed)
	}
	var fsys fs.FS = content.Default()
	if cfg.contentDir != "" {
		if info, err := os.Stat(cfg.contentDir); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("CONTENT_DIR %s is not a readable directory", cfg.contentDir)
		}
		fsys = os.DirFS(cfg.contentDir)
	}
	if oc.memoryLimit > 0 {
		// The garbage collector works harder near the limit instead of
		// letting the heap double, and reloads that would pass it are
		// refused (index.Live.Reload) while the old index serves.
		debug.SetMemoryLimit(oc.memoryLimit)
		log.Info("memory limit set", "memory_limit_mb", oc.memoryLimit>>20)
	}
	if oc.gcPercent > 0 {
		debug.SetGCPercent(oc.gcPercent)
		log.Info("garbage collection target set", "gogc", oc.gcPercent)
	}
	if oc.indexDir != "" {
		// A replica killed with SIGKILL (or by the OOM killer) left its
		// index behind; those no live process holds go now.
		removed, err := index.RemoveStale(oc.indexDir)
		if len(removed) > 0 {
			log.Info("stale index directories removed", "dir", oc.indexDir, "removed", len(removed))
		}
		if err != nil {
			log.Warn("stale index directories", "err", err)
		}
	}
	o.live = index.NewLive(nil, index.BuildOptions{Path: oc.indexDir})
	o.metrics.WatchIndex(o.live.Stats)
	o.reloader = reload.New(reload.Config{Content: fsys, Index: o.live, Logger: log, TextDir: oc.textDir,
		OnReload: []func(context.Context, reload.Report){o.metrics.ObserveReload}})
	// At start-up the readable part of the content beats no content at all;
	// the problems are logged.
	rep, err := o.reloader.Reload(ctx, reload.Request{Trigger: "start", AcceptErrors: true})
	if err == nil && rep.Outcome != reload.Swapped {
		err = rep.Err
	}
	if err != nil && oc.sync.opts.From != "" {
		// A new install with SYNC_URL starts from an empty CONTENT_DIR: the
		// portal is synced once before the bot answers, rather than the
		// start failing on "no articles" until an admin copies some in.
		rep, err = o.syncBeforeStart(ctx, oc, rdb, err)
	}
	if err != nil {
		o.live.Close()
		return nil, fmt.Errorf("load content: %w", err)
	}
	for _, p := range rep.Problems {
		log.Warn("content problem", "file", p.Path, "reason", p.Reason, "fatal", p.Fatal)
	}

	var replicas func(context.Context) ([]reload.Replica, error)
	if rdb != nil {
		o.cluster = reload.NewCluster(reload.ClusterConfig{Shared: store.NewRedisReplicas(rdb), Reloader: o.reloader, ID: oc.replicaID, Logger: log})
		if err := o.cluster.Start(ctx); err != nil {
			o.live.Close()
			return nil, err
		}
		replicas = o.cluster.Replicas
	}
	var syncer admin.Syncer
	if oc.sync.opts.From != "" {
		job := o.syncJob(oc.sync, rdb)
		syncer = job
		o.wg.Add(1)
		go func() { defer o.wg.Done(); job.Every(ctx, oc.sync.interval) }()
	}
	feedback, stats := countersOf(st)
	o.recorder = &admin.Recorder{Searcher: o.live, Stats: stats, Observe: o.metrics.ObserveSearch, Logger: log}
	o.admin = admin.New(admin.Config{
		Reloader: o.reloader, Admins: cfg.admins, ContentDir: cfg.contentDir,
		Files: &o.tg, Poster: &o.tg, Stats: stats, Feedback: feedback,
		Replicas: replicas, Self: oc.replicaID, Logger: log, Syncer: syncer,
	})
	var tickets handoff.Tickets
	if oc.staffChat != 0 {
		tickets = store.NewMemoryTickets[handoff.Ticket](0)
		if rdb != nil {
			// The staff reply may reach another replica than the question.
			tickets = store.NewRedisTickets[handoff.Ticket](rdb, oc.staffChat, 0)
		}
	} else {
		log.Info("STAFF_CHAT_ID not set: citizens asking for staff get the office contacts")
	}
	o.handoff = handoff.New(handoff.Config{StaffChat: oc.staffChat, Poster: &o.tg, Tickets: tickets, States: st, Gate: &o.gate,
		StaffThread: oc.staffThread, Logger: log})
	return o, nil
}

// wrap puts the metrics, the admin tools and the staff handoff in front of
// the engine.
func (o *operations) wrap(engine bot.Handler) bot.Handler {
	return bot.Chain(engine, o.metrics.CountUpdates, o.admin.Wrap, o.handoff.Wrap)
}

// httpClient is the Telegram client's, counting every Bot API call.
func (o *operations) httpClient() *http.Client {
	return &http.Client{Transport: o.metrics.RoundTripper(nil), Timeout: 45 * time.Second}
}

// attach gives the operations the connected bot.
func (o *operations) attach(b *telegram.Bot) {
	o.tg.b = b
	o.metrics.WatchTransport(func() ops.TransportStats {
		s := b.Stats()
		return ops.TransportStats{Sent: s.Sent, Edited: s.Edited, Callbacks: s.Callbacks, Retries: s.Retries,
			FloodWaits: s.FloodWaits, Dropped: s.Dropped, Duplicates: s.Duplicates, Panics: s.Panics,
			Deferred: s.Deferred, Fenced: s.Fenced, Undecodable: s.Undecodable}
	})
}

// routes adds /healthz, /readyz and /metrics to mux.
func (o *operations) routes(mux *http.ServeMux) {
	ops.Routes(mux, o.metrics, o.ready)
}

// ready reports whether this replica can serve: content loaded, Redis
// reachable when configured, the poller advancing.
func (o *operations) ready(ctx context.Context) error {
	if o.reloader.Current().Version == "" {
		return errors.New("index not loaded")
	}
	if o.rdb != nil {
		if err := o.rdb.Ping(ctx).Err(); err != nil {
			return errors.New("redis unreachable")
		}
	}
	if o.tg.b != nil {
		return o.tg.b.Ready()
	}
	return nil
}

// watchSignals reloads on each SIGHUP of ch until ctx ends; one that came
// during start-up is waiting in ch and reloads at once.
func (o *operations) watchSignals(ctx context.Context, ch <-chan os.Signal) {
	o.wg.Add(1)
	go func() {
		defer o.wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-ch:
				o.log.Info("SIGHUP: reloading content")
				// The reloader logs the report.
				_, _ = o.reloader.Reload(ctx, reload.Request{Trigger: "signal"})
			}
		}
	}()
}

// close stops in reverse order of starting.
func (o *operations) close() {
	o.wg.Wait()
	o.admin.Close()
	if o.cluster != nil {
		o.cluster.Close()
	}
	o.reloader.Close()
	o.live.Close()
}

// countersOf returns the store's anonymised counters for /stats: of
// feedback, and of the questions asked.
func countersOf(st bot.Store) (admin.Feedback, admin.Stats) {
	switch s := st.(type) {
	case *store.Redis:
		return s, s
	case *store.Memory:
		return s, s
	}
	return nil, nil
}

// syncBeforeStart syncs a content directory that was never synced and could
// not be loaded (loadErr), then loads it. Another replica syncing it already
// is an error: this one starts again once that sync has saved the articles.
func (o *operations) syncBeforeStart(ctx context.Context, oc opsConfig, rdb store.Client, loadErr error) (reload.Report, error) {
	pending, err := portal.Pending(oc.sync.opts.Dir)
	if err != nil || !pending {
		return reload.Report{}, loadErr
	}
	o.log.Warn("no content to load: syncing from SYNC_URL before start", "from", oc.sync.opts.From, "err", loadErr)
	res, err := o.syncJob(oc.sync, rdb).Sync(ctx, "start")
	switch {
	case res.Busy:
		return reload.Report{}, fmt.Errorf("%w; another replica is syncing SYNC_URL into CONTENT_DIR: start again when it is done", loadErr)
	case err != nil && !res.Reloaded:
		return reload.Report{}, fmt.Errorf("%w; the sync from SYNC_URL did not help: %w", loadErr, err)
	case res.Reloaded:
		return res.Reload, nil
	}
	return res.Reload, fmt.Errorf("%w; the sync from SYNC_URL found no article (%s)", loadErr, res.Portal.Summary())
}
