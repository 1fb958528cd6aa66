package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/redis/go-redis/v9"
)

// Redis is a Store in Redis, shared by every replica of the bot. It works with
// a single server, Sentinel or Cluster (redis.UniversalClient): no command
// touches two keys at once, so keys need not share a cluster slot.
type Redis struct {
	c    redis.UniversalClient
	opts Options
}

// NewRedis returns a store over c. The caller owns c and closes it.
func NewRedis(c redis.UniversalClient, opts Options) *Redis {
	return &Redis{c: c, opts: opts.withDefaults()}
}

// Chat implements bot.Store.
func (r *Redis) Chat(ctx context.Context, chatID int64) (bot.ChatState, error) {
	b, err := r.c.Get(ctx, chatKey(chatID)).Bytes()
	if errors.Is(err, redis.Nil) {
		return bot.ChatState{}, nil
	}
	if err != nil {
		return bot.ChatState{}, fmt.Errorf("store: get chat: %w", err)
	}
	return decodeChat(b)
}

// SaveChat implements bot.Store.
func (r *Redis) SaveChat(ctx context.Context, chatID int64, st bot.ChatState) error {
	b, err := encodeChat(st)
	if err != nil {
		return err
	}
	if err := r.c.Set(ctx, chatKey(chatID), b, r.opts.TTL).Err(); err != nil {
		return fmt.Errorf("store: save chat: %w", err)
	}
	return nil
}

// Vote implements bot.Store.
func (r *Redis) Vote(ctx context.Context, userID int64, v bot.Vote) error {
	b, err := encodeVote(v)
	if err != nil {
		return err
	}
	field := "down"
	if v.Up {
		field = "up"
	}
	day := votesKey(r.opts.Now())
	_, err = r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, voteKey(userID), v.Key, b)
		p.PExpire(ctx, voteKey(userID), r.opts.TTL)
		p.HIncrBy(ctx, day, field, 1)
		p.PExpire(ctx, day, r.opts.StatsTTL)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: vote: %w", err)
	}
	return nil
}

// Votes returns a user's feedback, in no particular order.
func (r *Redis) Votes(ctx context.Context, userID int64) ([]bot.Vote, error) {
	m, err := r.c.HGetAll(ctx, voteKey(userID)).Result()
	if err != nil {
		return nil, fmt.Errorf("store: votes: %w", err)
	}
	var out []bot.Vote
	for k, s := range m {
		v, err := decodeVote(k, []byte(s))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// hitScript counts a message and starts the window on the first one. The
// PTTL check repairs a counter left without expiry, which would otherwise
// silence a user for good.
var hitScript = redis.NewScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then
	redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return n`)

// Hit implements bot.Store.
func (r *Redis) Hit(ctx context.Context, userID int64) (int, error) {
	n, err := hitScript.Run(ctx, r.c, []string{floodKey(userID)}, r.opts.FloodWindow.Milliseconds()).Int()
	if err != nil {
		return 0, fmt.Errorf("store: flood counter: %w", err)
	}
	return n, nil
}

// Unanswered implements bot.Store.
func (r *Redis) Unanswered(ctx context.Context, question string) error {
	q := clipQuestion(question)
	if q == "" {
		return nil
	}
	key := unansweredKey(r.opts.Now())
	_, err := r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.ZIncrBy(ctx, key, 1, q)
		p.PExpire(ctx, key, r.opts.StatsTTL)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: unanswered: %w", err)
	}
	return nil
}

// SmallTalk implements bot.Store.
func (r *Redis) SmallTalk(ctx context.Context, kind string) error {
	key := smallTalkKey(r.opts.Now())
	_, err := r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.HIncrBy(ctx, key, kind, 1)
		p.PExpire(ctx, key, r.opts.StatsTTL)
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: small talk: %w", err)
	}
	return nil
}

// SmallTalkCounts returns the messages of small talk over the last days
// (today included), by kind.
func (r *Redis) SmallTalkCounts(ctx context.Context, nDays int) (map[string]int, error) {
	out := map[string]int{}
	for _, d := range days(r.opts.Now(), nDays) {
		m, err := r.c.HGetAll(ctx, smallTalkKey(d)).Result()
		if err != nil {
			return nil, fmt.Errorf("store: small talk: %w", err)
		}
		for k, v := range m {
			n, _ := strconv.Atoi(v)
			out[k] += n
		}
	}
	return out, nil
}

// Share implements bot.Store.
func (r *Redis) Share(ctx context.Context, question string) (string, error) {
	if len(question) > maxShared {
		return "", ErrTooLong
	}
	key := shareID(question)
	if err := r.c.Set(ctx, shareKey(key), question, r.opts.ShareTTL).Err(); err != nil {
		return "", fmt.Errorf("store: share: %w", err)
	}
	return key, nil
}

// Shared implements bot.Store. Each use keeps the link alive for another
// ShareTTL.
func (r *Redis) Shared(ctx context.Context, key string) (string, bool, error) {
	if !validShareKey(key) {
		return "", false, nil
	}
	q, err := r.c.GetEx(ctx, shareKey(key), r.opts.ShareTTL).Result()
	if errors.Is(err, redis.Nil) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: shared: %w", err)
	}
	return q, true, nil
}

// TopUnanswered returns the n questions most often unanswered over the last
// days (today included), most frequent first.
func (r *Redis) TopUnanswered(ctx context.Context, nDays, n int) ([]Count, error) {
	sum := map[string]int{}
	for _, d := range days(r.opts.Now(), nDays) {
		zs, err := r.c.ZRangeWithScores(ctx, unansweredKey(d), 0, -1).Result()
		if err != nil {
			return nil, fmt.Errorf("store: top unanswered: %w", err)
		}
		for _, z := range zs {
			if q, ok := z.Member.(string); ok {
				sum[q] += int(z.Score)
			}
		}
	}
	return top(sum, n), nil
}

// Totals returns the anonymised vote counts over the last days.
func (r *Redis) Totals(ctx context.Context, nDays int) (VoteTotals, error) {
	var t VoteTotals
	for _, d := range days(r.opts.Now(), nDays) {
		m, err := r.c.HGetAll(ctx, votesKey(d)).Result()
		if err != nil {
			return t, fmt.Errorf("store: vote totals: %w", err)
		}
		up, _ := strconv.Atoi(m["up"])
		down, _ := strconv.Atoi(m["down"])
		t.Up += up
		t.Down += down
	}
	return t, nil
}

// Forget implements bot.Store. One DEL per key rather than one DEL of all:
// on a Cluster the keys live in different slots.
func (r *Redis) Forget(ctx context.Context, userID, chatID int64) error {
	_, err := r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, chatKey(chatID))
		p.Del(ctx, voteKey(userID))
		p.Del(ctx, floodKey(userID))
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: forget: %w", err)
	}
	return nil
}
