package index

import (
	"context"
	"strings"
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
	ix := mustBuild(t, c)
	qs := readQuestions(t, questionsFile(t))
	rep, err := Evaluate(context.Background(), ix, qs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b)
	t.Logf("public questions among %d synthetic articles:\n%s", n, b.String())
	if rep.Total.Hit1 < rep.Total.Answerable {
		t.Errorf("hit@1 %d/%d with distractors\n%s", rep.Total.Hit1, rep.Total.Answerable, b.String())
	}
}
