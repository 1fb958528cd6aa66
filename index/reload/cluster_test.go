package reload

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/logtest"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// sharedBackends are the replicas' shared state the cluster tests run on:
// a real redis-server, and memory (replicas in one process). Each call
// returns one shared state for all the replicas of a test.
var sharedBackends = []struct {
	name string
	new  func(t *testing.T) Shared
}{
	{"redis", func(t *testing.T) Shared { return store.NewRedisReplicas(redistest.Start(t).Client()) }},
	{"memory", func(*testing.T) Shared { return store.NewMemoryReplicas() }},
}

// TestClusterTwoReplicas runs two replicas on one shared state and one
// content directory: a reload on one makes both swap.
func TestClusterTwoReplicas(t *testing.T) {
	for _, b := range sharedBackends {
		t.Run(b.name, func(t *testing.T) { testClusterTwoReplicas(t, b.new(t)) })
	}
}

func testClusterTwoReplicas(t *testing.T, shared Shared) {
	dir := copyDir(t, "testdata/content")
	ctx := context.Background()

	lives := [2]*Reloader{}
	clusters := [2]*Cluster{}
	liveIx := [2]*index.Live{}
	// Every announcement made, in order; replica b's log says which it heard.
	heard, stop, err := shared.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	bLog := &logtest.Buffer{}
	for i := range 2 {
		l := newLive(t)
		liveIx[i] = l
		lives[i] = New(Config{Content: os.DirFS(dir), Index: l})
		if rep, _ := lives[i].Reload(ctx, Request{Trigger: "start"}); rep.Outcome != Swapped {
			t.Fatalf("replica %d start: %s %v", i, rep.Outcome, rep.Err)
		}
		log := slog.New(slog.DiscardHandler)
		if i == 1 {
			log = slog.New(slog.NewTextHandler(bLog, nil))
		}
		clusters[i] = NewCluster(ClusterConfig{Shared: shared, Reloader: lives[i], ID: []string{"replica-a", "replica-b"}[i], Heartbeat: time.Second, Logger: log})
		if err := clusters[i].Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(clusters[i].Close)
	}

	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
	rep, err := lives[0].Reload(ctx, Request{Trigger: "command"})
	if err != nil || rep.Outcome != Swapped {
		t.Fatalf("reload on replica a: %v %s %v", err, rep.Outcome, rep.Err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for lives[1].Current().Version != rep.Version {
		if time.Now().After(deadline) {
			t.Fatalf("replica b serves %q, want %q", lives[1].Current().Version, rep.Version)
		}
		time.Sleep(10 * time.Millisecond)
	}
	for i, l := range liveIx {
		if got, want := l.Stats().Articles, 3; got != want {
			t.Errorf("replica %d serves %d articles, want %d", i, got, want)
		}
		if !found(t, l, "hội nghị trồng cây bưởi") {
			t.Errorf("replica %d does not answer from the new article", i)
		}
	}

	var reps []Replica
	for {
		reps, err = clusters[1].Replicas(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(reps) == 2 && reps[0].Version == rep.Version && reps[1].Version == rep.Version {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("replicas = %+v, want both at %s", reps, rep.Version)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got, want := reps[0].ID+","+reps[1].ID, "replica-a,replica-b"; got != want {
		t.Errorf("replica IDs %q, want %q", got, want)
	}
	if reps[1].Articles != 3 {
		t.Errorf("replica b reports %d articles, want 3", reps[1].Articles)
	}
	// A replica's reload triggered by an announcement is not announced
	// again. Replica b handles announcements one at a time: once it has
	// heard a probe sent now, its own reload is over, announcement (if any)
	// included; an end mark sent after that comes after it on the channel.
	probe := func(from string) {
		if err := shared.Announce(ctx, []byte(`{"v":1,"from":"`+from+`","version":"`+rep.Version+`"}`)); err != nil {
			t.Fatal(err)
		}
	}
	probe("probe")
	for !strings.Contains(bLog.String(), "from=probe") {
		if time.Now().After(deadline) {
			t.Fatalf("replica b did not hear the probe:\n%s", bLog.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	probe("end")
	var froms []string
	for {
		var m []byte
		select {
		case m = <-heard:
		case <-time.After(10 * time.Second):
			t.Fatalf("no end mark on the channel; heard %v", froms)
		}
		var a announcement
		if err := json.Unmarshal(m, &a); err != nil {
			t.Fatal(err)
		}
		if a.From == "end" {
			break
		}
		froms = append(froms, a.From)
	}
	if got, want := strings.Join(froms, ","), "replica-a,probe"; got != want {
		t.Errorf("announcements %s, want %s: a reload made on an announcement was announced again", got, want)
	}
	if got := lives[0].Current().Version; got != rep.Version {
		t.Errorf("replica a version moved to %q", got)
	}
}

// TestClusterCatchUp: a replica that missed an announcement (it was not
// listening) reloads when it sees, in the replicas' hash, newer content.
func TestClusterCatchUp(t *testing.T) {
	for _, b := range sharedBackends {
		t.Run(b.name, func(t *testing.T) { testClusterCatchUp(t, b.new(t)) })
	}
}

func testClusterCatchUp(t *testing.T, shared Shared) {
	dir := copyDir(t, "testdata/content")
	ctx := context.Background()
	var rls [2]*Reloader
	var cls [2]*Cluster
	for i := range 2 {
		rls[i] = New(Config{Content: os.DirFS(dir), Index: newLive(t)})
		if rep, _ := rls[i].Reload(ctx, Request{Trigger: "start"}); rep.Outcome != Swapped {
			t.Fatalf("start %d: %v", i, rep.Err)
		}
		cls[i] = NewCluster(ClusterConfig{Shared: shared, Reloader: rls[i], ID: []string{"a", "b"}[i], Heartbeat: 200 * time.Millisecond})
	}
	if err := cls[0].Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cls[0].Close)
	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
	rep, _ := rls[0].Reload(ctx, Request{Trigger: "command"}) // b is not listening
	if err := cls[1].Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cls[1].Close)
	deadline := time.Now().Add(5 * time.Second)
	for rls[1].Current().Version != rep.Version {
		if time.Now().After(deadline) {
			t.Fatalf("replica b serves %q, want %q", rls[1].Current().Version, rep.Version)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
