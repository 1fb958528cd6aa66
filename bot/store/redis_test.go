package store

import (
	"context"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

func TestRedis(t *testing.T) {
	testContract(t, func(t *testing.T, opts Options) harness {
		c := redistest.Start(t).Client()
		return harness{s: NewRedis(c, opts), keys: func(t *testing.T) map[string]time.Duration {
			ctx := context.Background()
			out := map[string]time.Duration{}
			iter := c.Scan(ctx, 0, "*", 100).Iterator()
			for iter.Next(ctx) {
				ttl, err := c.PTTL(ctx, iter.Val()).Result()
				if err != nil {
					t.Fatal(err)
				}
				out[iter.Val()] = ttl
			}
			if err := iter.Err(); err != nil {
				t.Fatal(err)
			}
			return out
		}}
	})
}
