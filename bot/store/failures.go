package store

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/redis/go-redis/v9"
)

// CountFailures calls command once for every command (or pipeline) of c
// that fails — the operator's kyanhbot_redis_errors_total
// (ops.Metrics.RedisFailed) — and dial once for every connection it cannot
// dial, kyanhbot_redis_dial_errors_total (ops.Metrics.RedisDialFailed).
//
// The two are apart so that a failed command counts once. go-redis gets a
// connection inside the command, and a reconnect runs its handshake (HELLO,
// CLIENT SETINFO …) through the same hooks with the command's context, then
// retries: with Redis stopped, one SET counted 1 command + 2 dials, and with
// Redis paused (SIGSTOP) 1 command + 1 timed-out HELLO. A dial failure is
// not a command's either: the pool also probes a server that is down once a
// second in the background, with no command waiting.
//
// What is part of normal work is not counted: a missing key (redis.Nil), a
// cancelled context, and two refusals — a handshake command an older server
// refuses outside any command, and a Lua script's first EVALSHA on a server,
// which answers NOSCRIPT before go-redis sends EVAL.
func CountFailures(c Client, command, dial func()) {
	c.AddHook(failureHook{command: command, dial: dial})
}

type failureHook struct{ command, dial func() }

// inCommand marks the context of a command being counted: what go-redis
// sends inside it (a reconnect's handshake) fails with it and is not
// counted again.
type inCommand struct{}

func (h failureHook) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := next(ctx, network, addr)
		if err != nil && ctx.Err() == nil {
			h.dial()
		}
		return c, err
	}
}

func (h failureHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if ctx.Value(inCommand{}) != nil {
			return next(ctx, cmd)
		}
		err := next(context.WithValue(ctx, inCommand{}, true), cmd)
		h.count(ctx, err, cmd)
		return err
	}
}

func (h failureHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if ctx.Value(inCommand{}) != nil {
			return next(ctx, cmds)
		}
		err := next(context.WithValue(ctx, inCommand{}, true), cmds)
		h.count(ctx, err, cmds...)
		return err
	}
}

// count counts a failure once per call.
func (h failureHook) count(ctx context.Context, err error, cmds ...redis.Cmder) {
	if err == nil || errors.Is(err, redis.Nil) || ctx.Err() != nil {
		return
	}
	var reply redis.Error
	if errors.As(err, &reply) {
		if strings.HasPrefix(reply.Error(), "NOSCRIPT") {
			return
		}
		handshake := true
		for _, c := range cmds {
			if n := c.Name(); n != "client" && n != "hello" {
				handshake = false
			}
		}
		if handshake {
			return
		}
	}
	h.command()
}
