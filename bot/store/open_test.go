package store

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/kyanhbot/kyanhbot/bot/logtest"
)

func TestParseRedisURL(t *testing.T) {
	tests := []struct {
		url    string
		kind   string // single, sentinel, cluster
		addrs  string
		master string
		db     int
		pass   string
		tls    bool
		// sentinelPass is Sentinel's own password.
		sentinelPass string
		wantErr      string
	}{
		{url: "redis://localhost:6379/0", kind: "single", addrs: "localhost:6379"},
		{url: "redis://:pw@redis.internal:6380/2", kind: "single", addrs: "redis.internal:6380", db: 2, pass: "pw"},
		{url: "rediss://user:pw@managed.example:6380", kind: "single", addrs: "managed.example:6380", pass: "pw", tls: true},
		{url: "unix:///run/redis/redis.sock", kind: "single", addrs: "/run/redis/redis.sock"},
		{url: "redis+sentinel://:pw@s1:26379,s2:26379,s3/1?master=mymaster", kind: "sentinel", addrs: "s1:26379,s2:26379,s3:26379", master: "mymaster", db: 1, pass: "pw"},
		{url: "redis+sentinel://u:pw@s1?master=m&sentinel_password=spw", kind: "sentinel", addrs: "s1:26379", master: "m", pass: "pw", sentinelPass: "spw"},
		{url: "redis://[::1]:26379,s2?master_name=m", kind: "sentinel", addrs: "[::1]:26379,s2:26379", master: "m"},
		{url: "rediss+sentinel://s1?master=m", kind: "sentinel", addrs: "s1:26379", master: "m", tls: true},
		{url: "redis://s1:26379,s2:26379?master=mymaster", kind: "sentinel", addrs: "s1:26379,s2:26379", master: "mymaster"},
		{url: "redis+cluster://:pw@c1:7000,c2:7001", kind: "cluster", addrs: "c1:7000,c2:7001", pass: "pw"},
		{url: "redis://c1:7000,c2:7001,c3", kind: "cluster", addrs: "c1:7000,c2:7001,c3:6379"},
		{url: "redis://c1:7000?addr=c2:7001", kind: "cluster", addrs: "c1:7000,c2:7001"},
		{url: "redis+cluster://c1,c2/0", kind: "cluster", addrs: "c1:6379,c2:6379"},
		{url: "rediss+cluster://c1:7000", kind: "cluster", addrs: "c1:7000", tls: true},
		{url: "http://user:hunter2@x", wantErr: "scheme"},
		{url: "redis+sentinel://s1:26379", wantErr: "master"},
		{url: "redis+cluster://c1,c2/3", wantErr: "database 0"},
		{url: "redis+sentinel://s1/x?master=m", wantErr: "database"},
		{url: "redis+sentinel://s1?master=m&dial_timout=1s", wantErr: "dial_timout"},
		{url: "redis+cluster://c1,c2?read_timeout=soon", wantErr: "read_timeout"},
		{url: "redis://h?sentinel_password=hunter2&pool_size=x", wantErr: "REDIS_URL"},
		{url: "redis+cluster://:hunter2@c1,c2?max_retries=x", wantErr: "max_retries"},
		{url: "redis+foo://h", wantErr: "unknown mode"},
		{url: "redis://:hunter2@h:6379/notadb", wantErr: "REDIS_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			s, err := parseURL(tt.url)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("accepted; want an error mentioning %q", tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %q, want it to mention %q", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "hunter2") {
					t.Errorf("error shows the password: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var kind, addrs, master, pass, spass string
			var db int
			var tls bool
			switch {
			case s.single != nil:
				kind, addrs, db, pass, tls = "single", s.single.Addr, s.single.DB, s.single.Password, s.single.TLSConfig != nil
			case s.failover != nil:
				kind, addrs, master, db, pass, tls = "sentinel", strings.Join(s.failover.SentinelAddrs, ","), s.failover.MasterName, s.failover.DB, s.failover.Password, s.failover.TLSConfig != nil
				spass = s.failover.SentinelPassword
			case s.cluster != nil:
				kind, addrs, pass, tls = "cluster", strings.Join(s.cluster.Addrs, ","), s.cluster.Password, s.cluster.TLSConfig != nil
			}
			if kind != tt.kind || addrs != tt.addrs || master != tt.master || db != tt.db || pass != tt.pass || tls != tt.tls || spass != tt.sentinelPass {
				t.Errorf("got %s %s master=%q db=%d pass=%q tls=%v sentinel pass=%q; want %s %s master=%q db=%d pass=%q tls=%v sentinel pass=%q",
					kind, addrs, master, db, pass, tls, spass, tt.kind, tt.addrs, tt.master, tt.db, tt.pass, tt.tls, tt.sentinelPass)
			}
		})
	}
}

