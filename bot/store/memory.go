package store

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
)

// Memory is a Store in process memory: for the terminal chat and for a single
// instance run without Redis. It behaves like the Redis store, expiry
// included, but its state is lost when the process ends.
type Memory struct {
	opts Options

	mu         sync.Mutex
	chats      map[int64]expiring[[]byte]
	votes      map[int64]expiring[map[string][]byte]
	flood      map[int64]expiring[int]
	unanswered map[string]expiring[map[string]int] // by day key
	totals     map[string]expiring[VoteTotals]     // by day key
	smallTalk  map[string]expiring[map[string]int] // by day key
	shared     map[string]expiring[string]         // by share key
	questions  map[string]expiring[*questionDay]   // by dayString
	lastSweep  time.Time
}

type expiring[T any] struct {
	v   T
	exp time.Time
}

func (e expiring[T]) live(now time.Time) bool { return now.Before(e.exp) }

// NewMemory returns an empty in-memory store.
func NewMemory(opts Options) *Memory {
	return &Memory{
		opts:       opts.withDefaults(),
		chats:      map[int64]expiring[[]byte]{},
		votes:      map[int64]expiring[map[string][]byte]{},
		flood:      map[int64]expiring[int]{},
		unanswered: map[string]expiring[map[string]int]{},
		totals:     map[string]expiring[VoteTotals]{},
		smallTalk:  map[string]expiring[map[string]int]{},
		shared:     map[string]expiring[string]{},
		questions:  map[string]expiring[*questionDay]{},
	}
}

// now returns the time and drops expired entries now and then, so that a
// long-running process does not keep what Redis would have expired.
func (m *Memory) now() time.Time {
	now := m.opts.Now()
	if now.Sub(m.lastSweep) < time.Minute {
		return now
	}
	m.lastSweep = now
	sweep(m.chats, now)
	sweep(m.votes, now)
	sweep(m.flood, now)
	sweep(m.unanswered, now)
	sweep(m.totals, now)
	sweep(m.smallTalk, now)
	sweep(m.shared, now)
	sweep(m.questions, now)
	return now
}

func sweep[K comparable, T any](m map[K]expiring[T], now time.Time) {
	for k, e := range m {
		if !e.live(now) {
			delete(m, k)
		}
	}
}

// Chat implements bot.Store.
func (m *Memory) Chat(_ context.Context, chatID int64) (bot.ChatState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.chats[chatID]
	if !ok || !e.live(m.now()) {
		return bot.ChatState{}, nil
	}
	return decodeChat(e.v)
}

// SaveChat implements bot.Store.
func (m *Memory) SaveChat(_ context.Context, chatID int64, st bot.ChatState) error {
	b, err := encodeChat(st)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.chats[chatID] = expiring[[]byte]{b, m.now().Add(m.opts.TTL)}
	return nil
}

// Vote implements bot.Store.
func (m *Memory) Vote(_ context.Context, userID int64, v bot.Vote) error {
	b, err := encodeVote(v)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	e, ok := m.votes[userID]
	if !ok || !e.live(now) {
		e = expiring[map[string][]byte]{v: map[string][]byte{}}
	}
	e.v[v.Key] = b
	e.exp = now.Add(m.opts.TTL)
	m.votes[userID] = e

	day := votesKey(now)
	t, ok := m.totals[day]
	if !ok || !t.live(now) {
		t = expiring[VoteTotals]{exp: now.Add(m.opts.StatsTTL)}
	}
	if v.Up {
		t.v.Up++
	} else {
		t.v.Down++
	}
	m.totals[day] = t
	return nil
}

