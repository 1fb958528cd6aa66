package index

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/kyanhbot/kyanhbot/content"
)

// progressFile lists, in a kept index's directory, the batches already in
// it: a header naming the build (units, batch sizes), then one batch number
// a line, each written after its batch was synced to disk.
const progressFile = "kyanhbot-batches"

// progress is what a kept build has indexed. A nil *progress is a build
// that is not kept: nothing done, nothing recorded.
type progress struct {
	mu   sync.Mutex
	f    *os.File
	done map[int]bool
}

func (p *progress) has(k int) bool {
	if p == nil {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.done[k]
}

func (p *progress) add(k int) error {
	if p == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done[k] = true
	if _, err := fmt.Fprintf(p.f, "%d\n", k); err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	return nil
}

// count is how many batches a kept build has indexed.
func (p *progress) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.done)
}

// openKept opens the kept index in dir, or creates it, and reads which
// batches it holds. Its batches are synced before they count as done (no
// unsafe_batch), so a build killed at any moment resumes from what is on
// disk; a batch indexed twice replaces itself, its units' IDs being the same.
// keptFormat changes whenever what the fields hold changes, so that an
// index kept by other code is refused rather than resumed or opened (2:
// the bigram field holds pairs made by appendPairs; 3: no bigram field,
// the pairs are made when the index is opened; 4: no text field either,
// the syllables' postings are made when it is opened).
const keptFormat = 4

func openKept(dir string, m mapping.IndexMapping, units int, o BuildOptions) (bleve.Index, *progress, error) {
	header := fmt.Sprintf("format %d units %d batch-bytes %d batch-size %d", keptFormat, units, o.BatchBytes, o.BatchSize)
	var bi bleve.Index
	done := map[int]bool{}
	b, err := os.ReadFile(filepath.Join(dir, progressFile))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, err := os.Stat(dir); err == nil {
			return nil, nil, fmt.Errorf("index: kept build: %s exists and is not a kept index", dir)
		}
		if bi, err = bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil); err != nil {
			return nil, nil, fmt.Errorf("index: kept build: %w", err)
		}
		if err := os.WriteFile(filepath.Join(dir, progressFile), []byte(header+"\n"), 0o644); err != nil {
			bi.Close()
			return nil, nil, fmt.Errorf("index: kept build: %w", err)
		}
	case err != nil:
		return nil, nil, fmt.Errorf("index: kept build: %w", err)
	default:
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		if !sc.Scan() || sc.Text() != header {
			return nil, nil, fmt.Errorf("index: kept build: %s holds another build (%q, want %q)", dir, sc.Text(), header)
		}
		for sc.Scan() {
			// A line cut short by a kill is a batch not counted: it is
			// indexed again.
			if k, err := strconv.Atoi(sc.Text()); err == nil {
				done[k] = true
			}
		}
		if bi, err = bleve.Open(dir); err != nil {
			return nil, nil, fmt.Errorf("index: kept build: %w", err)
		}
	}
	f, err := os.OpenFile(filepath.Join(dir, progressFile), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		bi.Close()
		return nil, nil, fmt.Errorf("index: kept build: %w", err)
	}
	return bi, &progress{f: f, done: done}, nil
}

func (p *progress) close() error {
	if p == nil {
		return nil
	}
	if err := p.f.Close(); err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	return nil
}

// preparedFile keeps, in a kept index's directory, what preparing its
// units computed (their words, traits and values): opening the index again
// then reads it instead of preparing three million units again, which
// took longer than the bench's 10-minute step at 100,000 articles.
//
// A step stopped while preparing the batches kept before it keeps the
// batches it prepared too (Batches): at 100,000 articles and load 20 the
// preparing of all 1,489 kept batches did not fit in a step, and each step
// began it again from the first.
const preparedFile = "kyanhbot-prepared"

