package index_test

import (
	"context"
	"testing"

	"github.com/kyanhbot/kyanhbot/index"
)

// TestShorthand: "P." before a ward's name is the asker's shorthand and does
// not make the bot decline the unit that answers (real-1's largest class of
// lost answers: the right unit ranked first under the answer bar, see
// docs/quality.md); a ward the corpus never names is still declined. The
// pages are round 6's synthetic ones (invented places and numbers).
func TestShorthand(t *testing.T) {
	_, synthetic, _ := corpora("round6")
	c, _ := synthetic(t)
	ix, err := index.Build(context.Background(), c, index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	tests := []answerOrDecline{
		{"sđt TTHCC P. Tạm Tính", "000.38100606"},
		{"sđt TTHCC phường Tạm Tính", "000.38100606"},
		{"sđt TTHCC P. Vô Định Xứ", ""},
	}
	checkAnswerOrDecline(t, ix, tests)
}
