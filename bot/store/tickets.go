package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Ticket is what the staff handoff keeps per staff post (handoff.Ticket):
// any JSON value that names the citizen's chat it is for, so that /quentoi
// finds the chat's tickets.
type Ticket interface {
	Chat() int64
}

// DefaultTicketTTL is how long a staff post can be answered when the
// constructors get no TTL: the state TTL (Options.TTL), so no ticket
// outlives the conversation it came from.
const DefaultTicketTTL = 24 * time.Hour

// RedisTickets keeps the staff handoff's tickets in Redis, shared by the
// replicas: the staff reply may reach another replica than the question
// did. Per staff group: the ticket of each staff post, each chat's set of
// them, and the links from a staff answer in a chat to its staff post.
type RedisTickets[T Ticket] struct {
	rdb       redis.UniversalClient
	staffChat int64
	ttl       time.Duration
	sendTTL   time.Duration // WithSendTTL; 0: SendTTL
}

// NewRedisTickets keeps the tickets of the staff group staffChat in rdb for
// ttl (DefaultTicketTTL when zero).
func NewRedisTickets[T Ticket](rdb redis.UniversalClient, staffChat int64, ttl time.Duration) *RedisTickets[T] {
	if ttl <= 0 {
		ttl = DefaultTicketTTL
	}
	return &RedisTickets[T]{rdb: rdb, staffChat: staffChat, ttl: ttl}
}

// Save keeps the ticket of staff post id. The chat's set lives as long as
// its newest ticket, so it outlives none of them.
func (s *RedisTickets[T]) Save(ctx context.Context, id int, t T) error {
	b, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("store: save ticket: %w", err)
	}
	chat := ticketChatKey(s.staffChat, t.Chat())
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, ticketKey(s.staffChat, id), b, s.ttl)
		p.SAdd(ctx, chat, id)
		p.PExpire(ctx, chat, s.ttl)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save ticket: %w", err)
	}
	return nil
}

// Ticket returns the ticket of staff post id.
func (s *RedisTickets[T]) Ticket(ctx context.Context, id int) (T, bool, error) {
	var t T
	b, err := s.rdb.Get(ctx, ticketKey(s.staffChat, id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return t, false, nil
	}
	if err != nil {
		return t, false, fmt.Errorf("store: ticket: %w", err)
	}
	if err := json.Unmarshal(b, &t); err != nil {
		return t, false, fmt.Errorf("store: ticket: %w", err)
	}
	return t, true, nil
}

// Link remembers that the bot's message msg in chatID belongs to staff
// post root; the chat's set names it "l<msg>".
func (s *RedisTickets[T]) Link(ctx context.Context, chatID int64, msg, root int) error {
	chat := ticketChatKey(s.staffChat, chatID)
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, ticketLinkKey(s.staffChat, chatID, msg), root, s.ttl)
		p.SAdd(ctx, chat, "l"+strconv.Itoa(msg))
		p.PExpire(ctx, chat, s.ttl)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: link ticket: %w", err)
	}
	return nil
}

// Linked returns the staff post the bot's message msg in chatID belongs to.
func (s *RedisTickets[T]) Linked(ctx context.Context, chatID int64, msg int) (int, bool, error) {
	root, err := s.rdb.Get(ctx, ticketLinkKey(s.staffChat, chatID, msg)).Int()
	if errors.Is(err, redis.Nil) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("store: linked ticket: %w", err)
	}
	return root, true, nil
}

// Forget deletes the chat's tickets, links and set (/quentoi). One DEL per
// key: on a Cluster they live in different slots.
func (s *RedisTickets[T]) Forget(ctx context.Context, chatID int64) error {
	chat := ticketChatKey(s.staffChat, chatID)
	ids, err := s.rdb.SMembers(ctx, chat).Result()
	if err != nil {
		return fmt.Errorf("store: forget tickets: %w", err)
	}
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, id := range ids {
			if msg, isLink := strings.CutPrefix(id, "l"); isLink {
				if n, err := strconv.Atoi(msg); err == nil {
					p.Del(ctx, ticketLinkKey(s.staffChat, chatID, n))
				}
			} else if n, err := strconv.Atoi(id); err == nil {
				p.Del(ctx, ticketKey(s.staffChat, n))
			}
		}
		p.Del(ctx, chat)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: forget tickets: %w", err)
	}
	return nil
}

// MemoryTickets keeps the tickets in memory, for a single replica.
type MemoryTickets[T Ticket] struct {
	ttl      time.Duration
	now      func() time.Time
	mu       sync.Mutex
	m        map[int]expiring[T]
	l        map[ticketLink]expiring[int]
	sending  map[string]chan struct{} // posts being sent (Sending), closed when done
	nextMark uint64
}

type ticketLink struct {
	chat int64
	msg  int
}

// NewMemoryTickets keeps tickets for ttl (DefaultTicketTTL when zero).
func NewMemoryTickets[T Ticket](ttl time.Duration) *MemoryTickets[T] {
	if ttl <= 0 {
		ttl = DefaultTicketTTL
	}
	return &MemoryTickets[T]{ttl: ttl, now: time.Now, m: map[int]expiring[T]{}, l: map[ticketLink]expiring[int]{}}
}

// WithClock sets the tickets' clock (tests).
func (s *MemoryTickets[T]) WithClock(now func() time.Time) *MemoryTickets[T] {
	s.now = now
	return s
}

// Save keeps the ticket of staff post id.
func (s *MemoryTickets[T]) Save(_ context.Context, id int, t T) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	sweep(s.m, now)
	sweep(s.l, now)
	s.m[id] = expiring[T]{t, now.Add(s.ttl)}
	return nil
}

// Ticket returns the ticket of staff post id.
func (s *MemoryTickets[T]) Ticket(_ context.Context, id int) (T, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[id]
	if !ok || !v.live(s.now()) {
		var zero T
		return zero, false, nil
	}
	return v.v, true, nil
}

// Link remembers that the bot's message msg in chatID belongs to staff
// post root.
func (s *MemoryTickets[T]) Link(_ context.Context, chatID int64, msg, root int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l[ticketLink{chatID, msg}] = expiring[int]{root, s.now().Add(s.ttl)}
	return nil
}

// Linked returns the staff post the bot's message msg in chatID belongs to.
func (s *MemoryTickets[T]) Linked(_ context.Context, chatID int64, msg int) (int, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.l[ticketLink{chatID, msg}]
	if !ok || !v.live(s.now()) {
		return 0, false, nil
	}
	return v.v, true, nil
}

// Forget deletes the chat's tickets and links.
func (s *MemoryTickets[T]) Forget(_ context.Context, chatID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.m {
		if v.v.Chat() == chatID {
			delete(s.m, k)
		}
	}
	for k := range s.l {
		if k.chat == chatID {
			delete(s.l, k)
		}
	}
	return nil
}
