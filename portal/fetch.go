package portal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/unicode/norm"

	"github.com/kyanhbot/kyanhbot/internal/pause"
)

// Reasons a fetch did not give a page; test with errors.Is.
var (
	ErrTooLarge   = errors.New("page larger than the size limit")
	ErrRedirects  = errors.New("too many redirects")
	ErrOffSite    = errors.New("redirects off the site")
	ErrDisallowed = errors.New("disallowed by robots.txt")
	ErrRetryAfter = errors.New("server asks to wait longer than allowed")
	ErrStatus     = errors.New("unexpected HTTP status")
)

// maxRedirects bounds a chain of redirects; a loop ends here.
const maxRedirects = 5

// fetcher makes the sync's requests: one at a time, at least delay apart per
// host, with the bot's User-Agent, a timeout per attempt, a size limit and
// retries of 429 and 5xx answers.
type fetcher struct {
	client   *http.Client
	ua       string
	delay    time.Duration
	timeout  time.Duration
	maxBytes int64
	retries  int
	backoff  time.Duration // first retry's wait; doubles each time
	maxWait  time.Duration // longest Retry-After honoured
	allowed  func(u *url.URL) bool
	host     string // the portal's host: redirects must stay on it

	last     map[string]time.Time // host → time of its last request
	requests int
	answered int // requests that got any HTTP answer: the site is readable
}

// validators make a GET conditional.
type validators struct{ etag, lastModified string }

// response is one answered GET.
type response struct {
	status   int
	url      *url.URL // after redirects
	header   http.Header
	body     []byte
	mimeType string // from Content-Type, else sniffed
}

func newFetcher(o Options, host string) *fetcher {
	f := &fetcher{
		ua:       o.userAgent(),
		delay:    o.Delay,
		timeout:  o.Timeout,
		maxBytes: o.MaxBytes,
		retries:  o.Retries,
		backoff:  o.Backoff,
		maxWait:  o.MaxRetryAfter,
		host:     host,
		last:     map[string]time.Time{},
		allowed:  func(*url.URL) bool { return true },
	}
	base := o.Client
	if base == nil {
		base = &http.Client{}
	}
	c := *base
	c.Timeout = 0 // each attempt has its own deadline, body included
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("%w (%d)", ErrRedirects, len(via))
		}
		if !sameSite(req.URL.Host, f.host) {
			return fmt.Errorf("%w: %s", ErrOffSite, req.URL.Host)
		}
		if !f.allowed(req.URL) {
			return fmt.Errorf("%w: %s", ErrDisallowed, req.URL.Path)
		}
		// A redirect is one more request to the host: keep the pace.
		if err := f.wait(req.Context(), req.URL.Host); err != nil {
			return err
		}
		f.requests++
		req.Header.Set("User-Agent", f.ua)
		return nil
	}
	f.client = &c
	return f
}

// wait sleeps until the host may be asked again.
func (f *fetcher) wait(ctx context.Context, host string) error {
	if last, ok := f.last[host]; ok && f.delay > 0 {
		if d := time.Until(last.Add(f.delay)); d > 0 {
			if err := pause.For(ctx, d); err != nil {
				return err
			}
		}
	}
	f.last[host] = time.Now()
	return nil
}

// get fetches u, retrying 429 and 5xx answers with a doubling backoff, or
// after the Retry-After the server asks for. Any other status is returned as
// it is, with its body; the error is for no answer at all.
func (f *fetcher) get(ctx context.Context, u string, cond validators) (*response, error) {
	wait := f.backoff
	for attempt := 0; ; attempt++ {
		resp, err := f.once(ctx, u, cond)
		if err != nil {
			return nil, err
		}
		if resp.status != http.StatusTooManyRequests && (resp.status < 500 || resp.status == http.StatusNotImplemented) {
			return resp, nil
		}
		if attempt >= f.retries {
			return resp, nil
		}
		d := wait
		if ra, ok := retryAfter(resp.header.Get("Retry-After"), time.Now()); ok {
			if ra > f.maxWait {
				return resp, fmt.Errorf("%w: Retry-After %s", ErrRetryAfter, ra.Round(time.Second))
			}
			d = max(ra, f.delay)
		}
		if err := pause.For(ctx, d); err != nil {
			return nil, err
		}
		wait *= 2
	}
}

// once makes one request and reads at most maxBytes of its body.
func (f *fetcher) once(ctx context.Context, u string, cond validators) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "vi,en;q=0.5")
	if cond.etag != "" {
		req.Header.Set("If-None-Match", cond.etag)
	}
	if cond.lastModified != "" {
		req.Header.Set("If-Modified-Since", cond.lastModified)
	}
	if err := f.wait(ctx, req.URL.Host); err != nil {
		return nil, err
	}
	f.requests++
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			return nil, fmt.Errorf("no answer within %s: %w", f.timeout, context.DeadlineExceeded)
		}
		return nil, err
	}
	defer resp.Body.Close()
	f.answered++
	r := &response{status: resp.StatusCode, url: resp.Request.URL, header: resp.Header}
	if resp.ContentLength > f.maxBytes {
		return r, fmt.Errorf("%w: %d bytes", ErrTooLarge, resp.ContentLength)
	}
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("no answer within %s: %w", f.timeout, context.DeadlineExceeded)
		}
		return nil, err
	}
	if int64(len(r.body)) > f.maxBytes {
		return r, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, f.maxBytes)
	}
	r.mimeType, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if r.mimeType == "" || r.mimeType == "application/octet-stream" {
		r.mimeType, _, _ = mime.ParseMediaType(http.DetectContentType(r.body))
	}
	return r, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// isHTML says whether a media type is a web page.
func isHTML(mimeType string) bool {
	return mimeType == "text/html" || mimeType == "application/xhtml+xml"
}

// utf8Page returns an HTML page as UTF-8, whatever the charset the header,
// a byte-order mark or the page's <meta> declares (Windows-1258 and the other
// WHATWG encodings; TCVN3 has no standard name and is read as Windows-1252),
// with its charset declarations rewritten to say UTF-8.
func utf8Page(body []byte, contentType string) ([]byte, string, error) {
	_, name, _ := charset.DetermineEncoding(body, contentType)
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, name, fmt.Errorf("charset %s: %w", name, err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, name, fmt.Errorf("charset %s: %w", name, err)
	}
	if name != "utf-8" {
		out = metaCharsetRE.ReplaceAll(out, []byte("${1}utf-8"))
		// Windows-1258 writes tone marks as combining characters: composed,
		// the file reads like any other.
		out = norm.NFC.Bytes(out)
	}
	return out, name, nil
}
