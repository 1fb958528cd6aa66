package index

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
)

// Retrieval a term at a time. bleve evaluates the query buildQuery makes
// a document at a time: every term's searcher is a cursor, the
// disjunctions keep them in a heap ordered by document (comparing 8-byte
// IDs), and each match is a pooled DocumentMatch sent to a top-N
// collector. That machinery was half a question's CPU. The query is the
// same few shapes every time — a disjunction of syllables, pairs,
// fuzzy words' terms and cited documents, and a kind's conjunction with
// such a disjunction — so it is compiled here into a tree and summed a
// list at a time into per-document accumulators, with bleve's own
// formulas: a term scores sqrt(freq)·norm·idf·queryWeight (queryWeight =
// boost·idf·queryNorm, queryNorm = 1/sqrt of the tree's summed squared
// weights), a disjunction the sum of its matching children times the
// share of its children that match, a conjunction the sum of its
// children, its boost ignored (as bleve ignores it); the best are taken
// by score, ties by document number, as bleve's collector takes them.
// TestEvaluateAsBleve compares every score of every hit with bleve's to
// 1e-12. A query of another shape is left to bleve.

// qnode is a compiled query: a term's postings, a disjunction or a
// conjunction.
type qnode struct {
	op       byte // opTerm, opOr, opAnd
	children []*qnode
	// A term: in our postings (p at at, when ok); a kind's, that kind.
	p      *postings
	at     uint32
	ok     bool
	kind   Kind
	boost  float64
	docs   uint64  // documents holding it
	idf    float64 // as bleve's TermQueryScorer computes it
	weight float64 // boost·idf·queryNorm, once the norm is known
}

const (
	opTerm = iota
	opOr
	opAnd
)

// errShape is a query evaluate does not compile: bleve searches it.
var errShape = errors.New("index: evaluate: a query of another shape")

// compile turns q into a tree over the snapshot r.
func (ix *Index) compile(ctx context.Context, q query.Query, total uint64) (*qnode, error) {
	term := func(p *postings, at uint32, ok bool, boost float64) *qnode {
		n := &qnode{op: opTerm, p: p, at: at, ok: ok, boost: boost}
		if ok {
			n.docs = uint64(p.countAt(at))
		}
		n.setIDF(total)
		return n
	}
	var n *qnode
	switch q := q.(type) {
	case *textQuery:
		at, ok := q.ti.lookup(q.term)
		n = term(&q.ti.postings, at, ok, q.boost)
	case *pairQuery:
		at, ok := q.pi.lookup(q.pair)
		n = term(&q.pi.postings, at, ok, q.boost)
	case *fuzzyQuery:
		terms, dist, err := q.ti.fuzzyTerms(q.term)
		if err != nil {
			return nil, err
		}
		if len(terms) == 0 || len(terms) == 1 && terms[0] == q.term {
			at, ok := q.ti.lookup(q.term)
			n = term(&q.ti.postings, at, ok, q.boost)
			break
		}
		n = &qnode{op: opOr}
		for k, t := range terms {
			at, ok := q.ti.lookup(t)
			n.children = append(n.children, term(&q.ti.postings, at, ok, q.boost*(1/float64(dist[k]+1))))
		}
	case *keywordQuery:
		if q.f == nil {
			return nil, errShape
		}
		at, ok := q.f.lookup(q.value)
		n = term(&q.f.postings, at, ok, q.boost)
		n.kind = Kind(q.value)
	case *query.DisjunctionQuery:
		if q.Min != 0 || len(q.Disjuncts) == 0 {
			return nil, errShape
		}
		n = &qnode{op: opOr}
		var err error
		if n.children, err = ix.compileAll(ctx, q.Disjuncts, total); err != nil {
			return nil, err
		}
	case *query.ConjunctionQuery:
		// A kind's term and what else: the kind is read from the units.
		if len(q.Conjuncts) != 2 {
			return nil, errShape
		}
		k, ok := q.Conjuncts[0].(*keywordQuery)
		if !ok || k.f == nil || k.f.name != fieldKind {
			return nil, errShape
		}
		n = &qnode{op: opAnd}
		var err error
		if n.children, err = ix.compileAll(ctx, q.Conjuncts, total); err != nil {
			return nil, err
		}
	default:
		return nil, errShape
	}
	return n, nil
}

// compileAll compiles the children of a disjunction or conjunction.
func (ix *Index) compileAll(ctx context.Context, qs []query.Query, total uint64) ([]*qnode, error) {
	out := make([]*qnode, 0, len(qs))
	for _, c := range qs {
		cn, err := ix.compile(ctx, c, total)
		if err != nil {
			return nil, err
		}
		out = append(out, cn)
	}
	return out, nil
}

// setIDF is idf as TermQueryScorer.computeIDF computes it (tf-idf).
func (n *qnode) setIDF(total uint64) {
	n.idf = 1.0 + math.Log(float64(total)/float64(n.docs+1.0))
}

