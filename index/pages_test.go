package index_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/index"
)

// pageIndex loads synthetic pages as the internal tests do (LoadedIndex:
// content.LoadDir of a folder, the index closed with the test).
func pageIndex(t *testing.T, pages map[string]string) *index.Index {
	t.Helper()
	return index.LoadedIndex(t, pages)
}

// signalByText asks question with Explain and returns the result and the
// named signal's value for each candidate, keyed by the candidate's text.
func signalByText(t *testing.T, ix *index.Index, question, signal string) (index.Result, map[string]float64) {
	t.Helper()
	res, err := ix.Search(context.Background(), question, index.Options{Limit: 5, Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]float64{}
	for _, e := range res.Explain {
		for _, s := range e.Signals {
			if s.Name == signal {
				values[e.Text] = s.Value
			}
		}
	}
	return res, values
}

// answerOrDecline is a question and what its one answer must hold; want
// is "" when nothing should answer and the bot must decline.
type answerOrDecline struct {
	question string
	want     string
}

// checkAnswerOrDecline asks each question for one answer and checks it
// holds want, or that the bot declines when want is "".
func checkAnswerOrDecline(t *testing.T, ix *index.Index, tests []answerOrDecline) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.question, index.Options{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && res.Found:
				t.Errorf("answered %q, want a decline", res.Hits[0].Text)
			case tt.want != "" && !res.Found:
				t.Errorf("declined, want an answer holding %q", tt.want)
			case tt.want != "" && !strings.Contains(res.Hits[0].Text, tt.want):
				t.Errorf("answered %q, want one holding %q", res.Hits[0].Text, tt.want)
			}
		})
	}
}
