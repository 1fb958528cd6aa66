package portal

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/mmcdole/gofeed"
	"github.com/temoto/robotstxt"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedPaths are where portals usually publish a feed when no page links one.
var feedPaths = []string{"/rss", "/feed", "/rss.xml", "/feed.xml", "/atom.xml"}

// sitemapPaths are where a sitemap usually is when robots.txt names none.
var sitemapPaths = []string{"/sitemap.xml", "/sitemap_index.xml"}

// Bounds of discovery, so that a huge or looping site still ends.
const (
	maxSitemaps    = 50  // sitemap files read, indexes included
	maxSitemapNest = 3   // levels of sitemap index
	maxListings    = 200 // listing pages read
)

// discovery collects the article URLs of a portal, in the order found:
// sitemaps, then feeds, then listing pages.
type discovery struct {
	s        *syncer
	seen     map[string]bool // article URLs found
	urls     []string
	sitemaps int
	listings int
	visited  map[string]bool // listing and sitemap URLs read
}

func (d *discovery) add(u *url.URL) {
	k := u.String()
	if d.seen[k] {
		return
	}
	d.seen[k] = true
	d.urls = append(d.urls, k)
}

// robots reads robots.txt: its rules for the bot and its Sitemap lines. A
// robots.txt that answers 4xx allows everything; one that answers 5xx or not
// at all forbids everything, as search engines do.
func (s *syncer) robots(ctx context.Context) (*robotstxt.Group, []string, error) {
	u := s.root.ResolveReference(&url.URL{Path: "/robots.txt"})
	resp, err := s.f.get(ctx, u.String(), validators{})
	if err != nil {
		return nil, nil, err
	}
	data, err := robotstxt.FromStatusAndBytes(resp.status, resp.body)
	if err != nil {
		// Unparseable lines: robotstxt keeps what it could read.
		s.log.Warn("sync: robots.txt has errors", "err", err)
		if data == nil {
			data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		}
	}
	return data.FindGroup(s.o.agentName()), data.Sitemaps, nil
}

// discover finds the article URLs: sitemaps (from robots.txt, else the usual
// paths), feeds (linked from the start page, else the usual paths), then the
// start page and the listing pages it leads to, with their pagination.
func (s *syncer) discover(ctx context.Context, sitemaps []string, start *response) []string {
	d := &discovery{s: s, seen: map[string]bool{}, visited: map[string]bool{}}
	if len(sitemaps) == 0 {
		for _, p := range sitemapPaths {
			sitemaps = append(sitemaps, s.root.ResolveReference(&url.URL{Path: p}).String())
		}
	}
	for _, sm := range sitemaps {
		d.sitemap(ctx, sm, 0)
	}
	var doc *html.Node
	if start != nil && isHTML(start.mimeType) {
		body, _, err := utf8Page(start.body, start.header.Get("Content-Type"))
		if err == nil {
			doc, _ = html.Parse(bytes.NewReader(body))
		}
	}
	feeds := feedLinks(doc, start)
	if len(feeds) == 0 {
		for _, p := range feedPaths {
			feeds = append(feeds, s.root.ResolveReference(&url.URL{Path: p}).String())
		}
	}
	for _, f := range feeds {
		d.feed(ctx, f)
	}
	if doc != nil {
		d.listing(ctx, start.url, doc)
	}
	return d.urls
}

