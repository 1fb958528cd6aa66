package store

import (
	"context"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// testLease: held by one holder at a time, past its TTL while held.
func testLease(t *testing.T, b backend) {
	// A second rather than 300 ms: the holder renews every TTL/3 with a
	// TTL/3 timeout, and at load 18 two renewals in a row missed a 300 ms
	// TTL (the lease lapsed under its holder, and this test failed).
	const ttl = time.Second
	ctx := context.Background()
	l := b.lease(t, ttl)
	release, ok, err := l.TryAcquire(ctx)
	if err != nil || !ok {
		t.Fatalf("first TryAcquire: %v %v", ok, err)
	}
	// Held past its TTL: the holder keeps extending it.
	for end := time.Now().Add(3 * ttl); time.Now().Before(end); {
		if _, ok, err := l.TryAcquire(ctx); ok || err != nil {
			t.Fatalf("second TryAcquire while held: %v %v", ok, err)
		}
		time.Sleep(ttl / 10)
	}
	release()
	release() // twice is harmless
	again, ok, err := l.TryAcquire(ctx)
	if err != nil || !ok {
		t.Fatalf("TryAcquire after release: %v %v", ok, err)
	}
	again()
}

// A replica that dies holding the lease frees it within one TTL.
func TestRedisLeaseExpiresWithItsHolder(t *testing.T) {
	const ttl = 300 * time.Millisecond
	rdb := redistest.Start(t).Client()
	ctx := context.Background()
	if err := rdb.Set(ctx, leaseKey("sync"), "a-dead-replica", ttl).Err(); err != nil {
		t.Fatal(err)
	}
	l := NewRedisLease(rdb, "sync", ttl)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(ttl / 10) {
		release, ok, err := l.TryAcquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			release()
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a dead holder's lease never expired")
		}
	}
}
