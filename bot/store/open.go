package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// Client is the Redis client every constructor of this package takes: one
// server, Sentinel or Cluster behind one interface (go-redis's
// UniversalClient). Open makes one from REDIS_URL; the command holds it
// as a Client and closes it last.
type Client = redis.UniversalClient

// redisSetup is REDIS_URL understood: exactly one of its fields is set.
type redisSetup struct {
	single   *redis.Options
	failover *redis.FailoverOptions
	cluster  *redis.ClusterOptions
}

// parseURL reads REDIS_URL, in one place for every form it takes:
//
//	redis://[user:pass@]host:6379/0     one server (rediss:// with TLS)
//	unix:///run/redis.sock              one server on a unix socket
//	redis+sentinel://[user:pass@]h1:26379,h2:26379/0?master=mymaster
//	                                    Sentinel (rediss+sentinel:// with TLS)
//	redis+cluster://[user:pass@]h1:6379,h2:6379
//	                                    Cluster (rediss+cluster:// with TLS)
//	redis://h1:26379,h2:26379?master=mymaster   Sentinel, from a list with a master
//	redis://h1:6379,h2:6379                     Cluster, from a list without one
//
// go-redis parses each (ParseURL, ParseFailoverURL, ParseClusterURL), so
// every option go-redis reads from a URL (dial_timeout=, pool_size= …) works
// in all three, and an unknown one is an error rather than ignored. The
// Sentinel and Cluster forms are first rewritten into go-redis's own: one
// host with the others as ?addr=, the master as ?master_name=, the master's
// credentials as ?username=&password= and sentinel_password= as the
// userinfo, which is where go-redis reads Sentinel's.
//
// Errors never repeat the URL, which may hold a password.
func parseURL(raw string) (redisSetup, error) {
	// A host list "h1:1,h2" is not a valid URL host: take it out first.
	hosts, masked := splitHosts(raw)
	u, err := url.Parse(masked)
	if err != nil {
		return redisSetup{}, errors.New("REDIS_URL is not a URL")
	}
	base, mode, _ := strings.Cut(u.Scheme, "+")
	if base != "redis" && base != "rediss" && !(base == "unix" && mode == "") {
		return redisSetup{}, fmt.Errorf("REDIS_URL scheme %q: want redis://, rediss://, unix://, redis+sentinel:// or redis+cluster://", u.Scheme)
	}
	q := u.Query()
	if mode == "" && base != "unix" {
		switch {
		case q.Has("master") || q.Has("master_name"):
			mode = "sentinel"
		case len(hosts) > 1 || q.Has("addr"):
			mode = "cluster"
		}
	}
	if mode != "" && mode != "sentinel" && mode != "cluster" {
		return redisSetup{}, fmt.Errorf("REDIS_URL scheme %q: unknown mode %q", u.Scheme, mode)
	}
	if mode == "" {
		opt, err := redis.ParseURL(raw)
		if err != nil {
			return redisSetup{}, fmt.Errorf("REDIS_URL: %s", scrubURLError(err, raw))
		}
		return redisSetup{single: opt}, nil
	}

	defPort := "6379"
	if mode == "sentinel" {
		defPort = "26379"
	}
	var addrs []string
	for _, h := range hosts {
		if h == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(h); err != nil {
			h = net.JoinHostPort(strings.Trim(h, "[]"), defPort)
		}
		addrs = append(addrs, h)
	}
	if len(addrs) == 0 {
		return redisSetup{}, errors.New("REDIS_URL names no host")
	}
	u.Scheme, u.Host = base, addrs[0]
	for _, a := range addrs[1:] {
		q.Add("addr", a)
	}

	if mode == "cluster" {
		if p := strings.Trim(u.Path, "/"); p != "" && p != "0" {
			return redisSetup{}, errors.New("REDIS_URL: Redis Cluster has only database 0")
		}
		u.Path, u.RawQuery = "", q.Encode()
		opt, err := redis.ParseClusterURL(u.String())
		if err != nil {
			return redisSetup{}, fmt.Errorf("REDIS_URL: %s", scrubURLError(err, raw))
		}
		return redisSetup{cluster: opt}, nil
	}

	if m := q.Get("master"); m != "" && !q.Has("master_name") {
		q.Set("master_name", m)
	}
	q.Del("master")
	if q.Get("master_name") == "" {
		return redisSetup{}, errors.New("REDIS_URL: Sentinel needs ?master=NAME")
	}
	if u.User != nil {
		if name := u.User.Username(); name != "" {
			q.Set("username", name)
		}
		if pass, ok := u.User.Password(); ok {
			q.Set("password", pass)
		}
		u.User = nil
	}
	if sp := q.Get("sentinel_password"); sp != "" {
		u.User = url.UserPassword("", sp)
	}
	q.Del("sentinel_password")
	u.RawQuery = q.Encode()
	opt, err := redis.ParseFailoverURL(u.String())
	if err != nil {
		return redisSetup{}, fmt.Errorf("REDIS_URL: %s", scrubURLError(err, raw))
	}
	return redisSetup{failover: opt}, nil
}