// Votes returns a user's feedback, in no particular order.
func (m *Memory) Votes(_ context.Context, userID int64) ([]bot.Vote, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.votes[userID]
	if !ok || !e.live(m.now()) {
		return nil, nil
	}
	var out []bot.Vote
	for k, b := range e.v {
		v, err := decodeVote(k, b)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Hit implements bot.Store: a fixed window that starts with the user's first
// message, as the Redis store's INCR + PEXPIRE does.
func (m *Memory) Hit(_ context.Context, userID int64) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	e, ok := m.flood[userID]
	if !ok || !e.live(now) {
		e = expiring[int]{exp: now.Add(m.opts.FloodWindow)}
	}
	e.v++
	m.flood[userID] = e
	return e.v, nil
}

// Unanswered implements bot.Store.
func (m *Memory) Unanswered(_ context.Context, question string) error {
	q := clipQuestion(question)
	if q == "" {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	day := unansweredKey(now)
	e, ok := m.unanswered[day]
	if !ok || !e.live(now) {
		e = expiring[map[string]int]{v: map[string]int{}, exp: now.Add(m.opts.StatsTTL)}
	}
	e.v[q]++
	m.unanswered[day] = e
	return nil
}

// SmallTalk implements bot.Store.
func (m *Memory) SmallTalk(_ context.Context, kind string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	day := smallTalkKey(now)
	e, ok := m.smallTalk[day]
	if !ok || !e.live(now) {
		e = expiring[map[string]int]{v: map[string]int{}, exp: now.Add(m.opts.StatsTTL)}
	}
	e.v[kind]++
	m.smallTalk[day] = e
	return nil
}

// SmallTalkCounts returns the messages of small talk over the last days
// (today included), by kind.
func (m *Memory) SmallTalkCounts(_ context.Context, nDays int) (map[string]int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	out := map[string]int{}
	for _, d := range days(now, nDays) {
		if e, ok := m.smallTalk[smallTalkKey(d)]; ok && e.live(now) {
			for k, n := range e.v {
				out[k] += n
			}
		}
	}
	return out, nil
}

// Share implements bot.Store.
func (m *Memory) Share(_ context.Context, question string) (string, error) {
	if len(question) > maxShared {
		return "", ErrTooLong
	}
	key := shareID(question)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.shared[key] = expiring[string]{question, m.now().Add(m.opts.ShareTTL)}
	return key, nil
}

// Shared implements bot.Store. Each use keeps the link alive for another
// ShareTTL.
func (m *Memory) Shared(_ context.Context, key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	e, ok := m.shared[key]
	if !ok || !e.live(now) {
		return "", false, nil
	}
	e.exp = now.Add(m.opts.ShareTTL)
	m.shared[key] = e
	return e.v, true, nil
}

// TopUnanswered returns the n questions most often unanswered over the last
// days (today included), most frequent first.
func (m *Memory) TopUnanswered(_ context.Context, nDays, n int) ([]Count, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	sum := map[string]int{}
	for _, d := range days(now, nDays) {
		if e, ok := m.unanswered[unansweredKey(d)]; ok && e.live(now) {
			for q, c := range e.v {
				sum[q] += c
			}
		}
	}
	return top(sum, n), nil
}

// Totals returns the anonymised vote counts over the last days.
func (m *Memory) Totals(_ context.Context, nDays int) (VoteTotals, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	var t VoteTotals
	for _, d := range days(now, nDays) {
		if e, ok := m.totals[votesKey(d)]; ok && e.live(now) {
			t.Up += e.v.Up
			t.Down += e.v.Down
		}
	}
	return t, nil
}

// Forget implements bot.Store.
func (m *Memory) Forget(_ context.Context, userID, chatID int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.chats, chatID)
	delete(m.votes, userID)
	delete(m.flood, userID)
	return nil
}

// keys lists the Redis-equivalent key of every live entry with its expiry,
// for the contract tests.
func (m *Memory) keys() map[string]time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.opts.Now()
	out := map[string]time.Time{}
	for id, e := range m.chats {
		if e.live(now) {
			out[chatKey(id)] = e.exp
		}
	}
	for id, e := range m.votes {
		if e.live(now) {
			out[voteKey(id)] = e.exp
		}
	}
	for id, e := range m.flood {
		if e.live(now) {
			out[floodKey(id)] = e.exp
		}
	}
	for k, e := range m.unanswered {
		if e.live(now) {
			out[k] = e.exp
		}
	}
	for k, e := range m.totals {
		if e.live(now) {
			out[k] = e.exp
		}
	}
	for k, e := range m.smallTalk {
		if e.live(now) {
			out[k] = e.exp
		}
	}
	for k, e := range m.shared {
		if e.live(now) {
			out[shareKey(k)] = e.exp
		}
	}
	for k, e := range m.questions {
		if e.live(now) {
			out[questionsKey(k)] = e.exp
			if len(e.v.slow) > 0 {
				out[slowKey(k)] = e.exp
			}
		}
	}
	return out
}

func top(sum map[string]int, n int) []Count {
	out := make([]Count, 0, len(sum))
	for q, c := range sum {
		out = append(out, Count{Question: q, N: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Question < out[j].Question
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}
