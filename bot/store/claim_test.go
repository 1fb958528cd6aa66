package store

import (
	"context"
	"sync"
	"testing"
	"time"
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

func testClaims(t *testing.T, b backend) {
	ctx := context.Background()
	l, lapse := b.claims(t)
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
}

// testJournal: acknowledged updates kept until done, oldest first.
func testJournal(t *testing.T, b backend) {
	ctx := context.Background()
	l, _ := b.claims(t)
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
}
