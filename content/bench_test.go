package content

import "testing"

func BenchmarkNormalize(b *testing.B) {
	a := mustParseFile(b, realArticle)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range a.Paragraphs {
			Normalize(p)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	a := mustParseFile(b, realArticle)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range a.Paragraphs {
			Fold(p)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	for i := 0; i < b.N; i++ {
		mustParseFile(b, realArticle)
	}
}
