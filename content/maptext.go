package content

import (
	"fmt"
	"os"
	"sync"
)

// CompactMapped is Compact with the articles' text laid out in a file at
// path, mapped into the process, instead of in the Go heap: the file is
// removed at once (the mapping keeps it) and its pages are the kernel's
// page cache, which ReleaseText hands back and which are read again when
// the text is. A 100,000-article corpus is 440 MB of text that a serving
// process reads only for the few units a question retrieves; in the heap
// it was a quarter of the process's memory.
//
// The mapping lasts until Unmap: strings of the corpus may be kept
// anywhere (an index's units are slices of its paragraphs), so whoever
// unmaps must know that nothing reads them any more. Where the system maps
// no files (mapText), the text stays in the heap.
func (c *Corpus) CompactMapped(path string) error {
	if c == nil {
		return nil
	}
	total := 0
	for i := range c.Articles {
		c.Articles[i].eachString(func(s *string) { total += len(*s) })
	}
	if total == 0 {
		c.Compact()
		return nil
	}
	m, err := mapText(path, total)
	if err != nil {
		return fmt.Errorf("content: map text: %w", err)
	}
	if m == nil {
		c.Compact()
		return nil
	}
	off := 0
	c.compactWith(func(b []byte) string {
		n := copy(m[off:], b)
		s := bytesString(m[off : off+n])
		off += n
		return s
	})
	c.mapped = &mapping{b: m}
	return nil
}

// ReleaseText lets the kernel take back the pages of CompactMapped's text
// that are resident in the process; they are read back from the page
// cache (or the file) when the text is next read. A build reads all of
// it, a question a few units' sentences.
func (c *Corpus) ReleaseText() {
	if c == nil || c.mapped == nil {
		return
	}
	c.mapped.mu.Lock()
	defer c.mapped.mu.Unlock()
	if c.mapped.b != nil {
		releaseText(c.mapped.b)
	}
}

// mapTextFile makes the file mapText maps: removed once open, so nothing
// is left behind however the process ends.
func mapTextFile(path string, size int) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(path); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Truncate(int64(size)); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Mapped reports whether c's text is in a mapping CompactMapped made and
// Unmap has not released.
func (c *Corpus) Mapped() bool {
	if c == nil || c.mapped == nil {
		return false
	}
	c.mapped.mu.Lock()
	defer c.mapped.mu.Unlock()
	return c.mapped.b != nil
}

// mapping is CompactMapped's text; Unmap may release it while others ask
// Mapped.
type mapping struct {
	mu sync.Mutex
	b  []byte
}

// Unmap releases CompactMapped's text. Every string of c's articles (and
// every string sliced from one) points into it: reading one afterwards
// faults, so the caller unmaps only once nothing can read them — index.Live
// does it for a corpus it replaced, once its searches and holds are done.
func (c *Corpus) Unmap() error {
	if c == nil || c.mapped == nil {
		return nil
	}
	c.mapped.mu.Lock()
	defer c.mapped.mu.Unlock()
	m := c.mapped.b
	if m == nil {
		return nil
	}
	c.mapped.b = nil
	if err := unmapText(m); err != nil {
		return fmt.Errorf("content: unmap text: %w", err)
	}
	return nil
}
