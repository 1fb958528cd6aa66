package admin

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// Stats keeps the question counters of /stats — per day, the questions
// asked and answered and the slowest searches, no user ID — shared by the
// replicas when in Redis; *store.Redis and *store.Memory are ones. The
// Recorder anonymises what it counts.
type Stats interface {
	CountQuestion(ctx context.Context, question string, answered bool, took time.Duration) error
	QuestionStats(ctx context.Context, nDays, nSlow int) (store.QuestionStats, error)
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
	Stats   Stats
	Observe func(took time.Duration, found bool)
	Logger  *slog.Logger
}

// Hold holds the wrapped Searcher's corpus text while a message is
// answered, if it needs holding (index.Live.Hold).
func (r *Recorder) Hold() (release func()) {
	if h, ok := r.Searcher.(interface{ Hold() func() }); ok {
		return h.Hold()
	}
	return func() {}
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
		if err := r.Stats.CountQuestion(ctx, anonymise(question), res.Found, took); err != nil && r.Logger != nil {
			r.Logger.Warn("admin: question not counted", "err", err)
		}
	}
	return res, nil
}

// statsCommand is /stats. Its report quotes citizens' questions (the
// unanswered and the slowest, redacted but in their words), which are not
// for the members of a group: asked in one, it goes to the admin in private
// (see private).
func (a *Admin) statsCommand(ctx context.Context, m bot.Message, _ string) ([]bot.Reply, error) {
	a.log.Info("stats requested", "user_id", m.UserID, "chat_id", m.ChatID)
	return a.private(ctx, m, "/stats", a.statsReport(ctx, m)), nil
}

// statsReport is the /stats report.
func (a *Admin) statsReport(ctx context.Context, m bot.Message) bot.Reply {
	t := textsFor(m)
	var (
		b    strings.Builder
		errs []error
		sum  store.QuestionStats
	)
	b.WriteString(t.StatsHead)
	if a.cfg.Stats != nil {
		var err error
		if sum, err = a.cfg.Stats.QuestionStats(ctx, 7, 5); err != nil {
			errs = append(errs, err)
		}
		fmt.Fprintf(&b, t.Questions, sum.Today, sum.Asked)
		if sum.Asked > 0 {
			fmt.Fprintf(&b, t.Answered, sum.Answered, sum.Asked, (sum.Answered*100+sum.Asked/2)/sum.Asked)
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
	return bot.Reply{Text: strings.TrimRight(b.String(), "\n")}
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
