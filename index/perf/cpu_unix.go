//go:build unix

package perf

import (
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// threadCPUTime is the CPU time the calling thread has used, to the
// nanosecond (CLOCK_THREAD_CPUTIME_ID): getrusage's RUSAGE_THREAD counts
// in scheduler ticks, too coarse for one question.
func threadCPUTime() time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0
	}
	return time.Duration(ts.Nano())
}
