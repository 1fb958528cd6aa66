package index

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/kyanhbot/kyanhbot/content"
)

// Live is the index the bot serves from: it can be rebuilt from new content
// and swapped in while questions are being answered.
//
// The swap replaces a whole *Index — the bleve index together with the units
// and facts it was built from — under one pointer, rather than swapping only
// the bleve part with bleve's IndexAlias: re-ranking reads the units by
// number, so both halves must change in the same instant. Like
// IndexAlias.Swap, swapping does not close the old index by itself; Live
// closes it once the searches that were using it have finished.
//
// A corpus whose text is mapped (content.Corpus.CompactMapped) is unmapped
// when its index is replaced, once nothing can read its strings: the old
// index's searches have finished and so have the holds (Hold) taken before
// the swap. Live owns the mapped text of the corpora it is given.
type Live struct {
	mu   sync.RWMutex
	cur  *Index
	opts BuildOptions
	wg   sync.WaitGroup // background closes of replaced indexes

	// holds counts the Holds taken in each epoch; a swap starts a new
	// epoch, and a replaced corpus is unmapped once no hold of its epoch
	// or an earlier one remains: a hold taken after the swap can only see
	// the new index.
	holdMu sync.Mutex
	holdC  *sync.Cond
	epoch  uint64
	holds  map[uint64]int

	// searching bounds the searches running at once (searchSlots); the
	// others wait their turn. A bot answers each chat on its own
	// goroutine, and a burst of questions from 200 chats ran 200 searches
	// at once: each holds its candidates and their scores while the
	// cores, shared, finish none of them sooner, and a 10,000-article
	// serve's RSS rose 280 → 760 MB at the burst's start (GOGC 25) where
	// questions asked one after the other keep it near what is live.
	searching chan struct{}
	busy      atomic.Int32 // searches running, and the most seen (tests)
	busyMax   atomic.Int32
}

// searchSlots is how many searches Live runs at once: a search is CPU
// work, so more than the cores only adds their working sets to the heap.
func searchSlots() int { return 2 * runtime.GOMAXPROCS(0) }

// NewLive serves ix until the next Swap or Reload. Later reloads build with opts.
func NewLive(ix *Index, opts BuildOptions) *Live {
	l := &Live{cur: ix, opts: opts, holds: map[uint64]int{}, searching: make(chan struct{}, searchSlots())}
	l.holdC = sync.NewCond(&l.holdMu)
	return l
}

// Hold keeps the text of every corpus served from now until release is
// called readable: strings of search results and of Corpus may be used
// until then (a bot holds while it answers a message and renders the
// reply). release may be called once.
func (l *Live) Hold() (release func()) {
	l.holdMu.Lock()
	e := l.epoch
	l.holds[e]++
	l.holdMu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			l.holdMu.Lock()
			if l.holds[e]--; l.holds[e] == 0 {
				delete(l.holds, e)
				l.holdC.Broadcast()
			}
			l.holdMu.Unlock()
		})
	}
}

// waitHolds waits until no hold of epoch e or earlier remains.
func (l *Live) waitHolds(e uint64) {
	l.holdMu.Lock()
	defer l.holdMu.Unlock()
	for {
		busy := false
		for he := range l.holds {
			if he <= e {
				busy = true
				break
			}
		}
		if !busy {
			return
		}
		l.holdC.Wait()
	}
}

// acquire returns the current index, held until release.
func (l *Live) acquire() (*Index, error) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.cur == nil || !l.cur.refs.acquire() {
		return nil, fmt.Errorf("index: %w", ErrClosed)
	}
	return l.cur, nil
}

// Search answers from the index current when the call starts. At most
// searchSlots searches run at once; the others wait, or return ctx's
// error if it ends first.
func (l *Live) Search(ctx context.Context, question string, opts Options) (Result, error) {
	select {
	case l.searching <- struct{}{}:
	case <-ctx.Done():
		return Result{Question: question}, fmt.Errorf("index: waiting to search: %w", ctx.Err())
	}
	defer func() { <-l.searching }()
	for n, m := l.busy.Add(1), l.busyMax.Load(); n > m && !l.busyMax.CompareAndSwap(m, n); m = l.busyMax.Load() {
	}
	defer l.busy.Add(-1)
	ix, err := l.acquire()
	if err != nil {
		return Result{Question: question}, err
	}
	defer ix.refs.release()
	return ix.search(ctx, question, opts)
}

// Corpus is the corpus of the current index.
func (l *Live) Corpus() *content.Corpus {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.cur == nil {
		return &content.Corpus{}
	}
	return l.cur.corpus
}

// Stats describe the current index.
func (l *Live) Stats() Stats {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if l.cur == nil {
		return Stats{}
	}
	return l.cur.stats
}

// Reload builds an index of c and swaps it in. If the build fails, the old
// index goes on serving and the error is returned. A build whose estimated
// size does not fit in the memory limit beside the serving index is not
// started: the error wraps ErrTooLarge (a *MemoryError says by how much),
// since running out of memory would stop the old index too.
func (l *Live) Reload(ctx context.Context, c *content.Corpus) (Stats, error) {
	if err := checkFits(c, l.opts); err != nil {
		return Stats{}, fmt.Errorf("index: reload: %w", err)
	}
	ix, err := Build(ctx, c, l.opts)
	if err != nil {
		return Stats{}, fmt.Errorf("index: reload: %w", err)
	}
	l.Swap(ix)
	return ix.stats, nil
}

// Swap makes ix current. The old index is closed in the background once the
// searches still using it finish, and its corpus's mapped text (if it has
// one that ix does not share) unmapped once the holds taken before the
// swap are released too.
func (l *Live) Swap(ix *Index) {
	l.mu.Lock()
	old := l.cur
	l.cur = ix
	// Under mu: a hold of the new epoch cannot have seen old.
	l.holdMu.Lock()
	retired := l.epoch
	l.epoch++
	l.holdMu.Unlock()
	l.mu.Unlock()
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		if old != nil {
			_ = old.Close()
			if old.corpus.Mapped() && (ix == nil || ix.corpus != old.corpus) {
				l.waitHolds(retired)
				_ = old.corpus.Unmap()
			}
		}
		// The old index, and the garbage of the new one's last steps
		// (the terms and pairs; Build hands memory back only between
		// its earlier steps), are handed back to the system now: left
		// to the scavenger, serve at 10,000 synthetic articles kept
		// 450 MB resident after a reload against 200 MB for the index
		// live (docs/performance.md, "serve's memory"). One forced
		// collection a reload.
		debug.FreeOSMemory()
	}()
}

// Close closes the current index and waits for replaced ones to close.
func (l *Live) Close() error {
	l.mu.Lock()
	cur := l.cur
	l.cur = nil
	l.mu.Unlock()
	l.wg.Wait()
	if cur != nil {
		return cur.Close()
	}
	return nil
}
