package index

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestReloadRefusedOverMemoryLimit: a reload whose estimate does not fit is
// refused before building, says by how much, and the old index keeps
// answering; under a limit it fits, the same reload swaps.
func TestReloadRefusedOverMemoryLimit(t *testing.T) {
	ctx := context.Background()
	old, err := content.Load(ctx, content.Default())
	if err != nil {
		t.Fatal(err)
	}
	bigger := synth.Corpus(1, 50, 300)
	const question = "email uy ban"
	want, err := mustBuild(t, old).Search(ctx, question, Options{})
	if err != nil || !want.Found {
		t.Fatalf("old index: found=%v err=%v", want.Found, err)
	}

	need := EstimateBuild(bigger, BuildOptions{})
	live := NewLive(mustBuild(t, old), BuildOptions{MemoryLimit: need / 2})
	defer live.Close()
	before := live.Stats()
	_, err = live.Reload(ctx, bigger)
	var me *MemoryError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &me) {
		t.Fatalf("reload over the limit: err = %v, want ErrTooLarge", err)
	}
	if me.Need != need || me.Limit != need/2 || me.InUse <= 0 {
		t.Errorf("MemoryError = %+v, want need %d, limit %d, something in use", me, need, need/2)
	}
	if got := live.Stats(); got.Articles != before.Articles || got.Units != before.Units {
		t.Errorf("after a refused reload the stats are %+v, want %+v", got, before)
	}
	got, err := live.Search(ctx, question, Options{})
	if err != nil || !got.Found || got.Hits[0].Text != want.Hits[0].Text {
		t.Fatalf("after a refused reload: found=%v err=%v, want the old index's answer", got.Found, err)
	}

	roomy := NewLive(mustBuild(t, old), BuildOptions{MemoryLimit: liveHeap() + 4*need})
	defer roomy.Close()
	if st, err := roomy.Reload(ctx, bigger); err != nil || st.Articles != len(bigger.Articles) {
		t.Fatalf("reload within the limit: %+v, %v", st, err)
	}
}