// TestRedisURLOptions: every query option the README lists for REDIS_URL
// reaches go-redis's options for all three forms — one server, Sentinel and
// Cluster — and the README lists no option this test does not know.
func TestRedisURLOptions(t *testing.T) {
	// option → a value in the URL, the go-redis field it sets (the same name
	// in Options, FailoverOptions and ClusterOptions) and what it holds then.
	known := map[string]struct {
		value, field string
		want         any
	}{
		"dial_timeout":       {"7s", "DialTimeout", 7 * time.Second},
		"read_timeout":       {"3", "ReadTimeout", 3 * time.Second},
		"write_timeout":      {"1500ms", "WriteTimeout", 1500 * time.Millisecond},
		"pool_timeout":       {"9s", "PoolTimeout", 9 * time.Second},
		"min_retry_backoff":  {"20ms", "MinRetryBackoff", 20 * time.Millisecond},
		"max_retry_backoff":  {"900ms", "MaxRetryBackoff", 900 * time.Millisecond},
		"conn_max_idle_time": {"5m", "ConnMaxIdleTime", 5 * time.Minute},
		"max_retries":        {"4", "MaxRetries", 4},
		"pool_size":          {"33", "PoolSize", 33},
		"min_idle_conns":     {"2", "MinIdleConns", 2},
		"max_idle_conns":     {"8", "MaxIdleConns", 8},
		"protocol":           {"2", "Protocol", 2},
		"client_name":        {"kyanhbot-a", "ClientName", "kyanhbot-a"},
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var row string
	for _, line := range strings.Split(string(readme), "\n") {
		if strings.HasPrefix(line, "| `REDIS_URL`") {
			row = line
		}
	}
	listed := regexp.MustCompile("`([a-z_]+)=`").FindAllStringSubmatch(row, -1)
	if len(listed) < len(known) {
		t.Fatalf("README's REDIS_URL row lists %d options, want at least the %d this test knows:\n%s", len(listed), len(known), row)
	}
	bases := map[string]string{
		"single":   "redis://:pw@h:6379/0",
		"sentinel": "redis+sentinel://:pw@s1,s2/0?master=m",
		"cluster":  "redis+cluster://:pw@c1,c2",
	}
	for _, m := range listed {
		name := m[1]
		if name == "sentinel_password" {
			continue // Sentinel's own: TestParseRedisURL
		}
		opt, ok := known[name]
		if !ok {
			t.Errorf("README lists %s=, which this test does not check", name)
			continue
		}
		for kind, base := range bases {
			t.Run(kind+"/"+name, func(t *testing.T) {
				sep := "?"
				if strings.Contains(base, "?") {
					sep = "&"
				}
				s, err := parseURL(base + sep + name + "=" + opt.value)
				if err != nil {
					t.Fatal(err)
				}
				var o reflect.Value
				switch kind {
				case "single":
					o = reflect.ValueOf(s.single)
				case "sentinel":
					o = reflect.ValueOf(s.failover)
				case "cluster":
					o = reflect.ValueOf(s.cluster)
				}
				if o.IsNil() {
					t.Fatalf("not parsed as %s: %+v", kind, s)
				}
				if got := o.Elem().FieldByName(opt.field).Interface(); got != opt.want {
					t.Errorf("%s = %v, want %v", opt.field, got, opt.want)
				}
			})
		}
	}
}

func TestRedisLogRedaction(t *testing.T) {
	tests := []struct {
		url, line, want string
	}{
		{"redis://:hunter2@h:6379/0", "redis: dial h:6379 AUTH hunter2 failed\n", "dial h:6379 AUTH [redacted] failed"},
		{"rediss+sentinel://u:pw1@s1,s2/0?master=m&sentinel_password=pw1pw1", "sentinel: auth pw1pw1 then pw1", "sentinel: auth [redacted] then [redacted]"},
		{"unix://:sock-pass@/run/redis.sock", "connection pool: sock-pass", "connection pool: [redacted]"},
		{"redis://h:6379", "redis: connection pool: failed to dial after 5 attempts: refused", "connection pool: failed to dial after 5 attempts: refused"},
		{"%%not a url", "plain", "plain"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			var buf logtest.Buffer
			l := redisLogger{log: slog.New(slog.NewJSONHandler(&buf, nil)), secrets: redisSecrets(tt.url)}
			l.Printf(context.Background(), "%s", tt.line)
			var rec struct{ Level, Msg, Detail string }
			if err := json.Unmarshal([]byte(buf.String()), &rec); err != nil {
				t.Fatalf("not one JSON record: %v\n%s", err, buf.String())
			}
			if rec.Level != "WARN" || rec.Msg != "redis client" || rec.Detail != tt.want {
				t.Errorf("logged %+v, want WARN \"redis client\" with detail %q", rec, tt.want)
			}
		})
	}
}

