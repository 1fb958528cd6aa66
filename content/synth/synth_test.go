package synth

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
)

func TestCorpusIsReproducible(t *testing.T) {
	a, b := Corpus(7, 30, 300), Corpus(7, 30, 300)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave two different corpora")
	}
	if c := Corpus(8, 30, 300); reflect.DeepEqual(a.Articles, c.Articles) {
		t.Fatal("two seeds gave the same corpus")
	}
}

// TestWriteDirLoadsBack: the facts Corpus fills in are the ones the loader
// extracts from the files WriteDir writes, so in-memory benchmarks and
// loader-based load tests see the same articles.
func TestWriteDirLoadsBack(t *testing.T) {
	const seed, n, words = 3, 120, 600
	dir := t.TempDir()
	if err := WriteDir(dir, seed, n, words); err != nil {
		t.Fatal(err)
	}
	got, err := content.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Problems) > 0 {
		t.Errorf("problems loading the synthetic files: %v", got.Problems)
	}
	want := Corpus(seed, n, words)
	if got, want := len(got.Articles), len(want.Articles); got != want {
		t.Fatalf("loaded %d articles, want %d", got, want)
	}
	var docs, mergers int
	for i, w := range want.Articles {
		g := got.Articles[i]
		docs += len(w.Documents)
		mergers += len(w.Mergers)
		for _, f := range []struct {
			name      string
			got, want any
		}{
			{"meta", [6]string{g.ID, g.Title, g.Source, g.Site, g.Date, g.Category}, [6]string{w.ID, w.Title, w.Source, w.Site, w.Date, w.Category}},
			{"synthetic", g.Synthetic, w.Synthetic},
			{"paragraphs", g.Paragraphs, w.Paragraphs},
			{"documents", g.Documents, w.Documents},
			{"mergers", g.Mergers, w.Mergers},
			{"contacts", g.Contacts, w.Contacts},
		} {
			if !reflect.DeepEqual(f.got, f.want) {
				t.Errorf("article %s %s:\n got %+v\nwant %+v", w.ID, f.name, f.got, f.want)
			}
		}
	}
	if docs < n || mergers < n/4 {
		t.Errorf("%d documents and %d mergers in %d articles: too few facts to measure", docs, mergers, n)
	}
}

func TestTextShape(t *testing.T) {
	c := Corpus(1, 200, 600)
	syllables := map[string]int{}
	total := 0
	for _, a := range c.Articles {
		if !a.Synthetic {
			t.Fatalf("article %s not marked synthetic", a.ID)
		}
		n := 0
		for _, p := range a.Paragraphs {
			for _, s := range content.Sentences(p) {
				k := len(strings.Fields(s))
				n += k
				if isFiller(s) && (k < 12 || k > 30) {
					t.Errorf("sentence of %d syllables: %q", k, s)
				}
				for _, w := range strings.Fields(s) {
					syllables[strings.ToLower(strings.Trim(w, ",."))]++
				}
			}
		}
		if n < 600 || n > 700 {
			t.Errorf("article %s has %d words, want about 600", a.ID, n)
		}
		total += n
		for _, ct := range a.Contacts {
			if !strings.HasPrefix(ct.Phone, "0000 ") || !strings.HasSuffix(ct.Email, "@example.invalid") {
				t.Errorf("contact not obviously fictional: %+v", ct)
			}
		}
	}
	if len(syllables) < 3000 {
		t.Errorf("%d distinct syllables in %d words; want several thousand", len(syllables), total)
	}
	top, topN := "", 0
	for s, k := range syllables {
		if k > topN {
			top, topN = s, k
		}
	}
	if share := float64(topN) / float64(total); share > 0.08 {
		t.Errorf("commonest syllable %q is %.0f%% of the text; want a Zipf curve, not one word", top, 100*share)
	}
	t.Logf("%d words, %d distinct syllables, commonest %q at %.1f%%", total, len(syllables), top, 100*float64(topN)/float64(total))
}

func isFiller(s string) bool {
	return !strings.Contains(s, "/") && !strings.Contains(s, "nhập") && !strings.Contains(s, "nhất") && !strings.Contains(s, "giảm từ")
}

func TestPlaceTone(t *testing.T) {
	tests := []struct{ rhyme, tone, want string }{
		{"a", "\u0301", "á"},
		{"ương", "\u0300", "ường"},
		{"oai", "\u0303", "oãi"},
		{"ai", "\u0309", "ải"},
		{"oa", "\u0300", "oà"},
		{"uyên", "\u0323", "uyện"},
		{"anh", "", "anh"},
	}
	for _, tt := range tests {
		if got := content.Normalize(placeTone(tt.rhyme, tt.tone)); got != content.Normalize(tt.want) {
			t.Errorf("placeTone(%q) = %q, want %q", tt.rhyme, got, tt.want)
		}
	}
}

func TestQuestions(t *testing.T) {
	c := Corpus(2, 100, 600)
	qs := Questions(5, c, 400)
	if !reflect.DeepEqual(qs, Questions(5, c, 400)) {
		t.Fatal("the same seed gave different questions")
	}
	var text strings.Builder
	for _, a := range c.Articles {
		for _, p := range a.Paragraphs {
			text.WriteString(p + "\n")
		}
		for _, ct := range a.Contacts {
			text.WriteString(strings.Join(ct.Lines, "\n") + "\n")
		}
	}
	all := content.Normalize(text.String())
	kinds := map[string]int{}
	for _, q := range qs {
		kinds[q.Kind]++
		if q.Kind == "no-answer" {
			continue
		}
		found := false
		for _, w := range q.ExpectAny {
			if strings.Contains(all, content.Normalize(w)) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s (%s) %q: no expected answer %q is in the corpus", q.ID, q.Kind, q.Question, q.ExpectAny)
		}
	}
	for _, k := range questionMix {
		if kinds[k.kind] == 0 && k.percent >= 5 {
			t.Errorf("no %s question in %d", k.kind, len(qs))
		}
	}
}

// TestWorldOfLargeCorpus: the world of a 100,000-article corpus (the bench's
// largest) is drawn without running out of names, every place named once.
func TestWorldOfLargeCorpus(t *testing.T) {
	done := make(chan *world)
	go func() { done <- newWorld(1, 100000) }()
	select {
	case w := <-done:
		if len(w.places) != 5000 {
			t.Fatalf("%d places, want 5000", len(w.places))
		}
		seen := map[string]bool{}
		for _, p := range w.places {
			if seen[p.name] {
				t.Errorf("place %q twice", p.name)
			}
			seen[p.name] = true
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("newWorld(1, 100000) still drawing after 2 minutes: names ran out")
	}
}
