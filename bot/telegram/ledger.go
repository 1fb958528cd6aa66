package telegram

import (
	"context"
	"sync"
	"time"
)

// Ledger is what the transport remembers across restarts and shares between
// replicas so that no update is lost or answered twice: which updates were
// taken, the polling offset, and who polls. The bot/store package provides an
// in-memory and a Redis implementation.
type Ledger interface {
	// FirstSeen claims updateID and reports whether it was new. A replica
	// that gets false leaves the update alone while it is Pending (another is
	// at work on it) and for good once it is done. A claim is pending until
	// Done, and lapses after a short TTL unless extended: an update whose
	// replica was killed before answering is claimed again, not lost.
	FirstSeen(ctx context.Context, updateID int64) (bool, error)
	// Pending reports whether updateID is claimed and not done yet.
	Pending(ctx context.Context, updateID int64) (bool, error)
	// Extend keeps a pending claim alive while its replica works on it.
	Extend(ctx context.Context, updateID int64) error
	// Done marks a claimed update answered (or failed for good), kept long
	// enough that it is never handled again.
	Done(ctx context.Context, updateID int64) error
	// Forget undoes FirstSeen for an update left unanswered (shutdown before
	// any reply was sent), so the next poll or replica handles it.
	Forget(ctx context.Context, updateID int64) error
	// Offset is the saved polling offset: every update below it was handled.
	Offset(ctx context.Context) (int64, error)
	SaveOffset(ctx context.Context, offset int64) error
	// AcquirePollLock takes the polling lock for owner for ttl, reporting
	// whether it got it; RenewPollLock extends it while owner holds it.
	AcquirePollLock(ctx context.Context, owner string, ttl time.Duration) (bool, error)
	RenewPollLock(ctx context.Context, owner string, ttl time.Duration) (bool, error)
	ReleasePollLock(ctx context.Context, owner string) error
}

// tracker follows the updates of a polling run to compute the offset that
// may be committed: the lowest update still in flight, or one past the
// highest seen. Polling from that offset means an update Telegram has been
// told to forget was always handled first.
type tracker struct {
	mu       sync.Mutex
	next     int64 // one past the highest update ID seen
	inflight map[int64]bool
	changed  chan struct{}
}

func newTracker(offset int64) *tracker {
	return &tracker{next: offset, inflight: map[int64]bool{}, changed: make(chan struct{})}
}

// add reports whether id is new: not in flight and not handled in this run.
func (t *tracker) add(id int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if id < t.next {
		return false
	}
	t.inflight[id] = true
	t.next = id + 1
	return true
}

// seen reports whether id was added in this run: in flight or handled.
func (t *tracker) seen(id int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return id < t.next
}

func (t *tracker) done(id int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.inflight, id)
	close(t.changed)
	t.changed = make(chan struct{})
}

// committed is the offset safe to confirm and save.
func (t *tracker) committed() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	low := t.next
	for id := range t.inflight {
		low = min(low, id)
	}
	return low
}

// wait returns a channel closed at the next completion.
func (t *tracker) wait() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.changed
}
