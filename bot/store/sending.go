package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/kyanhbot/kyanhbot/internal/pause"
	"github.com/redis/go-redis/v9"
)

// The handoff records a staff post under the ID Telegram gives it, so only
// after the post; a reply to the post can be handled before that, on any
// replica (handoff's unsaved.go). While a post is being sent, its sender
// holds a mark in the tickets store; a lookup that finds nothing waits for
// the marks it saw before looking.

// SendTTL bounds a mark: a replica that dies while sending leaves one,
// which then stops making lookups wait. An update's handling, post
// included, ends well within it.
const SendTTL = 30 * time.Second

// WithSendTTL sets how long a mark is held when its sender never says it
// is done (SendTTL by default; tests).
func (s *RedisTickets[T]) WithSendTTL(d time.Duration) *RedisTickets[T] {
	s.sendTTL = d
	return s
}

// Sending marks a post being sent until done is called (or SendTTL).
// Every replica on the same Redis sees it.
func (s *RedisTickets[T]) Sending(ctx context.Context) (done func(), err error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("store: mark send: %w", err)
	}
	mark := hex.EncodeToString(b[:])
	key := ticketSendingKey(s.staffChat)
	ttl := s.sendTTL
	if ttl <= 0 {
		ttl = SendTTL
	}
	if err := markScript.Run(ctx, s.rdb, []string{key}, mark, ttl.Milliseconds()).Err(); err != nil {
		return nil, fmt.Errorf("store: mark send: %w", err)
	}
	return func() {
		// The caller's context may be over (the update timed out); the
		// mark is removed all the same, or lapses.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), RedisReadTimeout)
		defer cancel()
		s.rdb.ZRem(ctx, key, mark)
	}, nil
}

// Marks are scored by the time they lapse on Redis's clock (TIME), so that
// replicas whose clocks differ agree on it.
var markScript = redis.NewScript(`
local t = redis.call("TIME")
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call("ZADD", KEYS[1], now + ARGV[2], ARGV[1])
redis.call("PEXPIRE", KEYS[1], ARGV[2])
return 1`)

// Unsaved returns the marks of the posts being sent now.
func (s *RedisTickets[T]) Unsaved(ctx context.Context) ([]string, error) {
	marks, err := unsavedScript.Run(ctx, s.rdb, []string{ticketSendingKey(s.staffChat)}).StringSlice()
	if err != nil {
		return nil, fmt.Errorf("store: unsaved posts: %w", err)
	}
	return marks, nil
}

var unsavedScript = redis.NewScript(`
local t = redis.call("TIME")
local now = t[1] * 1000 + math.floor(t[2] / 1000)
return redis.call("ZRANGEBYSCORE", KEYS[1], "(" .. now, "+inf")`)

// AwaitSaved returns once none of marks is held any longer (done, or
// lapsed), or ctx ends. Redis tells no one when a mark goes, so it looks
// again after a wait that doubles from 2 ms to 100 ms: a post takes a
// round trip to Telegram, tens to hundreds of milliseconds.
func (s *RedisTickets[T]) AwaitSaved(ctx context.Context, marks []string) error {
	if len(marks) == 0 {
		return nil
	}
	args := make([]any, len(marks))
	for i, m := range marks {
		args[i] = m
	}
	key := []string{ticketSendingKey(s.staffChat)}
	for wait := 2 * time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		n, err := heldScript.Run(ctx, s.rdb, key, args...).Int()
		if err != nil {
			return fmt.Errorf("store: await saved posts: %w", err)
		}
		if n == 0 {
			return nil
		}
		if err := pause.For(ctx, wait); err != nil {
			return err
		}
	}
}

// heldScript counts the marks of ARGV still held.
var heldScript = redis.NewScript(`
local t = redis.call("TIME")
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local n = 0
for _, score in ipairs(redis.call("ZMSCORE", KEYS[1], unpack(ARGV))) do
  if score and tonumber(score) > now then
    n = n + 1
  end
end
return n`)

// Sending marks a post being sent until done is called; MemoryTickets
// serve one replica, so the mark is this process's.
func (s *MemoryTickets[T]) Sending(context.Context) (done func(), err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sending == nil {
		s.sending = map[string]chan struct{}{}
	}
	s.nextMark++
	mark, ch := fmt.Sprint(s.nextMark), make(chan struct{})
	s.sending[mark] = ch
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		if _, ok := s.sending[mark]; ok {
			delete(s.sending, mark)
			close(ch)
		}
	}, nil
}

// Unsaved returns the marks of the posts being sent now.
func (s *MemoryTickets[T]) Unsaved(context.Context) ([]string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.sending))
	for m := range s.sending {
		out = append(out, m)
	}
	return out, nil
}

// AwaitSaved returns once none of marks is held any longer, or ctx ends.
func (s *MemoryTickets[T]) AwaitSaved(ctx context.Context, marks []string) error {
	s.mu.Lock()
	var chs []chan struct{}
	for _, m := range marks {
		if ch, ok := s.sending[m]; ok {
			chs = append(chs, ch)
		}
	}
	s.mu.Unlock()
	for _, ch := range chs {
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}
