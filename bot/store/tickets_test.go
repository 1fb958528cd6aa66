package store

import (
	"context"
	"testing"
	"time"
)

// ticket is a staff handoff ticket as handoff.Ticket has it.
type ticket struct {
	ChatID int64  `json:"chat"`
	Lang   string `json:"lang,omitempty"`
	Root   int    `json:"root,omitempty"`
	Thread int    `json:"thread,omitempty"`
	Closed bool   `json:"closed,omitempty"`
}

func (t ticket) Chat() int64 { return t.ChatID }

// tickets is handoff.Tickets, restated so that this package does not
// import the handoff.
type tickets interface {
	Save(ctx context.Context, staffMessageID int, t ticket) error
	Ticket(ctx context.Context, staffMessageID int) (ticket, bool, error)
	Link(ctx context.Context, chatID int64, citizenMessageID, root int) error
	Linked(ctx context.Context, chatID int64, citizenMessageID int) (root int, ok bool, err error)
	Forget(ctx context.Context, chatID int64) error
	Sending(ctx context.Context) (done func(), err error)
	Unsaved(ctx context.Context) ([]string, error)
	AwaitSaved(ctx context.Context, marks []string) error
}

// testTickets: which staff post is for which chat, the links back to it,
// forgetting a chat's, and expiry.
func testTickets(t *testing.T, b backend) {
	ctx := context.Background()
	s := b.tickets(t, 0)
	if _, ok, err := s.Ticket(ctx, 9); ok || err != nil {
		t.Fatalf("unknown ticket: %v %v", ok, err)
	}
	want := ticket{ChatID: 77, Lang: "vi"}
	if err := s.Save(ctx, 9, want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Ticket(ctx, 9)
	if err != nil || !ok || got != want {
		t.Errorf("ticket = %+v %v %v, want %+v", got, ok, err, want)
	}
	// A staff answer in the citizen's chat leads back to its post.
	if err := s.Link(ctx, 77, 5, 9); err != nil {
		t.Fatal(err)
	}
	if root, ok, err := s.Linked(ctx, 77, 5); root != 9 || !ok || err != nil {
		t.Errorf("linked = %d %v %v, want 9", root, ok, err)
	}
	if _, ok, _ := s.Linked(ctx, 78, 5); ok {
		t.Error("another chat's message is linked")
	}
	closed := ticket{ChatID: 77, Lang: "en", Root: 0, Thread: 3, Closed: true}
	save := func(id int, tk ticket) {
		t.Helper()
		if err := s.Save(ctx, id, tk); err != nil {
			t.Fatal(err)
		}
	}
	save(9, closed)
	save(10, ticket{ChatID: 77, Root: 9, Thread: 3})
	if got, _, _ := s.Ticket(ctx, 9); got != closed {
		t.Errorf("saved again = %+v, want %+v", got, closed)
	}
	save(11, ticket{ChatID: 88})
	if err := s.Forget(ctx, 77); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int{9, 10} {
		if _, ok, _ := s.Ticket(ctx, id); ok {
			t.Errorf("ticket %d kept after Forget", id)
		}
	}
	if _, ok, _ := s.Linked(ctx, 77, 5); ok {
		t.Error("link kept after Forget")
	}
	if _, ok, _ := s.Ticket(ctx, 11); !ok {
		t.Error("another chat's ticket forgotten")
	}
	// Forget drops every ticket of the chat, and only those.
	save(10, want)
	save(11, ticket{ChatID: 78})
	if err := s.Forget(ctx, 77); err != nil {
		t.Fatal(err)
	}
	for id, wantOK := range map[int]bool{9: false, 10: false, 11: true} {
		if _, ok, err := s.Ticket(ctx, id); ok != wantOK || err != nil {
			t.Errorf("ticket %d after Forget(77): found %v (%v), want %v", id, ok, err, wantOK)
		}
	}

	t.Run("posts being sent", func(t *testing.T) {
		s := b.tickets(t, 0)
		if marks, err := s.Unsaved(ctx); len(marks) != 0 || err != nil {
			t.Fatalf("unsaved before any post = %v %v, want none", marks, err)
		}
		done1, err := s.Sending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		done2, err := s.Sending(ctx)
		if err != nil {
			t.Fatal(err)
		}
		marks, err := s.Unsaved(ctx)
		if len(marks) != 2 || err != nil {
			t.Fatalf("unsaved = %v %v, want two marks", marks, err)
		}
		// Held: AwaitSaved waits until its context ends.
		short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer cancel()
		if err := s.AwaitSaved(short, marks); err == nil {
			t.Error("AwaitSaved returned while both posts were being sent")
		}
		// One done, the other done while AwaitSaved waits.
		done1()
		waited := make(chan error, 1)
		go func() { waited <- s.AwaitSaved(ctx, marks) }()
		if marks, _ := s.Unsaved(ctx); len(marks) != 1 {
			t.Errorf("unsaved after one done = %v, want one", marks)
		}
		done2()
		select {
		case err := <-waited:
			if err != nil {
				t.Errorf("AwaitSaved: %v", err)
			}
		case <-time.After(time.Minute): // bounds a failing test only
			t.Fatal("AwaitSaved still waiting after every post was done")
		}
		done2() // twice is harmless
		if marks, _ := s.Unsaved(ctx); len(marks) != 0 {
			t.Errorf("unsaved after both done = %v, want none", marks)
		}
	})

	t.Run("expiry", func(t *testing.T) {
		const ttl = 300 * time.Millisecond
		s := b.tickets(t, ttl)
		start := time.Now()
		save := func(id int, tk ticket) {
			t.Helper()
			if err := s.Save(ctx, id, tk); err != nil {
				t.Fatal(err)
			}
		}
		save(1, ticket{ChatID: 1})
		if err := s.Link(ctx, 1, 2, 1); err != nil {
			t.Fatal(err)
		}
		// Polled until a deadline: a loaded machine may be late to see
		// the expiry, never early.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
			_, ticket, _ := s.Ticket(ctx, 1)
			_, linked, _ := s.Linked(ctx, 1, 2)
			if !ticket && !linked {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("ticket or link outlived its TTL by 10 s")
			}
		}
		if early := ttl - time.Since(start); early > 20*time.Millisecond {
			t.Errorf("ticket and link gone %v before their TTL", early)
		}
	})
}
