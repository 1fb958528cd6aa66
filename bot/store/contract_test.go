package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
	"github.com/redis/go-redis/v9"
)

// The contract suite: every interface this package implements twice — in
// Redis and in memory — is held to one behaviour, each suite below run
// against both backends. The Redis backend starts a real redis-server per
// test (internal/redistest); the memory one runs with the same options.

// backend is one implementation of the package's interfaces: a fresh,
// empty instance of each at every call.
type backend struct {
	name  string
	store func(t *testing.T, opts Options) harness
	// ledger runs on the real clock, claims with a way to make update 1's
	// claim lapse as its TTL would.
	ledger   func(t *testing.T) ledger
	claims   func(t *testing.T) (l claimLedger, lapse func())
	lease    func(t *testing.T, ttl time.Duration) Lease
	tickets  func(t *testing.T, ttl time.Duration) tickets
	replicas func(t *testing.T) replicas
}

var backends = []backend{
	{
		name: "memory",
		store: func(t *testing.T, opts Options) harness {
			m := NewMemory(opts)
			return harness{s: m, keys: func(t *testing.T) map[string]time.Duration {
				out := map[string]time.Duration{}
				now := time.Now()
				for k, exp := range m.keys() {
					out[k] = exp.Sub(now)
				}
				return out
			}}
		},
		ledger: func(*testing.T) ledger { return NewMemoryLedger(0) },
		claims: func(*testing.T) (claimLedger, func()) {
			clock := &fakeClock{now: time.Unix(1e9, 0)}
			l := NewMemoryLedger(0).WithClock(clock.Now)
			return l, func() { clock.Add(l.ClaimTTL() + time.Millisecond) }
		},
		lease: func(*testing.T, time.Duration) Lease { return &MemoryLease{} },
		tickets: func(_ *testing.T, ttl time.Duration) tickets {
			return NewMemoryTickets[ticket](ttl)
		},
		replicas: func(*testing.T) replicas { return NewMemoryReplicas() },
	},
	{
		name: "redis",
		store: func(t *testing.T, opts Options) harness {
			c := redistest.Start(t).Client()
			return harness{s: NewRedis(c, opts), keys: func(t *testing.T) map[string]time.Duration {
				return redisKeys(t, c)
			}}
		},
		ledger: func(t *testing.T) ledger { return NewRedisLedger(redistest.Start(t).Client(), "1000") },
		claims: func(t *testing.T) (claimLedger, func()) {
			rdb := redistest.Start(t).Client()
			l := NewRedisLedger(rdb, "1000")
			return l, func() {
				// The key carries the claim TTL; lapsing it is its expiry.
				ctx := context.Background()
				key := updateKey(l.prefix, 1)
				if ttl := rdb.PTTL(ctx, key).Val(); ttl <= 0 || ttl > l.ClaimTTL() {
					t.Fatalf("claim TTL %v, want in (0, %v]", ttl, l.ClaimTTL())
				}
				rdb.PExpire(ctx, key, time.Millisecond)
				deadline := time.Now().Add(5 * time.Second)
				for rdb.Exists(ctx, key).Val() == 1 {
					if time.Now().After(deadline) {
						t.Fatal("claim did not lapse")
					}
					time.Sleep(time.Millisecond)
				}
			}
		},
		lease: func(t *testing.T, ttl time.Duration) Lease {
			return NewRedisLease(redistest.Start(t).Client(), "sync", ttl)
		},
		tickets: func(t *testing.T, ttl time.Duration) tickets {
			return NewRedisTickets[ticket](redistest.Start(t).Client(), -100500, ttl)
		},
		replicas: func(t *testing.T) replicas { return NewRedisReplicas(redistest.Start(t).Client()) },
	},
}

