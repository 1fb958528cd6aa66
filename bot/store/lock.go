package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Lease is held by one holder at a time: across replicas with RedisLease,
// within the process with MemoryLease. The portal sync takes one so that a
// single replica crawls.
type Lease interface {
	// TryAcquire takes the lease, or returns false while someone holds it.
	// The holder calls release when done; until then the lease is kept.
	TryAcquire(ctx context.Context) (release func(), ok bool, err error)
}

// RedisLease is a lease in Redis under "kyanhbot:lease:<name>": SET NX with
// a TTL and a random token, extended every third of the TTL while held, so
// that a replica that dies mid-sync frees it within one TTL.
type RedisLease struct {
	rdb redis.UniversalClient
	key string
	ttl time.Duration
}

// NewRedisLease returns the lease name; ttl is 1 minute when zero.
func NewRedisLease(rdb redis.UniversalClient, name string, ttl time.Duration) *RedisLease {
	if ttl <= 0 {
		ttl = time.Minute
	}
	return &RedisLease{rdb: rdb, key: leaseKey(name), ttl: ttl}
}

// Only the holder, known by its token, extends or frees the lease.
var (
	leaseExtend  = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end return 0`)
	leaseRelease = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`)
)

// TryAcquire implements Lease.
func (l *RedisLease) TryAcquire(ctx context.Context) (func(), bool, error) {
	var b [16]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	ok, err := l.rdb.SetNX(ctx, l.key, token, l.ttl).Result()
	if err != nil {
		return nil, false, fmt.Errorf("store: lease %s: %w", l.key, err)
	}
	if !ok {
		return nil, false, nil
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(l.ttl / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				ectx, cancel := context.WithTimeout(context.Background(), l.ttl/3)
				leaseExtend.Run(ectx, l.rdb, []string{l.key}, token, l.ttl.Milliseconds())
				cancel()
			}
		}
	}()
	var once sync.Once
	release := func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			rctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			leaseRelease.Run(rctx, l.rdb, []string{l.key}, token)
		})
	}
	return release, true, nil
}

// MemoryLease is a lease within one process: for a single replica.
type MemoryLease struct{ mu sync.Mutex }

// TryAcquire implements Lease.
func (l *MemoryLease) TryAcquire(context.Context) (func(), bool, error) {
	if !l.mu.TryLock() {
		return nil, false, nil
	}
	var once sync.Once
	return func() { once.Do(l.mu.Unlock) }, true, nil
}
