package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

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
	for _, want := range []string{"10 new", "0 updated", "refused", "failed", "new       " + p.URL(portaltest.PathLegacy)} {
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
	if err != nil || !strings.Contains(out, "1 new, 0 updated, 10 unchanged, 0 removed") {
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
