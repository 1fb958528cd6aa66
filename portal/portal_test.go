package portal_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/portal"
	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

// options are a test's: no delay, a short timeout for the slow page, short
// backoffs. The 429 page still waits for its Retry-After of 1 s.
func options(p *portaltest.Portal, dir string) portal.Options {
	return portal.Options{
		From:     p.URL("/"),
		Dir:      dir,
		Contact:  "admin@thunghiem.example",
		Timeout:  time.Second,
		Backoff:  10 * time.Millisecond,
		MaxBytes: 2 << 20,
		Client:   p.Client(),
	}
}

func mustSync(t *testing.T, o portal.Options) portal.Report {
	t.Helper()
	rep, err := portal.Sync(context.Background(), o)
	if err != nil {
		t.Fatalf("Sync: %v", err)
	}
	return rep
}

func byURL(rep portal.Report) map[string]portal.Page {
	m := map[string]portal.Page{}
	for _, p := range rep.Pages {
		m[p.URL] = p
	}
	return m
}

func TestSyncFirstRun(t *testing.T) {
	p := portaltest.New(t, 12)
	dir := t.TempDir()
	rep := mustSync(t, options(p, dir))
	pages := byURL(rep)

	articles := append([]string{
		"/tin-tuc/xa-thu-nghiem-to-chuc-hoi-nghi-tong-ket-cong-tac-nam-2026-101.html",
		"/tin-tuc/huong-dan-dang-ky-thuong-tru-tai-bo-phan-mot-cua-xa-102.html",
		"/thong-bao/thong-bao-lich-cat-dien-thon-mau-trong-thang-muoi-mot-103.html",
		portaltest.PathRedirectNew, portaltest.PathBusy, portaltest.PathLegacy,
		portaltest.PathSitemapOnly, portaltest.PathFeedOnly, // found only through the sitemap index, only through the feed
	}, p.Paths()[8:]...)
	for _, path := range articles {
		if got, want := pages[p.URL(path)].Outcome, portal.New; got != want {
			t.Errorf("%s: outcome %q (%s), want %q", path, got, pages[p.URL(path)].Reason, want)
		}
	}
	for _, tc := range []struct {
		path    string
		outcome portal.Outcome
		reason  string
	}{
		{portaltest.PathRedirectOld, portal.Moved, "redirects to " + p.URL(portaltest.PathRedirectNew)},
		{portaltest.PathLoopA, portal.Failed, "too many redirects"},
		{portaltest.PathMissing, portal.Failed, "HTTP 404"},
		{portaltest.PathServerError, portal.Failed, "HTTP 500"},
		{portaltest.PathSlow, portal.Failed, "no answer within 1s"},
		{portaltest.PathHuge, portal.Refused, "larger than 2 MiB"},
		{portaltest.PathPDF, portal.Refused, "not an HTML page (application/pdf)"},
		{portaltest.PathEmpty, portal.Refused, "no article text"},
	} {
		got := pages[p.URL(tc.path)]
		if got.Outcome != tc.outcome || !strings.Contains(got.Reason, tc.reason) {
			t.Errorf("%s: %q %q, want %q containing %q", tc.path, got.Outcome, got.Reason, tc.outcome, tc.reason)
		}
		if got.File != "" {
			t.Errorf("%s: file %s saved for a page that was not", tc.path, got.File)
		}
	}
	if _, ok := pages[p.URL(portaltest.PathDisallowed)]; ok || p.Hits(portaltest.PathDisallowed) != 0 || p.Hits("/quan-tri/dang-nhap") != 0 {
		t.Errorf("a page robots.txt disallows was requested (%d times) or reported", p.Hits(portaltest.PathDisallowed))
	}
	if got, want := p.Hits(portaltest.PathServerError), 4; got != want {
		t.Errorf("500 page requested %d times, want %d (1 + 3 retries)", got, want)
	}
	if got, want := p.Hits(portaltest.PathBusy), 2; got != want {
		t.Errorf("429 page requested %d times, want %d (retried after Retry-After)", got, want)
	}
	if got := p.MaxInFlight(); got != 1 {
		t.Errorf("%d requests at once, want 1", got)
	}
	if n := p.Bypassed(); n != 0 {
		t.Errorf("%d requests did not go through Options.Client, so were not counted", n)
	}
	for _, ua := range p.UserAgents() {
		if !strings.HasPrefix(ua, "kyanhbot/") || !strings.Contains(ua, "admin@thunghiem.example") {
			t.Errorf("User-Agent %q does not name the bot and the contact", ua)
		}
	}
	if got, want := rep.Count(portal.New), len(articles); got != want {
		t.Errorf("%d new, want %d", got, want)
	}

	// What was saved is what content check accepts, each with its live URL.
	c, err := content.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.IsFatal() {
		t.Errorf("saved content has fatal problems: %v", c.Problems)
	}
	if got, want := len(c.Articles), len(articles); got != want {
		t.Fatalf("%d articles load from the synced folder, want %d", got, want)
	}
	sources := map[string]content.Article{}
	for _, a := range c.Articles {
		sources[a.Source] = a
		if !a.Synthetic {
			t.Errorf("%s: synthetic mark lost", a.Path)
		}
	}
	for _, path := range articles {
		a, ok := sources[p.URL(path)]
		if !ok {
			t.Errorf("no article has the source %s", p.URL(path))
			continue
		}
		want := p.Article(path)
		if a.Title != want.Title {
			t.Errorf("%s: title %q, want %q", path, a.Title, want.Title)
		}
		if got := strings.Join(a.Paragraphs, "\n"); got != strings.Join(want.Paragraphs, "\n") {
			t.Errorf("%s: paragraphs\n%s\nwant (chrome, sidebar and related links stripped)\n%s", path, got, strings.Join(want.Paragraphs, "\n"))
		}
		if len(a.Contacts) == 0 || a.Contacts[0].Phone != "0000 111 222" {
			t.Errorf("%s: footer contact not read: %+v", path, a.Contacts)
		}
	}
	// The Windows-1258 page is saved as UTF-8 and says so.
	legacy := sources[p.URL(portaltest.PathLegacy)]
	data, err := os.ReadFile(filepath.Join(dir, legacy.Path))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "sáp nhập thành thôn Mây Lúa") || strings.Contains(strings.ToLower(string(data)), "windows-1258") {
		t.Errorf("legacy page not saved as UTF-8 with its charset rewritten:\n%.600s", data)
	}
}

