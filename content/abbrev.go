package content

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Readers shorten the names of bodies that pages write out: "TTPVHCC" or
// "TTHCC" for "Trung tâm Phục vụ hành chính công", "VHNT" for "Văn học nghệ
// thuật". No list holds the names of every province's centres and
// associations, so the initials are read from the corpus itself at build
// time; the shipped glossary stays for what the corpus never spells out.

const (
	// minInitials: two letters are too often something else ("CA" is also a
	// shift, "ND" many things); those stay in the glossary.
	minInitials = 3
	// maxNameWords bounds a name: "Ủy ban Mặt trận Tổ quốc Việt Nam" has
	// eight words.
	maxNameWords = 10
	// maxInferredLong is how many spelled-out names one short form may
	// stand for; the most often written are kept.
	maxInferredLong = 3
)

// WithInferredAbbreviations returns g with the lexicon's TypedShorts and
// the initials of the names the articles write out as its Inferred
// abbreviations: each name's initials, from
// each capitalised word of it to its end ("Trung tâm Phục vụ hành chính
// công" → TTPVHCC and PVHCC), and for names of five words or more the
// initials without one two-word group inside ("Phục vụ": TTHCC), since
// readers drop the qualifier. A short form the glossary already has may
// stand for the corpus's spelling too (TTHCC for the "Phục vụ" name); a
// short form that the articles use as a word ("tin", "xa") is left out, so
// a question's word is never taken for one. g itself is not changed.
func WithInferredAbbreviations(g Glossary, articles []Article) Glossary {
	out, _ := InferAbbreviations(context.Background(), g, articles)
	return out
}

