// Package portaltest serves a fake local-government portal over httptest for
// the sync's tests and benchmarks: synthetic pages (invented places, names
// and numbers, marked synthetic) in the shapes real Vietnamese portals have —
// a sitemap index, an RSS feed, listings with numbered pagination, article
// pages with breadcrumbs, sidebars, "tin liên quan" and a footer of contacts,
// a Windows-1258 page, and the faults a crawler meets: redirects and a
// redirect loop, 404/410, 500, 429 with Retry-After, a slow page, a 20 MB
// page, a PDF behind an article URL, a page with no text, Disallow rules.
package portaltest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Article is one synthetic article page of the fake portal.
type Article struct {
	Path       string // "/tin-tuc/…-123.html"
	Title      string
	Category   string
	Date       string // DD/MM/YYYY
	Paragraphs []string
	// Charset "windows-1258" serves the page in that encoding, declared only
	// in its <meta>; empty serves UTF-8.
	Charset string
	// Only is "sitemap" or "rss" for an article that only the sitemap or
	// only the feed lists; empty for one every listing shows.
	Only string
}

// Fault paths of the fake portal: the tests assert what the sync made of
// each.
const (
	PathRedirectOld = "/tin-tuc/bai-viet-cu-da-chuyen-sang-dia-chi-moi-201.html" // 301 → PathRedirectNew
	PathRedirectNew = "/tin-tuc/xa-thu-nghiem-cong-bo-lich-tiep-cong-dan-thang-muoi-202.html"
	PathLoopA       = "/tin-tuc/trang-chuyen-huong-vong-tron-thu-nhat-203.html" // ↔ PathLoopB
	PathLoopB       = "/tin-tuc/trang-chuyen-huong-vong-tron-thu-hai-204.html"
	PathMissing     = "/tin-tuc/bai-viet-khong-con-ton-tai-tren-cong-205.html"               // 404
	PathServerError = "/tin-tuc/trang-loi-may-chu-khi-doc-bai-viet-206.html"                 // always 500
	PathBusy        = "/tin-tuc/ket-qua-thu-nop-ngan-sach-xa-quy-ba-207.html"                // 429 Retry-After: 1 once, then the article
	PathSlow        = "/tin-tuc/trang-phan-hoi-rat-cham-tu-may-chu-208.html"                 // answers after the client gives up
	PathHuge        = "/tin-tuc/trang-co-dung-luong-hai-muoi-megabyte-209.html"              // 20 MB of HTML
	PathPDF         = "/tin-tuc/van-ban-ke-hoach-so-12-kh-ubnd-dinh-kem-210.html"            // a PDF
	PathEmpty       = "/tin-tuc/trang-chi-hien-thi-bang-javascript-moi-doc-211.html"         // no text without JavaScript
	PathDisallowed  = "/noi-bo/bien-ban-hop-noi-bo-cua-uy-ban-nhan-dan-xa-212.html"          // Disallow: /noi-bo/
	PathSitemapOnly = "/tin-tuc/ke-hoach-to-chuc-ngay-hoi-dai-doan-ket-thon-mau-214.html"    // listed only in the sitemap
	PathFeedOnly    = "/tin-tuc/xa-thu-nghiem-ra-quan-ve-sinh-moi-truong-cuoi-tuan-215.html" // listed only in the RSS feed
	PathLegacy      = "/tin-tuc/xa-thu-nghiem-sap-nhap-thon-doi-may-va-khe-lua-213.html"     // Windows-1258
)

// Portal is a running fake portal.
type Portal struct {
	*httptest.Server

	mu       sync.Mutex
	articles map[string]Article
	order    []string
	gone     map[string]int // path → 404 or 410
	hits     map[string]int // path → requests
	cond     map[string]int // path → 304 answers
	agents   map[string]bool
	open     int // requests sent through Client and not yet done with
	maxOpen  int
	bypassed int  // requests that did not come through Client
	busy     bool // PathBusy has answered 429 once
	noFaults bool
	// PerPage is how many articles a listing page shows.
	PerPage int
}

