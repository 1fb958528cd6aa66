package main

import (
	"strings"
	"testing"
)

func TestParseRedisURL(t *testing.T) {
	tests := []struct {
		url     string
		kind    string // single, sentinel, cluster
		addrs   string
		master  string
		db      int
		pass    string
		tls     bool
		wantErr string
	}{
		{url: "redis://localhost:6379/0", kind: "single", addrs: "localhost:6379"},
		{url: "redis://:pw@redis.internal:6380/2", kind: "single", addrs: "redis.internal:6380", db: 2, pass: "pw"},
		{url: "rediss://user:pw@managed.example:6380", kind: "single", addrs: "managed.example:6380", pass: "pw", tls: true},
		{url: "unix:///run/redis/redis.sock", kind: "single", addrs: "/run/redis/redis.sock"},
		{url: "redis+sentinel://:pw@s1:26379,s2:26379,s3/1?master=mymaster", kind: "sentinel", addrs: "s1:26379,s2:26379,s3:26379", master: "mymaster", db: 1, pass: "pw"},
		{url: "rediss+sentinel://s1?master=m", kind: "sentinel", addrs: "s1:26379", master: "m", tls: true},
		{url: "redis://s1:26379,s2:26379?master=mymaster", kind: "sentinel", addrs: "s1:26379,s2:26379", master: "mymaster"},
		{url: "redis+cluster://:pw@c1:7000,c2:7001", kind: "cluster", addrs: "c1:7000,c2:7001", pass: "pw"},
		{url: "redis://c1:7000,c2:7001,c3", kind: "cluster", addrs: "c1:7000,c2:7001,c3:6379"},
		{url: "rediss+cluster://c1:7000", kind: "cluster", addrs: "c1:7000", tls: true},
		{url: "http://user:hunter2@x", wantErr: "scheme"},
		{url: "redis+sentinel://s1:26379", wantErr: "master"},
		{url: "redis+cluster://c1,c2/3", wantErr: "database 0"},
		{url: "redis+sentinel://s1/x?master=m", wantErr: "not a number"},
		{url: "redis+foo://h", wantErr: "unknown mode"},
		{url: "redis://:hunter2@h:6379/notadb", wantErr: "REDIS_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			s, err := parseRedisURL(tt.url)
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
			var kind, addrs, master, pass string
			var db int
			var tls bool
			switch {
			case s.single != nil:
				kind, addrs, db, pass, tls = "single", s.single.Addr, s.single.DB, s.single.Password, s.single.TLSConfig != nil
			case s.failover != nil:
				kind, addrs, master, db, pass, tls = "sentinel", strings.Join(s.failover.SentinelAddrs, ","), s.failover.MasterName, s.failover.DB, s.failover.Password, s.failover.TLSConfig != nil
			case s.cluster != nil:
				kind, addrs, pass, tls = "cluster", strings.Join(s.cluster.Addrs, ","), s.cluster.Password, s.cluster.TLSConfig != nil
			}
			if kind != tt.kind || addrs != tt.addrs || master != tt.master || db != tt.db || pass != tt.pass || tls != tt.tls {
				t.Errorf("got %s %s master=%q db=%d pass=%q tls=%v; want %s %s master=%q db=%d pass=%q tls=%v",
					kind, addrs, master, db, pass, tls, tt.kind, tt.addrs, tt.master, tt.db, tt.pass, tt.tls)
			}
		})
	}
}
