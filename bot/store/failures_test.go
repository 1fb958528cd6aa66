package store

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
	"github.com/redis/go-redis/v9"
)

// TestCountFailures: what counts as a Redis failure for the operator, and
// what is normal work.
func TestCountFailures(t *testing.T) {
	srv := redistest.Start(t)
	c := srv.Client()
	var n atomic.Int64
	CountFailures(c, func() { n.Add(1) })
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
	t.Run("the server gone", func(t *testing.T) {
		srv.Stop()
		before := n.Load()
		c.Set(ctx, "k", "v", 0)
		if got := n.Load() - before; got < 1 {
			t.Errorf("counted %d failures with the server gone, want ≥ 1", got)
		}
	})
}
