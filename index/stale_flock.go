//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package index

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// storeLocked reports whether a process holds the flock bbolt takes on an
// open index's root.bolt. A store that does not exist is not held: the
// build that would have made it died first.
func storeLocked(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return true, err
	}
	defer f.Close()
	// Another open file description of the same file conflicts with bbolt's
	// lock even in the process that holds it.
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return true, nil
	}
	if err != nil {
		return true, err
	}
	return false, syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
