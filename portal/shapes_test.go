package portal_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/portal"
	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

// plainPortal is a portal of the other common shape: no robots.txt (404),
// so no Sitemap line; a gzipped sitemap only at /sitemap.xml; an Atom feed
// only at /feed, linked from no page; categories two and three links deep;
// Last-Modified instead of ETag; a page whose charset only its
// Content-Type header declares; 503s with a Retry-After as an HTTP date and
// one asking to wait an hour. Synthetic pages, invented place.
type plainPortal struct {
	*httptest.Server
	mu        sync.Mutex
	hits      map[string][]time.Time
	notMod    map[string]int
	modified  time.Time
	busyOnce  bool
	retryDate string // the Retry-After the busy page sent, as an HTTP date
}

const (
	ppSitemapOnly = "/bai-viet/ke-hoach-phong-chong-bao-lut-nam-2026-xa-gia-lap-301.html"
	ppFeedOnly    = "/bai-viet/thong-bao-thu-hoc-phi-hoc-ky-mot-truong-mam-non-302.html"
	ppHome        = "/bai-viet/ubnd-xa-gia-lap-tiep-nhan-ho-so-cap-doi-so-do-303.html"
	ppPage1       = "/bai-viet/xa-gia-lap-hoan-thanh-duong-giao-thong-thon-dong-304.html"
	ppPage2       = "/bai-viet/xa-gia-lap-to-chuc-ngay-hoi-hien-mau-tinh-nguyen-305.html"
	ppDepth2      = "/bai-viet/lich-tiem-chung-mo-rong-thang-muoi-hai-tai-tram-y-te-306.html"
	ppDepth3      = "/bai-viet/bai-viet-nam-qua-sau-de-tim-thay-voi-do-sau-mac-dinh-307.html"
	ppBusy        = "/bai-viet/ket-qua-kiem-tra-an-toan-thuc-pham-cuoi-nam-xa-gia-lap-308.html"
	ppHour        = "/bai-viet/trang-yeu-cau-cho-mot-gio-truoc-khi-doc-lai-309.html"
	ppHeader1258  = "/bai-viet/xa-gia-lap-cong-bo-danh-sach-ho-ngheo-nam-2026-310.html"
	ppOffSite     = "/bai-viet/thu-tuc-hanh-chinh-chuyen-sang-cong-dich-vu-cong-311.html" // 302 to another host
	ppCategory    = "/chuyen-muc/tin-tuc"
	ppSub         = "/chuyen-muc/tin-tuc/con"
	ppSubSub      = "/chuyen-muc/tin-tuc/con/chau"
)

// ppFacts are what each article says: each one a sentence only it has.
var ppFacts = map[string]string{
	ppSitemapOnly: "Xã Giả Lập bố trí 4 điểm sơ tán dân khi có bão lớn, gồm trường tiểu học và nhà văn hóa các thôn.",
	ppFeedOnly:    "Học phí học kỳ một của trường mầm non xã Giả Lập là 150.000 đồng mỗi tháng, thu đến hết ngày 30/11/2026.",
	ppHome:        "Bộ phận một cửa xã Giả Lập tiếp nhận hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất vào sáng thứ Ba và thứ Năm.",
	ppPage1:       "Tuyến đường giao thông thôn Đông dài 1,2 km, rộng 5 m, tổng kinh phí 2,1 tỷ đồng từ ngân sách xã Giả Lập.",
	ppPage2:       "Ngày hội hiến máu tình nguyện xã Giả Lập tiếp nhận 86 đơn vị máu từ cán bộ, đoàn viên và nhân dân.",
	ppDepth2:      "Trạm y tế xã Giả Lập tiêm chủng mở rộng vào ngày 15 hằng tháng cho trẻ dưới 5 tuổi.",
	ppDepth3:      "Trang này nằm sâu ba tầng chuyên mục, quá độ sâu mặc định của lần đồng bộ.",
	ppBusy:        "Đoàn kiểm tra liên ngành xã Giả Lập kiểm tra 24 cơ sở kinh doanh thực phẩm, nhắc nhở 3 cơ sở.",
	ppHour:        "Trang này luôn yêu cầu chờ một giờ.",
	ppHeader1258:  "Năm 2026, xã Giả Lập còn 37 hộ nghèo và 52 hộ cận nghèo theo chuẩn nghèo đa chiều.",
}