func TestSyncSecondRunFetchesOnlyWhatChanged(t *testing.T) {
	p := portaltest.New(t, 3)
	dir := t.TempDir()
	first := mustSync(t, options(p, dir))

	second := mustSync(t, options(p, dir))
	if got := second.Count(portal.New) + second.Count(portal.Updated) + second.Count(portal.Removed); got != 0 {
		t.Errorf("second run changed %d pages, want none", got)
	}
	for _, pg := range first.Pages {
		if pg.Outcome != portal.New {
			continue
		}
		path := strings.TrimPrefix(pg.URL, p.URL(""))
		if got := p.NotModified(path); got != 1 {
			t.Errorf("%s: %d conditional GETs answered 304, want 1", path, got)
		}
		if got := byURL(second)[pg.URL].Outcome; got != portal.Unchanged {
			t.Errorf("%s: second run %q, want unchanged", path, got)
		}
	}
	if second.Changed() {
		t.Error("second run reports a change")
	}

	// One article edited, one deleted (410), one gone (404) with -keep-removed.
	edited := p.Article(portaltest.PathRedirectNew)
	edited.Paragraphs = append(edited.Paragraphs, "Từ tháng 11/2026, lịch tiếp công dân chuyển sang sáng thứ Sáu.")
	p.Set(edited)
	deleted := "/tin-tuc/huong-dan-dang-ky-thuong-tru-tai-bo-phan-mot-cua-xa-102.html"
	p.Delete(deleted, http.StatusGone)
	third := mustSync(t, options(p, dir))
	pages := byURL(third)
	if got := pages[p.URL(portaltest.PathRedirectNew)]; got.Outcome != portal.Updated {
		t.Errorf("edited page: %q, want updated", got.Outcome)
	}
	gone := byURL(first)[p.URL(deleted)].File
	if got := pages[p.URL(deleted)]; got.Outcome != portal.Removed {
		t.Errorf("deleted page: %q %q, want removed", got.Outcome, got.Reason)
	}
	if _, err := os.Stat(filepath.Join(dir, gone)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("file of the deleted page still there: %v", err)
	}
	if got, want := third.Count(portal.Updated)+third.Count(portal.Removed)+third.Count(portal.New), 2; got != want {
		t.Errorf("third run: %d changes, want %d", got, want)
	}
	c, err := content.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		if a.Source == p.URL(portaltest.PathRedirectNew) && !strings.Contains(strings.Join(a.Paragraphs, " "), "sáng thứ Sáu") {
			t.Errorf("edited page's file not replaced: %q", a.Paragraphs)
		}
	}

	kept := "/tin-tuc/xa-thu-nghiem-to-chuc-hoi-nghi-tong-ket-cong-tac-nam-2026-101.html"
	p.Delete(kept, http.StatusNotFound)
	o := options(p, dir)
	o.KeepRemoved = true
	fourth := mustSync(t, o)
	if got := byURL(fourth)[p.URL(kept)]; got.Outcome != portal.Removed || !strings.Contains(got.Reason, "kept") {
		t.Errorf("404 with -keep-removed: %q %q", got.Outcome, got.Reason)
	}
	if _, err := os.Stat(filepath.Join(dir, byURL(first)[p.URL(kept)].File)); err != nil {
		t.Errorf("-keep-removed removed the file: %v", err)
	}
}

