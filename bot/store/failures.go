package store

import (
	"context"
	"errors"
	"net"
	"strings"

	"github.com/redis/go-redis/v9"
)

// CountFailures calls failed once for every command (or pipeline) of c
// that fails, and for every connection it cannot dial: the operator's
// kyanhbot_redis_errors_total (ops.Metrics.RedisFailed). What is part of
// normal work is not counted: a missing key (redis.Nil), a cancelled
// context, and two refusals — go-redis's connection handshake (HELLO,
// CLIENT SETINFO …) sends commands an older server refuses, and a Lua
// script's first EVALSHA on a server answers NOSCRIPT before go-redis sends
// EVAL.
func CountFailures(c Client, failed func()) {
	c.AddHook(failureHook{failed})
}

type failureHook struct{ failed func() }

func (h failureHook) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := next(ctx, network, addr)
		if err != nil && ctx.Err() == nil {
			h.failed()
		}
		return c, err
	}
}

func (h failureHook) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		h.count(ctx, err, cmd)
		return err
	}
}

func (h failureHook) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		err := next(ctx, cmds)
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
	h.failed()
}
