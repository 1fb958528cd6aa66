package content_test

import (
	"context"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// BenchmarkInferAbbreviations: the inference over 2,000 synthetic articles.
func BenchmarkInferAbbreviations(b *testing.B) {
	arts := synth.Corpus(1, 2000, 600).Articles
	b.ResetTimer()
	for range b.N {
		content.InferAbbreviations(context.Background(), content.Glossary{}, arts)
	}
}
