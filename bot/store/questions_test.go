package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// testQuestions: the per-day question counters of /stats.
func testQuestions(t *testing.T, b backend) {
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	h := b.store(t, Options{Now: func() time.Time { return now }})
	count := func(q string, answered bool, took time.Duration) {
		t.Helper()
		if err := h.s.CountQuestion(ctx, q, answered, took); err != nil {
			t.Fatal(err)
		}
	}
	stats := func(nDays, nSlow int) QuestionStats {
		t.Helper()
		s, err := h.s.QuestionStats(ctx, nDays, nSlow)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	count("giờ làm việc", true, 5*time.Millisecond)
	now = now.AddDate(0, 0, 1)
	count("giờ làm việc", true, 30*time.Millisecond)
	count("giờ làm việc", true, 7*time.Millisecond) // faster again: the slowest time stays
	count("gọi … hỏi gì", false, 80*time.Millisecond)
	count("", false, time.Second) // counted, but no question to list
	now = now.AddDate(0, 0, 5)    // the first day is the seventh day back
	count("địa chỉ", true, 1500*time.Microsecond+700)
	count("nhanh", false, 300) // under a microsecond: kept, as 0

	tests := []struct {
		name        string
		nDays       int
		nSlow       int
		want        [3]int // today, asked, answered
		wantSlowest string
	}{
		{"today", 1, 5, [3]int{2, 2, 1}, "[{địa chỉ 1.5ms} {nhanh 0s}]"},
		{"a week", 7, 2, [3]int{2, 7, 4}, "[{gọi … hỏi gì 80ms} {giờ làm việc 30ms}]"},
		{"two days back", 2, 0, [3]int{2, 2, 1}, "[]"},
		{"all slow of the week", 7, 10, [3]int{2, 7, 4}, "[{gọi … hỏi gì 80ms} {giờ làm việc 30ms} {địa chỉ 1.5ms} {nhanh 0s}]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := stats(tt.nDays, tt.nSlow)
			if g := [3]int{got.Today, got.Asked, got.Answered}; g != tt.want {
				t.Errorf("QuestionStats(%d, %d): today, asked, answered = %v, want %v", tt.nDays, tt.nSlow, g, tt.want)
			}
			if g := fmt.Sprint(got.Slowest); g != tt.wantSlowest {
				t.Errorf("QuestionStats(%d, %d).Slowest = %s, want %s", tt.nDays, tt.nSlow, g, tt.wantSlowest)
			}
		})
	}

	t.Run("a day keeps its slowest", func(t *testing.T) {
		now = now.AddDate(0, 0, 1)
		for i := 1; i <= keepSlow+5; i++ {
			count(fmt.Sprintf("câu %02d", i), true, time.Duration(i)*time.Millisecond)
		}
		got := stats(1, 100).Slowest
		if len(got) != keepSlow {
			t.Fatalf("kept %d slow questions, want %d: %v", len(got), keepSlow, got)
		}
		if first, last := got[0], got[len(got)-1]; first.Question != "câu 25" || last.Question != "câu 06" {
			t.Errorf("slowest kept from %v to %v, want câu 25 down to câu 06", first, last)
		}
	})
}
