package content_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"unsafe"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestCompactKeepsValues: after Compact every article holds the same
// values (the same seed generates the same corpus twice), a document's or
// merger's sentence is a slice of its paragraph, and a run of articles'
// paragraphs sits in one allocation.
func TestCompactKeepsValues(t *testing.T) {
	want := synth.Corpus(3, 300, 300)
	c := synth.Corpus(3, 300, 300)
	c.Compact()
	if !reflect.DeepEqual(c, want) {
		t.Fatal("Compact changed the corpus's values")
	}
	within := func(s, in string) bool {
		p, q := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(in)))
		return p >= q && p+uintptr(len(s)) <= q+uintptr(len(in))
	}
	docs := 0
	for _, a := range c.Articles {
		for _, d := range a.Documents {
			if !within(d.Sentence, a.Paragraphs[d.Paragraph]) {
				t.Fatalf("%s: document %s's sentence is not a slice of its paragraph", a.ID, d.ID)
			}
			docs++
		}
		for _, m := range a.Mergers {
			if !within(m.Sentence, a.Paragraphs[m.Paragraph]) {
				t.Fatalf("%s: merger sentence is not a slice of its paragraph", a.ID)
			}
		}
	}
	if docs == 0 {
		t.Fatal("no document cited: the test checks nothing")
	}
	// The first two articles' text is contiguous: the second's first
	// paragraph starts where the first's strings end, within a megabyte.
	a0, a1 := c.Articles[0].Paragraphs, c.Articles[1].Paragraphs
	last, next := a0[len(a0)-1], a1[0]
	gap := int64(uintptr(unsafe.Pointer(unsafe.StringData(next)))) - int64(uintptr(unsafe.Pointer(unsafe.StringData(last))))
	if gap <= 0 || gap > 64<<10 {
		t.Errorf("article 1's first paragraph is %d bytes from article 0's last: not laid out together", gap)
	}
}

// TestCompactSlicesAppendSafe: the articles' paragraph lists share one
// slice; appending to one copies it instead of overwriting the next
// article's first paragraph.
func TestCompactSlicesAppendSafe(t *testing.T) {
	c := synth.Corpus(4, 20, 100)
	c.Compact()
	first := c.Articles[1].Paragraphs[0]
	c.Articles[0].Paragraphs = append(c.Articles[0].Paragraphs, "synthetic: appended")
	if c.Articles[1].Paragraphs[0] != first {
		t.Fatal("appending to article 0's paragraphs overwrote article 1's")
	}
}

// TestCompactFreesPages: the heap pages in use after generating a corpus
// and compacting it are fewer than before, for the same values. Loading
// interleaves each kept string with garbage, so the pages stay in use for
// the few strings left on them; Compact moves the strings to pages of
// their own.
func TestCompactFreesPages(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 2,000 articles")
	}
	inUse := func() uint64 {
		runtime.GC()
		debug.FreeOSMemory()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapInuse
	}
	c := synth.Corpus(1, 2000, 600)
	before := inUse()
	c.Compact()
	after := inUse()
	text := 0
	for _, a := range c.Articles {
		text += len(strings.Join(a.Paragraphs, ""))
	}
	// Measured: 2,000 articles, 7.6 MB of paragraphs: 23.1 → 17.2 MB.
	if after+uint64(text)/5 > before {
		t.Errorf("heap in use %d → %d bytes for %d bytes of paragraphs: want a fifth of the text back at least", before, after, text)
	}
	t.Logf("heap in use %d → %d bytes, %d bytes of paragraphs", before, after, text)
	runtime.KeepAlive(c)
}

// TestCompactMapped: the text laid out in a mapped file holds the same
// values as Compact's, lies in the mapping (not in the heap), leaves no
// file behind, and reads the same after ReleaseText hands its pages back.
func TestCompactMapped(t *testing.T) {
	want := synth.Corpus(5, 200, 300)
	want.Compact()
	c := synth.Corpus(5, 200, 300)
	path := filepath.Join(t.TempDir(), "text")
	if err := c.CompactMapped(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the mapped text's file is still there: %v", err)
	}
	if !reflect.DeepEqual(c.Articles, want.Articles) {
		t.Fatal("CompactMapped changed the corpus's values")
	}
	if runtime.GOOS == "linux" {
		// A string in the heap was allocated by the runtime; mapped
		// text was not, and the first paragraph is not where Compact's
		// heap copy of it is.
		p := c.Articles[0].Paragraphs[0]
		if unsafe.StringData(p) == unsafe.StringData(want.Articles[0].Paragraphs[0]) {
			t.Fatal("the mapped corpus shares the heap corpus's text")
		}
		maps, err := os.ReadFile("/proc/self/maps")
		if err != nil {
			t.Fatal(err)
		}
		addr := uint64(uintptr(unsafe.Pointer(unsafe.StringData(p))))
		in := false
		for _, l := range strings.Split(string(maps), "\n") {
			var lo, hi uint64
			if _, err := fmt.Sscanf(l, "%x-%x", &lo, &hi); err == nil && addr >= lo && addr < hi && strings.Contains(l, path) {
				in = true
			}
		}
		if !in {
			t.Errorf("the first paragraph (at %#x) is not in a mapping of %s", addr, path)
		}
	}
	c.ReleaseText()
	runtime.GC()
	if !reflect.DeepEqual(c.Articles, want.Articles) {
		t.Fatal("the corpus reads otherwise after ReleaseText")
	}
}
