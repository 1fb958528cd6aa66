package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// The bigram field: each unit's folded syllable pairs ("nhan dan", "dan
// xa" …), which make multi-syllable words outrank scattered syllables.
//
// bleve indexed them as a second analysed field, and that field was about
// 45% of a build's CPU (the pairs' dictionary, many times the syllables',
// dominated writing each batch's segment and the merge). The pairs are
// now postings of our own, made once the bleve index is final from the
// words prepare already split, numbered and folded, and searched by
// pairQuery inside the same bleve query. pairQuery scores a pair exactly
// as bleve's TermQuery scored it in the field (tf-idf: sqrt(freq), the
// field's norm 1/sqrt(pairs in the unit) as a float32, idf over the
// index's document count), so the engine scores, and the answers, do not
// change. The words are split as questions are (at every character that
// is no letter or digit).

// pairIndex holds, per folded pair, the units writing it, by bleve
// document number in the snapshot it was built for.
type pairIndex struct {
	foldID map[string]uint32 // folded word → number (0 is no word)
	fold   []string          // number → folded word
	// first[a] .. first[a+1] are the pairs starting with fold a, in
	// second (each one's second fold) and start.
	first  []uint32
	second []uint32
	start  []uint32 // pair p's postings are at data[start[p]:]
	postings
}

// pairChunk is how many term entries the terms' postings lay out at
// once (8 bytes each), unless an eighth of them is more.
const pairChunk = 1 << 20

// pairSortChunk is how many pair occurrences are sorted at once while the
// pair postings are made (8 bytes each), unless an eighth of them is
// more: each chunk reads every unit's words again, and at 1<<20 a
// 10,000-article build read them seven times over (a third of the
// pairs' CPU). A variable for the tests.
var pairSortChunk = 1 << 21

// While the postings are made, an occurrence is one number: its first
// fold less the chunk's lowest (spanBits), its second fold (foldBits)
// and its document (docBits).
const (
	docBits  = 24
	foldBits = 24
	spanBits = 64 - docBits - foldBits
)

// noUnit marks a deleted document.
const noUnit = ^uint32(0)

// docUnits maps the bleve index's document numbers, as it now stands, to
// units (noUnit for a deleted document: a batch a resumed kept build
// indexed again replaced its first copy), and gives its segments. Scorch
// numbers a snapshot's documents segment after segment, deleted ones
// included.
func (ix *Index) docUnits(ctx context.Context) ([]uint32, [][2]uint64, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, nil, fmt.Errorf("the index is no scorch index (%T)", r)
	}
	var unitOf []uint32
	var segs [][2]uint64
	live := 0
	for _, s := range snap.Segments() {
		n := s.Segment().Count()
		segs = append(segs, [2]uint64{s.Id(), n})
		del := s.Deleted()
		for d := range n {
			if del != nil && d <= math.MaxUint32 && del.Contains(uint32(d)) {
				unitOf = append(unitOf, noUnit)
				continue
			}
			id, err := s.DocID(d)
			if err != nil {
				return nil, nil, err
			}
			u, ok := atoiBytes(id)
			if !ok || u >= len(ix.units) {
				return nil, nil, fmt.Errorf("document %q is no unit", id)
			}
			unitOf = append(unitOf, uint32(u))
			live++
		}
	}
	if live != len(ix.units) || len(unitOf) >= 1<<docBits {
		return nil, nil, fmt.Errorf("%d documents (%d live) for %d units", len(unitOf), live, len(ix.units))
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	return unitOf, segs, nil
}

