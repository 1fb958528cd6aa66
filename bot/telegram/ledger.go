package telegram

import (
	"context"
	"sync"
	"time"
)

// Ledger is what the transport remembers across restarts and shares between
// replicas so that no update is lost or answered twice: who is answering
// which update, the webhook updates acknowledged but not answered yet, the
// polling offset, and who polls. The bot/store package provides an in-memory
// and a Redis implementation.
type Ledger interface {
	// Claim takes updateID for holder (a name unique to one handling of
	// it). got: holder holds it now; done: it was answered; neither:
	// another holder's claim is live. A claim lapses after ClaimTTL unless
	// extended, and a lapsed claim is absent: an update whose replica was
	// killed before answering is taken again, never counted as answered.
	Claim(ctx context.Context, updateID int64, holder string) (got, done bool, err error)
	// Extend renews holder's claim for another ClaimTTL, checking in the same
	// step that holder still holds it; false means it was lost, and what
	// holder was about to send must be dropped.
	Extend(ctx context.Context, updateID int64, holder string) (bool, error)
	// ClaimTTL is how long a claim lasts without Extend.
	ClaimTTL() time.Duration
	// Done marks an update answered (or failed for good), kept long enough
	// that it is never handled again, and drops it from the journal.
	Done(ctx context.Context, updateID int64) error
	// Release gives up holder's claim on an update left unanswered
	// (shutdown before any reply was sent), so the next poll or replica
	// handles it at once.
	Release(ctx context.Context, updateID int64, holder string) error
	// Journal keeps a webhook update Telegram was told was received until it
	// is Done; Journaled lists those not done yet, oldest first.
	Journal(ctx context.Context, updateID int64, raw []byte) error
	Journaled(ctx context.Context, limit int) ([][]byte, error)
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
	next     int64               // one past the highest update ID seen
	inflight map[int64]time.Time // when each was taken
	changed  chan struct{}
}

func newTracker(offset int64) *tracker {
	return &tracker{next: offset, inflight: map[int64]time.Time{}, changed: make(chan struct{})}
}

// add reports whether id is new: not in flight and not handled in this run.
func (t *tracker) add(id int64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if id < t.next {
		return false
	}
	t.inflight[id] = time.Now()
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

// oldest returns the update in flight the longest and since when.
func (t *tracker) oldest() (id int64, since time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, at := range t.inflight {
		if since.IsZero() || at.Before(since) {
			id, since = i, at
		}
	}
	return id, since
}

// wait returns a channel closed at the next completion.
func (t *tracker) wait() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.changed
}
