package redistest

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestStartRestart(t *testing.T) {
	s := Start(t)
	c := s.Client()
	ctx := context.Background()
	if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatalf("set: %v", err)
	}
	s.Restart()
	if got, err := c.Exists(ctx, "k").Result(); err != nil || got != 0 {
		t.Fatalf("after restart: exists=%d err=%v, want 0 and nil", got, err)
	}
}

func TestDump(t *testing.T) {
	s := Start(t)
	c := s.Client()
	ctx := context.Background()
	c.Set(ctx, "s", "v1", 0)
	c.HSet(ctx, "h", "f", "v2")
	c.ZAdd(ctx, "z", redis.Z{Score: 1, Member: "v3"})
	c.SAdd(ctx, "set", "v4")
	c.RPush(ctx, "l", "v5")
	got := map[string]bool{}
	for _, v := range s.Dump() {
		got[v] = true
	}
	for _, want := range []string{"s", "v1", "h", "f", "v2", "z", "v3", "set", "v4", "l", "v5"} {
		if !got[want] {
			t.Errorf("Dump lacks %q: %v", want, got)
		}
	}
}

// TestPauseResume: a paused server leaves a command without an answer until
// it is resumed.
func TestPauseResume(t *testing.T) {
	s := Start(t)
	c := redis.NewClient(&redis.Options{Network: "unix", Addr: s.Socket, ReadTimeout: 100 * time.Millisecond, MaxRetries: -1})
	defer c.Close()
	ctx := context.Background()
	s.Pause()
	if err := c.Ping(ctx).Err(); err == nil {
		t.Fatal("a paused server answered")
	}
	s.Resume()
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("after resume: %v", err)
	}
}

// fatalTB records a Fatalf and ends the goroutine, as testing.T does.
type fatalTB struct {
	testing.TB
	msg string
}

func (f *fatalTB) Helper() {}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// TestStartReportsExit: a redis-server that exits at start (here: a socket
// it cannot bind) fails the start at once, with what the server said,
// rather than after polling out the start deadline.
func TestStartReportsExit(t *testing.T) {
	dir := t.TempDir()
	tb := &fatalTB{TB: t}
	s := &Server{Socket: filepath.Join(dir, "missing", "redis.sock"), dir: dir, tb: tb}
	t.Cleanup(s.Stop)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.start()
	}()
	select {
	case <-done:
	case <-time.After(startTimeout / 2):
		t.Fatal("start still waiting on a redis-server that exited")
	}
	if !strings.Contains(tb.msg, "exited at start") || !strings.Contains(strings.ToLower(tb.msg), "unix socket") {
		t.Errorf("start failed with %q, want the exit and the server's complaint about its socket", tb.msg)
	}
}
