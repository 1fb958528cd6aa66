// Package index is kyanhbot's search: it indexes the passages and facts of a
// content.Corpus in bleve with Vietnamese-aware analysis (accent folding,
// tone-mark variants, syllable bigrams, abbreviations, document numbers) and
// answers a question with the one passage or fact that answers it, or says
// honestly that nothing does.
package index

import "github.com/kyanhbot/kyanhbot/content"

// Kind is what an index unit is.
type Kind string

const (
	KindPassage  Kind = "passage"  // a sentence window of an article
	KindContact  Kind = "contact"  // an office contact block
	KindDocument Kind = "document" // a cited document with its sentence
	KindMerger   Kind = "merger"   // a merger or reorganisation sentence
	KindArticle  Kind = "article"  // an article's title, author, date and category
)

// Options tune one search.
type Options struct {
	Offset int // skip this many hits (paging)
	Limit  int // hits to return; 0 means 5
	// Explain fills Result.Explain with the best-ranked candidates and the
	// signals that scored them.
	Explain bool
}

// Explained is one ranked candidate with its score's terms: the answer is
// the first whose coverage reaches the answer bar.
type Explained struct {
	ID       string
	Kind     Kind
	Text     string
	Score    float64
	Coverage float64 // share of the question the unit holds; below the bar it does not answer
	Signals  []SignalValue
	Article  string   // the unit's article id
	Lacks    []string // the coverage checks that marked the unit down ("named", "typed" …)
}

// Hit is one unit that matched.
type Hit struct {
	ID        string // unit ID, stable across reloads of the same content
	Kind      Kind
	ArticleID string
	Title     string // article title
	Source    string // article source URL or site
	Date      string // article date, YYYY-MM-DD when known
	Text      string // the passage or fact as plain text, publisher's wording
	// Highlights are the runs of Text that match the question's words (and
	// the contact field asked for), in order, for the reader's eye: the
	// caller marks them up as its medium does.
	Highlights []Span
	Score      float64
	Documents  []string // document IDs the unit cites, e.g. "18-NQ/TW"
}

// Result is the answer to one question.
type Result struct {
	Question string
	Found    bool
	Hits     []Hit // best first; Hits[0] is the answer when Found
	Total    int   // hits above the threshold, for paging
	// English is true when the question was in English: the answer is
	// still the published Vietnamese text, which the caller may say.
	English  bool
	Contacts []content.Contact // offered when nothing was found
	// Maybe, when nothing was found, is the best-ranked unit if it comes
	// close to answering (gate.go, offersMaybe): the caller may show it as
	// "maybe this", with its source, never as the answer.
	Maybe   *Hit
	Explain []Explained // with Options.Explain: the best candidates, ranked
	// Gate, with Options.Explain, are the terms of the answer/decline
	// decision on the best candidate: it answers when they sum to 0 or
	// more.
	Gate []SignalValue
	// Required, with Options.Explain, are the names the question was read
	// to require of an answer (places, weekdays, a deputy), each spelling
	// folded, spellings joined by " | ".
	Required []string
	// Reading, with Options.Explain, is how the question was read: each
	// concept's spellings (folded, " | " between them) with its weight,
	// and the kinds of answer it asks for.
	Reading []string
}

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Answer returns the best hit, if any.
func (r Result) Answer() (Hit, bool) {
	if !r.Found || len(r.Hits) == 0 {
		return Hit{}, false
	}
	return r.Hits[0], true
}
