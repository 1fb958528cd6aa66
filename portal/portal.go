// Package portal keeps a content directory in step with the portal that
// publishes the articles. Sync discovers the portal's articles (robots.txt
// and its Sitemap lines, sitemaps and sitemap indexes, RSS/Atom feeds, then
// listing pages and their pagination), fetches them politely (robots rules,
// one request at a time with a delay, conditional GET, retries that honour
// Retry-After), reads each one with the content package's HTML reader, and
// saves the articles it accepts as UTF-8 pages that name their live URL. A
// state file in the directory makes a second run fetch only what changed and
// lets a stopped run resume.
package portal

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"time"
)

// Options set up one sync. From and Dir are required.
type Options struct {
	From string // the portal's start page; its host bounds the sync
	Dir  string // the content directory the articles are saved in
	// Include keeps only article URLs it matches; nil keeps links that look
	// like an article (a long slug or an id).
	Include *regexp.Regexp
	// Max bounds the article pages fetched in one run; 10,000 when zero. A
	// run that stops at Max is continued by the next one.
	Max int
	// Delay is the pause between two requests to the portal. Zero means
	// none: the command and the bot pass 1 s.
	Delay       time.Duration
	KeepRemoved bool   // keep the files of pages that now answer 404/410
	Contact     string // appended to the User-Agent: an e-mail or URL the portal's admin can reach
	Version     string // the bot's version, in the User-Agent
	// Depth bounds how many links away from the start page listing pages
	// are read (pagination does not count); 2 when zero.
	Depth int
	// Timeout bounds one request, body included; 30 s when zero.
	Timeout time.Duration
	// MaxBytes bounds one page; 5 MiB when zero.
	MaxBytes int64
	// Retries of a 429 or 5xx answer; 3 when zero, none when negative.
	Retries int
	// Backoff is the wait before the first retry when the server names none;
	// it doubles at each retry. 2 s when zero.
	Backoff time.Duration
	// MaxRetryAfter is the longest Retry-After honoured; a longer one fails
	// the page. 2 minutes when zero.
	MaxRetryAfter time.Duration
	// SaveEvery is how often the state is written during a run; 2 s when
	// zero. The state is also written when the run ends or is stopped.
	SaveEvery time.Duration
	// Progress, when set, is called after each article page.
	Progress func(p Progress)
	// Client's transport carries the requests; its redirect policy and
	// timeout are replaced by the sync's own. http.DefaultClient when nil.
	Client *http.Client
	Logger *slog.Logger
	Now    func() time.Time
}

// Progress is where a run is.
type Progress struct {
	Done, Total int
	Counts      map[Outcome]int
}

