// Package redistest starts a real, throwaway redis-server for tests, on a unix
// socket in the test's temporary directory, so Redis-backed code is tested
// against the server users run rather than a mock.
package redistest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Server is a running redis-server.
type Server struct {
	Socket  string // unix socket path
	dir     string
	cmd     *exec.Cmd
	exited  chan struct{} // closed when cmd has exited
	waitErr error         // cmd.Wait's, once exited is closed
	out     *syncBuffer   // redis-server's output, for a failed start
	tb      testing.TB
}

// Start starts a redis-server for the test and stops it at cleanup. Without a
// redis-server on PATH the test is skipped, except under CI=true where the test
// command installs one and its absence is a failure.
func Start(tb testing.TB) *Server {
	tb.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("redis-server not found on PATH (make test installs it): %v", err)
		}
		tb.Skip("redis-server not found on PATH; run make test to install it")
	}
	dir := tb.TempDir()
	s := &Server{Socket: filepath.Join(dir, "redis.sock"), dir: dir, tb: tb}
	s.start()
	tb.Cleanup(s.Stop)
	return s
}

// startTimeout bounds how long start waits for redis-server to answer. It
// only bounds a failing start: a passing one returns as soon as the server
// answers, and under make test on two shared cores a start can take
// seconds.
const startTimeout = 60 * time.Second

func (s *Server) start() {
	s.tb.Helper()
	s.out = new(syncBuffer)
	s.cmd = exec.Command("redis-server",
		"--port", "0",
		"--unixsocket", s.Socket,
		"--unixsocketperm", "700",
		"--dir", s.dir,
		"--save", "",
		"--appendonly", "no",
	)
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.out
	if err := s.cmd.Start(); err != nil {
		s.tb.Fatalf("redistest: start redis-server: %v", err)
	}
	exited := make(chan struct{})
	s.exited = exited
	go func(cmd *exec.Cmd) {
		s.waitErr = cmd.Wait()
		close(exited)
	}(s.cmd)
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	// No retries of its own: the loop below is the retry, and go-redis
	// would log every failed dial.
	c := redis.NewClient(&redis.Options{Network: "unix", Addr: s.Socket, MaxRetries: -1})
	defer c.Close()
	// redis-server says nothing when it is ready but creates its socket
	// then: look for the socket, and ping once it is there, after a wait
	// that doubles from 1 ms to 50 ms; a server that exits (a bad option,
	// a socket it cannot bind) ends the wait at once, with its output.
	var err error
	for wait := time.Millisecond; ; wait = min(2*wait, 50*time.Millisecond) {
		if _, statErr := os.Stat(s.Socket); statErr == nil {
			if err = c.Ping(ctx).Err(); err == nil {
				return
			}
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-exited:
			t.Stop()
			s.tb.Fatalf("redistest: redis-server exited at start (%v):\n%s", s.waitErr, s.out.String())
		case <-ctx.Done():
			t.Stop()
			s.tb.Fatalf("redistest: redis-server did not answer within %v (%v):\n%s", startTimeout, err, s.out.String())
		}
	}
}

// syncBuffer is redis-server's output, written by exec's copying goroutine
// and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// URL is the server's address as REDIS_URL takes it (unix://…).
func (s *Server) URL() string { return fmt.Sprintf("unix://%s", s.Socket) }

// Client returns a new client for the server with go-redis's default
// settings, closed at cleanup. A test that needs the settings serve runs
// with, or its own timeouts, opens URL with store.Open or store.OpenWith.
func (s *Server) Client() *redis.Client {
	c := redis.NewClient(&redis.Options{Network: "unix", Addr: s.Socket})
	s.tb.Cleanup(func() { c.Close() })
	return c
}

// Pause stops the server with SIGSTOP, as a frozen VM, a swapped-out
// process or a long fork would: connections and dials still reach the
// kernel, nothing answers. Resume (or Stop, at cleanup) ends it.
func (s *Server) Pause() {
	s.tb.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		s.tb.Fatalf("redistest: pause: %v", err)
	}
}

// Resume continues a paused server (SIGCONT); what it was sent meanwhile is
// answered then.
func (s *Server) Resume() {
	s.tb.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		s.tb.Fatalf("redistest: resume: %v", err)
	}
}

// Stop kills the server (data is lost: nothing is persisted). Safe to call twice.
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	<-s.exited
	s.cmd = nil
	_ = os.Remove(s.Socket)
}

// Restart stops the server and starts a new, empty one on the same socket,
// as when Redis crashes and comes back without persistence.
func (s *Server) Restart() {
	s.tb.Helper()
	s.Stop()
	s.start()
}

// Dump returns every key of the server and every value it holds, for tests
// that check what is kept (that /quentoi left nothing of a person, say).
func (s *Server) Dump() []string {
	s.tb.Helper()
	ctx := context.Background()
	rdb := s.Client()
	keys, err := rdb.Keys(ctx, "*").Result()
	if err != nil {
		s.tb.Fatalf("redistest: dump: %v", err)
	}
	var out []string
	for _, k := range keys {
		out = append(out, k)
		typ, err := rdb.Type(ctx, k).Result()
		if err != nil {
			s.tb.Fatalf("redistest: dump: %v", err)
		}
		var vals []string
		switch typ {
		case "string":
			vals = []string{rdb.Get(ctx, k).Val()}
		case "hash":
			for f, v := range rdb.HGetAll(ctx, k).Val() {
				vals = append(vals, f, v)
			}
		case "zset":
			vals = rdb.ZRange(ctx, k, 0, -1).Val()
		case "set":
			vals = rdb.SMembers(ctx, k).Val()
		case "list":
			vals = rdb.LRange(ctx, k, 0, -1).Val()
		default:
			s.tb.Fatalf("redistest: dump: key %s of type %s not read", k, typ)
		}
		out = append(out, vals...)
	}
	return out
}
