package store

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// claimLedger is the part of the transport's Ledger that keeps an update
// claimed by one holder while a replica answers it, and the journal of
// webhook updates acknowledged but not answered.
type claimLedger interface {
	Claim(ctx context.Context, updateID int64, holder string) (got, done bool, err error)
	Extend(ctx context.Context, updateID int64, holder string) (bool, error)
	ClaimTTL() time.Duration
	Done(ctx context.Context, updateID int64) error
	Release(ctx context.Context, updateID int64, holder string) error
	Journal(ctx context.Context, updateID int64, raw []byte) error
	Journaled(ctx context.Context, limit int) ([][]byte, error)
}

// fakeClock is a clock a test moves by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// claimImpls are the ledgers under test, each with a way to make update 1's
// claim lapse as its TTL would.
func claimImpls() []struct {
	name string
	new  func(t *testing.T) (l claimLedger, lapse func())
} {
	return []struct {
		name string
		new  func(t *testing.T) (l claimLedger, lapse func())
	}{
		{"memory", func(*testing.T) (claimLedger, func()) {
			clock := &fakeClock{now: time.Unix(1e9, 0)}
			l := NewMemoryLedger(0).WithClock(clock.Now)
			return l, func() { clock.Add(l.ClaimTTL() + time.Millisecond) }
		}},
		{"redis", func(t *testing.T) (claimLedger, func()) {
			rdb := redistest.Start(t).Client()
			l := NewRedisLedger(rdb, "1000")
			return l, func() {
				// The key carries the claim TTL; lapsing it is its expiry.
				ctx := context.Background()
				key := l.updateKey(1)
				if ttl := rdb.PTTL(ctx, key).Val(); ttl <= 0 || ttl > l.ClaimTTL() {
					t.Fatalf("claim TTL %v, want in (0, %v]", ttl, l.ClaimTTL())
				}
				rdb.PExpire(ctx, key, time.Millisecond)
				deadline := time.Now().Add(5 * time.Second)
				for rdb.Exists(ctx, key).Val() == 1 {
					if time.Now().After(deadline) {
						t.Fatal("claim did not lapse")
					}
					time.Sleep(time.Millisecond)
				}
			}
		}},
	}
}

func TestLedgerClaims(t *testing.T) {
	for _, impl := range claimImpls() {
		t.Run(impl.name, func(t *testing.T) {
			ctx := context.Background()
			l, lapse := impl.new(t)
			claim := func(holder string, wantGot, wantDone bool) {
				t.Helper()
				got, done, err := l.Claim(ctx, 1, holder)
				if err != nil {
					t.Fatal(err)
				}
				if got != wantGot || done != wantDone {
					t.Errorf("Claim(1, %s) = got %v, done %v; want %v, %v", holder, got, done, wantGot, wantDone)
				}
			}
			extend := func(holder string, want bool) {
				t.Helper()
				ok, err := l.Extend(ctx, 1, holder)
				if err != nil {
					t.Fatal(err)
				}
				if ok != want {
					t.Errorf("Extend(1, %s) = %v, want %v", holder, ok, want)
				}
			}
			if l.ClaimTTL() >= 15*time.Second {
				t.Errorf("claim TTL %v: want it shorter than the polling lock's 15 s, so a new poller finds the dead one's claims lapsed", l.ClaimTTL())
			}
			claim("a", true, false)
			claim("a", true, false) // its own claim: still its own
			claim("b", false, false)
			extend("a", true)
			extend("b", false)

			// A replica dies holding the claim: it lapses, and "lapsed" means
			// "not answered": the next one takes it.
			lapse()
			extend("a", false)
			claim("b", true, false)
			// The paused replica wakes up: its fence fails, b's holds.
			extend("a", false)
			extend("b", true)
			if err := l.Release(ctx, 1, "a"); err != nil { // not a's to release
				t.Fatal(err)
			}
			claim("c", false, false)
			if err := l.Release(ctx, 1, "b"); err != nil {
				t.Fatal(err)
			}
			claim("c", true, false)

			// Done outlives the claim TTL, and fences out a holder.
			if err := l.Done(ctx, 1); err != nil {
				t.Fatal(err)
			}
			extend("c", false)
			claim("d", false, true)
			if err := l.Release(ctx, 1, "c"); err != nil {
				t.Fatal(err)
			}
			claim("d", false, true)
		})
	}
}

func TestLedgerJournal(t *testing.T) {
	for _, impl := range claimImpls() {
		t.Run(impl.name, func(t *testing.T) {
			ctx := context.Background()
			l, _ := impl.new(t)
			for _, id := range []int64{12, 10, 11} {
				if err := l.Journal(ctx, id, []byte(`{"update_id":`+string(rune('0'+id-10))+`}`)); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Done(ctx, 11); err != nil {
				t.Fatal(err)
			}
			got, err := l.Journaled(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{`{"update_id":0}`, `{"update_id":2}`}
			if len(got) != len(want) {
				t.Fatalf("Journaled = %q, want %q", got, want)
			}
			for i := range want {
				if string(got[i]) != want[i] {
					t.Errorf("Journaled[%d] = %s, want %s", i, got[i], want[i])
				}
			}
			if got, _ := l.Journaled(ctx, 1); len(got) != 1 {
				t.Errorf("Journaled(limit 1) returned %d", len(got))
			}
		})
	}
}
