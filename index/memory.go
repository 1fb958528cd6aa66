package index

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

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

// Bytes of Go heap per byte of article text, measured on the synthetic
// corpus (docs/performance.md, "Where the bytes go"): what a built index
// keeps (units, their normalised text, term counts; in memory also the
// segments) and what one batch in flight holds (analysed tokens, the
// segment being written), with the garbage a collection under a soft limit
// leaves.
const (
	keptPerTextByteDisk   = 6
	keptPerTextByteMemory = 30
	batchPerTextByte      = 100
)

// EstimateBuild is about how many bytes of Go heap building c with o takes at
// its peak, beyond the corpus itself. Memory-mapped segments of an on-disk
// index are not counted: they are page cache, which the kernel reclaims.
func EstimateBuild(c *content.Corpus, o BuildOptions) int64 {
	var text int64
	for _, a := range c.Articles {
		text += int64(len(a.Title))
		for _, p := range a.Paragraphs {
			text += int64(len(p))
		}
	}
	kept := int64(keptPerTextByteMemory)
	if o.Path != "" || o.Dir != "" {
		kept = keptPerTextByteDisk
	}
	batch := int64(o.BatchBytes)
	if batch <= 0 {
		batch = defaultBatchBytes
	}
	workers := int64(o.Workers)
	if workers <= 0 {
		workers = int64(runtime.GOMAXPROCS(0))
	}
	inFlight := min(text, workers*batch)
	return text*kept + inFlight*batchPerTextByte
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
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		return l
	}
	return 0
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
