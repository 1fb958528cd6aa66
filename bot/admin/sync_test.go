package admin

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/store"
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
			Options:  portal.Options{From: p.URL("/"), Dir: c.ContentDir, Timeout: time.Second, Retries: -1},
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