// New starts a fake portal with the standard synthetic articles plus n
// generated ones (for the benchmark of a large sync), and stops it at the
// end of the test.
func New(tb testing.TB, n int) *Portal {
	tb.Helper()
	p := Start(n)
	tb.Cleanup(p.Server.Close)
	return p
}

// Start starts a fake portal outside a test (the fakeportal command); the
// caller closes its Server.
func Start(n int) *Portal {
	p := &Portal{
		articles: map[string]Article{},
		gone:     map[string]int{},
		hits:     map[string]int{},
		cond:     map[string]int{},
		agents:   map[string]bool{},
		PerPage:  10,
	}
	for _, a := range standard() {
		p.put(a)
	}
	for i := range n {
		p.put(Generated(i))
	}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	return p
}

func (p *Portal) put(a Article) {
	if _, ok := p.articles[a.Path]; !ok {
		p.order = append(p.order, a.Path)
	}
	p.articles[a.Path] = a
}

// Set adds or replaces an article.
func (p *Portal) Set(a Article) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.gone, a.Path)
	p.put(a)
}

// Article returns the article at path.
func (p *Portal) Article(path string) Article {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.articles[path]
}

// Delete makes an article answer status (404 or 410) and leaves every
// listing, the sitemap and the feed.
func (p *Portal) Delete(path string, status int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gone[path] = status
}

// Hits is how many requests path has had; NotModified how many got 304.
func (p *Portal) Hits(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hits[path]
}

// NotModified is how many requests for path were answered 304.
func (p *Portal) NotModified(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cond[path]
}

// viaClient marks the requests sent through Client.
const viaClient = "X-Portaltest-Client"

// Client is the HTTP client for a sync under test: it counts the requests
// the sync has open at once, from sending one until its body is closed or
// the request fails. The count is the client's because only the client
// knows when it gave up: the server notices a dropped connection (the slow
// page's timeout, the huge page's size limit) some time later — on a loaded
// machine after the next request has come in — so counting handlers would
// see two requests at once where the sync had one.
func (p *Portal) Client() *http.Client {
	return &http.Client{Transport: &counting{p: p, base: p.Server.Client().Transport}}
}

// MaxInFlight is the most requests the sync had open at once through
// Client.
func (p *Portal) MaxInFlight() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.maxOpen
}

// Bypassed is how many requests the portal got that did not come through
// Client, which MaxInFlight does not see.
func (p *Portal) Bypassed() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.bypassed
}

// counting is Client's transport.
type counting struct {
	p    *Portal
	base http.RoundTripper
}

func (c *counting) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set(viaClient, "1")
	c.p.mu.Lock()
	c.p.open++
	c.p.maxOpen = max(c.p.maxOpen, c.p.open)
	c.p.mu.Unlock()
	var once sync.Once
	done := func() {
		once.Do(func() {
			c.p.mu.Lock()
			c.p.open--
			c.p.mu.Unlock()
		})
	}
	resp, err := c.base.RoundTrip(r)
	if err != nil {
		done()
		return nil, err
	}
	resp.Body = &closeBody{ReadCloser: resp.Body, done: done}
	return resp, nil
}

// closeBody ends a counted request when its body is closed.
type closeBody struct {
	io.ReadCloser
	done func()
}

func (b *closeBody) Close() error {
	defer b.done()
	return b.ReadCloser.Close()
}

// UserAgents are the User-Agent headers seen.
func (p *Portal) UserAgents() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for a := range p.agents {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// URL is the absolute URL of path.
func (p *Portal) URL(path string) string { return p.Server.URL + path }

// Paths are the standard and generated articles' paths, in order.
func (p *Portal) Paths() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.order...)
}