// sumWeights is bleve's Weight of a searcher: a term's (boost·idf)², a
// disjunction's or conjunction's the sum of its children's, in order.
func (n *qnode) sumWeights() float64 {
	if n.op == opTerm {
		w := n.boost * n.idf
		return w * w
	}
	var rv float64
	for _, c := range n.children {
		rv += c.sumWeights()
	}
	return rv
}

// setNorm gives every term its query weight.
func (n *qnode) setNorm(qnorm float64) {
	if n.op == opTerm {
		n.weight = n.boost * n.idf * qnorm
		return
	}
	for _, c := range n.children {
		c.setNorm(qnorm)
	}
}

// accum sums the scores of one disjunction's children per document, in a
// table of open addressing (linear probing) sized to the documents its
// children can give. It was an array of every document (12 bytes each:
// 3.6 MB at 10,000 articles, six of them kept); a question's
// disjunction reaches about one document in twenty, so the arrays were
// most of a serving process's heap beyond the index, and cold.
//
// The sums are the arrays' to the bit: each document's score starts at
// zero and adds its children's scores in the children's order, and seen
// gives the documents in the order they first came.
type accum struct {
	slots []accumSlot
	seen  []uint32 // the slots taken, in the order their documents came
	shift uint32   // 32 - log2(len(slots))
}

// accumSlot is one document's sum: one cache line's read for an add, where
// the arrays took two.
type accumSlot struct {
	key   uint32 // 1 + the document; 0 for none
	count int32
	score float64
}

// minAccumSlots is the smallest table made.
const minAccumSlots = 1 << 10

// newAccum makes a table for about docs documents, at most three
// quarters full.
func newAccum(docs uint64) *accum {
	a := &accum{}
	a.alloc(accumSlots(docs))
	return a
}

// accumSlots is the table size for docs documents: a power of two at
// least 4/3 of them.
func accumSlots(docs uint64) int {
	n := minAccumSlots
	for uint64(n)*3/4 <= docs {
		n *= 2
	}
	return n
}

func (a *accum) alloc(slots int) {
	a.slots = make([]accumSlot, slots)
	a.shift = 32 - uint32(bits.TrailingZeros(uint(slots)))
}

// slot is where key k is in the table, or the empty slot it would take.
func (a *accum) slot(k uint32) uint32 {
	mask := uint32(len(a.slots) - 1)
	i := (k * 0x9E3779B1) >> a.shift
	for a.slots[i].key != k && a.slots[i].key != 0 {
		i = (i + 1) & mask
	}
	return i
}

func (a *accum) add(d uint32, s float64) {
	i := a.slot(d + 1)
	if a.slots[i].key == 0 {
		if len(a.seen) >= len(a.slots)/4*3 {
			a.grow()
			i = a.slot(d + 1)
		}
		a.slots[i].key = d + 1
		a.seen = append(a.seen, i)
	}
	a.slots[i].score += s
	a.slots[i].count++
}

// grow doubles the table, keeping each document's sum and their order.
func (a *accum) grow() {
	old := a.slots
	a.alloc(2 * len(old))
	for j, i := range a.seen {
		n := a.slot(old[i].key)
		a.slots[n] = old[i]
		a.seen[j] = n
	}
}

// bound is at most how many documents n gives.
func (n *qnode) bound() uint64 {
	switch n.op {
	case opTerm:
		return n.docs
	case opAnd:
		return n.children[1].bound()
	}
	var b uint64
	for _, c := range n.children {
		b += c.bound()
	}
	return b
}

// evaluator holds a search's accumulators, one per level of the tree.
type evaluator struct {
	ix   *Index
	free []*accum
	docs int
}

// accums keeps an index's accumulators between searches, as allocating
// them for every search (a sync.Pool is emptied by every collection) was
// most of retrieve's cost at 10,000 articles. A search takes one per
// level of its tree (three at most); keptAccums are kept, each no larger
// than keptSlots for the index's documents.
type accums struct {
	mu   sync.Mutex
	free []*accum
}

const keptAccums = 6

// keptSlots is the largest table kept between searches: for a quarter of
// the documents, 16 bytes a slot where the arrays took 12 a document.
func keptSlots(docs int) int { return accumSlots(uint64(docs) / 4) }

// get is an empty accumulator for about docs documents.
func (e *evaluator) get(docs uint64) *accum {
	docs = min(docs, uint64(e.docs))
	a := e.take()
	if a == nil {
		return newAccum(docs)
	}
	if uint64(len(a.slots))*3/4 <= docs {
		a.alloc(accumSlots(docs))
	}
	return a
}

// take is one of the search's free accumulators, or one the index kept;
// nil if neither has one.
func (e *evaluator) take() *accum {
	if n := len(e.free); n > 0 {
		a := e.free[n-1]
		e.free = e.free[:n-1]
		return a
	}
	pool := &e.ix.accums
	pool.mu.Lock()
	defer pool.mu.Unlock()
	if n := len(pool.free); n > 0 {
		a := pool.free[n-1]
		pool.free = pool.free[:n-1]
		return a
	}
	return nil
}

