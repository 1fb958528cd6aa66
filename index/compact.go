package index

import (
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// Laying out what the index keeps once it is built.
//
// The Go collector does not move objects: a page of the heap stays in use
// for as long as one object on it is live. What the units keep beyond the
// corpus — the strings cut or joined from it (contact blocks, a table's
// introduction, a sentence whose spaces were cleaned), the documents'
// keys, the counts' nouns, the facts themselves — is made in small pieces
// while the cutting and the batches make a hundred times as much garbage
// beside them, so after the build most of those pages hold a few live
// objects each. At 2,000 synthetic articles the units' strings were 0.3
// MB of objects on 4.3 MB of pages, their facts 1.9 MB on 5.1 MB, and the
// fold cache 1.8 MB on 5.2 MB (TestCompactFreesPages). Copying them once
// into a few large allocations, and pointing each unit's text back into
// its paragraph where it is one, lets the collector give those pages
// back.

// strArena lays strings out one after the other in one string, each
// distinct one once.
type strArena struct {
	b    strings.Builder
	at   map[string]int
	refs []*string // to point into the arena once it is laid out
}

// add records that *p is to become the arena's copy of it.
func (a *strArena) add(p *string) {
	if *p == "" {
		return
	}
	if a.at == nil {
		a.at = map[string]int{}
	}
	if _, ok := a.at[*p]; !ok {
		a.at[*p] = a.b.Len()
		a.b.WriteString(*p)
	}
	a.refs = append(a.refs, p)
}

// done points every recorded string into the arena.
func (a *strArena) done() {
	all := a.b.String()
	for _, p := range a.refs {
		off := a.at[*p]
		*p = all[off : off+len(*p)]
	}
	a.at, a.refs = nil, nil
}

// paraFinder finds a unit's text in its article's paragraphs, starting
// where the unit before it was found: most units are the next sentence.
type paraFinder struct {
	article, para int
}

// find returns s as a slice of one of article ai's paragraphs, if one
// holds it.
func (f *paraFinder) find(c *content.Corpus, ai int, s string) (para, off int, ok bool) {
	a := &c.Articles[ai]
	if ai != f.article {
		f.article, f.para = ai, 0
	}
	for k := range a.Paragraphs {
		pi := (f.para + k) % len(a.Paragraphs)
		if i := strings.Index(a.Paragraphs[pi], s); i >= 0 {
			f.para = pi
			return pi, i, true
		}
	}
	return 0, 0, false
}

// compact lays out what the built index keeps of its units (see above)
// and empties the fold cache, which the build filled and questions fill
// again with their own few words.
func (ix *Index) compact() {
	c := ix.corpus
	var strs strArena
	f := paraFinder{article: -1}
	withFacts, docs, keys, counts, near := 0, 0, 0, 0, 0
	for i := range ix.units {
		u := &ix.units[i]
		for _, p := range []*string{&u.text, &u.context} {
			if *p == "" {
				continue
			}
			if pi, off, ok := f.find(c, int(u.article), *p); ok {
				*p = c.Articles[u.article].Paragraphs[pi][off : off+len(*p)]
				continue
			}
			strs.add(p)
		}
		if u.facts != nil {
			withFacts++
			docs += len(u.facts.docs)
			keys += len(u.facts.docKeys)
			counts += len(u.facts.counts)
			near += len(u.facts.near)
		}
	}
	facts := make([]unitFacts, 0, withFacts)
	allDocs := make([]string, 0, docs)
	allKeys := make([]string, 0, keys)
	allCounts := make([]content.Value, 0, counts)
	allNear := make([]nearValue, 0, near)
	for i := range ix.units {
		u := &ix.units[i]
		if u.facts == nil {
			continue
		}
		uf := *u.facts
		from := len(allDocs)
		allDocs = append(allDocs, uf.docs...)
		uf.docs = clipNil(allDocs[from:len(allDocs):len(allDocs)])
		from = len(allKeys)
		allKeys = append(allKeys, uf.docKeys...)
		uf.docKeys = clipNil(allKeys[from:len(allKeys):len(allKeys)])
		from = len(allCounts)
		allCounts = append(allCounts, uf.counts...)
		uf.counts = clipNil(allCounts[from:len(allCounts):len(allCounts)])
		from = len(allNear)
		allNear = append(allNear, uf.near...)
		uf.near = clipNil(allNear[from:len(allNear):len(allNear)])
		facts = append(facts, uf)
		u.facts = &facts[len(facts)-1]
	}
	for i := range allKeys {
		strs.add(&allKeys[i])
	}
	for i := range allCounts {
		strs.add(&allCounts[i].Text)
		strs.add(&allCounts[i].Noun)
	}
	docArticles := make(map[string][]int, len(ix.docArticles))
	n := 0
	for _, as := range ix.docArticles {
		n += len(as)
	}
	allArticles := make([]int, 0, n)
	keyOf := make([]string, 0, len(ix.docArticles))
	for k := range ix.docArticles {
		keyOf = append(keyOf, k)
	}
	for i := range keyOf {
		strs.add(&keyOf[i])
	}
	strs.done()
	for _, k := range keyOf {
		as := ix.docArticles[k]
		from := len(allArticles)
		allArticles = append(allArticles, as...)
		docArticles[k] = allArticles[from:len(allArticles):len(allArticles)]
	}
	ix.docArticles = docArticles
	ix.vocab.compact()

	foldCache.Lock()
	foldCache.m = map[string]folded{}
	foldCache.Unlock()
}

// clipNil keeps an empty slice nil, as the units had it.
func clipNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// compact lays the vocabulary's words and folds out in two strings: they
// were cloned one by one between the batches' garbage, and the folds are
// the fold cache's strings.
func (v *vocab) compact() {
	var words, folds strArena
	for i := range v.word {
		words.add(&v.word[i])
	}
	for i := range v.fold {
		folds.add(&v.fold[i])
	}
	words.done()
	folds.done()
}
