package portal

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/temoto/robotstxt"

	"github.com/kyanhbot/kyanhbot/content"
)

// syncer is one run.
type syncer struct {
	o     Options
	root  *url.URL
	st    *state
	f     *fetcher
	group *robotstxt.Group
	log   *slog.Logger
	dir   string
}

// allowed says whether robots.txt lets the bot read u.
func (s *syncer) allowed(u *url.URL) bool {
	if s.group == nil {
		return true
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return s.group.Test(p)
}

// page fetches one article page and saves, replaces or removes its file.
// The error is for a stopped context or a content directory that cannot be
// written; everything the portal does wrong is an outcome.
func (s *syncer) page(ctx context.Context, u string) (Page, error) {
	p := Page{URL: u}
	prev := s.st.Pages[u]
	var cond validators
	if prev != nil && prev.File != "" && s.exists(prev.File) {
		cond = validators{etag: prev.ETag, lastModified: prev.LastModified}
	}
	resp, err := s.f.get(ctx, u, cond)
	if ctx.Err() != nil {
		return p, ctx.Err()
	}
	if prev != nil {
		p.File = prev.File
	}
	switch {
	case errors.Is(err, ErrTooLarge):
		p.Outcome, p.Reason = Refused, fmt.Sprintf("larger than %d MiB", s.o.MaxBytes>>20)
		return p, nil
	case err != nil:
		p.Outcome, p.Reason = Failed, reason(err)
		return p, nil
	}
	switch resp.status {
	case http.StatusNotModified:
		if prev == nil {
			p.Outcome, p.Reason = Failed, "HTTP 304 to an unconditional request"
			return p, nil
		}
		p.Outcome = Unchanged
		prev.Checked = s.o.Now()
		return p, nil
	case http.StatusNotFound, http.StatusGone:
		if prev == nil || prev.File == "" {
			p.Outcome, p.Reason = Failed, statusText(resp.status)
			return p, nil
		}
		p.Outcome, p.Reason = Removed, statusText(resp.status)
		if s.o.KeepRemoved {
			p.Reason += "; file kept (-keep-removed)"
			return p, nil
		}
		if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(prev.File))); err != nil && !errors.Is(err, os.ErrNotExist) {
			return p, fmt.Errorf("portal: remove %s: %w", prev.File, err)
		}
		delete(s.st.Pages, u)
		return p, nil
	case http.StatusOK:
	default:
		p.Outcome, p.Reason = Failed, statusText(resp.status)
		return p, nil
	}
	if final := resp.url.String(); final != u {
		// The article lives at another URL now: it is read there, under its
		// own name, and the file saved for this URL goes. A redirect to a
		// page that is no article (the home page, often, for a deleted one)
		// is a removal.
		p.Outcome, p.Reason = Moved, "redirects to "+final
		if s.isArticle(resp.url) {
			p.MovedTo = final
		}
		if prev != nil && prev.File != "" {
			p.Outcome = Removed
			if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(prev.File))); err != nil && !errors.Is(err, os.ErrNotExist) {
				return p, fmt.Errorf("portal: remove %s: %w", prev.File, err)
			}
		}
		p.File = ""
		delete(s.st.Pages, u)
		return p, nil
	}
	if !isHTML(resp.mimeType) {
		p.Outcome, p.Reason = Refused, "not an HTML page ("+resp.mimeType+")"
		return p, nil
	}
	body, cs, err := utf8Page(resp.body, resp.header.Get("Content-Type"))
	if err != nil {
		p.Outcome, p.Reason = Refused, reason(err)
		return p, nil
	}
	file := fileName(u)
	if prev != nil && prev.File != "" {
		file = prev.File
	}
	source := u
	data := withSource(body, source)
	a, _, err := content.Parse(file, data)
	if err != nil {
		p.Outcome, p.Reason = Refused, reason(err)
		var pe *content.ParseError
		if errors.As(err, &pe) {
			p.Reason = pe.Reason
		}
		return p, nil
	}
	next := &pageState{
		File:         file,
		Source:       source,
		ETag:         resp.header.Get("ETag"),
		LastModified: resp.header.Get("Last-Modified"),
		Hash:         articleHash(a),
		Checked:      s.o.Now(),
	}
	p.File = file
	switch {
	case prev != nil && prev.File == file && prev.Hash == next.Hash && s.exists(file):
		p.Outcome = Unchanged
	case prev != nil && prev.File != "" && s.exists(prev.File):
		p.Outcome = Updated
	default:
		p.Outcome = New
	}
	if p.Outcome != Unchanged {
		if err := writeAtomic(filepath.Join(s.dir, filepath.FromSlash(file)), data); err != nil {
			return p, err
		}
	}
	if cs != "utf-8" {
		s.log.Debug("sync: page converted to UTF-8", "url", u, "charset", cs)
	}
	s.st.Pages[u] = next
	return p, nil
}

func (s *syncer) exists(file string) bool {
	_, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(file)))
	return err == nil
}

func statusText(code int) string {
	return fmt.Sprintf("HTTP %d %s", code, http.StatusText(code))
}

// reason is an error as a report line: without the URL the report repeats.
func reason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return err.Error()
}

// articleHash fingerprints what the reader took from a page: a page whose
// view counter, date of the day or sidebar changed is the same article.
func articleHash(a content.Article) string {
	data, _ := json.Marshal(struct {
		T, D, C, Au string
		P           []string
		Ct          []content.Contact
	}{a.Title, a.Date, a.Category, a.Author, a.Paragraphs, a.Contacts})
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:12])
}

var (
	headRE        = regexp.MustCompile(`(?i)<head(\s[^>]*)?>`)
	metaCharsetRE = regexp.MustCompile(`(?i)(<meta[^>]*charset\s*=\s*["']?)[a-z0-9_.:-]+`)
	slugCleanRE   = regexp.MustCompile(`[^a-z0-9]+`)
	hostCleanRE   = regexp.MustCompile(`[^a-z0-9.]+`)
)

// withSource marks the page with the live URL it was read from: the HTML
// reader takes the first og:url as the article's source, so this one, put
// first in <head>, wins over a stale one the portal's template prints.
func withSource(page []byte, source string) []byte {
	tag := `<meta property="og:url" content="` + html.EscapeString(source) + `"><!-- saved by kyanhbot sync -->`
	if loc := headRE.FindIndex(page); loc != nil {
		out := make([]byte, 0, len(page)+len(tag))
		out = append(out, page[:loc[1]]...)
		out = append(out, tag...)
		return append(out, page[loc[1]:]...)
	}
	return append([]byte(tag), page...)
}

// fileName is where an article URL is saved: a folder per host, the page's
// slug for a human reading the folder, and a hash of the URL to keep two
// pages apart whose slugs are alike.
func fileName(u string) string {
	pu, _ := url.Parse(u)
	host := hostCleanRE.ReplaceAllString(strings.ToLower(strings.TrimPrefix(pu.Host, "www.")), "-")
	seg := strings.ToLower(path.Base(strings.TrimSuffix(pu.Path, "/")))
	seg = strings.TrimSuffix(seg, path.Ext(seg))
	slug := strings.Trim(slugCleanRE.ReplaceAllString(seg, "-"), "-")
	if len(slug) > 80 {
		slug = strings.Trim(slug[:80], "-")
	}
	if slug == "" {
		slug = "trang"
	}
	sum := sha256.Sum256([]byte(u))
	return host + "/" + slug + "-" + hex.EncodeToString(sum[:4]) + ".html"
}