// splitHosts returns the comma-separated hosts of a URL's authority, and the
// URL with them replaced by one placeholder host.
func splitHosts(raw string) (hosts []string, masked string) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return nil, raw
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth, tail := rest[:end], rest[end:]
	user := ""
	if i := strings.LastIndexByte(auth, '@'); i >= 0 {
		user, auth = auth[:i+1], auth[i+1:]
	}
	if !strings.Contains(auth, ",") {
		return []string{auth}, raw
	}
	return strings.Split(auth, ","), scheme + "://" + user + "hosts" + tail
}

// scrubURLError drops the URL, and the passwords it holds, from a parse
// error.
func scrubURLError(err error, raw string) string {
	s := strings.ReplaceAll(err.Error(), raw, "[REDIS_URL]")
	for _, p := range redisSecrets(raw) {
		s = strings.ReplaceAll(s, p, "[redacted]")
	}
	return s
}

// Open opens REDIS_URL as a Client with the fail-fast settings
// (timeouts.go) wherever the URL does not set its own. password is the
// server's, given apart from the URL (REDIS_PASSWORD_FILE), or ""; a URL
// that holds one too is an error, so that two passwords never silently
// disagree. Open does not dial: the first command does.
func Open(raw, password string) (Client, error) {
	return OpenWith(raw, password, ClientOptions{})
}

// ClientOptions are client settings given in code rather than in REDIS_URL,
// for a caller that must give up sooner (or wait longer) than serve does: a
// test that stops Redis and wants each command to fail within 100 ms. A zero
// field leaves the setting to REDIS_URL, then to the fail-fast default.
type ClientOptions struct {
	DialTimeout  time.Duration // per connection attempt
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
	PoolSize     int // connections per node; 0: go-redis's 10 per CPU
	MaxRetries   int // retries of a failed command; -1: none
}

// OpenWith is Open with opts over what REDIS_URL sets.
func OpenWith(raw, password string, opts ClientOptions) (Client, error) {
	s, err := parseURL(raw)
	if err != nil {
		return nil, err
	}
	if password != "" {
		var p *string
		switch {
		case s.failover != nil:
			p = &s.failover.Password
		case s.cluster != nil:
			p = &s.cluster.Password
		default:
			p = &s.single.Password
		}
		if *p != "" {
			return nil, errors.New("REDIS_URL holds a password and REDIS_PASSWORD gives one too: set one of them")
		}
		*p = password
	}
	switch {
	case s.failover != nil:
		o := s.failover
		settle(opts, &o.DialTimeout, &o.ReadTimeout, &o.WriteTimeout, &o.PoolTimeout, &o.MaxRetryBackoff, &o.PoolSize, &o.MaxRetries, &o.DialerRetries)
		return redis.NewFailoverClient(o), nil
	case s.cluster != nil:
		o := s.cluster
		settle(opts, &o.DialTimeout, &o.ReadTimeout, &o.WriteTimeout, &o.PoolTimeout, &o.MaxRetryBackoff, &o.PoolSize, &o.MaxRetries, &o.DialerRetries)
		return redis.NewClusterClient(o), nil
	}
	o := s.single
	settle(opts, &o.DialTimeout, &o.ReadTimeout, &o.WriteTimeout, &o.PoolTimeout, &o.MaxRetryBackoff, &o.PoolSize, &o.MaxRetries, &o.DialerRetries)
	return redis.NewClient(o), nil
}

