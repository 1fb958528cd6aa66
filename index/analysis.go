package index

import (
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/kyanhbot/kyanhbot/content"
)

// Analyzer and token filter names. Any program that opens a saved index must
// link this package, because bleve resolves these names from its registry.
const (
	foldFilterName = "kyanhbot_fold" // per token: canonical tones, no diacritics, đ→d, lower case
	toneFilterName = "kyanhbot_tone" // per token: canonical tone placement, lower case, accents kept
	analyzerFold   = "vi_fold"       // accent-insensitive syllables
	analyzerExact  = "vi_exact"      // accented syllables, so exact accents can rank first
)

// The filters fold per token rather than with bleve's asciifolding char
// filter: that one runs before tokenizing and shifts highlight offsets on
// Vietnamese, and it leaves NFD combining marks alone.
func init() {
	must(registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}))
}

// must is only for registration at init: a name clash there is a programming
// error that no caller could handle.
func must(err error) {
	if err != nil {
		panic(fmt.Sprintf("index: register analysis: %v", err))
	}
}

// foldCache remembers folded syllables: a language has a few thousand, so
// nearly every token of a build is a hit, and folding is the costliest step
// of analysis. It stops growing at foldCacheMax entries.
var foldCache = struct {
	sync.RWMutex
	m map[string]folded
}{m: map[string]folded{}}

// folded is a syllable's folded form, also as bytes: the fold filter hands
// the same bytes to every token of that syllable instead of converting
// the term to a string and back (two allocations a token of every
// sentence).
type folded struct {
	s string
	b []byte
}

const foldCacheMax = 200000

// foldSyllable is the form a syllable is indexed and compared by: folded,
// and an English word in its EnglishForm ("centres" → "center").
func foldSyllable(s string) string {
	foldCache.RLock()
	f, ok := foldCache.m[s]
	foldCache.RUnlock()
	if ok {
		return f.s
	}
	return foldNew(s).s
}

// foldTerm is foldSyllable of a token's term.
func foldTerm(term []byte) []byte {
	foldCache.RLock()
	f, ok := foldCache.m[string(term)]
	foldCache.RUnlock()
	if ok {
		return f.b
	}
	return foldNew(string(term)).b
}

func foldNew(s string) folded {
	fs := content.EnglishForm(content.Fold(s))
	f := folded{s: fs, b: []byte(fs)}
	f.b = f.b[:len(f.b):len(f.b)] // an append to a token's term copies it
	foldCache.Lock()
	if len(foldCache.m) < foldCacheMax {
		foldCache.m[s] = f
	}
	foldCache.Unlock()
	return f
}

// foldFilter folds each token's term, dropping those that fold to
// nothing. The terms it gives share their bytes: no filter comes after
// it, and bleve copies a term when it keys it.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		b := foldTerm(t.Term)
		if len(b) == 0 {
			continue
		}
		t.Term = b
		out = append(out, t)
	}
	return out
}

// newMapping describes one index unit in bleve: keyword fields for its
// document numbers and its kind. Its text's folded syllables and their
// pairs are postings of our own (terms.go, pairs.go), analysed by the
// analyzer registered here. Exact accents are not indexed: re-ranking
// compares them on the few candidates, which costs far less than a
// second copy of every sentence.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := mapping.NewIndexMapping()
	if err := m.AddCustomAnalyzer(analyzerFold, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{foldFilterName},
	}); err != nil {
		return nil, fmt.Errorf("index: analyzer %s: %w", analyzerFold, err)
	}

	keyword := func() *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = false
		f.IncludeTermVectors = false
		return f
	}
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("docs", keyword())
	doc.AddFieldMappingsAt("kind", keyword())
	// No _all composite field: nothing searches it, and bleve would still
	// visit it for every unit.
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerFold
	return m, nil
}
