package store

import "time"

// The Redis client settings the bot runs with (cmd/kyanhbot sets them on
// whatever REDIS_URL opens, unless the URL sets its own). go-redis's defaults
// — a 5 s dial, 3 retries with up to 512 ms backoff, 5 dial attempts per
// connection — make every update wait about a second while Redis is down,
// for nothing: the engine answers without conversation state and the ledger
// fails open either way. These fail within a few hundred milliseconds
// instead, and still leave an order of magnitude to spare over what the bot's
// commands take on a healthy Redis (single keys and small Lua scripts,
// well under a millisecond on a local network; a TLS handshake to a managed
// Redis in the same region, tens of milliseconds).
const (
	RedisDialTimeout     = 250 * time.Millisecond // per connection attempt
	RedisDialerRetries   = 1                      // attempts per new connection; the command retry below tries again
	RedisReadTimeout     = time.Second            // no blocking commands; Pub/Sub receives set their own
	RedisWriteTimeout    = time.Second
	RedisPoolTimeout     = time.Second // wait for a free connection when all are busy
	RedisMaxRetries      = 1           // one retry: rides out a dropped idle connection
	RedisMaxRetryBackoff = 100 * time.Millisecond
)
