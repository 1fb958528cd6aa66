package content_test

import (
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// BenchmarkValuesSynthetic: the typed values of every sentence of 500
// synthetic articles, as a build reads them (lower-cased once).
func BenchmarkValuesSynthetic(b *testing.B) {
	c := synth.Corpus(1, 500, 600)
	var sents, lowers []string
	for _, a := range c.Articles {
		for _, p := range a.Paragraphs {
			for _, s := range content.Sentences(p) {
				sents = append(sents, s)
				lowers = append(lowers, strings.ToLower(s))
			}
		}
	}
	b.ResetTimer()
	for range b.N {
		for i, s := range sents {
			content.ValuesLowered(s, lowers[i])
		}
	}
}

// BenchmarkNormalizeSynthetic: Normalize of every sentence of 500
// synthetic articles, as a build's cutting reads them.
func BenchmarkNormalizeSynthetic(b *testing.B) {
	c := synth.Corpus(1, 500, 600)
	var sents []string
	for _, a := range c.Articles {
		for _, p := range a.Paragraphs {
			sents = append(sents, content.Sentences(p)...)
		}
	}
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			content.Normalize(s)
		}
	}
}

// BenchmarkMayEnglishPerson: the English persons' cue test on the
// lower-cased sentences of 500 synthetic articles with two capitalised
// words, as findPersons asks it.
func BenchmarkMayEnglishPerson(b *testing.B) {
	c := synth.Corpus(1, 500, 600)
	var lowers []string
	for _, a := range c.Articles {
		for _, p := range a.Paragraphs {
			for _, s := range content.Sentences(p) {
				if content.TwoCapitalised(s) {
					lowers = append(lowers, strings.ToLower(s))
				}
			}
		}
	}
	b.ResetTimer()
	for range b.N {
		for _, s := range lowers {
			content.MayEnglishPerson(s)
		}
	}
}
