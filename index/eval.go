package index

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// Question is one line of a question file (JSON Lines): a question and the
// strings a good answer contains. An empty ExpectAny means the corpus does not
// answer it, and the right reply is "nothing found" with contacts offered.
type Question struct {
	ID        string   `json:"id"`
	Question  string   `json:"question"`
	Kind      string   `json:"kind"`
	ExpectAny []string `json:"expect_any"`
	Note      string   `json:"note,omitempty"`
}

// ReadQuestions reads a JSON Lines question file.
func ReadQuestions(r io.Reader) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(t), &q); err != nil {
			return nil, fmt.Errorf("index: questions line %d: %w", line, err)
		}
		if q.Kind == "" {
			q.Kind = "other"
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("index: read questions: %w", err)
	}
	return qs, nil
}

// Searcher is what Evaluate asks.
type Searcher interface {
	Search(ctx context.Context, question string, opts Options) (Result, error)
}

// EvalCase is the outcome of one question.
type EvalCase struct {
	Question Question
	Found    bool
	Answer   string // first hit's text
	Rank     int    // 1-based rank of the first hit containing an expected string; 0 if none in the top 3
	OK       bool   // hit@1, or a correct "no answer"
}

// EvalRow aggregates one kind of question.
type EvalRow struct {
	Kind            string
	Questions       int
	Answerable      int // questions with expected strings
	Hit1, Hit3      int
	NoAnswer        int // questions the corpus does not answer
	NoAnswerCorrect int // declined, with contacts offered
	FalseNoAnswer   int // answerable but declined
}

// Report is the quality of a searcher on a question set.
type Report struct {
	Rows  []EvalRow // by kind, sorted
	Total EvalRow
	Cases []EvalCase
}

// Evaluate runs every question and scores the answers: hit@1 is the first
// hit containing one of the expected strings (compared in normalised
// spelling), hit@3 the same in the first three.
func Evaluate(ctx context.Context, s Searcher, qs []Question) (Report, error) {
	var rep Report
	rows := map[string]*EvalRow{}
	for _, q := range qs {
		res, err := s.Search(ctx, q.Question, Options{Limit: 3})
		if err != nil {
			return rep, fmt.Errorf("index: evaluate %s: %w", q.ID, err)
		}
		c := EvalCase{Question: q, Found: res.Found}
		if len(res.Hits) > 0 {
			c.Answer = res.Hits[0].Text
		}
		row := rows[q.Kind]
		if row == nil {
			row = &EvalRow{Kind: q.Kind}
			rows[q.Kind] = row
		}
		row.Questions++
		if len(q.ExpectAny) == 0 {
			row.NoAnswer++
			if !res.Found && len(res.Contacts) > 0 {
				row.NoAnswerCorrect++
				c.OK = true
			}
		} else {
			row.Answerable++
			if !res.Found {
				row.FalseNoAnswer++
			}
			for i, h := range res.Hits {
				if i < 3 && containsAny(h.Text, q.ExpectAny) {
					c.Rank = i + 1
					break
				}
			}
			if c.Rank == 1 {
				row.Hit1++
				c.OK = true
			}
			if c.Rank >= 1 {
				row.Hit3++
			}
		}
		rep.Cases = append(rep.Cases, c)
	}
	for _, r := range rows {
		rep.Rows = append(rep.Rows, *r)
		rep.Total.Questions += r.Questions
		rep.Total.Answerable += r.Answerable
		rep.Total.Hit1 += r.Hit1
		rep.Total.Hit3 += r.Hit3
		rep.Total.NoAnswer += r.NoAnswer
		rep.Total.NoAnswerCorrect += r.NoAnswerCorrect
		rep.Total.FalseNoAnswer += r.FalseNoAnswer
	}
	rep.Total.Kind = "all"
	sort.Slice(rep.Rows, func(i, j int) bool { return rep.Rows[i].Kind < rep.Rows[j].Kind })
	return rep, nil
}

func containsAny(text string, want []string) bool {
	t := content.Normalize(text)
	for _, w := range want {
		if strings.Contains(text, w) || strings.Contains(t, content.Normalize(w)) {
			return true
		}
	}
	return false
}

// Write prints the report as a table, then every miss.
func (r Report) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-14s %5s %10s %10s %12s\n", "kind", "n", "hit@1", "hit@3", "no-answer ok")
	for _, row := range append(append([]EvalRow{}, r.Rows...), r.Total) {
		fmt.Fprintf(bw, "%-14s %5d %10s %10s %12s\n", row.Kind, row.Questions,
			ratio(row.Hit1, row.Answerable), ratio(row.Hit3, row.Answerable), ratio(row.NoAnswerCorrect, row.NoAnswer))
	}
	for _, c := range r.Cases {
		if c.OK {
			continue
		}
		fmt.Fprintf(bw, "\nMISS %s [%s] %s\n", c.Question.ID, c.Question.Kind, c.Question.Question)
		if len(c.Question.ExpectAny) == 0 {
			fmt.Fprintf(bw, "  expected no answer, got: %s\n", short(c.Answer))
		} else {
			fmt.Fprintf(bw, "  expected one of %q (rank %d), got: %s\n", c.Question.ExpectAny, c.Rank, short(c.Answer))
		}
	}
	return bw.Flush()
}

func ratio(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d %3.0f%%", n, d, 100*float64(n)/float64(d))
}

func short(s string) string {
	if r := []rune(s); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	if s == "" {
		return "(nothing)"
	}
	return s
}
