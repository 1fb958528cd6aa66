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
// answers twice), the polling offset, and the polling lock. Every key has a
// TTL.
type RedisLedger struct {
	rdb       redis.UniversalClient
	prefix    string
	seenTTL   time.Duration
	offsetTTL time.Duration
}

// NewRedisLedger returns a ledger keeping its keys under
// "kyanhbot:tg:<namespace>:" — the namespace (the bot's ID or username) keeps
// two bots sharing one Redis apart. Update IDs are kept 48 h (Telegram keeps
// undelivered updates 24 h), the offset 7 days.
func NewRedisLedger(rdb redis.UniversalClient, namespace string) *RedisLedger {
	return &RedisLedger{rdb: rdb, prefix: "kyanhbot:tg:" + namespace + ":", seenTTL: 48 * time.Hour, offsetTTL: 7 * 24 * time.Hour}
}

func (l *RedisLedger) updateKey(id int64) string {
	return l.prefix + "update:" + strconv.FormatInt(id, 10)
}

// FirstSeen claims updateID and reports whether this call claimed it.
func (l *RedisLedger) FirstSeen(ctx context.Context, updateID int64) (bool, error) {
	ok, err := l.rdb.SetNX(ctx, l.updateKey(updateID), 1, l.seenTTL).Result()
	if err != nil {
		return false, fmt.Errorf("ledger: claim update %d: %w", updateID, err)
	}
	return ok, nil
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
