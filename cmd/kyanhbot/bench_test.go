package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestBenchRemoveIndex: -remove-index removes a kept index with the
// units, place names and corpus kept beside it, which removing the
// directory alone leaves behind.
func TestBenchRemoveIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "k30")
	if _, stderr, err := runCmd(t, nil, "bench", "-articles", "30", "-words", "120", "-queries", "5", "-sections", "search",
		"-reload-rate", "0", "-baseline=false", "-keep-index", dir); err != nil {
		t.Fatalf("bench: %v\n%s", err, stderr)
	}
	kept := []string{dir, dir + ".units", dir + ".places", dir + ".corpus"}
	for _, p := range kept {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("the kept build left no %s: %v", p, err)
		}
	}
	if _, _, err := runCmd(t, nil, "bench", "-remove-index"); err == nil {
		t.Error("-remove-index without -keep-index: no error")
	}
	if _, _, err := runCmd(t, nil, "bench", "-keep-index", dir, "-remove-index"); err != nil {
		t.Fatal(err)
	}
	for _, p := range kept {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there after -remove-index (%v)", p, err)
		}
	}
}
