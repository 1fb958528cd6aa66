package content_test

import (
	"context"
	"path/filepath"
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

// TestInferPartsAsOne: reading the corpus in parts on their own
// goroutines infers the glossary one part does, read once and read
// twice, on synthetic articles, the package's test pages and the real
// pages (the rounds with pages on this machine, each a corpus of its own
// and all of them as one).
func TestInferPartsAsOne(t *testing.T) {
	arts := synth.Corpus(7, 400, 400).Articles
	for _, dir := range []string{"testdata/portal", "testdata/synthetic", "testdata/tables", "testdata/facts"} {
		c, err := content.LoadDir(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, c.Articles...)
	}
	corpora := [][]content.Article{arts}
	dirs, _ := filepath.Glob("../testdata/real/real*/pages")
	var all []content.Article
	for _, dir := range dirs {
		c, err := content.LoadDir(context.Background(), dir)
		if err != nil || len(c.Articles) == 0 {
			continue
		}
		corpora = append(corpora, c.Articles)
		all = append(all, c.Articles...)
	}
	if all != nil {
		corpora = append(corpora, all)
	}
	defer func(n, m int) { *content.InferParts, *content.OneReadingMaxText = n, m }(*content.InferParts, *content.OneReadingMaxText)
	g := content.Glossary{Abbreviations: []content.Term{{Short: "TTHCC", Long: []string{"Trung tâm Hành chính công"}}}}
	for i, arts := range corpora {
		for _, maxText := range []int{1 << 30, 0} {
			*content.OneReadingMaxText = maxText
			*content.InferParts = 1
			want := content.WithInferredAbbreviations(g, arts)
			for _, parts := range []int{2, 3, 7} {
				*content.InferParts = parts
				if got := content.WithInferredAbbreviations(g, arts); !reflect.DeepEqual(got, want) {
					t.Fatalf("corpus %d (%d articles), read once up to %d bytes: %d parts infer %d, one part %d; they differ",
						i, len(arts), maxText, parts, len(got.Inferred), len(want.Inferred))
				}
			}
		}
	}
	t.Logf("%d corpora (%d real rounds)", len(corpora), len(corpora)-1-min(1, len(all)))
}
