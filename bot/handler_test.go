package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
)

// TestChain: the first middleware sees a message first, and each passes on
// what it does not handle.
func TestChain(t *testing.T) {
	var seen []string
	mw := func(name string) bot.Middleware {
		return func(next bot.Handler) bot.Handler {
			return bot.HandlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
				seen = append(seen, name)
				if m.Text == name {
					return []bot.Reply{{Text: "by " + name}}, nil
				}
				return next.Handle(ctx, m)
			})
		}
	}
	h := bot.Chain(bot.HandlerFunc(func(context.Context, bot.Message) ([]bot.Reply, error) {
		seen = append(seen, "engine")
		return []bot.Reply{{Text: "by engine"}}, nil
	}), mw("metrics"), mw("admin"), mw("handoff"))
	for _, tt := range []struct{ text, by, seen string }{
		{"hỏi", "by engine", "metrics admin handoff engine"},
		{"admin", "by admin", "metrics admin"},
	} {
		seen = nil
		replies, err := h.Handle(context.Background(), bot.Message{Text: tt.text})
		if err != nil || len(replies) != 1 || replies[0].Text != tt.by {
			t.Errorf("%q: replies %+v %v, want %q", tt.text, replies, err, tt.by)
		}
		if got := strings.Join(seen, " "); got != tt.seen {
			t.Errorf("%q: seen by %q, want %q", tt.text, got, tt.seen)
		}
	}
}
