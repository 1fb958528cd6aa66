package index

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/kyanhbot/kyanhbot/content"
)

// Ranking constants, calibrated on the public question set (see eval).
const (
	candidates    = 50   // units bleve retrieves for re-ranking
	foundCoverage = 0.55 // share of the question's weighted concepts the answer must contain
	// englishCoverage is the answer bar where English is read on either
	// side (an English question, or an English page's unit): translation
	// through the glossary holds less of a question than the same language
	// does, so the same bar declined answers folded bleve gives right. Set
	// on every labelled set: 0.40–0.50 each gain 5–7 questions, and from
	// 0.45 up no set loses a decline (docs/quality.md).
	englishCoverage = 0.45
	moreCoverage    = 0.40 // the same for further hits shown on "more"
	fuzzyMinLen     = 5    // shorter syllables are one edit from too many others
	accentCredit    = 0.5
	// englishAccentCredit is accentCredit in an English unit, which
	// writes no marks at all: "Phước Điền" found as "Phuoc Dien" there is
	// more likely the name asked than an accent near miss, yet less sure
	// than a marked match (an English list of province names holds every
	// name unmarked). 0.65–0.75 gain 5 questions over real-1..6 and lose
	// no decline; from 0.8 a real-1 decline is lost (docs/quality.md).
	englishAccentCredit = 0.75
	entityMissing       = 0.6 // coverage kept by a unit without a body the question names
	// requiredMissing is the coverage kept by a unit that lacks what the
	// question requires of an answer (a place, weekday or deputy it names,
	// the field or kind of value it asks for): below the answer bar however
	// much else it shares, so the question is declined rather than answered
	// with the neighbouring fact.
	requiredMissing = 0.5
	prevCredit      = 0.4
	titleCredit     = 0.3 // a word found only in the article's title
	// topicCredit is titleCredit for a unit holding the kind of answer
	// asked, and for a word found only in its article's title or lead.
	// 0.4, 0.45 and 0.5 give the same answers on real-1..7 bar one
	// (docs/quality.md, round 6); from 0.55 real-2 loses one and real-5
	// a right decline.
	topicCredit     = 0.45
	scatteredCredit = 0.6 // every syllable of a several-syllable name, but not together // a word found only in the sentence before, in the same paragraph
	windowCredit    = 0.9 // a word found only in the sentence before one holding the kind of answer asked for
	maxWindowed     = 10  // sentences added to the candidates from the best-ranked articles
	windowArticles  = 2   // best-ranked articles whose sentences holding the value asked are candidates
	contextCredit   = 0.9 // a word found only in the sentence introducing the unit's list  // an accented question's syllable found only with other accents
	fuzzyCredit     = 0.7
	// untranslatedWeight is what a Vietnamese question's word that no
	// English unit writes weighs in an English unit's coverage, as an
	// untranslated English word does in an English question's.
	untranslatedWeight = 0.3
	// unmatchableWeight is what a question's word weighs that no page
	// can hold as typed — a loose translation, an untranslated English
	// word — against its rarity. Shorthand no page writes ("sx", "VN")
	// weighed so too in session 9; on the held-out real-8 it changed no
	// answer and was taken out (docs/quality.md, ablation, session 10).
	unmatchableWeight = 0.3
	defaultLimit      = 5
	maxOffset         = 200
	// authorLift puts the author line of the best-matching article above
	// that article's best passage when the author is asked for.
	authorLift = 0.60
)

// Search answers a question. User text is never handed to bleve's query-string
// parser: the query is built term by term.
func (ix *Index) Search(ctx context.Context, question string, opts Options) (Result, error) {
	if !ix.refs.acquire() {
		return Result{Question: question}, fmt.Errorf("index: search: %w", ErrClosed)
	}
	defer ix.refs.release()
	return ix.search(ctx, question, opts)
}

func (ix *Index) search(ctx context.Context, question string, opts Options) (Result, error) {
	res := Result{Question: question}
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("index: search: %w", err)
	}
	if opts.Limit <= 0 {
		opts.Limit = defaultLimit
	}
	opts.Offset = min(max(opts.Offset, 0), maxOffset)

	pq := ix.parse(question)
	res.English = pq.english
	ranked, err := ix.rank(ctx, pq)
	if err != nil {
		return res, err
	}
	ranked = ix.order(pq, ranked, signalWeights)
	kept := ix.answers(ranked, -1, pq.english)
	if opts.Explain {
		for _, s := range ranked[:min(len(ranked), max(opts.Limit, 5))] {
			res.Explain = append(res.Explain, ix.explained(s, signalWeights))
		}
		if len(ranked) > 0 {
			res.Gate = gateTerms(gateWeights, ix.gateVector(ranked, pq.english, nil))
		}
		for _, r := range slices.Concat(pq.required, pq.bodyAlts()) {
			var sp []string
			for _, alt := range r {
				sp = append(sp, strings.Join(alt, " "))
			}
			res.Required = append(res.Required, strings.Join(sp, " | "))
		}
		res.Reading = ix.reading(pq)
	}
	res.Total = len(kept)
	res.Found = len(kept) > 0
	hl := highlightTerms(pq)
	if !res.Found {
		res.Contacts = ix.contacts()
		if ix.offersMaybe(ranked, pq.english) {
			h := ix.hit(ranked[0], hl)
			res.Maybe = &h
		}
		return res, nil
	}
	if opts.Offset >= len(kept) {
		return res, nil
	}
	for _, s := range kept[opts.Offset:min(len(kept), opts.Offset+opts.Limit)] {
		res.Hits = append(res.Hits, ix.hit(s, hl))
	}
	return res, nil
}

// order scores the candidates with the signals' weights, best first, the
// author line lifted where the author is asked for.
func (ix *Index) order(pq parsedQuery, ranked []scored, w []float64) []scored {
	for i := range ranked {
		ranked[i].score = dot(w, ranked[i].feats)
	}
	// Ties broken by unit, so that the same question over the same corpus
	// always gets the same answer.
	sort.SliceStable(ranked, func(i, j int) bool {
		if ranked[i].score != ranked[j].score {
			return ranked[i].score > ranked[j].score
		}
		return ranked[i].unit < ranked[j].unit
	})
	ix.sideFirst(ranked, sideMargin)
	ix.whichFirst(ranked, whichMargin)
	return ix.authorOfBest(pq, ranked)
}

// holdsTypedFeat: a typed signal is above 0, the unit holds the kind of
// answer asked (the gate's window_typed reads it).
func holdsTypedFeat(f []float64) bool {
	for i, s := range signals {
		if s.typed && f[i] > 0 {
			return true
		}
	}
	return false
}

// answers are the ranked units that answer, best first, each text once;
// none when the decision (gate.go) finds that the best-ranked unit does not
// answer and no clean candidate after it answers in its place. Further
// units answer when they hold moreCoverage of the question. limit > 0
// stops after that many. english: the question is in English.
func (ix *Index) answers(ranked []scored, limit int, english bool) []scored {
	return ix.answersWith(ranked, limit, english, gateWeights)
}

// answersWith is answers with the decision's weights gw.
func (ix *Index) answersWith(ranked []scored, limit int, english bool, gw []float64) []scored {
	if len(ranked) == 0 {
		return nil
	}
	// first answers; the others follow in their order (the ranking is
	// not copied: it was a tenth of a question's allocation).
	first := 0
	if !ix.answersFirst(ranked, english, gw) {
		first = ix.cleanNext(ranked, english, gw)
		if first < 0 {
			return nil // the best unit does not answer: nothing does
		}
	}
	kept := []scored{ranked[first]}
	seen := map[string][]int{ix.units[ranked[first].unit].words: {ranked[first].unit}} // words → the units kept with them
	for j, s := range ranked {
		if j == first {
			continue
		}
		if len(kept) == limit {
			break
		}
		if s.coverage < moreCoverage {
			continue
		}
		u := &ix.units[s.unit]
		if ix.keptSameText(seen[u.words], u) {
			continue
		}
		seen[u.words] = append(seen[u.words], s.unit)
		kept = append(kept, s)
	}
	return kept
}

// cleanNext is the first of the cleanNextK candidates after the best that
// answers in its place, where a check marked the best down (it lacks a
// body, place, title or kind of value the question names): one that no
// check marked down, whose window holds every word of the question, that
// holds more of it than the best, and that passes the decision ranked
// first. The signals ranked first a unit about another body or place
// ("Hội Nhà báo" of another province) above the one that answers.
func (ix *Index) cleanNext(ranked []scored, english bool, gw []float64) int {
	if ranked[0].gate.checks == 0 {
		return -1
	}
	var buf []scored
	for k := 1; k < len(ranked) && k <= cleanNextK; k++ {
		c := ranked[k]
		if c.gate.checks != 0 || c.gate.windowHole || c.coverage <= ranked[0].coverage {
			continue
		}
		buf = append(append(append(buf[:0], c), ranked[:k]...), ranked[k+1:]...)
		if ix.answersFirst(buf, english, gw) {
			return k
		}
	}
	return -1
}

// cleanNextK: 3 and 5 answer the same on real-1..19; without the whole
// window, either answers 2 more and declines 4 fewer rightly.
const cleanNextK = 3

// keptSameText reports whether one of the kept units, which have u's
// words, reads as u does in lower case: the same text is shown once.
func (ix *Index) keptSameText(kept []int, u *unit) bool {
	if len(kept) == 0 {
		return false
	}
	t := lowerNormalize(u.text)
	for _, k := range kept {
		if lowerNormalize(ix.units[k].text) == t {
			return true
		}
	}
	return false
}

// namedInLead is namedIn over the lead of article a (and its
// publication year).
func (ix *Index) namedInLead(c concept, a int) bool {
	return namedInOr(c, func(w string) bool { return ix.leads.has(a, w) })
}

// yearInArticle: the year is written, as a number of its own, in one of
// article a's paragraphs. A year the question states ("after the 2019
// rearrangement", "giờ làm việc mùa hè năm 2015") is the year of the
// article's subject, which the page may state once, away from both the
// lead and the sentence holding the figure asked: read only there, the
// right unit of the right page was marked down as speaking of another
// body. Real-8 +1 hit@1, real-3 +2, real-6 +1, real-7 +1, no set losing a
// right decline (docs/quality.md, round 7).
func (ix *Index) yearInArticle(c concept, a int) bool {
	for _, alt := range c.alts {
		if len(alt) != 1 || !isDigits(alt[0]) {
			continue
		}
		for _, p := range ix.corpus.Articles[a].Paragraphs {
			if numberIn(p, alt[0]) {
				return true
			}
		}
	}
	return false
}

// numberIn: text writes n with no digit either side.
func numberIn(text, n string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], n)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(n)
		if (i == 0 || !isASCIIDigit(text[i-1])) && (j == len(text) || !isASCIIDigit(text[j])) {
			return true
		}
		off = i + 1
	}
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// articleNames: one of the spellings of a name is written whole by one
// of article a's paragraphs or its title, or by its site's name (a
// province's newspaper, "baothanhhoa.vn").
func (ix *Index) articleNames(a int, name [][]string) bool {
	art := &ix.corpus.Articles[a]
	if site := siteName(art.Source); site != "" {
		for _, alt := range name {
			if hostHas(site, alt) {
				return true
			}
		}
	}
	for _, p := range append([]string{art.Title}, art.Paragraphs...) {
		ws := foldWords(p)
		for _, alt := range name {
			if len(alt) > 0 && containsSeq(ws, alt) {
				return true
			}
		}
	}
	return false
}

