// Package baseline is plain bleve over the same articles kyanhbot answers
// from: the yardstick "kyanhbot eval -baseline" puts beside the bot's figures.
// It cuts the articles as kyanhbot's index does (one unit per sentence, one
// per contact block), analyses them with bleve's standard analyzer or the
// same with accents folded, asks each question as one MatchQuery and takes the
// top hit as the answer. It declines only when no word of the question
// matches. It keeps each unit's text, since the answer is read; BuildLean
// keeps none and only counts hits (Count): index/perf measures with it what
// plain bleve costs beside kyanhbot's index, in the same run.
package baseline

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// Analyzer names the text analysis of a baseline.
type Analyzer string

const (
	// Plain is bleve's standard analyzer: Unicode words, lower case, the
	// English stop list. "Phường" and "phuong" are different words to it.
	Plain Analyzer = "plain"
	// Folded is the standard analyzer with accents folded to ASCII first, so
	// unaccented questions meet accented text; nothing else is added.
	Folded Analyzer = "folded"
)

// ParseAnalyzer reads "plain" or "folded".
func ParseAnalyzer(s string) (Analyzer, error) {
	switch a := Analyzer(strings.ToLower(strings.TrimSpace(s))); a {
	case Plain, Folded:
		return a, nil
	}
	return "", fmt.Errorf("baseline: unknown analyzer %q (want plain or folded)", s)
}

const foldedName = "baseline_folded"

// Index is a plain bleve index of a corpus, answering index.Searcher's way.
type Index struct {
	bi       bleve.Index
	units    int
	texts    []string // by unit; nil when lean
	titles   []string
	contacts []content.Contact
}

// Build indexes c's sentences and contact blocks in memory.
func Build(ctx context.Context, c *content.Corpus, a Analyzer) (*Index, error) {
	return build(ctx, c, a, true)
}

// BuildLean is Build keeping nothing but the bleve index: what plain bleve
// alone costs, stored as lean as kyanhbot's index (no stored text, term
// vectors or doc values). It answers Count only.
func BuildLean(ctx context.Context, c *content.Corpus, a Analyzer) (*Index, error) {
	return build(ctx, c, a, false)
}

func build(ctx context.Context, c *content.Corpus, a Analyzer, keep bool) (*Index, error) {
	if c == nil {
		return nil, errors.New("baseline: no corpus")
	}
	m := mapping.NewIndexMapping()
	name := standard.Name
	if a == Folded {
		err := m.AddCustomAnalyzer(foldedName, map[string]any{
			"type":          custom.Name,
			"char_filters":  []string{asciifolding.Name},
			"tokenizer":     unicode.Name,
			"token_filters": []string{lowercase.Name, en.StopName},
		})
		if err != nil {
			return nil, fmt.Errorf("baseline: %w", err)
		}
		name = foldedName
	}
	f := mapping.NewTextFieldMapping()
	f.Analyzer = name
	f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = false, false, false, false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", f)
	m.DefaultMapping = doc
	m.DefaultAnalyzer = name

	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	b := &Index{bi: bi}
	batch := bi.NewBatch()
	add := func(text, title string) error {
		if err := batch.Index(strconv.Itoa(b.units), map[string]any{"text": text}); err != nil {
			return err
		}
		b.units++
		if keep {
			b.texts = append(b.texts, text)
			b.titles = append(b.titles, title)
		}
		if batch.Size() >= 2000 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := bi.Batch(batch); err != nil {
				return err
			}
			batch.Reset()
		}
		return nil
	}
	fail := func(err error) (*Index, error) {
		bi.Close()
		return nil, fmt.Errorf("baseline: %w", err)
	}
	for _, art := range c.Articles {
		for _, p := range art.Paragraphs {
			for _, s := range content.Sentences(p) {
				if err := add(s, art.Title); err != nil {
					return fail(err)
				}
			}
		}
		for _, ct := range art.Contacts {
			if err := add(strings.Join(ct.Lines, "\n"), art.Title); err != nil {
				return fail(err)
			}
		}
		if keep {
			b.contacts = append(b.contacts, art.Contacts...)
		}
	}
	if batch.Size() > 0 {
		if err := bi.Batch(batch); err != nil {
			return fail(err)
		}
	}
	return b, nil
}

// Units is how many sentences and contact blocks the index holds.
func (b *Index) Units() int { return b.units }

// Count asks question as one MatchQuery for five hits, as Search does by
// default, and returns how many units match.
func (b *Index) Count(ctx context.Context, question string) (int, error) {
	q := bleve.NewMatchQuery(question)
	q.SetField("text")
	res, err := b.bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 5, 0, false))
	if err != nil {
		return 0, fmt.Errorf("baseline: search: %w", err)
	}
	return int(res.Total), nil
}

// Search asks question as one MatchQuery. Every hit is an answer, the best
// first; with no hit the result offers the corpus's contacts, as the bot does.
// A lean index cannot answer.
func (b *Index) Search(ctx context.Context, question string, opts index.Options) (index.Result, error) {
	if b.texts == nil && b.units > 0 {
		return index.Result{}, errors.New("baseline: search: a lean index only counts hits")
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = 5
	}
	q := bleve.NewMatchQuery(question)
	q.SetField("text")
	req := bleve.NewSearchRequestOptions(q, limit, opts.Offset, false)
	res, err := b.bi.SearchInContext(ctx, req)
	if err != nil {
		return index.Result{}, fmt.Errorf("baseline: search: %w", err)
	}
	out := index.Result{Question: question, Total: int(res.Total)}
	for _, h := range res.Hits {
		i, err := strconv.Atoi(h.ID)
		if err != nil || i < 0 || i >= len(b.texts) {
			return index.Result{}, fmt.Errorf("baseline: search: unknown unit %q", h.ID)
		}
		out.Hits = append(out.Hits, index.Hit{ID: h.ID, Title: b.titles[i], Text: b.texts[i], Score: h.Score})
	}
	out.Found = len(out.Hits) > 0
	if !out.Found {
		out.Contacts = b.contacts
	}
	return out, nil
}

// Close releases the index.
func (b *Index) Close() error {
	if err := b.bi.Close(); err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	return nil
}
