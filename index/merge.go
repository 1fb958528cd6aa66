package index

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	bindex "github.com/blevesearch/bleve_index_api"
)

// mergeSegments merges an on-disk index into one segment once its batches
// are built, and reports whether it did. Each batch is a segment, and a
// question looks up every term in every segment's dictionary: at 10,000
// articles (about 120 batches) those lookups were over half of a question's
// CPU. Scores do not depend on how documents are spread over segments; the
// merge also stops the background merger from reshaping the index (and
// competing with questions) after it starts serving. An in-memory index
// cannot be merged: scorch merges only persisted segments.
func (ix *Index) mergeSegments(ctx context.Context) (bool, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return false, fmt.Errorf("index: merge: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return false, nil
	}
	for range 20 {
		mem, files, err := segmentsAtRoot(s)
		if err != nil {
			return false, err
		}
		if mem == 0 && files <= 1 {
			return true, nil
		}
		// The merger plans over persisted segments only: wait for the
		// persister to write the last batches out.
		if mem > 0 {
			if err := waitPersisted(ctx, s); err != nil {
				return false, err
			}
		}
		if err := s.ForceMerge(ctx, &oneMerge); err != nil {
			return false, fmt.Errorf("index: merge: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return false, fmt.Errorf("index: merge: %w", err)
		}
	}
	return false, nil
}

// onDiskConfig is scorch's configuration for an index built on disk. A
// batch returns once its segment serves, not once it is synced to disk: the
// directory is thrown away with the process, so waiting for the disk would
// buy nothing. And scorch's merger does not merge while the batches come
// in: mergeSegments merges them all once, where the merger's tiers merged
// most units several times over (15% of a 10,000-article build's CPU).
func onDiskConfig() map[string]interface{} {
	return map[string]interface{}{"unsafe_batch": true, "scorchMergePlanOptions": noMerge}
}

// noMerge plans no merge until a tier holds a million segments; scorch
// reads it over its defaults.
var noMerge = map[string]interface{}{"MaxSegmentsPerTier": 1 << 20}

// oneMerge merges every segment in one task: with the default ten a
// task, a hundred segments are merged in rounds, most units several times.
var oneMerge = func() mergeplan.MergePlanOptions {
	o := mergeplan.SingleSegmentMergePlanOptions
	o.SegmentsPerMergeTask = 1 << 20
	return o
}()

// segmentsAtRoot is how many in-memory and on-disk segments the index has.
func segmentsAtRoot(s *scorch.Scorch) (mem, files uint64, err error) {
	m := s.StatsMap()
	mem, ok1 := m["TotMemorySegmentsAtRoot"].(uint64)
	files, ok2 := m["TotFileSegmentsAtRoot"].(uint64)
	if !ok1 || !ok2 {
		return 0, 0, errors.New("index: merge: scorch reports no segment counts")
	}
	return mem, files, nil
}

// waitRootPersisted polls until the persister has recorded the index's
// current root (its segments, after the last merge) in the root file.
// scorch's Close stops the persister without a last write: an index
// closed right after its merge was opened again with the root from before
// it, whose segment files the merge had removed — no documents, no hits
// (TestOnDisk failed one run in a few with the index reopened).
func waitRootPersisted(ctx context.Context, s *scorch.Scorch) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		m := s.StatsMap()
		root, ok1 := m["CurRootEpoch"].(uint64)
		persisted, ok2 := m["LastPersistedEpoch"].(uint64)
		if !ok1 || !ok2 {
			return errors.New("index: persist: scorch reports no epochs")
		}
		if persisted >= root {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("index: persist: %w", ctx.Err())
		case <-t.C:
		}
	}
}

// waitPersisted polls until no segment is held in memory only.
func waitPersisted(ctx context.Context, s *scorch.Scorch) error {
	return waitUnwritten(ctx, s, 0)
}

// waitUnwritten polls until at most n segments are held in memory only.
func waitUnwritten(ctx context.Context, s *scorch.Scorch, n int) error {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for {
		mem, _, err := segmentsAtRoot(s)
		if err != nil || mem <= uint64(n) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("index: segments to write: %w", ctx.Err())
		case <-t.C:
		}
	}
}

// Term counts. A dictionary walk's counts are wrong in any segment that
// scorch's merger wrote: zapx (v17.2.5) encodes a term found in one unit
// inline ("1-hit") only when merging, and its dictionary iterator, reusing
// one postings list, then reports 1 for every later term of that segment.
// Counts read that way made common syllables look rare on an on-disk index
// (walking their postings tripled a question's CPU) and weighed them as
// rare in re-ranking. A term's own postings list is read afresh, so where
// segments may be merged each count is asked term by term, which one merged
// segment makes cheap. Segments built from a batch (all of an in-memory
// index) have no inline terms, and their walk is exact.

// countTerms records how many units contain each syllable.
func (ix *Index) countTerms(ctx context.Context, merged bool) error {
	d, err := ix.bi.FieldDict("text")
	if err != nil {
		return fmt.Errorf("index: term counts: %w", err)
	}
	defer d.Close()
	var counter *termCounter
	if merged {
		if counter, err = ix.newTermCounter(ctx, "text"); err != nil {
			return err
		}
		defer counter.close()
	}
	for {
		e, err := d.Next()
		if err != nil {
			return fmt.Errorf("index: term counts: %w", err)
		}
		if e == nil {
			return nil
		}
		n := int(e.Count)
		if counter != nil {
			if n, err = counter.count(e.Term); err != nil {
				return err
			}
		}
		ix.df[e.Term] = n
	}
}

// termCounter counts a field's terms one by one, each from its own
// postings list.
type termCounter struct {
	ctx   context.Context
	r     bindex.IndexReader
	field string
}

func (ix *Index) newTermCounter(ctx context.Context, field string) (*termCounter, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("index: term counts: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("index: term counts: %w", err)
	}
	return &termCounter{ctx: ctx, r: r, field: field}, nil
}

func (c *termCounter) count(term string) (int, error) {
	tfr, err := c.r.TermFieldReader(c.ctx, []byte(term), c.field, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("index: term counts: %w", err)
	}
	n := int(tfr.Count())
	if err := tfr.Close(); err != nil {
		return 0, fmt.Errorf("index: term counts: %w", err)
	}
	return n, nil
}

func (c *termCounter) close() { _ = c.r.Close() }
