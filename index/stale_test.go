package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestRemoveStale: the directory a SIGKILLed process left goes; the one a
// live index holds, a young one still being created and anything not named
// by Build stay.
func TestRemoveStale(t *testing.T) {
	c, err := content.Load(context.Background(), content.Default())
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir()
	live, err := Build(context.Background(), c, BuildOptions{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()

	old := time.Now().Add(-2 * time.Hour)
	age := func(dir string) {
		t.Helper()
		if err := os.Chtimes(dir, old, old); err != nil {
			t.Fatal(err)
		}
	}
	mkdir := func(name string) string {
		t.Helper()
		dir := filepath.Join(path, name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	age(live.dir)
	// A killed process's index: the same files as a live one, no lock held.
	killed := mkdir("index-100")
	if err := os.CopyFS(killed, os.DirFS(live.dir)); err != nil {
		t.Fatal(err)
	}
	age(killed)
	// Killed before bleve made its store.
	early := mkdir("index-101")
	age(early)
	// Being created right now by another process.
	young := mkdir("index-102")
	// Not ours.
	for _, name := range []string{"index-x1", "notes", "kyanhbot-index"} {
		age(mkdir(name))
	}
	if err := os.WriteFile(filepath.Join(path, "index-103"), []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}

	removed, err := RemoveStale(path)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(removed)
	if want := []string{killed, early}; !slices.Equal(removed, want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	for _, dir := range []string{live.dir, young, filepath.Join(path, "index-x1"), filepath.Join(path, "notes"),
		filepath.Join(path, "kyanhbot-index"), filepath.Join(path, "index-103")} {
		if _, err := os.Stat(dir); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(dir), err)
		}
	}
	for _, dir := range []string{killed, early} {
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("%s still there (err %v)", filepath.Base(dir), err)
		}
	}
	if res, err := live.Search(context.Background(), "ủy ban", Options{}); err != nil || len(res.Hits) == 0 {
		t.Errorf("live index after RemoveStale: %d hits, err %v", len(res.Hits), err)
	}
	if got, err := RemoveStale(filepath.Join(path, "missing")); err != nil || len(got) != 0 {
		t.Errorf("RemoveStale(missing dir) = %v, %v; want nothing", got, err)
	}
}
