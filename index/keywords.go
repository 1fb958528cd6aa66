package index

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// The keyword fields: each unit's kind and the keys of the documents it
// cites. bleve indexed them as two keyword fields, and those were all it
// still analysed once the text and its pairs became postings of our own:
// its batches for 300,000 units of two short fields and their merge were
// the largest single piece of a 10,000-article build (2.3 CPU-s of
// batches, 0.9 of merging), for what the units already hold (u.kind,
// u.facts.docKeys). They are now postings of our own too, made with the
// text's from the units, and bleve keeps only the documents' ids, which
// number the documents for every posting. keywordQuery scores a key
// exactly as bleve's TermQuery scored it in its keyword field: a value
// is one token, the field's length is how many values the unit gives
// (the norm 1/sqrt of it, as a float32), a value given twice counts twice.
// TestKeywordQueriesAsBleveFields checks every score against the fields.

// Field names the keyword postings answer for, as bleve's were named.
const (
	fieldKind = "kind"
	fieldDocs = "docs"
)

// keywordField holds, per value, the units giving it, by bleve document
// number in the snapshot it was built for.
type keywordField struct {
	name  string
	start map[string]uint32 // value → where its postings start in data
	postings
}

// keywords are the units' keyword fields.
type keywords struct {
	kind, docs *keywordField
}

func (kw *keywords) kindField() *keywordField {
	if kw == nil {
		return nil
	}
	return kw.kind
}

func (kw *keywords) docsField() *keywordField {
	if kw == nil {
		return nil
	}
	return kw.docs
}

// buildKeywords makes the keyword postings for the documents of unitOf
// (in the snapshot of segs).
func (ix *Index) buildKeywords(ctx context.Context, unitOf []uint32, segs [][2]uint64) (*keywords, error) {
	kw := &keywords{}
	var err error
	kw.kind, err = buildKeywordField(ctx, fieldKind, unitOf, segs, func(u *unit, vals []string) []string {
		return append(vals, string(u.kind.Kind()))
	}, ix.units)
	if err != nil {
		return nil, err
	}
	kw.docs, err = buildKeywordField(ctx, fieldDocs, unitOf, segs, func(u *unit, vals []string) []string {
		return append(vals, u.docKeys()...)
	}, ix.units)
	if err != nil {
		return nil, err
	}
	return kw, nil
}

// buildKeywordField makes one field's postings: values gives a unit's
// values (appended to vals), as the unit's document gave them to bleve.
func buildKeywordField(ctx context.Context, name string, unitOf []uint32, segs [][2]uint64, values func(u *unit, vals []string) []string, units []unit) (*keywordField, error) {
	f := &keywordField{name: name, start: map[string]uint32{}}
	f.segs = segs
	// A field of one value a unit (the kind) has every norm 1: none are
	// kept (1.2 MB at 10,000 articles).
	norm := make([]float32, len(unitOf))
	several := false
	type list struct{ docs, freqs []uint32 }
	lists := map[string]*list{}
	var order []string // the values in the order first met
	var vals []string
	for d, u := range unitOf {
		if d%4096 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("index: keywords: %w", ctx.Err())
		}
		if u == noUnit {
			continue
		}
		vals = values(&units[u], vals[:0])
		if len(vals) == 0 {
			continue
		}
		norm[d] = float32(1 / math.Sqrt(float64(len(vals))))
		several = several || len(vals) > 1
		for k, v := range vals {
			l := lists[v]
			if l == nil {
				l = &list{}
				lists[v] = l
				order = append(order, v)
			}
			if n := len(l.docs); n > 0 && l.docs[n-1] == uint32(d) {
				continue // counted below, with the value's first
			}
			freq := uint32(1)
			for _, w := range vals[k+1:] {
				if w == v {
					freq++
				}
			}
			l.docs = append(l.docs, uint32(d))
			l.freqs = append(l.freqs, freq)
		}
	}
	if several {
		f.norm = norm
	}
	for _, v := range order {
		l := lists[v]
		f.start[v] = uint32(len(f.data))
		f.add(l.docs, l.freqs)
	}
	return f, nil
}

// lookup gives where value's postings are in data; ok is false when no
// unit gives it.
func (f *keywordField) lookup(value string) (at uint32, ok bool) {
	if f == nil {
		return 0, false
	}
	at, ok = f.start[value]
	return at, ok
}

// keywordQuery finds the units giving a value in a keyword field, scored
// as bleve's TermQuery on that field scored them.
type keywordQuery struct {
	f     *keywordField
	value string
	boost float64
}

func (q *keywordQuery) Searcher(_ context.Context, i bindex.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	if q.f == nil {
		return nil, errors.New("index: keywords: none made")
	}
	return searchTerm(&q.f.postings, q.f.lookup, q.value, q.f.name, q.boost, i, options)
}

// searchTerm is the Searcher of one term of postings of our own (a
// keyword field's value, a folded pair), found by lookup, that bleve's own
// search walks as it walks a TermQuery on field: the query shapes compile
// does not take. keywordQuery and pairQuery differ in their postings
// alone (and compile's type switch tells them apart).
func searchTerm(p *postings, lookup func(string) (uint32, bool), term, field string, boost float64, i bindex.IndexReader, options search.SearcherOptions) (search.Searcher, error) {
	at, ok := lookup(term)
	s, err := p.searcher(i, at, ok, term, field, boost, options)
	if err != nil {
		return nil, fmt.Errorf("index: %s postings: %w", field, err)
	}
	return s, nil
}
