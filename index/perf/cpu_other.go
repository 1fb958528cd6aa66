//go:build !unix

package perf

import "time"

// cpuTime is unknown here; CPU columns read 0.
func cpuTime() time.Duration { return 0 }

// threadCPUTime is unknown here.
func threadCPUTime() time.Duration { return 0 }
