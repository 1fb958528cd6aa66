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
// update IDs claimed by one holder at a time (so a restart or a second
// replica never answers twice) — pending with a short TTL while a replica
// answers, done once it has — the journal of webhook updates acknowledged
// but not yet answered, the polling offset, and the polling lock. Every key
// has a TTL.
type RedisLedger struct {
	rdb        redis.UniversalClient
	prefix     string
	claimTTL   time.Duration
	seenTTL    time.Duration
	offsetTTL  time.Duration
	journalTTL time.Duration
}

// An update's key holds "p:<holder>" while a replica answers it and
// claimDone once answered.
const (
	claimPending = "p:"
	claimDone    = "d"
)

// NewRedisLedger returns a ledger keeping its keys under
// "kyanhbot:tg:<namespace>:" — the namespace (the bot's ID or username) keeps
// two bots sharing one Redis apart. A claimed update stays pending for
// DefaultClaimTTL unless extended, and is kept 48 h once done (Telegram keeps
// undelivered updates 24 h); a journaled update 24 h; the offset 7 days.
func NewRedisLedger(rdb redis.UniversalClient, namespace string) *RedisLedger {
	return &RedisLedger{rdb: rdb, prefix: ledgerPrefix(namespace), claimTTL: DefaultClaimTTL,
		seenTTL: 48 * time.Hour, offsetTTL: 7 * 24 * time.Hour, journalTTL: JournalTTL}
}

// DefaultClaimTTL is how long a claim outlives the replica that took it: a
// replica killed while answering holds its updates back this long. It is
// shorter than the polling lock's TTL (15 s), so that when a new poller takes
// over from a dead one, the dead one's claims have already lapsed and its
// updates are taken at once.
const DefaultClaimTTL = 10 * time.Second

// JournalTTL is how long an acknowledged webhook update is kept for a
// replica to answer it: Telegram's own limit for undelivered updates.
const JournalTTL = 24 * time.Hour

// WithClaimTTL sets how long a claim lasts without Extend (tests).
func (l *RedisLedger) WithClaimTTL(d time.Duration) *RedisLedger {
	l.claimTTL = d
	return l
}

// ClaimTTL is how long a claim lasts without Extend.
func (l *RedisLedger) ClaimTTL() time.Duration { return l.claimTTL }

// Claim takes updateID for holder. got: holder holds it now (a new claim, or
// its own claim renewed); done: it was answered; neither: another holder's
// claim is live. A claim that lapsed is absent, and so is taken: it means "not
// answered", never "answered".
func (l *RedisLedger) Claim(ctx context.Context, updateID int64, holder string) (got, done bool, err error) {
	n, err := claimScript.Run(ctx, l.rdb, []string{updateKey(l.prefix, updateID)}, claimPending+holder, l.claimTTL.Milliseconds(), claimDone).Int()
	if err != nil {
		return false, false, fmt.Errorf("ledger: claim update %d: %w", updateID, err)
	}
	return n == 1, n == 2, nil
}

var claimScript = redis.NewScript(`
local v = redis.call("GET", KEYS[1])
if v == false then
  redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
  return 1
end
if v == ARGV[3] then
  return 2
end
if v == ARGV[1] then
  redis.call("PEXPIRE", KEYS[1], ARGV[2])
  return 1
end
return 0`)

// Extend keeps holder's claim for another claim TTL, in one step with the
// check that holder still holds it: false means the claim was lost (it
// lapsed and another replica took it, or the update was answered), and
// whatever holder was about to send must be dropped.
func (l *RedisLedger) Extend(ctx context.Context, updateID int64, holder string) (bool, error) {
	n, err := extendScript.Run(ctx, l.rdb, []string{updateKey(l.prefix, updateID)}, claimPending+holder, l.claimTTL.Milliseconds()).Int()
	if err != nil {
		return false, fmt.Errorf("ledger: extend claim of update %d: %w", updateID, err)
	}
	return n == 1, nil
}

var extendScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
  return redis.call("PEXPIRE", KEYS[1], ARGV[2])
end
return 0`)

// Done marks updateID answered for good — never handled again for 48 h —
// and drops it from the journal. A replica that took the claim over in the
// meantime then fails its next Extend and drops its reply.
func (l *RedisLedger) Done(ctx context.Context, updateID int64) error {
	_, err := l.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, updateKey(l.prefix, updateID), claimDone, l.seenTTL)
		p.Del(ctx, journalKey(l.prefix, updateID))
		p.ZRem(ctx, journalSetKey(l.prefix), updateID)
		return nil
	})
	if err != nil {
		return fmt.Errorf("ledger: mark update %d done: %w", updateID, err)
	}
	return nil
}

// Release gives up holder's claim on an update left unanswered, so the next
// poll or replica takes it at once; another holder's claim is left alone.
func (l *RedisLedger) Release(ctx context.Context, updateID int64, holder string) error {
	err := releaseScript.Run(ctx, l.rdb, []string{updateKey(l.prefix, updateID)}, claimPending+holder).Err()
	if err != nil && !errors.Is(err, redis.Nil) {
		return fmt.Errorf("ledger: release update %d: %w", updateID, err)
	}
	return nil
}

// Journal keeps an update Telegram was told was received (a webhook answered
// 200) until it is Done, so that it is answered even if this replica dies
// first.
func (l *RedisLedger) Journal(ctx context.Context, updateID int64, raw []byte) error {
	_, err := l.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, journalKey(l.prefix, updateID), raw, l.journalTTL)
		p.ZAdd(ctx, journalSetKey(l.prefix), redis.Z{Score: float64(updateID), Member: updateID})
		p.PExpire(ctx, journalSetKey(l.prefix), l.journalTTL)
		return nil
	})
	if err != nil {
		return fmt.Errorf("ledger: journal update %d: %w", updateID, err)
	}
	return nil
}

// Journaled returns the journaled updates not done yet, oldest first, at
// most limit.
func (l *RedisLedger) Journaled(ctx context.Context, limit int) ([][]byte, error) {
	ids, err := l.rdb.ZRange(ctx, journalSetKey(l.prefix), 0, int64(limit)-1).Result()
	if err != nil {
		return nil, fmt.Errorf("ledger: read journal: %w", err)
	}
	var out [][]byte
	for _, s := range ids {
		id, _ := strconv.ParseInt(s, 10, 64)
		raw, err := l.rdb.Get(ctx, journalKey(l.prefix, id)).Bytes()
		if errors.Is(err, redis.Nil) {
			// Expired: too old to answer.
			l.rdb.ZRem(ctx, journalSetKey(l.prefix), s)
			continue
		}
		if err != nil {
			return out, fmt.Errorf("ledger: read journal: %w", err)
		}
		out = append(out, raw)
	}
	return out, nil
}

// Offset returns the saved polling offset, 0 when none.
func (l *RedisLedger) Offset(ctx context.Context) (int64, error) {
	n, err := l.rdb.Get(ctx, offsetKey(l.prefix)).Int64()
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
	err := saveOffsetScript.Run(ctx, l.rdb, []string{offsetKey(l.prefix)}, offset, l.offsetTTL.Milliseconds()).Err()
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
	n, err := acquireScript.Run(ctx, l.rdb, []string{pollLockKey(l.prefix)}, owner, ttl.Milliseconds()).Int()
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
	n, err := renewScript.Run(ctx, l.rdb, []string{pollLockKey(l.prefix)}, owner, ttl.Milliseconds()).Int()
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
	err := releaseScript.Run(ctx, l.rdb, []string{pollLockKey(l.prefix)}, owner).Err()
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
