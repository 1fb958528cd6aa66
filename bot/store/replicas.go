package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// RedisReplicas is what the replicas of one bot share so that they serve the
// same content (reload.Cluster): a pub/sub channel of reload announcements,
// and a hash of what each replica serves. Values are the caller's (JSON).
type RedisReplicas struct {
	rdb redis.UniversalClient
}

// NewRedisReplicas returns the replicas' channel and hash in rdb.
func NewRedisReplicas(rdb redis.UniversalClient) *RedisReplicas {
	return &RedisReplicas{rdb: rdb}
}

// Subscribe delivers every announcement published after it returns, until
// ctx ends or stop is called; stop returns once delivery has stopped.
// go-redis reconnects and subscribes again after a connection loss; what was
// published in between is lost, so each time the new subscription is
// confirmed Subscribe delivers a nil message for the subscriber to check
// what it missed.
func (r *RedisReplicas) Subscribe(ctx context.Context) (msgs <-chan []byte, stop func(), err error) {
	ps := r.rdb.Subscribe(ctx, reloadChannel)
	// Receive waits for Redis's confirmation: once it is in, no
	// announcement is missed.
	if _, err := ps.Receive(ctx); err != nil {
		ps.Close()
		return nil, nil, fmt.Errorf("store: subscribe: %w", err)
	}
	out := make(chan []byte)
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		defer close(out)
		// With subscriptions: the confirmation of a resubscription is how
		// a reconnection shows.
		in := ps.ChannelWithSubscriptions()
		for {
			var msg []byte
			select {
			case <-done:
				return
			case <-ctx.Done():
				return
			case m, ok := <-in:
				if !ok {
					return
				}
				switch m := m.(type) {
				case *redis.Message:
					msg = []byte(m.Payload)
					if msg == nil {
						msg = []byte{} // nil means resubscribed
					}
				case *redis.Subscription:
					if m.Kind != "subscribe" {
						continue
					}
				default:
					continue
				}
			}
			select {
			case out <- msg:
			case <-done:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() {
			close(done)
			ps.Close()
			<-finished
		})
	}, nil
}

// Announce publishes msg to every subscriber, the publisher's own included.
func (r *RedisReplicas) Announce(ctx context.Context, msg []byte) error {
	if err := r.rdb.Publish(ctx, reloadChannel, msg).Err(); err != nil {
		return fmt.Errorf("store: announce: %w", err)
	}
	return nil
}

// Report writes replica id's entry. The hash expires ttl after the last
// report of any replica — EXPIRE, so at least a second — so it goes when
// every replica has stopped.
func (r *RedisReplicas) Report(ctx context.Context, id string, entry []byte, ttl time.Duration) error {
	_, err := r.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, replicasKey, id, entry)
		p.Expire(ctx, replicasKey, ttl)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: report replica: %w", err)
	}
	return nil
}

// Reports returns every replica's last entry, by ID.
func (r *RedisReplicas) Reports(ctx context.Context) (map[string][]byte, error) {
	m, err := r.rdb.HGetAll(ctx, replicasKey).Result()
	if err != nil {
		return nil, fmt.Errorf("store: replicas: %w", err)
	}
	out := make(map[string][]byte, len(m))
	for id, v := range m {
		out[id] = []byte(v)
	}
	return out, nil
}

// Drop removes replica id's entry.
func (r *RedisReplicas) Drop(ctx context.Context, id string) error {
	if err := r.rdb.HDel(ctx, replicasKey, id).Err(); err != nil {
		return fmt.Errorf("store: drop replica: %w", err)
	}
	return nil
}

// MemoryReplicas is RedisReplicas within one process: replicas sharing it
// are in-process (tests, or a bot run without Redis).
type MemoryReplicas struct {
	now     func() time.Time
	mu      sync.Mutex
	subs    map[chan []byte]struct{}
	reports map[string][]byte
	exp     time.Time
}

// NewMemoryReplicas returns an empty channel and hash.
func NewMemoryReplicas() *MemoryReplicas {
	return &MemoryReplicas{now: time.Now, subs: map[chan []byte]struct{}{}, reports: map[string][]byte{}}
}

// announceBuffer is how many announcements a slow subscriber may fall
// behind before the next are dropped, as go-redis's channel does (its
// default size).
const announceBuffer = 100

// Subscribe delivers every announcement published after it returns; it is
// never interrupted, so it sends no nil message.
func (m *MemoryReplicas) Subscribe(ctx context.Context) (<-chan []byte, func(), error) {
	ch := make(chan []byte, announceBuffer)
	m.mu.Lock()
	m.subs[ch] = struct{}{}
	m.mu.Unlock()
	done := make(chan struct{})
	var once sync.Once
	stop := func() {
		once.Do(func() {
			close(done)
			m.mu.Lock()
			delete(m.subs, ch)
			close(ch)
			m.mu.Unlock()
		})
	}
	go func() {
		select {
		case <-ctx.Done():
			stop()
		case <-done:
		}
	}()
	return ch, stop, nil
}

// Announce publishes msg to every subscriber, the publisher's own included.
func (m *MemoryReplicas) Announce(_ context.Context, msg []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for ch := range m.subs {
		select {
		case ch <- append([]byte(nil), msg...):
		default: // full: dropped, as Redis's client drops it
		}
	}
	return nil
}

// Report writes replica id's entry; see RedisReplicas.Report.
func (m *MemoryReplicas) Report(_ context.Context, id string, entry []byte, ttl time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.expire()
	m.reports[id] = append([]byte(nil), entry...)
	m.exp = m.now().Add(max(ttl.Truncate(time.Second), time.Second)) // as EXPIRE has it
	return nil
}

// Reports returns every replica's last entry, by ID.
func (m *MemoryReplicas) Reports(context.Context) (map[string][]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.expire()
	out := make(map[string][]byte, len(m.reports))
	for id, v := range m.reports {
		out[id] = v
	}
	return out, nil
}

// Drop removes replica id's entry.
func (m *MemoryReplicas) Drop(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.reports, id)
	return nil
}

// expire empties the hash once its TTL has passed.
func (m *MemoryReplicas) expire() {
	if len(m.reports) > 0 && !m.now().Before(m.exp) {
		clear(m.reports)
	}
}
