package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/admin"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/portal"
)

const syncUsage = "usage: kyanhbot sync -from URL [-content DIR] [-include REGEXP] [-max N] [-delay D] [-keep-removed]"

// runSync brings the content directory in step with the portal: new and
// changed articles saved, deleted ones removed; then the report. It exits 0
// when the sync completed, refused pages included, and fails when the portal
// could not be read at all.
func runSync(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("sync", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	from := fs.String("from", "", "the portal's start page, e.g. https://xa.example.gov.vn/")
	dir := fs.String("content", "", "content directory to keep in step (default: $CONTENT_DIR)")
	include := fs.String("include", "", "keep only article URLs matching this regular expression (default: links that look like articles)")
	maxPages := fs.Int("max", 10000, "at most this many article pages per run; the next run goes on")
	delay := fs.Duration("delay", time.Second, "pause between two requests to the portal")
	keep := fs.Bool("keep-removed", false, "keep the files of pages that now answer 404/410")
	timeout := fs.Duration("timeout", 30*time.Second, "give up on a request after this long")
	retries := fs.Int("retries", 3, "retries of a page answering 429 or 5xx")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 || *from == "" {
		return usageError{syncUsage}
	}
	if *dir == "" {
		*dir = e.getenv("CONTENT_DIR")
	}
	if *dir == "" {
		return usageError{"sync: give -content DIR or set CONTENT_DIR: the embedded default corpus cannot be written to"}
	}
	o, err := syncOptions(e, *from, *dir, *include)
	if err != nil {
		return err
	}
	o.Max, o.Delay, o.KeepRemoved, o.Timeout = *maxPages, *delay, *keep, *timeout
	o.Retries = *retries
	if *retries == 0 {
		o.Retries = -1 // none; zero is the default in Options
	}
	if *delay < 0 || *timeout < 0 || *retries < 0 {
		return usageError{"sync: -delay, -timeout and -retries cannot be negative"}
	}
	if writesToTerminal(e.stderr) {
		o.Progress = func(p portal.Progress) {
			fmt.Fprintf(e.stderr, "\r%d/%d pages: %d new, %d updated, %d unchanged, %d removed, %d refused, %d failed ",
				p.Done, p.Total, p.Counts[portal.New], p.Counts[portal.Updated], p.Counts[portal.Unchanged],
				p.Counts[portal.Removed], p.Counts[portal.Refused], p.Counts[portal.Failed])
		}
	}
	rep, err := portal.Sync(ctx, o)
	if o.Progress != nil {
		fmt.Fprintln(e.stderr)
	}
	if len(rep.Pages) > 0 || err == nil {
		if werr := rep.WriteText(e.stdout); werr != nil && err == nil {
			err = werr
		}
	}
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	return nil
}

// syncOptions are what the command and serve share: the portal, the content
// directory, the pattern, the contact and version in the User-Agent.
func syncOptions(e env, from, dir, include string) (portal.Options, error) {
	o := portal.Options{From: from, Dir: dir, Contact: e.getenv("SYNC_CONTACT"), Version: version, Delay: time.Second}
	if include != "" {
		re, err := regexp.Compile(include)
		if err != nil {
			return o, usageError{fmt.Sprintf("sync: -include: %v", err)}
		}
		o.Include = re
	}
	return o, nil
}

// writesToTerminal says whether w is a terminal: the progress line is for people.
func writesToTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// syncConfig is serve's portal sync, from the environment: SYNC_URL (none:
// no sync), SYNC_INTERVAL (6h), SYNC_DELAY (1s), SYNC_INCLUDE, SYNC_CONTACT;
// the articles go into CONTENT_DIR.
type syncConfig struct {
	opts     portal.Options
	interval time.Duration
}

func loadSyncConfig(getenv func(string) string) (syncConfig, error) {
	var c syncConfig
	from := getenv("SYNC_URL")
	if from == "" {
		return c, nil
	}
	if u, err := url.Parse(from); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, fmt.Errorf("SYNC_URL %q is not an http(s):// URL of the portal", from)
	}
	dir := getenv("CONTENT_DIR")
	if dir == "" {
		return c, errors.New("SYNC_URL needs CONTENT_DIR: the synced articles are saved there")
	}
	o, err := syncOptions(env{getenv: getenv}, from, dir, getenv("SYNC_INCLUDE"))
	if err != nil {
		return c, fmt.Errorf("SYNC_INCLUDE: %w", err)
	}
	c.opts, c.interval = o, 6*time.Hour
	if s := getenv("SYNC_INTERVAL"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < time.Minute {
			return c, fmt.Errorf("SYNC_INTERVAL %q is not a duration of a minute or more, like 6h", s)
		}
		c.interval = d
	}
	if s := getenv("SYNC_DELAY"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 {
			return c, fmt.Errorf("SYNC_DELAY %q is not a duration like 1s", s)
		}
		c.opts.Delay = d
	}
	return c, nil
}

// syncJob is the sync serve runs on schedule and admins run with /sync; its
// lease is in Redis when there is one, so that one replica crawls.
func (o *operations) syncJob(c syncConfig, rdb store.Client) *admin.SyncJob {
	var lease admin.Lease = &store.MemoryLease{}
	if rdb != nil {
		lease = store.NewRedisLease(rdb, "sync", time.Minute)
	}
	c.opts.Logger = o.log
	return &admin.SyncJob{Options: c.opts, Lease: lease, Reloader: o.reloader, Logger: o.log}
}
