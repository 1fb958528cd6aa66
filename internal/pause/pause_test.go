package pause

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestFor(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	if err := For(ctx, 20*time.Millisecond); err != nil {
		t.Fatalf("For(20ms) = %v", err)
	}
	if took := time.Since(start); took < 20*time.Millisecond {
		t.Errorf("For(20ms) returned after %v", took)
	}
	if err := For(ctx, 0); err != nil {
		t.Errorf("For(0) = %v", err)
	}

	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if err := For(canceled, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("For(0) on an ended context = %v, want context.Canceled", err)
	}
	// An hour's wait ends with the context: the test would time out
	// otherwise.
	if err := For(canceled, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("For(1h) on an ended context = %v, want context.Canceled", err)
	}
	soon, stop := context.WithTimeout(ctx, 10*time.Millisecond)
	defer stop()
	if err := For(soon, time.Hour); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("For(1h) with a 10 ms deadline = %v, want context.DeadlineExceeded", err)
	}
}
