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
	seen      map[int64]time.Time
	ttl       time.Duration
	offset    int64
	owner     string
	lockUntil time.Time
	now       func() time.Time
}

// NewMemoryLedger returns an empty in-memory ledger; update IDs are kept for
// ttl (48 h when zero).
func NewMemoryLedger(ttl time.Duration) *MemoryLedger {
	if ttl <= 0 {
		ttl = 48 * time.Hour
	}
	return &MemoryLedger{seen: map[int64]time.Time{}, ttl: ttl, now: time.Now}
}

// FirstSeen records updateID and reports whether it was new.
func (l *MemoryLedger) FirstSeen(_ context.Context, updateID int64) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if exp, ok := l.seen[updateID]; ok && now.Before(exp) {
		return false, nil
	}
	if len(l.seen) > 100000 {
		for id, exp := range l.seen {
			if !now.Before(exp) {
				delete(l.seen, id)
			}
		}
	}
	l.seen[updateID] = now.Add(l.ttl)
	return true, nil
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
