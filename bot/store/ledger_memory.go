package store

import (
	"context"
	"slices"
	"sync"
	"time"
)

// MemoryLedger is the Telegram transport's ledger for a single instance
// without Redis: claims, journal, offset and polling lock live and die with
// the process.
type MemoryLedger struct {
	mu        sync.Mutex
	seen      map[int64]claim
	journal   map[int64][]byte
	ttl       time.Duration
	claimTTL  time.Duration
	offset    int64
	owner     string
	lockUntil time.Time
	now       func() time.Time
}

// claim is an update's mark: held by holder until done, expiring at exp.
type claim struct {
	exp    time.Time
	holder string
	done   bool
}

// NewMemoryLedger returns an empty in-memory ledger; update IDs are kept for
// ttl once done (48 h when zero), DefaultClaimTTL while pending.
func NewMemoryLedger(ttl time.Duration) *MemoryLedger {
	if ttl <= 0 {
		ttl = 48 * time.Hour
	}
	return &MemoryLedger{seen: map[int64]claim{}, journal: map[int64][]byte{}, ttl: ttl, claimTTL: DefaultClaimTTL, now: time.Now}
}

// WithClaimTTL sets how long a claim lasts without Extend (tests).
func (l *MemoryLedger) WithClaimTTL(d time.Duration) *MemoryLedger {
	l.claimTTL = d
	return l
}

// WithClock sets the ledger's clock (tests).
func (l *MemoryLedger) WithClock(now func() time.Time) *MemoryLedger {
	l.now = now
	return l
}

// ClaimTTL is how long a claim lasts without Extend.
func (l *MemoryLedger) ClaimTTL() time.Duration { return l.claimTTL }

// Claim takes updateID for holder; see RedisLedger.Claim.
func (l *MemoryLedger) Claim(_ context.Context, updateID int64, holder string) (got, done bool, err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if c, ok := l.seen[updateID]; ok && now.Before(c.exp) {
		switch {
		case c.done:
			return false, true, nil
		case c.holder != holder:
			return false, false, nil
		}
	}
	if len(l.seen) > 100000 {
		for id, c := range l.seen {
			if !now.Before(c.exp) {
				delete(l.seen, id)
			}
		}
	}
	l.seen[updateID] = claim{exp: now.Add(l.claimTTL), holder: holder}
	return true, false, nil
}

// Extend keeps holder's claim for another claim TTL, reporting false when
// holder no longer holds it.
func (l *MemoryLedger) Extend(_ context.Context, updateID int64, holder string) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	c, ok := l.seen[updateID]
	if !ok || c.done || c.holder != holder || !now.Before(c.exp) {
		return false, nil
	}
	l.seen[updateID] = claim{exp: now.Add(l.claimTTL), holder: holder}
	return true, nil
}

// Done marks updateID answered for good and drops it from the journal.
func (l *MemoryLedger) Done(_ context.Context, updateID int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen[updateID] = claim{exp: l.now().Add(l.ttl), done: true}
	delete(l.journal, updateID)
	return nil
}

// Release gives up holder's claim on updateID.
func (l *MemoryLedger) Release(_ context.Context, updateID int64, holder string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.seen[updateID]; ok && !c.done && c.holder == holder {
		delete(l.seen, updateID)
	}
	return nil
}

// Journal keeps an acknowledged update until it is Done.
func (l *MemoryLedger) Journal(_ context.Context, updateID int64, raw []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.journal[updateID] = append([]byte(nil), raw...)
	return nil
}

// Journaled returns the journaled updates not done yet, oldest first, at
// most limit.
func (l *MemoryLedger) Journaled(_ context.Context, limit int) ([][]byte, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ids := make([]int64, 0, len(l.journal))
	for id := range l.journal {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var out [][]byte
	for _, id := range ids[:min(limit, len(ids))] {
		out = append(out, l.journal[id])
	}
	return out, nil
}

// Offset returns the saved polling offset, 0 when none.
func (l *MemoryLedger) Offset(context.Context) (int64, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.offset, nil
}

// SaveOffset saves the polling offset.
func (l *MemoryLedger) SaveOffset(_ context.Context, offset int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.offset = offset
	return nil
}

// AcquirePollLock takes the polling lock if it is free, expired or owner's.
func (l *MemoryLedger) AcquirePollLock(_ context.Context, owner string, ttl time.Duration) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if l.owner != "" && l.owner != owner && now.Before(l.lockUntil) {
		return false, nil
	}
	l.owner, l.lockUntil = owner, now.Add(ttl)
	return true, nil
}

// RenewPollLock extends the lock while owner holds it.
func (l *MemoryLedger) RenewPollLock(_ context.Context, owner string, ttl time.Duration) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if l.owner != owner || !now.Before(l.lockUntil) {
		return false, nil
	}
	l.lockUntil = now.Add(ttl)
	return true, nil
}

// ReleasePollLock frees the lock if owner holds it.
func (l *MemoryLedger) ReleasePollLock(_ context.Context, owner string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.owner == owner {
		l.owner, l.lockUntil = "", time.Time{}
	}
	return nil
}