// settle gives the fields of any of go-redis's option types the caller's
// settings (opts), and then the store's fail-fast settings where neither
// opts nor REDIS_URL (dial_timeout=, max_retries= …) set them already.
func settle(opts ClientOptions, dial, read, write, pool, backoff *time.Duration, poolSize, retries, dialerRetries *int) {
	for _, d := range []struct {
		p          *time.Duration
		given, def time.Duration
	}{{dial, opts.DialTimeout, RedisDialTimeout}, {read, opts.ReadTimeout, RedisReadTimeout}, {write, opts.WriteTimeout, RedisWriteTimeout},
		{pool, 0, RedisPoolTimeout}, {backoff, 0, RedisMaxRetryBackoff}} {
		if d.given != 0 {
			*d.p = d.given
		}
		if *d.p == 0 {
			*d.p = d.def
		}
	}
	if opts.PoolSize != 0 {
		*poolSize = opts.PoolSize
	}
	if opts.MaxRetries != 0 {
		*retries = opts.MaxRetries
	}
	if *retries == 0 {
		*retries = RedisMaxRetries
	}
	if *dialerRetries == 0 {
		*dialerRetries = RedisDialerRetries
	}
}

// RouteLogs sends go-redis's own log lines (a pool that cannot dial,
// Sentinel switching masters …), which it otherwise prints as plain text on
// stderr between the JSON lines, to log, with the passwords of REDIS_URL
// and the other passwords given (REDIS_PASSWORD) replaced. go-redis keeps
// one logger per process (redis.SetLogger): the last call wins, which is
// the serving logger in the binary.
func RouteLogs(log *slog.Logger, raw string, more ...string) {
	secrets := redisSecrets(raw)
	for _, m := range more {
		if m != "" {
			secrets = append(secrets, m)
		}
	}
	slices.SortFunc(secrets, func(a, b string) int { return len(b) - len(a) })
	redis.SetLogger(redisLogger{log: log, secrets: secrets})
}

// redisLogger adapts slog to go-redis's logging interface.
type redisLogger struct {
	log     *slog.Logger
	secrets []string
}

// Printf logs one go-redis line at Warn: go-redis logs at its error level by
// default, and what it says there (dial failures, failovers) is worth an
// operator's look but is retried by go-redis itself.
func (l redisLogger) Printf(ctx context.Context, format string, v ...any) {
	line := strings.TrimSpace(fmt.Sprintf(format, v...))
	line = strings.TrimPrefix(line, "redis: ")
	for _, s := range l.secrets {
		line = strings.ReplaceAll(line, s, "[redacted]")
	}
	l.log.WarnContext(ctx, "redis client", "detail", line)
}

// redisSecrets returns the passwords REDIS_URL carries (the server's and
// Sentinel's), longest first so that one password inside another is
// redacted whole.
func redisSecrets(raw string) []string {
	_, masked := splitHosts(raw)
	u, err := url.Parse(masked)
	if err != nil {
		return nil
	}
	var out []string
	if p, ok := u.User.Password(); ok && p != "" {
		out = append(out, p)
	}
	for _, k := range []string{"password", "sentinel_password"} {
		if p := u.Query().Get(k); p != "" {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}