func (o Options) withDefaults() Options {
	if o.Max <= 0 {
		o.Max = 10000
	}
	if o.Depth <= 0 {
		o.Depth = 2
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 5 << 20
	}
	switch {
	case o.Retries == 0:
		o.Retries = 3
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = 2 * time.Second
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 2 * time.Minute
	}
	if o.SaveEvery <= 0 {
		o.SaveEvery = 2 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	return o
}

// agentName is the product token robots.txt groups are matched against.
func (o Options) agentName() string { return "kyanhbot" }

// userAgent names the bot, what it does and whom to contact.
func (o Options) userAgent() string {
	ua := "kyanhbot/" + o.Version + " (article sync for a citizens' Q&A bot"
	if o.Contact != "" {
		ua += "; +" + o.Contact
	}
	return ua + ")"
}

// Outcome is what a sync did with one page.
type Outcome string

const (
	New       Outcome = "new"       // saved for the first time
	Updated   Outcome = "updated"   // its article changed: the file was replaced
	Unchanged Outcome = "unchanged" // not modified (304) or the same article
	Removed   Outcome = "removed"   // it answers 404/410: its file was deleted
	Refused   Outcome = "refused"   // fetched but not an article content check accepts
	Failed    Outcome = "failed"    // could not be fetched
	Moved     Outcome = "moved"     // redirects to another URL, read there if it is an article
)

// Outcomes in the order a report lists them.
var Outcomes = []Outcome{New, Updated, Unchanged, Removed, Refused, Failed, Moved}

// Page is one article page of a run.
type Page struct {
	URL     string
	File    string // in the content directory; empty when nothing is saved
	Outcome Outcome
	Reason  string // why it was refused or failed
	MovedTo string // the article URL a redirect led to
}

// Report is what one run did.
type Report struct {
	From       string
	Pages      []Page
	Discovered int           // article URLs found or known from earlier runs
	Resumed    int           // pages a stopped run had done, not fetched again
	Left       int           // pages left for the next run by Max
	Requests   int           // HTTP requests made, robots.txt, sitemaps and listings included
	Took       time.Duration //
	Stopped    bool          // the run was stopped before its end; the next one resumes
}

// Count is the number of pages with outcome o.
func (r Report) Count(o Outcome) int {
	n := 0
	for _, p := range r.Pages {
		if p.Outcome == o {
			n++
		}
	}
	return n
}

// Changed says whether the content directory changed: a reload is due.
func (r Report) Changed() bool {
	return r.Count(New)+r.Count(Updated)+r.Count(Removed) > 0
}

// Errors of a sync that read nothing; test with errors.Is.
var (
	ErrUnreadable = errors.New("the portal could not be read")
	ErrNoArticles = errors.New("no article found")
)

// Sync brings dir in step with the portal at o.From and reports what it
// did. The error is for a portal that could not be read at all, a state or
// content directory that cannot be written, or a stopped context; the report
// holds what was done until then, and the state is saved so that the next
// run resumes.
func Sync(ctx context.Context, o Options) (rep Report, err error) {
	o = o.withDefaults()
	rep.From = o.From
	start := o.Now()
	root, perr := url.Parse(o.From)
	if perr != nil || (root.Scheme != "http" && root.Scheme != "https") || root.Host == "" {
		return rep, fmt.Errorf("portal: %q is not an http(s) URL", o.From)
	}
	if o.Dir == "" {
		return rep, errors.New("portal: no content directory")
	}
	st, err := loadState(o.Dir)
	if err != nil {
		return rep, err
	}
	s := &syncer{o: o, root: root, st: st, log: o.Logger, dir: o.Dir}
	s.f = newFetcher(o, root.Host)
	defer func() { rep.Requests = s.f.requests; rep.Took = o.Now().Sub(start) }()

	group, sitemaps, err := s.robots(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return rep, fmt.Errorf("portal: %w", ctx.Err())
		}
		return rep, fmt.Errorf("portal: %w: robots.txt: %w", ErrUnreadable, err)
	}
	s.group = group
	s.f.allowed = s.allowed
	if d := group.CrawlDelay; d > s.f.delay {
		s.f.delay = min(d, time.Minute)
	}

	var startPage *response
	if s.allowed(root) {
		startPage, err = s.f.get(ctx, root.String(), validators{})
		if err != nil {
			s.log.Warn("sync: start page", "url", o.From, "err", err)
		}
	}
	urls := s.discover(ctx, sitemaps, startPage)
	if ctx.Err() != nil {
		return rep, fmt.Errorf("portal: %w", ctx.Err())
	}
	if s.isArticle(root) && s.allowed(root) && !contains(urls, root.String()) {
		urls = append([]string{root.String()}, urls...)
	}
	// Pages saved by earlier runs are checked again even when no listing
	// shows them any more: that is how a deleted page is noticed.
	found := map[string]bool{}
	for _, u := range urls {
		found[u] = true
	}
	var known []string
	for u := range st.Pages {
		pu, err := url.Parse(u)
		if err == nil && !found[u] && sameSite(pu.Host, root.Host) && s.included(pu) && s.allowed(pu) {
			known = append(known, u)
		}
	}
	sort.Strings(known)
	for _, u := range known {
		found[u] = true
	}
	urls = append(urls, known...)
	rep.Discovered = len(urls)
	if s.f.answered == 0 {
		return rep, fmt.Errorf("portal: %w: no answer from %s", ErrUnreadable, root.Host)
	}
	if len(urls) == 0 {
		return rep, fmt.Errorf("portal: %w on %s: give -include a pattern of its article URLs", ErrNoArticles, o.From)
	}

	if st.Run == nil {
		st.Run = &runState{Started: o.Now(), Done: map[string]Outcome{}, Reasons: map[string]string{}}
	}
	if st.Run.Reasons == nil {
		st.Run.Reasons = map[string]string{}
	}
	lastSave := o.Now()
	fetched := 0
	counts := map[Outcome]int{}
	progress := func(i int) {
		if o.Progress == nil {
			return
		}
		c := make(map[Outcome]int, len(counts))
		for k, v := range counts {
			c[k] = v
		}
		o.Progress(Progress{Done: i + 1, Total: len(urls), Counts: c})
	}
	for i := 0; i < len(urls); i++ {
		u := urls[i]
		if out, ok := st.Run.Done[u]; ok {
			rep.Resumed++
			p := Page{URL: u, Outcome: out, Reason: st.Run.Reasons[u]}
			if ps := st.Pages[u]; ps != nil {
				p.File = ps.File
			}
			rep.Pages = append(rep.Pages, p)
			counts[p.Outcome]++
			continue
		}
		if fetched >= o.Max {
			rep.Left = len(urls) - i
			break
		}
		fetched++
		p, err := s.page(ctx, u)
		if err != nil {
			if ctx.Err() != nil {
				rep.Stopped = true
				if serr := st.save(o.Dir); serr != nil {
					return rep, serr
				}
				return rep, fmt.Errorf("portal: %w", ctx.Err())
			}
			st.save(o.Dir)
			return rep, err
		}
		rep.Pages = append(rep.Pages, p)
		counts[p.Outcome]++
		if p.MovedTo != "" && !found[p.MovedTo] {
			found[p.MovedTo] = true
			urls = append(urls, p.MovedTo)
		}
		st.Run.Done[u] = p.Outcome
		if p.Reason != "" {
			st.Run.Reasons[u] = p.Reason
		}
		s.log.Debug("sync: page", "url", u, "outcome", p.Outcome, "reason", p.Reason)
		progress(i)
		if now := o.Now(); now.Sub(lastSave) >= o.SaveEvery {
			if err := st.save(o.Dir); err != nil {
				return rep, err
			}
			lastSave = now
		}
	}
	if rep.Left == 0 {
		st.Run = nil
	}
	if err := st.save(o.Dir); err != nil {
		return rep, err
	}
	s.log.Info("sync: done", "from", o.From, "new", rep.Count(New), "updated", rep.Count(Updated),
		"unchanged", rep.Count(Unchanged), "removed", rep.Count(Removed), "refused", rep.Count(Refused),
		"failed", rep.Count(Failed), "left", rep.Left, "requests", s.f.requests, "took_ms", o.Now().Sub(start).Milliseconds())
	return rep, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
