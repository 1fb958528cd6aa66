package main

import (
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

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
	if p.cmd.ProcessState != nil {
		t.Fatalf("serve ended: %v", p.cmd.ProcessState)
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("serve after SIGTERM: %v\n%s", err, p.stderr.String())
	}
}

// TestServeWaitsForTelegram (issue 14, deploy): Telegram unreachable at boot
// (a proxy answering 502 for 3 s) does not end serve: it retries getMe with a
// logged backoff, then serves.
func TestServeWaitsForTelegram(t *testing.T) {
	srv := telegramtest.New(t)
	srv.SetLatency(150 * time.Millisecond)
	srv.Outage("getMe", telegramtest.Fault{Status: http.StatusBadGateway, HTML: true}, 3*time.Second)
	stderr, stop := startServe(t, fakeAPIVars(srv, nil))
	user := telegramtest.User{ID: 612, LanguageCode: "vi"}
	srv.SendText(telegramtest.Private(user), user, "/start")
	srv.WaitMessages(t, user.ID, 1)
	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	if n := strings.Count(stderr.String(), "cannot reach the Bot API, retrying"); n == 0 || len(srv.Calls("getMe")) != n+1 {
		t.Errorf("%d retries logged for %d getMe calls", n, len(srv.Calls("getMe")))
	}
}