// refersBack: folded English words name a kind of unit with "the" and
// no name after it ("of the commune", "the ward's centre"), as a page
// refers back to the place it has named.
func refersBack(folded []string) bool {
	for i := 0; i+1 < len(folded); i++ {
		if folded[i] == "the" && backUnits[folded[i+1]] && (i+2 == len(folded) || !backNamed(folded[i+2])) {
			return true
		}
	}
	return false
}

// backNamed: a word after "the commune" that makes it no reference back
// ("the commune level", "the commune Party Committee" still refer back;
// "the commune of X" names X).
func backNamed(w string) bool { return w == "of" }

// backUnits are the lexicon's EnglishBackUnits, in EnglishForm.
var backUnits = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range content.Lexicon.EnglishBackUnits {
		m[content.EnglishForm(w)] = true
	}
	return m
}()

// outerPlace: inner and outer, required names of a question in that
// order, are places, the outer one of two syllables or more (a weekday,
// a season or a number is no place).
func outerPlace(inner, outer [][]string) bool {
	return isPlaceName(inner) && isPlaceName(outer) && len(outer[0]) >= 2
}

func isPlaceName(r [][]string) bool {
	for _, alt := range r {
		if len(alt) == 0 || calendarWords[alt[0]] || isDigits(alt[0]) {
			return false
		}
	}
	return true
}

// calendarWords are the first words of the weekdays' and seasons' names,
// folded, Vietnamese and English.
var calendarWords = func() map[string]bool {
	m := map[string]bool{}
	for _, d := range content.Lexicon.Weekdays {
		for _, n := range []string{d.Name, d.Digit, d.English} {
			if ws := foldWords(n); len(ws) > 0 {
				m[ws[0]] = true
			}
		}
	}
	for _, s := range content.Lexicon.Seasons {
		for _, n := range s {
			if ws := foldWords(n); len(ws) > 0 {
				m[ws[0]] = true
			}
		}
	}
	return m
}()

func setHasAll(set map[string]bool, ws []string) bool {
	for _, w := range ws {
		if !set[w] {
			return false
		}
	}
	return true
}

// ErrClosed is returned by Search on an index that has been closed.
var ErrClosed = fmt.Errorf("index closed")

type scored struct {
	unit     int
	coverage float64
	score    float64
	docHit   bool
	// side: 1 when the unit holds the figure asked and speaks of the side
	// of a reorganisation the question asks about, -1 of the other side
	// only, else 0 (side.go).
	side int8
	// figure: the unit holds the figure asked (holdsFigure), where a
	// side of a reorganisation is asked.
	figure bool
	// names: the question asks which places of a kind, and the unit
	// names one of that kind the question does not (places.go).
	names bool
	// asked, other: the question asks which places, and the unit writes
	// the place it asks about with its kind (placesAsked), another place
	// of that kind (Index.writesPlace).
	asked, other bool
	feats        []float64 // each signal's value, in table order
	// gate is what the answer/decline decision reads of the unit beyond
	// its coverage: the coverage before any check marked it down, and
	// which checks did.
	gate gateFacts
}

// bleveHits is retrieve by bleve's searchers and collector. Equal scores
// are ordered by ID, not by document number, which depends on the order a
// parallel build's batches finished in (see worse).
func (ix *Index) bleveHits(ctx context.Context, q query.Query, size int) ([]hit, error) {
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	req.SortBy([]string{"-_score", "_id"})
	sr, err := ix.bi.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	out := make([]hit, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		n, err := strconv.Atoi(h.ID)
		if err != nil || n < 0 || n >= len(ix.units) {
			continue
		}
		out = append(out, hit{unit: n, score: h.Score})
	}
	return out, nil
}

