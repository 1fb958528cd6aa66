package store

import (
	"context"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// ledger is the Telegram transport's Ledger, restated here so the contract
// suite does not import the transport.
type ledger interface {
	claimLedger
	Offset(ctx context.Context) (int64, error)
	SaveOffset(ctx context.Context, offset int64) error
	AcquirePollLock(ctx context.Context, owner string, ttl time.Duration) (bool, error)
	RenewPollLock(ctx context.Context, owner string, ttl time.Duration) (bool, error)
	ReleasePollLock(ctx context.Context, owner string) error
}

// testLedger: one claim at a time, the polling offset, and the polling
// lock with its TTL.
func testLedger(t *testing.T, b backend) {
	ctx := context.Background()
	l := b.ledger(t)
	must := func(ok bool, err error) bool {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	claim := func(holder string) bool {
		t.Helper()
		got, _, err := l.Claim(ctx, 7, holder)
		return must(got, err)
	}
	if !claim("a") {
		t.Error("first Claim(7) = false, want true")
	}
	if claim("b") {
		t.Error("second Claim(7) by another = true, want false")
	}
	if err := l.Release(ctx, 7, "a"); err != nil {
		t.Fatal(err)
	}
	if !claim("b") {
		t.Error("Claim(7) after Release = false, want true")
	}

	if off, err := l.Offset(ctx); err != nil || off != 0 {
		t.Errorf("Offset() on empty = %d, %v; want 0, nil", off, err)
	}
	if err := l.SaveOffset(ctx, 42); err != nil {
		t.Fatal(err)
	}
	if off, _ := l.Offset(ctx); off != 42 {
		t.Errorf("Offset() = %d, want 42", off)
	}

	ttl := 300 * time.Millisecond
	if !must(l.AcquirePollLock(ctx, "a", ttl)) {
		t.Fatal("a cannot take a free lock")
	}
	if must(l.AcquirePollLock(ctx, "b", ttl)) {
		t.Error("b took a's lock")
	}
	// The lock lapses ttl after a's last renewal reached Redis, which
	// is no earlier than renewed: b taking it before renewed+ttl is
	// early, whatever the time the calls below take on a loaded
	// machine (measured from after them, it flaked at 32 ms).
	renewed := time.Now()
	if !must(l.RenewPollLock(ctx, "a", ttl)) {
		t.Error("a cannot renew its lock")
	}
	if must(l.RenewPollLock(ctx, "b", ttl)) {
		t.Error("b renewed a's lock")
	}
	if err := l.ReleasePollLock(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if must(l.AcquirePollLock(ctx, "b", ttl)) {
		t.Error("b's release freed a's lock")
	}
	// Polled until a deadline rather than slept: the lock must lapse
	// after its TTL, and a loaded machine may be late to notice.
	lapsed := renewed.Add(ttl)
	for deadline := time.Now().Add(10 * time.Second); !must(l.AcquirePollLock(ctx, "b", ttl)); {
		if time.Now().After(deadline) {
			t.Fatal("b cannot take an expired lock")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if early := time.Until(lapsed); early > 20*time.Millisecond {
		t.Errorf("b took a's lock %v before its TTL ran out", early)
	}
	if must(l.RenewPollLock(ctx, "a", ttl)) {
		t.Error("a renewed a lock it lost")
	}
	if err := l.ReleasePollLock(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if !must(l.AcquirePollLock(ctx, "a", ttl)) {
		t.Error("a cannot take a released lock")
	}
}

func TestRedisLedgerKeysHaveTTL(t *testing.T) {
	srv := redistest.Start(t)
	rdb := srv.Client()
	ctx := context.Background()
	l := NewRedisLedger(rdb, "1000")
	l.Claim(ctx, 1, "a")
	l.Journal(ctx, 3, []byte("{}"))
	l.SaveOffset(ctx, 2)
	l.SaveOffset(ctx, 1) // never backwards
	l.AcquirePollLock(ctx, "a", time.Minute)
	keys, err := rdb.Keys(ctx, "*").Result()
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 5 {
		t.Errorf("keys = %q, want 5", keys)
	}
	for _, k := range keys {
		if ttl := rdb.PTTL(ctx, k).Val(); ttl <= 0 {
			t.Errorf("key %s has no TTL (%v)", k, ttl)
		}
	}
	if off, _ := l.Offset(ctx); off != 2 {
		t.Errorf("offset = %d after saving 2 then 1, want 2", off)
	}
}
