package reload

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/index"
)

// TestFaultCorruptReloadUnderLoad (issue 7): while two clients search without
// pause, an admin reloads content that gained corrupt files (binary, invalid
// UTF-8, HTML without a body, broken front matter, empty): the reload is
// refused, and not one query fails or loses its answer — then the corrupt
// files go, the reload swaps, and still none fails. Figures are logged as
// "fault report".
func TestFaultCorruptReloadUnderLoad(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	mustCopy(t, "../../content/default/kyanh-sap-xep-bo-may-nq18-19.txt", filepath.Join(dir, "real.txt"))
	live := newLive(t)
	r := New(Config{Content: os.DirFS(dir), Index: live})
	ctx := context.Background()
	if rep, _ := r.Reload(ctx, Request{Trigger: "start"}); rep.Outcome != Swapped {
		t.Fatalf("start: %s %v", rep.Outcome, rep.Err)
	}
	corrupt := map[string][]byte{
		"broken.txt":   nil, // testdata/broken.txt: binary
		"latin1.txt":   []byte("title: S\xe1p nh\xe2p\n\nth\xf4n M\xe2u\n"),
		"no-body.html": []byte("<html><head><title>x</title></head><body><script>1</script></body></html>"),
		"front.md":     []byte("---\ntitle: [unclosed\ndate: : :\n---\n"),
		"empty.txt":    {},
	}
	for name, data := range corrupt {
		if data == nil {
			mustCopy(t, "testdata/broken.txt", filepath.Join(dir, name))
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))

	questions := []string{"sáp nhập thôn xã Thử Nghiệm", "Nghị quyết 18-NQ/TW", "số điện thoại ủy ban"}
	var (
		stop    atomic.Bool
		mu      sync.Mutex
		lat     []time.Duration
		queries atomic.Int64
		failed  atomic.Int64
		wg      sync.WaitGroup
	)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; !stop.Load(); i++ {
				q := questions[i%len(questions)]
				start := time.Now()
				res, err := live.Search(ctx, q, index.Options{})
				d := time.Since(start)
				queries.Add(1)
				if err != nil || !res.Found {
					failed.Add(1)
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}
		}()
	}
	// Each reload is made while searches are running: counted, not timed,
	// so a loaded machine does not reload before the searches have begun.
	searching := func(n int64) {
		t.Helper()
		want := queries.Load() + n
		for deadline := time.Now().Add(30 * time.Second); queries.Load() < want; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("only %d queries in 30 s", queries.Load())
			}
		}
	}
	searching(20)
	start := time.Now()
	refused, err := r.Reload(ctx, Request{Trigger: "command"})
	refusedIn := time.Since(start)
	if err != nil || refused.Outcome != Refused {
		t.Errorf("reload with corrupt files: %s %v, want refused", refused.Outcome, err)
	}
	for name := range corrupt {
		os.Remove(filepath.Join(dir, name))
	}
	searching(10)
	start = time.Now()
	swapped, err := r.Reload(ctx, Request{Trigger: "command"})
	swappedIn := time.Since(start)
	if err != nil || swapped.Outcome != Swapped {
		t.Errorf("reload after the fix: %s %v, want swapped", swapped.Outcome, err)
	}
	searching(20)
	stop.Store(true)
	wg.Wait()

	slices.Sort(lat)
	q := func(p float64) time.Duration {
		return lat[min(len(lat)-1, int(p*float64(len(lat))))].Round(10 * time.Microsecond)
	}
	t.Logf("fault report: %-40s refused with %d fatal problems in %v, then swapped in %v | %d queries, %d failed | latency p50 %v p99 %v max %v",
		"reload with corrupt files under load", refused.Fatal(), refusedIn.Round(time.Millisecond), swappedIn.Round(time.Millisecond),
		queries.Load(), failed.Load(), q(0.5), q(0.99), lat[len(lat)-1].Round(10*time.Microsecond))
	if n := failed.Load(); n != 0 {
		t.Errorf("%d of %d queries failed or lost their answer during the reloads", n, queries.Load())
	}
	if !found(t, live, "hội nghị trồng cây bưởi") {
		t.Error("the new article is not served after the swap")
	}
}
