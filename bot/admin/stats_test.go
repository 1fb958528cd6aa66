package admin

import (
	"context"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// TestStatsStores runs the same counting in memory and in a real Redis.
func TestStatsStores(t *testing.T) {
	stores := map[string]func(t *testing.T) *Stats{
		"memory": func(*testing.T) *Stats { return NewStats(nil, 0) },
		"redis":  func(t *testing.T) *Stats { return NewStats(redistest.Start(t).Client(), 0) },
	}
	for name, mk := range stores {
		t.Run(name, func(t *testing.T) {
			s := mk(t)
			now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
			s.now = func() time.Time { return now }
			ctx := context.Background()
			record := func(q string, ok bool, ms int) {
				if err := s.Record(ctx, q, ok, time.Duration(ms)*time.Millisecond); err != nil {
					t.Fatal(err)
				}
			}
			record("Giờ làm việc?", true, 5)
			now = now.AddDate(0, 0, 1)
			record("giờ  làm việc", true, 30)
			record("Gọi 0912 345 678 hỏi gì?", false, 80)
			now = now.AddDate(0, 0, 5) // the first day is the seventh day back
			record("địa chỉ", true, 1)

			sum, err := s.Summary(ctx, 1, 2)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := [3]int{sum.Today, sum.Week, sum.Answered}, [3]int{1, 1, 1}; got != want {
				t.Errorf("one day: today, total, answered = %v, want %v", got, want)
			}
			sum, _ = s.Summary(ctx, 7, 2)
			if got, want := [3]int{sum.Today, sum.Week, sum.Answered}, [3]int{1, 4, 3}; got != want {
				t.Errorf("7 days: today, week, answered = %v, want %v", got, want)
			}
			if len(sum.Slowest) != 2 {
				t.Fatalf("slowest = %+v, want 2", sum.Slowest)
			}
			if got, want := sum.Slowest[0].Question, "gọi … hỏi gì"; got != want {
				t.Errorf("slowest question %q, want %q (anonymised)", got, want)
			}
			if got, want := sum.Slowest[1], (Slow{"giờ làm việc", 30 * time.Millisecond}); got != want {
				t.Errorf("second slowest %+v, want %+v (same question kept once, slowest time)", got, want)
			}
		})
	}
}