// rank retrieves candidates with bleve and re-ranks them by how much of the
// question they contain, weighted by rarity, with bonuses for adjacent
// syllables, exact accents, the document asked about and the kind of answer
// wanted.
func (ix *Index) rank(ctx context.Context, pq parsedQuery) ([]scored, error) {
	q := ix.buildQuery(pq)
	if q == nil {
		return nil, nil
	}
	hits, err := ix.retrieve(ctx, q, candidates)
	if errors.Is(err, errShape) {
		hits, err = ix.bleveHits(ctx, q, candidates)
	}
	if err != nil {
		return nil, err
	}
	if len(hits) == 0 {
		return nil, nil
	}
	maxScore := hits[0].score
	weights := make([]float64, len(pq.concepts))
	total := 0.0
	for i, c := range pq.concepts {
		weights[i] = ix.conceptWeight(c)
		// A translated English word whose Vietnamese the corpus never uses
		// is more likely a loose translation than a sign of no answer.
		if c.translated && !ix.knowsAny(c) || c.foreign {
			weights[i] *= unmatchableWeight
		}
		total += weights[i]
	}
	// An English unit reads a Vietnamese question through the glossary:
	// a word no English unit writes in any spelling (an untranslated
	// "tiêu chuẩn", "quầy") weighs there as an untranslatable English
	// word does in an English question, so the page is judged on what it
	// could say. Only a word shaped as Vietnamese is read so: an English
	// question taken for Vietnamese ("renew my driving licence") keeps
	// its words' weight.
	// The share of the question no page writes in any spelling: an
	// abbreviation or chat word the corpus never spells out weighs as the
	// rarest word, which the answer/decline decision reads.
	unknownShare := 0.0
	known := make([]bool, len(pq.concepts))
	if total > 0 {
		for i, c := range pq.concepts {
			if known[i] = ix.knowsAny(c); !known[i] {
				unknownShare += weights[i]
			}
		}
		unknownShare /= total
	}
	enWeights, enTotal := weights, total
	untranslated := make([]bool, len(weights))
	if !pq.english && len(ix.enWords) > 0 {
		enWeights, enTotal = make([]float64, len(weights)), 0
		for i, c := range pq.concepts {
			enWeights[i] = weights[i]
			if !ix.enReadable(c) && vietnameseShaped(c.alts[0]) {
				enWeights[i] *= untranslatedWeight
				untranslated[i] = true
			}
			enTotal += enWeights[i]
		}
	}
	// The document asked about is a concept of its own, as rare as can be.
	docWeight := 0.0
	if len(pq.docs) > 0 {
		docWeight = ix.idf("")
		total += docWeight
		enTotal += docWeight
	}
	docKeysWanted := map[string]bool{}
	coref := map[int]string{} // article → type code of a wanted document it cites
	// article → the type codes of the wanted documents it cites, for
	// "Nghị quyết này" (thisDocRe)
	corefThis := map[int]map[string]bool{}
	for _, d := range pq.docs {
		docKeysWanted[d.key] = true
		for _, a := range ix.docArticles[d.key] {
			if corefThis[a] == nil {
				corefThis[a] = map[string]bool{}
			}
			corefThis[a][d.code] = true
		}
		if pq.intents&wantSubject != 0 {
			for _, a := range ix.docArticles[d.key] {
				coref[a] = d.code
			}
		}
	}
	qWords, unknown := map[string]bool{}, map[string]bool{}
	for _, c := range pq.concepts {
		for _, alt := range c.alts {
			for _, w := range alt {
				qWords[w] = true
				if ix.df[w] == 0 && len(w) >= fuzzyMinLen {
					unknown[w] = true
				}
			}
		}
	}
	qExact := setOf(pq.exact)
	qBigrams, bigramFirst := map[string]bool{}, map[string]bool{}
	for _, b := range pq.bigrams {
		qBigrams[b] = true
		bigramFirst[b[:strings.IndexByte(b, ' ')]] = true
	}
	for _, r := range slices.Concat(pq.required, pq.titles, pq.bodyAlts()) {
		for _, alt := range r {
			for _, w := range alt {
				qWords[w] = true
			}
		}
	}
	// The candidates: what bleve found, and the sentences of its
	// best-ranked articles that hold the value asked (below).
	type retrieved struct {
		unit   int
		engine float64
	}
	cands := make([]retrieved, 0, len(hits)+maxWindowed)
	inHits := make(map[int]bool, len(hits))
	for _, h := range hits {
		cands = append(cands, retrieved{h.unit, h.score / maxScore})
		inHits[h.unit] = true
	}
	asked := askedTraits(pq.intents)
	// A unit holds the answer when it states a typed value of the kind
	// asked ("175 đơn vị hành chính" for "bao nhiêu xã"); only a question
	// asking for no typed value falls back on the cruder traits: any
	// number would make "Giai đoạn 2023-2025 …" hold a count of xã, and
	// the sentence after it lose the window it reads with.
	holds := func(u *unit) bool { return u.traits&asked != 0 || holdsAsked(askedOf(&pq, u), u) }
	if len(pq.asked) > 0 {
		holds = func(u *unit) bool { return holdsAsked(askedOf(&pq, u), u) }
	}
	// A unit naming a place of the kind a which-question asks holds its
	// answer as one stating a typed value does, and reads its window so.
	var qLine string // the question's folded words, spaced at both ends
	var askedPlaces []kindName
	if pq.whichPlace != 0 {
		qLine = " " + strings.Join(pq.folded, " ") + " "
		askedPlaces = ix.placesAsked(pq.folded)
		typed, named := holds, map[*unit]bool{} // each unit read once a question
		holds = func(u *unit) bool {
			if typed(u) {
				return true
			}
			v, ok := named[u]
			if !ok {
				v = ix.namesOtherPlace(qLine, pq.whichPlace, ix.unitFolds(u))
				named[u] = v
			}
			return v
		}
	}
	// The page bleve ranks first may state the value asked in a sentence
	// sharing few of the question's words: the page names its subject in
	// its title and lead ("Hanoi … Public Administration Service
	// Center"), the sentence only "the Center is headquartered at …".
	// Such sentences of the best-ranked articles are candidates too.
	if len(pq.asked) > 0 {
		n := len(cands)
		seenArticle := map[int32]bool{}
		for i := 0; i < n && len(seenArticle) < windowArticles && len(cands) < n+maxWindowed; i++ {
			a := ix.units[cands[i].unit].article
			if seenArticle[a] {
				continue
			}
			seenArticle[a] = true
			first := cands[i].unit
			for first > 0 && ix.units[first-1].article == a {
				first--
			}
			for j := first; j < len(ix.units) && ix.units[j].article == a && len(cands) < n+maxWindowed; j++ {
				if inHits[j] || !holdsAsked(pq.asked, &ix.units[j]) {
					continue
				}
				inHits[j] = true
				cands = append(cands, retrieved{j, cands[i].engine / 4})
			}
		}
	}
	figure := asksFigure(pq.asked)
	// A place the question names after the one asked about ("xã Quảng
	// Ninh (Thanh Hóa)", "P. Bình Hưng TP Phan Thiết") is where that one
	// lies: a page about the ward names its city somewhere, not in every
	// sentence, nor always in its title or lead. Read once an article.
	type articleName struct{ article, required int }
	inArticle := map[articleName]bool{}
	namedInArticle := func(a, ri int, r [][]string) bool {
		k := articleName{a, ri}
		if v, ok := inArticle[k]; ok {
			return v
		}
		v := ix.articleNames(a, r)
		inArticle[k] = v
		return v
	}
	// A place the question names with its kind, which the article of
	// the first unit retrieved names so and names no other place of that
	// kind in: the page is about it and may say so once, paragraphs
	// before the figure ("Tại phường Đông Quang, …", then a caption, then
	// "Qua đó, … 52 trường hợp khác"). Numbered places ("phường 6") are
	// not in the corpus's names, so another one is not seen: never read
	// so. One article a question, read once: every article of the
	// candidates doubled the search's CPU.
	requiredKinds := make([]int, len(pq.required))
	for ri, r := range pq.required {
		requiredKinds[ri] = -1
		for i := 0; i+len(r[0]) <= len(pq.folded); i++ {
			if slices.Equal(pq.folded[i:i+len(r[0])], r[0]) {
				requiredKinds[ri] = kindBefore(pq.folded, i)
				break
			}
		}
	}
	soleArticle := -1
	if len(cands) > 0 {
		soleArticle = int(ix.units[cands[0].unit].article)
	}
	soleInArticle := map[int]bool{}
	// How each article numbers each period asked (periodIn over its
	// title and paragraphs), read once.
	type articlePeriod struct{ article, period int }
	periodsRead := map[articlePeriod]int{}
	periodInArticle := func(a, pi int) int {
		k := articlePeriod{a, pi}
		if v, ok := periodsRead[k]; ok {
			return v
		}
		art := &ix.corpus.Articles[a]
		v := 0
		for _, t := range append([]string{art.Title}, art.Paragraphs...) {
			switch periodIn(foldWords(t), pq.periods[pi]) {
			case 1:
				v = 1
			case -1:
				if v == 0 {
					v = -1
				}
			}
			if v == 1 {
				break
			}
		}
		periodsRead[k] = v
		return v
	}
	soleOfKind := func(a, ri int, r [][]string) bool {
		if a != soleArticle || requiredKinds[ri] < 0 || slices.ContainsFunc(r[0], isDigits) {
			return false
		}
		if v, ok := soleInArticle[ri]; ok {
			return v
		}
		art := &ix.corpus.Articles[a]
		asked, other := false, false
		for _, p := range append([]string{art.Title}, art.Paragraphs...) {
			as, ot := ix.writesPlace(foldWords(p), []kindName{{requiredKinds[ri], r[0]}})
			if asked, other = asked || as, other || ot; other {
				break
			}
		}
		soleInArticle[ri] = asked && !other
		return asked && !other
	}
	// A body the question names, written anywhere in the article: a
	// page about the police's opening hours need not name the police
	// in the sentence giving them. Read once an article.
	inArticleBody := map[articleName]bool{}
	bodyInArticle := func(a, bi int, alts [][]string) bool {
		k := articleName{a, bi}
		if v, ok := inArticleBody[k]; ok {
			return v
		}
		v := ix.articleNames(a, alts)
		inArticleBody[k] = v
		return v
	}
	attachSkip := attachSkips(&pq)
	nearMask := askNearMask(&pq)
	titles := map[int]map[string]bool{}
	titleOf := func(a int) map[string]bool {
		if t, ok := titles[a]; ok {
			return t
		}
		t := map[string]bool{}
		for _, f := range ix.titleFolds(a) {
			t[f] = true
		}
		titles[a] = t
		return t
	}
	// The places a question asking a value names with their kind: a unit
	// stating a sister place's value instead is no answer (governs.go).
	sister := ix.sisterOf(&pq)
	holder := pq.intents&wantName != 0 && asksAny(strings.Join(pq.folded, " "), holderAsks)
	// Who signed a document is answered by a name, as who holds a post is.
	signer := asksAny(strings.Join(pq.folded, " "), signerAsks)
	out := make([]scored, 0, len(cands))
	holders := make([]bool, 0, len(cands))
	feats := make([]float64, len(signals)*len(cands))
	// The candidates' folded words (candidate.folded), and as written
	// where a title is asked, in one slice each: one allocation a
	// question, not one a candidate.
	nWords := 0
	for _, h := range cands {
		nWords += countWords(ix.units[h.unit].words)
	}
	foldedAll := make([]string, nWords)
	var markedAll []string
	if len(pq.titleBound) > 0 {
		markedAll = make([]string, nWords)
	}
	// Only the question's own words are looked up in a unit, so the sets
	// stay as small as the question; they are emptied for each candidate
	// and kept by none.
	has := make(map[string]bool, len(qWords))
	exact := make(map[string]bool, len(pq.exact))
	bigramSeen := make(map[string]bool, len(qBigrams))
	wf := newWordFlags(len(ix.vocab.word))
	defer wf.release()
	flagsOf := func(id uint32) uint8 {
		if v := wf.known(id); v != 0 {
			return v
		}
		w, f := ix.vocab.word[id], ix.vocab.fold[id]
		v := wfKnown
		if qWords[f] {
			v |= wfQuestion
		}
		if qExact[w] {
			v |= wfExact
		}
		if bigramFirst[f] {
			v |= wfBigram
		}
		if deputyWords[f] && (f != deputyWord || w == deputyMarked) {
			v |= wfDeputy
		}
		wf.keep(id, v)
		return v
	}
	qDeputy := qWords[deputyWord]
	for _, h := range cands {
		n := h.unit
		u := &ix.units[n]
		clear(has)
		clear(exact)
		clear(bigramSeen)
		nw := countWords(u.words)
		folded := foldedAll[:nw:nw]
		foldedAll = foldedAll[nw:]
		// The words as written, for the kind of place after a title
		// (levelAfter), only where a title is asked.
		var marked []string
		if markedAll != nil {
			marked = markedAll[:nw:nw]
			markedAll = markedAll[nw:]
		}
		deputy := 0         // syllables of a "Phó …" title still to come
		afterFirst := false // the word before starts one of the question's bigrams
		for i, p := 0, 0; p < len(u.words); i++ {
			var id uint32
			id, p = nextWord(u.words, p)
			w, f := ix.vocab.word[id], ix.vocab.fold[id]
			folded[i] = f
			if marked != nil {
				marked[i] = w
			}
			fl := flagsOf(id)
			bigram := afterFirst
			afterFirst = fl&wfBigram != 0
			// "Phó Chủ tịch" is not the "Chủ tịch" asked about: the two
			// syllables of a title after "phó" do not count, unless the
			// question says "phó" too.
			// "thành phố Hải Phòng": "phố" folds as "phó" does, and is no
			// deputy.
			if fl&wfDeputy != 0 && fl&wfQuestion == 0 && !qDeputy {
				deputy = 2
			} else if deputy > 0 {
				deputy--
				if fl&wfQuestion != 0 {
					continue
				}
			}
			if fl&wfQuestion != 0 {
				has[f] = true
			}
			if fl&wfExact != 0 {
				exact[w] = true
			}
			if bigram {
				if b := folded[i-1] + " " + f; qBigrams[b] && !bigramSeen[b] {
					bigramSeen[b] = true
				}
			}
		}
		var inContext map[string]bool
		if u.context != "" {
			inContext = map[string]bool{}
			for _, w := range foldWords(u.context) {
				if qWords[w] && !has[w] {
					inContext[w] = true
				}
			}
		}
		var inTitle map[string]bool
		if u.kind != kArticle {
			for _, id := range ix.titles.set(int(u.article)) {
				if f := ix.titles.dict.words[id]; qWords[f] && !has[f] {
					if inTitle == nil {
						inTitle = map[string]bool{}
					}
					inTitle[f] = true
				}
			}
		}
		var inPrev map[string]bool
		if u.prev > 0 {
			inPrev = map[string]bool{}
			pw := ix.units[u.prev-1].words
			for p := 0; p < len(pw); {
				var id uint32
				id, p = nextWord(pw, p)
				if f := ix.vocab.fold[id]; flagsOf(id)&wfQuestion != 0 && !has[f] {
					inPrev[f] = true
				}
			}
		}
		// Initials the unit does not write, whose name its window spells
		// out, are found where the name is.
		for _, ref := range pq.initials {
			if setHasAll(has, ref.words) {
				continue
			}
			var at *map[string]bool
			switch a := &ix.corpus.Articles[u.article]; {
			case initialsIn(u.text, ref):
				at = &has
			case u.prev > 0 && initialsIn(ix.units[u.prev-1].text, ref):
				at = &inPrev
			case initialsIn(u.context, ref):
				at = &inContext
			case u.kind != kArticle && (initialsIn(a.Title, ref) || len(a.Paragraphs) > 0 && initialsIn(a.Paragraphs[0], ref)):
				at = &inTitle
			default:
				continue
			}
			if *at == nil {
				*at = map[string]bool{}
			}
			for _, w := range ref.words {
				(*at)[w] = true
			}
		}
		s := scored{unit: n}
		for _, k := range u.docKeys() {
			if docKeysWanted[k] {
				s.docHit = true
			}
		}
		// An article that cites the document by number often states its
		// subject where it names it without the number ("Nghị quyết Trung
		// ương 6 … về “…”"): such a sentence answers "about what?".
		if code, ok := coref[int(u.article)]; ok && !s.docHit && len(u.docs()) == 0 && u.traits&hasSubject != 0 {
			if m := subjRe.FindStringSubmatch(u.text); m != nil && docTypeNames[content.Fold(m[1])] == code {
				s.docHit = true
			}
		}
		// "Nghị quyết này có hiệu lực từ …", "This Resolution comes into
		// force …": a document's own closing clause names it by its type
		// alone, in the article that cites it by number (often only in
		// the paragraph under the lead).
		if codes := corefThis[int(u.article)]; codes != nil && !s.docHit && len(u.docs()) == 0 {
			for _, m := range thisDocRe.FindAllStringSubmatch(u.text, -1) {
				if codes[thisDocType(m)] {
					s.docHit = true
				}
			}
		}
		covered, missingEntity := 0.0, false
		ws, tot := weights, total
		if u.traits&inEnglish != 0 {
			ws, tot = enWeights, enTotal
		}
		// A sentence holding what is asked is read with the sentence
		// before it when that one only announces it ("… công bố các số
		// đường dây nóng." then "Cụ thể, …").
		pc := prevCredit
		if u.prev > 0 && holds(u) && !holds(&ix.units[u.prev-1]) {
			pc = windowCredit
		}
		enUnit := u.traits&inEnglish != 0
		// A unit holding the kind of answer asked reads its article's
		// title and lead as the window it answers in: the page names
		// its subject there ("Hội Nông dân xã X tổ chức Đại hội …") and
		// the sentence stating the value does not repeat it ("Hiện nay,
		// Hội có 1.240 hội viên"). Without this the lead, repeating the
		// question's words, outranked it, or it fell under the bar. The
		// article's own unit (its title and author) is the title.
		tc, inLead := titleCredit, func(string) bool { return false }
		if u.kind != kArticle && holds(u) {
			tc = topicCredit
			inLead = func(w string) bool { return ix.leads.has(int(u.article), w) }
		}
		// The window the page answers in: the unit with the sentence
		// before it, its list's introduction, and its article's title and
		// lead, each word there counted whole. A page names its subject
		// (the ward, the body) in its title and lead, and the sentence
		// stating the value does not repeat it; the decision reads this
		// beside the unit's own coverage (gate.go).
		leadOf := func(w string) bool { return ix.leads.has(int(u.article), w) }
		// The items enclosing the unit's (a nested list's headings) are
		// read as its list's introduction is.
		encl := ix.enclosingItems(u)
		var inEnclosing map[string]bool
		for _, ws := range encl {
			for _, w := range ws {
				if qWords[w] && !has[w] {
					if inEnclosing == nil {
						inEnclosing = map[string]bool{}
					}
					inEnclosing[w] = true
				}
			}
		}
		own, windowed, windowHole, topicLift := 0.0, 0.0, false, 0.0
		// echo: what a unit not holding the kind asked shares with the
		// question that its title or lead names too (signals.go).
		echo := 0.0
		isHolder := u.kind != kArticle && holds(u)
		inTitleOf := func(w string) bool { return ix.titles.has(int(u.article), w) }
		credit := make([]float64, len(pq.concepts)) // each concept's presence
		for i, c := range pq.concepts {
			p := presence(c, has, exact, folded, unknown)
			if enUnit && c.exact != "" && p == accentCredit {
				p = englishAccentCredit
			}
			own += ws[i] * p
			if !isHolder && p > 0 && (namedInOr(concept{alts: c.alts}, leadOf) || namedInOr(concept{alts: c.alts}, inTitleOf)) {
				echo += ws[i] * p * (1 - topicCredit)
			}
			if p < contextCredit && inContext != nil && presence(concept{alts: c.alts}, inContext, nil, nil, nil) == 1 {
				p = contextCredit
			}
			if p < contextCredit && inEnclosing != nil && presence(concept{alts: c.alts}, inEnclosing, nil, nil, nil) == 1 {
				p = contextCredit
			}
			if p < pc && inPrev != nil && presence(concept{alts: c.alts}, inPrev, nil, nil, nil) == 1 {
				p = pc
			}
			if p < tc && (inTitle != nil && presence(concept{alts: c.alts}, inTitle, nil, nil, nil) == 1 || namedInOr(concept{alts: c.alts}, inLead)) {
				p = tc
				if tc == topicCredit {
					topicLift += ws[i] * (1 - tc)
				}
			}
			// A contact block is an office's: it names the place in its
			// address, seldom the body ("Địa chỉ: …, xã Châu Pha"
			// answers for the commune's People's Committee).
			// Who held a post in a year asked is not answered by a unit
			// writing another year and not the one asked, whatever its
			// article names: "ngày 01/01/1997, … thành lập" does not
			// answer who was the secretary in 2022.
			if holder && c.year && !namedIn(c, has, inContext) && otherYearIn(folded, c.alts[0][0]) {
				missingEntity = true
			}
			if c.entity && u.kind != kContact && !boxOfficeField(c, u) && !namedIn(c, has, inContext, inPrev, inTitle) && !(c.year && (ix.namedInLead(c, int(u.article)) || ix.yearInArticle(c, int(u.article)))) {
				missingEntity = true
			}
			covered += ws[i] * p
			credit[i] = p
			if p < 1 && namedInOr(concept{alts: c.alts}, leadOf, has, inContext, inPrev, inTitle, inEnclosing) {
				windowed += ws[i] * (1 - p)
			} else if p == 0 && ws[i] > 0 && !placeKindWord(c) && !(enUnit && untranslated[i]) {
				// A place's kind ("huyện", "h.", "district") is not what
				// is missing: the named-place check reads the name. Nor,
				// in an English unit, a Vietnamese word no English unit
				// writes in any spelling (untranslatedWeight): the page
				// cannot write it, however well it answers.
				windowHole = true
			}
			if p == 0 && known[i] && tot > 0 {
				s.gate.gap = max(s.gate.gap, ws[i]/tot)
			}
		}
		// A body the question names by its head and name ("Công an",
		// "Ban Tuyên giáo"): a contact block is held to it too, its office
		// being the body it is for.
		for bi, b := range pq.bodies {
			if enUnit || !strings.ContainsFunc(u.text, vietnameseLetter) {
				// An English page names a body in its own words: it is
				// held to the glossary's English for the body (the
				// spellings from own on, ix.withEnglish), where the
				// glossary has some; a body it has none for is not
				// checked (docs/quality.md, round 18: crossvi21).
				if b.own > 0 && b.own < len(b.alts) && !namedInOr(concept{alts: b.alts}, leadOf, has, inContext, inPrev, inTitle) {
					missingEntity = true
				}
				continue
			}
			if namedInOr(concept{alts: b.alts}, leadOf, has, inContext, inPrev, inTitle) ||
				u.kind != kContact && bodyInArticle(int(u.article), bi, b.alts) {
				continue
			}
			missingEntity = true
		}
		// What the question names — a ward, a weekday, the deputy — must be
		// named by the answer, its context or its article's title or lead;
		// the field asked for (a fax) must be there.
		missingRequired := false
		var prevWords, ctxWords, prevMarked, ctxMarked []string
		if len(pq.titleBound) > 0 || len(pq.periods) > 0 || len(pq.offices) > 0 {
			if u.prev > 0 {
				prevWords = foldWords(lowerNormalize(ix.units[u.prev-1].text))
				prevMarked = words(ix.units[u.prev-1].text)
			}
			if u.context != "" {
				ctxWords = foldWords(u.context)
				ctxMarked = words(u.context)
			}
		}
		// A period numbered otherwise than asked ("đợt 1/2019" for "đợt
		// 2") by the unit's window, or else by its article's title, and
		// nowhere there as asked, is another period's.
		for pi, p := range pq.periods {
			a, b, c := periodIn(folded, p), periodIn(prevWords, p), periodIn(ctxWords, p)
			// A term is the unit's own: a page on a congress names the
			// new term in its lead and sentences around the past term's
			// results ("kết nạp 48 đảng viên mới") that name none.
			if p.n > 40 {
				if a < 0 {
					missingRequired = true
					s.gate.checks |= checkPeriod
				}
				continue
			}
			window := max(a, b, c)
			if window == 0 && min(a, b, c) < 0 {
				window = -1
			}
			// The unit's own number speaks first: "Đại hội lần thứ II …"
			// under a list introduced by the first congress is the
			// second's.
			if a < 0 {
				window = -1
			}
			// A month is numbered by a date too: "ngày 15/8" is in
			// "tháng 8", though the page's sentence calls its session
			// otherwise; a date asked for in the month named must be one
			// of that month, not a cited document's.
			own := 0
			if isMonth(p) {
				var prevText string
				if u.prev > 0 {
					prevText = ix.units[u.prev-1].text
				}
				own = monthInDates(u.text, p.n)
				if max(own, monthInDates(prevText, p.n), monthInDates(u.context, p.n)) > 0 {
					window = 1
				}
				// The unit's date states the month asked: its words
				// ("tháng", "4") are there as the date writes them.
				if own > 0 {
					for i, c := range pq.concepts {
						if credit[i] < 1 && (monthNamed(c, monthWord) || monthNamed(c, strconv.Itoa(p.n))) {
							covered += ws[i] * (1 - credit[i])
							credit[i] = 1
						}
					}
				}
			}
			if window == 0 {
				window = periodIn(ix.titleFolds(int(u.article)), p)
				if window == 0 && isMonth(p) {
					window = max(monthInDates(ix.corpus.Articles[u.article].Title, p.n), 0)
				}
			}
			if window == 0 && own < 0 && pq.intents&wantDate != 0 {
				window = -1
			}
			// An article numbering the period otherwise and never as
			// asked ("cơ sở 1", "cơ sở 2", not "cơ sở 3") does not give
			// the one asked in a sentence numbering none.
			if window == 0 && !isMonth(p) && periodInArticle(int(u.article), pi) < 0 {
				window = -1
			}
			if window < 0 {
				missingRequired = true
				s.gate.checks |= checkPeriod
			}
		}
		if len(pq.titleBound) > 0 {
			// The title asked is written whole, where the person is named
			// (the unit, the sentence before, its list's introduction), as
			// the question asks it: a deputy's or not, of the body asked.
			for i, b := range pq.titleBound {
				t := pq.titles[i]
				l := pq.titleLevel[i]
				// The unit's own title speaks first: one writing the
				// title otherwise than asked ("Bí thư Đảng ủy" for the
				// deputy's) names its holder as another's, whatever the
				// sentence before says ("chỉ định … Bí thư, Phó Bí thư").
				if !ix.titleSaid(folded, marked, t, pq.deputy, b, l, qWords) &&
					(writesTitle(folded, t) || !ix.titleSaid(prevWords, prevMarked, t, pq.deputy, b, l, qWords) &&
						!ix.titleSaid(ctxWords, ctxMarked, t, pq.deputy, b, l, qWords)) {
					missingRequired = true
					s.gate.checks |= checkTitle
				}
			}
			// Who holds the post is answered by a name: a sentence naming
			// the post alone ("bầu Chủ tịch, các Phó Chủ tịch") holds none.
			// Where the unit writes the title as asked, the holder is
			// named there too: a name in the sentence before is of
			// another title ("Bí thư … Trần Thị Q trao quyết định", then
			// "… chỉ định cấp ủy, Bí thư, Phó Bí thư …").
			if holder && (!ix.personInWindow(u) || ix.titleOwnUnnamed(&pq, u, folded, marked, qWords)) {
				missingRequired = true
				s.gate.checks |= checkTitle
			}
		} else {
			for _, t := range pq.titles {
				if !namedIn(concept{alts: t}, has, inContext, inPrev) {
					missingRequired = true
					s.gate.checks |= checkTitle
				}
			}
		}
		if pq.replaced != nil && replacedHolds(&pq, ws, u.text) {
			missingRequired = true
			s.gate.checks |= checkTitle
		}
		if signer && !ix.personInWindow(u) {
			missingRequired = true
			s.gate.checks |= checkTitle
		}
		if len(pq.offices) > 0 && !ix.officeAgrees(&pq, qWords, enUnit, folded, prevWords, ctxWords) {
			missingRequired = true
			s.gate.checks |= checkTitle
		}
		if !missingEntity && (len(pq.required) > 0 || pq.intents&(wantFax|wantEmail|wantPhone) != 0) {
			inLead := func(w string) bool { return ix.leads.has(int(u.article), w) }
			for ri, r := range pq.required {
				if isDeputyAlts(r) {
					// "Phó" is the deputy only before a title: the
					// "phố" of "thành phố" folds as it does.
					if !ix.deputyInWindow(u, folded) {
						missingRequired = true
						s.gate.checks |= checkNamed
					}
					continue
				}
				// An English page writes the weekday asked in English
				// ("every Friday" for "thứ sáu").
				if en := englishDay(r); enUnit && en != "" && namedInOr(concept{alts: [][]string{{en}}}, inLead, has, inContext, inPrev, inTitle) {
					continue
				}
				// The place asked a figure of, named only as an item of a
				// list (in the unit, the sentence before, its lead), is
				// not what the figure is of.
				if ri == 0 && figure && !namedIn(concept{alts: r}, inTitle) && ix.listedOnly(u, r) {
					missingRequired = true
					s.gate.checks |= checkNamed
					continue
				}
				if !namedInOr(concept{alts: r}, inLead, has, inContext, inPrev, inTitle) && !ix.hostNames(int(u.article), r) {
					if namedEnclosing(encl, r) || ix.namedJoined(u, folded, r) {
						continue
					}
					// An English sentence refers back to the place its
					// page has named ("Secretary of the Party Committee
					// of the commune"): the place asked, named in the
					// article, is the one meant.
					if enUnit && isPlaceName(r) && refersBack(folded) && namedInArticle(int(u.article), ri, r) {
						continue
					}
					// The outer place anywhere in the article, unless
					// the unit's list names where its items lie.
					if ri > 0 && namedInOr(concept{alts: pq.required[0]}, inLead, has, inContext, inPrev, inTitle) &&
						outerPlace(pq.required[0], r) && len(encl) == 0 && namedInArticle(int(u.article), ri, r) {
						continue
					}
					if soleOfKind(int(u.article), ri, r) {
						continue
					}
					missingRequired = true
					s.gate.checks |= checkNamed
				} else if !ix.namedWhole(r, u, folded, has, inPrev, inContext) && !ix.hostNames(int(u.article), r) &&
					!(ri > 0 && outerPlace(pq.required[0], r) && len(encl) == 0 &&
						ix.namedWhole(pq.required[0], u, folded, has, inPrev, inContext) && namedInArticle(int(u.article), ri, r)) {
					// Its words are there, but apart: "Kỳ Nam … quyết
					// định" does not name Nam Định. The outer place is
					// read as the named check reads it: anywhere in the
					// article, where the unit names the inner one whole
					// ("Phường Ninh Phong … tổ dân phố … Bình …" of a
					// page on a ward of Ninh Bình).
					missingRequired = true
					s.gate.checks |= checkWhole
				}
			}
			if !holdsField(pq.intents, u) {
				missingRequired = true
				s.gate.checks |= checkField
			}
		}
		// A question asking for a kind of value (a population, a fax, a
		// count of hội viên, a person) is not answered by a unit that states
		// none, nor by the sentence announcing one that does not follow.
		if !missingEntity && !missingRequired && !ix.holdsTyped(&pq, u) {
			missingRequired = true
			s.gate.checks |= checkTyped
		}
		// A number to call or a code asked and not stated is read even
		// where the body asked is missing too: a unit lacking both is
		// no near answer (the centre's founding sentence, an English
		// page's first day, for the centre's phone).
		if !missingRequired && !ix.givesNumber(&pq, u) {
			missingRequired = true
			s.gate.checks |= checkField
		}
		if !missingRequired && !ix.givesCode(&pq, u) {
			missingRequired = true
			s.gate.checks |= checkField
		}
		if !missingRequired && sister != nil && ix.governedBySister(sister, u, folded) {
			missingRequired = true
			s.gate.checks |= checkNamed
		}
		if missingEntity {
			s.gate.checks |= checkEntity
		}
		if s.docHit {
			covered += docWeight
		} else if ix.articleCites(int(u.article), docKeysWanted) {
			// "Sau Nghị quyết 57/NQ-HĐND, … còn bao nhiêu thôn?" is
			// answered by a sentence of the resolution's article that
			// does not repeat its number: as a word found only in the
			// title.
			covered += docWeight * titleCredit
		}
		c := candidate{u: u, folded: folded, docHit: s.docHit, engine: h.engine}
		c.attached = attachment(&pq, u, ws, attachSkip)
		// The values the build read are looked at only in a unit holding
		// some word the question writes beside its ask, beside its
		// article's title (which names the page's subject): most hold
		// none.
		if nearMask != nil && nearWordIn(&pq, nearMask, has) {
			title := titleOf(int(u.article))
			if m := untitled(&pq, nearMask, title); m != nil && nearWordIn(&pq, m, has) {
				c.askNear = askNearness(&pq, u, ws, m, title)
			}
		}
		switch {
		case tot > 0:
			c.coverage = covered / tot
			c.topic = topicLift / tot
			c.echo = echo / tot
			s.gate.raw, s.gate.own, s.gate.window = c.coverage, own/tot, c.coverage+windowed/tot
			// The decision reads the coverage with the words questions
			// ask with weighed down; the ranking keeps them whole.
			// A word the answer need not hold costs less where it is
			// missing, and counts whole where it is there.
			askTot := tot
			for i, c := range pq.concepts {
				if f := ix.askFactor(c); f < 1 {
					askTot -= ws[i] * (1 - f) * (1 - credit[i])
				}
			}
			if askTot > 0 && askTot < tot {
				s.gate.askShift = covered/askTot - c.coverage
			}
			switch {
			case missingRequired:
				c.coverage *= requiredMissing
				c.topic *= requiredMissing
				c.echo *= requiredMissing
				s.gate.window *= requiredMissing
				s.gate.askShift *= requiredMissing
			case missingEntity:
				c.coverage *= entityMissing
				c.topic *= entityMissing
				c.echo *= entityMissing
				s.gate.window *= entityMissing
				s.gate.askShift *= entityMissing
			}
		default:
			// Only the kind of answer was asked ("số điện thoại?"): a unit of
			// that kind answers it.
			c.coverage = foundCoverage
			if ix.anyTyped(&pq, &c) {
				c.coverage = 1
			} else {
				c.coverage = 0
			}
			s.gate.raw, s.gate.own, s.gate.window = c.coverage, c.coverage, c.coverage
		}
		// A question the page asks (an explainer's heading, "Hà Giang
		// sáp nhập với tỉnh nào ?") holds every word of the same question
		// and answers none of it.
		if strings.HasSuffix(strings.TrimSpace(u.text), "?") {
			c.coverage *= requiredMissing
			c.topic *= requiredMissing
			c.echo *= requiredMissing
			s.gate.window *= requiredMissing
			s.gate.askShift *= requiredMissing
			s.gate.checks |= checkHeading
		}
		if len(qBigrams) > 0 {
			c.bigrams = float64(len(bigramSeen)) / float64(len(qBigrams))
		}
		if len(pq.exact) > 0 {
			hit := 0
			for _, w := range pq.exact {
				if exact[w] {
					hit++
				}
			}
			c.exact = float64(hit) / float64(len(pq.exact))
		}
		s.gate.windowHole = windowHole
		s.coverage = c.coverage
		s.side = ix.sideOf(&pq, &c)
		s.figure = pq.side != 0 && holdsFigure(&pq, u)
		s.names = pq.whichPlace != 0 && ix.namesOtherPlace(qLine, pq.whichPlace, folded)
		if len(askedPlaces) > 0 {
			s.asked, s.other = ix.writesPlace(folded, askedPlaces)
		}
		s.gate.unknown = unknownShare
		s.feats = ix.features(&pq, &c, feats[:0:len(signals)])
		feats = feats[len(signals):]
		out = append(out, s)
		holders = append(holders, isHolder)
	}
	// echo counts only where another candidate of the same article holds
	// the kind asked: the unit's words its title or lead names are then
	// the page's subject, which the holder reads too.
	if ei := signalIndex("echo"); ei >= 0 {
		held := map[int32]int{}
		for i, s := range out {
			holders[i] = holders[i] || typedHolds(s.feats)
			if holders[i] {
				held[ix.units[s.unit].article]++
			}
		}
		for i, s := range out {
			if holders[i] || held[ix.units[s.unit].article] == 0 {
				s.feats[ei] = 0
			}
		}
	}
	return out, nil
}

