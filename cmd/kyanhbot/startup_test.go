package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// TestServeSIGHUPDuringStartup (issue 14, defect 4): a reload asked for while
// serve is still starting (content loading, Telegram slow to answer getMe)
// must not end the process, whose default action for SIGHUP that is; the
// reload is queued and runs once the bot is up.
func TestServeSIGHUPDuringStartup(t *testing.T) {
	bin := buildBinary(t)
	srv := telegramtest.New(t)
	srv.SetLatency(150 * time.Millisecond)
	// getMe answers after 3 s: start-up is still going when SIGHUP comes.
	srv.Inject("getMe", telegramtest.Fault{Delay: 3 * time.Second})
	p := startProc(t, bin, fakeAPIVars(srv, map[string]string{"LOG_LEVEL": "debug"}))
	p.waitLog(t, `"msg":"starting"`, 30*time.Second)
	if err := p.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	if len(srv.Calls("getMe")) > 0 {
		t.Fatal("getMe already answered: the signal did not come during start-up")
	}
	p.waitLog(t, `"telegram: polling"`, 60*time.Second)
	p.waitLog(t, "SIGHUP: reloading content", 30*time.Second)
	user := telegramtest.User{ID: 611, LanguageCode: "vi"}
	srv.SendText(telegramtest.Private(user), user, "/start")
	srv.WaitMessages(t, user.ID, 1)
	if p.exited() {
		t.Fatalf("serve ended: %v", p.err)
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v\n%s", err, p.stderr.String())
	}
}

// TestServeWaitsForTelegram (issue 14, deploy): Telegram unreachable at boot
// (a proxy answering 502) does not end serve: it retries getMe with a logged
// backoff, then serves. The proxy fails the first three getMe calls, however
// long serve takes to reach them: an outage of a fixed 3 s from the test's
// start was over before the first call when loading the content took longer
// (load 20–40), and the test then saw no retry at all.
func TestServeWaitsForTelegram(t *testing.T) {
	const failures = 3
	srv := telegramtest.New(t)
	srv.SetLatency(150 * time.Millisecond)
	for range failures {
		srv.Inject("getMe", telegramtest.Fault{Status: http.StatusBadGateway, HTML: true})
	}
	stderr, stop := startServe(t, fakeAPIVars(srv, nil))
	user := telegramtest.User{ID: 612, LanguageCode: "vi"}
	srv.SendText(telegramtest.Private(user), user, "/start")
	srv.WaitMessages(t, user.ID, 1)
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	calls := srv.Calls("getMe")
	if n := strings.Count(stderr.String(), "cannot reach the Bot API, retrying"); n != failures || len(calls) != failures+1 {
		t.Errorf("%d retries logged for %d getMe calls, want %d for %d", n, len(calls), failures, failures+1)
	}
	for i, c := range calls {
		want := http.StatusOK
		if i < failures {
			want = http.StatusBadGateway
		}
		if c.Status != want {
			t.Errorf("getMe call %d answered %d, want %d", i+1, c.Status, want)
		}
	}
	if !strings.Contains(stderr.String(), "telegram: Bot API reached") {
		t.Error("reaching the Bot API after the retries was not logged")
	}
}

// TestServeOversizeUploadUnknownSize (issue 14, defect 7): an admin uploads a
// 3 MiB article (the limit is 2 MiB) and Telegram reports its size as 0, so
// it is found too large only while downloading. The admin must be told "Tệp
// quá lớn", not the generic apology nor "could not download, send it again".
func TestServeOversizeUploadUnknownSize(t *testing.T) {
	srv := telegramtest.New(t)
	srv.SetLatency(150 * time.Millisecond)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bai.txt"), []byte("Bài viết tổng hợp (synthetic)\n\nMột đoạn nội dung thử nghiệm.\n"), 0o644)
	startServe(t, fakeAPIVars(srv, map[string]string{"CONTENT_DIR": dir, "ADMIN_IDS": "42"}))
	admin := telegramtest.User{ID: 42, LanguageCode: "vi"}
	for _, size := range []int{0, 1000} { // unknown, and wrong
		id := srv.AddFile("lon.txt", bytes.Repeat([]byte("Dòng chữ thử nghiệm.\n"), 3<<20/24))
		srv.ReportFileSize(id, size)
		n := len(srv.Messages(admin.ID))
		srv.SendMessage(telegramtest.Private(admin), admin, "", func(m *tgbotapi.Message) {
			m.Document = &tgbotapi.Document{FileID: id, FileName: "lon.txt", FileSize: size}
		})
		got := srv.WaitMessages(t, admin.ID, n+1)[n].Visible
		if !strings.HasPrefix(got, "Tệp quá lớn") {
			t.Errorf("reported size %d: reply %q, want Tệp quá lớn", size, got)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "lon.txt")); err == nil {
		t.Error("the oversize file was saved")
	}
}
