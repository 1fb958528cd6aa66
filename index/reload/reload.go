// Package reload replaces the content the bot serves without stopping it: it
// reads the content directory again, validates it with the rules of
// "kyanhbot content check", builds a new index in the background and swaps it
// in at once, while the old index keeps answering. Every trigger — an admin's
// /reload, SIGHUP, an uploaded article, another replica's announcement — goes
// through one Reloader, which coalesces concurrent requests into one build and
// reports what changed. Cluster (cluster.go) spreads reloads to every replica
// over Redis pub/sub and records each replica's content version.
package reload

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// Index is the live index a Reloader swaps; *index.Live is one.
type Index interface {
	Reload(ctx context.Context, c *content.Corpus) (index.Stats, error)
	Stats() index.Stats
}

// Outcome is how a reload ended.
type Outcome string

const (
	Swapped Outcome = "swapped" // the new index serves
	Refused Outcome = "refused" // the content has errors, or its index would not fit in memory; the old index serves
	Failed  Outcome = "failed"  // the content could not be read or indexed; the old index serves
)

// Request asks for a reload.
type Request struct {
	// Trigger says who asked, for the report and the logs: "command",
	// "signal", "upload", "announce", "start".
	Trigger string
	// Confirm is the version an admin accepted with its errors: the content
	// is swapped in despite fatal problems only while it still has exactly
	// this version, so a confirmation never covers files changed since.
	Confirm string
	// AcceptErrors swaps in whatever loads, as at start-up, when serving the
	// readable part beats serving nothing.
	AcceptErrors bool
}

// Report is what one reload did.
type Report struct {
	Trigger       string
	Outcome       Outcome
	Before, After index.Stats // After is the new index's; zero unless Swapped
	Version       string      // version of the content read
	PrevVersion   string      // version served before
	Problems      []content.Problem
	Took          time.Duration
	Err           error // why it failed or was refused
	Coalesced     int   // requests answered by this one build, beyond the first
}

// Fatal counts the problems that made a file unusable.
func (r Report) Fatal() int {
	n := 0
	for _, p := range r.Problems {
		if p.Fatal {
			n++
		}
	}
	return n
}

// ErrFatalProblems refuses content whose files could not all be used.
var ErrFatalProblems = errors.New("reload: content has files that cannot be used")

// ErrNoArticles refuses content without a single article: swapping it in
// would leave the bot with nothing to answer from.
var ErrNoArticles = errors.New("reload: content has no articles")

// Current is the content a Reloader serves.
type Current struct {
	Version  string
	Built    time.Time // when the build began reading the files
	Articles int
}

// Config sets up a Reloader.
type Config struct {
	// Content is the content tree: os.DirFS(CONTENT_DIR), or the embedded
	// default corpus.
	Content fs.FS
	Index   Index
	Logger  *slog.Logger
	// OnReload is called after every reload, in the reloading goroutine:
	// metrics, announcements to other replicas.
	OnReload []func(ctx context.Context, rep Report)
	// Timeout bounds one build; 10 minutes when zero.
	Timeout time.Duration
	// Now is the clock, for tests.
	Now func() time.Time
	// TextDir, when set, is where a reload lays its corpus's text out in
	// a mapped file (content.Corpus.CompactMapped, removed at once)
	// instead of the Go heap; the index unmaps it once it is replaced
	// and nothing reads it (index.Live).
	TextDir string
}

// Reloader runs reloads, one at a time.
type Reloader struct {
	cfg Config
	log *slog.Logger

	mu      sync.Mutex
	running *flight // the build in progress
	next    *flight // the one build that follows it, shared by everyone who asked meanwhile
	cur     Current
	wg      sync.WaitGroup
	// closing ends with Close: the builds in progress are cancelled then,
	// so that a process told to stop during a reload stops within its
	// grace period instead of after the whole build (minutes at 100,000
	// articles), which a supervisor would end with SIGKILL.
	closing context.Context
	stop    context.CancelFunc
}

type flight struct {
	req     Request
	waiters int
	done    chan struct{}
	rep     Report
}

// New returns a Reloader. Nothing is loaded until the first Reload.
func New(cfg Config) *Reloader {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	closing, stop := context.WithCancel(context.Background())
	return &Reloader{cfg: cfg, log: cfg.Logger, closing: closing, stop: stop}
}

// Current returns the version being served; its Version is empty before the
// first successful reload.
func (r *Reloader) Current() Current {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cur
}

