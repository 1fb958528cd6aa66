// Package pause waits for a while unless a context ends first: the waits
// between retries, between polls and between requests to one host, which
// the Telegram transport, the portal fetcher and the benchmarks each had
// written out again.
package pause

import (
	"context"
	"time"
)

// For waits d, or until ctx ends, whose error it then returns. A d of zero
// or less does not wait, and reports whether ctx has already ended.
func For(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