// buildPairs makes the pair postings for the bleve index as it now
// stands. It must be the index's last change.
func (ix *Index) buildPairs(ctx context.Context) error {
	unitOf, segs, err := ix.docUnits(ctx)
	if err != nil {
		return fmt.Errorf("index: pairs: %w", err)
	}
	pi := &pairIndex{foldID: map[string]uint32{"": 0}}
	pi.segs = segs
	// Word number → fold number.
	folds := ix.vocab.fold
	fid := make([]uint32, len(folds))
	foldOf := []string{""}
	for w, f := range folds {
		id, ok := pi.foldID[f]
		if !ok {
			id = uint32(len(foldOf))
			pi.foldID[f] = id
			foldOf = append(foldOf, f)
		}
		fid[w] = id
	}
	if len(foldOf) >= 1<<foldBits {
		return fmt.Errorf("index: pairs: %d folded words", len(foldOf))
	}
	// Each document's pairs, by fold numbers, in order; the field's length
	// is how many there are, repeats counted.
	each := func(doc int, visit func(a, b uint32)) int {
		if unitOf[doc] == noUnit {
			return 0
		}
		enc := ix.units[unitOf[doc]].words
		n := 0
		prev := uint32(0)
		for p := 0; p < len(enc); {
			var w uint32
			w, p = nextWord(enc, p)
			f := fid[w]
			if f == 0 {
				continue
			}
			if prev != 0 {
				if visit != nil {
					visit(prev, f)
				}
				n++
			}
			prev = f
		}
		return n
	}
	mid := len(unitOf) / 2 // the second half of the documents starts here
	count := make([]int, len(foldOf))
	late := make([]int, len(foldOf)) // count's, in the second half
	total := 0
	pi.norm = make([]float32, len(unitOf))
	for d := range unitOf {
		n := each(d, func(a, _ uint32) {
			count[a]++
			if d >= mid {
				late[a]++
			}
		})
		pi.norm[d] = float32(1 / math.Sqrt(float64(n)))
		total += n
	}
	// Made a range of first folds at a time: each occurrence as first
	// fold (less the range's lowest), second fold and document in one
	// number, sorted, so that a unit's repeats of a pair are side by side.
	//
	// Each range is read and sorted in two halves of the documents, one a
	// core: the pairs were a serial step of the build (1.4 s of 22 CPU-s
	// at 10,000 articles), and halves by document need no more memory
	// than the whole. Every entry of the first half sorts before the
	// second's entry of the same pair, so reading the two in step is
	// reading the whole sorted.
	chunk := max(pairSortChunk, total/8)
	perFirst := make([]uint32, len(foldOf)) // distinct pairs per first fold
	var halves [2][]uint64
	// Each half's entries are laid out by first fold as they are read
	// (how many each first fold has in each half is counted above), in
	// document order within one: only each first fold's entries are
	// then sorted, by second fold and document, which is the whole
	// sorted. One sort of the whole was half of the pairs' CPU.
	var bucketEnd, bucketStart [2][]uint32
	var docs, freqs []uint32 // the pair's postings being made
	prevPair := ^uint64(0)
	// take adds n entries v (the same pair and document) to the postings.
	take := func(lo int, v uint64, n int) {
		if pair := v >> docBits; pair != prevPair {
			if len(docs) > 0 {
				pi.add(docs, freqs)
				docs, freqs = docs[:0], freqs[:0]
			}
			prevPair = pair
			a := lo + int(pair>>foldBits)
			perFirst[a]++
			pi.second = append(pi.second, uint32(pair&(1<<foldBits-1)))
			pi.start = append(pi.start, uint32(len(pi.data)))
		}
		docs = append(docs, uint32(v&(1<<docBits-1)))
		freqs = append(freqs, uint32(n))
	}
	for lo := 1; lo < len(foldOf); {
		hi, n, n2 := lo, 0, 0
		for hi < len(foldOf) && hi-lo < 1<<spanBits && (hi == lo || n+count[hi] <= chunk) {
			n += count[hi]
			n2 += late[hi]
			hi++
		}
		sizes := [2]int{n - n2, n2}
		var wg sync.WaitGroup
		for h := range halves {
			wg.Add(1)
			go func() {
				defer wg.Done()
				buf := slices.Grow(halves[h][:0], sizes[h])[:sizes[h]]
				end := slices.Grow(bucketEnd[h][:0], hi-lo)[:hi-lo]
				at := uint32(0)
				for a := lo; a < hi; a++ {
					end[a-lo] = at
					if h == 0 {
						at += uint32(count[a] - late[a])
					} else {
						at += uint32(late[a])
					}
				}
				start := append(bucketStart[h][:0], end...)
				for d := h * mid; d < mid+h*(len(unitOf)-mid); d++ {
					each(d, func(a, b uint32) {
						if int(a) >= lo && int(a) < hi {
							buf[end[int(a)-lo]] = uint64(int(a)-lo)<<(foldBits+docBits) | uint64(b)<<docBits | uint64(d)
							end[int(a)-lo]++
						}
					})
				}
				for k, from := range start {
					slices.Sort(buf[from:end[k]])
				}
				halves[h], bucketEnd[h], bucketStart[h] = buf, end, start
			}()
		}
		wg.Wait()
		x, y := halves[0], halves[1]
		for len(x) > 0 || len(y) > 0 {
			from := &x
			if len(x) == 0 || len(y) > 0 && y[0] < x[0] {
				from = &y
			}
			b := *from
			j := 1
			for j < len(b) && b[j] == b[0] {
				j++
			}
			take(lo, b[0], j)
			*from = b[j:]
		}
		if len(docs) > 0 {
			pi.add(docs, freqs)
			docs, freqs = docs[:0], freqs[:0]
		}
		prevPair = ^uint64(0)
		lo = hi
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("index: pairs: %w", err)
		}
	}
	pi.first = make([]uint32, len(foldOf)+1)
	for a, n := range perFirst {
		pi.first[a+1] = pi.first[a] + n
	}
	// Copied to their length: grown by appending, up to half of each
	// would be room never used.
	pi.second, pi.start, pi.data = slices.Clone(pi.second), slices.Clone(pi.start), slices.Clone(pi.data)
	pi.fold = foldOf
	ix.pairs = pi
	// The common pairs, by count, for retrieval to leave to re-ranking.
	ix.commonPairs = map[string]int{}
	limit := ix.commonDF()
	for a := 1; a+1 < len(pi.first); a++ {
		for p := pi.first[a]; p < pi.first[a+1]; p++ {
			if n := int(pi.countAt(pi.start[p])); n >= limit {
				ix.commonPairs[foldOf[a]+" "+foldOf[pi.second[p]]] = n
			}
		}
	}
	return nil
}