// done hands the search's accumulators back to the index.
func (e *evaluator) done() {
	pool := &e.ix.accums
	pool.mu.Lock()
	defer pool.mu.Unlock()
	for _, a := range e.free {
		if len(pool.free) < keptAccums && len(a.slots) <= keptSlots(e.docs) {
			pool.free = append(pool.free, a)
		}
	}
	e.free = nil
}

func (e *evaluator) put(a *accum) {
	for _, i := range a.seen {
		a.slots[i] = accumSlot{}
	}
	a.seen = a.seen[:0]
	e.free = append(e.free, a)
}

// eval gives each document n matches, once, with its score.
func (e *evaluator) eval(n *qnode, emit func(d uint32, s float64)) error {
	switch n.op {
	case opTerm:
		return e.term(n, emit)
	case opOr:
		a := e.get(n.bound())
		for _, c := range n.children {
			if err := e.eval(c, a.add); err != nil {
				return err
			}
		}
		total := float64(len(n.children))
		for _, i := range a.seen {
			sl := &a.slots[i]
			emit(sl.key-1, sl.score*(float64(sl.count)/total))
		}
		e.put(a)
		return nil
	case opAnd:
		// The kind's term (a keyword, once per unit: frequency 1, norm
		// 1) and the other child; bleve sums the two.
		k, rest := n.children[0], n.children[1]
		kind := k.kind
		ks := scoreTerm(1, 1, k)
		return e.eval(rest, func(d uint32, s float64) {
			if u := e.ix.unitOf[d]; u != noUnit && e.ix.units[u].kind.Kind() == kind {
				emit(d, ks+s)
			}
		})
	}
	return nil
}

// scoreTerm is bleve's TermQueryScorer.Score.
func scoreTerm(freq uint64, norm float64, n *qnode) float64 {
	var tf float64
	if freq < scorer.MaxSqrtCache {
		tf = scorer.SqrtCache[int(freq)]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	score := tf * norm * n.idf
	if n.weight != 1.0 {
		score = score * n.weight
	}
	return score
}

func (e *evaluator) term(n *qnode, emit func(d uint32, s float64)) error {
	if !n.ok {
		return nil
	}
	s := postingSearcher{p: n.p}
	s.count, s.table = uvarint(n.p.data, n.at)
	s.skips = (s.count - 1) / skipEvery
	s.base = s.table + 8*s.skips
	s.pos = s.base
	for {
		d, f, ok := s.next()
		if !ok {
			return nil
		}
		emit(d, scoreTerm(uint64(f), float64(n.p.normOf(d)), n))
	}
}

// hit is a retrieved unit and its engine score.
type hit struct {
	unit  int
	doc   uint32
	score float64
}

// hitHeap keeps the best hits with the worst on top.
type hitHeap []hit

func (h hitHeap) Len() int { return len(h) }

// worse orders by score, and among equal scores the later unit is worse.
// Not the later document, as bleve's collector does: a document's number
// is where its segment landed, and the batches of a parallel build land in
// the order they finish, so ties at the cut kept different units from run
// to run (the third hit of a real question changed between runs of one
// binary).
func worse(a, b hit) bool { return a.score < b.score || a.score == b.score && a.unit > b.unit }

func (h hitHeap) Less(i, j int) bool { return worse(h[i], h[j]) }
func (h hitHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)        { *h = append(*h, x.(hit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// retrieve gives the size best units for q, best first, a term at a time;
// errShape when q is of a shape it does not compile.
func (ix *Index) retrieve(ctx context.Context, q query.Query, size int) ([]hit, error) {
	if ix.terms == nil || ix.unitOf == nil {
		return nil, errShape
	}
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index: retrieve: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("index: retrieve: %w", err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, errShape
	}
	for _, p := range []*postings{&ix.terms.postings, &ix.pairs.postings, &ix.keywords.kind.postings, &ix.keywords.docs.postings} {
		if err := p.madeFor(snap); err != nil {
			return nil, fmt.Errorf("index: retrieve: %w", err)
		}
	}
	total, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("index: retrieve: %w", err)
	}
	root, err := ix.compile(ctx, q, total)
	if err != nil {
		return nil, err
	}
	if root.op != opOr {
		return nil, errShape
	}
	root.setNorm(1.0 / math.Sqrt(root.sumWeights()))
	e := &evaluator{ix: ix, docs: len(ix.unitOf)}
	h := make(hitHeap, 0, size+1)
	if size > 0 && root.bound() >= pruneMin {
		e.pruned(root, size, &h)
		return h.best(), nil
	}
	err = e.eval(root, func(d uint32, s float64) {
		x := hit{doc: d, unit: int(ix.unitOf[d]), score: s}
		if len(h) < size {
			heap.Push(&h, x)
		} else if size > 0 && worse(h[0], x) {
			h[0] = x
			heap.Fix(&h, 0)
		}
	})
	e.done()
	if err != nil {
		return nil, fmt.Errorf("index: retrieve: %w", err)
	}
	return h.best(), nil
}

// best empties h, best first.
func (h *hitHeap) best() []hit {
	out := make([]hit, len(*h))
	for k := len(out) - 1; k >= 0; k-- {
		out[k] = heap.Pop(h).(hit)
	}
	return out
}