// titleOwnUnnamed: the unit writes a title asked as asked and names no
// person itself.
func (ix *Index) titleOwnUnnamed(pq *parsedQuery, u *unit, folded, marked []string, qWords map[string]bool) bool {
	if u.traits&hasName != 0 || u.values&valueBit[content.ValuePerson] != 0 || u.contact() != nil && u.contact().Person != "" || content.NamesPerson(u.text) {
		return false
	}
	for i, b := range pq.titleBound {
		if ix.titleSaid(folded, marked, pq.titles[i], pq.deputy, b, pq.titleLevel[i], qWords) {
			return true
		}
	}
	return false
}

// writesTitle: ws writes one of the title's spellings, as a title (not in
// a name written with one, "Chủ tịch Hồ Chí Minh").
func writesTitle(ws []string, title [][]string) bool {
	for _, sp := range title {
		for p := 0; p+len(sp) <= len(ws); p++ {
			if slices.Equal(ws[p:p+len(sp)], sp) && !titledNameAt(ws, p) {
				return true
			}
		}
	}
	return false
}

// officeAgrees: the unit's window (the unit, the sentence before, its
// list's introduction) names no office holder, or names one the question
// asks about, a deputy's or not, of the body the question names (on an
// English page, whose bodies the question names in Vietnamese, the title
// alone).
func (ix *Index) officeAgrees(pq *parsedQuery, qWords map[string]bool, english bool, windows ...[]string) bool {
	named := false
	for _, ws := range windows {
		for p := range ws {
			if titleSpellings(ws, p) != nil {
				named = true
				break
			}
		}
	}
	if !named {
		return true
	}
	for i, t := range pq.offices {
		b := pq.officeBound[i]
		if english {
			b = boundNone
		}
		for _, ws := range windows {
			if ix.titleSaid(ws, nil, t, false, b, -1, qWords) || ix.titleSaid(ws, nil, t, true, b, -1, qWords) {
				return true
			}
		}
	}
	return false
}

