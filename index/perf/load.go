package perf

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Latencies are per-call durations, sorted.
type Latencies []time.Duration

// Percentile returns the p-th percentile (0 < p ≤ 100), nearest rank.
func (l Latencies) Percentile(p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	k := int(float64(len(l))*p/100+0.999999) - 1
	return l[min(max(k, 0), len(l)-1)]
}

// Load is the outcome of a closed-loop run.
type Load struct {
	Latencies Latencies
	Failed    int
	Wall      time.Duration
}

// PerSecond is the throughput of the run.
func (l Load) PerSecond() float64 {
	if l.Wall <= 0 {
		return 0
	}
	return float64(len(l.Latencies)) / l.Wall.Seconds()
}

// Run calls fn once for every question (with its index in questions), from
// workers goroutines taking the next question as soon as they are free, and
// times each call. A call that returns an error counts as failed; its time
// still counts.
func Run(ctx context.Context, workers int, questions []string, fn func(ctx context.Context, i int, q string) error) Load {
	workers = max(workers, 1)
	var next atomic.Int64
	var failed atomic.Int64
	per := make([][]time.Duration, workers)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(questions) || ctx.Err() != nil {
					return
				}
				t := time.Now()
				if err := fn(ctx, i, questions[i]); err != nil {
					failed.Add(1)
				}
				per[w] = append(per[w], time.Since(t))
			}
		}()
	}
	wg.Wait()
	l := Load{Wall: time.Since(start), Failed: int(failed.Load())}
	for _, p := range per {
		l.Latencies = append(l.Latencies, p...)
	}
	slices.Sort(l.Latencies)
	return l
}

// Memory is the process's memory at one moment.
type Memory struct {
	Heap uint64 // live heap after a garbage collection, bytes
	// RSS is the resident set size (VmRSS), bytes; 0 where /proc is
	// missing. RSSAnon is its anonymous part (the Go heap and stacks),
	// RSSFile its file-backed part (an on-disk index's memory-mapped
	// segments, which the kernel can drop and read again).
	RSS, RSSAnon, RSSFile uint64
	// RSSSegments is the part of RSSFile that is an index's segment files
	// (scorch's *.zap, memory-mapped); the rest of RSSFile is mostly the
	// program's own code and data.
	RSSSegments uint64
	// HeapSpans is the heap's spans in use (MemStats.HeapInuse): Heap plus
	// the free slots of partly used spans, which the runtime cannot
	// return to the system. Runtime is what else the runtime holds from
	// the system and has not returned: stacks, the collector's metadata,
	// idle spans kept.
	HeapSpans, Runtime uint64
}

// Timer measures wall time and the CPU time the process used meanwhile (all
// threads), so that a build slowed down by other processes on a shared
// machine can be told from a slow build.
type Timer struct {
	wall time.Time
	cpu  time.Duration
}

// StartTimer starts a Timer.
func StartTimer() Timer { return Timer{wall: time.Now(), cpu: cpuTime()} }

// Stop returns the wall and CPU time since StartTimer.
func (t Timer) Stop() (wall, cpu time.Duration) {
	return time.Since(t.wall), cpuTime() - t.cpu
}

// MeasureMemory collects garbage, returns freed pages to the OS, and reads
// the live heap and the resident set size, so that what is left is what the
// program holds.
func MeasureMemory() Memory {
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	st := procStatus("VmRSS", "RssAnon", "RssFile")
	return Memory{Heap: ms.HeapAlloc, RSS: st[0], RSSAnon: st[1], RSSFile: st[2],
		HeapSpans: ms.HeapInuse, Runtime: ms.Sys - ms.HeapReleased - ms.HeapInuse,
		RSSSegments: mappedRSS(".zap")}
}

// mappedRSS is the resident size of the mappings whose file name ends in
// suffix, from /proc/self/smaps; 0 where it cannot be read.
func mappedRSS(suffix string) uint64 {
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		return 0
	}
	var total uint64
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			// A mapping's header: "addr-addr perms offset dev inode [path]".
			in = len(f) >= 6 && strings.HasSuffix(f[len(f)-1], suffix)
			continue
		}
		if in && f[0] == "Rss:" && len(f) >= 2 {
			if kb, err := strconv.ParseUint(f[1], 10, 64); err == nil {
				total += kb * 1024
			}
		}
	}
	return total
}

// ResetPeakRSS starts a new peak: PeakRSS reports the highest resident set
// size from now on (Linux: writing 5 to /proc/self/clear_refs resets VmHWM).
// It reports whether the reset worked.
func ResetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// PeakRSS is the highest resident set size (VmHWM) since the process
// started or since ResetPeakRSS: it counts every moment, not only after a
// garbage collection.
func PeakRSS() uint64 { return procStatus("VmHWM")[0] }

// procStatus reads the named kB fields of /proc/self/status, in bytes; 0 for
// each one missing.
func procStatus(names ...string) []uint64 {
	out := make([]uint64, len(names))
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		name, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		for i, n := range names {
			if n != name {
				continue
			}
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				out[i] = kb * 1024
			}
		}
	}
	return out
}

// liveHeapNow is the live heap the last collection found.
func liveHeapNow() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// WatchLiveHeap samples the live heap found by each garbage collection
// until stop is called, and stop returns the highest: what a build
// actually needed at its peak, without the garbage the collector let pile
// up beside it (which the peak RSS includes, and which the soft memory
// limit a build holds decides).
//
// With a profile path, the heap profile is written there each time the
// peak grows by a tenth: the last one written shows what was live near
// the peak.
func WatchLiveHeap(profile string) (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		var profiled uint64
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
				if profile != "" && float64(v) > 1.1*float64(profiled) {
					profiled = v
					_ = writeProfileNow(profile)
				}
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		if v := read(); v > peak.Load() {
			peak.Store(v)
		}
		return peak.Load()
	}
}