// InferAbbreviations is WithInferredAbbreviations stopped by ctx: it reads
// every article (a minute of CPU at 100,000), and an index build stopped
// meanwhile waits for it. Stopped, it returns g unchanged and ctx's error.
func InferAbbreviations(ctx context.Context, g Glossary, articles []Article) (Glossary, error) {
	// A body's name recurs: the page names the centre in its title and
	// again in the text. A run of words written once is more likely a
	// sentence than a name, so a span counts from its second time, unless
	// it looks like a name on its own (namelike).
	//
	// Most spans are written once and are not names, and there are about a
	// hundred a page: keyed by their folded text, with their words, they
	// held 170 MB at 10,000 synthetic articles while an index was built
	// beside them; as a hash and a pointer to the stretch of text they
	// cover, 62 MB, the largest piece of a reload's peak. Now the spans
	// are first sorted by whether they may be written twice (two bits a
	// span's hash sets), then only those are counted, each as
	// a 64-bit hash of its folded words and one 64-bit word (spanSeen:
	// where it was first written, its length in words, its count), with
	// no pointer for the collector to follow. Only the spans that count
	// get their words back, read again from the corpus. Two spans sharing
	// a hash would be counted as one: at ten million spans, about one
	// corpus in 400,000.
	//
	// The corpus is read in parts of consecutive articles, one goroutine
	// a part (inferParts): the readings were one core's work beside the
	// build (38 s at 100,000 articles, on the wall time's path once the
	// batches were done). Each part has its own bits, notes, counts and
	// caches; what they give is merged in article order, so the glossary
	// is the one a single reading infers.
	totalText := textBytes(articles)
	bits := uint64(64)
	for bits < uint64(totalText)/4 {
		bits *= 2
	}
	// First, which spans may be written more than once: a span's hash
	// sets a bit in seen, and in again when its bit in seen was set. Only
	// the spans whose bit is set in again, and those that look like a
	// name, are kept in spans; the others are written once. A span
	// written once whose bit another span set is kept too, and counted
	// right. At 10,000 synthetic articles 5% of the million spans are
	// written twice or more and 4% more look like a name: the map holds a
	// tenth of them.
	//
	// The corpus is read once, and each span noted as it is met, 16 bytes
	// a span (its hash and spanSeen, spanNote), then counted from the
	// notes once again is whole: reading the corpus a second time was a
	// third of the inference's CPU. A corpus whose notes would outgrow
	// oneReadingMaxText is read twice instead, counting in the second
	// reading, as the notes would be a large share of a reload's peak.
	oneReading := totalText <= oneReadingMaxText
	parts := splitArticles(articles, inferPartsFor(totalText))
	if err := eachPart(parts, func(p *inferPart) error { return p.firstReading(ctx, articles, bits, oneReading) }); err != nil {
		return g, err
	}
	// A span's bit is in again when the span was met twice: twice in one
	// part, or once in two.
	first := parts[0]
	seen, again := first.seen, first.again
	for _, p := range parts[1:] {
		for w := range again {
			again[w] |= p.again[w] | seen[w]&p.seen[w]
			seen[w] |= p.seen[w]
		}
		p.seen, p.again = nil, nil
	}
	first.seen = nil
	seen = nil
	// starts[i] is where article i's texts start in the corpus's text;
	// base is where the part being merged starts.
	starts := make([]uint64, 0, len(articles)+1)
	var base uint64
	for _, p := range parts {
		p.base = base
		for _, at := range p.starts {
			starts = append(starts, base+at)
		}
		base += p.length
	}
	starts = append(starts, base)
	spans, over := first.spans, first.over
	if oneReading {
		for _, p := range parts {
			for _, n := range p.notes {
				countSpan(spans, over, again, bits, n.hash, n.at()+p.base, n.words(), n.namelike())
			}
			p.notes = nil
		}
	} else {
		err := eachPart(parts, func(p *inferPart) error { return p.secondReading(ctx, articles, again, bits) })
		if err != nil {
			return g, err
		}
		for _, p := range parts[1:] {
			mergeSpans(spans, over, p.spans, p.over)
			p.spans, p.over = nil, nil
		}
	}
	lowerWords, bodies := first.lowerWords, first.bodies
	defined, codes := first.defined, first.codes
	for _, p := range parts[1:] {
		for w := range p.lowerWords {
			lowerWords[w] = true
		}
		for b := range p.bodies {
			bodies[b] = true
		}
		addNotes(defined, p.defined)
		addNotes(codes, p.codes)
	}
	// fold is a token's fold, as the parts read it.
	fold := func(t string) string {
		for _, p := range parts {
			if nt, ok := p.tokens[t]; ok {
				return nt.fold
			}
		}
		return Fold(t)
	}
	type long struct {
		text  string
		count int
	}
	found := map[string]map[string]*long{} // folded short → folded long → spelling
	// A short form may be spelled two ways ("BBĐ", "BBD") by names that
	// fold alike; spans come out of a map in random order, so the
	// spelling kept is the one its names are written most with, then the
	// first in byte order: the same corpus gives the same glossary.
	shortAs := map[string]map[string]int{} // folded short → short as written → times its names are written
	// The spans that count get their words back, on the parts'
	// goroutines (a quarter of the inference at 100,000 articles), and
	// are entered in found as they come.
	var counted []countedSpan
	for k, sp := range spans {
		count := int(sp.count()) + int(over[k])
		if count < 2 && !sp.namelike() {
			continue
		}
		counted = append(counted, countedSpan{sp, count})
	}
	named := make([][]spanName, len(parts))
	eachIndex(len(parts), func(i int) {
		from, to := i*len(counted)/len(parts), (i+1)*len(counted)/len(parts)
		var r spanReader
		for _, sp := range counted[from:to] {
			named[i] = r.name(named[i], articles, starts, sp, fold)
		}
	})
	counted = nil
	for _, ns := range named {
		for _, n := range ns {
			for _, sh := range n.shorts {
				if found[sh.fold] == nil {
					found[sh.fold] = map[string]*long{}
					shortAs[sh.fold] = map[string]int{}
				}
				found[sh.fold][n.key] = &long{n.text, n.count}
				shortAs[sh.fold][sh.short] += n.count
			}
		}
	}
	named = nil
	// put writes l as found[fs][key] unless the same loop (written)
	// wrote one there that is written more, or as often and first in
	// byte order: the loops read maps, in random order, and two spellings
	// of one name ("Hội đồng nhân dân", "Hội đồng Nhân dân") defined
	// beside one short form gave either, from one build to the next.
	put := func(written map[[2]string]bool, fs, key string, l *long) {
		k := [2]string{fs, key}
		if had := found[fs][key]; had != nil && written[k] && (had.count > l.count || had.count == l.count && had.text <= l.text) {
			return
		}
		written[k] = true
		found[fs][key] = l
	}
	byCodes := map[[2]string]bool{}
	for short, longs := range codes {
		fs := Fold(short)
		if lowerWords[fs] {
			continue
		}
		if found[fs] == nil {
			found[fs] = map[string]*long{}
			shortAs[fs] = map[string]int{}
		}
		for l, n := range longs {
			put(byCodes, fs, foldPhrase(l), &long{l, n})
			shortAs[fs][short] += n
		}
	}
	// A definition outweighs any name the initials also fit.
	byDefinition := map[[2]string]bool{}
	for short, longs := range defined {
		fs := Fold(short)
		if found[fs] == nil {
			found[fs] = map[string]*long{}
			shortAs[fs] = map[string]int{}
		}
		for l, n := range longs {
			put(byDefinition, fs, foldPhrase(l), &long{l, n + definedWeight})
			shortAs[fs][short] += n + definedWeight
		}
	}
	out := g
	out.Bodies = make([]string, 0, len(bodies))
	for b := range bodies {
		out.Bodies = append(out.Bodies, b)
	}
	sort.Strings(out.Bodies)
	out.Inferred = append([]Term(nil), Lexicon.TypedShorts...)
	known := map[string][]string{} // folded short → the glossary's long forms
	for _, t := range g.Abbreviations {
		known[Fold(t.Short)] = append(known[Fold(t.Short)], t.Long...)
	}
	keys := make([]string, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if lowerWords[k] && defined[mostWritten(shortAs[k])] == nil {
			continue
		}
		ls := make([]*long, 0, len(found[k]))
		for _, l := range found[k] {
			ls = append(ls, l)
		}
		sort.Slice(ls, func(i, j int) bool {
			if ls[i].count != ls[j].count {
				return ls[i].count > ls[j].count
			}
			return ls[i].text < ls[j].text
		})
		if len(ls) > maxInferredLong {
			ls = ls[:maxInferredLong]
		}
		t := Term{Short: mostWritten(shortAs[k])}
		for _, l := range ls {
			if !containsFolded(known[k], l.text) {
				t.Long = append(t.Long, l.text)
			}
		}
		if len(t.Long) > 0 {
			out.Inferred = append(out.Inferred, t)
		}
	}
	return out, nil
}

// inferParts is how many parts InferAbbreviations reads a corpus in,
// each on its own goroutine; 0 for one a core (up to maxInferParts), or
// one for a corpus of under minInferPartText bytes.
var inferParts = 0

const (
	maxInferParts    = 4
	minInferPartText = 4 << 20
)

func inferPartsFor(totalText int) int {
	if inferParts > 0 {
		return inferParts
	}
	return max(1, min(runtime.GOMAXPROCS(0), maxInferParts, totalText/minInferPartText))
}

// inferPart is what InferAbbreviations reads of a run of consecutive
// articles [from, to), and what it made of them.
type inferPart struct {
	from, to int
	nr       nameRunner
	texts    []string
	// starts[i] is where article from+i's texts start in the part's
	// text, length the part's text; base is where the part starts in
	// the corpus's text, set between the readings.
	starts       []uint64
	length, base uint64
	seen, again  []uint64 // the first reading's bits (see InferAbbreviations)
	notes        []spanNote
	spans        map[uint64]spanSeen // hash of the folded words → the span
	over         map[uint64]uint32   // counts past spanCountMax
	lowerWords   map[string]bool     // folded words written in lower case
	tokens       map[string]nameTok  // word as written → its fold, … (runs)
	// A short form the page defines ("… Provincial People's Committee
	// (PPC)", "Trung tâm Hành chính công (TTHCC)") stands for its name
	// even with two letters or written once; a province's name after
	// "tỉnh" gives its two- or three-letter code ("tỉnh BL" for Bạc Liêu).
	defined, codes map[string]map[string]int // short as written → long → times
	bodies         map[string]bool           // Bodies: "ban tuyen", "hoi nong"
}