func ppTitle(path string) string {
	seg := strings.TrimSuffix(filepath.Base(path), ".html")
	return strings.ReplaceAll(seg[:strings.LastIndex(seg, "-")], "-", " ")
}

func newPlainPortal(t *testing.T) *plainPortal {
	p := &plainPortal{hits: map[string][]time.Time{}, notMod: map[string]int{}, modified: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Server.Close)
	return p
}

func (p *plainPortal) requests(path string) []time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]time.Time(nil), p.hits[path]...)
}

func (p *plainPortal) listing(w http.ResponseWriter, links ...string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, `<!DOCTYPE html><!-- synthetic --><html><head><meta charset="utf-8"><title>Cổng thông tin xã Giả Lập</title></head><body><ul>`)
	for _, l := range links {
		text, href, _ := strings.Cut(l, "|")
		if href == "" {
			text, href = "Xem tiếp", text
		}
		fmt.Fprintf(w, `<li><a href="%s">%s</a></li>`, href, html.EscapeString(text))
	}
	fmt.Fprint(w, `</ul></body></html>`)
}

func (p *plainPortal) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.hits[r.URL.RequestURI()] = append(p.hits[r.URL.RequestURI()], time.Now())
	p.mu.Unlock()
	switch r.URL.RequestURI() {
	case "/sitemap.xml":
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		fmt.Fprintf(zw, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s%s</loc></url></urlset>`, p.URL, ppSitemapOnly)
		zw.Close()
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(b.Bytes())
	case "/feed":
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tin mới xã Giả Lập (synthetic)</title><id>urn:gia-lap</id><updated>2026-11-20T08:00:00Z</updated>
<entry><title>Học phí</title><id>urn:302</id><updated>2026-11-20T08:00:00Z</updated><link rel="alternate" href="%s%s"/></entry></feed>`, p.URL, ppFeedOnly)
	case "/":
		p.listing(w, ppHome, ppBusy, ppHour, ppHeader1258, ppOffSite, "Tin tức|"+ppCategory,
			"https://dichvucong.example.invalid/thu-tuc-hanh-chinh-cap-xa-dang-ky-khai-sinh-123.html")
	case ppCategory:
		p.listing(w, ppPage1, "2|"+ppCategory+"?trang=2", "Chuyên mục con|"+ppSub)
	case ppCategory + "?trang=2":
		p.listing(w, ppPage2, "1|"+ppCategory)
	case ppSub:
		p.listing(w, ppDepth2, "Chuyên mục cháu|"+ppSubSub)
	case ppSubSub:
		p.listing(w, ppDepth3)
	default:
		p.article(w, r)
	}
}

