package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/logtest"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
	"github.com/kyanhbot/kyanhbot/portal"
	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

// TestSyncThenAsk is the admin's path end to end: sync the (fake) portal
// into an empty content directory, then ask what only a synced page says —
// here the Windows-1258 page — and get the answer with the live page's URL.
func TestSyncThenAsk(t *testing.T) {
	p := portaltest.New(t, 5)
	dir := t.TempDir()
	vars := map[string]string{"SYNC_CONTACT": "admin@thunghiem.example"}
	out, errOut, err := runCmd(t, vars, "sync", "-from", p.URL("/"), "-content", dir, "-delay", "0", "-timeout", "1s", "-retries", "0")
	if err != nil {
		t.Fatalf("sync: %v\n%s", err, errOut)
	}
	for _, want := range []string{"12 new", "0 updated", "refused", "failed", "new       " + p.URL(portaltest.PathLegacy)} {
		if !strings.Contains(out, want) {
			t.Errorf("sync report lacks %q:\n%s", want, out)
		}
	}

	out, errOut, err = runCmd(t, nil, "ask", "-content", dir, "-json", "thôn Mây Lúa có bao nhiêu hộ")
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, errOut)
	}
	var got askJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Found || len(got.Hits) == 0 {
		t.Fatalf("no answer from the synced page:\n%s", out)
	}
	if !strings.Contains(got.Answer, "412 hộ") {
		t.Errorf("answer %q does not state the merger", got.Answer)
	}
	if got, want := got.Hits[0].Source, p.URL(portaltest.PathLegacy); got != want {
		t.Errorf("source %q, want the live page %q", got, want)
	}

	// The second run changes nothing but the page that was busy (429) the
	// first time, and says so.
	out, _, err = runCmd(t, vars, "sync", "-from", p.URL("/"), "-content", dir, "-delay", "0", "-timeout", "1s", "-retries", "0")
	if err != nil || !strings.Contains(out, "1 new, 0 updated, 12 unchanged, 0 removed") {
		t.Errorf("second sync: %v\n%s", err, out)
	}
}