// splitArticles cuts articles into n runs of about the same text.
func splitArticles(articles []Article, n int) []*inferPart {
	total := textBytes(articles)
	parts := make([]*inferPart, 0, n)
	from, size := 0, 0
	for i := range articles {
		if len(parts) == n-1 {
			break
		}
		size += textBytes(articles[i : i+1])
		if size*n >= total*(len(parts)+1) {
			parts = append(parts, newInferPart(from, i+1))
			from = i + 1
		}
	}
	return append(parts, newInferPart(from, len(articles)))
}

func newInferPart(from, to int) *inferPart {
	return &inferPart{
		from: from, to: to,
		spans:      map[uint64]spanSeen{},
		over:       map[uint64]uint32{},
		lowerWords: map[string]bool{},
		tokens:     map[string]nameTok{},
		defined:    map[string]map[string]int{},
		codes:      map[string]map[string]int{},
		bodies:     map[string]bool{},
	}
}

// eachPart runs f on every part, each on its own goroutine, and returns
// the first part's error, in article order.
func eachPart(parts []*inferPart, f func(*inferPart) error) error {
	errs := make([]error, len(parts))
	eachIndex(len(parts), func(i int) { errs[i] = f(parts[i]) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// eachIndex runs f(i) for i from 0 to n-1, each on its own goroutine (the
// first on the caller's), and returns when all have.
func eachIndex(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := 1; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(i)
		}()
	}
	if n > 0 {
		f(0)
	}
	wg.Wait()
}

// countedSpan is a span that counts, and how often it was written.
type countedSpan struct {
	sp    spanSeen
	count int
}

// spanName is a counted span's words as written, their folded key, and
// its short forms (eachShort) with their folds.
type spanName struct {
	key, text string
	count     int
	shorts    []spanShort
}

type spanShort struct{ short, fold string }

// spanReader reads counted spans' words again, keeping its buffers.
type spanReader struct{ texts, toks []string }

// name appends to out c's name, if it has a short form. The words are
// read again where the span was first written, as nameRuns made them: a
// run's words are separated by white space only, and a lower-case "và"
// (or an English joiner) before a capital joins two parts of the name.
// fold is a token's fold.
func (r *spanReader) name(out []spanName, articles []Article, starts []uint64, c countedSpan, fold func(string) string) []spanName {
	t, at := spanText(articles, starts, c.sp.pos(), &r.texts)
	n := c.sp.words()
	r.toks = nameTokensFrom(t[at:], n+1, r.toks)
	toks := r.toks
	words := make([]nameWord, n)
	for i, t := range toks[:n] {
		r, _ := utf8.DecodeRuneInString(t)
		f := fold(t)
		if !unicode.IsUpper(r) && (f == "va" || englishJoiners[f]) && i+1 < len(toks) && startsUpperWord(toks[i+1]) {
			words[i] = nameWord{text: t, fold: f, and: true}
		} else {
			words[i] = nameWord{text: t, fold: f, initial: unicode.ToUpper(r), upper: unicode.IsUpper(r)}
		}
	}
	var shorts []spanShort
	eachShort(words, func(short string) { shorts = append(shorts, spanShort{short, Fold(short)}) })
	if len(shorts) == 0 {
		return out
	}
	return append(out, spanName{key: foldedKey(words), text: joinWords(words), count: c.count, shorts: shorts})
}

// read reads the part's articles, giving span each span met with its hash
// and where it starts in the part's text; the reading that counts (the
// only one, or the second) also notes the definitions, the provinces'
// codes and the bodies.
func (p *inferPart) read(ctx context.Context, articles []Article, counts bool, span func(k, at uint64, ws []nameWord)) error {
	p.starts = p.starts[:0]
	var pos uint64 // where the text being read starts in the part's text
	for i := p.from; i < p.to; i++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("content: inferring abbreviations: %w", err)
		}
		p.starts = append(p.starts, pos)
		p.texts = spanTexts(&articles[i], p.texts)
		for _, t := range p.texts {
			if counts {
				if strings.Contains(t, "(") {
					definedShorts(t, func(short, long string) { noteShort(p.defined, short, long) })
				}
				placeCodes(t, func(short, long string) { noteShort(p.codes, short, long) })
			}
			for _, run := range p.nr.runs(t, p.lowerWords, p.tokens) {
				if counts {
					noteBodies(run, p.bodies)
				}
				eachSpan(run, func(ws []nameWord) { span(foldedHash(ws), pos+uint64(ws[0].at), ws) })
			}
			pos += uint64(len(t))
		}
	}
	p.length = pos
	return nil
}

// firstReading sets, for each span, its hash's bit in seen, and in again
// when its bit in seen was set; reading once, it notes the spans too,
// where they start in the part's text.
func (p *inferPart) firstReading(ctx context.Context, articles []Article, bits uint64, oneReading bool) error {
	p.seen, p.again = make([]uint64, bits/64), make([]uint64, bits/64)
	if oneReading {
		// Made to their likely number at once (grown by appending,
		// they were allocated about twice over and copied as they
		// grew): about one span every 25 bytes of the real pages'
		// text, 29 of synthetic.
		p.notes = make([]spanNote, 0, textBytes(articles[p.from:p.to])/24)
	}
	return p.read(ctx, articles, oneReading, func(k, at uint64, ws []nameWord) {
		b := k & (bits - 1)
		w, m := b/64, uint64(1)<<(b%64)
		if p.seen[w]&m != 0 {
			p.again[w] |= m
		}
		p.seen[w] |= m
		if oneReading {
			p.notes = append(p.notes, newSpanNote(k, at, len(ws), namelike(ws)))
		}
	})
}

