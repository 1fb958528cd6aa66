package admin

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
	"github.com/kyanhbot/kyanhbot/portal"
	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

// TestSyncCommand: an admin's /sync crawls the (fake) portal into the
// content directory, reloads, and replies with both reports; citizens are
// then answered from the synced page, with its live URL.
func TestSyncCommand(t *testing.T) {
	p := portaltest.New(t, 3)
	lease := &store.MemoryLease{}
	h := start(t, func(c *Config) {
		c.Syncer = &SyncJob{
			// 5 s, not 1 s: only the slow page must time out, and at load 18
			// a good page once took over a second (one more error counted).
			Options:  portal.Options{From: p.URL("/"), Dir: c.ContentDir, Timeout: 5 * time.Second, Retries: -1},
			Lease:    lease,
			Reloader: c.Reloader,
		}
	})
	const question = "thôn Mây Lúa có bao nhiêu hộ"
	if a := h.say(t, citizenUser, question).Visible; strings.Contains(a, "412 hộ") {
		t.Fatalf("answered before the sync: %s", a)
	}
	rep := h.say(t, adminUser, "/sync").Visible
	t.Logf("/sync reply:\n%s", rep)
	contains(t, "/sync report", rep, "Đồng bộ với cổng", p.URL("/"), "Mới 10 · Cập nhật 0 · Không đổi 0 · Đã gỡ 0 · Từ chối 3 · Lỗi 5",
		"Trang từ chối hoặc lỗi", portaltest.PathPDF, "not an HTML page", "Đã nạp lại nội dung", "Bài viết: 2 → 12")
	answer := h.say(t, citizenUser, question)
	contains(t, "answer after /sync", answer.Visible, "412 hộ")
	if !strings.Contains(answer.Text, p.URL(portaltest.PathLegacy)) {
		t.Errorf("answer does not link to the live page %s:\n%s", p.URL(portaltest.PathLegacy), answer.Text)
	}

	again := h.say(t, adminUser, "/sync").Visible
	contains(t, "second /sync", again, "Mới 1 · Cập nhật 0 · Không đổi 10", "Đã nạp lại nội dung")

	// While another replica holds the lease, /sync does nothing.
	release, ok, _ := lease.TryAcquire(context.Background())
	if !ok {
		t.Fatal("lease still held")
	}
	contains(t, "/sync while busy", h.say(t, adminUser, "/sync").Visible, "Một bản khác của bot đang đồng bộ")
	release()
}

func TestSyncCommandNotConfigured(t *testing.T) {
	h := start(t, nil)
	contains(t, "/sync without SYNC_URL", h.say(t, adminUser, "/sync").Visible, "Chưa đặt SYNC_URL")
}

// TestSyncFailureKeepsOldIndex: a portal that cannot be read makes /sync
// reply with the error, and the index loaded before still answers.
func TestSyncFailureKeepsOldIndex(t *testing.T) {
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	h := start(t, func(c *Config) {
		c.Syncer = &SyncJob{
			Options:  portal.Options{From: down.URL + "/", Dir: c.ContentDir, Timeout: time.Second, Retries: -1},
			Lease:    &store.MemoryLease{},
			Reloader: c.Reloader,
		}
	})
	before := h.rl.Current()
	contains(t, "/sync of an unreadable portal", h.say(t, adminUser, "/sync").Visible,
		"Không đồng bộ được", "chỉ mục cũ vẫn trả lời", "could not be read")
	if after := h.rl.Current(); after.Version != before.Version {
		t.Errorf("content version %q → %q after a failed sync", before.Version, after.Version)
	}
	contains(t, "answer after a failed sync", h.say(t, citizenUser, "xã Thử Nghiệm giảm bao nhiêu thôn").Visible, "12 thôn")
}

// countingReloader counts the reloads a sync asks for.
type countingReloader struct {
	Reloader
	n atomic.Int64
}

func (c *countingReloader) Reload(ctx context.Context, req reload.Request) (reload.Report, error) {
	c.n.Add(1)
	return c.Reloader.Reload(ctx, req)
}

// TestSyncEvery: a content directory never synced is synced at start, then
// at every interval; a sync that changed nothing does not reload; Every
// returns when its context ends.
func TestSyncEvery(t *testing.T) {
	p := portaltest.New(t, 0).WithoutFaults()
	dir := t.TempDir()
	live := index.NewLive(nil, index.BuildOptions{})
	t.Cleanup(func() { live.Close() })
	rl := &countingReloader{Reloader: reload.New(reload.Config{Content: os.DirFS(dir), Index: live})}
	j := &SyncJob{Options: portal.Options{From: p.URL("/"), Dir: dir, Timeout: 5 * time.Second}, Lease: &store.MemoryLease{}, Reloader: rl}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { j.Every(ctx, 100*time.Millisecond); close(done) }()
	// The first sync fetches the page; each one after asks whether it changed.
	for deadline := time.Now().Add(30 * time.Second); p.NotModified(portaltest.PathLegacy) < 2; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d syncs in 30s with an interval of 100ms, want 3; the page had %d conditional GETs",
				p.Hits("/robots.txt"), p.NotModified(portaltest.PathLegacy))
		}
	}
	cancel()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Every did not return after its context ended")
	}
	if got := rl.n.Load(); got != 1 {
		t.Errorf("%d reloads, want 1: only the first sync changed the content", got)
	}
}
