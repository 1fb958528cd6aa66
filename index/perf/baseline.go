package perf

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/kyanhbot/kyanhbot/content"
)

// Baseline is what a plain bleve index of the same text costs: one unit per
// sentence and one per contact block, as kyanhbot's index cuts them, in a
// single field analysed by bleve's standard analyzer, stored as lean as
// ours (no stored text, term vectors or doc values), in memory with scorch,
// asked with one MatchQuery per question. It gives wrong answers to
// Vietnamese questions (no accent folding, an English stop list); it is
// there so that the cost of doing better is a ratio measured in the same run.
type Baseline struct {
	bi    bleve.Index
	units int
}

// BuildBaseline indexes c's sentences and contact blocks.
func BuildBaseline(ctx context.Context, c *content.Corpus) (*Baseline, error) {
	if c == nil {
		return nil, errors.New("perf: baseline: no corpus")
	}
	f := mapping.NewTextFieldMapping()
	f.Analyzer = standard.Name
	f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = false, false, false, false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", f)
	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = standard.Name

	bi, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("perf: baseline: %w", err)
	}
	b := &Baseline{bi: bi}
	batch := bi.NewBatch()
	add := func(text string) error {
		if err := batch.Index(strconv.Itoa(b.units), map[string]any{"text": text}); err != nil {
			return err
		}
		b.units++
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
	for _, a := range c.Articles {
		for _, p := range a.Paragraphs {
			for _, s := range content.Sentences(p) {
				if err := add(s); err != nil {
					bi.Close()
					return nil, fmt.Errorf("perf: baseline: %w", err)
				}
			}
		}
		for _, ct := range a.Contacts {
			if err := add(strings.Join(ct.Lines, "\n")); err != nil {
				bi.Close()
				return nil, fmt.Errorf("perf: baseline: %w", err)
			}
		}
	}
	if batch.Size() > 0 {
		if err := bi.Batch(batch); err != nil {
			bi.Close()
			return nil, fmt.Errorf("perf: baseline: %w", err)
		}
	}
	return b, nil
}

// Units is how many sentences and contact blocks the baseline holds.
func (b *Baseline) Units() int { return b.units }

// Search runs question as a MatchQuery and returns the number of hits.
func (b *Baseline) Search(ctx context.Context, question string) (int, error) {
	q := bleve.NewMatchQuery(question)
	q.SetField("text")
	req := bleve.NewSearchRequestOptions(q, 5, 0, false)
	res, err := b.bi.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("perf: baseline search: %w", err)
	}
	return int(res.Total), nil
}

// Close releases the index.
func (b *Baseline) Close() error {
	if err := b.bi.Close(); err != nil {
		return fmt.Errorf("perf: baseline: %w", err)
	}
	return nil
}