// secondReading counts the part's spans that may recur (again) or look
// like a name, where they start in the corpus's text.
func (p *inferPart) secondReading(ctx context.Context, articles []Article, again []uint64, bits uint64) error {
	return p.read(ctx, articles, true, func(k, at uint64, ws []nameWord) {
		countSpan(p.spans, p.over, again, bits, k, p.base+at, len(ws), namelike(ws))
	})
}

// countSpan counts in spans a span met again (or met first, if it may
// recur): the second reading's step, or the notes'. at is where it starts
// in the corpus's text.
func countSpan(spans map[uint64]spanSeen, over map[uint64]uint32, again []uint64, bits, k, at uint64, words int, nl bool) {
	if sp, ok := spans[k]; ok {
		if sp.count() == spanCountMax {
			over[k]++
			return
		}
		spans[k] = sp + 1<<spanCountShift
		return
	}
	b := k & (bits - 1)
	if again[b/64]&(1<<(b%64)) == 0 && !nl {
		return // written once
	}
	if at < 1<<spanPosBits {
		spans[k] = newSpanSeen(at, words, nl)
	}
}

// mergeSpans adds to spans and over the counts of a later part's: a span
// both met keeps where the earlier met it first.
func mergeSpans(spans map[uint64]spanSeen, over map[uint64]uint32, later map[uint64]spanSeen, laterOver map[uint64]uint32) {
	for k, sp := range later {
		n := sp.count() + uint64(laterOver[k])
		if had, ok := spans[k]; ok {
			n += had.count() + uint64(over[k])
			sp = had
		}
		c := min(n, spanCountMax)
		spans[k] = sp&^(spanCountMax<<spanCountShift) | spanSeen(c)<<spanCountShift
		if n > c {
			over[k] = uint32(n - c)
		}
	}
}

func noteShort(m map[string]map[string]int, short, long string) {
	if m[short] == nil {
		m[short] = map[string]int{}
	}
	m[short][long]++
}

// addNotes adds to m the times of later.
func addNotes(m, later map[string]map[string]int) {
	for short, longs := range later {
		if m[short] == nil {
			m[short] = map[string]int{}
		}
		for l, n := range longs {
			m[short][l] += n
		}
	}
}

// spanSeen is a span InferAbbreviations has read, in one word: where it
// was first written in the corpus's text (its titles, paragraphs and
// offices one after the other, spanTexts), how many words it has, whether
// it looked like a name (namelike) and how often it was written.
type spanSeen uint64

const (
	spanPosBits    = 34 // 16 GiB of text: a span past it is not counted
	spanWordsShift = spanPosBits
	spanNamelike   = 1 << (spanWordsShift + 4) // maxNameWords < 16
	spanCountShift = spanWordsShift + 5
	spanCountMax   = 1<<(64-spanCountShift) - 1 // counts past it are kept beside
)

// oneReadingMaxText is the most text InferAbbreviations reads once,
// noting its spans: about one span every 35 bytes of synthetic text, 16
// bytes a note, so 48 MB of notes at most (at 10,000 synthetic articles,
// 37 MB of text, 17 MB). A larger corpus is read twice.
var oneReadingMaxText = 100 << 20

// spanNote is a span met in the corpus: its hash and, as spanSeen
// without a count, where it starts, its words and whether it looks like
// a name. A start past spanPosBits sets spanFar instead.
type spanNote struct {
	hash uint64
	seen spanSeen
}

// spanFar marks a note whose start is past what spanSeen holds: it is
// counted if its span is kept, but not kept from it.
const spanFar = spanSeen(1) << 63

func newSpanNote(hash, at uint64, words int, namelike bool) spanNote {
	if at >= 1<<spanPosBits {
		s := spanFar | spanSeen(words)<<spanWordsShift
		if namelike {
			s |= spanNamelike
		}
		return spanNote{hash, s}
	}
	return spanNote{hash, newSpanSeen(at, words, namelike) &^ (spanCountMax << spanCountShift)}
}

// at is where the noted span starts, or 1<<spanPosBits if past it.
func (n spanNote) at() uint64 {
	if n.seen&spanFar != 0 {
		return 1 << spanPosBits
	}
	return n.seen.pos()
}
func (n spanNote) words() int     { return n.seen.words() }
func (n spanNote) namelike() bool { return n.seen.namelike() }

func newSpanSeen(pos uint64, words int, namelike bool) spanSeen {
	s := spanSeen(pos) | spanSeen(words)<<spanWordsShift | 1<<spanCountShift
	if namelike {
		s |= spanNamelike
	}
	return s
}

func (s spanSeen) pos() uint64    { return uint64(s) & (1<<spanPosBits - 1) }
func (s spanSeen) words() int     { return int(s>>spanWordsShift) & 15 }
func (s spanSeen) namelike() bool { return s&spanNamelike != 0 }
func (s spanSeen) count() uint64  { return uint64(s) >> spanCountShift }

// textBytes is the length of the texts spanTexts gives of articles.
func textBytes(articles []Article) int {
	n := 0
	for i := range articles {
		a := &articles[i]
		n += len(a.Title)
		for _, p := range a.Paragraphs {
			n += len(p)
		}
		for _, c := range a.Contacts {
			n += len(c.Office)
		}
	}
	return n
}

// spanTexts are the texts of a that InferAbbreviations reads, in order:
// the title, the paragraphs, the contacts' offices. buf is reused.
func spanTexts(a *Article, buf []string) []string {
	buf = append(append(buf[:0], a.Title), a.Paragraphs...)
	for _, r := range a.TableRows {
		// A row writes its cells twice (renderTable); a name counts
		// from its second time, so the row's own repeat must not count.
		buf[1+r] = labelledRow(buf[1+r])
	}
	for _, c := range a.Contacts {
		buf = append(buf, c.Office)
	}
	return buf
}