type urlset struct {
	URLs []struct {
		Loc string `xml:"loc"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// sitemap reads a sitemap or a sitemap index (plain or gzipped).
func (d *discovery) sitemap(ctx context.Context, u string, depth int) {
	if depth > maxSitemapNest || d.sitemaps >= maxSitemaps || d.visited[u] || ctx.Err() != nil {
		return
	}
	d.visited[u] = true
	pu, ok := d.s.resource(u, nil)
	if !ok {
		return
	}
	d.sitemaps++
	resp, err := d.s.f.get(ctx, pu.String(), validators{})
	if err != nil || resp.status != http.StatusOK {
		return
	}
	body := resp.body
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return
		}
		body, err = io.ReadAll(io.LimitReader(zr, d.s.o.MaxBytes))
		if err != nil {
			return
		}
	}
	var set urlset
	if err := xml.Unmarshal(body, &set); err != nil {
		d.s.log.Debug("sync: not a sitemap", "url", u, "err", err)
		return
	}
	for _, sm := range set.Sitemaps {
		d.sitemap(ctx, strings.TrimSpace(sm.Loc), depth+1)
	}
	for _, e := range set.URLs {
		if au, ok := d.s.onSite(strings.TrimSpace(e.Loc), nil); ok && d.s.isArticle(au) {
			d.add(au)
		}
	}
}

// feed reads an RSS, Atom or JSON feed: its items are articles.
func (d *discovery) feed(ctx context.Context, u string) {
	if d.visited[u] || ctx.Err() != nil {
		return
	}
	d.visited[u] = true
	pu, ok := d.s.resource(u, nil)
	if !ok {
		return
	}
	resp, err := d.s.f.get(ctx, pu.String(), validators{})
	if err != nil || resp.status != http.StatusOK || isHTML(resp.mimeType) {
		return
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.body))
	if err != nil {
		d.s.log.Debug("sync: not a feed", "url", u, "err", err)
		return
	}
	for _, it := range feed.Items {
		links := append([]string{it.Link}, it.Links...)
		for _, l := range links {
			if au, ok := d.s.onSite(l, resp.url); ok && d.s.included(au) {
				d.add(au)
				break
			}
		}
	}
}

// feedLinks are the feeds a page links with <link rel="alternate">.
func feedLinks(doc *html.Node, page *response) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Link &&
			strings.Contains(strings.ToLower(attr(n, "rel")), "alternate") {
			t := strings.ToLower(attr(n, "type"))
			if strings.Contains(t, "rss") || strings.Contains(t, "atom") || strings.Contains(t, "feed+json") {
				if ref, err := url.Parse(strings.TrimSpace(attr(n, "href"))); err == nil {
					out = append(out, page.url.ResolveReference(ref).String())
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if doc != nil {
		walk(doc)
	}
	return out
}

type listingPage struct {
	u     *url.URL
	depth int
}

// listing walks listing pages breadth-first from the start page: article
// links are kept; other links on the site are listings one level deeper, up
// to Depth; pagination links stay at their page's depth, so every page of a
// category is read. maxListings bounds the walk.
func (d *discovery) listing(ctx context.Context, start *url.URL, doc *html.Node) {
	queue := []listingPage{{u: start, depth: 0}}
	d.visited[start.String()] = true
	first := doc
	for len(queue) > 0 && d.listings < maxListings && ctx.Err() == nil {
		p := queue[0]
		queue = queue[1:]
		page := first
		base := p.u
		first = nil
		if page == nil {
			resp, err := d.s.f.get(ctx, p.u.String(), validators{})
			if err != nil || resp.status != http.StatusOK || !isHTML(resp.mimeType) {
				continue
			}
			body, _, err := utf8Page(resp.body, resp.header.Get("Content-Type"))
			if err != nil {
				continue
			}
			if page, err = html.Parse(bytes.NewReader(body)); err != nil {
				continue
			}
			base = resp.url
		}
		d.listings++
		for _, l := range pageLinks(page) {
			u, ok := d.s.onSite(l.href, base)
			if !ok {
				continue
			}
			k := u.String()
			switch {
			case d.s.isArticle(u):
				d.add(u)
			case d.visited[k]:
			case isPagination(u, l.text):
				d.visited[k] = true
				queue = append(queue, listingPage{u: u, depth: p.depth})
			case p.depth < d.s.o.Depth:
				d.visited[k] = true
				queue = append(queue, listingPage{u: u, depth: p.depth + 1})
			}
		}
	}
}

type link struct{ href, text string }

// pageLinks are a page's <a href> links with their text.
func pageLinks(doc *html.Node) []link {
	var out []link
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if h := strings.TrimSpace(attr(n, "href")); h != "" {
				out = append(out, link{href: h, text: strings.TrimSpace(textOf(n))})
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// onSite resolves a link against base and keeps it when it is an http(s) URL
// on the portal's host, allowed by robots.txt and not a static file. The
// fragment is dropped: it names a place in the same page.
func (s *syncer) onSite(href string, base *url.URL) (*url.URL, bool) {
	u, ok := s.resource(href, base)
	if !ok || staticExt[strings.ToLower(path.Ext(u.Path))] {
		return nil, false
	}
	return u, true
}

// resource is onSite for sitemaps and feeds, which are static files.
func (s *syncer) resource(href string, base *url.URL) (*url.URL, bool) {
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return nil, false
	}
	u := ref
	if base != nil {
		u = base.ResolveReference(ref)
	}
	if u.Scheme != "http" && u.Scheme != "https" || !sameSite(u.Host, s.root.Host) {
		return nil, false
	}
	u.Fragment, u.RawFragment = "", ""
	if !s.allowed(u) {
		return nil, false
	}
	return u, true
}

// sameSite compares hosts without a leading "www.": portals serve both.
func sameSite(a, b string) bool {
	return strings.TrimPrefix(strings.ToLower(a), "www.") == strings.TrimPrefix(strings.ToLower(b), "www.")
}

// staticExt are files that are never articles.
var staticExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true, ".bmp": true,
	".css": true, ".js": true, ".json": true, ".xml": true, ".rss": true, ".txt": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".zip": true, ".rar": true, ".7z": true, ".gz": true,
	".mp3": true, ".mp4": true, ".avi": true, ".wmv": true, ".flv": true,
}

// included says whether an article URL is wanted: it matches -include when
// one is given.
func (s *syncer) included(u *url.URL) bool {
	return s.o.Include == nil || s.o.Include.MatchString(u.String())
}

// isArticle says whether a link leads to an article: it matches -include,
// or, without one, it looks like an article.
func (s *syncer) isArticle(u *url.URL) bool {
	if s.o.Include != nil {
		return s.o.Include.MatchString(u.String())
	}
	return looksLikeArticle(u)
}

var (
	idParamRE = regexp.MustCompile(`(?i)^(id|itemid|newsid|articleid|postid|p|tid|nid|news)$`)
	digitsRE  = regexp.MustCompile(`[0-9]{3,}`)
	pageRE    = regexp.MustCompile(`(?i)(^|[/_-])(page|trang|p)[/_-]?[0-9]+$`)
)

// looksLikeArticle says whether a URL has the shape of an article on a
// portal: a long slug ("ubnd-xa-to-chuc-hoi-nghi-trien-khai-nhiem-vu") or an
// id (a run of digits in the last segment, "?ItemID=1234"). Categories and
// listing pages have short names and no id.
func looksLikeArticle(u *url.URL) bool {
	for k, vs := range u.Query() {
		if pageParam(k) {
			return false
		}
		if idParamRE.MatchString(k) && len(vs) > 0 && digitsRE.MatchString(vs[0]) {
			return true
		}
	}
	seg := strings.ToLower(path.Base(strings.TrimSuffix(u.Path, "/")))
	seg = strings.TrimSuffix(seg, path.Ext(seg))
	if seg == "" || seg == "." || seg == "/" || pageRE.MatchString(seg) {
		return false
	}
	if digitsRE.MatchString(seg) {
		return true
	}
	return len(strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' })) >= 6
}

func pageParam(k string) bool {
	switch strings.ToLower(k) {
	case "page", "trang", "pageindex", "paged", "pg", "start", "offset":
		return true
	}
	return false
}

// isPagination says whether a listing's link leads to another page of the
// same listing: a page number in the URL, or a link that reads as a page
// number or "next".
func isPagination(u *url.URL, text string) bool {
	for k := range u.Query() {
		if pageParam(k) {
			return true
		}
	}
	if pageRE.MatchString(strings.TrimSuffix(u.Path, "/")) {
		return true
	}
	t := strings.ToLower(strings.TrimSpace(text))
	if t != "" && strings.Trim(t, "0123456789") == "" {
		return true
	}
	switch t {
	case "»", "›", ">", ">>", "tiếp", "sau", "trang sau", "tiếp theo", "next", "cuối", "trang cuối":
		return true
	}
	return false
}
