package bot_test

import (
	"context"
	"sort"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// fakeSearcher is a hand-written searcher with function fields, for tests that
// need a searcher to fail or to answer something precise.
type fakeSearcher struct {
	SearchFunc func(ctx context.Context, q string, o index.Options) (index.Result, error)
	corpus     *content.Corpus
}

func (f *fakeSearcher) Search(ctx context.Context, q string, o index.Options) (index.Result, error) {
	return f.SearchFunc(ctx, q, o)
}

func (f *fakeSearcher) Corpus() *content.Corpus { return f.corpus }

// wordSearch is a crude searcher over a corpus's paragraphs and contacts:
// units that contain most of the question's words, most words first.
func wordSearch(c *content.Corpus) func(ctx context.Context, q string, o index.Options) (index.Result, error) {
	type unit struct {
		hit   index.Hit
		words map[string]bool
	}
	var units []unit
	add := func(h index.Hit) {
		u := unit{hit: h, words: map[string]bool{}}
		for _, w := range strings.Fields(content.Fold(h.Text)) {
			u.words[strings.Trim(w, ".,:;()")] = true
		}
		units = append(units, u)
	}
	for _, a := range c.Articles {
		for i, p := range a.Paragraphs {
			add(index.Hit{ID: a.ID + "#p" + string(rune('a'+i)), Kind: index.KindPassage, ArticleID: a.ID, Title: a.Title, Source: a.Source, Text: p})
		}
		for i, ct := range a.Contacts {
			add(index.Hit{ID: a.ID + "#c" + string(rune('a'+i)), Kind: index.KindContact, ArticleID: a.ID, Title: a.Title, Source: a.Source, Text: strings.Join(ct.Lines, "\n")})
		}
	}
	return func(ctx context.Context, q string, o index.Options) (index.Result, error) {
		res := index.Result{Question: q}
		qw := strings.Fields(content.Fold(q))
		type scored struct {
			u unit
			n int
		}
		var hits []scored
		for _, u := range units {
			n := 0
			for _, w := range qw {
				if u.words[w] {
					n++
				}
			}
			if len(qw) > 0 && n*3 >= len(qw)*2 {
				hits = append(hits, scored{u, n})
			}
		}
		sort.SliceStable(hits, func(i, j int) bool { return hits[i].n > hits[j].n })
		res.Total = len(hits)
		res.Found = len(hits) > 0
		limit := o.Limit
		if limit == 0 {
			limit = 5
		}
		for i := o.Offset; i < len(hits) && i < o.Offset+limit; i++ {
			res.Hits = append(res.Hits, hits[i].u.hit)
		}
		if !res.Found {
			for _, a := range c.Articles {
				res.Contacts = append(res.Contacts, a.Contacts...)
			}
		}
		return res, nil
	}
}
