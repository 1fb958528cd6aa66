package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisLedger is the Telegram transport's ledger shared by every replica:
// update IDs claimed with SET NX (so a restart or a second replica never
// answers twice) — pending with a short TTL while a replica answers, done
// once it has — the polling offset, and the polling lock. Every key has a
// TTL.
type RedisLedger struct {
	rdb       redis.UniversalClient
	prefix    string
	claimTTL  time.Duration
	seenTTL   time.Duration
	offsetTTL time.Duration
}

// Values of an update's key: claimed by a replica at work on it, or done.
const (
	claimPending = "p"
	claimDone    = "d"
)

// NewRedisLedger returns a ledger keeping its keys under
// "kyanhbot:tg:<namespace>:" — the namespace (the bot's ID or username) keeps
// two bots sharing one Redis apart. A claimed update stays pending for
// DefaultClaimTTL unless extended, and is kept 48 h once done (Telegram keeps
// undelivered updates 24 h); the offset is kept 7 days.
func NewRedisLedger(rdb redis.UniversalClient, namespace string) *RedisLedger {
	return &RedisLedger{rdb: rdb, prefix: "kyanhbot:tg:" + namespace + ":", claimTTL: DefaultClaimTTL,
		seenTTL: 48 * time.Hour, offsetTTL: 7 * 24 * time.Hour}
}

// DefaultClaimTTL is how long a claim outlives the replica that took it: a
// replica killed while answering holds its updates back this long.
const DefaultClaimTTL = 15 * time.Second

// WithClaimTTL sets how long a claim lasts without Extend (tests).
func (l *RedisLedger) WithClaimTTL(d time.Duration) *RedisLedger {
	l.claimTTL = d
	return l
}

func (l *RedisLedger) updateKey(id int64) string {
	return l.prefix + "update:" + strconv.FormatInt(id, 10)
}

// FirstSeen claims updateID and reports whether this call claimed it. The
// claim is pending until Done, and lapses after the claim TTL unless
// extended, so an update whose replica died before answering is taken again.
func (l *RedisLedger) FirstSeen(ctx context.Context, updateID int64) (bool, error) {
	ok, err := l.rdb.SetNX(ctx, l.updateKey(updateID), claimPending, l.claimTTL).Result()
	if err != nil {
		return false, fmt.Errorf("ledger: claim update %d: %w", updateID, err)
	}
	return ok, nil
}

// Pending reports whether updateID is claimed and not done yet.
func (l *RedisLedger) Pending(ctx context.Context, updateID int64) (bool, error) {
	v, err := l.rdb.Get(ctx, l.updateKey(updateID)).Result()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("ledger: read update %d: %w", updateID, err)
	}
	return v == claimPending, nil
}

// Extend keeps a pending claim for another claim TTL.
func (l *RedisLedger) Extend(ctx context.Context, updateID int64) error {
	err := extendScript.Run(ctx, l.rdb, []string{l.updateKey(updateID)}, claimPending, l.claimTTL.Milliseconds()).Err()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("ledger: extend claim of update %d: %w", updateID, err)
	}
	return nil
}

var extendScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`)

// Done marks updateID answered for good: never handled again for 48 h.
func (l *RedisLedger) Done(ctx context.Context, updateID int64) error {
	if err := l.rdb.Set(ctx, l.updateKey(updateID), claimDone, l.seenTTL).Err(); err != nil {
		return fmt.Errorf("ledger: mark update %d done: %w", updateID, err)
	}
	return nil
}

// Forget releases a claimed update.
func (l *RedisLedger) Forget(ctx context.Context, updateID int64) error {
	if err := l.rdb.Del(ctx, l.updateKey(updateID)).Err(); err != nil {
		return fmt.Errorf("ledger: forget update %d: %w", updateID, err)
	}
	return nil
}

// Offset returns the saved polling offset, 0 when none.
func (l *RedisLedger) Offset(ctx context.Context) (int64, error) {
	n, err := l.rdb.Get(ctx, l.prefix+"offset").Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("ledger: read offset: %w", err)
	}
	return n, nil
}

// SaveOffset saves the polling offset; it never moves it backwards, so a
// replica with a stale view cannot undo another's progress.
func (l *RedisLedger) SaveOffset(ctx context.Context, offset int64) error {
	err := saveOffsetScript.Run(ctx, l.rdb, []string{l.prefix + "offset"}, offset, l.offsetTTL.Milliseconds()).Err()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("ledger: save offset: %w", err)
	}
	return nil
}

var saveOffsetScript = redis.NewScript(`
local cur = tonumber(redis.call("GET", KEYS[1]) or "0")
if tonumber(ARGV[1]) >= cur then
  redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
else
  redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 1`)

// AcquirePollLock takes the polling lock for owner, or keeps it if owner
// already holds it.
func (l *RedisLedger) AcquirePollLock(ctx context.Context, owner string, ttl time.Duration) (bool, error) {
	n, err := acquireScript.Run(ctx, l.rdb, []string{l.prefix + "poll-lock"}, owner, ttl.Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("ledger: acquire polling lock: %w", err)
	}
	return n == 1, nil
}

var acquireScript = redis.NewScript(`
local cur = redis.call("GET", KEYS[1])
if cur == false or cur == ARGV[1] then
  redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
  return 1
end
return 0`)

// RenewPollLock extends the lock while owner holds it.
func (l *RedisLedger) RenewPollLock(ctx context.Context, owner string, ttl time.Duration) (bool, error) {
	n, err := renewScript.Run(ctx, l.rdb, []string{l.prefix + "poll-lock"}, owner, ttl.Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("ledger: renew polling lock: %w", err)
	}
	return n == 1, nil
}

var renewScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`)

// ReleasePollLock frees the lock if owner holds it.
func (l *RedisLedger) ReleasePollLock(ctx context.Context, owner string) error {
	err := releaseScript.Run(ctx, l.rdb, []string{l.prefix + "poll-lock"}, owner).Err()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("ledger: release polling lock: %w", err)
	}
	return nil
}

var releaseScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("DEL", KEYS[1])
end
return 0`)
