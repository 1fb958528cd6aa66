package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/handoff"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
)

// startRedisProc starts redis-server with args until the test ends.
func startRedisProc(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command("redis-server", args...)
	if err := cmd.Start(); err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
}

// TestRedisSentinel connects through a real Sentinel with the URL form
// operators of a managed Redis use, and uses the master it names.
func TestRedisSentinel(t *testing.T) {
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server not installed")
	}
	dir := t.TempDir()
	master, sentinel := freeAddr(t), freeAddr(t)
	_, mport, _ := net.SplitHostPort(master)
	_, sport, _ := net.SplitHostPort(sentinel)
	startRedisProc(t, "--port", mport, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir)
	conf := filepath.Join(dir, "sentinel.conf")
	os.WriteFile(conf, []byte(fmt.Sprintf("port %s\nbind 127.0.0.1\nsentinel monitor kyanhmaster 127.0.0.1 %s 1\n", sport, mport)), 0o600)
	startRedisProc(t, conf, "--sentinel")

	c, err := store.Open("redis+sentinel://"+sentinel+"/0?master=kyanhmaster", "")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	deadline := time.Now().Add(10 * time.Second)
	for {
		err = c.Set(ctx, "kyanhbot:test", "qua sentinel", time.Minute).Err()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no master through the sentinel: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The value is on the master itself.
	direct, err := store.Open("redis://"+master+"/0", "")
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Close()
	if got, err := direct.Get(ctx, "kyanhbot:test").Result(); err != nil || got != "qua sentinel" {
		t.Errorf("master holds %q, %v", got, err)
	}
	testOnRedis(t, c)
}

// TestRedisCluster builds a three-node Redis Cluster and runs what serve
// keeps in Redis — conversation state, question counters, replica versions,
// reload announcements — through a redis+cluster:// URL.
func TestRedisCluster(t *testing.T) {
	if _, err := exec.LookPath("redis-cli"); err != nil {
		t.Skip("redis-cli not installed")
	}
	if testing.Short() {
		t.Skip("builds a cluster")
	}
	var addrs []string
	for i := range 3 {
		addr := freeAddr(t)
		_, port, _ := net.SplitHostPort(addr)
		dir := filepath.Join(t.TempDir(), fmt.Sprint(i))
		os.MkdirAll(dir, 0o700)
		startRedisProc(t, "--port", port, "--bind", "127.0.0.1", "--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(dir, "nodes.conf"), "--save", "", "--appendonly", "no", "--dir", dir)
		addrs = append(addrs, addr)
	}
	// Each node must answer before the cluster is built: polled, not slept,
	// as a loaded machine may take long to start three servers.
	for _, addr := range addrs {
		node, err := store.Open("redis://"+addr, "")
		if err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(15 * time.Second)
		for node.Ping(context.Background()).Err() != nil {
			if time.Now().After(deadline) {
				t.Fatalf("redis-server on %s does not answer", addr)
			}
			time.Sleep(20 * time.Millisecond)
		}
		node.Close()
	}
	args := append([]string{"--cluster", "create"}, addrs...)
	if out, err := exec.Command("redis-cli", append(args, "--cluster-yes")...).CombinedOutput(); err != nil {
		t.Fatalf("redis-cli --cluster create: %v\n%s", err, out)
	}
	c, err := store.Open("redis+cluster://"+addrs[0]+","+addrs[1]+","+addrs[2], "")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	deadline := time.Now().Add(15 * time.Second)
	for {
		// Keys on every slot range: the cluster is up when all can be written.
		err = nil
		for i := range 20 {
			if err = c.Set(ctx, fmt.Sprintf("kyanhbot:probe:%d", i), "1", time.Minute).Err(); err != nil {
				break
			}
		}
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("cluster not ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	testOnRedis(t, c)
}

// testOnRedis runs, on c, one of each kind of Redis use serve makes.
func testOnRedis(t *testing.T, c store.Client) {
	t.Helper()
	ctx := context.Background()
	st := store.NewRedis(c, store.Options{})
	if err := st.SaveChat(ctx, 5, bot.ChatState{Lang: "vi", List: bot.List{Kind: "search", Query: "giờ làm việc"}}); err != nil {
		t.Fatalf("save chat: %v", err)
	}
	if got, err := st.Chat(ctx, 5); err != nil || got.List.Query != "giờ làm việc" {
		t.Errorf("chat = %+v, %v", got, err)
	}
	if err := st.Vote(ctx, 5, bot.Vote{Key: "k", Up: true, Time: time.Now()}); err != nil {
		t.Errorf("vote: %v", err)
	}
	if n, err := st.Hit(ctx, 5); err != nil || n != 1 {
		t.Errorf("flood hit = %d, %v", n, err)
	}
	ledger := store.NewRedisLedger(c, "1")
	if got, _, err := ledger.Claim(ctx, 77, "me"); err != nil || !got {
		t.Errorf("ledger claim = %v, %v", got, err)
	}
	if ok, err := ledger.AcquirePollLock(ctx, "me", time.Minute); err != nil || !ok {
		t.Errorf("poll lock = %v, %v", ok, err)
	}
	if err := st.CountQuestion(ctx, "giờ làm việc", true, time.Millisecond); err != nil {
		t.Errorf("count question: %v", err)
	}
	if sum, err := st.QuestionStats(ctx, 7, 3); err != nil || sum.Today != 1 {
		t.Errorf("question stats = %+v, %v", sum, err)
	}
	tickets := store.NewRedisTickets[handoff.Ticket](c, -100, 0)
	if err := tickets.Save(ctx, 3, handoff.Ticket{ChatID: 5}); err != nil {
		t.Errorf("ticket: %v", err)
	}

	// Two replicas: a reload on one is announced to the other.
	dir := opsContent(t)
	var rls [2]*reload.Reloader
	for i := range rls {
		live := index.NewLive(nil, index.BuildOptions{})
		t.Cleanup(func() { live.Close() })
		rls[i] = reload.New(reload.Config{Content: os.DirFS(dir), Index: live})
		if rep, err := rls[i].Reload(ctx, reload.Request{Trigger: "start"}); err != nil || rep.Outcome != reload.Swapped {
			t.Fatalf("start: %v %v", err, rep.Err)
		}
		cl := reload.NewCluster(reload.ClusterConfig{Shared: store.NewRedisReplicas(c), Reloader: rls[i], ID: fmt.Sprint("r", i), Heartbeat: time.Second})
		if err := cl.Start(ctx); err != nil {
			t.Fatalf("cluster start: %v", err)
		}
		t.Cleanup(cl.Close)
	}
	os.WriteFile(filepath.Join(dir, "hoi-nghi.txt"), readFixture(t, "new-article.txt"), 0o644)
	rep, err := rls[0].Reload(ctx, reload.Request{Trigger: "command"})
	if err != nil || rep.Outcome != reload.Swapped {
		t.Fatalf("reload: %v %v", err, rep.Err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for rls[1].Current().Version != rep.Version {
		if time.Now().After(deadline) {
			t.Fatal("the other replica did not reload")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
