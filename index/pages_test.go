package index_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// pageIndex writes synthetic pages to a folder and builds their index the
// way a portal's folder is loaded (content.LoadDir), closed with the test.
func pageIndex(t *testing.T, pages map[string]string) *index.Index {
	t.Helper()
	dir := t.TempDir()
	for name, text := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := content.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(context.Background(), c, index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
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