// namedWhole: one of the spellings of a required name is written whole —
// in order, its syllables together — by the unit, the sentence before it,
// its list's introduction, its article's title or lead.
// The sentence before and the list's introduction are folded again only
// when their words (has, inPrev, inContext) hold every syllable.
func (ix *Index) namedWhole(r [][]string, u *unit, folded []string, has, inPrev, inContext map[string]bool) bool {
	for _, alt := range r {
		if len(alt) < 2 || containsSeq(folded, alt) || ix.titles.hasSeq(int(u.article), alt) || ix.leadSeq.hasSeq(int(u.article), alt) {
			return true
		}
		if u.prev > 0 && namedIn(concept{alts: [][]string{alt}}, has, inPrev) &&
			containsSeq(foldWords(lowerNormalize(ix.units[u.prev-1].text)), alt) {
			return true
		}
		if u.context != "" && namedIn(concept{alts: [][]string{alt}}, has, inContext) && containsSeq(foldWords(u.context), alt) {
			return true
		}
	}
	return false
}

// anyTyped: the unit holds a kind of answer the question asks for.
func (ix *Index) anyTyped(pq *parsedQuery, c *candidate) bool {
	for _, s := range signals {
		if s.typed && s.fn(ix, pq, c) > 0 {
			return true
		}
	}
	return false
}

// explained is a ranked candidate as -explain prints it.
func (ix *Index) explained(s scored, w []float64) Explained {
	u := ix.units[s.unit]
	return Explained{ID: "u" + strconv.Itoa(s.unit), Kind: u.kind.Kind(), Text: u.text, Score: s.score,
		Coverage: s.coverage, Signals: explainSignals(w, s.feats), Article: ix.corpus.Articles[u.article].ID, Lacks: s.gate.checks.names()}
}

// intentNames name the intents as -explain prints them.
var intentNames = []struct {
	in   intent
	name string
}{{wantNumber, "number"}, {wantAddress, "address"}, {wantPhone, "phone"}, {wantFax, "fax"}, {wantEmail, "email"},
	{wantPerson, "person"}, {wantDate, "date"}, {wantSubject, "subject"}, {wantAuthor, "author"}, {wantName, "name"},
	{wantDuration, "duration"}, {wantHotline, "hotline"}, {wantReason, "reason"}, {wantPercent, "percent"}, {wantTime, "time"}}