func TestSyncResumesAfterStop(t *testing.T) {
	p := portaltest.New(t, 20)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := options(p, dir)
	const stopAfter = 8
	o.Progress = func(pr portal.Progress) {
		if pr.Done == stopAfter {
			cancel() // as a kill would, mid-run
		}
	}
	stopped, err := portal.Sync(ctx, o)
	if !errors.Is(err, context.Canceled) || !stopped.Stopped {
		t.Fatalf("stopped run: err %v, Stopped %v", err, stopped.Stopped)
	}
	if got := len(stopped.Pages); got != stopAfter {
		t.Fatalf("stopped run did %d pages, want %d", got, stopAfter)
	}
	if _, err := os.Stat(filepath.Join(dir, portal.StateFile)); err != nil {
		t.Fatalf("no state after a stop: %v", err)
	}

	o.Progress = nil
	resumed := mustSync(t, o)
	if got, want := resumed.Resumed, stopAfter; got != want {
		t.Errorf("resumed %d pages, want %d", got, want)
	}
	for _, pg := range stopped.Pages {
		path := strings.TrimPrefix(pg.URL, p.URL(""))
		want := 1
		switch path {
		case portaltest.PathRedirectNew:
			continue // also reached through the redirect
		case portaltest.PathServerError:
			want = 4
		case portaltest.PathBusy:
			want = 2
		}
		if got := p.Hits(path); got != want {
			t.Errorf("%s done before the stop was requested again (%d requests, want %d)", path, got, want)
		}
	}
	uninterrupted := mustSync(t, options(portaltest.New(t, 20), t.TempDir()))
	for _, o := range portal.Outcomes {
		if got, want := resumed.Count(o), uninterrupted.Count(o); got != want {
			t.Errorf("%s: %d after resuming, %d in one run", o, got, want)
		}
	}
	// The run is complete: the next one starts afresh, with conditional GETs.
	again := mustSync(t, o)
	if again.Resumed != 0 || again.Changed() {
		t.Errorf("run after a completed resume: resumed %d, changed %v", again.Resumed, again.Changed())
	}
}

func TestSyncInclude(t *testing.T) {
	p := portaltest.New(t, 5)
	dir := t.TempDir()
	o := options(p, dir)
	o.Include = regexp.MustCompile(`/thong-bao/`)
	rep := mustSync(t, o)
	if got := rep.Count(portal.New); got != 1 || len(rep.Pages) != 1 {
		t.Errorf("-include /thong-bao/: %d new of %d pages, want 1 of 1: %+v", got, len(rep.Pages), rep.Pages)
	}
}

func TestSyncMaxLeavesTheRestForNextRun(t *testing.T) {
	p := portaltest.New(t, 10)
	dir := t.TempDir()
	o := options(p, dir)
	o.Max = 5
	first := mustSync(t, o)
	if len(first.Pages) != 5 || first.Left == 0 {
		t.Fatalf("-max 5: %d pages, %d left", len(first.Pages), first.Left)
	}
	second := mustSync(t, o)
	if second.Resumed != 5 || len(second.Pages) != 10 {
		t.Errorf("run after -max: resumed %d, %d pages", second.Resumed, len(second.Pages))
	}
}

func TestSyncUnreadableSite(t *testing.T) {
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	_, err := portal.Sync(context.Background(), portal.Options{From: down.URL + "/", Dir: t.TempDir(), Timeout: time.Second})
	if !errors.Is(err, portal.ErrUnreadable) {
		t.Errorf("closed server: %v, want ErrUnreadable", err)
	}

	empty := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><a href="/gioi-thieu">Giới thiệu</a></body></html>`))
	}))
	defer empty.Close()
	_, err = portal.Sync(context.Background(), portal.Options{From: empty.URL + "/", Dir: t.TempDir(), Timeout: time.Second})
	if !errors.Is(err, portal.ErrNoArticles) {
		t.Errorf("site without articles: %v, want ErrNoArticles", err)
	}
}

func TestSyncDelaySpacesRequests(t *testing.T) {
	p := portaltest.New(t, 0)
	o := options(p, t.TempDir())
	o.Include = regexp.MustCompile(`/thong-bao/`)
	o.Delay = 50 * time.Millisecond
	start := time.Now()
	rep := mustSync(t, o)
	// A lower bound only: n requests need at least n-1 delays.
	if took, min := time.Since(start), time.Duration(rep.Requests-1)*o.Delay; took < min {
		t.Errorf("%d requests in %s, want at least %s with -delay %s", rep.Requests, took, min, o.Delay)
	}
}
