package store

import (
	"context"
	"sync"
	"time"
)

// MemoryLedger is the Telegram transport's ledger for a single instance
// without Redis: dedup, offset and polling lock live and die with the process.
type MemoryLedger struct {
	mu        sync.Mutex
	seen      map[int64]claim
	ttl       time.Duration
	claimTTL  time.Duration
	offset    int64
	owner     string
	lockUntil time.Time
	now       func() time.Time
}

// claim is an update's mark: pending until done, expiring at exp.
type claim struct {
	exp  time.Time
	done bool
}

// NewMemoryLedger returns an empty in-memory ledger; update IDs are kept for
// ttl once done (48 h when zero), DefaultClaimTTL while pending.
func NewMemoryLedger(ttl time.Duration) *MemoryLedger {
	if ttl <= 0 {
		ttl = 48 * time.Hour
	}
	return &MemoryLedger{seen: map[int64]claim{}, ttl: ttl, claimTTL: DefaultClaimTTL, now: time.Now}
}

// WithClaimTTL sets how long a claim lasts without Extend (tests).
func (l *MemoryLedger) WithClaimTTL(d time.Duration) *MemoryLedger {
	l.claimTTL = d
	return l
}

// FirstSeen claims updateID and reports whether it was new; the claim is
// pending until Done and lapses after the claim TTL.
func (l *MemoryLedger) FirstSeen(_ context.Context, updateID int64) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if c, ok := l.seen[updateID]; ok && now.Before(c.exp) {
		return false, nil
	}
	if len(l.seen) > 100000 {
		for id, c := range l.seen {
			if !now.Before(c.exp) {
				delete(l.seen, id)
			}
		}
	}
	l.seen[updateID] = claim{exp: now.Add(l.claimTTL)}
	return true, nil
}

// Pending reports whether updateID is claimed and not done yet.
func (l *MemoryLedger) Pending(_ context.Context, updateID int64) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, ok := l.seen[updateID]
	return ok && !c.done && l.now().Before(c.exp), nil
}

// Extend keeps a pending claim for another claim TTL.
func (l *MemoryLedger) Extend(_ context.Context, updateID int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if c, ok := l.seen[updateID]; ok && !c.done && l.now().Before(c.exp) {
		l.seen[updateID] = claim{exp: l.now().Add(l.claimTTL)}
	}
	return nil
}

// Done marks updateID answered for good.
func (l *MemoryLedger) Done(_ context.Context, updateID int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen[updateID] = claim{exp: l.now().Add(l.ttl), done: true}
	return nil
}

// Forget undoes FirstSeen.
func (l *MemoryLedger) Forget(_ context.Context, updateID int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.seen, updateID)
	return nil
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
