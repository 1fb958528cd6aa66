package reload

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// copyDir copies testdata/content into a fresh directory the test may change.
func copyDir(tb testing.TB, src string) string {
	tb.Helper()
	dst := tb.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		tb.Fatal(err)
	}
	return dst
}

func mustCopy(tb testing.TB, from, to string) {
	tb.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// newLive serves an empty index until the first reload, as serve does.
func newLive(tb testing.TB) *index.Live {
	tb.Helper()
	l := index.NewLive(nil, index.BuildOptions{})
	tb.Cleanup(func() { l.Close() })
	return l
}

func found(tb testing.TB, l *index.Live, q string) bool {
	tb.Helper()
	res, err := l.Search(context.Background(), q, index.Options{})
	if err != nil {
		tb.Fatalf("search %q: %v", q, err)
	}
	return res.Found
}

func TestReloadSwapsAndReports(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	live := newLive(t)
	var hooked []Report
	r := New(Config{Content: os.DirFS(dir), Index: live,
		OnReload: []func(context.Context, Report){func(_ context.Context, rep Report) { hooked = append(hooked, rep) }}})
	ctx := context.Background()

	first, err := r.Reload(ctx, Request{Trigger: "start"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := first.Outcome, Swapped; got != want {
		t.Fatalf("first reload: outcome %s, want %s (%v)", got, want, first.Err)
	}
	if got, want := first.After.Articles, 2; got != want {
		t.Errorf("articles after first reload = %d, want %d", got, want)
	}
	if found(t, live, "hội nghị trồng cây bưởi") {
		t.Fatal("the new article is answered before it exists")
	}

	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
	second, err := r.Reload(ctx, Request{Trigger: "command"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := second.Outcome, Swapped; got != want {
		t.Fatalf("second reload: outcome %s, want %s (%v)", got, want, second.Err)
	}
	if got, want := second.Before.Articles, 2; got != want {
		t.Errorf("articles before = %d, want %d", got, want)
	}
	if got, want := second.After.Articles, 3; got != want {
		t.Errorf("articles after = %d, want %d", got, want)
	}
	if second.After.Passages <= second.Before.Passages {
		t.Errorf("passages %d → %d, want more", second.Before.Passages, second.After.Passages)
	}
	if second.Version == "" || second.Version == second.PrevVersion || second.PrevVersion != first.Version {
		t.Errorf("versions: prev %q → %q, first was %q", second.PrevVersion, second.Version, first.Version)
	}
	if second.Took <= 0 {
		t.Errorf("took = %v, want the build's time", second.Took)
	}
	if got, want := r.Current().Version, second.Version; got != want {
		t.Errorf("current version %q, want %q", got, want)
	}
	if !found(t, live, "hội nghị trồng cây bưởi") {
		t.Error("the new article is not answered after the reload")
	}
	if got, want := len(hooked), 2; got != want {
		t.Errorf("OnReload called %d times, want %d", got, want)
	}
}

func TestReloadRefusesBrokenContent(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	live := newLive(t)
	r := New(Config{Content: os.DirFS(dir), Index: live})
	ctx := context.Background()
	if rep, _ := r.Reload(ctx, Request{Trigger: "start"}); rep.Outcome != Swapped {
		t.Fatalf("start: %s %v", rep.Outcome, rep.Err)
	}
	before := live.Stats()

	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
	mustCopy(t, "testdata/broken.txt", filepath.Join(dir, "broken.txt"))
	rep, err := r.Reload(ctx, Request{Trigger: "command"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rep.Outcome, Refused; got != want {
		t.Fatalf("outcome %s, want %s", got, want)
	}
	if !errors.Is(rep.Err, ErrFatalProblems) {
		t.Errorf("err = %v, want ErrFatalProblems", rep.Err)
	}
	if got, want := rep.Fatal(), 1; got != want {
		t.Errorf("fatal problems = %d, want %d: %v", got, want, rep.Problems)
	}
	if got := live.Stats(); got.Articles != before.Articles || got.Passages != before.Passages {
		t.Errorf("index changed though refused: %+v → %+v", before, got)
	}
	if !found(t, live, "sáp nhập thôn xã Thử Nghiệm") || found(t, live, "hội nghị trồng cây bưởi") {
		t.Error("the old index does not serve as before")
	}

	// A confirmation of another version does not cover this content.
	if rep, _ := r.Reload(ctx, Request{Trigger: "command", Confirm: "000000000000"}); rep.Outcome != Refused {
		t.Errorf("confirmed a stale version: outcome %s, want refused", rep.Outcome)
	}
	// The admin confirms this version: the readable files are swapped in.
	rep, err = r.Reload(ctx, Request{Trigger: "command", Confirm: rep.Version})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rep.Outcome, Swapped; got != want {
		t.Fatalf("confirmed: outcome %s, want %s (%v)", got, want, rep.Err)
	}
	if got, want := rep.After.Articles, 3; got != want {
		t.Errorf("articles after confirmed reload = %d, want %d", got, want)
	}
}

func TestReloadRefusesEmptyContent(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	live := newLive(t)
	r := New(Config{Content: os.DirFS(dir), Index: live})
	ctx := context.Background()
	r.Reload(ctx, Request{Trigger: "start"})
	for _, e := range []string{"lien-he.txt", "xa-thu-nghiem.txt"} {
		os.Remove(filepath.Join(dir, e))
	}
	rep, _ := r.Reload(ctx, Request{Trigger: "command", AcceptErrors: true})
	if got, want := rep.Outcome, Refused; got != want || !errors.Is(rep.Err, ErrNoArticles) {
		t.Fatalf("outcome %s (%v), want %s with ErrNoArticles", got, rep.Err, want)
	}
	if got, want := live.Stats().Articles, 2; got != want {
		t.Errorf("articles served = %d, want %d", got, want)
	}
}

// gate is an Index whose builds wait until released, counting them.
type gate struct {
	builds  atomic.Int32
	started chan struct{}
	release chan struct{}
}

func (g *gate) Reload(ctx context.Context, c *content.Corpus) (index.Stats, error) {
	g.builds.Add(1)
	g.started <- struct{}{}
	<-g.release
	return index.Stats{Articles: len(c.Articles)}, nil
}

func (g *gate) Stats() index.Stats { return index.Stats{} }

func TestReloadCoalesces(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	g := &gate{started: make(chan struct{}, 10), release: make(chan struct{})}
	r := New(Config{Content: os.DirFS(dir), Index: g})
	ctx := context.Background()

	firstDone := make(chan Report, 1)
	go func() {
		rep, _ := r.Reload(ctx, Request{Trigger: "command"})
		firstDone <- rep
	}()
	<-g.started // the first build runs

	const late = 5
	var wg sync.WaitGroup
	reports := make([]Report, late)
	for i := range late {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports[i], _ = r.Reload(ctx, Request{Trigger: "upload"})
		}()
	}
	// Let the late callers queue up behind the running build.
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.mu.Lock()
		n := -1
		if r.next != nil {
			n = r.next.waiters
		}
		r.mu.Unlock()
		if n == late-1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("late callers did not queue: waiters %d", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	g.release <- struct{}{} // first build ends
	<-g.started             // the one follow-up starts
	g.release <- struct{}{}
	wg.Wait()
	<-firstDone

	if got, want := g.builds.Load(), int32(2); got != want {
		t.Errorf("builds = %d, want %d (one running, one follow-up)", got, want)
	}
	for i, rep := range reports {
		if rep.Outcome != Swapped || rep.Coalesced != late-1 {
			t.Errorf("late caller %d: outcome %s, coalesced %d; want swapped, %d", i, rep.Outcome, rep.Coalesced, late-1)
		}
	}
	select {
	case <-g.started:
		t.Error("a third build started")
	default:
	}
}

func TestReloadCallerGivesUpBuildGoesOn(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	g := &gate{started: make(chan struct{}, 10), release: make(chan struct{})}
	var outcome atomic.Value
	r := New(Config{Content: os.DirFS(dir), Index: g,
		OnReload: []func(context.Context, Report){func(_ context.Context, rep Report) { outcome.Store(rep.Outcome) }}})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { _, err := r.Reload(ctx, Request{Trigger: "command"}); errc <- err }()
	<-g.started
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	g.release <- struct{}{}
	r.Close()
	if got, want := outcome.Load(), Swapped; got != want {
		t.Errorf("outcome after caller left = %v, want %v", got, want)
	}
}

func TestVersion(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	ctx := context.Background()
	v1, err := Version(ctx, os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	v2, _ := Version(ctx, os.DirFS(dir))
	os.WriteFile(filepath.Join(dir, "notes.bin"), []byte("ignored"), 0o644)
	os.WriteFile(filepath.Join(dir, ".hidden.txt"), []byte("ignored"), 0o644)
	v3, _ := Version(ctx, os.DirFS(dir))
	b, _ := os.ReadFile(filepath.Join(dir, "lien-he.txt"))
	os.WriteFile(filepath.Join(dir, "lien-he.txt"), append(b, '\n'), 0o644)
	v4, _ := Version(ctx, os.DirFS(dir))
	if len(v1) != 12 || v1 != v2 || v1 != v3 {
		t.Errorf("same content, versions %q %q %q", v1, v2, v3)
	}
	if v4 == v1 {
		t.Errorf("edited content kept version %q", v1)
	}
}

// TestVersionFollowsLoad: a file changes the content version exactly when
// content.Load reads it, whatever its name or place (one rule,
// content.ListFiles, for both).
func TestVersionFollowsLoad(t *testing.T) {
	ctx := context.Background()
	base := fstest.MapFS{
		"lien-he.txt": {Data: []byte("Liên hệ (synthetic)\n\nĐiện thoại: 0000 000 001.\n")},
	}
	article := []byte("Bài thử (synthetic)\n\nNội dung thử nghiệm của một bài viết.\n")
	loaded := func(fsys fstest.MapFS) string {
		c, err := content.Load(ctx, fsys)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range c.Articles {
			ids = append(ids, a.ID)
		}
		return fmt.Sprint(ids, len(c.Glossary.Abbreviations), len(c.Glossary.English), len(c.Problems))
	}
	v0, err := Version(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	l0 := loaded(base)
	for _, tt := range []struct {
		path string
		data []byte
	}{
		{"moi.md", article}, {"sub/moi.htm", article}, {"sub/moi.markdown", article},
		{"notes.bin", article}, {".hidden.txt", article}, {".git/moi.txt", article},
		{"README.md", article}, {"sub/readme.md", article},
		{"abbreviations.tsv", []byte("XTN\txã thử nghiệm\n")}, {"english.tsv", []byte("test commune\txã thử nghiệm\n")},
		{"sub/abbreviations.tsv", []byte("XTN\txã thử nghiệm\n")},
	} {
		t.Run(tt.path, func(t *testing.T) {
			fsys := maps.Clone(base)
			fsys[tt.path] = &fstest.MapFile{Data: tt.data}
			v, err := Version(ctx, fsys)
			if err != nil {
				t.Fatal(err)
			}
			if read, changed := loaded(fsys) != l0, v != v0; read != changed {
				t.Errorf("content.Load reads it: %v; the version changes: %v", read, changed)
			}
		})
	}
}

// slowIndex builds until released or until its context ends, as
// index.Build does between batches.
type slowIndex struct {
	started chan struct{}
	release chan struct{}
}

func (s *slowIndex) Reload(ctx context.Context, c *content.Corpus) (index.Stats, error) {
	s.started <- struct{}{}
	select {
	case <-s.release:
		return index.Stats{Articles: len(c.Articles)}, nil
	case <-ctx.Done():
		return index.Stats{}, fmt.Errorf("slow build: %w", ctx.Err())
	}
}

func (s *slowIndex) Stats() index.Stats { return index.Stats{} }

// A process told to stop during a reload must not wait for the whole
// build: Close cancels it (and the one queued behind it), and each caller
// gets a Failed report saying it was cancelled.
func TestCloseCancelsBuild(t *testing.T) {
	dir := copyDir(t, "testdata/content")
	s := &slowIndex{started: make(chan struct{}, 10), release: make(chan struct{})}
	var hooked atomic.Int32
	r := New(Config{Content: os.DirFS(dir), Index: s,
		OnReload: []func(context.Context, Report){func(context.Context, Report) { hooked.Add(1) }}})
	reps := make(chan Report, 2)
	go func() { rep, _ := r.Reload(context.Background(), Request{Trigger: "signal"}); reps <- rep }()
	<-s.started
	go func() { rep, _ := r.Reload(context.Background(), Request{Trigger: "command"}); reps <- rep }() // queued behind
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.mu.Lock()
		queued := r.next != nil
		r.mu.Unlock()
		if queued {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("second request did not queue")
		}
		time.Sleep(5 * time.Millisecond)
	}
	closed := make(chan struct{})
	go func() { r.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		close(s.release)
		t.Fatal("Close waited for the build instead of cancelling it")
	}
	for range 2 {
		rep := <-reps
		if rep.Outcome != Failed || !errors.Is(rep.Err, context.Canceled) {
			t.Errorf("report after Close: outcome %s, err %v; want failed, context.Canceled", rep.Outcome, rep.Err)
		}
	}
	if got := hooked.Load(); got != 2 {
		t.Errorf("OnReload called %d times, want 2 (each build reports)", got)
	}
}