func (p *Portal) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.hits[r.URL.Path]++
	p.agents[r.UserAgent()] = true
	if r.Header.Get(viaClient) == "" {
		p.bypassed++
	}
	p.mu.Unlock()

	switch path := r.URL.Path; {
	case path == "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nDisallow: /noi-bo/\nDisallow: /quan-tri/\n\nUser-agent: BadBot\nDisallow: /\n\nSitemap: %s/sitemap-index.xml\n", p.Server.URL)
	case path == "/sitemap-index.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap-tin-tuc.xml</loc></sitemap>
<sitemap><loc>%[1]s/sitemap-khac.xml</loc></sitemap>
</sitemapindex>`, p.Server.URL)
	case path == "/sitemap-tin-tuc.xml":
		p.sitemap(w, func(i int) bool { return i%2 == 0 })
	case path == "/sitemap-khac.xml":
		p.sitemap(w, func(i int) bool { return i%2 == 1 })
	case path == "/rss/tin-moi.rss":
		p.rss(w)
	case path == "/" || path == "/tin-tuc" || path == "/thong-bao":
		p.listing(w, r)
	case path == "/quan-tri/dang-nhap" || strings.HasPrefix(path, "/noi-bo/"):
		// Disallowed: a polite crawler never asks.
		http.Error(w, "forbidden", http.StatusForbidden)
	default:
		p.page(w, r)
	}
}

// page serves an article or one of the faults.
func (p *Portal) page(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	switch path {
	case PathRedirectOld:
		http.Redirect(w, r, PathRedirectNew, http.StatusMovedPermanently)
		return
	case PathLoopA:
		http.Redirect(w, r, PathLoopB, http.StatusFound)
		return
	case PathLoopB:
		http.Redirect(w, r, PathLoopA, http.StatusFound)
		return
	case PathServerError:
		http.Error(w, "Server Error in '/' Application.", http.StatusInternalServerError)
		return
	case PathSlow:
		// Held until the client gives up: the test's timeout, not a sleep.
		<-r.Context().Done()
		return
	case PathHuge:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><div class=\"news-content\">")
		chunk := []byte(strings.Repeat("<p>Đoạn văn lặp lại rất nhiều lần để trang nặng hai mươi megabyte.</p>\n", 1000))
		for written := 0; written < 20<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
		fmt.Fprint(w, "</div></body></html>")
		return
	case PathPDF:
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
		return
	case PathEmpty:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><!-- synthetic --><html><head><meta charset="utf-8"><script src="/app.js"></script></head><body><div id="root"></div><script>render()</script></body></html>`)
		return
	}
	p.mu.Lock()
	a, ok := p.articles[path]
	gone := p.gone[path]
	busy := path == PathBusy && !p.busy
	if busy {
		p.busy = true
	}
	p.mu.Unlock()
	switch {
	case gone != 0:
		http.Error(w, http.StatusText(gone), gone)
		return
	case !ok:
		http.NotFound(w, r)
		return
	case busy:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "Too many requests", http.StatusTooManyRequests)
		return
	}
	body := []byte(p.render(a))
	ctype := "text/html; charset=utf-8"
	if a.Charset == "windows-1258" {
		body = EncodeWindows1258(string(body))
		ctype = "text/html"
	}
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", ctype)
	if r.Header.Get("If-None-Match") == etag {
		p.mu.Lock()
		p.cond[path]++
		p.mu.Unlock()
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(body)
}

// live are the articles every listing, the sitemap and the feed show.
func (p *Portal) live() []Article {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Article
	for _, path := range p.order {
		if p.gone[path] == 0 {
			out = append(out, p.articles[path])
		}
	}
	return out
}

// WithoutFaults leaves the faulty pages out of the listings, the sitemap
// and the feed: for tests of what happens after a sync, not during one.
func (p *Portal) WithoutFaults() *Portal {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.noFaults, p.busy = true, true
	return p
}