// reading is the question as parse read it, for -explain: each concept's
// spellings and weight, then what it asks for.
func (ix *Index) reading(pq parsedQuery) []string {
	var out []string
	for _, c := range pq.concepts {
		var sp []string
		for _, alt := range c.alts {
			sp = append(sp, strings.Join(alt, " "))
		}
		out = append(out, fmt.Sprintf("%s (%.2f)", strings.Join(sp, " | "), ix.conceptWeight(c)))
	}
	var asks []string
	for _, n := range intentNames {
		if pq.intents&n.in != 0 {
			asks = append(asks, n.name)
		}
	}
	for _, a := range pq.asked {
		asks = append(asks, string(a.Type))
	}
	if pq.counted != "" {
		asks = append(asks, "counts "+pq.counted)
	}
	for _, d := range pq.docs {
		asks = append(asks, "document "+d.key)
	}
	if pq.english {
		asks = append(asks, "english")
	}
	if len(asks) > 0 {
		out = append(out, "asks "+strings.Join(asks, ", "))
	}
	for _, r := range pq.required {
		var sp []string
		for _, alt := range r {
			sp = append(sp, strings.Join(alt, " "))
		}
		out = append(out, "requires "+strings.Join(sp, " | "))
	}
	if pq.replaced != nil {
		out = append(out, "replaced "+replacedSpelled(pq.replaced))
	}
	for _, t := range pq.titles {
		var sp []string
		for _, alt := range t {
			sp = append(sp, strings.Join(alt, " "))
		}
		out = append(out, "title "+strings.Join(sp, " | "))
	}
	if len(pq.askNear) > 0 {
		near := make([]string, 0, len(pq.askNear))
		for w := range pq.askNear {
			near = append(near, w)
		}
		sort.Strings(near)
		out = append(out, "near "+strings.Join(near, " "))
	}
	return out
}

// holdsField: a question asking for a fax or an e-mail address (or a
// phone, of a contact block) is answered only by a unit that gives one.
func holdsField(in intent, u *unit) bool {
	// A contact block is read by its fields: one with no phone (an
	// address line under a merger's heading) does not answer for one.
	if in&wantPhone != 0 && u.kind == kContact && !holdsPhone(u) {
		return false
	}
	if in&wantFax != 0 && !(u.contact() != nil && u.contact().Fax != "") && !faxNumbered(lowerNormalize(u.text)) {
		return false
	}
	if in&wantEmail != 0 && !(u.contact() != nil && u.contact().Email != "") && u.traits&hasEmail == 0 {
		return false
	}
	return true
}

// isMonth: p is a month ("tháng 12").
func isMonth(p period) bool { return len(p.word) == 1 && p.word[0] == monthWord }

// monthWord is the lexicon's Month, folded.
var monthWord = content.Fold(content.Lexicon.Month)

// monthNamed: concept c is the word w alone.
func monthNamed(c concept, w string) bool {
	return len(c.alts) == 1 && len(c.alts[0]) == 1 && c.alts[0][0] == w
}

// dayMonthRe is a date written with its day and month in digits, the
// year after or not ("15/8", "10/4/2024", "08.11.2024").
var dayMonthRe = regexp.MustCompile(`\b(\d{1,2})[/.-](\d{1,2})(?:[/.-]\d{4})?\b`)

// monthInDates tells how the dates text writes with day and month speak
// of month n: 1 one is in it, -1 all are in others, 0 there is none.
func monthInDates(text string, n int) int {
	out := 0
	for _, m := range dayMonthRe.FindAllStringSubmatch(text, -1) {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if d < 1 || d > 31 || mo < 1 || mo > 12 {
			continue
		}
		if mo == n {
			return 1
		}
		out = -1
	}
	return out
}

// holdsPhone: the unit states a phone number, as a contact's field or in
// its text.
func holdsPhone(u *unit) bool {
	return u.contact() != nil && u.contact().Phone != "" || u.traits&hasPhone != 0
}

// faxNumbered: the text writes "fax" with a number after it. A flattened
// information box writes its empty fields' labels too ("Số fax trụ sở:
// Địa chỉ mạng:"): the label alone gives no fax.
func faxNumbered(lower string) bool {
	for off := 0; ; {
		i := strings.Index(lower[off:], "fax")
		if i < 0 {
			return false
		}
		off += i + len("fax")
		digits := 0
		for _, r := range lower[off:min(len(lower), off+faxReach)] {
			if r >= '0' && r <= '9' {
				if digits++; digits >= 6 {
					return true
				}
			}
		}
	}
}

// faxReach is how far after "fax" its number is looked for, in bytes:
// "Fax: (0239) 3.865.366", "số fax của Văn phòng là 0239…".
const faxReach = 48

// namesDocType: the unit's words name a document type of this code
// ("nghị quyết" for nq).
func namesDocType(words []string, code string) bool {
	for _, name := range docTypeNamesByCode[code] {
		if containsSeq(words, name) {
			return true
		}
	}
	return false
}

var docTypeNamesByCode = func() map[string][][]string {
	m := map[string][][]string{}
	for name, code := range docTypeNames {
		m[code] = append(m[code], strings.Fields(name))
	}
	return m
}()

// hasHotline: the block lists a hotline or a duty line.
func hasHotline(c content.Contact) bool {
	labels := []string{c.PhoneLabel}
	for _, f := range c.Extra {
		labels = append(labels, f.Label)
	}
	for _, l := range labels {
		if namesHotline(l) {
			return true
		}
	}
	return false
}

// namesHotline: text has one of the lexicon's hotline labels.
func namesHotline(text string) bool {
	f := " " + strings.Join(foldWords(text), " ") + " "
	for _, l := range content.Lexicon.ContactField("hotline").FoldedLabels() {
		if strings.Contains(f, " "+l+" ") {
			return true
		}
	}
	return false
}

// authorOfBest: "who wrote the article about X?" is answered by the author
// line of the article whose passage best matches X — the author line itself
// rarely repeats the topic.
func (ix *Index) authorOfBest(pq parsedQuery, ranked []scored) []scored {
	if pq.intents&wantAuthor == 0 || len(ranked) == 0 || ix.units[ranked[0].unit].kind == kArticle {
		return ranked
	}
	best := ranked[0]
	au := ix.articleUnit[ix.units[best.unit].article]
	if au < 0 || ix.corpus.Articles[ix.units[au].article].Author == "" {
		return ranked
	}
	out := []scored{{unit: au, coverage: best.coverage, score: best.score + authorLift, docHit: best.docHit, feats: best.feats, gate: best.gate}}
	for _, s := range ranked {
		if s.unit != au {
			out = append(out, s)
		}
	}
	return out
}

// countsNoun: a number stands right before the noun, or before the
// English adjectives before it ("38 thôn", "21 đồng chí", "34/38 tổ dân
// phố", "21 new communes"). A noun of two words ("dang vien", see
// countedNoun) is counted only where both are written: "6/8, Đảng bộ"
// counts no đảng viên.
func countsNoun(words []string, noun string) bool {
	noun, tail, _ := strings.Cut(noun, " ")
	for i := 1; i < len(words); i++ {
		if words[i] != noun || tail != "" && (i+1 >= len(words) || words[i+1] != tail) {
			continue
		}
		// "21 new communes"
		j := i - 1
		for j > 0 {
			if content.CountAdjective(words[j]) {
				j--
			} else if words[j] == content.LevelWord && j > 1 {
				j -= 2 // "38 commune-level administrative units"
			} else {
				break
			}
		}
		if isDigits(words[j]) {
			return true
		}
		// A unit of area or length named in a label before its number
		// ("Diện tích (km²): 5.199,6") is the number's as "5.199,6 km²".
		if content.MeasureUnit(noun) && i+1 < len(words) && isDigits(words[i+1]) {
			return true
		}
		// The count named before its figure: "the number of hamlets to
		// 6", "số thôn giảm xuống còn 6".
		if countNamed(words, i) {
			for _, w := range words[i+1 : min(len(words), i+1+countReach)] {
				if isDigits(w) {
					return true
				}
			}
		}
	}
	return false
}

// countReach is how many words after "the number of <noun>" its figure
// may come ("to 6", "giảm xuống còn 6", "after July 1, 2025 is 25"). 6,
// 8 and 12 answer alike on real-1..23, 4 three questions fewer, 2 two
// more fewer (docs/quality.md, round 16): the smallest of the best.
const countReach = 6

// countNamed: the noun at i is named as what is counted: one of the
// lexicon's CountNamers stands right before it.
func countNamed(words []string, i int) bool {
	for _, n := range countNamers {
		if len(n) < i+1 && slices.Equal(words[i-len(n):i], n) {
			return true
		}
	}
	return false
}

// countNamers are the lexicon's CountNamers, folded and split in words.
var countNamers = func() [][]string {
	var out [][]string
	for _, w := range content.Lexicon.CountNamers {
		out = append(out, strings.Fields(content.Fold(w)))
	}
	return out
}()

// vietnameseLetter: a letter with Vietnamese marks (or "đ"); English text
// writes none, though its sentences may be too short to tell by their
// function words (inEnglish).
func vietnameseLetter(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }

// namedIn: some spelling of the concept is whole in the unit, the sentence
// introducing its list or the sentence before (a few of the words of
// "Mặt trận Tổ quốc" do not name it).
func namedIn(c concept, sets ...map[string]bool) bool { return namedInOr(c, nil, sets...) }

// namedInOr is namedIn with one more set, asked through also when not nil.
func namedInOr(c concept, also func(string) bool, sets ...map[string]bool) bool {
	for _, alt := range c.alts {
		whole := true
		for _, w := range alt {
			found := false
			for _, set := range sets {
				if set[w] {
					found = true
					break
				}
			}
			if !found && also != nil {
				found = also(w)
			}
			if !found {
				whole = false
				break
			}
		}
		if whole {
			return true
		}
	}
	return false
}

// presence is how fully a unit contains a concept: 1 for an exact
// alternative, less for a near miss (a typo), 0 for none.
func presence(c concept, has, exact map[string]bool, unitWords []string, unknown map[string]bool) float64 {
	best, alts := 0.0, c.alts
	// A syllable typed with accents found only with others: half. Its
	// English spellings, if any, are weighed as usual.
	if c.exact != "" && !exact[c.exact] && len(c.alts[0]) == 1 && has[c.alts[0][0]] {
		best, alts = accentCredit, c.alts[1:]
	}
	for _, alt := range alts {
		p := 0.0
		for _, w := range alt {
			switch {
			case has[w]:
				p++
			case len(alt) == 1 && unknown[w] && nearAny(w, unitWords):
				p += fuzzyCredit
			}
		}
		p /= float64(len(alt))
		// A name of several syllables is a phrase: "cổng thông tin" is not
		// "công tác … thông tin". Scattered, its words count for less.
		if p == 1 && len(alt) > 1 && unitWords != nil && !containsSeq(unitWords, alt) {
			p = scatteredCredit
		}
		if p > best {
			best = p
		}
	}
	return best
}

func containsSeq(ws, seq []string) bool {
	for i := 0; i+len(seq) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(seq)], seq) {
			return true
		}
	}
	return false
}

// conceptWeight is the mean rarity of the concept's commonest spelling that
// the corpus uses: an abbreviation the articles never write must not weigh
// like an unknown word. A concept the corpus never writes at all weighs most.
func (ix *Index) conceptWeight(c concept) float64 {
	best, known := 0.0, false
	alts := c.alts
	if c.own > 0 {
		alts = alts[:c.own]
	}
	for _, alt := range alts {
		sum := 0.0
		for _, w := range alt {
			sum += ix.idf(w)
		}
		w := sum / float64(len(alt))
		switch k := ix.knows(alt); {
		case k && (!known || w < best):
			best, known = w, true
		case !known && w > best:
			best = w
		}
	}
	if c.span > 1 {
		best *= float64(c.span)
	}
	return best
}

