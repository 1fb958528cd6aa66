package index

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/kyanhbot/kyanhbot/content"
)

// defaultBatchBytes is how much unit text goes into one bleve batch when
// BuildOptions set no size. A batch's working memory grows with its text (the
// analysed tokens and the segment being written come to about a hundred
// times the text), so sizing by bytes bounds the build's peak whatever the
// length of the units. Measured on 2,000 synthetic articles on disk, two
// workers: 256 KiB batches peaked at 257 MB RSS and 13.4 CPU-s, 1 MiB ones
// at 549 MB and 17.3 CPU-s (bigger batches also grow bigger term
// dictionaries). Each batch is one segment; on disk scorch merges them.
const defaultBatchBytes = 256 << 10

// keyDocuments gives each unit the keys of the documents it cites and lists,
// per key, the articles citing it, in article order.
func (ix *Index) keyDocuments() {
	for i := range ix.units {
		u := &ix.units[i]
		for _, d := range u.docs() {
			for _, k := range docKeys(documentByID(ix.corpus.Articles[u.article], d)) {
				u.facts.docKeys = append(u.facts.docKeys, k)
				if as := ix.docArticles[k]; len(as) == 0 || as[len(as)-1] != int(u.article) {
					ix.docArticles[k] = append(as, int(u.article))
				}
			}
		}
	}
}

// batchRanges cuts the units into consecutive runs [from, to) of about
// maxBytes of text each, or of maxUnits units when that is set.
func batchRanges(units []unit, maxBytes, maxUnits int) [][2]int {
	var out [][2]int
	from, size := 0, 0
	for i := range units {
		size += len(units[i].text) + len(units[i].context)
		if (maxUnits > 0 && i+1-from >= maxUnits) || (maxUnits <= 0 && size >= maxBytes) {
			out = append(out, [2]int{from, i + 1})
			from, size = i+1, 0
		}
	}
	if from < len(units) {
		out = append(out, [2]int{from, len(units)})
	}
	return out
}

// batches are the runs of units indexed as one batch each.
func (ix *Index) batches(o BuildOptions) [][2]int {
	maxBytes := o.BatchBytes
	if maxBytes <= 0 {
		maxBytes = defaultBatchBytes
	}
	return batchRanges(ix.units, maxBytes, o.BatchSize)
}