// spanText is the text holding the corpus position pos, and where pos is
// in it; starts[i] is where article i's texts start, and starts ends with
// the end of the last.
func spanText(articles []Article, starts []uint64, pos uint64, buf *[]string) (string, int) {
	i := sort.Search(len(articles), func(i int) bool { return starts[i+1] > pos })
	at := starts[i]
	*buf = spanTexts(&articles[i], *buf)
	for _, t := range *buf {
		if pos < at+uint64(len(t)) {
			return t, int(pos - at)
		}
		at += uint64(len(t))
	}
	return "", 0 // not reached: pos is inside the corpus's text
}

// nameTokensFrom is the first n tokens of nameTokens(text), or all of
// them if fewer, splitting only as much of text as they take.
func nameTokensFrom(text string, n int, toks []string) []string {
	for w := 32 * (n + 2); ; w *= 4 {
		if w >= len(text) {
			toks = nameTokens(text, toks)
			break
		}
		// A window's last tokens may be cut short, or a possessive cut
		// off its word: two more than asked show the others are whole.
		if toks = nameTokens(text[:w], toks); len(toks) >= n+2 {
			break
		}
	}
	return toks[:min(n, len(toks))]
}

// mostWritten is the spelling written most often, the first in byte order
// among equals.
func mostWritten(spellings map[string]int) string {
	best, n := "", -1
	for s, c := range spellings {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

func containsFolded(forms []string, s string) bool {
	f := foldPhrase(s)
	for _, x := range forms {
		if foldPhrase(x) == f {
			return true
		}
	}
	return false
}

// nameWord is a word of a name as written.
type nameWord struct {
	text    string
	at      int // where text starts in the text nameRuns split
	fold    string
	initial rune // the first letter, in capitals
	upper   bool // starts with a capital
	and     bool // "và" joining two capitalised parts: not an initial
}

// nameTokens splits text into words (letters and marks), numbers and
// single other characters, dropping white space.
func nameTokens(text string, toks []string) []string {
	toks, _ = nameTokenStarts(text, toks, nil)
	return toks
}

// nameTokenStarts is nameTokens, with where each token starts in text.
func nameTokenStarts(text string, toks []string, starts []int) ([]string, []int) {
	toks, starts = toks[:0], starts[:0]
	for i := 0; i < len(text); {
		c, n := nameClassAt(text, i)
		switch c {
		case ncSpace:
			i += n
		case ncWord, ncDigit:
			j := i + n
			for j < len(text) {
				c2, n2 := nameClassAt(text, j)
				if c2 != c {
					break
				}
				j += n2
			}
			// An English possessive stays in its word: "People's
			// Committee" is two words of a name, not three.
			if c == ncWord {
				j += possessiveLen(text[j:])
			}
			toks, starts = append(toks, text[i:j]), append(starts, i)
			i = j
		default:
			toks, starts = append(toks, text[i:i+n]), append(starts, i)
			i += n
		}
	}
	return toks, starts
}

// The classes of runes nameTokenStarts splits by.
const (
	ncOther = iota
	ncSpace // unicode.IsSpace
	ncWord  // a letter or a mark
	ncDigit // a decimal digit
)

func nameClassSlow(r rune) uint8 {
	switch {
	case unicode.IsSpace(r):
		return ncSpace
	case unicode.IsLetter(r) || unicode.Is(unicode.M, r):
		return ncWord
	case unicode.IsDigit(r):
		return ncDigit
	}
	return ncOther
}

// nameClasses is nameClassSlow up to Latin Extended Additional, looked up:
// unicode's range tables searched for every rune of the corpus, twice,
// were a fifth of the inference's CPU.
var nameClasses = func() []uint8 {
	t := make([]uint8, 0x1F00)
	for r := range t {
		t[r] = nameClassSlow(rune(r))
	}
	return t
}()

// nameClassAt is the class of the rune at text[i], and its size.
func nameClassAt(text string, i int) (uint8, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return nameClasses[c], 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if r < rune(len(nameClasses)) {
		return nameClasses[r], n
	}
	return nameClassSlow(r), n
}

// nameRunner splits texts into name runs (runs), keeping its buffers from
// one text to the next: inferring abbreviations splits every paragraph of
// the corpus, and the tokens and runs allocated for each paragraph were a
// twentieth of a build's allocations (123 of 2,332 MB at 2,000 synthetic
// articles). The runs returned are valid until the next call.
type nameRunner struct {
	toks   []string
	starts []int
	words  []nameWord // the runs' words, one run after the other
	ends   []int      // where each run ends in words
	out    [][]nameWord
}

// nameTok is what runs asks of a token as written, read once a distinct
// token: its fold, and the lexicon's sets it is in. Each word of the
// corpus was looked up in up to four maps (the folds, the function
// words, the English ones, the joiners) and compared with every place
// prefix, and its letters' cases read again: a third of runs' CPU.
type nameTok struct {
	fold    string
	initial rune // the first letter, in capitals
	upper   bool // starts with a capital
	caps    bool // all capitals, more than one letter: an abbreviation
	joiner  bool // "và" or an English joiner, folded
	ends    bool // a function word or an English one, as written
	place   bool // the first word of a place prefix: placePrefixAt may hold
}

// newNameTok reads t, which starts with the letter r.
func newNameTok(t string, r rune) nameTok {
	f := Fold(t)
	upper := unicode.IsUpper(r)
	return nameTok{
		fold:    f,
		initial: unicode.ToUpper(r),
		upper:   upper,
		caps:    upper && isAllUpper(t) && utf8.RuneCountInString(t) > 1,
		joiner:  f == "va" || englishJoiners[f],
		ends:    functionWord(t) || englishFunctionWord[t],
		place:   placePrefixFirst[t],
	}
}

// placePrefixFirst are the first words of placePrefixWords.
var placePrefixFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, ws := range placePrefixWords {
		if len(ws) > 0 {
			m[ws[0]] = true
		}
	}
	return m
}()

// runs splits text into runs of words that may be a body's name: from
// a capitalised word, through the words after it, up to punctuation, a
// number, an all-capitals abbreviation, a function word or a place prefix
// (the place is not part of the body's name: "… công tỉnh Thanh Hóa").
// "và" stays inside a run between capitalised words ("Thông tin và Truyền
// thông"). It notes in lower the folded words written in lower case.
// known keeps what it read of each token (nameTok), the fold among it.
func (nr *nameRunner) runs(text string, lower map[string]bool, known map[string]nameTok) [][]nameWord {
	words, ends := nr.words[:0], nr.ends[:0]
	from := 0 // where the current run starts in words
	flush := func() {
		for len(words) > from && words[len(words)-1].and {
			words = words[:len(words)-1]
		}
		if len(words)-from >= minInitials {
			ends = append(ends, len(words))
			from = len(words)
			return
		}
		words = words[:from]
	}
	toks, starts := nameTokenStarts(text, nr.toks, nr.starts)
	nr.toks, nr.starts = toks, starts
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if c := t[0]; c < utf8.RuneSelf && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			flush() // no letter: ASCII letters are the only ASCII ones
			continue
		}
		nt, ok := known[t]
		if !ok {
			r, _ := utf8.DecodeRuneInString(t)
			if !unicode.IsLetter(r) {
				flush()
				continue
			}
			nt = newNameTok(t, r)
			known[t] = nt
			// Whether t is written in lower case is t's own: noted
			// the first time t is met (setting it at every word was
			// a seventh of runs' CPU).
			if !nt.upper {
				lower[nt.fold] = true
			}
		}
		inRun := len(words) > from
		switch {
		case nt.caps:
			flush()
		case !nt.upper && inRun && nt.joiner && i+1 < len(toks) && startsUpperWord(toks[i+1]):
			words = append(words, nameWord{text: t, at: starts[i], fold: nt.fold, and: true})
		case !inRun && !nt.upper:
		case inRun && (nt.ends || nt.place && placePrefixAt(toks, i)):
			flush()
			if nt.upper {
				words = append(words, nameWord{text: t, at: starts[i], fold: nt.fold, initial: nt.initial, upper: true})
			}
		default:
			words = append(words, nameWord{text: t, at: starts[i], fold: nt.fold, initial: nt.initial, upper: nt.upper})
		}
	}
	flush()
	out := nr.out[:0]
	prev := 0
	for _, e := range ends {
		out = append(out, words[prev:e:e])
		prev = e
	}
	nr.words, nr.ends, nr.out = words, ends, out
	return out
}

