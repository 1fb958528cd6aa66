package bot_test

import (
	"context"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// newSearcher is the searcher of the golden tests: the real index, in memory.
func newSearcher(tb testing.TB, c *content.Corpus) bot.Searcher {
	tb.Helper()
	ix, err := index.Build(context.Background(), c, index.BuildOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}