func (p *plainPortal) article(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if path == ppOffSite {
		http.Redirect(w, r, "https://dichvucong.example.invalid/thu-tuc", http.StatusFound)
		return
	}
	fact, ok := ppFacts[path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch path {
	case ppHour:
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	case ppBusy:
		p.mu.Lock()
		busy := !p.busyOnce
		if busy {
			p.busyOnce = true
			// Two seconds ahead at the HTTP date's one-second precision:
			// the sync must wait at least one.
			p.retryDate = time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)
			w.Header().Set("Retry-After", p.retryDate)
		}
		p.mu.Unlock()
		if busy {
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
			return
		}
	}
	// Last-Modified only, no ETag: the conditional GET is If-Modified-Since.
	lm := p.modified.Format(http.TimeFormat)
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !p.modified.After(t) {
			p.mu.Lock()
			p.notMod[path]++
			p.mu.Unlock()
			w.Header().Set("Last-Modified", lm)
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	title := ppTitle(path)
	head := `<meta charset="utf-8">`
	if path == ppHeader1258 {
		head = "" // the charset is in the Content-Type header only
	}
	page := fmt.Sprintf(`<!DOCTYPE html><!-- synthetic test page: fictional commune --><html lang="vi"><head>%s<meta name="synthetic" content="true"><title>%s</title></head><body>
<nav><a href="/">Trang chủ</a></nav><div class="news-detail"><h1>%s</h1><div class="date">Ngày đăng: 20/11/2026</div>
<div class="news-content"><p>%s</p><p>Thông tin do Văn phòng HĐND và UBND xã Giả Lập cung cấp để người dân biết và thực hiện.</p></div></div></body></html>`,
		head, html.EscapeString(title), html.EscapeString(title), html.EscapeString(fact))
	w.Header().Set("Last-Modified", lm)
	if path == ppHeader1258 {
		w.Header().Set("Content-Type", "text/html; charset=windows-1258")
		w.Write(portaltest.EncodeWindows1258(page))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, page)
}

// TestSyncPlainPortal: discovery without robots.txt or any link to the
// sitemap and feed (the usual paths), a gzipped sitemap, an Atom feed,
// categories and their pagination to the default depth and not beyond;
// Retry-After as an HTTP date honoured and one of an hour refused; the
// charset of the Content-Type header; Last-Modified conditional GETs on the
// second run.
func TestSyncPlainPortal(t *testing.T) {
	p := newPlainPortal(t)
	dir := t.TempDir()
	o := portal.Options{From: p.URL + "/", Dir: dir, Timeout: 5 * time.Second, Backoff: 10 * time.Millisecond}
	rep := mustSync(t, o)
	pages := byURL(rep)
	saved := []string{ppSitemapOnly, ppFeedOnly, ppHome, ppPage1, ppPage2, ppDepth2, ppBusy, ppHeader1258}
	for _, path := range saved {
		if got := pages[p.URL+path]; got.Outcome != portal.New {
			t.Errorf("%s: %q %q, want new", path, got.Outcome, got.Reason)
		}
	}
	if got := pages[p.URL+ppHour]; got.Outcome != portal.Failed || !strings.Contains(got.Reason, "Retry-After 1h0m0s") {
		t.Errorf("Retry-After of an hour: %q %q, want failed at once", got.Outcome, got.Reason)
	}
	if n := len(p.requests(ppHour)); n != 1 {
		t.Errorf("page asking for an hour requested %d times, want 1", n)
	}
	if got := pages[p.URL+ppOffSite]; got.Outcome != portal.Failed || !strings.Contains(got.Reason, "off the site") {
		t.Errorf("redirect to another host: %q %q, want failed, not followed", got.Outcome, got.Reason)
	}
	for _, pg := range rep.Pages {
		if !strings.HasPrefix(pg.URL, p.URL+"/") {
			t.Errorf("a page off the portal's host was synced: %s", pg.URL)
		}
	}
	if _, ok := pages[p.URL+ppDepth3]; ok || len(p.requests(ppSubSub)) != 0 {
		t.Errorf("a listing beyond the default depth was read (%d requests)", len(p.requests(ppSubSub)))
	}
	busy := p.requests(ppBusy)
	if len(busy) != 2 {
		t.Fatalf("503 page with Retry-After requested %d times, want 2", len(busy))
	}
	// A lower bound only, so it holds on a loaded machine: the date was
	// 2 s ahead at one-second precision.
	if gap := busy[1].Sub(busy[0]); gap < time.Second {
		t.Errorf("retried %s after a Retry-After of %q, want at least 1s", gap, p.retryDate)
	}
	if got, want := len(rep.Pages), len(saved)+2; got != want {
		t.Errorf("%d pages, want %d: %+v", got, want, rep.Pages)
	}

	c, err := content.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string]string{}
	for _, a := range c.Articles {
		facts[a.Source] = strings.Join(a.Paragraphs, " ")
	}
	for _, path := range saved {
		if got := facts[p.URL+path]; !strings.Contains(got, ppFacts[path]) {
			t.Errorf("%s: saved text %q lacks %q", path, got, ppFacts[path])
		}
	}
	var legacy string
	for _, pg := range rep.Pages {
		if pg.URL == p.URL+ppHeader1258 {
			legacy = pg.File
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, legacy))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("37 hộ nghèo")) {
		t.Errorf("page with its charset in the header only not saved as UTF-8:\n%.500s", data)
	}

	second := mustSync(t, o)
	for _, path := range saved {
		if got := byURL(second)[p.URL+path].Outcome; got != portal.Unchanged {
			t.Errorf("second run %s: %q, want unchanged", path, got)
		}
		p.mu.Lock()
		n := p.notMod[path]
		p.mu.Unlock()
		if n != 1 {
			t.Errorf("%s: %d If-Modified-Since answered 304, want 1", path, n)
		}
	}
}
