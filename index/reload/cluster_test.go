package reload

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
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

// gapShared is a Shared whose Subscribe runs beforeSubscribe first, and
// which loses the announcements of a replica while drop is set: the
// announcement falls between a replica's start and its subscription, or
// while its subscription is down.
type gapShared struct {
	Shared
	beforeSubscribe func()
	drop            bool
}

func (g *gapShared) Subscribe(ctx context.Context) (<-chan []byte, func(), error) {
	if g.beforeSubscribe != nil {
		g.beforeSubscribe()
	}
	return g.Shared.Subscribe(ctx)
}

func (g *gapShared) Announce(ctx context.Context, msg []byte) error {
	if g.drop {
		return nil
	}
	return g.Shared.Announce(ctx, msg)
}

// startPair starts replicas a and b on one content directory and shared
// state, b's through sb, with a heartbeat far beyond the test: only the
// announcements and what the subscription does can bring b up to date.
func startPair(t *testing.T, shared Shared, sb Shared) (dir string, rls [2]*Reloader, cls [2]*Cluster) {
	dir = copyDir(t, "testdata/content")
	ctx := context.Background()
	for i, s := range []Shared{shared, sb} {
		rls[i] = New(Config{Content: os.DirFS(dir), Index: newLive(t)})
		if rep, _ := rls[i].Reload(ctx, Request{Trigger: "start"}); rep.Outcome != Swapped {
			t.Fatalf("start %d: %v", i, rep.Err)
		}
		cls[i] = NewCluster(ClusterConfig{Shared: s, Reloader: rls[i], ID: []string{"a", "b"}[i], Heartbeat: time.Hour})
	}
	return dir, rls, cls
}

func waitVersion(t *testing.T, rl *Reloader, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for rl.Current().Version != want {
		if time.Now().After(deadline) {
			t.Fatalf("replica b serves %q, want %q: the reload it missed was not caught up", rl.Current().Version, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestClusterAnnouncedBeforeSubscribed: replica a reloads and announces
// while replica b is starting, after b loaded its content but before its
// subscription is in. b catches up once subscribed, not at its next
// periodic check (an hour away here).
func TestClusterAnnouncedBeforeSubscribed(t *testing.T) {
	for _, b := range sharedBackends {
		t.Run(b.name, func(t *testing.T) {
			shared := b.new(t)
			gap := &gapShared{Shared: shared}
			dir, rls, cls := startPair(t, shared, gap)
			ctx := context.Background()
			if err := cls[0].Start(ctx); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(cls[0].Close)
			var rep Report
			gap.beforeSubscribe = func() {
				mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
				rep, _ = rls[0].Reload(ctx, Request{Trigger: "command"}) // announced, b not yet subscribed
			}
			if err := cls[1].Start(ctx); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(cls[1].Close)
			if rep.Outcome != Swapped {
				t.Fatalf("reload on replica a: %s %v", rep.Outcome, rep.Err)
			}
			waitVersion(t, rls[1], rep.Version)
		})
	}
}

// TestClusterResubscribed: replica b's connection to Redis drops while
// replica a reloads, so a's announcement is lost to b; once go-redis has
// subscribed b again, b catches up.
func TestClusterResubscribed(t *testing.T) {
	rds := redistest.Start(t)
	rdb := rds.Client()
	// a's announcement is lost as if made while b's subscription was down.
	sa := &gapShared{Shared: store.NewRedisReplicas(rdb)}
	dir, rls, cls := startPair(t, sa, store.NewRedisReplicas(rdb))
	ctx := context.Background()
	for _, c := range cls {
		if err := c.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
	}
	// b's start-up check is over once it handles announcements: a probe's
	// reload, done, says so; after it, only the resubscription can make b
	// look for missed reloads.
	probed := make(chan struct{}, 1)
	rls[1].Notify(func(_ context.Context, r Report) {
		if r.Trigger == "announce" {
			select {
			case probed <- struct{}{}:
			default:
			}
		}
	})
	if err := sa.Shared.Announce(ctx, []byte(`{"v":1,"from":"probe","version":"x"}`)); err != nil {
		t.Fatal(err)
	}
	select {
	case <-probed:
	case <-time.After(10 * time.Second):
		t.Fatal("replica b did not reload on the probe")
	}
	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
	sa.drop = true
	rep, _ := rls[0].Reload(ctx, Request{Trigger: "command"})
	if rep.Outcome != Swapped {
		t.Fatalf("reload on replica a: %s %v", rep.Outcome, rep.Err)
	}
	if got := rls[1].Current().Version; got == rep.Version {
		t.Fatalf("replica b is at %s before it was cut off", got)
	}
	// The blip: Redis drops the subscribers' connections; go-redis
	// reconnects and subscribes again.
	if err := rdb.Do(ctx, "CLIENT", "KILL", "TYPE", "pubsub").Err(); err != nil {
		t.Fatal(err)
	}
	waitVersion(t, rls[1], rep.Version)
}

// TestClusterRedisRestartedEmpty: Redis restarts without persistence while
// replica a reloads — the replicas' hash is gone, and a's reload was neither
// written to it nor announced. Once their subscriptions are back, both
// replicas write their entries again (/stats lists them without waiting for
// the heartbeat, an hour here) and a announces again the reload it could
// not announce: b catches up.
func TestClusterRedisRestartedEmpty(t *testing.T) {
	rds := redistest.Start(t)
	dir, rls, cls := startPair(t, store.NewRedisReplicas(rds.Client()), store.NewRedisReplicas(rds.Client()))
	ctx := context.Background()
	for _, c := range cls {
		if err := c.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Close)
	}
	rds.Stop()
	mustCopy(t, "testdata/new-article.txt", filepath.Join(dir, "hoi-nghi.txt"))
	rep, _ := rls[0].Reload(ctx, Request{Trigger: "command"})
	if rep.Outcome != Swapped {
		t.Fatalf("reload on replica a: %s %v", rep.Outcome, rep.Err)
	}
	rds.Restart() // empty: nothing was persisted
	// go-redis dials again with a backoff: seconds on a loaded machine.
	// The deadline only bounds a failing test.
	deadline := time.Now().Add(time.Minute)
	for rls[1].Current().Version != rep.Version {
		if time.Now().After(deadline) {
			t.Fatalf("replica b serves %q, want %q: the reload announced while Redis was down was not made again", rls[1].Current().Version, rep.Version)
		}
		time.Sleep(20 * time.Millisecond)
	}
	for {
		reps, err := cls[0].Replicas(ctx)
		var got []string
		for _, r := range reps {
			got = append(got, r.ID+"@"+r.Version)
		}
		want := []string{"a@" + rep.Version, "b@" + rep.Version}
		if err == nil && slices.Equal(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("replicas listed after the restart = %v, %v; want %v", got, err, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
