package store

import (
	"context"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// TestSendingMarkLapses: a replica that dies while sending a post never
// says it is done; its mark stops making other replicas wait once its TTL
// is over, on Redis's clock.
func TestSendingMarkLapses(t *testing.T) {
	ctx := context.Background()
	srv := redistest.Start(t)
	const ttl = 200 * time.Millisecond
	dead := NewRedisTickets[ticket](srv.Client(), -100500, 0).WithSendTTL(ttl)
	alive := NewRedisTickets[ticket](srv.Client(), -100500, 0)
	start := time.Now()
	if _, err := dead.Sending(ctx); err != nil { // never done
		t.Fatal(err)
	}
	marks, err := alive.Unsaved(ctx)
	if len(marks) != 1 || err != nil {
		t.Fatalf("unsaved = %v %v, want the dead replica's mark", marks, err)
	}
	wait, cancel := context.WithTimeout(ctx, time.Minute) // bounds a failing test only
	defer cancel()
	if err := alive.AwaitSaved(wait, marks); err != nil {
		t.Fatalf("AwaitSaved: %v, want the mark to lapse", err)
	}
	if early := ttl - time.Since(start); early > 20*time.Millisecond {
		t.Errorf("mark lapsed %v before its TTL", early)
	}
	if marks, _ := alive.Unsaved(ctx); len(marks) != 0 {
		t.Errorf("unsaved after the lapse = %v, want none", marks)
	}
}
