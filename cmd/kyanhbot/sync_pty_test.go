package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

// openPTY opens a pseudo-terminal: the master to read, the terminal to give
// a process as its stderr.
func openPTY(t *testing.T) (master, term *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Skipf("no pseudo-terminal: unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Skipf("no pseudo-terminal: ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { m.Close(); s.Close() })
	return m, s
}

// TestSyncProgressOnTerminal: on a terminal, sync shows a progress line
// rewritten in place (carriage returns) as pages are done; piped, it does
// not, and only the report is written.
func TestSyncProgressOnTerminal(t *testing.T) {
	bin := buildBinary(t)
	p := portaltest.New(t, 5).WithoutFaults()
	master, term := openPTY(t)
	cmd := exec.Command(bin, "sync", "-from", p.URL("/"), "-content", t.TempDir(), "-delay", "0")
	cmd.Stderr = term
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	term.Close() // the child holds it; the master reads EOF-like EIO when it exits
	var screen bytes.Buffer
	done := make(chan struct{})
	go func() { io.Copy(&screen, master); close(done) }()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("sync: %v\n%s", err, stdout.String())
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the terminal did not close after sync exited")
	}
	total := len(p.Paths())
	s := screen.String()
	if n := strings.Count(s, "\r"); n < total {
		t.Errorf("%d carriage returns on the terminal, want one per page (%d):\n%q", n, total, s)
	}
	if want := fmt.Sprintf("%d/%d pages: %d new", total, total, total); !strings.Contains(s, want) {
		t.Errorf("last progress line lacks %q:\n%q", want, s)
	}

	// Piped: no progress line.
	var errOut bytes.Buffer
	cmd = exec.Command(bin, "sync", "-from", p.URL("/"), "-content", t.TempDir(), "-delay", "0")
	cmd.Stderr, cmd.Stdout = &errOut, io.Discard
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(errOut.String(), "pages:") {
		t.Errorf("progress line written to a pipe:\n%s", errOut.String())
	}
}