// preparedVersion changes whenever what prepare computes changes, so that
// a file written by other code is not read (2: Batches; 3: the values
// ask_near reads, Near; 4: a count's noun written with marks is cut only
// by a function word written so, "1.151 đảng viên"; 5: an English year
// after "in", "since" is a date; 6: "41 đồng chí" a count, not money,
// the quarter with a dash, the English duration and hectares; 7: which
// one of a sequence, "kỳ họp thứ 32", "32nd Session", is a value; 8:
// "chairmen", "chairwomen" are words in their singular, EnglishForm).
const preparedVersion = 8

// prepared is preparedFile's content, a column a field.
type prepared struct {
	Header string
	// Batches marks the batches whose units' fields are kept; the other
	// units' are empty.
	Batches   []bool
	Vocab     []string // the vocab's words, by number
	Words     string   // every unit's words, one after the other
	WordEnds  []uint32 // unit i's words end at WordEnds[i]
	Traits    []uint16
	Values    []uint32
	Counts    []content.Value
	CountEnds []uint32
	// Near are the units' nearValues, a column a field; unit i's end
	// at NearEnds[i].
	NearFrom, NearTo []uint32
	NearKind         []byte
	NearEnds         []uint32
}

func preparedHeader(units int, o BuildOptions) string {
	return fmt.Sprintf("v%d units %d batch-bytes %d batch-size %d", preparedVersion, units, o.BatchBytes, o.BatchSize)
}

