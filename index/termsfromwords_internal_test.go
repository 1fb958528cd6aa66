package index

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestTokensAreWords: where tokensAreWords holds, plainTokens tokenizes
// the text and its tokens are eachWord's words, one for one: on random
// strings of letters, digits, every joiner, '_', Vietnamese letters,
// superscripts, curly quotes, dashes, control bytes and invalid UTF-8,
// and on the real rounds' pages line by line (git-ignored; where
// present).
func TestTokensAreWords(t *testing.T) {
	held, checked := 0, 0
	check := func(s string) {
		t.Helper()
		checked++
		if !tokensAreWords(s) {
			return
		}
		held++
		toks, ok := plainTokens(s, nil)
		if !ok {
			t.Fatalf("%q: tokensAreWords, but plainTokens cannot tokenize it", s)
		}
		if words := splitWords(s); !slices.Equal(toks, words) && !(len(toks) == 0 && len(words) == 0) {
			t.Fatalf("%q: tokensAreWords, but the tokens %q are not the words %q", s, toks, words)
		}
	}
	pieces := []string{" ", "a", "B", "z", "1", "9", ":", ",", ";", ".", "'", "_", "-", "/", "(", "\t", "\n",
		"đ", "Đ", "ư", "ở", "Ễ", "é", "ß", "µ", "²", "³", "°", "½", "×", "\u00ad", "\u00b7", "\u2018", "\u2019",
		"\u201c", "\u2013", "\u2026", "\u0301", "\u0080", "\xff", "\xe1\xbb", "km²", "3.5", "1,000", "a:b", "l'a", "ngày"}
	r := rand.New(rand.NewPCG(21, 11))
	for range 300000 {
		var b strings.Builder
		for k := r.IntN(10); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
	files, _ := filepath.Glob("../testdata/real/real*/pages/*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			check(line)
			check(content.Normalize(line))
		}
	}
	if held < checked/10 {
		t.Errorf("tokensAreWords held for %d of %d texts: the texts test too little", held, checked)
	}
	t.Logf("tokensAreWords held for %d of %d texts (%d pages)", held, checked, len(files))
}

// TestTermsFromWords: the text postings read from the units' words where
// their tokens are their words (termsFromWords) equal those made by
// tokenizing every unit: the same terms, postings, norms and counts, on
// a synthetic corpus in memory and on disk in small batches, and on the
// real rounds' pages where present.
func TestTermsFromWords(t *testing.T) {
	ctx := context.Background()
	corpora := map[string]*content.Corpus{"synthetic": synth.Corpus(5, 300, 400)}
	if dirs, _ := filepath.Glob("../testdata/real/real2[0-7]/pages"); len(dirs) > 0 {
		c, err := content.LoadDir(ctx, dirs[0])
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dirs[1:] {
			more, err := content.LoadDir(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			c.Articles = append(c.Articles, more.Articles...)
		}
		corpora["real"] = c
	}
	for name, c := range corpora {
		for _, o := range []BuildOptions{{}, {Path: t.TempDir(), BatchBytes: 16 << 10}} {
			ix, err := Build(ctx, c, o)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			from := 0
			for i := range ix.units {
				if ix.units[i].wordsAreTerms {
					from++
				}
			}
			if from < len(ix.units)/4 {
				t.Errorf("%s: %d of %d units read their terms from their words", name, from, len(ix.units))
			}
			// The same index's postings made again, every unit
			// tokenized: bleve numbers the documents of two builds
			// in the order their batches came in.
			got, gotDF := ix.terms, ix.df
			termsFromWords = false
			err = ix.buildTerms(ctx)
			termsFromWords = true
			if err != nil {
				t.Fatal(err)
			}
			want, wantDF := ix.terms, ix.df
			if !reflect.DeepEqual(got.start, want.start) || !slices.Equal(got.data, want.data) ||
				!slices.Equal(got.norm, want.norm) || !reflect.DeepEqual(gotDF, wantDF) || len(gotDF) < 500 {
				t.Fatalf("%s (%+v): the postings from the words differ from those of the tokens (%d and %d terms)", name, o, len(gotDF), len(wantDF))
			}
			t.Logf("%s: %d of %d units read their terms from their words; %d terms", name, from, len(ix.units), len(gotDF))
		}
	}
}

// BenchmarkBuildTerms: the text postings of 300 synthetic articles made
// again, the units' terms read from their words where they may be
// (fromWords) or every unit tokenized (tokens).
func BenchmarkBuildTerms(b *testing.B) {
	ix, err := Build(context.Background(), synth.Corpus(1, 300, 600), BuildOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	for _, fromWords := range []bool{true, false} {
		name := "tokens"
		if fromWords {
			name = "fromWords"
		}
		b.Run(name, func(b *testing.B) {
			termsFromWords = fromWords
			defer func() { termsFromWords = true }()
			for b.Loop() {
				if err := ix.buildTerms(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTokensAreWords: what prepare adds for BenchmarkBuildTerms's
// saving: tokensAreWords of every unit it asks it of, in 300 synthetic
// articles.
func BenchmarkTokensAreWords(b *testing.B) {
	ix, err := Build(context.Background(), synth.Corpus(1, 300, 600), BuildOptions{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	var texts []string
	for i := range ix.units {
		u := &ix.units[i]
		if u.normal && (u.context == "" || u.row) && foldsWordByWord(u.text) {
			texts = append(texts, u.text)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			tokensAreWords(s)
		}
	}
}
