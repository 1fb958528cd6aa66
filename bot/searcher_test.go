package bot_test

import (
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/content"
)

// newSearcher is the searcher of the golden tests.
func newSearcher(tb testing.TB, c *content.Corpus) bot.Searcher {
	return &fakeSearcher{SearchFunc: wordSearch(c), corpus: c}
}