// links are the article links a listing ("list"), the sitemap ("sitemap")
// or the feed ("rss") shows: the live articles and the faults.
func (p *Portal) links(where string) []string {
	var out []string
	for _, a := range p.live() {
		if a.Only == "" || a.Only == where {
			out = append(out, a.Path)
		}
	}
	p.mu.Lock()
	noFaults := p.noFaults
	p.mu.Unlock()
	if noFaults {
		return out
	}
	return append(out, PathRedirectOld, PathLoopA, PathMissing, PathServerError, PathSlow, PathHuge, PathPDF, PathEmpty, PathDisallowed)
}

func (p *Portal) sitemap(w http.ResponseWriter, keep func(i int) bool) {
	w.Header().Set("Content-Type", "application/xml")
	fmt.Fprintln(w, `<?xml version="1.0" encoding="UTF-8"?>`)
	fmt.Fprintln(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i, l := range p.links("sitemap") {
		if keep(i) {
			fmt.Fprintf(w, "<url><loc>%s%s</loc><changefreq>daily</changefreq></url>\n", p.Server.URL, l)
		}
	}
	fmt.Fprintln(w, `</urlset>`)
}

func (p *Portal) rss(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	fmt.Fprintln(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin mới - Cổng thông tin điện tử xã Thử Nghiệm (synthetic)</title>`)
	fmt.Fprintf(w, "<link>%s/</link><description>synthetic</description>\n", p.Server.URL)
	n := 0
	for _, a := range p.live() {
		if a.Only != "" && a.Only != "rss" {
			continue
		}
		if n++; n > 20 {
			break
		}
		fmt.Fprintf(w, "<item><title>%s</title><link>%s%s</link></item>\n", html.EscapeString(a.Title), p.Server.URL, a.Path)
	}
	fmt.Fprintln(w, `</channel></rss>`)
}

// listing serves the home page and the category pages: ?page=N with
// numbered pagination, links to articles, a menu, and an off-site link.
func (p *Portal) listing(w http.ResponseWriter, r *http.Request) {
	links := p.links("list")
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	pages := (len(links) + p.PerPage - 1) / p.PerPage
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><!-- synthetic --><html><head><meta charset="utf-8"><title>Tin tức - Cổng thông tin điện tử xã Thử Nghiệm</title>`)
	b.WriteString(`<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss"></head><body>`)
	b.WriteString(menuHTML)
	b.WriteString(`<div class="list-news">`)
	if r.URL.Path == "/tin-tuc" {
		from := (page - 1) * p.PerPage
		for _, l := range links[min(from, len(links)):min(from+p.PerPage, len(links))] {
			fmt.Fprintf(&b, `<div class="item"><a href="%s">Xem bài</a></div>`, l)
		}
		b.WriteString(`<div class="pagination">`)
		for i := 1; i <= pages; i++ {
			fmt.Fprintf(&b, `<a href="/tin-tuc?page=%d">%d</a> `, i, i)
		}
		b.WriteString(`</div>`)
	}
	b.WriteString(`<a href="https://dichvucong.example.gov/">Dịch vụ công</a></div>`)
	b.WriteString(footerHTML)
	b.WriteString(`</body></html>`)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, b.String())
}

const menuHTML = `<header><div class="banner">CỔNG THÔNG TIN ĐIỆN TỬ XÃ THỬ NGHIỆM</div></header>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/thong-bao">Thông báo</a></li><li><a href="/quan-tri/dang-nhap">Quản trị</a></li></ul></nav>`

const footerHTML = `<footer id="footer">
<p>CỔNG THÔNG TIN ĐIỆN TỬ XÃ THỬ NGHIỆM</p>
<p>Cơ quan chủ quản: Ủy ban nhân dân xã Thử Nghiệm<br>
Địa chỉ: Thôn Mẫu, xã Thử Nghiệm, huyện Giả Định<br>
Điện thoại: 0000 111 222 - Fax: 0000 111 223 - Email: ubnd@thunghiem.example<br>
Chịu trách nhiệm chính: Lê Văn Mẫu - Chủ tịch UBND xã</p>
<p>@2026 - Ghi rõ nguồn "thunghiem.example" khi phát hành lại thông tin từ Website này</p>
</footer>`

