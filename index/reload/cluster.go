package reload

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"
)

// Shared is what the replicas of one bot share: a channel of reload
// announcements, and a registry of what each replica serves (values are
// the Cluster's JSON). *store.RedisReplicas is one, across processes;
// *store.MemoryReplicas within one.
type Shared interface {
	// Subscribe delivers every announcement made after it returns, until
	// ctx ends or stop is called. A nil message says the subscription was
	// lost and is back: announcements made in between were not delivered.
	Subscribe(ctx context.Context) (msgs <-chan []byte, stop func(), err error)
	// Announce sends msg to every subscriber, the sender's own included.
	Announce(ctx context.Context, msg []byte) error
	// Report writes replica id's entry; the registry is kept ttl after the
	// last report of any replica.
	Report(ctx context.Context, id string, entry []byte, ttl time.Duration) error
	Reports(ctx context.Context) (map[string][]byte, error)
	Drop(ctx context.Context, id string) error
}

// Cluster keeps the replicas of one bot on the same content: a reload made on
// one replica is announced over Redis pub/sub, and every other replica then
// reloads from the shared content directory. Each replica also writes its
// content version into a Redis hash, so /stats can show which version every
// replica serves.
type Cluster struct {
	shared    Shared
	rl        *Reloader
	id        string
	log       *slog.Logger
	heartbeat time.Duration

	wg     sync.WaitGroup
	cancel context.CancelFunc

	catchMu sync.Mutex // one catch-up at a time: listen's and the heartbeat's
	tried   string     // the last version caught up to, tried once only

	// unannounced is this replica's last announcement, while it has not
	// reached Redis (down, or restarting): made again once it is back.
	announceMu  sync.Mutex
	unannounced []byte
}

// ClusterConfig sets up a Cluster.
type ClusterConfig struct {
	Shared   Shared // in Redis: store.NewRedisReplicas
	Reloader *Reloader
	// ID names this replica (host name and process ID, say); unique per replica.
	ID     string
	Logger *slog.Logger
	// Heartbeat is how often the replica writes its version; a replica not
	// heard of for three heartbeats is left out of Replicas. 10 s when zero.
	Heartbeat time.Duration
}

// Replica is what one replica last reported.
type Replica struct {
	ID       string    `json:"id"`
	Version  string    `json:"version"`
	Built    time.Time `json:"built"`
	Articles int       `json:"articles"`
	Seen     time.Time `json:"seen"`
}

type announcement struct {
	V       int    `json:"v"`
	From    string `json:"from"`
	Version string `json:"version"`
	Confirm string `json:"confirm,omitempty"`
}

// NewCluster joins the reloader to the cluster: its reloads are announced
// from now on. Start listens to the others'.
func NewCluster(cfg ClusterConfig) *Cluster {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Heartbeat <= 0 {
		cfg.Heartbeat = 10 * time.Second
	}
	c := &Cluster{shared: cfg.Shared, rl: cfg.Reloader, id: cfg.ID, log: cfg.Logger, heartbeat: cfg.Heartbeat}
	cfg.Reloader.Notify(c.afterReload)
	return c
}

// ID is this replica's name.
func (c *Cluster) ID() string { return c.id }

// Start subscribes to announcements — returning once subscribed, so no
// announcement made afterwards is missed — then listens and writes the
// heartbeat until ctx ends or Close. An announcement made before the
// subscription was in (another replica reloading while this one started) is
// caught up at once from the replicas' hash, which a replica writes before it
// announces; so is one made while the subscription was down.
func (c *Cluster) Start(ctx context.Context) error {
	ctx, c.cancel = context.WithCancel(ctx)
	msgs, stop, err := c.shared.Subscribe(ctx)
	if err != nil {
		c.cancel()
		return fmt.Errorf("reload: join the replicas: %w", err)
	}
	c.beat(ctx)
	c.wg.Add(2)
	go func() {
		defer c.wg.Done()
		defer stop()
		c.listen(ctx, msgs)
	}()
	go func() {
		defer c.wg.Done()
		t := time.NewTicker(c.heartbeat)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				c.beat(ctx)
				c.announceAgain(ctx)
				c.catchUp(ctx)
			}
		}
	}()
	return nil
}

// Close stops listening and removes this replica from the hash.
func (c *Cluster) Close() {
	if c.cancel != nil {
		c.cancel()
	}
	c.wg.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = c.shared.Drop(ctx, c.id)
}

