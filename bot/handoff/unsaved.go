package handoff

import "context"

// Telegram shows a post in its chat before it tells the bot the post's ID,
// and the handoff can record the post (a staff post's ticket, a staff
// answer's link to its conversation) only once it has that ID. A quick
// reply to the post — a staff member answering at once, pressing "Đóng yêu
// cầu", a citizen answering back — is an update of another chat, handled
// by another worker meanwhile, or by another replica behind the webhook,
// and would find no record: a fresh request called expired, a citizen's
// reply opening a new request. So each post is marked in the tickets store
// while it is being sent (Tickets.Sending), and a lookup that finds nothing
// waits for the posts marked when it looked, then looks again. The marks
// are in the same store as the tickets — Redis for several replicas — so a
// reply handled by any replica waits for a post being sent by any other.
//
// The record cannot be written before the post instead: it is keyed by the
// post's ID, which only Telegram's answer gives.

// sending marks a post being sent; the func it returns ends the mark, once
// the post's record is saved or given up. A store that cannot mark it is
// no reason to keep the post from the citizen or staff: it goes unmarked,
// and only a reply quicker than its record can miss it.
func (h *Handoff) sending(ctx context.Context) (done func()) {
	done, err := h.cfg.Tickets.Sending(ctx)
	if err != nil {
		h.log.Warn("handoff: post not marked as being sent", "err", err)
		return func() {}
	}
	return done
}

// afterSaves runs lookup, and when it finds nothing while posts were
// being sent, runs it again once they are recorded (or ctx ends). The
// posts are taken before the first lookup: one recorded between the two
// is then found by the first, or waited for. ours says the message looked
// up is the handoff's (its text bears a handoff marker): a reply to any
// other message need not wait.
func afterSaves[T any](ctx context.Context, h *Handoff, ours bool, lookup func() (T, bool, error)) (T, bool, error) {
	var pending []string
	if ours {
		var err error
		if pending, err = h.cfg.Tickets.Unsaved(ctx); err != nil {
			h.log.Warn("handoff: posts being sent unknown", "err", err)
		}
	}
	v, found, err := lookup()
	if found || err != nil || len(pending) == 0 {
		return v, found, err
	}
	// A store that fails here fails the second lookup too, which says so.
	if err := h.cfg.Tickets.AwaitSaved(ctx, pending); err != nil && ctx.Err() != nil {
		return v, found, nil // out of time: the first lookup's answer
	}
	return lookup()
}

// ticket is the ticket of a staff post, waiting for one being saved
// when the post is the handoff's.
func ticket(ctx context.Context, h *Handoff, staffMessageID int, ours bool) (Ticket, bool, error) {
	return afterSaves(ctx, h, ours, func() (Ticket, bool, error) { return h.cfg.Tickets.Ticket(ctx, staffMessageID) })
}
