package index

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// staleName is the name Build gives a directory under BuildOptions.Path
// (os.MkdirTemp with "index-"): nothing else there is ever removed.
var staleName = regexp.MustCompile(`^index-[0-9]+$`)

// staleAge is how old a directory must be before RemoveStale may take it:
// a build creating its directory holds no lock for the few milliseconds
// before bleve opens its store.
const staleAge = time.Minute

// RemoveStale removes the index directories under path (BuildOptions.Path)
// that no live process holds. Close removes its own directory, but a
// process killed with SIGKILL or by the OOM killer leaves it behind, and
// each one is a whole index.
//
// A directory is taken only when its name is one Build makes, it is at
// least a minute old, and its store is not locked. Scorch keeps the
// index's root.bolt open with bbolt, which holds an exclusive flock on it
// until the index is closed; the kernel drops the lock when its process
// dies, however it dies. So another replica's index in the same directory
// — including one built by an older kyanhbot — stays. Where flock is not
// available nothing is removed.
//
// It returns the directories removed; a directory it could not remove is
// reported in err and the others are still tried.
func RemoveStale(path string) (removed []string, err error) {
	entries, err := os.ReadDir(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("index: remove stale: %w", err)
	}
	var errs []error
	for _, e := range entries {
		if !e.IsDir() || !staleName.MatchString(e.Name()) {
			continue
		}
		dir := filepath.Join(path, e.Name())
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < staleAge {
			continue
		}
		held, err := storeLocked(filepath.Join(dir, "store", "root.bolt"))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if held {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, dir)
	}
	if err := errors.Join(errs...); err != nil {
		return removed, fmt.Errorf("index: remove stale: %w", err)
	}
	return removed, nil
}
