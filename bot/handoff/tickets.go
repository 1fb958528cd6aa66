package handoff

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// MemoryTickets keeps tickets in memory, for a single replica.
type MemoryTickets struct {
	ttl time.Duration
	now func() time.Time
	mu  sync.Mutex
	m   map[int]memTicket
}

type memTicket struct {
	t   Ticket
	exp time.Time
}

// NewMemoryTickets keeps tickets for ttl (DefaultTTL when zero).
func NewMemoryTickets(ttl time.Duration) *MemoryTickets {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	return &MemoryTickets{ttl: ttl, now: time.Now, m: map[int]memTicket{}}
}

// Save implements Tickets.
func (s *MemoryTickets) Save(_ context.Context, id int, t Ticket) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, v := range s.m {
		if !now.Before(v.exp) {
			delete(s.m, k)
		}
	}
	s.m[id] = memTicket{t, now.Add(s.ttl)}
	return nil
}

// Ticket implements Tickets.
func (s *MemoryTickets) Ticket(_ context.Context, id int) (Ticket, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[id]
	if !ok || !s.now().Before(v.exp) {
		return Ticket{}, false, nil
	}
	return v.t, true, nil
}

// RedisTickets keeps tickets in Redis, shared by the replicas: the reply may
// reach another replica than the question did.
type RedisTickets struct {
	rdb       redis.UniversalClient
	staffChat int64
	ttl       time.Duration
}

// NewRedisTickets keeps the tickets of the staff group staffChat in rdb for
// ttl (DefaultTTL when zero).
func NewRedisTickets(rdb redis.UniversalClient, staffChat int64, ttl time.Duration) *RedisTickets {
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	return &RedisTickets{rdb: rdb, staffChat: staffChat, ttl: ttl}
}

func (s *RedisTickets) key(id int) string {
	return "kyanhbot:handoff:" + strconv.FormatInt(s.staffChat, 10) + ":" + strconv.Itoa(id)
}

// Save implements Tickets.
func (s *RedisTickets) Save(ctx context.Context, id int, t Ticket) error {
	b, _ := json.Marshal(t)
	if err := s.rdb.Set(ctx, s.key(id), b, s.ttl).Err(); err != nil {
		return fmt.Errorf("handoff: save ticket: %w", err)
	}
	return nil
}

// Ticket implements Tickets.
func (s *RedisTickets) Ticket(ctx context.Context, id int) (Ticket, bool, error) {
	b, err := s.rdb.Get(ctx, s.key(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return Ticket{}, false, nil
	}
	if err != nil {
		return Ticket{}, false, fmt.Errorf("handoff: ticket: %w", err)
	}
	var t Ticket
	if err := json.Unmarshal(b, &t); err != nil {
		return Ticket{}, false, fmt.Errorf("handoff: ticket: %w", err)
	}
	return t, true, nil
}
