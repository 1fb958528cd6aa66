package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"
)

// postings are the lists of documents writing each of a field's terms
// (the pairs in pairs.go, the syllables in terms.go), with what bleve's
// TermQuery scorer reads of each: the frequency and the document's norm.
//
// A term's list is, in data: its length (a varint); when longer than
// skipEvery, a table of where each later run of skipEvery postings
// starts (the document before it and the run's offset, 4 bytes each, so
// that Advance can search it); then each posting as a varint of the
// document's distance from the one before, shifted left once, its low
// bit set when the frequency follows as a varint (most are 1). A posting
// takes one or two bytes where a document number and a frequency took
// five: at 10,000 articles the text's and the pairs' postings would
// otherwise be about 90 MB of the live heap.
type postings struct {
	data []byte
	norm []float32 // per document: float32(1/sqrt(the field's length)); nil when every one is 1
	// segs are the segments, by id and size, of the snapshot the
	// document numbers belong to: a search in any other is refused.
	segs [][2]uint64
	// bounds are the lists with a skip table by where they start, each
	// with its greatest sqrt(freq)·norm, for pruned retrieval (prune.go).
	bounds []listBound
}

// normOf is document d's norm.
func (p *postings) normOf(d uint32) float32 {
	if p.norm == nil {
		return 1
	}
	return p.norm[d]
}

// skipEvery is how many postings a skip table entry covers: Advance reads
// at most that many varints past the entry it finds.
const skipEvery = 64

// add appends a term's postings (documents ascending, each with its
// frequency) to data.
func (p *postings) add(docs, freqs []uint32) {
	n := len(docs)
	at := uint32(len(p.data))
	mx := 0.0
	p.data = binary.AppendUvarint(p.data, uint64(n))
	table := len(p.data)
	skips := (n - 1) / skipEvery
	for range skips * 8 {
		p.data = append(p.data, 0)
	}
	base := len(p.data)
	prev := uint32(0)
	for k, d := range docs {
		if k > 0 && k%skipEvery == 0 {
			e := table + (k/skipEvery-1)*8
			binary.LittleEndian.PutUint32(p.data[e:], prev)
			binary.LittleEndian.PutUint32(p.data[e+4:], uint32(len(p.data)-base))
		}
		v := uint64(d-prev) << 1
		if freqs[k] != 1 {
			v |= 1
		}
		p.data = binary.AppendUvarint(p.data, v)
		if freqs[k] != 1 {
			p.data = binary.AppendUvarint(p.data, uint64(freqs[k]))
		}
		prev = d
		if skips > 0 {
			mx = max(mx, tfNorm(freqs[k], p.normOf(d)))
		}
	}
	if skips > 0 {
		p.keepBound(at, mx)
	}
}

// countAt is the length of the list at data[at:].
func (p *postings) countAt(at uint32) uint32 {
	n, _ := uvarint(p.data, at)
	return n
}

// uvarint reads the varint at data[at:] (at most 32 bits), and where the
// next thing starts.
func uvarint(data []byte, at uint32) (uint32, uint32) {
	var v uint32
	for shift := uint(0); ; shift += 7 {
		b := data[at]
		at++
		v |= uint32(b&0x7f) << shift
		if b < 0x80 {
			return v, at
		}
	}
}

// errStalePostings: postings are positions in the segments they were made
// from, so any other snapshot would be read wrongly.
var errStalePostings = errors.New("the index changed since its postings were made")

// madeFor returns errStalePostings unless snap holds exactly the segments
// p was made for.
func (p *postings) madeFor(snap *scorch.IndexSnapshot) error {
	segs := snap.Segments()
	if len(segs) != len(p.segs) {
		return errStalePostings
	}
	for k, s := range segs {
		if s.Id() != p.segs[k][0] || s.Segment().Count() != p.segs[k][1] {
			return errStalePostings
		}
	}
	return nil
}

