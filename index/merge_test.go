package index

import (
	"context"
	"maps"
	"testing"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// An on-disk index is merged into one segment, and zapx's dictionary walk
// miscounts terms in merged segments: its term and pair counts must still be
// those of the same corpus indexed in memory.
func TestOnDiskCountsMatchInMemory(t *testing.T) {
	c := synth.Corpus(1, 200, 600)
	ctx := context.Background()
	mem, err := Build(ctx, c, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	disk, err := Build(ctx, c, BuildOptions{Path: t.TempDir(), BatchBytes: 32 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	if len(mem.commonPairs) == 0 {
		t.Fatal("no common pairs in memory: the test would not compare any")
	}
	if got, want := len(disk.df), len(mem.df); got != want {
		t.Errorf("on disk, %d terms counted; in memory, %d", got, want)
	}
	for term, want := range mem.df {
		if got := disk.df[term]; got != want {
			t.Errorf("df[%q] on disk = %d, in memory %d", term, got, want)
		}
	}
	if !maps.Equal(disk.commonPairs, mem.commonPairs) {
		t.Errorf("common pairs on disk = %v, in memory %v", disk.commonPairs, mem.commonPairs)
	}
}
