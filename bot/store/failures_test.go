package store

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
	"github.com/redis/go-redis/v9"
)

// TestCountFailures: what counts as a Redis failure for the operator, and
// what is normal work.
func TestCountFailures(t *testing.T) {
	srv := redistest.Start(t)
	c := srv.Client()
	var n, dials atomic.Int64
	CountFailures(c, func() { n.Add(1) }, func() { dials.Add(1) })
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	script := redis.NewScript(`return 1`)
	c.Set(ctx, "s", "v", 0)
	tests := []struct {
		name string
		do   func() error
		want int64 // failures counted
	}{
		{"a command that works", func() error { return c.Set(ctx, "k", "v", 0).Err() }, 0},
		{"a missing key", func() error { return c.Get(ctx, "missing").Err() }, 0},
		{"a script's first run (NOSCRIPT, then EVAL)", func() error { return script.Run(ctx, c, []string{"k"}).Err() }, 0},
		{"a cancelled context", func() error { return c.Get(cancelled, "k").Err() }, 0},
		{"a refused command", func() error { return c.HGet(ctx, "s", "f").Err() }, 1},
		{"a refused command in a pipeline", func() error {
			_, err := c.Pipelined(ctx, func(p redis.Pipeliner) error {
				p.Get(ctx, "k")
				p.HGet(ctx, "s", "f")
				return nil
			})
			return err
		}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := n.Load()
			tt.do()
			if got := n.Load() - before; got != tt.want {
				t.Errorf("counted %d failures, want %d", got, tt.want)
			}
		})
	}
	if got := dials.Load(); got != 0 {
		t.Errorf("counted %d failed dials with the server up, want 0", got)
	}
}

// TestCountFailuresOnce: a command that fails because Redis is down or
// frozen counts once as a command however many times go-redis reconnected
// for it; the dials that failed are counted on their own. Before, one SET
// counted 3 with the server gone (1 command + 2 dials) and 2 with it paused
// (1 command + the reconnect's HELLO).
func TestCountFailuresOnce(t *testing.T) {
	tests := []struct {
		name      string
		fail      func(*redistest.Server)
		wantDials bool // some dial failed
	}{
		{"the server gone", (*redistest.Server).Stop, true},
		{"the server paused", (*redistest.Server).Pause, false}, // the kernel still accepts the connection
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := redistest.Start(t)
			// Short timeouts so a paused server fails the command soon;
			// the store's default retry (RedisMaxRetries) reconnects once.
			c, err := OpenWith(srv.URL(), "", ClientOptions{DialTimeout: 200 * time.Millisecond, ReadTimeout: 200 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			var commands, dials atomic.Int64
			CountFailures(c, func() { commands.Add(1) }, func() { dials.Add(1) })
			ctx := context.Background()
			if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
				t.Fatal(err)
			}
			tt.fail(srv)
			defer srv.Stop() // a paused server is killed as it is
			if err := c.Set(ctx, "k", "v", 0).Err(); err == nil {
				t.Fatal("SET succeeded with the server down")
			}
			if got := commands.Load(); got != 1 {
				t.Errorf("one failed SET counted %d times, want 1", got)
			}
			if got := dials.Load(); (got > 0) != tt.wantDials {
				t.Errorf("%d failed dials counted, want some: %v", got, tt.wantDials)
			}
		})
	}
}
