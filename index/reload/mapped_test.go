package reload

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/index"
)

// TestReloadMappedText: with TextDir a reload maps its corpus's text; a
// refused reload (a broken article) leaves the old mapping serving; a
// reload under concurrent questions keeps every answer taken from the old
// index readable while it is held, and unmaps the old text once the holds
// are released.
func TestReloadMappedText(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	live := newLive(t)
	r := New(Config{Content: os.DirFS(dir), Index: live, TextDir: t.TempDir()})
	ctx := context.Background()
	if rep, _ := r.Reload(ctx, Request{Trigger: "start"}); rep.Outcome != Swapped {
		t.Fatalf("start: %s %v", rep.Outcome, rep.Err)
	}
	old := live.Corpus()
	if !old.Mapped() {
		t.Fatal("the corpus's text is not mapped with TextDir")
	}
	const q = "sáp nhập thôn xã Thử Nghiệm"

	broken := filepath.Join(dir, "broken.txt")
	mustCopy(t, "testdata/broken.txt", broken)
	if rep, _ := r.Reload(ctx, Request{Trigger: "command"}); rep.Outcome != Refused {
		t.Fatalf("broken content: outcome %s, want refused (%v)", rep.Outcome, rep.Err)
	}
	if live.Corpus() != old || !old.Mapped() || !found(t, live, q) {
		t.Fatal("a refused reload does not leave the old mapped corpus serving")
	}
	if err := os.Remove(broken); err != nil {
		t.Fatal(err)
	}

	// Askers hold, answer from the old index, and read their answers only
	// after the swap.
	const askers = 8
	var (
		asked, done sync.WaitGroup
		swapped     = make(chan struct{})
		mu          sync.Mutex
		bad         []string
	)
	asked.Add(askers)
	done.Add(askers)
	for range askers {
		go func() {
			defer done.Done()
			release := live.Hold()
			defer release()
			res, err := live.Search(ctx, q, index.Options{Limit: 5})
			asked.Done()
			if err != nil || !res.Found {
				mu.Lock()
				bad = append(bad, "no answer before the swap")
				mu.Unlock()
				return
			}
			want := make([]string, len(res.Hits))
			for i, h := range res.Hits {
				want[i] = strings.Clone(h.Title + "|" + h.Text + "|" + h.Source)
			}
			<-swapped
			for i, h := range res.Hits {
				if got := h.Title + "|" + h.Text + "|" + h.Source; got != want[i] {
					mu.Lock()
					bad = append(bad, got)
					mu.Unlock()
				}
			}
		}()
	}
	// Questions go on during the reload too.
	stop := make(chan struct{})
	var more sync.WaitGroup
	more.Add(1)
	go func() {
		defer more.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			release := live.Hold()
			res, err := live.Search(ctx, q, index.Options{})
			if err == nil && res.Found && res.Hits[0].Text == "" {
				t.Error("an empty answer during the reload")
			}
			release()
		}
	}()
	asked.Wait()
	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
	if rep, _ := r.Reload(ctx, Request{Trigger: "command"}); rep.Outcome != Swapped {
		t.Fatalf("reload: %s %v", rep.Outcome, rep.Err)
	}
	cur := live.Corpus()
	if cur == old || !cur.Mapped() {
		t.Fatal("the new corpus is not the current one, or not mapped")
	}
	if !old.Mapped() {
		t.Fatal("the old text is unmapped while answers from it are held")
	}
	close(swapped)
	done.Wait()
	close(stop)
	more.Wait()
	if len(bad) > 0 {
		t.Fatalf("answers from the old index changed after the swap: %q", bad)
	}
	for deadline := time.Now().Add(30 * time.Second); old.Mapped(); {
		if time.Now().After(deadline) {
			t.Fatal("the old text is still mapped after every hold was released")
		}
		time.Sleep(time.Millisecond)
	}
	if !found(t, live, "hội nghị trồng cây bưởi") {
		t.Error("the new article is not answered")
	}
}