// eachSpan gives f each span of a run that may be a name: from each
// capitalised word, of minInitials to maxNameWords words. Any word may end
// it: lower-case words go on a name ("hành chính công") and on the
// sentence after it ("phối hợp"), and capitalised ones too ("… nghệ thuật
// bầu Ban Chấp hành"); the names are the spans that recur.
func eachSpan(run []nameWord, f func([]nameWord)) {
	// notBodyName(run[i:end]) is, for a span starting at i, true from a
	// length on: from an opener's, past a title's, through the first
	// surname and middle name after i. Found once for each start instead
	// of for every span: the lexicon's openers and titles compared with
	// every span were half of the inference's CPU.
	k := -1 // the first surname and middle name at or after i, len(run) for none
	for i := range run {
		if !run[i].upper {
			continue
		}
		if k < i {
			for k = i; k < len(run) && !personAt(run, k); k++ {
			}
		}
		// The longest span holding no person's name ends at k+1.
		limit := min(len(run), i+maxNameWords, k+1)
		if n := notBodyFrom(run[i:]); n > 0 {
			limit = min(limit, i+n-1)
		}
		for end := i + minInitials; end <= limit; end++ {
			if !run[end-1].and {
				f(run[i:end])
			}
		}
	}
}

// noteBodies notes in bodies each one-word body head of the run ("Ban",
// "Sở", "Hội") followed by a capitalised word, folded ("Ban Tuyên giáo" →
// "ban tuyen"); "Ban hành" is no run's start with a name after it. The
// head is read with its marks: "Bảo Lộc", "Phong Điền" are places, not
// "Báo", "Phòng".
func noteBodies(run []nameWord, bodies map[string]bool) {
	lex := nameLexicon()
	for i := 0; i+1 < len(run); i++ {
		if run[i].upper && lex.heads[run[i].fold] && run[i+1].upper && !run[i+1].and &&
			lex.headsAs[strings.ToLower(Normalize(run[i].text))] {
			bodies[run[i].fold+" "+run[i+1].fold] = true
		}
	}
}

// notBodyFrom is the shortest length n for which notBodyName(ws[:n]) holds
// for a citation's opener or a title starting ws, 0 for none.
func notBodyFrom(ws []nameWord) int {
	lex := nameLexicon()
	n := 0
	for _, o := range lex.openers {
		if startsWithFolded(ws, o) && (n == 0 || len(o) < n) {
			n = len(o)
		}
	}
	for _, t := range lex.titles {
		if len(ws) > len(t) && startsWithFolded(ws, t) && (n == 0 || len(t)+1 < n) {
			n = len(t) + 1
		}
	}
	return n
}

// personAt: ws[i] and ws[i+1] are a capitalised surname and middle name.
func personAt(ws []nameWord, i int) bool {
	return i+1 < len(ws) && ws[i].upper && ws[i+1].upper && nameLexicon().middle[ws[i+1].fold] && IsSurname(ws[i].text)
}

