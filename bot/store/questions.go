package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// QuestionStats are the question counters of some days, for /stats.
type QuestionStats struct {
	Today    int // questions asked today
	Asked    int // questions asked over the days, today included
	Answered int // of Asked, how many were answered
	Slowest  []Slow
}

// Slow is one slow search.
type Slow struct {
	Question string
	Took     time.Duration
}

// keepSlow is how many slow searches are kept per day.
const keepSlow = 20

// CountQuestion counts one question asked — answered or not, and how long
// its search took — in the day's counters. The caller anonymises question
// (admin.Recorder does): no chat or user ID is kept, and the counters expire
// after Options.StatsTTL. Each day keeps its keepSlow slowest questions, each
// once at its slowest time, to the microsecond.
func (r *Redis) CountQuestion(ctx context.Context, question string, answered bool, took time.Duration) error {
	day := dayString(r.opts.Now())
	counts, slow := questionsKey(day), slowKey(day)
	_, err := r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.HIncrBy(ctx, counts, "q", 1)
		if answered {
			p.HIncrBy(ctx, counts, "a", 1)
		}
		p.PExpire(ctx, counts, r.opts.StatsTTL)
		if question != "" {
			p.ZAddGT(ctx, slow, redis.Z{Score: float64(took.Microseconds()), Member: question})
			p.ZRemRangeByRank(ctx, slow, 0, -keepSlow-1)
			p.PExpire(ctx, slow, r.opts.StatsTTL)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: count question: %w", err)
	}
	return nil
}

// QuestionStats adds up the question counters of the last nDays (today
// included), with the nSlow slowest questions, slowest first.
func (r *Redis) QuestionStats(ctx context.Context, nDays, nSlow int) (QuestionStats, error) {
	var sum QuestionStats
	slow := map[string]time.Duration{}
	for i, d := range days(r.opts.Now(), nDays) {
		m, err := r.c.HGetAll(ctx, questionsKey(dayString(d))).Result()
		if err != nil {
			return sum, fmt.Errorf("store: question stats: %w", err)
		}
		q, _ := strconv.Atoi(m["q"])
		a, _ := strconv.Atoi(m["a"])
		sum.add(i == 0, q, a)
		if nSlow < 1 {
			continue
		}
		zs, err := r.c.ZRevRangeWithScores(ctx, slowKey(dayString(d)), 0, int64(nSlow-1)).Result()
		if err != nil {
			return sum, fmt.Errorf("store: question stats: %w", err)
		}
		for _, z := range zs {
			k, _ := z.Member.(string)
			slow[k] = max(slow[k], time.Duration(z.Score)*time.Microsecond)
		}
	}
	sum.Slowest = slowest(slow, nSlow)
	return sum, nil
}

// questionDay is one day's question counters in memory.
type questionDay struct {
	asked, answered int
	slow            map[string]time.Duration
}

// CountQuestion counts one question; see Redis.CountQuestion.
func (m *Memory) CountQuestion(_ context.Context, question string, answered bool, took time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	key := dayString(now)
	e, ok := m.questions[key]
	if !ok || !e.live(now) {
		e = expiring[*questionDay]{v: &questionDay{slow: map[string]time.Duration{}}}
	}
	// Both of the day's keys are renewed at each question, as in Redis.
	e.exp = now.Add(m.opts.StatsTTL)
	m.questions[key] = e
	d := e.v
	d.asked++
	if answered {
		d.answered++
	}
	took = took.Truncate(time.Microsecond)
	// A new question is kept at any time, 0 included (ZADD GT adds it).
	if cur, ok := d.slow[question]; question != "" && (!ok || took > cur) {
		d.slow[question] = took
		if len(d.slow) > keepSlow {
			fastest := ""
			for k, v := range d.slow {
				if fastest == "" || v < d.slow[fastest] || (v == d.slow[fastest] && k < fastest) {
					fastest = k
				}
			}
			delete(d.slow, fastest)
		}
	}
	return nil
}

// QuestionStats adds up the question counters; see Redis.QuestionStats.
func (m *Memory) QuestionStats(_ context.Context, nDays, nSlow int) (QuestionStats, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	var sum QuestionStats
	slow := map[string]time.Duration{}
	for i, d := range days(now, nDays) {
		e, ok := m.questions[dayString(d)]
		if !ok || !e.live(now) {
			sum.add(i == 0, 0, 0)
			continue
		}
		sum.add(i == 0, e.v.asked, e.v.answered)
		for k, v := range e.v.slow {
			slow[k] = max(slow[k], v)
		}
	}
	sum.Slowest = slowest(slow, nSlow)
	return sum, nil
}

func (s *QuestionStats) add(today bool, asked, answered int) {
	if today {
		s.Today = asked
	}
	s.Asked += asked
	s.Answered += answered
}

// slowest returns the n slowest questions of m, slowest first.
func slowest(m map[string]time.Duration, n int) []Slow {
	var out []Slow
	for k, v := range m {
		out = append(out, Slow{Question: k, Took: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Took != out[j].Took {
			return out[i].Took > out[j].Took
		}
		return out[i].Question < out[j].Question
	})
	return out[:min(len(out), max(n, 0))]
}
