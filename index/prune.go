package index

import (
	"container/heap"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/search/scorer"
)

// Retrieval that skips what cannot reach the best. A question made only of
// the commonest words ("và", "của", "xã", and their pairs) has no rare
// term to leave the others to re-ranking (buildQuery), so every posting of
// every word was summed: at 100,000 articles (three million units) such a
// question cost 15–180 ms of CPU, 1.4% of the questions and the whole of
// p99. The best size documents of such a query are found here document at
// a time with MaxScore (Turtle and Flood 1995): each clause of the root
// disjunction has an upper bound of what it can add to a document, and
// the clauses whose bounds together cannot lift a document to the score of
// the size-th best found so far are not walked for new documents — their
// cursors only jump (by the skip tables) to the documents the other
// clauses bring. A document whose bound, with what the walked clauses
// gave it, stays below that score is not scored at all.
//
// The answers are those of eval to the bit: every document that can enter
// the best is scored by the same formulas, its clauses summed in the
// clauses' order as the accumulators summed them; the bounds are made
// with the same operations as the scores (so rounding keeps them above)
// and raised by a margin for sums taken in another order. A document is
// passed over only when its bound is strictly below the worst of the
// best, so ties are kept as retrieve keeps them (by unit).
// TestPrunedAsEval compares the two.

// pruneMin is the number of postings of a query from which retrieve prunes:
// below it the accumulators sum every posting, which costs little there,
// and most questions keep the path measured since it was written.
var pruneMin uint64 = 1 << 15

// pruneSeen, when set (by tests), is told of each pruned retrieval: the
// documents scored, those passed over by their bound, and the clauses
// left unwalked at the end.
var pruneSeen func(scored, passed, unwalked int)

// boundMargin raises every bound past the rounding of sums in another
// order.
const boundMargin = 1 + 1e-9

// listBound is the greatest sqrt(freq)·norm of a list with a skip table:
// at is where the list starts in data, tn rounded up to a float32.
type listBound struct {
	at uint32
	tn float32
}

