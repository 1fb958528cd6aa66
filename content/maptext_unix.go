//go:build linux || darwin || freebsd

package content

import (
	"syscall"
	"unsafe"
)

// mapText maps a new file of size bytes at path, shared, for writing.
func mapText(path string, size int) ([]byte, error) {
	f, err := mapTextFile(path, size)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
}

func unmapText(m []byte) error { return syscall.Munmap(m) }

func releaseText(m []byte) { _ = syscall.Madvise(m, syscall.MADV_DONTNEED) }

// bytesString is b as a string without a copy: b is mapped text that is
// never written again, and unmapped only by Unmap.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
