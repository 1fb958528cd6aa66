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
	Question Question `json:"question"`
	Found    bool     `json:"found"`
	Answer   string   `json:"answer"` // first hit's text
	Hits     []string `json:"hits"`   // the first three hits' texts, best first
	// Articles are the first three hits' article ids (a page's file name):
	// a wrong answer from another page than the one asked about shows here.
	Articles []string `json:"articles,omitempty"`
	Rank     int      `json:"rank"` // 1-based rank of the first hit containing an expected string; 0 if none in the top 3
	OK       bool     `json:"ok"`   // hit@1, or a correct "no answer"
	// Maybe is the unit offered as "maybe this" beside a decline, if any;
	// MaybeOK: it holds an expected string.
	Maybe   string `json:"maybe,omitempty"`
	MaybeOK bool   `json:"maybe_ok,omitempty"`
}

// EvalRow aggregates one kind of question.
type EvalRow struct {
	Kind            string `json:"kind"`
	Questions       int    `json:"questions"`
	Answerable      int    `json:"answerable"` // questions with expected strings
	Hit1            int    `json:"hit1"`
	Hit3            int    `json:"hit3"`
	NoAnswer        int    `json:"no_answer"`         // questions the corpus does not answer
	NoAnswerCorrect int    `json:"no_answer_correct"` // declined, with contacts offered: declines right
	FalseNoAnswer   int    `json:"false_no_answer"`   // answerable but declined: good answers lost
	// Of the answerable questions declined, those whose "maybe this" holds
	// an expected string; of the questions nothing answers declined, those
	// offered a "maybe this" all the same.
	MaybeRight     int `json:"maybe_right"`
	MaybeOnDecline int `json:"maybe_on_decline"`
}

// Report is the quality of a searcher on a question set.
type Report struct {
	Rows  []EvalRow  `json:"kinds"` // by kind, sorted
	Total EvalRow    `json:"total"`
	Cases []EvalCase `json:"cases"`
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
		if res.Maybe != nil {
			c.Maybe = res.Maybe.Text
			c.MaybeOK = len(q.ExpectAny) > 0 && containsAny(c.Maybe, q.ExpectAny)
		}
		if len(res.Hits) > 0 {
			c.Answer = res.Hits[0].Text
		}
		for i := 0; i < len(res.Hits) && i < 3; i++ {
			c.Hits = append(c.Hits, res.Hits[i].Text)
			c.Articles = append(c.Articles, res.Hits[i].ArticleID)
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
				if c.Maybe != "" {
					row.MaybeOnDecline++
				}
			}
		} else {
			row.Answerable++
			if !res.Found {
				row.FalseNoAnswer++
				if c.MaybeOK {
					row.MaybeRight++
				}
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
		rep.Total.MaybeRight += r.MaybeRight
		rep.Total.MaybeOnDecline += r.MaybeOnDecline
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
	r.writeTable(bw)
	r.writeMisses(bw)
	return bw.Flush()
}

// WriteTable prints the table alone: by kind, then all. "declined ok" counts
// the questions nothing answers that got "nothing found" with contacts; "lost"
// counts the answerable questions that got it.
func (r Report) WriteTable(w io.Writer) error {
	bw := bufio.NewWriter(w)
	r.writeTable(bw)
	return bw.Flush()
}

// WriteJSON writes the whole report, every case with its top hits, as one
// indented JSON object.
func (r Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("index: report json: %w", err)
	}
	return nil
}

func (r Report) writeTable(bw *bufio.Writer) {
	fmt.Fprintf(bw, "%-18s %4s %10s %10s %12s %10s\n", "kind", "n", "hit@1", "hit@3", "declined ok", "lost")
	for _, row := range append(append([]EvalRow{}, r.Rows...), r.Total) {
		fmt.Fprintf(bw, "%-18s %4d %10s %10s %12s %10s\n", row.Kind, row.Questions,
			ratio(row.Hit1, row.Answerable), ratio(row.Hit3, row.Answerable),
			ratio(row.NoAnswerCorrect, row.NoAnswer), ratio(row.FalseNoAnswer, row.Answerable))
	}
	// hit@1 counts answers only; what a decline offers as "maybe this"
	// is counted apart.
	if t := r.Total; t.MaybeRight > 0 || t.MaybeOnDecline > 0 {
		fmt.Fprintf(bw, "maybe this (beside a decline): holds the answer for %d of %d lost, offered on %d of %d declined right\n",
			t.MaybeRight, t.FalseNoAnswer, t.MaybeOnDecline, t.NoAnswerCorrect)
	}
}

func (r Report) writeMisses(bw *bufio.Writer) {
	for _, c := range r.Cases {
		if c.OK {
			continue
		}
		fmt.Fprintf(bw, "\nMISS %s [%s] %s\n", c.Question.ID, c.Question.Kind, c.Question.Question)
		switch {
		case len(c.Question.ExpectAny) == 0:
			fmt.Fprintf(bw, "  expected no answer, got: %s\n", short(c.Answer))
		case !c.Found && c.Maybe != "":
			fmt.Fprintf(bw, "  expected one of %q, declined: nothing found; maybe (%s): %s\n", c.Question.ExpectAny, okWord(c.MaybeOK), short(c.Maybe))
		case !c.Found:
			fmt.Fprintf(bw, "  expected one of %q, declined: nothing found\n", c.Question.ExpectAny)
		default:
			fmt.Fprintf(bw, "  expected one of %q (rank %d), got: %s\n", c.Question.ExpectAny, c.Rank, short(c.Answer))
		}
	}
}

func okWord(ok bool) string {
	if ok {
		return "holds it"
	}
	return "wrong"
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
