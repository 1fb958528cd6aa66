package index

import (
	"bufio"
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
func openKept(dir string, m mapping.IndexMapping, units int, o BuildOptions) (bleve.Index, *progress, error) {
	header := fmt.Sprintf("units %d batch-bytes %d batch-size %d", units, o.BatchBytes, o.BatchSize)
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
