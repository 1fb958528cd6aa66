package admin

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/redis/go-redis/v9"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// Stats counts questions per day — asked, answered — and keeps the slowest
// searches, in Redis when the bot has one (shared by the replicas) or in
// memory. Every day's counters expire after TTL; no user ID is ever recorded,
// and questions are anonymised like the unanswered ones.
type Stats struct {
	rdb redis.UniversalClient // nil: in memory
	ttl time.Duration
	now func() time.Time

	mu   sync.Mutex
	days map[string]*day
}

type day struct {
	questions, answered int
	slow                map[string]time.Duration
}

// keepSlow is how many slow searches are kept per day.
const keepSlow = 20

// NewStats keeps the counters in rdb, or in memory when rdb is nil, for ttl
// (7 days when zero).
func NewStats(rdb redis.UniversalClient, ttl time.Duration) *Stats {
	if ttl <= 0 {
		ttl = 7 * 24 * time.Hour
	}
	return &Stats{rdb: rdb, ttl: ttl, now: time.Now, days: map[string]*day{}}
}

func dayKey(t time.Time) string { return t.UTC().Format("20060102") }

func countsKey(d string) string { return "kyanhbot:questions:" + d }
func slowKey(d string) string   { return "kyanhbot:slow:" + d }

// Record counts one question (first page only, not the "more" pages).
func (s *Stats) Record(ctx context.Context, question string, answered bool, took time.Duration) error {
	q := anonymise(question)
	d := dayKey(s.now())
	if s.rdb == nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.sweep()
		dd := s.days[d]
		if dd == nil {
			dd = &day{slow: map[string]time.Duration{}}
			s.days[d] = dd
		}
		dd.questions++
		if answered {
			dd.answered++
		}
		if q != "" && took > dd.slow[q] {
			dd.slow[q] = took
			if len(dd.slow) > keepSlow {
				fastest := ""
				for k, v := range dd.slow {
					if fastest == "" || v < dd.slow[fastest] {
						fastest = k
					}
				}
				delete(dd.slow, fastest)
			}
		}
		return nil
	}
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.HIncrBy(ctx, countsKey(d), "q", 1)
		if answered {
			p.HIncrBy(ctx, countsKey(d), "a", 1)
		}
		p.Expire(ctx, countsKey(d), s.ttl)
		if q != "" {
			p.ZAddGT(ctx, slowKey(d), redis.Z{Score: float64(took.Microseconds()), Member: q})
			p.ZRemRangeByRank(ctx, slowKey(d), 0, -keepSlow-1)
			p.Expire(ctx, slowKey(d), s.ttl)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("admin: record question: %w", err)
	}
	return nil
}

// sweep drops expired days from memory.
func (s *Stats) sweep() {
	oldest := dayKey(s.now().Add(-s.ttl))
	for d := range s.days {
		if d < oldest {
			delete(s.days, d)
		}
	}
}

// Slow is one slow search.
type Slow struct {
	Question string
	Took     time.Duration
}

// Summary is the counters over some days.
type Summary struct {
	Today, Week, Answered int // Answered is over the week
	Slowest               []Slow
}

// Summary adds up today and the last nDays (today included).
func (s *Stats) Summary(ctx context.Context, nDays, nSlow int) (Summary, error) {
	var sum Summary
	slow := map[string]time.Duration{}
	now := s.now()
	for i := range nDays {
		d := dayKey(now.AddDate(0, 0, -i))
		var q, a int
		if s.rdb == nil {
			s.mu.Lock()
			if dd := s.days[d]; dd != nil {
				q, a = dd.questions, dd.answered
				for k, v := range dd.slow {
					slow[k] = max(slow[k], v)
				}
			}
			s.mu.Unlock()
		} else {
			m, err := s.rdb.HGetAll(ctx, countsKey(d)).Result()
			if err != nil {
				return sum, fmt.Errorf("admin: stats: %w", err)
			}
			q, _ = strconv.Atoi(m["q"])
			a, _ = strconv.Atoi(m["a"])
			zs, err := s.rdb.ZRevRangeWithScores(ctx, slowKey(d), 0, int64(nSlow-1)).Result()
			if err != nil {
				return sum, fmt.Errorf("admin: stats: %w", err)
			}
			for _, z := range zs {
				k, _ := z.Member.(string)
				slow[k] = max(slow[k], time.Duration(z.Score)*time.Microsecond)
			}
		}
		if i == 0 {
			sum.Today = q
		}
		sum.Week += q
		sum.Answered += a
	}
	for k, v := range slow {
		sum.Slowest = append(sum.Slowest, Slow{Question: k, Took: v})
	}
	sort.Slice(sum.Slowest, func(i, j int) bool {
		if sum.Slowest[i].Took != sum.Slowest[j].Took {
			return sum.Slowest[i].Took > sum.Slowest[j].Took
		}
		return sum.Slowest[i].Question < sum.Slowest[j].Question
	})
	if len(sum.Slowest) > nSlow {
		sum.Slowest = sum.Slowest[:nSlow]
	}
	return sum, nil
}

// anonymise normalises a question for the admins' lists, redacted by the
// engine's rule (bot.Redact).
func anonymise(q string) string {
	q = strings.ToLower(content.Normalize(bot.Redact(q)))
	q = strings.Join(strings.FieldsFunc(q, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != '…' && r != '/' && r != '-'
	}), " ")
	if r := []rune(q); len(r) > 200 {
		q = string(r[:200])
	}
	return q
}

