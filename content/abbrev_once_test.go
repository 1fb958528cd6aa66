package content_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestInferOnceAsTwice: reading the corpus once and noting its spans
// infers the glossary reading it twice did, on synthetic articles
// (synth) and the package's test pages.
func TestInferOnceAsTwice(t *testing.T) {
	arts := synth.Corpus(7, 400, 400).Articles
	for _, dir := range []string{"testdata/portal", "testdata/synthetic", "testdata/tables", "testdata/facts"} {
		c, err := content.LoadDir(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, c.Articles...)
	}
	g := content.Glossary{Abbreviations: []content.Term{{Short: "TTHCC", Long: []string{"Trung tâm Hành chính công"}}}}
	once := content.WithInferredAbbreviations(g, arts)
	defer func(n int) { *content.OneReadingMaxText = n }(*content.OneReadingMaxText)
	*content.OneReadingMaxText = 0
	twice := content.WithInferredAbbreviations(g, arts)
	if !reflect.DeepEqual(once, twice) {
		t.Fatalf("read once: %d inferred, read twice: %d; they differ", len(once.Inferred), len(twice.Inferred))
	}
	if len(once.Inferred) <= len(content.Lexicon.TypedShorts)+5 {
		t.Errorf("%d inferred: the test checks little", len(once.Inferred))
	}
}