// TestRedisLogsThroughSlog: once serve's logger is wired, a line go-redis
// writes itself (its pool failing to dial) comes out as a JSON record of
// that logger, without the password of REDIS_URL.
func TestRedisLogsThroughSlog(t *testing.T) {
	raw := "unix://:hunter2@" + filepath.Join(t.TempDir(), "none.sock")
	var buf logtest.Buffer
	RouteLogs(slog.New(slog.NewJSONHandler(&buf, nil)), raw)
	c, err := Open(raw, "")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err == nil {
		t.Fatal("ping to no server succeeded")
	}
	var dial bool
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var rec struct{ Msg, Detail string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not a JSON record: %v: %q", err, line)
		}
		if rec.Msg == "redis client" && strings.Contains(rec.Detail, "failed to dial") {
			dial = true
		}
	}
	if !dial {
		t.Errorf("no go-redis dial failure in the slog output:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "hunter2") {
		t.Errorf("the password is in the log:\n%s", buf.String())
	}
}

// TestClientSettings: every form of REDIS_URL gets the store's fail-fast
// settings, except where the URL sets its own; settings given in code
// (OpenWith) win over both, and what they leave zero stays as Open sets it.
func TestClientSettings(t *testing.T) {
	type got struct {
		dial, read, write, pool  time.Duration
		poolSize, retries, dial2 int // dial2: attempts per new connection
	}
	fast := got{RedisDialTimeout, RedisReadTimeout, RedisWriteTimeout, RedisPoolTimeout, 0, RedisMaxRetries, RedisDialerRetries}
	fromURL := got{2 * time.Second, 3 * time.Second, RedisWriteTimeout, 4 * time.Second, 0, 5, RedisDialerRetries}
	opts := ClientOptions{DialTimeout: 100 * time.Millisecond, ReadTimeout: 200 * time.Millisecond, WriteTimeout: 300 * time.Millisecond, PoolSize: 3, MaxRetries: -1}
	given := got{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond, RedisPoolTimeout, 3, -1, RedisDialerRetries}
	overURL := given
	overURL.pool = 4 * time.Second // the URL's: opts leave it
	const set = "dial_timeout=2s&read_timeout=3s&pool_timeout=4s&max_retries=5"
	tests := []struct {
		url  string
		opts ClientOptions
		want got
	}{
		{"redis://localhost:6379/0", ClientOptions{}, fast},
		{"unix:///run/redis.sock", ClientOptions{}, fast},
		{"redis+sentinel://s1,s2/0?master=m", ClientOptions{}, fast},
		{"redis+cluster://c1,c2", ClientOptions{}, fast},
		{"redis://localhost:6379/0?" + set, ClientOptions{}, fromURL},
		{"redis+sentinel://s1,s2/0?master=m&" + set, ClientOptions{}, fromURL},
		{"redis+cluster://c1,c2?" + set, ClientOptions{}, fromURL},
		{"unix:///run/redis.sock", opts, given},
		{"redis://localhost:6379/0?" + set + "&pool_size=7", opts, overURL},
		{"redis+sentinel://s1,s2/0?master=m&" + set, opts, overURL},
		{"redis+cluster://c1,c2?" + set + "&pool_size=7", opts, overURL},
		{"redis://localhost:6379/0?read_timeout=3s&pool_size=7", ClientOptions{DialTimeout: time.Second},
			got{time.Second, 3 * time.Second, RedisWriteTimeout, RedisPoolTimeout, 7, RedisMaxRetries, RedisDialerRetries}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %+v", tt.url, tt.opts), func(t *testing.T) {
			c, err := OpenWith(tt.url, "", tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			var g got
			switch c := c.(type) {
			case *redis.Client: // single server and Sentinel
				o := c.Options()
				g = got{o.DialTimeout, o.ReadTimeout, o.WriteTimeout, o.PoolTimeout, o.PoolSize, o.MaxRetries, o.DialerRetries}
				if g.retries == 0 { // a made client keeps "no retries" (-1) as 0
					g.retries = -1
				}
			case *redis.ClusterClient:
				o := c.Options()
				g = got{o.DialTimeout, o.ReadTimeout, o.WriteTimeout, o.PoolTimeout, o.PoolSize, o.MaxRetries, o.DialerRetries}
			default:
				t.Fatalf("client %T", c)
			}
			if tt.opts.PoolSize == 0 && !strings.Contains(tt.url, "pool_size") {
				g.poolSize = 0 // go-redis's default, by CPU count
			}
			if g != tt.want {
				t.Errorf("options %+v, want %+v", g, tt.want)
			}
		})
	}
}
