package index

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/kyanhbot/kyanhbot/content"
)

// ErrTooLarge refuses a reload whose index would not fit in the memory the
// process may use beside the index already serving.
var ErrTooLarge = errors.New("index: the new index would not fit in the memory limit")

// MemoryError says by how much a reload would not fit. It wraps ErrTooLarge.
type MemoryError struct {
	Need  int64 // estimated bytes the build takes at its peak
	InUse int64 // live Go heap when the reload was asked, the serving index included
	Limit int64 // the soft memory limit
}

func (e *MemoryError) Error() string {
	return fmt.Sprintf("index: building this content needs about %d MB while %d MB are in use, over the memory limit of %d MB",
		e.Need>>20, e.InUse>>20, e.Limit>>20)
}

func (e *MemoryError) Unwrap() error { return ErrTooLarge }

// Bytes of Go heap per byte of article text at a build's peak, beyond what
// was live before it: what grows with the corpus (the units and what they
// keep, the inferred abbreviations' spans, the term counts, the one merge;
// in memory also the segments), and what each batch in flight holds
// (analysed tokens, the segment being written).
//
// On disk they are measured (docs/performance.md, fifth pass: the bench's
// "peak live heap" row, the live heap at every collection during the
// build): 87 MB at 2,000 synthetic articles (7.3 MB of text) and 241 MB at
// 10,000 (37 MB), that is 5.2 bytes a byte of text plus 49 MB, the two
// 256 KiB batches in flight at 100 bytes a byte. The index keeps about 2
// bytes a byte once built (72 MB at 10,000): the peak is the build's, and
// the guard must refuse a reload by it. 6 left 15% above that slope.
// Measured again in the eighth pass (same row, load 15–27): 30–39 MB at
// 2,000 articles, 138–152 MB at 10,000 — 4.1 bytes a byte of text with
// the batches in flight, no more: 6 made the estimate (270 MB) 1.8–2.0
// times the peak. 5 (235 MB at 10,000) leaves 55% above it, and at
// 100,000 (4.0 bytes a byte beyond the corpus while preparing, seventh
// pass) 25%.
// In memory (30) is the older estimate, not measured again.
const (
	peakPerTextByteDisk   = 5
	peakPerTextByteMemory = 30
	batchPerTextByte      = 100
)

// A build's steps after the cutting need less room than its estimate:
// the units and what they keep are then in use already.
const (
	stepCut     = iota // the cutting, beside the inferred abbreviations' reading
	stepBatches        // the batches: those in flight, and what the units keep growing
	stepMerge          // the merge and the count: their buffers and the term counts
)

// cutPerTextByte is the room the cutting holds, in bytes a byte of text.
// Its live heap beyond what was live before it was 146 MB at 10,000
// synthetic articles (37 MB of text) with the abbreviations' spans in a
// map of pointers, and 64 MB (1.7 bytes a byte) once they were counted in
// two readings (docs/performance.md, seventh pass); about 1.8 times that
// leaves the collector room. It held the whole estimate before (6 bytes a
// byte and the batches in flight), and a reload's RSS at 10,000 peaked
// there, at that room over the serving index. Since the place names are
// read while cutting (session 18) its live heap reaches 2.5 bytes a byte
// (94 MB over 52 at 10,000), and at 3 the collector ran ten times in the
// cutting, five of them in its last two seconds near the limit; at 4 it
// ran six times, and the cutting's RSS (230 MB against 191) stays below
// the batches' and the count's (288 MB).
const cutPerTextByte = 4

// stepRoom is the room a build of c holds the soft limit to, over what is
// in use when the step starts. The cutting: cutPerTextByte. The batches: the batches in flight
// (batchPerTextByte) and 2 bytes a byte of text for what the index
// keeps (it keeps about 2 once built: 72 MB at 10,000 synthetic
// articles). The merge and the count: 1 byte a byte and 64 MB; their
// live heap did not grow past what the batches left (2,000 articles:
// 75 MB live at the merge's start, 75 at most during it, 35 at the
// count). Never more than the whole estimate; in memory, the segments
// grow in the heap with every batch, and the estimate holds throughout.
func stepRoom(c *content.Corpus, o BuildOptions, step int) int64 {
	if o.Path == "" && o.Dir == "" {
		return EstimateBuild(c, o)
	}
	text := textOf(c)
	room := int64(64<<20) + text
	switch step {
	case stepCut:
		room = cutPerTextByte * text
	case stepBatches:
		room = inFlight(text, o)*batchPerTextByte + 2*text
	}
	return min(room, EstimateBuild(c, o))
}

func textOf(c *content.Corpus) int64 {
	var text int64
	for _, a := range c.Articles {
		text += int64(len(a.Title))
		for _, p := range a.Paragraphs {
			text += int64(len(p))
		}
	}
	return text
}