// syllableRe is the shape of a Vietnamese syllable without its marks: an
// onset, one to three vowels, a final consonant. "renew" or "licence" is
// not one, "chuan" is.
var syllableRe = regexp.MustCompile(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$`)

// vietnameseShaped: every folded word could be a Vietnamese syllable.
func vietnameseShaped(ws []string) bool {
	for _, w := range ws {
		if !syllableRe.MatchString(w) {
			return false
		}
	}
	return len(ws) > 0
}

// enReadable: some spelling of the concept is written by the corpus's
// English units.
func (ix *Index) enReadable(c concept) bool {
	for _, alt := range c.alts {
		whole := true
		for _, w := range alt {
			if !ix.enWords[w] {
				whole = false
				break
			}
		}
		if whole {
			return true
		}
	}
	return false
}

func (ix *Index) knowsAny(c concept) bool {
	for _, alt := range c.alts {
		if ix.knows(alt) {
			return true
		}
	}
	return false
}

func (ix *Index) knows(alt []string) bool {
	for _, w := range alt {
		// The index keeps no one-letter word: "people's council" is
		// known when "people" and "council" are. The engine keeps a
		// possessive whole ("people's"): a page that writes "people"
		// only so still knows the word.
		if ix.df[w] == 0 && w != "s" && ix.df[w+"'s"] == 0 && ix.df[w+"’s"] == 0 {
			return false
		}
	}
	return true
}

var (
	dateRe    = regexp.MustCompile(`\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b|\bnăm \d{4}\b|\btháng \d{1,2}\b|\bQuý [IV]+\b|\b(?:` + content.EnglishMonths + `)\s+\d{1,4}\b|\b\d{1,2}\s+(?:` + content.EnglishMonths + `)\b`)
	numberRe  = regexp.MustCompile(`\b\d+\b`)
	phoneRe   = regexp.MustCompile(`\b0\d{2,4}[ .]?\d{3}[ .]?\d{3,4}\b`)
	emailRe   = regexp.MustCompile(`[\w.+-]+@[\w-]+(\.[\w-]+)+`)
	thisDocRe = func() *regexp.Regexp {
		var vi, en []string
		for _, t := range content.Lexicon.DocTypes {
			if t.Generic {
				continue
			}
			vi = append(vi, t.Names...)
			en = append(en, t.English...)
		}
		return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:(` + strings.Join(vi, "|") + `) này|[Tt]his (` + strings.Join(en, "|") + `))(?:[^\p{L}]|$)`)
	}()
	subjRe = regexp.MustCompile(`(?i)(nghị quyết|kết luận|kế hoạch|chương trình|quyết định|chỉ thị|đề án)[^.;]{0,80}\svề\s+(việc\s|["“«])`)
)

// traits are what a unit's text holds that questions ask for, found once at
// build time rather than by regular expressions on every candidate.
type traits uint16

const (
	hasNumber traits = 1 << iota
	hasDate
	hasPhone
	hasEmail
	hasSubject
	hasPlace // says where something is: "đặt tại", "trụ sở", "địa chỉ"
	hasName  // names a person: "bà Lê Thị Mẫu", "đồng chí Nguyễn Văn A"
	hasSpan  // a span of time: "15 ngày làm việc", "hơn một năm", "03 tháng"
	hasWhy   // gives a reason or purpose: "nhằm", "để", "vì", "nhằm mục đích"
	hasPct   // a percentage: "81,6%"
	hasTime  // a time of day: "8h", "11h30", "17 giờ", "7:30"
	// inEnglish: the unit is English text, with no Vietnamese letter and
	// some English function words.
	inEnglish
	// stampDate: the unit's only dates are its page's publication stamp.
	stampDate
	// dayDate: one of the unit's dates names its day (content.Value.HasDay).
	dayDate
	// chiefNamed, deputyNamed: the unit names a person with a title
	// (content.ValuePerson), not a deputy's ("Chủ tịch", "Chairman") or a
	// deputy's ("Phó Chủ tịch", "Vice Chairman").
	chiefNamed
	deputyNamed
)

// timeRe: a time of day as portals write opening hours.
var timeRe = regexp.MustCompile(`(?i)\b\d{1,2}\s*(?:h|giờ|g)(?:\s*\d{2}(?:\s*phút)?)?(?:[^\p{L}\p{N}]|$)|\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)`)

// askedTraits are the traits that hold the kind of answer the question asks for.
func askedTraits(in intent) traits {
	var t traits
	for _, m := range intentTraits {
		if in&m.want != 0 {
			t |= m.has
		}
	}
	return t
}

var intentTraits = []struct {
	want intent
	has  traits
}{
	{wantNumber, hasNumber}, {wantAddress, hasPlace}, {wantPhone | wantFax | wantHotline, hasPhone}, {wantEmail, hasEmail},
	{wantName | wantPerson, hasName}, {wantDate, hasDate}, {wantDuration, hasSpan}, {wantPercent, hasPct},
	{wantSubject, hasSubject}, {wantReason, hasWhy}, {wantTime, hasTime},
}

var reasonMarkers = spacedFolds(content.Lexicon.ReasonMarkers)

// spanRe: a count, in digits or a count word, before a unit of time
// (spanCounts, spanUnits: the lists maySpan reads too).
var spanRe = regexp.MustCompile(`(?i)\b(?:\d+|` + strings.Join(spanCounts, "|") + `)\s+(?:` + strings.Join(spanUnits, "|") + `)\b`)

// nameRe: a title, then two to four capitalised syllables.
var nameRe = regexp.MustCompile(`(?:^|[\s,;(])(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|[Đđ]/c|[Aa]nh|[Cc]hị|Mr\.?|Mrs\.?|Ms\.?)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3}`)

// englishNameRe: an English page names a person before their title —
// "Nguyen Van A, Deputy Director of …", "Tran Thi B, member of the
// provincial Party Committee and Editor-in-Chief of …".
var englishNameRe = func() *regexp.Regexp {
	var titles []string
	for _, t := range content.Lexicon.EnglishTitles {
		w := strings.Fields(t.Short)
		for i := range w {
			w[i] = `(?i:` + w[i][:1] + `)` + regexp.QuoteMeta(w[i][1:])
		}
		titles = append(titles, strings.Join(w, `[\s-]+`))
	}
	var mods []string
	for _, m := range content.Lexicon.EnglishTitleModifiers {
		mods = append(mods, `(?i:`+m[:1]+`)`+regexp.QuoteMeta(m[1:]))
	}
	return regexp.MustCompile(`\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3},\s+(?:[^,.;:]{0,60}?\s)?(?:(?:` + strings.Join(mods, "|") + `)\s+)*(?:` + strings.Join(titles, "|") + `)\b`)
}()

// mayEnglishName: a comma and an English title written with its
// capital, without which englishNameRe cannot match.
func mayEnglishName(text string) bool {
	if !strings.Contains(text, ", ") {
		return false
	}
	for _, t := range englishTitleWords {
		if strings.Contains(text, t) {
			return true
		}
	}
	return false
}

var englishTitleWords = func() []string {
	var out []string
	for _, t := range content.Lexicon.EnglishTitles {
		w := strings.Fields(t.Short)[0]
		out = append(out, strings.ToUpper(w[:1])+w[1:])
	}
	return out
}()

// placeMarkers and reasonMarkers are the lexicon's, folded and spaced as
// a unit's folded text is searched.
var placeMarkers = spacedFolds(content.Lexicon.PlaceMarkers)

// textTraits are the traits read from the text itself: all but those read
// from its folded words (wordTraits). lower is strings.ToLower(text).
func textTraits(text, n, lower string) traits {
	var t traits
	if strings.ContainsAny(text, "0123456789") {
		if hasNumberShape(text) {
			t |= hasNumber
		}
		if hasPhoneShape(text) {
			t |= hasPhone
		}
	}
	if strings.ContainsAny(text, "0123456789") && mayDate(text) && hasDateShape(text) {
		t |= hasDate
	}
	if strings.Contains(text, "@") && emailRe.MatchString(text) {
		t |= hasEmail
	}
	// subjRe, nameRe, timeRe and spanRe are read by hand (traitshapes.go).
	// The whole text folded is read only where the subject's shape is:
	// maySubject and maySpanLower, the expressions' prefilters before,
	// are kept after the shapes, which are the expressions, so the traits
	// stay what they were where a prefilter's reading differs from its
	// expression's (a case-folded "VỀ" or long s).
	if strings.Contains(text, "về") && hasSubjectShape(text) && maySubject(content.FoldNormal(n)) {
		t |= hasSubject
	}
	if hasNameShape(text) || mayEnglishName(text) && englishNameRe.MatchString(text) {
		t |= hasName
	}
	if strings.Contains(text, "%") {
		t |= hasPct
	}
	if hasTimeShape(text) {
		t |= hasTime
	}
	if hasSpanShape(text) && maySpanLower(lower) {
		t |= hasSpan
	}
	return t
}

// foldedWordLine is splitFolded(folded) joined by spaces, with a space
// before and after: the form wordTraits reads.
func foldedWordLine(folded string) string {
	b := make([]byte, 0, len(folded)+2)
	b = append(b, ' ')
	eachWord(folded, func(w string) {
		b = append(append(b, content.EnglishForm(w)...), ' ')
	})
	if len(b) == 1 {
		b = append(b, ' ') // " " + "" + " "
	}
	return string(b)
}

// wordTraits are the traits read from a text's folded words: folded is
// foldedWordLine of the text's fold.
func wordTraits(text, folded string) traits {
	var t traits
	if isEnglishText(text, folded) {
		t |= inEnglish
	}
	return t | markerTraits(folded)
}

// markerTraits is hasWhy when folded holds one of reasonMarkers and
// hasPlace when it holds one of placeMarkers, found in one pass: each
// marker starts with a space, so only the markers whose first letter
// follows a space of folded are tried there. Fifteen strings.Contains over
// every unit's words were half of the words' traits (TestMarkerTraits
// checks it against them).
func markerTraits(folded string) traits {
	var t traits
	for p := 0; p+1 < len(folded); p++ {
		i := strings.IndexByte(folded[p:], ' ')
		if i < 0 {
			break
		}
		p += i
		if p+1 >= len(folded) {
			break
		}
		for _, m := range markersAfterSpace[folded[p+1]] {
			if t&m.t == 0 && strings.HasPrefix(folded[p:], m.text) {
				t |= m.t
			}
		}
	}
	return t
}

// markersAfterSpace lists reasonMarkers and placeMarkers by the byte after
// their first space, with the trait each gives.
var markersAfterSpace = func() (by [256][]struct {
	text string
	t    traits
}) {
	for _, set := range []struct {
		ms []string
		t  traits
	}{{reasonMarkers, hasWhy}, {placeMarkers, hasPlace}} {
		for _, m := range set.ms {
			if len(m) < 2 || m[0] != ' ' {
				panic("index: a marker does not start with a space and a letter: " + m)
			}
			by[m[1]] = append(by[m[1]], struct {
				text string
				t    traits
			}{m, set.t})
		}
	}
	return by
}()

