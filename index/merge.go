package index

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
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