// inFlight is how much text the batches in flight hold at most.
func inFlight(text int64, o BuildOptions) int64 {
	batch := int64(o.BatchBytes)
	if batch <= 0 {
		batch = defaultBatchBytes
	}
	workers := int64(o.Workers)
	if workers <= 0 {
		workers = int64(runtime.GOMAXPROCS(0))
	}
	return min(text, workers*batch)
}

// EstimateBuild is about how many bytes of Go heap building c with o takes at
// its peak, beyond the corpus itself. Memory-mapped segments of an on-disk
// index are not counted: they are page cache, which the kernel reclaims.
func EstimateBuild(c *content.Corpus, o BuildOptions) int64 {
	text := textOf(c)
	kept := int64(peakPerTextByteMemory)
	if o.Path != "" || o.Dir != "" {
		kept = peakPerTextByteDisk
	}
	return text*kept + inFlight(text, o)*batchPerTextByte
}

// memoryLimit is the limit the guard holds reloads to: o.MemoryLimit, else
// the process's soft limit (GOMEMLIMIT or debug.SetMemoryLimit); 0 for none.
func memoryLimit(o BuildOptions) int64 {
	switch {
	case o.MemoryLimit > 0:
		return o.MemoryLimit
	case o.MemoryLimit < 0:
		return 0
	}
	if l := processLimit(); l != math.MaxInt64 {
		return l
	}
	return 0
}

// processLimit is the soft memory limit the process was given: while
// builds hold a tighter one (holdMemory), the one they will restore.
func processLimit() int64 {
	held.Lock()
	defer held.Unlock()
	if held.builds > 0 {
		return held.saved
	}
	return debug.SetMemoryLimit(-1)
}

// While an index is built, the process's soft memory limit is held to what
// was in use when the build started (the index serving, the corpus) plus
// half again the build's estimate, never above a limit already set.
// Without it the collector lets the heap grow to twice everything live:
// a build's garbage (bleve analyses each batch into about a hundred times
// its text) doubled the serving index too, and a 10,000-article reload
// peaked at 1,475 MB of RSS for 444 MB live. Collecting more often costs
// CPU only when the limit comes near what is live, which the margin keeps
// it from: at 2,000 articles the collector's CPU over a build was the same
// (8.5 s held, 9.7 s not, gctrace) and the build's peak RSS 250 → 211 MB,
// a reload's 348 → 286 MB.
var held struct {
	sync.Mutex
	builds int   // builds holding the limit
	saved  int64 // the limit before the first of them
	limit  int64 // what they hold it to, beside saved
}

// buildMargin is how far above a build's estimate the limit is held. The
// estimate is itself above what is live at the build's peak (270 MB
// estimated for 201 MB measured at 10,000 synthetic articles on disk), so
// a limit at it leaves the collector that much room at the peak and
// bounds the build's garbage everywhere else: with half as much again, a
// 10,000-article build's RSS reached 461 MB while it cut the articles,
// with 95–160 MB live (docs/performance.md, sixth pass).
const buildMargin = 1.0

// holdMemory holds the limit for one build needing need bytes; release
// gives the room back, and the last build's release restores the limit.
func holdMemory(need int64) (release func()) {
	held.Lock()
	defer held.Unlock()
	if held.builds == 0 {
		held.saved = debug.SetMemoryLimit(-1)
		held.limit = inUse()
	}
	held.builds++
	room := int64(float64(need) * buildMargin)
	held.limit += room
	debug.SetMemoryLimit(min(held.saved, held.limit))
	return func() {
		held.Lock()
		defer held.Unlock()
		held.builds--
		held.limit -= room
		if held.builds == 0 {
			debug.SetMemoryLimit(held.saved)
			return
		}
		debug.SetMemoryLimit(min(held.saved, held.limit))
	}
}

// inUse is the memory the soft limit counts, without the garbage the next
// collection frees: the live heap, and what the runtime keeps beside its
// objects (free pages not yet returned, stacks, metadata).
func inUse() int64 {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(s)
	for _, x := range s {
		if x.Value.Kind() != metrics.KindUint64 {
			return liveHeap()
		}
	}
	total, released, objects, live := s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64(), s[3].Value.Uint64()
	return int64(total - released - objects + min(live, objects))
}

// liveHeap is the heap the last garbage collection found live: what the
// serving index and everything else hold, without garbage.
func liveHeap() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapAlloc)
	}
	return int64(s[0].Value.Uint64())
}

// checkFits refuses a build of c that would take the process past its
// memory limit while the current index still serves.
func checkFits(c *content.Corpus, o BuildOptions) error {
	limit := memoryLimit(o)
	if limit == 0 {
		return nil
	}
	need, inUse := EstimateBuild(c, o), liveHeap()
	if inUse+need > limit {
		return &MemoryError{Need: need, InUse: inUse, Limit: limit}
	}
	return nil
}
