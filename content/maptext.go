package content

import (
	"fmt"
	"os"
)

// CompactMapped is Compact with the articles' text laid out in a file at
// path, mapped into the process, instead of in the Go heap: the file is
// removed at once (the mapping keeps it) and its pages are the kernel's
// page cache, which ReleaseText hands back and which are read again when
// the text is. A 100,000-article corpus is 440 MB of text that a serving
// process reads only for the few units a question retrieves; in the heap
// it was a quarter of the process's memory.
//
// The mapping lasts as long as the process: strings of the corpus may be
// kept anywhere (an index's units are slices of its paragraphs). Where
// the system maps no files (mapText), the text stays in the heap.
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
	c.mapped = m
	return nil
}

// ReleaseText lets the kernel take back the pages of CompactMapped's text
// that are resident in the process; they are read back from the page
// cache (or the file) when the text is next read. A build reads all of
// it, a question a few units' sentences.
func (c *Corpus) ReleaseText() {
	if c != nil && c.mapped != nil {
		releaseText(c.mapped)
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
