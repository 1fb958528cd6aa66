package content

import (
	"context"
	"testing"
)

func TestCorpusDocuments(t *testing.T) {
	c, err := Load(context.Background(), Default())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, date string
		cited    int
	}{
		{"18-NQ/TW", "", 4}, {"19-NQ/TW", "", 4}, {"30-KH/ThU", "", 1}, {"22-CTr/ThU", "", 1},
		{"23-CTr/ThU", "", 1}, {"05-KL/TU", "29/6/2016", 2}, {"92-KL/TU", "03/10/2018", 1},
	}
	got := c.Documents()
	if len(got) != len(want) {
		t.Fatalf("got %d documents, want %d", len(got), len(want))
	}
	for i, w := range want {
		if g := got[i]; g.ID != w.id || g.Date != w.date || len(g.Cited) != w.cited {
			t.Errorf("document %d = %s %q cited %d times, want %s %q %d", i, g.ID, g.Date, len(g.Cited), w.id, w.date, w.cited)
		}
	}
}
