package index

import (
	"slices"
	"strings"
	"sync"
)

// vocab numbers the words of the units' normalised text (lower case,
// canonical tones: lowerNormalize), so that a unit keeps its words as a
// string of varint numbers instead of a copy of its text. A corpus writes a
// few tens of thousands of distinct words, each thousands of times: at
// 10,000 synthetic articles the lower-cased copies were 38 MB of the 156 MB
// the index kept, and the numbers take about a third of that. Re-ranking
// reads each candidate's words already split and folded, which also saves
// the splitting and the fold cache's lock per word and candidate.
type vocab struct {
	mu   sync.Mutex        // held while a batch numbers its words
	ids  map[string]uint32 // dropped once the build is done
	word []string          // number → the word as written in the normalised text
	fold []string          // number → foldSyllable(word)
}

func newVocab() *vocab { return &vocab{ids: map[string]uint32{}} }

// encode numbers the words of each normalised text and returns each text's
// numbers as a slice of one shared string. Numbers are handed out in the
// order words are first seen, so the commonest words, seen first, take one
// byte.
//
// It returns too the words' folded forms by number, as they were when it
// was done: every number in its texts is in it, and another batch's
// encode only appends past its end, so it is read without the lock.
func (v *vocab) encode(norms []string) (words []string, folds []string) {
	// The texts' words, split before the lock and one after the other in
	// a slice kept for the next batch: a slice a text was a tenth of a
	// build's allocations.
	sp := splitBuffers.Get().(*[]string)
	split := (*sp)[:0]
	wordEnds := make([]int, len(norms))
	for i, n := range norms {
		eachWord(n, func(w string) { split = append(split, w) })
		wordEnds[i] = len(split)
	}
	buf := make([]byte, 0, 2*len(split))
	ends := make([]int, len(norms))
	v.mu.Lock()
	from := 0
	for i, e := range wordEnds {
		for _, w := range split[from:e] {
			id, ok := v.ids[w]
			if !ok {
				id = uint32(len(v.word))
				w = strings.Clone(w) // not a slice pinning the whole text
				v.ids[w] = id
				v.word = append(v.word, w)
				v.fold = append(v.fold, foldSyllable(w))
			}
			for id >= 0x80 {
				buf = append(buf, byte(id)|0x80)
				id >>= 7
			}
			buf = append(buf, byte(id))
		}
		ends[i] = len(buf)
		from = e
	}
	folds = v.fold
	v.mu.Unlock()
	clear(split) // no text is held between batches
	*sp = split[:0]
	splitBuffers.Put(sp)
	all := string(buf)
	out := make([]string, len(norms))
	from = 0
	for i, e := range ends {
		out[i], from = all[from:e], e
	}
	return out, folds
}

// splitBuffers are encode's slices of words, one a batch being numbered.
var splitBuffers = sync.Pool{New: func() any { return new([]string) }}

// done drops what only a build needs.
func (v *vocab) done() {
	v.ids = nil
	v.word = slices.Clip(v.word)
	v.fold = slices.Clip(v.fold)
}

// next decodes the number of the word at p in enc and returns it with the
// position of the word after it.
func nextWord(enc string, p int) (id uint32, next int) {
	var shift uint
	for {
		b := enc[p]
		p++
		id |= uint32(b&0x7f) << shift
		if b < 0x80 {
			return id, p
		}
		shift += 7
	}
}

// count is how many words enc holds.
func countWords(enc string) int {
	n := 0
	for i := 0; i < len(enc); i++ {
		if enc[i] < 0x80 {
			n++
		}
	}
	return n
}

// folds appends the folded form of each word of enc to dst.
func (v *vocab) folds(dst []string, enc string) []string {
	for p := 0; p < len(enc); {
		var id uint32
		id, p = nextWord(enc, p)
		dst = append(dst, v.fold[id])
	}
	return dst
}

// wordSets are a set of folded words per article (its lead, its title) as
// numbers into one dictionary, instead of a Go map or slice of strings per
// article: the leads' maps alone were 43 MB of the 156 MB kept at 10,000
// synthetic articles.
type wordSets struct {
	dict  *wordDict
	flat  []uint32 // the sets, one after the other
	start []uint32 // set i is flat[start[i]:start[i+1]]
}

// wordDict numbers folded words for the wordSets sharing it.
type wordDict struct {
	ids   map[string]uint32 // folded word → number
	words []string          // number → folded word
}

func newWordSets(d *wordDict, n int) *wordSets {
	return &wordSets{dict: d, start: make([]uint32, 1, n+1)}
}

// add appends the next set: ws sorted and without repeats, or as given
// when keepOrder (a title is read in order).
func (s *wordSets) add(ws []string, keepOrder bool) {
	from := len(s.flat)
	for _, w := range ws {
		id, ok := s.dict.ids[w]
		if !ok {
			w = strings.Clone(w) // not a slice pinning the whole folded paragraph
			id = uint32(len(s.dict.words))
			s.dict.ids[w] = id
			s.dict.words = append(s.dict.words, w)
		}
		s.flat = append(s.flat, id)
	}
	if !keepOrder {
		set := s.flat[from:]
		slices.Sort(set)
		s.flat = append(s.flat[:from], slices.Compact(set)...)
	}
	s.start = append(s.start, uint32(len(s.flat)))
}

// done trims what add grew: a copy, as Clip would keep the whole array
// append last grew (up to a quarter more than the sets, which are kept
// as long as the index).
func (s *wordSets) done() {
	s.flat = slices.Clone(s.flat)
	s.dict.words = slices.Clip(s.dict.words)
}

// set is set i's numbers; nil past the last set.
func (s *wordSets) set(i int) []uint32 {
	if s == nil || i < 0 || i+1 >= len(s.start) {
		return nil
	}
	return s.flat[s.start[i]:s.start[i+1]]
}

// hasSeq reports whether set i, kept in order, holds seq's words one
// after the other, as containsSeq does with strings.
func (s *wordSets) hasSeq(i int, seq []string) bool {
	if len(seq) == 0 {
		return true
	}
	if s == nil {
		return false
	}
	ids := make([]uint32, len(seq))
	for k, w := range seq {
		id, ok := s.dict.ids[w]
		if !ok {
			return false
		}
		ids[k] = id
	}
	set := s.set(i)
	for j := 0; j+len(ids) <= len(set); j++ {
		if slices.Equal(set[j:j+len(ids)], ids) {
			return true
		}
	}
	return false
}

// has reports whether set i, sorted, holds w.
func (s *wordSets) has(i int, w string) bool {
	if s == nil {
		return false
	}
	id, ok := s.dict.ids[w]
	if !ok {
		return false
	}
	_, found := slices.BinarySearch(s.set(i), id)
	return found
}

// titleFolds is article a's title folded, word by word in order.
func (ix *Index) titleFolds(a int) []string {
	ids := ix.titles.set(a)
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = ix.titles.dict.words[id]
	}
	return out
}