// tfNorm is sqrt(freq)·norm as scoreTerm computes it.
func tfNorm(freq uint32, norm float32) float64 {
	var tf float64
	if freq < scorer.MaxSqrtCache {
		tf = scorer.SqrtCache[int(freq)]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	return tf * float64(norm)
}

// keepBound records mx, the greatest tfNorm of the list just added at at.
func (p *postings) keepBound(at uint32, mx float64) {
	f := float32(mx)
	if float64(f) < mx {
		f = math.Nextafter32(f, float32(math.Inf(1)))
	}
	p.bounds = append(p.bounds, listBound{at, f})
}

// boundAt is the bound of the list at at; ok is false for a list read
// whole (no skip table).
func (p *postings) boundAt(at uint32) (float64, bool) {
	k, found := slices.BinarySearchFunc(p.bounds, at, func(b listBound, at uint32) int {
		switch {
		case b.at < at:
			return -1
		case b.at > at:
			return 1
		}
		return 0
	})
	if !found {
		return 0, false
	}
	return float64(p.bounds[k].tn), true
}

// endDoc is a cursor past its last document.
const endDoc = math.MaxUint32

// cursor walks what a qnode matches, document by document.
type cursor struct {
	n   *qnode
	ix  *Index
	doc uint32 // the current document, endDoc past the last
	// A term: its postings being read.
	s    postingSearcher
	freq uint32
	// A disjunction's or conjunction's children (a conjunction's kind
	// is read from the units, its other child walked).
	kids []*cursor
	ks   float64 // a conjunction's kind term's score
}

func (ix *Index) newCursor(n *qnode) *cursor {
	c := &cursor{n: n, ix: ix, doc: endDoc}
	switch n.op {
	case opTerm:
		if !n.ok {
			return c
		}
		c.s = postingSearcher{p: n.p}
		c.s.count, c.s.table = uvarint(n.p.data, n.at)
		c.s.skips = (c.s.count - 1) / skipEvery
		c.s.base = c.s.table + 8*c.s.skips
		c.s.pos = c.s.base
		c.next()
	case opOr:
		for _, k := range n.children {
			c.kids = append(c.kids, ix.newCursor(k))
		}
		c.least()
	case opAnd:
		c.ks = scoreTerm(1, 1, n.children[0])
		c.kids = []*cursor{ix.newCursor(n.children[1])}
		c.kinded()
	}
	return c
}

// least sets a disjunction's document: its children's first.
func (c *cursor) least() {
	c.doc = endDoc
	for _, k := range c.kids {
		c.doc = min(c.doc, k.doc)
	}
}

// kinded moves a conjunction's child to its first document of the kind.
func (c *cursor) kinded() {
	r := c.kids[0]
	kind := c.n.children[0].kind
	for r.doc != endDoc {
		if u := c.ix.unitOf[r.doc]; u != noUnit && c.ix.units[u].kind.Kind() == kind {
			break
		}
		r.next()
	}
	c.doc = r.doc
}

// next moves to the next document.
func (c *cursor) next() {
	switch c.n.op {
	case opTerm:
		d, f, ok := c.s.next()
		if !ok {
			c.doc = endDoc
			return
		}
		c.doc, c.freq = d, f
	case opOr:
		d := c.doc
		for _, k := range c.kids {
			if k.doc == d {
				k.next()
			}
		}
		c.least()
	case opAnd:
		c.kids[0].next()
		c.kinded()
	}
}

// advance moves to the first document at or after want.
func (c *cursor) advance(want uint32) {
	if c.doc >= want {
		return
	}
	switch c.n.op {
	case opTerm:
		s := &c.s
		s.skipTo(want)
		for {
			d, f, ok := s.next()
			if !ok {
				c.doc = endDoc
				return
			}
			if d >= want {
				c.doc, c.freq = d, f
				return
			}
		}
	case opOr:
		for _, k := range c.kids {
			k.advance(want)
		}
		c.least()
	case opAnd:
		c.kids[0].advance(want)
		c.kinded()
	}
}

// score is the current document's score, as eval emits it.
func (c *cursor) score() float64 {
	switch c.n.op {
	case opTerm:
		return scoreTerm(uint64(c.freq), float64(c.s.p.normOf(c.doc)), c.n)
	case opOr:
		var sum float64
		count := 0
		for _, k := range c.kids {
			if k.doc == c.doc {
				sum += k.score()
				count++
			}
		}
		return sum * (float64(count) / float64(len(c.kids)))
	}
	return c.ks + c.kids[0].score()
}

// upper is at most what n scores any document (before the margin).
func (n *qnode) upper() float64 {
	switch n.op {
	case opTerm:
		if !n.ok {
			return 0
		}
		tn, ok := n.p.boundAt(n.at)
		if !ok {
			return math.Inf(1)
		}
		score := tn * n.idf
		if n.weight != 1.0 {
			score = score * n.weight
		}
		return score
	case opOr:
		// Its children's sum, times a share of them at most 1.
		var sum float64
		for _, c := range n.children {
			sum += c.upper()
		}
		return sum
	}
	return scoreTerm(1, 1, n.children[0]) + n.children[1].upper()
}

// pruned gives the size best documents of the disjunction root to emit
// (size > 0), as eval over root would, by MaxScore.
func (e *evaluator) pruned(root *qnode, size int, h *hitHeap) {
	ix := e.ix
	total := float64(len(root.children))
	kids := make([]*cursor, len(root.children))
	up := make([]float64, len(kids))
	for i, n := range root.children {
		kids[i] = ix.newCursor(n)
		up[i] = n.upper() * boundMargin
	}
	// The clauses by bound, least first; the first skipped of them are
	// not walked for new documents: together they cannot lift one
	// above the worst of the best (their sum times the share of the
	// clauses they are).
	by := make([]int, len(kids))
	for i := range by {
		by[i] = i
	}
	slices.SortStableFunc(by, func(a, b int) int {
		switch {
		case up[a] < up[b]:
			return -1
		case up[a] > up[b]:
			return 1
		}
		return 0
	})
	// raw[j]: the j least clauses' bounds summed; prefix[j]: the bound
	// of a document in those only.
	raw := make([]float64, len(by)+1)
	prefix := make([]float64, len(by)+1)
	for j, i := range by {
		raw[j+1] = raw[j] + up[i]
		prefix[j+1] = raw[j+1] * (float64(j+1) / total) * boundMargin
	}
	skipped := 0
	theta := math.Inf(-1) // the worst of the best, once size are found
	scored, passed := 0, 0
	if pruneSeen != nil {
		defer func() { pruneSeen(scored, passed, skipped) }()
	}
	for {
		d := uint32(endDoc)
		for _, i := range by[skipped:] {
			d = min(d, kids[i].doc)
		}
		if d == endDoc {
			return
		}
		// What the walked clauses give d, and the most the others can.
		if len(*h) == size {
			s, m := 0.0, 0
			for _, i := range by[skipped:] {
				if kids[i].doc == d {
					s += kids[i].score()
					m++
				}
			}
			s += raw[skipped]
			if s*(float64(m+skipped)/total)*boundMargin < theta {
				passed++
				for _, i := range by[skipped:] {
					if kids[i].doc == d {
						kids[i].next()
					}
				}
				continue
			}
		}
		scored++
		var s float64
		m := 0
		for _, k := range kids {
			k.advance(d)
			if k.doc == d {
				s += k.score()
				m++
			}
		}
		x := hit{doc: d, unit: int(ix.unitOf[d]), score: s * (float64(m) / total)}
		if len(*h) < size {
			heap.Push(h, x)
		} else if worse((*h)[0], x) {
			(*h)[0] = x
			heap.Fix(h, 0)
		}
		if len(*h) == size {
			theta = (*h)[0].score
			for skipped < len(by) && prefix[skipped+1] < theta {
				skipped++
			}
		}
		for _, i := range by[skipped:] {
			if kids[i].doc == d {
				kids[i].next()
			}
		}
	}
}