// Reload reloads the content and returns the report. A request made while a
// build runs does not start a second one at once: it joins the single build
// that follows the running one (which may have read the files before the
// caller changed them), together with every other request made meanwhile. If
// ctx ends first, Reload returns ctx's error and the build goes on; its
// report is then only logged.
func (r *Reloader) Reload(ctx context.Context, req Request) (Report, error) {
	r.mu.Lock()
	var f *flight
	switch {
	case r.running == nil:
		f = &flight{req: req, done: make(chan struct{})}
		r.running = f
		r.wg.Add(1)
		go r.run(context.WithoutCancel(ctx), f)
	case r.next == nil:
		f = &flight{req: req, done: make(chan struct{})}
		r.next = f
	default:
		f = r.next
		f.waiters++
		// The follow-up answers several requests: an admin's confirmation
		// of a version still counts, as the version check protects it.
		if req.Confirm != "" {
			f.req.Confirm = req.Confirm
		}
		f.req.AcceptErrors = f.req.AcceptErrors || req.AcceptErrors
	}
	r.mu.Unlock()
	select {
	case <-f.done:
		return f.rep, nil
	case <-ctx.Done():
		return Report{}, fmt.Errorf("reload: %w", ctx.Err())
	}
}

// Notify adds a function called after every reload, like Config.OnReload.
func (r *Reloader) Notify(f func(ctx context.Context, rep Report)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cfg.OnReload = append(r.cfg.OnReload, f)
}

// Close cancels the builds in progress, and the one queued after them,
// and waits for them to end: the old index serves until the process ends,
// and each build reports Failed with context.Canceled.
func (r *Reloader) Close() {
	r.stop()
	r.wg.Wait()
}

// run builds f, then the follow-up queued meanwhile, if any.
func (r *Reloader) run(ctx context.Context, f *flight) {
	defer r.wg.Done()
	for f != nil {
		bctx, cancel := context.WithTimeout(ctx, r.cfg.Timeout)
		unhook := context.AfterFunc(r.closing, cancel)
		f.rep = r.build(bctx, f.req)
		unhook()
		cancel()
		if f.rep.Outcome != Swapped {
			// The content read for a build refused or failed is garbage
			// now: handed back, or the process keeps it resident until
			// the next reload (serve at 10,000 articles: 492 MB after a
			// refused reload, against 405 before it).
			debug.FreeOSMemory()
		}
		f.rep.Coalesced = f.waiters
		r.mu.Lock()
		hooks := r.cfg.OnReload
		r.mu.Unlock()
		for _, hook := range hooks {
			hook(ctx, f.rep)
		}
		close(f.done)
		r.mu.Lock()
		f = r.next
		r.next = nil
		r.running = f
		r.mu.Unlock()
	}
}

// build validates the content, indexes it and swaps it in.
func (r *Reloader) build(ctx context.Context, req Request) (rep Report) {
	start := r.cfg.Now()
	prev := r.Current()
	rep = Report{Trigger: req.Trigger, Before: r.cfg.Index.Stats(), PrevVersion: prev.Version}
	// Named result: the deferred Took and log see, and set, what is returned.
	defer func() {
		rep.Took = r.cfg.Now().Sub(start)
		level := slog.LevelInfo
		if rep.Outcome != Swapped {
			level = slog.LevelWarn
		}
		r.log.Log(ctx, level, "reload", "trigger", rep.Trigger, "outcome", string(rep.Outcome),
			"version", rep.Version, "prev_version", rep.PrevVersion,
			"articles", rep.After.Articles, "problems", len(rep.Problems), "fatal", rep.Fatal(),
			"took_ms", rep.Took.Milliseconds(), "err", rep.Err)
	}()

	ver, err := Version(ctx, r.cfg.Content)
	if err != nil {
		rep.Outcome, rep.Err = Failed, err
		return rep
	}
	rep.Version = ver
	c, err := content.Load(ctx, r.cfg.Content)
	if err != nil {
		rep.Outcome, rep.Err = Failed, fmt.Errorf("reload: %w", err)
		return rep
	}
	rep.Problems = c.Problems
	switch {
	case len(c.Articles) == 0:
		rep.Outcome, rep.Err = Refused, ErrNoArticles
		return rep
	case c.IsFatal() && !req.AcceptErrors && req.Confirm != ver:
		rep.Outcome, rep.Err = Refused, ErrFatalProblems
		return rep
	}
	if r.cfg.TextDir != "" {
		if err := c.CompactMapped(filepath.Join(r.cfg.TextDir, "kyanhbot-text-"+strconv.FormatUint(rand.Uint64(), 36))); err != nil {
			rep.Outcome, rep.Err = Failed, fmt.Errorf("reload: %w", err)
			return rep
		}
	}
	st, err := r.cfg.Index.Reload(ctx, c)
	if err != nil {
		// Never served: nothing but the failed build read its text.
		_ = c.Unmap()
	}
	if errors.Is(err, index.ErrTooLarge) {
		// Not started: the content is fine, the memory is not.
		rep.Outcome, rep.Err = Refused, fmt.Errorf("reload: %w", err)
		return rep
	}
	if err != nil {
		rep.Outcome, rep.Err = Failed, fmt.Errorf("reload: %w", err)
		return rep
	}
	rep.Outcome, rep.After = Swapped, st
	r.mu.Lock()
	// Built is when the files were read, not when the index was done: a
	// replica that read the directory before another's sync wrote it has
	// the older content even if its build ends later, and must catch up.
	r.cur = Current{Version: ver, Built: start, Articles: st.Articles}
	r.mu.Unlock()
	return rep
}