// notBodyName: a span no reader abbreviates as a body — one opening a
// citation ("Căn cứ Nghị định" is no CCND), one starting with a title and
// going on ("Bộ trưởng Bộ Nội vụ …"), or one holding a person's name (a
// surname and a middle name, capitalised: "… Phạm Thị Thanh").
func notBodyName(ws []nameWord) bool {
	lex := nameLexicon()
	for _, o := range lex.openers {
		if startsWithFolded(ws, o) {
			return true
		}
	}
	for _, t := range lex.titles {
		if len(ws) > len(t) && startsWithFolded(ws, t) {
			return true
		}
	}
	for i := 0; i+1 < len(ws); i++ {
		if personAt(ws, i) {
			return true
		}
	}
	return false
}

// startsWithFolded: the span's first words are seq, folded.
func startsWithFolded(ws []nameWord, seq []string) bool {
	if len(ws) < len(seq) {
		return false
	}
	for i, w := range seq {
		// Folded words are in lower case already.
		if ws[i].fold != w {
			return false
		}
	}
	return true
}

// nameLexicon is the lexicon's citation openers, titles and middle names,
// folded in lower case. Built on first use: Fold's tables are filled by an
// init function, after package variables.
var nameLexicon = sync.OnceValue(func() (out struct {
	openers, titles [][]string
	middle          map[string]bool
	// heads are the lexicon's one-word BodyHeads, folded, and headsAs
	// the same with their marks: "Báo", "Phòng", "Đài" are heads, "Bảo
	// Lộc", "Phong Điền", "Đại Lộc" places.
	heads, headsAs map[string]bool
}) {
	split := func(s string) []string { return strings.Fields(strings.ToLower(Fold(s))) }
	for _, o := range Lexicon.CitationOpeners {
		out.openers = append(out.openers, split(o))
	}
	for _, t := range Lexicon.Titles {
		out.titles = append(out.titles, split(t))
	}
	out.heads, out.headsAs = map[string]bool{}, map[string]bool{}
	for _, h := range Lexicon.BodyHeads {
		if f := split(h); len(f) == 1 {
			out.heads[f[0]] = true
			out.headsAs[strings.ToLower(Normalize(h))] = true
		}
	}
	out.middle = map[string]bool{}
	for _, m := range Lexicon.MiddleNames {
		out.middle[strings.ToLower(Fold(m))] = true
	}
	return out
})

// namelike: a span of four words or more, half of them capitalised,
// whose every lower-case word follows a capitalised one ("Ủy ban Thường vụ
// Quốc hội": each capital begins a two-word group): a name even when
// written once. A sentence has runs of lower-case words ("… thông qua").
func namelike(ws []nameWord) bool {
	letters, upper := 0, 0
	for i, w := range ws {
		if w.and {
			continue
		}
		letters++
		if w.upper {
			upper++
		} else if i == 0 || !ws[i-1].upper {
			return false
		}
	}
	return letters >= 4 && 2*upper >= letters
}

// eachShort gives f the short forms of a name: its initials ("và" is
// none), and for a name of five words or more its initials without one
// two-word group inside, the first and last words kept.
func eachShort(span []nameWord, f func(string)) {
	var letters []rune
	for _, w := range span {
		if !w.and {
			letters = append(letters, w.initial)
		}
	}
	if len(letters) < minInitials {
		return
	}
	f(string(letters))
	if len(letters) >= 5 {
		for k := 1; k+2 < len(letters); k++ {
			f(string(letters[:k]) + string(letters[k+2:]))
		}
	}
}

// foldedHash is a 64-bit FNV-1a hash of foldedKey(ws), without making it.
func foldedHash(ws []nameWord) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i, w := range ws {
		if i > 0 {
			h = (h ^ ' ') * prime
		}
		for j := 0; j < len(w.fold); j++ {
			h = (h ^ uint64(w.fold[j])) * prime
		}
	}
	return h
}

// definedWeight ranks a name a page defines a short form for above the
// names whose initials only happen to fit.
const definedWeight = 1000

// definedRE is a short form in brackets: two to eight capitals, maybe
// with "&" or "-" ("(PPC)", "(TTHCC)", "(KH&CN)").
var definedRE = regexp.MustCompile(`\(\s*(\p{Lu}[\p{Lu}&-]{1,7})\s*\)`)

// definedShorts gives f each short form text defines in brackets with the
// name before it whose initials it spells, in order: "Hội Cựu chiến binh
// (CCB)" → CCB, "Cựu chiến binh"; "Provincial People's Committee (PPC)" →
// PPC. Function words inside the name ("of", "và") have no initial.
func definedShorts(text string, f func(short, long string)) {
	for _, m := range definedRE.FindAllStringSubmatchIndex(text, -1) {
		short := text[m[2]:m[3]]
		var letters []rune
		for _, r := range short {
			if unicode.IsLetter(r) {
				letters = append(letters, r)
			}
		}
		toks := nameTokens(text[:m[0]], nil)
		i, j := len(letters)-1, len(toks)-1
		first := -1
		for i >= 0 && j >= 0 {
			t := toks[j]
			r, _ := utf8.DecodeRuneInString(t)
			if !unicode.IsLetter(r) {
				break
			}
			switch {
			case unicode.ToUpper(r) == letters[i] || Fold(string(unicode.ToUpper(r))) == Fold(string(letters[i])):
				first = j
				i--
			case j < len(toks)-1 && (functionWord(t) || englishJoiners[t] || t == "và"):
			default:
				j = -1
				continue
			}
			j--
		}
		if i >= 0 || first < 0 || !startsUpperWord(toks[first]) {
			continue
		}
		f(short, strings.Join(toks[first:], " "))
	}
}