// smallTalkLine lists the kinds of small talk, most frequent first.
func smallTalkLine(t *texts, counts map[string]int) string {
	kinds := make([]string, 0, len(counts))
	for k := range counts {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if counts[kinds[i]] != counts[kinds[j]] {
			return counts[kinds[i]] > counts[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		name := t.SmallTalkKinds[k]
		if name == "" {
			name = k
		}
		parts[i] = fmt.Sprintf("%s %d", html.EscapeString(name), counts[k])
	}
	return strings.Join(parts, " · ")
}

// Searcher is what the engine searches with; Recorder wraps one.
type Searcher interface {
	Search(ctx context.Context, question string, opts index.Options) (index.Result, error)
	Corpus() *content.Corpus
}

// Recorder is a Searcher that counts every question — asked, answered, how
// long the search took — into Stats and an optional observer (metrics).
type Recorder struct {
	Searcher
	Stats   *Stats
	Observe func(took time.Duration, found bool)
	Logger  *slog.Logger
}

// Search implements bot.Searcher. "More" pages (an Offset) are the same
// question again and are not counted, nor are inline queries (bot.Preview).
func (r *Recorder) Search(ctx context.Context, question string, opts index.Options) (index.Result, error) {
	start := time.Now()
	res, err := r.Searcher.Search(ctx, question, opts)
	took := time.Since(start)
	if err != nil || opts.Offset > 0 || bot.IsPreview(ctx) {
		// An inline query is searched as the user types: no question yet.
		return res, err
	}
	if r.Observe != nil {
		r.Observe(took, res.Found)
	}
	if r.Stats != nil {
		if err := r.Stats.Record(ctx, question, res.Found, took); err != nil && r.Logger != nil {
			r.Logger.Warn("admin: question not counted", "err", err)
		}
	}
	return res, nil
}

// statsCommand is /stats.
func (a *Admin) statsCommand(ctx context.Context, m bot.Message, _ string) ([]bot.Reply, error) {
	a.log.Info("stats requested", "user_id", m.UserID)
	t := textsFor(m)
	var (
		b    strings.Builder
		errs []error
		sum  Summary
	)
	b.WriteString(t.StatsHead)
	if a.cfg.Stats != nil {
		var err error
		if sum, err = a.cfg.Stats.Summary(ctx, 7, 5); err != nil {
			errs = append(errs, err)
		}
		fmt.Fprintf(&b, t.Questions, sum.Today, sum.Week)
		if sum.Week > 0 {
			fmt.Fprintf(&b, t.Answered, sum.Answered, sum.Week, (sum.Answered*100+sum.Week/2)/sum.Week)
		}
	}
	if a.cfg.Feedback != nil {
		if tot, err := a.cfg.Feedback.Totals(ctx, 7); err != nil {
			errs = append(errs, err)
		} else {
			fmt.Fprintf(&b, t.Feedback, tot.Up, tot.Down)
		}
		if counts, err := a.cfg.Feedback.SmallTalkCounts(ctx, 7); err != nil {
			errs = append(errs, err)
		} else if len(counts) > 0 {
			fmt.Fprintf(&b, t.SmallTalk, smallTalkLine(t, counts))
		}
		if top, err := a.cfg.Feedback.TopUnanswered(ctx, 7, 10); err != nil {
			errs = append(errs, err)
		} else if len(top) > 0 {
			b.WriteString(t.TopUnanswered)
			for i, c := range top {
				fmt.Fprintf(&b, t.Times, i+1, html.EscapeString(c.Question), c.N)
			}
		}
	}
	if len(sum.Slowest) > 0 {
		b.WriteString(t.Slowest)
		for i, s := range sum.Slowest {
			fmt.Fprintf(&b, "%d. %s ms — «%s»\n", i+1, strings.Replace(fmt.Sprintf("%.1f", float64(s.Took.Microseconds())/1000), ".", t.DecimalComma, 1), html.EscapeString(s.Question))
		}
	}
	b.WriteString(t.Serving)
	if a.cfg.Replicas == nil {
		cur := a.cfg.Reloader.Current()
		fmt.Fprintf(&b, "• %s\n", replicaLine(t, a.cfg.Self, cur.Version, cur.Articles, cur.Built, true))
	} else if reps, err := a.cfg.Replicas(ctx); err != nil {
		errs = append(errs, err)
	} else {
		for _, r := range reps {
			fmt.Fprintf(&b, "• %s\n", replicaLine(t, r.ID, r.Version, r.Articles, r.Built, r.ID == a.cfg.Self))
		}
	}
	if len(errs) > 0 {
		a.log.Error("admin: stats incomplete", "err", errs[0])
		b.WriteString(t.StatsIncomplete)
	}
	return []bot.Reply{{Text: strings.TrimRight(b.String(), "\n")}}, nil
}

func replicaLine(t *texts, id, version string, articles int, built time.Time, self bool) string {
	if id == "" {
		id = "bot"
	}
	if version == "" {
		version = "—"
	}
	s := fmt.Sprintf(t.Replica, html.EscapeString(id), html.EscapeString(version), articles)
	if !built.IsZero() {
		s += t.Loaded + built.UTC().Format("02/01 15:04:05")
	}
	if self {
		s += t.ThisReplica
	}
	return s
}