// atoiBytes reads a unit's document ID.
func atoiBytes(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// lookup gives where the postings of pair ("a b", folded) are in data;
// ok is false when no unit writes it.
func (pi *pairIndex) lookup(pair string) (at uint32, ok bool) {
	if pi == nil {
		return 0, false
	}
	a, b, cut := strings.Cut(pair, " ")
	if !cut {
		return 0, false
	}
	fa, ok1 := pi.foldID[a]
	fb, ok2 := pi.foldID[b]
	if !ok1 || !ok2 || fa == 0 || fb == 0 {
		return 0, false
	}
	lo, hi := pi.first[fa], pi.first[fa+1]
	k, found := slices.BinarySearch(pi.second[lo:hi], fb)
	if !found {
		return 0, false
	}
	return pi.start[lo+uint32(k)], true
}

// count is how many units write pair.
func (pi *pairIndex) count(pair string) uint64 {
	at, ok := pi.lookup(pair)
	if !ok {
		return 0
	}
	return uint64(pi.countAt(at))
}

// pairQuery finds the units writing a folded pair, scored as bleve's
// TermQuery on the bigram field scored them.
type pairQuery struct {
	pi    *pairIndex
	pair  string
	boost float64
}

func (q *pairQuery) Searcher(_ context.Context, i bindex.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	if q.pi == nil {
		return nil, errors.New("index: pairs: none made")
	}
	return searchTerm(&q.pi.postings, q.pi.lookup, q.pair, "bigram", q.boost, i, options)
}

// Initials the corpus spells out. A short form typed in capitals that
// neither the glossary nor the corpus knows ("DTTS", "ĐBKK", "HKTT") is
// often the initials of words the articles write out in small letters
// ("dân tộc thiểu số", "đặc biệt khó khăn", "hộ khẩu thường trú"), which
// the names inferred from capitalised phrases never see. spelledRun
// follows the pairs: runs of Vietnamese syllables, one for each letter,
// each pair of them written by at least minSpelled units; the run whose
// rarest pair is written most is the reading, if it is clearly the most
// written one.

// minSpelled is how many units must write each pair of a spelled run.
const minSpelled = 2

// maxSpelledWork bounds the pairs a run search visits.
const maxSpelledWork = 1 << 20

// spelledRun is the run of folded syllables whose initials are short
// (folded letters), or nil.
func (pi *pairIndex) spelledRun(short string) []string {
	if pi == nil || len(short) < 3 || len(short) > 6 || !isLetters(short) {
		return nil
	}
	type run struct {
		ids []uint32
		min uint32
	}
	var frontier []run
	for id := 1; id < len(pi.fold); id++ {
		if f := pi.fold[id]; f[0] == short[0] && syllableRe.MatchString(f) && !stopFolded[f] {
			frontier = append(frontier, run{ids: []uint32{uint32(id)}, min: ^uint32(0)})
		}
	}
	work := 0
	for k := 1; k < len(short) && len(frontier) > 0; k++ {
		var next []run
		for _, r := range frontier {
			a := r.ids[len(r.ids)-1]
			for p := pi.first[a]; p < pi.first[a+1]; p++ {
				if work++; work > maxSpelledWork {
					return nil
				}
				b := pi.second[p]
				f := pi.fold[b]
				if f[0] != short[k] || !syllableRe.MatchString(f) {
					continue
				}
				n := pi.countAt(pi.start[p])
				if n < minSpelled {
					continue
				}
				next = append(next, run{ids: append(slices.Clip(r.ids), b), min: min(r.min, uint32(n))})
			}
		}
		frontier = next
	}
	var best, second uint32
	var out []string
	for _, r := range frontier {
		if last := pi.fold[r.ids[len(r.ids)-1]]; stopFolded[last] {
			continue
		}
		switch {
		case r.min > best:
			best, second = r.min, best
			out = out[:0]
			for _, id := range r.ids {
				out = append(out, pi.fold[id])
			}
		case r.min > second:
			second = r.min
		}
	}
	if best < minSpelled || best < 2*second {
		return nil
	}
	return out
}
