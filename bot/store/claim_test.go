package store

import (
	"context"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/store/redistest"
)

// claimLedger is the part of the transport's Ledger that keeps an update
// claimed while a replica answers it (issue 7: a replica killed mid-answer
// must not leave its updates marked as handled).
type claimLedger interface {
	FirstSeen(ctx context.Context, updateID int64) (bool, error)
	Pending(ctx context.Context, updateID int64) (bool, error)
	Extend(ctx context.Context, updateID int64) error
	Done(ctx context.Context, updateID int64) error
}

func TestLedgerClaims(t *testing.T) {
	const ttl = 300 * time.Millisecond
	impls := []struct {
		name string
		new  func(t *testing.T) claimLedger
	}{
		{"memory", func(*testing.T) claimLedger { return NewMemoryLedger(0).WithClaimTTL(ttl) }},
		{"redis", func(t *testing.T) claimLedger {
			return NewRedisLedger(redistest.Start(t).Client(), "1000").WithClaimTTL(ttl)
		}},
	}
	for _, impl := range impls {
		t.Run(impl.name, func(t *testing.T) {
			ctx := context.Background()
			l := impl.new(t)
			check := func(what string, got bool, err error, want bool) {
				t.Helper()
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				if got != want {
					t.Errorf("%s = %v, want %v", what, got, want)
				}
			}
			ok, err := l.Pending(ctx, 1)
			check("Pending(1) before any claim", ok, err, false)
			ok, err = l.FirstSeen(ctx, 1)
			check("FirstSeen(1)", ok, err, true)
			ok, err = l.Pending(ctx, 1)
			check("Pending(1) once claimed", ok, err, true)

			// A replica that dies holding a claim: it lapses, and the update
			// can be claimed again.
			time.Sleep(ttl + 100*time.Millisecond)
			ok, err = l.Pending(ctx, 1)
			check("Pending(1) after the claim lapsed", ok, err, false)
			ok, err = l.FirstSeen(ctx, 1)
			check("FirstSeen(1) after the claim lapsed", ok, err, true)

			// A replica that works long keeps its claim by extending it.
			for i := 0; i < 3; i++ {
				time.Sleep(ttl / 2)
				if err := l.Extend(ctx, 1); err != nil {
					t.Fatal(err)
				}
			}
			ok, err = l.FirstSeen(ctx, 1)
			check("FirstSeen(1) while extended", ok, err, false)

			// Done outlives the claim TTL and is not pending.
			if err := l.Done(ctx, 1); err != nil {
				t.Fatal(err)
			}
			if err := l.Extend(ctx, 1); err != nil { // a late heartbeat does not undo Done
				t.Fatal(err)
			}
			time.Sleep(ttl + 100*time.Millisecond)
			ok, err = l.Pending(ctx, 1)
			check("Pending(1) once done", ok, err, false)
			ok, err = l.FirstSeen(ctx, 1)
			check("FirstSeen(1) once done", ok, err, false)
		})
	}
}