// suites are the contract, one per interface.
var suites = []struct {
	name string
	run  func(t *testing.T, b backend)
}{
	{"store", testStore},
	{"questions", testQuestions},
	{"ledger", testLedger},
	{"claims", testClaims},
	{"journal", testJournal},
	{"lease", testLease},
	{"tickets", testTickets},
	{"replicas", testReplicas},
}

func TestContract(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			for _, s := range suites {
				t.Run(s.name, func(t *testing.T) { s.run(t, b) })
			}
		})
	}
}

// redisKeys lists every key of the server with its remaining TTL.
func redisKeys(t *testing.T, c *redis.Client) map[string]time.Duration {
	t.Helper()
	ctx := context.Background()
	out := map[string]time.Duration{}
	iter := c.Scan(ctx, 0, "*", 100).Iterator()
	for iter.Next(ctx) {
		ttl, err := c.PTTL(ctx, iter.Val()).Result()
		if err != nil {
			t.Fatal(err)
		}
		out[iter.Val()] = ttl
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// conversation is bot.Store with what /stats reads of it.
type conversation interface {
	bot.Store
	Votes(ctx context.Context, userID int64) ([]bot.Vote, error)
	TopUnanswered(ctx context.Context, nDays, n int) ([]Count, error)
	Totals(ctx context.Context, nDays int) (VoteTotals, error)
	SmallTalkCounts(ctx context.Context, nDays int) (map[string]int, error)
	CountQuestion(ctx context.Context, question string, answered bool, took time.Duration) error
	QuestionStats(ctx context.Context, nDays, nSlow int) (QuestionStats, error)
}

// harness is one store and a way to list its keys with their remaining TTL
// (negative when a key has none).
type harness struct {
	s    conversation
	keys func(t *testing.T) map[string]time.Duration
}

// testStore is bot.Store's contract.
func testStore(t *testing.T, b backend) {
	newStore := b.store
	ctx := context.Background()
	const user, other = int64(987654321), int64(555000111)
	const group = int64(-100777888999)

	t.Run("chat state round trip", func(t *testing.T) {
		h := newStore(t, Options{})
		got, err := h.s.Chat(ctx, user)
		if err != nil {
			t.Fatal(err)
		}
		if got != (bot.ChatState{}) {
			t.Errorf("unknown chat: got %+v, want zero state", got)
		}
		want := bot.ChatState{Lang: "en", Waiting: [4]bot.Wait{{User: 1002, Command: "tim"}, {User: 1001, Command: "tim"}}, Contact: "Văn phòng Thử Nghiệm",
			List: bot.List{Kind: "search", Query: "số điện thoại ủy ban", Offset: 4, Seq: 7, Total: 9, Gen: "k3x9",
				Ahead: [3]bot.PageItem{{HTML: "Điện thoại: <b>0000 000 000</b>", ArticleID: "thu-nghiem/a"}, {HTML: "Xã Thử Nghiệm &amp; thôn Mẫu"}}}}
		for _, st := range []bot.ChatState{{Lang: "vi"}, want} { // the second overwrites the first
			if err := h.s.SaveChat(ctx, user, st); err != nil {
				t.Fatal(err)
			}
		}
		if got, err = h.s.Chat(ctx, user); err != nil || got != want {
			t.Errorf("Chat = %+v, %v; want %+v", got, err, want)
		}
		if got, _ := h.s.Chat(ctx, other); got != (bot.ChatState{}) {
			t.Errorf("other chat: got %+v, want zero state", got)
		}
	})

	t.Run("flood counter", func(t *testing.T) {
		h := newStore(t, Options{})
		for i := 1; i <= 3; i++ {
			if got, err := h.s.Hit(ctx, user); err != nil || got != i {
				t.Fatalf("Hit #%d = %d, %v; want %d", i, got, err, i)
			}
		}
		if got, _ := h.s.Hit(ctx, other); got != 1 {
			t.Errorf("other user's first Hit = %d, want 1", got)
		}
	})

	t.Run("votes", func(t *testing.T) {
		h := newStore(t, Options{})
		now := time.Unix(1_700_000_000, 0)
		for _, v := range []bot.Vote{{Key: "a1", Up: false, Time: now}, {Key: "a1", Up: true, Time: now}, {Key: "b2", Up: false, Time: now}} {
			if err := h.s.Vote(ctx, user, v); err != nil {
				t.Fatal(err)
			}
		}
		votes, err := h.s.Votes(ctx, user)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, v := range votes {
			got[v.Key] = v.Up
			if !v.Time.Equal(now) {
				t.Errorf("vote %s time = %v, want %v", v.Key, v.Time, now)
			}
		}
		if len(got) != 2 || !got["a1"] || got["b2"] {
			t.Errorf("votes = %v, want a1 up (the last vote counts) and b2 down", got)
		}
		tot, err := h.s.Totals(ctx, 7)
		if err != nil {
			t.Fatal(err)
		}
		if want := (VoteTotals{Up: 1, Down: 2}); tot != want {
			t.Errorf("Totals = %+v, want %+v (every press counts anonymously)", tot, want)
		}
	})

	t.Run("unanswered", func(t *testing.T) {
		h := newStore(t, Options{})
		for _, q := range []string{"gio mo cua", "le phi", "gio mo cua", "  ", strings.Repeat("x", 400)} {
			if err := h.s.Unanswered(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		got, err := h.s.TopUnanswered(ctx, 7, 2)
		if err != nil {
			t.Fatal(err)
		}
		want := []Count{{"gio mo cua", 2}, {"le phi", 1}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("TopUnanswered = %v, want %v", got, want)
		}
		all, _ := h.s.TopUnanswered(ctx, 1, 0)
		if len(all) != 3 || len([]rune(all[2].Question)) != maxQuestion {
			t.Errorf("TopUnanswered(all) = %d questions, the long one clipped to %d runes; got %v", len(all), maxQuestion, all)
		}
	})

	t.Run("small talk", func(t *testing.T) {
		h := newStore(t, Options{})
		for _, k := range []string{"thanks", "greeting", "thanks", "photo"} {
			if err := h.s.SmallTalk(ctx, k); err != nil {
				t.Fatal(err)
			}
		}
		got, err := h.s.SmallTalkCounts(ctx, 7)
		if err != nil {
			t.Fatal(err)
		}
		if want := "map[greeting:1 photo:1 thanks:2]"; fmt.Sprint(got) != want {
			t.Errorf("SmallTalkCounts = %v, want %s", got, want)
		}
		if top, _ := h.s.TopUnanswered(ctx, 7, 0); len(top) != 0 {
			t.Errorf("small talk counted as unanswered: %v", top)
		}
	})

	t.Run("share", func(t *testing.T) {
		h := newStore(t, Options{})
		q := "Những thôn nào của xã Thử Nghiệm được sáp nhập theo Nghị quyết số 99/NQ-HĐND?"
		key, err := h.s.Share(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := h.s.Share(ctx, q); again != key {
			t.Errorf("the same question got keys %q and %q", key, again)
		}
		if other, _ := h.s.Share(ctx, q+" "); other == key {
			t.Errorf("two questions got the same key %q", key)
		}
		if len(key) > 20 || strings.Trim(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != "" {
			t.Errorf("key %q: want a few characters a deep link may carry", key)
		}
		if got, ok, err := h.s.Shared(ctx, key); err != nil || !ok || got != q {
			t.Errorf("Shared(%q) = %q, %v, %v; want the question", key, got, ok, err)
		}
		// Kept with no link to the chat, out of /quentoi's reach: a month
		// from its last use, not three as before.
		if ttl, month := h.keys(t)[shareKey(key)], 30*24*time.Hour; ttl <= month-time.Hour || ttl > month {
			t.Errorf("shared question TTL = %v, want 30 days", ttl)
		}
		for _, bad := range []string{"", "AAAAAAAAAAA", "nope", strings.Repeat("x", 64), "a:b*c"} {
			if got, ok, err := h.s.Shared(ctx, bad); ok || err != nil {
				t.Errorf("Shared(%q) = %q, %v, %v; want not found", bad, got, ok, err)
			}
		}
		if _, err := h.s.Share(ctx, strings.Repeat("x", maxShared+1)); !errors.Is(err, ErrTooLong) {
			t.Errorf("sharing a huge question: err = %v, want ErrTooLong", err)
		}
	})

	t.Run("shared question expires", func(t *testing.T) {
		h := newStore(t, Options{ShareTTL: 150 * time.Millisecond})
		key, err := h.s.Share(ctx, "câu hỏi dài")
		if err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for {
			_, ok, err := h.s.Shared(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("shared question still there 5 s after its 150 ms TTL")
			}
			// Each read renews it: wait longer than the TTL between reads.
			time.Sleep(250 * time.Millisecond)
		}
	})

	t.Run("every key has a TTL", func(t *testing.T) {
		opts := Options{TTL: time.Hour, StatsTTL: 48 * time.Hour, FloodWindow: time.Minute, ShareTTL: 72 * time.Hour}
		h := newStore(t, opts)
		fill(t, h.s, user, user)
		fill(t, h.s, other, group)
		keys := h.keys(t)
		if len(keys) < 12 { // two chats, two users × 3, and 6 shared counters
			t.Fatalf("only %d keys: %v", len(keys), keys)
		}
		for k, ttl := range keys {
			if !strings.HasPrefix(k, "kyanhbot:") {
				t.Errorf("key %q outside the kyanhbot: namespace", k)
			}
			limit := opts.TTL
			if strings.HasPrefix(k, "kyanhbot:unanswered:") || strings.HasPrefix(k, "kyanhbot:votes:") || strings.HasPrefix(k, "kyanhbot:smalltalk:") ||
				strings.HasPrefix(k, "kyanhbot:questions:") || strings.HasPrefix(k, "kyanhbot:slow:") {
				limit = opts.StatsTTL
			}
			if strings.HasPrefix(k, "kyanhbot:share:") {
				limit = opts.ShareTTL
			}
			if ttl <= 0 || ttl > limit {
				t.Errorf("key %q TTL = %v, want in (0, %v]", k, ttl, limit)
			}
		}
	})

	t.Run("state expires", func(t *testing.T) {
		h := newStore(t, Options{TTL: 150 * time.Millisecond, FloodWindow: 150 * time.Millisecond})
		fill(t, h.s, user, user)
		time.Sleep(250 * time.Millisecond)
		if got, _ := h.s.Chat(ctx, user); got != (bot.ChatState{}) {
			t.Errorf("after TTL: chat state %+v, want zero", got)
		}
		if got, _ := h.s.Hit(ctx, user); got != 1 {
			t.Errorf("after the window: Hit = %d, want 1", got)
		}
		if votes, _ := h.s.Votes(ctx, user); len(votes) != 0 {
			t.Errorf("after TTL: votes %v, want none", votes)
		}
	})

	t.Run("forget leaves no key of the user", func(t *testing.T) {
		h := newStore(t, Options{})
		fill(t, h.s, user, user)
		fill(t, h.s, user, group)
		fill(t, h.s, other, other)
		if err := h.s.Forget(ctx, user, user); err != nil {
			t.Fatal(err)
		}
		if err := h.s.Forget(ctx, user, group); err != nil {
			t.Fatal(err)
		}
		for k := range h.keys(t) {
			for _, id := range []int64{user, group} {
				if strings.Contains(k, strconv.FormatInt(id, 10)) {
					t.Errorf("key %q of %d left after Forget", k, id)
				}
			}
		}
		if got, _ := h.s.Chat(ctx, other); got.List.Query == "" {
			t.Errorf("other user's chat state gone too: %+v", got)
		}
		if votes, _ := h.s.Votes(ctx, other); len(votes) != 1 {
			t.Errorf("other user's votes = %v, want 1", votes)
		}
		if got, _ := h.s.Hit(ctx, user); got != 1 {
			t.Errorf("flood counter after Forget = %d, want 1 (reset)", got)
		}
	})
}

// fill does everything a conversation stores for a user in a chat.
func fill(t *testing.T, s conversation, userID, chatID int64) {
	t.Helper()
	ctx := context.Background()
	st := bot.ChatState{Lang: "vi", List: bot.List{Kind: "search", Query: "câu hỏi của " + strconv.FormatInt(userID, 10), Offset: 1, Seq: 1}}
	if err := s.SaveChat(ctx, chatID, st); err != nil {
		t.Fatal(err)
	}
	if err := s.Vote(ctx, userID, bot.Vote{Key: "k" + strconv.FormatInt(chatID, 10), Up: true, Time: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Hit(ctx, userID); err != nil {
		t.Fatal(err)
	}
	if err := s.Unanswered(ctx, "cau hoi khong ai tra loi"); err != nil {
		t.Fatal(err)
	}
	if err := s.SmallTalk(ctx, "thanks"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Share(ctx, "câu hỏi chia sẻ"); err != nil {
		t.Fatal(err)
	}
	if err := s.CountQuestion(ctx, "cau hoi", false, time.Millisecond); err != nil {
		t.Fatal(err)
	}
}

func TestDecodeChat(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bot.ChatState
		ok   bool
	}{
		{"v1", `{"v":1,"lang":"en","pend":"tim","kind":"docs","q":"18","off":8,"seq":3,"contact":"VP"}`,
			bot.ChatState{Lang: "en", Waiting: [4]bot.Wait{{Command: "tim"}}, Contact: "VP", List: bot.List{Kind: "docs", Query: "18", Offset: 8, Seq: 3}}, true},
		{"waits per user", `{"v":1,"wait":[{"u":5,"c":"tim"},{"u":-7,"c":"tim"}]}`,
			bot.ChatState{Waiting: [4]bot.Wait{{User: 5, Command: "tim"}, {User: -7, Command: "tim"}}}, true},
		{"missing fields read as zero", `{"v":1,"q":"x"}`, bot.ChatState{List: bot.List{Query: "x"}}, true},
		{"kept results", `{"v":1,"kind":"search","q":"x","off":4,"ahead":[{"h":"a","a":"art"},{"h":"b"}],"tot":9,"gen":"g1"}`,
			bot.ChatState{List: bot.List{Kind: "search", Query: "x", Offset: 4, Total: 9, Gen: "g1",
				Ahead: [3]bot.PageItem{{HTML: "a", ArticleID: "art"}, {HTML: "b"}}}}, true},
		{"more kept results than a page are cut", `{"v":1,"q":"x","ahead":[{"h":"1"},{"h":"2"},{"h":"3"},{"h":"4"}],"gen":"g"}`,
			bot.ChatState{List: bot.List{Query: "x", Gen: "g", Ahead: [3]bot.PageItem{{HTML: "1"}, {HTML: "2"}, {HTML: "3"}}}}, true},
		{"newer version with unknown fields", `{"v":2,"q":"x","history":["a","b"],"off":2}`,
			bot.ChatState{List: bot.List{Query: "x", Offset: 2}}, true},
		{"no version", `{"q":"x"}`, bot.ChatState{}, false},
		{"not JSON", `q=x`, bot.ChatState{}, false},
		{"wrong type", `{"v":1,"off":"two"}`, bot.ChatState{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeChat([]byte(tt.in))
			if (err == nil) != tt.ok {
				t.Fatalf("decodeChat error = %v, want ok=%v", err, tt.ok)
			}
			if got != tt.want {
				t.Errorf("decodeChat = %+v, want %+v", got, tt.want)
			}
		})
	}
}
