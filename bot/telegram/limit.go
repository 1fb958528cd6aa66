package telegram

import (
	"context"
	"sync"
	"time"
)

// Limits are the outbound rates kept under Telegram's flood limits: about 30
// messages a second overall, one a second in a chat (short bursts tolerated)
// and 20 a minute in a group.
type Limits struct {
	Global         float64 // messages per second, all chats
	PerChat        float64 // messages per second in one private chat
	ChatBurst      int
	GroupPerMinute float64 // messages per minute in one group
	GroupBurst     int
}

// DefaultLimits stay a little under Telegram's published limits.
var DefaultLimits = Limits{Global: 28, PerChat: 1, ChatBurst: 3, GroupPerMinute: 18, GroupBurst: 2}

// bucket is a token bucket whose tokens may go negative: a reservation made
// now is served when the bucket has refilled, so waiters queue in order.
type bucket struct {
	rate   float64 // tokens per second
	burst  float64
	tokens float64
	last   time.Time
}

func (b *bucket) reserve(now time.Time) time.Duration {
	if b.last.IsZero() {
		b.tokens = b.burst
	} else {
		b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	}
	b.last = now
	b.tokens--
	if b.tokens >= 0 {
		return 0
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second))
}

func (b *bucket) idle(now time.Time) bool {
	return b.tokens+now.Sub(b.last).Seconds()*b.rate >= b.burst
}

// limiter paces outbound messages; a nil *limiter lets everything through
// (benchmarks against a local server).
type limiter struct {
	mu     sync.Mutex
	limits Limits
	global bucket
	chats  map[int64]*bucket
}

func newLimiter(l Limits) *limiter {
	return &limiter{limits: l, global: bucket{rate: l.Global, burst: l.Global}, chats: map[int64]*bucket{}}
}

// wait blocks until a message to chatID may be sent.
func (l *limiter) wait(ctx context.Context, chatID int64, group bool) error {
	if l == nil {
		return nil
	}
	d := l.reserve(time.Now(), chatID, group)
	return sleep(ctx, d)
}

func (l *limiter) reserve(now time.Time, chatID int64, group bool) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.chats[chatID]
	if b == nil {
		if len(l.chats) > 10000 {
			for id, c := range l.chats {
				if c.idle(now) {
					delete(l.chats, id)
				}
			}
		}
		if group {
			b = &bucket{rate: l.limits.GroupPerMinute / 60, burst: float64(l.limits.GroupBurst)}
		} else {
			b = &bucket{rate: l.limits.PerChat, burst: float64(l.limits.ChatBurst)}
		}
		l.chats[chatID] = b
	}
	return max(b.reserve(now), l.global.reserve(now))
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