// placeCodes gives f the initials of each province's or city's name text
// writes after a province-level prefix ("tỉnh Bạc Liêu" → BL).
func placeCodes(text string, f func(short, long string)) {
	if !slices.ContainsFunc(Lexicon.ProvincePrefixes, func(p string) bool { return strings.Contains(text, p+" ") }) {
		return
	}
	toks := nameTokens(text, nil)
	for i := 0; i < len(toks); i++ {
		n := 0
		for _, ws := range provincePrefixWords {
			if i+len(ws) <= len(toks) && slices.Equal(toks[i:i+len(ws)], ws) {
				n = len(ws)
				break
			}
		}
		if n == 0 {
			continue
		}
		j := i + n
		var initials []rune
		for j < len(toks) && len(initials) < 4 && startsUpperWord(toks[j]) && !isAllUpper(toks[j]) {
			r, _ := utf8.DecodeRuneInString(toks[j])
			initials = append(initials, unicode.ToUpper(r))
			j++
		}
		if len(initials) >= 2 && len(initials) <= 3 {
			f(string(initials), strings.Join(toks[i+n:j], " "))
		}
		i = j - 1
	}
}

// possessiveLen is the length of the "'s" or "’s" that s starts with,
// before a non-letter, or 0.
func possessiveLen(s string) int {
	// Most words end before anything else: it is looked for after each.
	if s == "" || s[0] != '\'' && s[0] != "’"[0] {
		return 0
	}
	for _, a := range []string{"'s", "’s"} {
		if strings.HasPrefix(s, a) {
			r, _ := utf8.DecodeRuneInString(s[len(a):])
			if len(s) == len(a) || !unicode.IsLetter(r) {
				return len(a)
			}
		}
	}
	return 0
}

func foldedKey(ws []nameWord) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.fold)
	}
	return b.String()
}

func joinWords(ws []nameWord) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

func isAllUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func startsUpperWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var functionWordSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range Lexicon.FunctionWords {
		m[strings.ToLower(w)] = true
	}
	return m
}()

// englishJoiners is Lexicon.EnglishNameJoiners as a set.
var englishJoiners = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range Lexicon.EnglishNameJoiners {
		m[w] = true
	}
	return m
}()

// provincePrefixWords are Lexicon.ProvincePrefixes as words.
var provincePrefixWords = func() [][]string {
	var out [][]string
	for _, p := range Lexicon.ProvincePrefixes {
		out = append(out, strings.Fields(p))
	}
	return out
}()

// englishFunctionWord: a lower-case English function word ends a name
// unless it joins two capitalised parts.
var englishFunctionWord = setOfWords(Lexicon.EnglishFunctionWords)

func setOfWords(ws []string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// functionWord: a lower-case function word ("của", "tại"); capitalised, it
// begins a sentence or a name.
func functionWord(w string) bool { return functionWordSet[w] }

// placePrefixAt: a lower-case place prefix starts at toks[i] ("tỉnh",
// "thành phố").
func placePrefixAt(toks []string, i int) bool {
	for _, ws := range placePrefixWords {
		if i+len(ws) <= len(toks) && slices.Equal(toks[i:i+len(ws)], ws) {
			return true
		}
	}
	return false
}

var placePrefixWords = func() [][]string {
	var out [][]string
	for _, p := range Lexicon.PlacePrefixes {
		out = append(out, strings.Fields(p.Name))
	}
	return out
}()

// placeShortRE finds a place prefix's short form written with its dot
// before a name or a number: "P. Tân Định", "TP.HCM", "Q.1". Without the
// dot a letter is too often something else ("lần thứ X Hội …").
var placeShortRE = func() *regexp.Regexp {
	var shorts []string
	for _, p := range Lexicon.PlacePrefixes {
		shorts = append(shorts, p.Short...)
	}
	sort.Slice(shorts, func(i, j int) bool { return len(shorts[i]) > len(shorts[j]) })
	// Typed on a phone the short is often in lower case ("h. Kỳ Sơn",
	// "p. Yên Thịnh"): before a capitalised name or a number, with its
	// dot, it is still the place's kind.
	return regexp.MustCompile(`(^|[^\p{L}\p{N}])((?i:` + strings.Join(shorts, "|") + `))\.\s*(\p{Lu}|\p{N})`)
}()

// placeNounRE finds a place prefix's short form used as the noun itself,
// typed in capitals with its dot and followed by no name: "bao nhiêu P.
// và bao nhiêu xã", "gồm những P. nào", "có mấy P. mấy X.". "TT" is left
// out: alone it is as often "trung tâm" or a circular (thông tư).
var placeNounRE = func() *regexp.Regexp {
	var shorts []string
	for _, p := range Lexicon.PlacePrefixes {
		for _, s := range p.Short {
			if s != "TT" {
				shorts = append(shorts, s)
			}
		}
	}
	sort.Slice(shorts, func(i, j int) bool { return len(shorts[i]) > len(shorts[j]) })
	return regexp.MustCompile(`(^|[^\p{L}\p{N}])(` + strings.Join(shorts, "|") + `)\.(\s+\p{Ll}|\s*[^\p{L}\p{N}.]|\s*$)`)
}()

// placeName is the place prefix whose short form is short, folded when
// plain.
func placeName(short string, plain bool) string {
	name := ""
	for _, p := range Lexicon.PlacePrefixes {
		for _, s := range p.Short {
			if strings.EqualFold(s, short) {
				name = p.Name
			}
		}
	}
	if plain {
		name = Fold(name)
	}
	return name
}

// ExpandPlaceShorts writes out the place prefixes a question shortens
// before a name ("sđt P. Tân Định" → "sđt phường Tân Định") or uses as the
// noun ("những P. nào" → "những phường nào"), folded when plain (a
// question typed without accents stays so).
func ExpandPlaceShorts(q string, plain bool) string {
	q = placeShortRE.ReplaceAllStringFunc(q, func(m string) string {
		sm := placeShortRE.FindStringSubmatch(m)
		return sm[1] + placeName(sm[2], plain) + " " + sm[3]
	})
	// Each match holds the character after the dot, so two shorts in a
	// row ("mấy P. mấy X.") need a second pass for the one it swallowed.
	for range 2 {
		q = placeNounRE.ReplaceAllStringFunc(q, func(m string) string {
			sm := placeNounRE.FindStringSubmatch(m)
			return sm[1] + placeName(sm[2], plain) + sm[3]
		})
	}
	return q
}