// render is an article page in a portal's shape.
func (p *Portal) render(a Article) string {
	cs := "utf-8"
	if a.Charset != "" {
		cs = a.Charset
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<!-- synthetic test page: fictional commune, names and numbers -->
<html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset=%s">
<meta name="synthetic" content="true">
<title>%s - Cổng thông tin điện tử xã Thử Nghiệm</title>
<meta property="og:url" content="http://stale.example/cu/%s">
</head><body>
%s
<div class="breadcrumb">Trang chủ » Tin tức » %s</div>
<div id="wrapper">
<div class="sidebar"><h3>Tin mới</h3><p>Lịch làm việc tuần của lãnh đạo xã được cập nhật hằng tuần trên cổng.</p></div>
<div class="news-detail">
<h1 class="title">%s</h1>
<div class="date">Ngày đăng: %s</div>
<div class="news-content">
`, cs, html.EscapeString(a.Title), strings.TrimPrefix(a.Path, "/"), menuHTML, html.EscapeString(a.Category), html.EscapeString(a.Title), a.Date)
	for _, para := range a.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(para))
	}
	b.WriteString(`</div>
<div class="tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/tin-tuc">Các tin khác của xã Thử Nghiệm</a></li></ul></div>
<div class="share">Chia sẻ: Facebook Zalo</div>
</div></div>
`)
	b.WriteString(footerHTML)
	b.WriteString("\n</body></html>\n")
	return b.String()
}

// EncodeWindows1258 writes s in Windows-1258 the way legacy portals do: base
// letters with their vowel marks precomposed where the code page has them
// (â, ê, ô, ơ, ư, ă, đ) and the tone marks as combining characters after.
func EncodeWindows1258(s string) []byte {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		d := norm.NFD.String(string(r))
		var base, tones strings.Builder
		for _, c := range d {
			switch c {
			case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
				tones.WriteRune(c)
			default:
				base.WriteRune(c)
			}
		}
		b.WriteString(norm.NFC.String(base.String()))
		b.WriteString(tones.String())
	}
	out, err := charmap.Windows1258.NewEncoder().String(b.String())
	if err != nil {
		panic(fmt.Sprintf("portaltest: not encodable in Windows-1258: %v", err))
	}
	return []byte(out)
}

// standard are the hand-written synthetic articles.
func standard() []Article {
	return []Article{
		{
			Path: "/tin-tuc/xa-thu-nghiem-to-chuc-hoi-nghi-tong-ket-cong-tac-nam-2026-101.html", Title: "Xã Thử Nghiệm tổ chức hội nghị tổng kết công tác năm 2026",
			Category: "Tin hoạt động", Date: "12/11/2026",
			Paragraphs: []string{
				"Sáng ngày 10/11/2026, UBND xã Thử Nghiệm tổ chức hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027.",
				"Năm 2026, tổng thu ngân sách trên địa bàn xã đạt 12,5 tỷ đồng, bằng 104% kế hoạch huyện Giả Định giao.",
			},
		},
		{
			Path: "/tin-tuc/huong-dan-dang-ky-thuong-tru-tai-bo-phan-mot-cua-xa-102.html", Title: "Hướng dẫn đăng ký thường trú tại Bộ phận một cửa xã",
			Category: "Cải cách hành chính", Date: "03/10/2026",
			Paragraphs: []string{
				"Công dân đăng ký thường trú nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của UBND xã Thử Nghiệm vào các ngày làm việc trong tuần.",
				"Thời hạn giải quyết thủ tục đăng ký thường trú là 07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
			},
		},
		{
			Path: "/thong-bao/thong-bao-lich-cat-dien-thon-mau-trong-thang-muoi-mot-103.html", Title: "Thông báo lịch cắt điện thôn Mẫu trong tháng mười một",
			Category: "Thông báo", Date: "01/11/2026",
			Paragraphs: []string{
				"Điện lực huyện Giả Định thông báo tạm ngừng cấp điện tại thôn Mẫu, xã Thử Nghiệm từ 7 giờ đến 11 giờ ngày 20/11/2026 để bảo dưỡng đường dây.",
			},
		},
		{
			Path: PathRedirectNew, Title: "Xã Thử Nghiệm công bố lịch tiếp công dân tháng mười",
			Category: "Tiếp công dân", Date: "28/09/2026",
			Paragraphs: []string{
				"Chủ tịch UBND xã Thử Nghiệm tiếp công dân định kỳ vào sáng thứ Năm tuần thứ hai hằng tháng tại trụ sở UBND xã.",
			},
		},
		{
			Path: PathBusy, Title: "Kết quả thu nộp ngân sách xã quý ba",
			Category: "Kinh tế", Date: "05/10/2026",
			Paragraphs: []string{
				"Quý III năm 2026, thu ngân sách xã Thử Nghiệm đạt 3,2 tỷ đồng, trong đó thu từ đất chiếm 1,1 tỷ đồng.",
			},
		},
		{
			Path: PathSitemapOnly, Title: "Kế hoạch tổ chức Ngày hội Đại đoàn kết thôn Mẫu", Only: "sitemap",
			Category: "Mặt trận", Date: "02/11/2026",
			Paragraphs: []string{"Ngày hội Đại đoàn kết toàn dân tộc thôn Mẫu tổ chức vào ngày 16/11/2026 tại nhà văn hóa thôn, dự kiến 300 hộ tham gia."},
		},
		{
			Path: PathFeedOnly, Title: "Xã Thử Nghiệm ra quân vệ sinh môi trường cuối tuần", Only: "rss",
			Category: "Môi trường", Date: "08/11/2026",
			Paragraphs: []string{"Sáng Chủ nhật 08/11/2026, hơn 250 đoàn viên, hội viên xã Thử Nghiệm ra quân thu gom rác thải dọc tuyến đường liên thôn."},
		},
		{
			Path: PathLegacy, Title: "Xã Thử Nghiệm sáp nhập thôn Đồi Mây và thôn Khe Lúa",
			Category: "Xây dựng chính quyền", Date: "15/08/2026", Charset: "windows-1258",
			Paragraphs: []string{
				"Thực hiện Nghị quyết số 27/NQ-HĐND ngày 01/08/2026 của HĐND xã Thử Nghiệm, thôn Đồi Mây và thôn Khe Lúa được sáp nhập thành thôn Mây Lúa.",
				"Sau sáp nhập, thôn Mây Lúa có 412 hộ với 1.587 nhân khẩu; ông Trần Văn Giả được bầu làm trưởng thôn Mây Lúa.",
			},
		},
	}
}

// Generated is the i-th generated article: synthetic text of a usual length.
func Generated(i int) Article {
	topics := []string{"giao thông nông thôn", "phòng chống dịch bệnh", "khuyến học", "chuyển đổi số", "an toàn thực phẩm", "bảo vệ rừng"}
	t := topics[i%len(topics)]
	var paras []string
	for k := range 6 {
		paras = append(paras, fmt.Sprintf("Đoạn %d: năm 2026, xã Thử Nghiệm triển khai %d nội dung về %s tại thôn Mẫu %d, với kinh phí %d triệu đồng từ ngân sách xã và đóng góp của nhân dân.", k+1, i%17+k, t, i%9+1, 100+i%500))
	}
	return Article{
		Path:       fmt.Sprintf("/tin-tuc/xa-thu-nghiem-trien-khai-cong-tac-%s-dot-%d.html", slug(t), 1000+i),
		Title:      fmt.Sprintf("Xã Thử Nghiệm triển khai công tác %s đợt %d", t, i+1),
		Category:   "Tin hoạt động",
		Date:       fmt.Sprintf("%02d/%02d/2026", i%28+1, i%12+1),
		Paragraphs: paras,
	}
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ReplaceAll(s, "đ", "d")) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == ' ':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
