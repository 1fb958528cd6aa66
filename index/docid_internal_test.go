package index

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestDocIDOrder: padded, the units' IDs sort in byte order as their
// numbers do, so that scorch's check of a batch against the segments
// before it skips them all (docID); a kept build's stay written out; and
// an index built with either reads every unit back (docUnits).
func TestDocIDOrder(t *testing.T) {
	for _, tc := range []struct {
		units, width int
		want         map[int]string
	}{
		{units: 7, width: 1, want: map[int]string{0: "0", 6: "6"}},
		{units: 10, width: 2, want: map[int]string{0: "00", 9: "09"}},
		{units: 2987646, width: 7, want: map[int]string{0: "0000000", 999: "0000999", 2987645: "2987645"}},
		{units: 1000, width: 0, want: map[int]string{0: "0", 999: "999", 10: "10"}},
	} {
		ix := &Index{idWidth: tc.width}
		for i, w := range tc.want {
			if got := ix.docID(i); got != w {
				t.Errorf("width %d: unit %d's ID is %q, want %q", tc.width, i, got, w)
			}
		}
		if tc.width == 0 {
			continue
		}
		ids := make([]string, 0, tc.units)
		for i := 0; i < tc.units; i += max(1, tc.units/5000) {
			id := ix.docID(i)
			if n, err := strconv.Atoi(id); err != nil || n != i {
				t.Fatalf("width %d: unit %d's ID %q reads %d (%v)", tc.width, i, id, n, err)
			}
			ids = append(ids, id)
		}
		if !slices.IsSorted(ids) {
			t.Errorf("width %d: the IDs are not in byte order", tc.width)
		}
	}
	// Built in small batches, in memory and on disk: every unit found.
	c := synth.Corpus(3, 60, 200)
	for _, o := range []BuildOptions{{BatchBytes: 4 << 10}, {Path: t.TempDir(), BatchBytes: 4 << 10}} {
		ix, err := Build(context.Background(), c, o)
		if err != nil {
			t.Fatal(err)
		}
		if ix.idWidth != len(strconv.Itoa(len(ix.units))) {
			t.Errorf("%+v: IDs padded to %d for %d units", o, ix.idWidth, len(ix.units))
		}
		seen := make([]bool, len(ix.units))
		for _, u := range ix.unitOf {
			if u == noUnit || seen[u] {
				t.Fatalf("%+v: document of unit %d deleted or twice", o, u)
			}
			seen[u] = true
		}
		if slices.Contains(seen, false) {
			t.Errorf("%+v: a unit has no document", o)
		}
		ix.Close()
	}
}