func (c *Cluster) listen(ctx context.Context, ch <-chan []byte) {
	// Subscribed: whatever was announced before is in the hash.
	c.catchUp(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case msg, ok := <-ch:
			if !ok {
				return
			}
			if msg == nil {
				// Redis is back. If it restarted without persistence,
				// the replicas' hash is empty and what was announced
				// meanwhile is lost: this replica's entry is written
				// again now rather than at the next heartbeat (/stats
				// would list no replica until then), and its own
				// announcement that did not go out is made.
				c.log.Info("reload: subscribed again to the replicas' announcements; reporting again and checking for missed reloads")
				c.beat(ctx)
				c.announceAgain(ctx)
				c.catchUp(ctx)
				continue
			}
			var a announcement
			if err := json.Unmarshal(msg, &a); err != nil || a.V < 1 {
				c.log.Warn("reload: bad announcement ignored", "err", err)
				continue
			}
			if a.From == c.id {
				continue
			}
			c.log.Info("reload: announced by another replica", "from", a.From, "version", a.Version)
			// Reload reports through the hooks; its error is ctx's.
			_, _ = c.rl.Reload(ctx, Request{Trigger: "announce", Confirm: a.Confirm})
		}
	}
}

// afterReload announces a local reload that swapped, and writes the new version.
func (c *Cluster) afterReload(ctx context.Context, rep Report) {
	if rep.Outcome != Swapped {
		return
	}
	c.beat(ctx)
	if rep.Trigger == "announce" || rep.Trigger == "start" || rep.Trigger == "catch-up" {
		return
	}
	a := announcement{V: 1, From: c.id, Version: rep.Version}
	if rep.Fatal() > 0 {
		// Swapped with errors: an admin confirmed this version, and the
		// other replicas read the same files.
		a.Confirm = rep.Version
	}
	b, _ := json.Marshal(a)
	c.announceMu.Lock()
	defer c.announceMu.Unlock()
	c.unannounced = nil
	if err := c.shared.Announce(ctx, b); err != nil {
		c.unannounced = b
		c.log.Error("reload: announce to other replicas failed; announcing again once Redis is back", "err", err)
	}
}

// announceAgain makes the last announcement that failed.
func (c *Cluster) announceAgain(ctx context.Context) {
	c.announceMu.Lock()
	defer c.announceMu.Unlock()
	if c.unannounced == nil {
		return
	}
	if err := c.shared.Announce(ctx, c.unannounced); err != nil {
		return // still down: the next heartbeat or resubscription tries again
	}
	c.log.Info("reload: announced to other replicas after Redis came back")
	c.unannounced = nil
}

// catchUp reloads when another replica serves content built after ours: an
// announcement can be missed while the pub/sub connection is down. Each
// version is tried once, so replicas reading different directories (a
// misconfiguration) do not reload forever.
func (c *Cluster) catchUp(ctx context.Context) {
	c.catchMu.Lock()
	defer c.catchMu.Unlock()
	reps, err := c.Replicas(ctx)
	if err != nil {
		return
	}
	cur := c.rl.Current()
	for _, r := range reps {
		if r.ID == c.id || r.Version == "" || r.Version == cur.Version || r.Version == c.tried || !r.Built.After(cur.Built) {
			continue
		}
		c.tried = r.Version
		c.log.Info("reload: catching up with another replica", "from", r.ID, "version", r.Version)
		// The other replica swapped this version, confirmed if it had errors;
		// the confirmation holds only if the files read here are the same.
		_, _ = c.rl.Reload(ctx, Request{Trigger: "catch-up", Confirm: r.Version})
		return
	}
}

// beat writes this replica's version. The hash expires when every replica
// has stopped writing it.
func (c *Cluster) beat(ctx context.Context) {
	cur := c.rl.Current()
	b, _ := json.Marshal(Replica{ID: c.id, Version: cur.Version, Built: cur.Built, Articles: cur.Articles, Seen: time.Now()})
	err := c.shared.Report(ctx, c.id, b, 3*c.heartbeat)
	if err != nil && !errors.Is(err, context.Canceled) {
		c.log.Warn("reload: cannot write replica version", "err", err)
	}
}

// Replicas lists the replicas heard of within three heartbeats, by ID;
// older entries are removed.
func (c *Cluster) Replicas(ctx context.Context) ([]Replica, error) {
	m, err := c.shared.Reports(ctx)
	if err != nil {
		return nil, fmt.Errorf("reload: replicas: %w", err)
	}
	var out []Replica
	for id, v := range m {
		var r Replica
		if json.Unmarshal(v, &r) != nil || time.Since(r.Seen) > 3*c.heartbeat {
			_ = c.shared.Drop(ctx, id)
			continue
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
