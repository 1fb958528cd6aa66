package store_test

import (
	"context"
	"testing"
	"testing/fstest"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/handoff"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// TestSchema runs every Redis writer of kyanhbot against one real
// redis-server, then reads back every key: each must be in store.Schema,
// of the type it gives, with a TTL no longer than store.MaxTTL; and each
// kind in the schema must have been written, so that a key dropped from
// the code is dropped from the table too.
func TestSchema(t *testing.T) {
	ctx := context.Background()
	rdb := redistest.Start(t).Client()
	const chat, user = int64(42), int64(42)

	st := store.NewRedis(rdb, store.Options{})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveChat(ctx, chat, bot.ChatState{Lang: "vi"}))
	must(st.Vote(ctx, user, bot.Vote{Key: "u1", Up: true}))
	_, err := st.Hit(ctx, user)
	must(err)
	must(st.Unanswered(ctx, "giờ làm việc thứ bảy"))
	must(st.SmallTalk(ctx, "thanks"))
	must(st.CountQuestion(ctx, "giờ làm việc thứ bảy", true, time.Millisecond))
	_, err = st.Share(ctx, "số điện thoại ủy ban")
	must(err)
	lease := store.NewRedisLease(rdb, "sync", time.Minute)
	release, ok, err := lease.TryAcquire(ctx)
	must(err)
	if !ok {
		t.Fatal("lease not acquired")
	}
	defer release()

	ledger := store.NewRedisLedger(rdb, "123")
	_, _, err = ledger.Claim(ctx, 1, "a")
	must(err)
	must(ledger.Journal(ctx, 2, []byte(`{"update_id":2}`)))
	must(ledger.SaveOffset(ctx, 3))
	_, err = ledger.AcquirePollLock(ctx, "a", 15*time.Second)
	must(err)

	tickets := store.NewRedisTickets[handoff.Ticket](rdb, -100500, 0)
	must(tickets.Save(ctx, 7, handoff.Ticket{ChatID: chat}))
	must(tickets.Link(ctx, chat, 8, 7))
	sent, err := tickets.Sending(ctx)
	must(err)
	defer sent()

	live := index.NewLive(nil, index.BuildOptions{})
	defer live.Close()
	rl := reload.New(reload.Config{Content: fstest.MapFS{}, Index: live})
	defer rl.Close()
	cluster := reload.NewCluster(reload.ClusterConfig{Shared: store.NewRedisReplicas(rdb), Reloader: rl, ID: "replica-a"})
	must(cluster.Start(ctx))
	defer cluster.Close()

	keys, err := rdb.Keys(ctx, "*").Result()
	must(err)
	written := map[string]bool{}
	for _, key := range keys {
		var spec *store.KeySpec
		for i := range store.Schema {
			if store.Schema[i].Match(key) {
				spec = &store.Schema[i]
				break
			}
		}
		if spec == nil {
			t.Errorf("key %s is not in store.Schema", key)
			continue
		}
		written[spec.Pattern] = true
		if typ := rdb.Type(ctx, key).Val(); typ != spec.Type {
			t.Errorf("key %s is a %s, store.Schema says %s", key, typ, spec.Type)
		}
		if ttl := rdb.PTTL(ctx, key).Val(); ttl <= 0 || ttl > store.MaxTTL {
			t.Errorf("key %s has TTL %v, want one up to %v", key, ttl, store.MaxTTL)
		}
	}
	for _, k := range store.Schema {
		if !written[k.Pattern] {
			t.Errorf("store.Schema lists %s, which no writer wrote", k.Pattern)
		}
	}
}