// TestReloadRefusedOnDisk: the guard refuses an on-disk reload (what
// serve builds) by its on-disk estimate, the old index answering on; with
// room, the reload swaps in an index that answers.
func TestReloadRefusedOnDisk(t *testing.T) {
	ctx := context.Background()
	old := synth.Corpus(2, 30, 200)
	bigger := synth.Corpus(3, 60, 200)
	opts := BuildOptions{Path: t.TempDir()}
	need := EstimateBuild(bigger, opts)
	if mem := EstimateBuild(bigger, BuildOptions{}); need >= mem {
		t.Fatalf("on-disk estimate %d, in memory %d: want less on disk", need, mem)
	}
	first, err := Build(ctx, old, opts)
	if err != nil {
		t.Fatal(err)
	}
	tight := opts
	tight.MemoryLimit = liveHeap() + need/2
	live := NewLive(first, tight)
	defer live.Close()
	q := synth.Questions(2, old, 5)[0].Question
	want, err := live.Search(ctx, q, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var me *MemoryError
	if _, err := live.Reload(ctx, bigger); !errors.As(err, &me) || me.Need != need {
		t.Fatalf("on-disk reload over the limit: err = %v, want a MemoryError needing %d", err, need)
	}
	got, err := live.Search(ctx, q, Options{})
	if err != nil || got.Found != want.Found || (want.Found && got.Hits[0].Text != want.Hits[0].Text) {
		t.Fatalf("after a refused reload: %v, %v; want the old index's answer", got.Found, err)
	}

	second, err := Build(ctx, old, opts)
	if err != nil {
		t.Fatal(err)
	}
	roomy := opts
	roomy.MemoryLimit = liveHeap() + 4*need
	live2 := NewLive(second, roomy)
	defer live2.Close()
	st, err := live2.Reload(ctx, bigger)
	if err != nil || st.Articles != len(bigger.Articles) {
		t.Fatalf("on-disk reload within the limit: %+v, %v", st, err)
	}
	q2 := synth.Questions(3, bigger, 5)[0].Question
	if _, err := live2.Search(ctx, q2, Options{}); err != nil {
		t.Fatalf("the reloaded index: %v", err)
	}
}

// TestEstimateBuild: the estimate grows with the text, and an on-disk index
// keeps less in memory than one held in memory.
func TestEstimateBuild(t *testing.T) {
	small, large := synth.Corpus(1, 20, 300), synth.Corpus(1, 200, 300)
	if s, l := EstimateBuild(small, BuildOptions{}), EstimateBuild(large, BuildOptions{}); s <= 0 || l <= s {
		t.Errorf("estimates: %d for 20 articles, %d for 200", s, l)
	}
	if d, m := EstimateBuild(large, BuildOptions{Path: t.TempDir()}), EstimateBuild(large, BuildOptions{}); d >= m {
		t.Errorf("on disk %d, in memory %d: want less on disk", d, m)
	}
}

// TestHoldMemory: a build holds the process's soft limit to what is in use
// plus its room, never above the limit set before; builds at once add
// their room; the last to finish restores the limit, and the reload guard
// reads the limit set, not the one held.
func TestHoldMemory(t *testing.T) {
	const set = 64 << 30
	before := debug.SetMemoryLimit(set)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	const need = 100 << 20
	base := inUse()
	releaseA := holdMemory(need)
	a := debug.SetMemoryLimit(-1)
	if a >= set || a < need {
		t.Fatalf("one build holds the limit at %d MB, want between its need (%d MB) and the limit set (%d MB)", a>>20, need>>20, set>>20)
	}
	// The room is the estimate itself (buildMargin 1): the estimate is
	// already above the build's live peak, and more room let the
	// build's garbage raise a reload's peak RSS.
	if room := a - base; room < need-16<<20 || room > need+16<<20 {
		t.Errorf("one build holds %d MB over the %d MB in use, want its need, %d MB", room>>20, base>>20, need>>20)
	}
	if got := processLimit(); got != set {
		t.Errorf("the guard reads %d MB during a build, want the limit set, %d MB", got>>20, set>>20)
	}
	releaseB := holdMemory(need)
	if b := debug.SetMemoryLimit(-1); b <= a {
		t.Errorf("two builds hold %d MB, one %d MB: want more room for two", b>>20, a>>20)
	}
	releaseB()
	if got := debug.SetMemoryLimit(-1); got >= set {
		t.Errorf("one build still running: the limit is back at %d MB", got>>20)
	}
	releaseA()
	if got := debug.SetMemoryLimit(-1); got != set {
		t.Errorf("after the builds the limit is %d MB, want %d MB", got>>20, set>>20)
	}

	// Never above a tighter limit already set.
	debug.SetMemoryLimit(need / 2)
	release := holdMemory(need)
	if got := debug.SetMemoryLimit(-1); got != need/2 {
		t.Errorf("under a limit of %d MB a build holds %d MB, want the limit kept", need>>21, got>>20)
	}
	release()
	if got := debug.SetMemoryLimit(-1); got != need/2 {
		t.Errorf("after the build the limit is %d MB, want %d MB", got>>20, need>>21)
	}
}

// TestBuildRestoresMemoryLimit: a build leaves the soft limit as it found
// it, failed or not.
func TestBuildRestoresMemoryLimit(t *testing.T) {
	const set = 32 << 30
	before := debug.SetMemoryLimit(set)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	if _, err := Build(context.Background(), synth.Corpus(1, 5, 100), BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(ctx, synth.Corpus(1, 5, 100), BuildOptions{}); err == nil {
		t.Fatal("a build with its context cancelled succeeded")
	}
	if got := debug.SetMemoryLimit(-1); got != set {
		t.Errorf("after builds the limit is %d MB, want %d MB", got>>20, set>>20)
	}
}

// TestStepRoom: on disk, each step holds no more room than the whole
// estimate (the cutting and the batches less), the batches at least those
// in flight; in memory the whole estimate holds throughout.
func TestStepRoom(t *testing.T) {
	c := synth.Corpus(1, 400, 300)
	disk := BuildOptions{Path: t.TempDir()}
	whole := EstimateBuild(c, disk)
	text := textOf(c)
	if r := stepRoom(c, disk, stepBatches); r <= 0 || r >= whole {
		t.Errorf("the batches on disk hold %d, want less than the estimate %d", r, whole)
	}
	if r := stepRoom(c, disk, stepMerge); r <= 0 || r > whole {
		t.Errorf("the merge on disk holds %d, want no more than the estimate %d", r, whole)
	}
	if r := stepRoom(c, disk, stepBatches); r < inFlight(text, disk)*batchPerTextByte {
		t.Errorf("the batches hold %d, less than those in flight", r)
	}
	if r := stepRoom(c, disk, stepCut); r <= 0 || r >= whole {
		t.Errorf("the cutting on disk holds %d, want less than the estimate %d", r, whole)
	}
	for _, step := range []int{stepCut, stepBatches, stepMerge} {
		if r, e := stepRoom(c, BuildOptions{}, step), EstimateBuild(c, BuildOptions{}); r != e {
			t.Errorf("step %d in memory holds %d, want the estimate %d", step, r, e)
		}
	}
}

// TestLiveSearchesBounded: 64 askers at once (a burst from many chats) get
// the answers one asker gets, with never more than searchSlots searches
// running; one whose context ends while it waits is told so.
func TestLiveSearchesBounded(t *testing.T) {
	ctx := context.Background()
	live := NewLive(mustBuild(t, synth.Corpus(4, 60, 200)), BuildOptions{})
	defer live.Close()
	questions := []string{"so dien thoai uy ban", "email uy ban", "sap nhap thon", "nghi quyet 18", "dan so bao nhieu"}
	want := map[string]string{}
	for _, q := range questions {
		r, err := live.Search(ctx, q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[q] = fmt.Sprint(r.Found, len(r.Hits), firstText(r))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := questions[i%len(questions)]
			r, err := live.Search(ctx, q, Options{})
			if got := fmt.Sprint(r.Found, len(r.Hits), firstText(r)); err != nil || got != want[q] {
				errs <- fmt.Sprintf("%q: %s, %v; alone %s", q, got, err, want[q])
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if m := live.busyMax.Load(); m < 1 || int(m) > searchSlots() {
		t.Errorf("%d searches ran at once, want 1 … %d", m, searchSlots())
	}
	// Every slot taken: an asker whose context ends waits no longer.
	for range searchSlots() {
		live.searching <- struct{}{}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := live.Search(cctx, questions[0], Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("a search waiting with its context ended: err = %v, want context.Canceled", err)
	}
	for range searchSlots() {
		<-live.searching
	}
}

func firstText(r Result) string {
	if len(r.Hits) == 0 {
		return ""
	}
	return r.Hits[0].Text
}
