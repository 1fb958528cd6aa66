package handoff

import (
	"context"
	"sync"
)

// Telegram shows a post in its chat before it tells the bot the post's ID,
// and the handoff can record the post (a staff post's ticket, a staff
// answer's link to its conversation) only once it has that ID. A quick
// reply to the post — a staff member answering at once, pressing "Đóng yêu
// cầu", a citizen answering back — is an update of another chat, handled
// by another worker meanwhile, and would find no record: a fresh request
// called expired, a citizen's reply opening a new request. So a lookup
// that finds nothing waits for the posts this process was sending when it
// looked, and looks again.
//
// Only this process's posts are known: with several replicas each taking
// webhook updates, a reply handled by another replica than the post is
// not waited for.

// unsaved counts the posts being sent whose record is not saved yet.
type unsaved struct {
	mu      sync.Mutex
	next    uint64
	pending map[uint64]chan struct{}
}

// begin marks a post as being sent; the func it returns marks its record
// saved, or given up.
func (u *unsaved) begin() (done func()) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.pending == nil {
		u.pending = map[uint64]chan struct{}{}
	}
	id, ch := u.next, make(chan struct{})
	u.next++
	u.pending[id] = ch
	return func() {
		u.mu.Lock()
		delete(u.pending, id)
		u.mu.Unlock()
		close(ch)
	}
}

// now returns the posts being sent now, to wait for.
func (u *unsaved) now() []chan struct{} {
	u.mu.Lock()
	defer u.mu.Unlock()
	out := make([]chan struct{}, 0, len(u.pending))
	for _, ch := range u.pending {
		out = append(out, ch)
	}
	return out
}

// afterSaves runs lookup, and when it finds nothing while posts were
// being sent, runs it again once they are recorded (or ctx ends). The
// posts are taken before the first lookup: one recorded between the two
// is then found by the first, or waited for. ours says the message looked
// up is the handoff's (its text bears a handoff marker): a reply to any
// other message need not wait.
func afterSaves[T any](ctx context.Context, h *Handoff, ours bool, lookup func() (T, bool, error)) (T, bool, error) {
	var pending []chan struct{}
	if ours {
		pending = h.unsaved.now()
	}
	v, found, err := lookup()
	if found || err != nil || len(pending) == 0 {
		return v, found, err
	}
	for _, ch := range pending {
		select {
		case <-ch:
		case <-ctx.Done():
			return v, found, err
		}
	}
	return lookup()
}

// ticket is the ticket of a staff post, waiting for one being saved
// when the post is the handoff's.
func ticket(ctx context.Context, h *Handoff, staffMessageID int, ours bool) (Ticket, bool, error) {
	return afterSaves(ctx, h, ours, func() (Ticket, bool, error) { return h.cfg.Tickets.Ticket(ctx, staffMessageID) })
}