// indexUnits prepares the units and adds them to the bleve index, one batch
// per worker at a time. Scorch accepts concurrent batches: each is analysed
// and written as its own segment, which is the part of a build that runs on
// one core inside a batch, so two workers use two cores.
//
// With prog, the batches it lists as done are only prepared, after the
// others, and each batch indexed is added to it; those marked in prepared
// (read back by loadPrepared) are not prepared again. A kept build stopped
// before its end keeps the units of the batches both kept and prepared
// (savePrepared), so that the next step need not prepare them again.
func (ix *Index) indexUnits(ctx context.Context, o BuildOptions, prog *progress, prepared []bool) error {
	batches := ix.batches(o)
	// done marks the batches whose units are prepared; each worker writes
	// only its own batches'.
	done := make([]bool, len(batches))
	copy(done, prepared)
	fresh := false // a batch was prepared by this call
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(batches)))

	// On disk, a batch returns once its segment serves from memory
	// (unsafe_batch), and the persister writes it out behind: two workers
	// on a quiet machine outran it, and the segments waiting in memory
	// raised a 10,000-article build's peak. A worker waits while more
	// segments than workers are unwritten.
	var persisted *scorch.Scorch
	if adv, err := ix.bi.Advanced(); err == nil && (o.Path != "" || o.Dir != "") {
		persisted, _ = adv.(*scorch.Scorch)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	fail := func(err error) {
		errOnce.Do(func() { firstErr = err })
		cancel()
	}
	// A resumed build indexes the batches it lacks first and prepares the
	// kept ones after: preparing 100,000 articles' units takes minutes, so
	// a step that prepared first could run out of time before indexing
	// anything new, and the next step would start over.
	order := make([]int, 0, len(batches))
	for k := range batches {
		if !prog.has(k) {
			order = append(order, k)
		}
	}
	for k := range batches {
		if prog.has(k) {
			order = append(order, k)
		}
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				o := int(next.Add(1)) - 1
				if o >= len(order) {
					return
				}
				k := order[o]
				if err := ctx.Err(); err != nil {
					fail(fmt.Errorf("index: build: %w", err))
					return
				}
				if prog.has(k) {
					if !done[k] {
						ix.prepare(batches[k][0], batches[k][1])
						done[k] = true
					}
					continue
				}
				if err := ix.indexBatch(batches[k][0], batches[k][1]); err != nil {
					fail(err)
					return
				}
				done[k] = true
				if persisted != nil {
					if err := waitUnwritten(ctx, persisted, workers); err != nil {
						fail(err)
						return
					}
				}
				if err := prog.add(k); err != nil {
					fail(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil && prog != nil {
		kept := make([]bool, len(batches))
		for k := range kept {
			kept[k] = done[k] && prog.has(k)
			fresh = fresh || kept[k] && (k >= len(prepared) || !prepared[k])
		}
		if fresh {
			if err := ix.savePrepared(o.Dir, o, kept); err != nil {
				return errors.Join(firstErr, err)
			}
		}
		return fmt.Errorf("%w (%d of %d batches kept; building again resumes)", firstErr, prog.count(), len(batches))
	}
	return firstErr
}

// prepare gives units [from, to) what re-ranking reads of them.
//
// What the units keep is laid out in one string and one slice per batch,
// not one allocation per unit: a unit's own small allocations, made
// between a batch's analysis garbage, left most heap pages a few live
// objects each, which the runtime cannot return (at 2,000 articles 34 MB
// of the 80 MB of heap in use after a build held 46 MB of objects).
func (ix *Index) prepare(from, to int) {
	norms := make([]string, to-from)
	// byWord marks the units whose folded words are their words' folds
	// (foldsWordByWord): their word traits are read from the vocabulary's
	// folds once the words are numbered, instead of folding and
	// splitting the text again.
	byWord := make([]bool, to-from)
	var counts []content.Value
	var near []nearValue
	withFacts := 0
	for i := from; i < to; i++ {
		u := &ix.units[i]
		// One reading of the text: normalised and lower-cased once, for
		// the words, the traits and the typed values.
		n := u.text
		if !u.normal {
			n = content.Normalize(u.text)
		}
		lower := lowerText(n)
		norms[i-from] = lower
		textLower := lower
		if n != u.text {
			textLower = lowerText(u.text)
		}
		u.traits = textTraits(u.text, n, textLower)
		if foldsWordByWord(n) {
			byWord[i-from] = true
			u.wordsAreTerms = n == u.text && (u.context == "" || u.row) && tokensAreWords(n)
		} else {
			u.traits |= wordTraits(u.text, foldedWordLine(content.FoldNormal(n)))
		}
		u.tagValues(textLower)
		if u.traits&stampDate != 0 {
			u.traits &^= hasDate
		}
		// A date the values read ("ngày 15 hàng tháng", "Ngày 19 (thứ
		// Hai)") is one for the date signal too, which reads dateRe.
		if u.values&valueBit[content.ValueDate] != 0 {
			u.traits |= hasDate
		}
		counts = append(counts, u.counts()...)
		near = append(near, u.nearValues()...)
		if u.facts != nil {
			withFacts++
		}
	}
	words, folds := ix.vocab.encode(norms)
	kept, keptNear := slices.Clip(counts), slices.Clip(near)
	facts := make([]unitFacts, 0, withFacts)
	var line []byte
	for i := from; i < to; i++ {
		u := &ix.units[i]
		u.words = words[i-from]
		if byWord[i-from] {
			line = wordLine(line[:0], folds, u.words)
			u.traits |= wordTraits(u.text, string(line))
		}
		if u.facts == nil {
			continue
		}
		f := *u.facts
		if c := len(f.counts); c > 0 {
			f.counts, kept = kept[:c:c], kept[c:]
		}
		if c := len(f.near); c > 0 {
			f.near, keptNear = keptNear[:c:c], keptNear[c:]
		}
		facts = append(facts, f)
		u.facts = &facts[len(facts)-1]
	}
}

// wordLine appends to dst the folded words of enc (numbers into folds),
// as foldedWordLine writes them.
func wordLine(dst []byte, folds []string, enc string) []byte {
	dst = append(dst, ' ')
	for p := 0; p < len(enc); {
		var id uint32
		id, p = nextWord(enc, p)
		dst = append(append(dst, folds[id]...), ' ')
	}
	if len(dst) == 1 {
		dst = append(dst, ' ')
	}
	return dst
}

// foldsWordByWord reports whether the words of FoldNormal(n) are, one by
// one, foldSyllable of the words of strings.ToLower(n), n being
// normalised: true when each of its runes is one that lower-casing and
// folding turn into one rune that is a letter or digit exactly when it
// is (foldAlike), so that both split n's text at the same places.
func foldsWordByWord(n string) bool {
	for i := 0; i < len(n); {
		c := n[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(n[i:])
		if r >= rune(len(foldAlike)) || !foldAlike[r] {
			return false
		}
		i += size
	}
	return true
}

// foldAlike marks the runes below U+2100 (Latin, Vietnamese, general
// punctuation) for which foldsWordByWord holds: no combining mark (the
// fold drops it, joining the letters around it), no Hangul jamo (NFC may
// compose them), and one whose lower case folds as it does, and whose
// fold is a letter or digit exactly when it is.
var foldAlike = func() []bool {
	t := make([]bool, 0x2100)
	for r := range t {
		rr := rune(r)
		if unicode.Is(unicode.Mn, rr) || rr >= 0x1100 && rr < 0x1200 || rr >= 0xD800 && rr < 0xE000 {
			continue
		}
		l := unicode.ToLower(rr)
		f, fl := content.FoldRune(rr), content.FoldRune(l)
		if f < 0 || f != fl || unicode.Is(unicode.Mn, l) {
			continue
		}
		w := !notWord(rr)
		t[r] = w == !notWord(l) && w == !notWord(f)
	}
	return t
}()

// indexedText is what bleve indexes for a unit: its text, with the
// sentence introducing its list so that words stated only there still
// retrieve it — but not a table row's introduction, which repeated on
// every row would count its words as common as the table is long.
func (u *unit) indexedText() string {
	if u.context != "" && !u.row {
		return u.text + " " + u.context
	}
	return u.text
}

// plainTokens appends to toks the tokens bleve's unicode tokenizer makes
// of indexedText, and reports whether it could (plainTokens of a string).
// The text and its context are tokenized apart: the space between them
// is a break.
func (u *unit) plainTokens(toks []string) ([]string, bool) {
	n := len(toks)
	toks, ok := plainTokens(u.text, toks)
	if ok && u.context != "" && !u.row {
		toks, ok = plainTokens(u.context, toks)
	}
	if !ok {
		return toks[:n], false
	}
	return toks, true
}

// indexBatch prepares units [from, to) for re-ranking and indexes them as
// one batch. Workers own disjoint ranges, so the units need no lock.
func (ix *Index) indexBatch(from, to int) error {
	ix.prepare(from, to)
	// A document of its id alone: what bleve gives the units is their
	// numbering (keywords.go). Made directly, not by the mapping's walk
	// of a map.
	b := ix.bi.NewBatch()
	for i := from; i < to; i++ {
		if err := b.IndexAdvanced(document.NewDocument(ix.docID(i))); err != nil {
			return fmt.Errorf("index: add unit %d: %w", i, err)
		}
	}
	if err := ix.bi.Batch(b); err != nil {
		return fmt.Errorf("index: batch: %w", err)
	}
	return nil
}

// docID is unit i's bleve ID. scorch checks every batch's IDs against
// every segment the index has (Scorch.prepareSegment, DocNumbers: to mark
// a document indexed again obsolete), and a segment's check skips the IDs
// past the greatest it holds, comparing bytes. Numbers written out sort
// so only within one length: a later ID with more digits and lower
// leading ones ("1000000" before "999999", "110000" before "11999") was
// looked up in the dictionary of each earlier segment so sorting after
// it — the batches times the segments, 14% of a 100,000-article build's
// profile. Padded with zeros
// to one width for the index (idWidth), a batch's IDs come after every
// earlier batch's and are not looked up. A kept build keeps them written
// out (idWidth 0): a resumed build indexes a batch again and needs the
// check to replace it, and an index kept by earlier code holds them so.
func (ix *Index) docID(i int) string {
	if ix.idWidth == 0 {
		return strconv.Itoa(i)
	}
	var b [20]byte
	n := len(b)
	for k := 0; k < ix.idWidth || i > 0; k++ {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

// Cheap necessary conditions for the costliest trait expressions, checked
// before them: most sentences name nobody and state no span of time, and
// the expressions, tried at every position, took a fifth of a build's CPU.

// spanUnits are the words spanRe's spans end with, in lower case.
var spanUnits = []string{"ngày", "tháng", "năm", "tuần", "giờ", "quý"}

// spanCounts are the words spanRe's spans start with, besides digits: the
// lexicon's count words.
var spanCounts = content.Lexicon.CountWords

// maySpan reports whether text has a unit of time after white space after a
// digit or a count word, without which spanRe cannot match. A unit alone
// is not enough to skip the expression: "năm" (year) is in most sentences.
func maySpan(text string) bool { return maySpanLower(strings.ToLower(text)) }

// maySpanLower is maySpan of the text lower-cased.
func maySpanLower(lower string) bool {
	for _, u := range spanUnits {
		for off := 0; ; {
			i := strings.Index(lower[off:], u)
			if i < 0 {
				break
			}
			p := off + i
			off = p + len(u)
			q := p
			for q > 0 && strings.IndexByte("\t\n\f\r ", lower[q-1]) >= 0 {
				q--
			}
			if q == p || q == 0 {
				continue
			}
			if isDigitByte(lower[q-1]) {
				return true
			}
			for _, c := range spanCounts {
				if strings.HasSuffix(lower[:q], c) {
					return true
				}
			}
		}
	}
	return false
}

// mayDate reports whether text has what one of dateRe's forms starts
// with: a digit, a separator and a digit ("29/6"), "năm " or "tháng "
// before a digit, or "Quý " before a Roman numeral. Most sentences with a
// number have none, and the expression, tried at every position, was a
// fifth of the traits' CPU.
func mayDate(text string) bool {
	for i := 0; i+2 < len(text); i++ {
		if isDigitByte(text[i]) && strings.IndexByte("/.-", text[i+1]) >= 0 && isDigitByte(text[i+2]) {
			return true
		}
	}
	for _, p := range [...]struct{ word, next string }{{"năm ", "0123456789"}, {"tháng ", "0123456789"}, {"Quý ", "IV"}} {
		for off := 0; ; {
			i := strings.Index(text[off:], p.word)
			if i < 0 {
				break
			}
			j := off + i + len(p.word)
			if j < len(text) && strings.IndexByte(p.next, text[j]) >= 0 {
				return true
			}
			off = j
		}
	}
	return false
}

// subjectHeads are subjRe's document names, folded: a sentence without
// one cannot match it.
var subjectHeads = []string{"nghi quyet", "ket luan", "ke hoach", "chuong trinh", "quyet dinh", "chi thi", "de an"}

// maySubject reports whether folded (the sentence folded whole) names
// one of subjRe's documents. subjRe, a case-insensitive expression with
// seven alternatives tried at every position, ran on every sentence with
// "về" in it.
func maySubject(folded string) bool {
	for _, h := range subjectHeads {
		if strings.Contains(folded, h) {
			return true
		}
	}
	return false
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