func TestSyncExitStatus(t *testing.T) {
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	_, _, err := runCmd(t, nil, "sync", "-from", down.URL+"/", "-content", t.TempDir(), "-delay", "0", "-timeout", "1s")
	if !errors.Is(err, portal.ErrUnreadable) {
		t.Errorf("unreachable portal: %v, want ErrUnreadable", err)
	}
	for _, args := range [][]string{
		{"sync"},
		{"sync", "-from", "http://x.example/"},
		{"sync", "-from", "http://x.example/", "-content", t.TempDir(), "-include", "("},
	} {
		var u usageError
		if _, _, err := runCmd(t, nil, args...); !errors.As(err, &u) {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
}

// TestServeSyncsOnce: two replicas with SYNC_URL and one Redis start on a
// content directory never synced; one of them crawls the portal (the lease),
// reloads, and the other swaps to the same content — on the announcement,
// or, when the announcement came before it had subscribed, on subscribing
// (reload.TestClusterAnnouncedBeforeSubscribed); or at start if it read the
// directory after the sync wrote it.
func TestServeSyncsOnce(t *testing.T) {
	p := portaltest.New(t, 3).WithoutFaults()
	rds := redistest.Start(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../bot/admin/testdata/content")); err != nil {
		t.Fatal(err)
	}
	srv := telegramtest.New(t)
	var logs []*logtest.Buffer
	for _, id := range []string{"a", "b"} {
		stderr, _ := startServe(t, fakeAPIVars(srv, map[string]string{
			"REDIS_URL": "unix://" + rds.Socket, "CONTENT_DIR": dir, "REPLICA_ID": id,
			"SYNC_URL": p.URL("/"), "SYNC_INTERVAL": "6h", "SYNC_DELAY": "0s", "SYNC_CONTACT": "admin@thunghiem.example",
		}))
		logs = append(logs, stderr)
	}
	// The replicas' swapped reloads: trigger and version.
	type reloadLine struct{ Msg, Trigger, Outcome, Version string }
	swaps := func(l *logtest.Buffer) []reloadLine {
		var out []reloadLine
		for _, line := range strings.Split(l.String(), "\n") {
			var r reloadLine
			if json.Unmarshal([]byte(line), &r) == nil && r.Msg == "reload" && r.Outcome == "swapped" {
				out = append(out, r)
			}
		}
		return out
	}
	// synced is the version the sync's reload swapped in, "" before;
	// serves says whether a replica has swapped it in.
	synced := func() string {
		for _, l := range logs {
			for _, r := range swaps(l) {
				if r.Trigger == "sync" {
					return r.Version
				}
			}
		}
		return ""
	}
	serves := func(l *logtest.Buffer, v string) bool {
		for _, r := range swaps(l) {
			if r.Version == v {
				return true
			}
		}
		return false
	}
	deadline := time.Now().Add(60 * time.Second)
	var v string
	for {
		v = synced()
		if v != "" && serves(logs[0], v) && serves(logs[1], v) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("replicas did not both swap in the synced version %q:\n--- a\n%s\n--- b\n%s", v, logs[0], logs[1])
		}
		time.Sleep(50 * time.Millisecond)
	}
	all := logs[0].String() + logs[1].String()
	if got := strings.Count(all, `"msg":"sync: done"`); got != 1 {
		t.Errorf("%d replicas crawled, want 1", got)
	}
	if got := p.Hits(portaltest.PathLegacy); got != 1 {
		t.Errorf("the portal's page was fetched %d times, want once", got)
	}
	user := telegramtest.User{ID: 502, FirstName: "Thử", LanguageCode: "vi"}
	chat := telegramtest.Private(user)
	srv.SendText(chat, user, "thôn Mây Lúa có bao nhiêu hộ")
	if got := srv.WaitMessages(t, chat.ID, 1)[0]; !strings.Contains(got.Visible, "412 hộ") || !strings.Contains(got.Text, p.URL(portaltest.PathLegacy)) {
		t.Errorf("answer after the scheduled sync lacks the synced fact or its live URL:\n%s", got.Text)
	}
}

func TestLoadSyncConfig(t *testing.T) {
	tests := []struct {
		vars    map[string]string
		wantErr string
		want    time.Duration
	}{
		{vars: map[string]string{}},
		{vars: map[string]string{"SYNC_URL": "https://xa.example/", "CONTENT_DIR": "/srv/c"}, want: 6 * time.Hour},
		{vars: map[string]string{"SYNC_URL": "https://xa.example/", "CONTENT_DIR": "/srv/c", "SYNC_INTERVAL": "30m"}, want: 30 * time.Minute},
		{vars: map[string]string{"SYNC_URL": "https://xa.example/"}, wantErr: "CONTENT_DIR"},
		{vars: map[string]string{"SYNC_URL": "xa.example", "CONTENT_DIR": "/srv/c"}, wantErr: "SYNC_URL"},
		{vars: map[string]string{"SYNC_URL": "https://xa.example/", "CONTENT_DIR": "/srv/c", "SYNC_INTERVAL": "5s"}, wantErr: "SYNC_INTERVAL"},
		{vars: map[string]string{"SYNC_URL": "https://xa.example/", "CONTENT_DIR": "/srv/c", "SYNC_DELAY": "-1s"}, wantErr: "SYNC_DELAY"},
		{vars: map[string]string{"SYNC_URL": "https://xa.example/", "CONTENT_DIR": "/srv/c", "SYNC_INCLUDE": "("}, wantErr: "SYNC_INCLUDE"},
	}
	for _, tt := range tests {
		c, err := loadSyncConfig(func(k string) string { return tt.vars[k] })
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%v: error %v, want one naming %s", tt.vars, err, tt.wantErr)
		case tt.wantErr == "" && err != nil:
			t.Errorf("%v: %v", tt.vars, err)
		case tt.wantErr == "" && c.interval != tt.want:
			t.Errorf("%v: interval %s, want %s", tt.vars, c.interval, tt.want)
		}
	}
}

// TestServeSyncsIntoEmptyDir: a new install with SYNC_URL and an empty
// CONTENT_DIR syncs the portal before it answers, instead of stopping on
// "no articles"; without SYNC_URL, an empty directory still stops serve
// with that error.
func TestServeSyncsIntoEmptyDir(t *testing.T) {
	p := portaltest.New(t, 3).WithoutFaults()
	srv := telegramtest.New(t)
	stderr, _ := startServe(t, fakeAPIVars(srv, map[string]string{
		"CONTENT_DIR": t.TempDir(), "SYNC_URL": p.URL("/"), "SYNC_DELAY": "0s",
	}))
	user := telegramtest.User{ID: 503, FirstName: "Thử", LanguageCode: "vi"}
	chat := telegramtest.Private(user)
	srv.SendText(chat, user, "thôn Mây Lúa có bao nhiêu hộ")
	if got := srv.WaitMessages(t, chat.ID, 1)[0]; !strings.Contains(got.Visible, "412 hộ") || !strings.Contains(got.Text, p.URL(portaltest.PathLegacy)) {
		t.Errorf("first answer of a new install lacks the synced fact or its live URL:\n%s\n%s", got.Text, stderr)
	}
	if !strings.Contains(stderr.String(), "syncing from SYNC_URL before start") {
		t.Errorf("no log line says why the start waited for a sync:\n%s", stderr)
	}

	_, _, err := runCmd(t, fakeAPIVars(srv, map[string]string{"CONTENT_DIR": t.TempDir()}), "serve")
	if err == nil || !strings.Contains(err.Error(), "no articles") {
		t.Errorf("serve on an empty CONTENT_DIR without SYNC_URL: %v, want an error saying it has no articles", err)
	}
}
