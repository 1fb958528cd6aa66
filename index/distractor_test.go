package index

import (
	"context"
	"fmt"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestQualityWithDistractors: the public questions keep their answers when the
// real article sits among many synthetic ones that share its vocabulary,
// document numbers and kinds of facts, as a real portal's archive would.
func TestQualityWithDistractors(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 50
	}
	real, err := content.Load(context.Background(), content.Default())
	if err != nil {
		t.Fatal(err)
	}
	c := synth.Corpus(7, n, 400)
	c.Articles = append(c.Articles, real.Articles...)
	assertQuality(t, mustBuild(t, c), readQuestions(t, questionsFile(t)), fmt.Sprintf("the public questions among %d synthetic articles", n))
}