// searcher walks the postings at data[at:] (none when !ok) of term as
// bleve's TermSearcher walks a term's, in the snapshot they were made
// for.
func (p *postings) searcher(i bindex.IndexReader, at uint32, ok bool, term, field string, boost float64, options search.SearcherOptions) (*postingSearcher, error) {
	snap, isSnap := i.(*scorch.IndexSnapshot)
	if !isSnap {
		return nil, fmt.Errorf("searching %T, not a scorch snapshot", i)
	}
	if err := p.madeFor(snap); err != nil {
		return nil, err
	}
	total, err := i.DocCount()
	if err != nil {
		return nil, err
	}
	s := &postingSearcher{p: p}
	if ok {
		s.count, at = uvarint(p.data, at)
		s.table = at
		s.skips = (s.count - 1) / skipEvery
		s.base = at + 8*s.skips
		s.pos = s.base
	}
	s.scorer = scorer.NewTermQueryScorer([]byte(term), field, boost, total, uint64(s.count), 0, options)
	return s, nil
}

// postingSearcher walks one term's postings as bleve's TermSearcher walks
// a term's.
type postingSearcher struct {
	p            *postings
	count        uint32 // postings in the list
	table, skips uint32 // the skip table's offset and entries
	base         uint32 // where the first posting starts
	read         uint32 // postings read
	pos          uint32 // where the next one starts
	prev         uint32 // the last document read
	scorer       *scorer.TermQueryScorer
	tfd          bindex.TermFieldDoc
}

// next reads the next posting; ok is false past the last.
func (s *postingSearcher) next() (doc, freq uint32, ok bool) {
	if s.read >= s.count {
		return 0, 0, false
	}
	v, pos := uvarint(s.p.data, s.pos)
	freq = 1
	if v&1 != 0 {
		freq, pos = uvarint(s.p.data, pos)
	}
	s.pos = pos
	s.read++
	s.prev += v >> 1
	return s.prev, freq, true
}

func (s *postingSearcher) match(ctx *search.SearchContext, d, f uint32) *search.DocumentMatch {
	s.tfd.Reset()
	s.tfd.ID = binary.BigEndian.AppendUint64(s.tfd.ID[:0], uint64(d))
	s.tfd.Freq = uint64(f)
	s.tfd.Norm = float64(s.p.normOf(d))
	return s.scorer.Score(ctx, &s.tfd)
}

func (s *postingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, f, ok := s.next()
	if !ok {
		return nil, nil
	}
	return s.match(ctx, d, f), nil
}

// Advance gives the first posting not yet read whose document is at or
// after id.
func (s *postingSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	want := uint32(0)
	if len(id) == 8 {
		v := binary.BigEndian.Uint64(id)
		if v > math.MaxUint32 {
			s.read = s.count
			return nil, nil
		}
		want = uint32(v)
	}
	s.skipTo(want)
	for {
		d, f, ok := s.next()
		if !ok {
			return nil, nil
		}
		if d >= want {
			return s.match(ctx, d, f), nil
		}
	}
}

// skipTo jumps by the skip table to the last run starting after the one
// being read whose document before it is below want: the posting wanted
// is in it or later. Advance and the pruned retrieval's cursors both seek
// so.
func (s *postingSearcher) skipTo(want uint32) {
	if s.read >= s.count || s.skips == 0 {
		return
	}
	from := s.read / skipEvery // entry e starts run e+1
	data := s.p.data
	entry := func(e uint32) uint32 { return binary.LittleEndian.Uint32(data[s.table+8*e:]) }
	k := uint32(sort.Search(int(s.skips-from), func(j int) bool { return entry(from+uint32(j)) >= want }))
	if k > 0 {
		e := from + k - 1
		s.prev = entry(e)
		s.pos = s.base + binary.LittleEndian.Uint32(data[s.table+8*e+4:])
		s.read = (e + 1) * skipEvery
	}
}

func (s *postingSearcher) Weight() float64            { return s.scorer.Weight() }
func (s *postingSearcher) SetQueryNorm(qnorm float64) { s.scorer.SetQueryNorm(qnorm) }
func (s *postingSearcher) Size() int                  { return 96 + s.scorer.Size() }
func (s *postingSearcher) Count() uint64              { return uint64(s.count) }
func (s *postingSearcher) Min() int                   { return 0 }
func (s *postingSearcher) DocumentMatchPoolSize() int { return 1 }
func (s *postingSearcher) Close() error               { return nil }