// isEnglishText: no letter outside ASCII, and at least two English
// function words ("the", "of", "and" …) — not an unaccented Vietnamese line.
func isEnglishText(text, folded string) bool {
	for _, r := range text {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return false
		}
	}
	n := 0
	for _, w := range content.Lexicon.EnglishFunctionWords {
		if strings.Contains(folded, " "+w+" ") {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

func notWord(r rune) bool { return !content.WordRune(r) }

// buildQuery ORs the ways a unit can match; re-ranking decides. Syllables
// that most units contain are left to re-ranking when the question has rarer
// ones: their posting lists are what makes a disjunction slow, and they
// would not decide which units are candidates anyway.
func (ix *Index) buildQuery(pq parsedQuery) query.Query {
	var qs []query.Query
	seen := map[string]bool{}
	common := ix.commonDF()
	hasRare := len(pq.docs) > 0
	for _, b := range pq.bigrams {
		if ix.commonPairs[b] == 0 {
			hasRare = true
		}
	}
	for _, c := range pq.concepts {
		for _, alt := range c.alts {
			for _, w := range alt {
				if ix.df[w] < common {
					hasRare = true
				}
			}
			for i := 0; i+1 < len(alt); i++ {
				if ix.commonPairs[alt[i]+" "+alt[i+1]] == 0 {
					hasRare = true
				}
			}
		}
	}
	pair := func(b string, boost float64) {
		if !seen["\x00"+b] && !(hasRare && ix.commonPairs[b] > 0) {
			seen["\x00"+b] = true
			qs = append(qs, &pairQuery{pi: ix.pairs, pair: b, boost: boost})
		}
	}
	for _, b := range pq.bigrams {
		pair(b, 2)
	}
	for _, c := range pq.concepts {
		for _, alt := range c.alts {
			for _, w := range alt {
				if seen[w] || (hasRare && ix.df[w] >= common) {
					continue
				}
				seen[w] = true
				qs = append(qs, &textQuery{ti: ix.terms, term: w, boost: 1})
				// Typo tolerance only where the exact word is unknown, so a
				// fuzzy match never outranks an exact one.
				if ix.df[w] == 0 && len(w) >= fuzzyMinLen {
					qs = append(qs, &fuzzyQuery{ti: ix.terms, term: w, boost: 0.5})
				}
			}
			for i := 0; i+1 < len(alt); i++ {
				pair(alt[i]+" "+alt[i+1], 1.5)
			}
		}
	}

	for _, d := range pq.docs {
		qs = append(qs, &keywordQuery{f: ix.keywords.docsField(), value: d.key, boost: 4})
	}
	// A question that names the kind of answer ("số điện thoại", "tác
	// giả") retrieves units of that kind which match its words — or all of
	// them when it has no other words.
	wordQs := qs
	kindQuery := func(k Kind) {
		kq := &keywordQuery{f: ix.keywords.kindField(), value: string(k), boost: 1}
		if len(pq.concepts) == 0 {
			kq.boost = 2
			qs = append(qs, kq)
			return
		}
		cq := bleve.NewConjunctionQuery(kq, bleve.NewDisjunctionQuery(wordQs...))
		cq.SetBoost(3)
		qs = append(qs, cq)
	}
	if pq.intents&wantContact != 0 {
		kindQuery(KindContact)
	}
	if pq.intents&wantAuthor != 0 {
		kindQuery(KindArticle)
	}
	if len(qs) == 0 {
		return nil
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func (ix *Index) hit(s scored, hl map[string]bool) Hit {
	u := ix.units[s.unit]
	a := ix.corpus.Articles[u.article]
	src := a.Source
	if src == "" {
		src = a.Site
	}
	return Hit{
		ID:         "u" + strconv.Itoa(s.unit),
		Kind:       u.kind.Kind(),
		ArticleID:  a.ID,
		Title:      a.Title,
		Source:     src,
		Date:       a.Date,
		Text:       u.text,
		Highlights: highlight(u.text, hl),
		Score:      s.score,
		Documents:  u.docs(),
	}
}

// contacts are offered when nothing answers: every office the corpus names.
func (ix *Index) contacts() []content.Contact { return ix.contactList }

// highlightTerms are the folded syllables worth marking in an answer.
func highlightTerms(pq parsedQuery) map[string]bool {
	hl := map[string]bool{}
	for _, d := range pq.docs {
		hl["#"+d.num] = true
		hl[d.code] = true
	}
	for _, c := range pq.concepts {
		for _, alt := range c.alts {
			for _, w := range alt {
				hl[w] = true
			}
		}
	}
	// The field asked for is marked in a contact block, so the eye finds
	// the number among the others.
	for _, f := range fieldLabels {
		if pq.intents&f.want != 0 {
			for _, w := range f.words {
				hl[w] = true
			}
		}
	}
	return hl
}

var fieldLabels = []struct {
	want  intent
	words []string
}{
	{wantPhone, []string{"dien", "thoai"}}, {wantFax, []string{"fax"}}, {wantEmail, []string{"email"}}, {wantAddress, []string{"dia", "chi"}},
	{wantAuthor, []string{"tac", "gia"}},
}

// highlight returns the runs of matched syllables in text: consecutive
// matches joined across the spaces between them. Only shown hits are
// highlighted.
func highlight(text string, terms map[string]bool) []Span {
	var spans []Span
	open := false // the last span may grow: only spaces since its last word
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && isWordByte(text, j) {
			_, size := decodeRune(text, j)
			j += size
		}
		if j > i {
			word := text[i:j]
			match := terms[foldSyllable(word)] || (isDigits(word) && terms["#"+strings.TrimLeft(word, "0")])
			switch {
			case match && open:
				spans[len(spans)-1].End = j
			case match:
				spans = append(spans, Span{i, j})
				open = true
			default:
				open = false
			}
			i = j
			continue
		}
		r, size := decodeRune(text, i)
		if r != ' ' {
			open = false
		}
		i += size
	}
	return spans
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// articleCites: the article cites a document asked for.
func (ix *Index) articleCites(article int, wanted map[string]bool) bool {
	for k := range wanted {
		for _, a := range ix.docArticles[k] {
			if a == article {
				return true
			}
		}
	}
	return false
}

// placeKindWord: the concept is a kind of place written before a name
// ("huyện", "h", and its English spelling "district" among its alts).
func placeKindWord(c concept) bool {
	for _, alt := range c.alts {
		for _, p := range placePrefixes {
			if slices.Equal(alt, p) {
				return true
			}
		}
	}
	return false
}

// placeOfficeWords are the folded words of the lexicon's PlaceOffice.
var placeOfficeWords = foldWords(content.Lexicon.PlaceOffice)

// boxOfficeField: a table row of one contact field ("Số fax: …"), read
// with what introduces it (a place's side box with its page's lead),
// gives the place's People's Committee's contact, as a contact block
// gives its office's: the box names no body beside the field.
func boxOfficeField(c concept, u *unit) bool {
	if !u.row || strings.Contains(u.text, ";") {
		return false
	}
	label, _, ok := strings.Cut(u.text, ": ")
	if !ok || !content.IsContactLabel(label) {
		return false
	}
	for _, a := range c.alts {
		if slices.Equal(a, placeOfficeWords) {
			return true
		}
	}
	return false
}

// personInWindow: the unit, the sentence before it or its list's
// introduction names a person (a name after a form of address or beside
// a title, or a contact block's person).
func (ix *Index) personInWindow(u *unit) bool {
	named := func(v *unit) bool {
		return v.traits&hasName != 0 || v.values&valueBit[content.ValuePerson] != 0 || v.contact() != nil && v.contact().Person != "" ||
			content.NamesPerson(v.text)
	}
	if named(u) || u.prev > 0 && named(&ix.units[u.prev-1]) {
		return true
	}
	return u.context != "" && (hasNameShape(u.context) || content.NamesPerson(u.context) ||
		slices.ContainsFunc(content.Values(u.context), func(v content.Value) bool { return v.Type == content.ValuePerson }))
}

// otherYearIn: ws writes a year other than the one asked.
func otherYearIn(ws []string, year string) bool {
	for _, w := range ws {
		if w != year && isDigits(w) && looksLikeYear(w) {
			return true
		}
	}
	return false
}

// foldedAsks folds a lexicon list of question forms, with a space each
// side, so that a form matches whole words of a folded question.
func foldedAsks(forms []string) []string {
	out := make([]string, 0, len(forms))
	for _, w := range forms {
		out = append(out, " "+content.Fold(w)+" ")
	}
	return out
}

// holderAsks are the question forms asking who holds a post, not who
// does something, which a title answers (the lexicon's HolderAsks);
// signerAsks, who signed a document (SignerAsks).
var (
	holderAsks = foldedAsks(content.Lexicon.HolderAsks)
	signerAsks = foldedAsks(content.Lexicon.SignerAsks)
)

// asksAny: the folded question holds one of the folded forms.
func asksAny(folded string, forms []string) bool {
	padded := " " + folded + " "
	for _, p := range forms {
		if strings.Contains(padded, p) {
			return true
		}
	}
	return false
}

// What rank reads of a vocab word against the question, as wordFlags
// keep it: the question writes its fold (qWords), its accented form
// (qExact), a bigram starting with its fold; it is a deputy's word.
const (
	wfKnown uint8 = 1 << iota
	wfQuestion
	wfExact
	wfBigram
	wfDeputy
)

// wordFlags keep, for one question, the flags of the vocab words its
// candidates write, by the word's number: a candidate's words were
// looked up in four maps each (a tenth of a question's CPU), and the
// candidates write the same words again and again. The slice is the
// vocab's length, kept between questions (wordFlagPool) and cleared of
// the words one question set.
type wordFlags struct {
	flags []uint8
	set   []uint32
}

var wordFlagPool sync.Pool

func newWordFlags(vocab int) *wordFlags {
	wf, _ := wordFlagPool.Get().(*wordFlags)
	if wf == nil {
		wf = &wordFlags{}
	}
	if len(wf.flags) < vocab {
		wf.flags = make([]uint8, vocab)
	}
	return wf
}

// known is id's flags, 0 when not kept yet.
func (wf *wordFlags) known(id uint32) uint8 {
	if int(id) >= len(wf.flags) {
		return 0
	}
	return wf.flags[id]
}

// keep keeps id's flags v (wfKnown set).
func (wf *wordFlags) keep(id uint32, v uint8) {
	if int(id) < len(wf.flags) {
		wf.flags[id] = v
		wf.set = append(wf.set, id)
	}
}

// release clears the flags set and gives wf back to the pool.
func (wf *wordFlags) release() {
	for _, id := range wf.set {
		wf.flags[id] = 0
	}
	wf.set = wf.set[:0]
	wordFlagPool.Put(wf)
}

// thisDocType is the type key of a document thisDocRe found named by its
// type alone.
func thisDocType(m []string) string {
	if m[1] != "" {
		return docTypeNames[content.Fold(m[1])]
	}
	return englishDocTypes[strings.ToLower(m[2])]
}

// englishDocTypes maps a type's English names to its key.
var englishDocTypes = func() map[string]string {
	m := map[string]string{}
	for _, t := range content.Lexicon.DocTypes {
		for _, n := range t.English {
			m[n] = t.Key()
		}
	}
	return m
}()
