package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/portal"
	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

// TestSyncProcess runs the built command as an admin or a timer would: a
// sync killed with SIGKILL mid-run resumes from its state file without
// fetching again what it had saved, and the exit status is 0 for a
// completed sync with refused pages, 1 for a portal that cannot be read and
// 2 for a wrong command line.
func TestSyncProcess(t *testing.T) {
	bin := buildBinary(t)

	t.Run("SIGKILL then resume", func(t *testing.T) {
		p := portaltest.New(t, 100).WithoutFaults()
		dir := t.TempDir()
		// 100+ pages at least 50 ms apart take 5 s or more; the state is
		// saved every 2 s, so the kill comes mid-run.
		run := startCommand(t, bin, nil, "sync", "-from", p.URL("/"), "-content", dir, "-delay", "50ms")
		statePath := filepath.Join(dir, portal.StateFile)
		var st syncState
		for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(10 * time.Millisecond) {
			if readState(statePath, &st) && st.Run != nil && len(st.Run.Done) > 0 {
				break
			}
			if run.exited() {
				t.Fatalf("sync ended (%v) before writing its run state:\n%s", run.err, run.stderr)
			}
			if time.Now().After(deadline) {
				t.Fatal("no run state written within 60s")
			}
		}
		if err := run.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		run.wait()
		// What the next run resumes from is the state as the kill left it.
		st = syncState{}
		if !readState(statePath, &st) || st.Run == nil {
			t.Fatal("the killed run left no run state")
		}
		done := len(st.Run.Done)
		before := map[string]int{}
		for u := range st.Run.Done {
			before[u] = p.Hits(strings.TrimPrefix(u, p.URL("")))
		}

		out, err := exec.Command(bin, "sync", "-from", p.URL("/"), "-content", dir, "-delay", "0").CombinedOutput()
		if err != nil {
			t.Fatalf("resumed sync: %v\n%s", err, out)
		}
		t.Logf("killed after %d pages saved in the state; resumed run: %s", done, strings.SplitN(string(out), "\n", 2)[0])
		if want := " " + strconv.Itoa(done) + " done by the stopped run it resumed"; !strings.Contains(string(out), want) {
			t.Errorf("resumed run does not report %q:\n%.400s", want, out)
		}
		for u, n := range before {
			if got := p.Hits(strings.TrimPrefix(u, p.URL(""))); got != n {
				t.Errorf("%s, done before the kill, requested again (%d → %d)", u, n, got)
			}
		}
		c, err := content.LoadDir(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := len(c.Articles), len(p.Paths()); got != want {
			t.Errorf("%d articles after kill and resume, want %d", got, want)
		}
		st = syncState{}
		if !readState(statePath, &st) || st.Run != nil {
			t.Errorf("the completed run is still in the state: %+v", st.Run)
		}
	})

	t.Run("exit status", func(t *testing.T) {
		p := portaltest.New(t, 0) // with its 404, 500, slow, PDF and empty pages
		down := p.URL("/")
		tests := []struct {
			name string
			args []string
			want int
		}{
			{"completed with refused and failed pages", []string{"sync", "-from", p.URL("/"), "-content", t.TempDir(), "-delay", "0", "-timeout", "1s", "-retries", "0"}, 0},
			{"usage", []string{"sync", "-from", down}, 2},
			{"bad pattern", []string{"sync", "-from", down, "-content", t.TempDir(), "-include", "("}, 2},
		}
		for _, tt := range tests {
			out, err := exec.Command(bin, tt.args...).CombinedOutput()
			if got := exitCode(err); got != tt.want {
				t.Errorf("%s: exit status %d, want %d\n%.600s", tt.name, got, tt.want, out)
			}
			if tt.want == 0 && !strings.Contains(string(out), " refused") {
				t.Errorf("%s: report lacks the refused pages:\n%.600s", tt.name, out)
			}
		}
		p.Close() // the portal is gone: nothing can be read
		out, err := exec.Command(bin, "sync", "-from", down, "-content", t.TempDir(), "-delay", "0", "-timeout", "1s").CombinedOutput()
		if got := exitCode(err); got != 1 || !strings.Contains(string(out), "could not be read") {
			t.Errorf("unreadable portal: exit status %d, want 1\n%s", got, out)
		}
	})
}

type syncState struct {
	Run *struct {
		Done map[string]string `json:"done"`
	} `json:"run"`
}

// readState reads the state file; false while it is missing.
func readState(path string, st *syncState) bool {
	data, err := os.ReadFile(path)
	return err == nil && json.Unmarshal(data, st) == nil
}

func exitCode(err error) int {
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	return -1
}
