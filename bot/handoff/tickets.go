package handoff

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

// MemoryTickets keeps tickets in memory, for a single replica.
type MemoryTickets struct {
	ttl time.Duration
	now func() time.Time
	mu  sync.Mutex
	m   map[int]memTicket
	l   map[link]memLink
}

type link struct {
	chat int64
	msg  int
}

type memLink struct {
	root int
	exp  time.Time
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
	return &MemoryTickets{ttl: ttl, now: time.Now, m: map[int]memTicket{}, l: map[link]memLink{}}
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
	for k, v := range s.l {
		if !now.Before(v.exp) {
			delete(s.l, k)
		}
	}
	s.m[id] = memTicket{t, now.Add(s.ttl)}
	return nil
}

// Link implements Tickets.
func (s *MemoryTickets) Link(_ context.Context, chatID int64, msg, root int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l[link{chatID, msg}] = memLink{root, s.now().Add(s.ttl)}
	return nil
}

// Linked implements Tickets.
func (s *MemoryTickets) Linked(_ context.Context, chatID int64, msg int) (int, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.l[link{chatID, msg}]
	if !ok || !s.now().Before(v.exp) {
		return 0, false, nil
	}
	return v.root, true, nil
}

// Forget implements Tickets.
func (s *MemoryTickets) Forget(_ context.Context, chatID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.m {
		if v.t.ChatID == chatID {
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

// chatKey is the set of a citizen's tickets, so that /quentoi finds them:
// the tickets are keyed by the staff post.
func (s *RedisTickets) chatKey(chatID int64) string {
	return "kyanhbot:handoff:" + strconv.FormatInt(s.staffChat, 10) + ":chat:" + strconv.FormatInt(chatID, 10)
}

// linkKey holds the staff post a staff answer in a citizen's chat belongs
// to; the chat's set names it "l<message ID>".
func (s *RedisTickets) linkKey(chatID int64, msg int) string {
	return "kyanhbot:handoff:" + strconv.FormatInt(s.staffChat, 10) + ":link:" + strconv.FormatInt(chatID, 10) + ":" + strconv.Itoa(msg)
}

// Link implements Tickets.
func (s *RedisTickets) Link(ctx context.Context, chatID int64, msg, root int) error {
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, s.linkKey(chatID, msg), root, s.ttl)
		p.SAdd(ctx, s.chatKey(chatID), "l"+strconv.Itoa(msg))
		p.PExpire(ctx, s.chatKey(chatID), s.ttl)
		return nil
	})
	if err != nil {
		return fmt.Errorf("handoff: link: %w", err)
	}
	return nil
}

// Linked implements Tickets.
func (s *RedisTickets) Linked(ctx context.Context, chatID int64, msg int) (int, bool, error) {
	root, err := s.rdb.Get(ctx, s.linkKey(chatID, msg)).Int()
	if errors.Is(err, redis.Nil) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("handoff: linked: %w", err)
	}
	return root, true, nil
}

// Save implements Tickets. The chat's set lives as long as its newest
// ticket, so it outlives none of them.
func (s *RedisTickets) Save(ctx context.Context, id int, t Ticket) error {
	b, _ := json.Marshal(t)
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, s.key(id), b, s.ttl)
		p.SAdd(ctx, s.chatKey(t.ChatID), id)
		p.PExpire(ctx, s.chatKey(t.ChatID), s.ttl)
		return nil
	})
	if err != nil {
		return fmt.Errorf("handoff: save ticket: %w", err)
	}
	return nil
}

// Forget implements Tickets: the chat's tickets and their set. One DEL per
// key: on a Cluster they live in different slots.
func (s *RedisTickets) Forget(ctx context.Context, chatID int64) error {
	ids, err := s.rdb.SMembers(ctx, s.chatKey(chatID)).Result()
	if err != nil {
		return fmt.Errorf("handoff: forget tickets: %w", err)
	}
	_, err = s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, id := range ids {
			if msg, isLink := strings.CutPrefix(id, "l"); isLink {
				if n, err := strconv.Atoi(msg); err == nil {
					p.Del(ctx, s.linkKey(chatID, n))
				}
			} else if n, err := strconv.Atoi(id); err == nil {
				p.Del(ctx, s.key(n))
			}
		}
		p.Del(ctx, s.chatKey(chatID))
		return nil
	})
	if err != nil {
		return fmt.Errorf("handoff: forget tickets: %w", err)
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

var (
	_ Tickets = (*MemoryTickets)(nil)
	_ Tickets = (*RedisTickets)(nil)
)