// savePrepared writes the units' prepared fields into dir: those of the
// batches marked in batches, or all when batches is nil.
func (ix *Index) savePrepared(dir string, o BuildOptions, batches []bool) error {
	ranges := ix.batches(o)
	if batches == nil {
		batches = make([]bool, len(ranges))
		for k := range batches {
			batches[k] = true
		}
	}
	p := prepared{
		Header:    preparedHeader(len(ix.units), o),
		Batches:   batches,
		Vocab:     ix.vocab.word,
		WordEnds:  make([]uint32, len(ix.units)),
		Traits:    make([]uint16, len(ix.units)),
		Values:    make([]uint32, len(ix.units)),
		CountEnds: make([]uint32, len(ix.units)),
		NearEnds:  make([]uint32, len(ix.units)),
	}
	var words strings.Builder
	for k, r := range ranges {
		for i := r[0]; i < r[1]; i++ {
			if batches[k] {
				u := &ix.units[i]
				words.WriteString(u.words)
				p.Traits[i], p.Values[i] = uint16(u.traits), u.values
				p.Counts = append(p.Counts, u.counts()...)
				for _, v := range u.nearValues() {
					p.NearFrom, p.NearTo, p.NearKind = append(p.NearFrom, v.from), append(p.NearTo, v.to), append(p.NearKind, v.kind)
				}
			}
			p.WordEnds[i] = uint32(words.Len())
			p.CountEnds[i] = uint32(len(p.Counts))
			p.NearEnds[i] = uint32(len(p.NearKind))
		}
	}
	p.Words = words.String()
	tmp := filepath.Join(dir, preparedFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	w := bufio.NewWriter(f)
	if err := gob.NewEncoder(w).Encode(&p); err != nil {
		f.Close()
		return fmt.Errorf("index: kept build: %w", err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("index: kept build: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, preparedFile)); err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	return nil
}

// loadPrepared gives the units what savePrepared kept in dir, and returns
// the batches it kept them for (nil when it could not: a missing file, or
// one for another build, is not read). The vocab is the file's, so that
// the units prepared after number their words as these did.
func (ix *Index) loadPrepared(dir string, o BuildOptions) []bool {
	f, err := os.Open(filepath.Join(dir, preparedFile))
	if err != nil {
		return nil
	}
	defer f.Close()
	var p prepared
	n := len(ix.units)
	ranges := ix.batches(o)
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&p); err != nil || p.Header != preparedHeader(n, o) ||
		len(p.WordEnds) != n || len(p.Traits) != n || len(p.Values) != n || len(p.CountEnds) != n || len(p.NearEnds) != n || len(p.Batches) != len(ranges) ||
		len(p.NearFrom) != len(p.NearKind) || len(p.NearTo) != len(p.NearKind) {
		return nil
	}
	kept := make([]bool, n) // the units whose fields the file keeps
	for k, r := range ranges {
		for i := r[0]; i < r[1]; i++ {
			kept[i] = p.Batches[k]
		}
	}
	withFacts, prev, prevNear := 0, uint32(0), uint32(0)
	for i := range ix.units {
		if p.CountEnds[i] < prev || p.NearEnds[i] < prevNear {
			return nil
		}
		if ix.units[i].facts != nil || p.CountEnds[i] > prev || p.NearEnds[i] > prevNear {
			withFacts++
		}
		prev, prevNear = p.CountEnds[i], p.NearEnds[i]
	}
	if prev != uint32(len(p.Counts)) || prevNear != uint32(len(p.NearKind)) || (n > 0 && p.WordEnds[n-1] != uint32(len(p.Words))) {
		return nil
	}
	near := make([]nearValue, len(p.NearKind))
	for i := range near {
		near[i] = nearValue{from: p.NearFrom[i], to: p.NearTo[i], kind: p.NearKind[i]}
	}
	ix.vocab.word = p.Vocab
	ix.vocab.fold = make([]string, len(p.Vocab))
	ix.vocab.ids = make(map[string]uint32, len(p.Vocab))
	for i, w := range p.Vocab {
		ix.vocab.fold[i] = foldSyllable(w)
		ix.vocab.ids[w] = uint32(i)
	}
	facts := make([]unitFacts, 0, withFacts)
	var wordsFrom, countsFrom, nearFrom uint32
	for i := range ix.units {
		u := &ix.units[i]
		words := p.Words[wordsFrom:p.WordEnds[i]]
		wordsFrom = p.WordEnds[i]
		counts := p.Counts[countsFrom:p.CountEnds[i]:p.CountEnds[i]]
		countsFrom = p.CountEnds[i]
		nears := near[nearFrom:p.NearEnds[i]:p.NearEnds[i]]
		nearFrom = p.NearEnds[i]
		if !kept[i] {
			continue
		}
		u.words = words
		u.traits, u.values = traits(p.Traits[i]), p.Values[i]
		if u.facts == nil && len(counts) == 0 && len(nears) == 0 {
			continue
		}
		var uf unitFacts
		if u.facts != nil {
			uf = *u.facts
		}
		if len(counts) > 0 {
			uf.counts = counts
		}
		if len(nears) > 0 {
			uf.near = nears
		}
		facts = append(facts, uf)
		u.facts = &facts[len(facts)-1]
	}
	return p.Batches
}

// RemoveKept removes the kept index in dir (BuildOptions.Dir) and the
// files a kept build writes beside it (its units, place names and
// glossary, and those named by the suffixes in beside, such as the
// bench's corpus):
// they are named after the directory, outside it, and a directory removed
// alone left them behind — 0.6 GB at 100,000 articles. A directory that
// is not a kept index (no list of batches in it) is refused and left as
// it is, and so are its files beside it; a kept index that is already
// gone has its files beside removed.
func RemoveKept(dir string, beside ...string) error {
	dir = filepath.Clean(dir)
	if _, err := os.Stat(dir); err == nil {
		if _, err := os.Stat(filepath.Join(dir, progressFile)); err != nil {
			return fmt.Errorf("index: remove kept: %s is not a kept index", dir)
		}
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("index: remove kept: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("index: remove kept: %w", err)
	}
	var errs []error
	for _, suffix := range append([]string{unitsFile, placesFile, glossaryFile}, beside...) {
		if err := os.Remove(keptPath(dir, suffix)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("index: remove kept: %w", err)
	}
	return nil
}
