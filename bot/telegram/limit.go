package telegram

import (
	"context"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/kyanhbot/kyanhbot/internal/pause"
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

// limiter paces outbound messages with one token bucket for all chats and
// one per chat (golang.org/x/time/rate). A reservation made now is served
// when its buckets have refilled, so waiters queue in order. A nil *limiter
// lets everything through (benchmarks against a local server).
type limiter struct {
	mu     sync.Mutex
	limits Limits
	global *rate.Limiter
	chats  map[int64]*rate.Limiter
}

// maxIdleChats is how many chats' buckets are kept before the full (idle)
// ones are dropped: a full bucket is what a new chat starts with anyway.
const maxIdleChats = 10000

func newLimiter(l Limits) *limiter {
	return &limiter{limits: l, global: rate.NewLimiter(rate.Limit(l.Global), int(l.Global)), chats: map[int64]*rate.Limiter{}}
}

// wait blocks until a message to chatID may be sent. When ctx ends first,
// the message is not sent and its place in the buckets is given back.
func (l *limiter) wait(ctx context.Context, chatID int64, group bool) error {
	if l == nil {
		return nil
	}
	now := time.Now()
	chat, global := l.reservations(now, chatID, group)
	if err := sleep(ctx, max(chat.DelayFrom(now), global.DelayFrom(now))); err != nil {
		now = time.Now()
		chat.CancelAt(now)
		global.CancelAt(now)
		return err
	}
	return nil
}

// reserve takes one message's tokens at now and returns how long it waits.
func (l *limiter) reserve(now time.Time, chatID int64, group bool) time.Duration {
	chat, global := l.reservations(now, chatID, group)
	return max(chat.DelayFrom(now), global.DelayFrom(now))
}

func (l *limiter) reservations(now time.Time, chatID int64, group bool) (chat, global *rate.Reservation) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.chats[chatID]
	if b == nil {
		if len(l.chats) > maxIdleChats {
			for id, c := range l.chats {
				if c.TokensAt(now) >= float64(c.Burst()) {
					delete(l.chats, id)
				}
			}
		}
		if group {
			b = rate.NewLimiter(rate.Limit(l.limits.GroupPerMinute/60), l.limits.GroupBurst)
		} else {
			b = rate.NewLimiter(rate.Limit(l.limits.PerChat), l.limits.ChatBurst)
		}
		l.chats[chatID] = b
	}
	return b.ReserveN(now, 1), l.global.ReserveN(now, 1)
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error { return pause.For(ctx, d) }
