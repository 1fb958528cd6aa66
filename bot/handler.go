package bot

import "context"

// Handler answers one message or button press with the replies to send.
// The Engine is one; the admin tools, the staff handoff and the metrics
// wrap one (Middleware); the Telegram transport calls one per update.
type Handler interface {
	Handle(ctx context.Context, m Message) ([]Reply, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, m Message) ([]Reply, error)

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, m Message) ([]Reply, error) { return f(ctx, m) }

// Middleware handles some messages itself and passes the others to next.
type Middleware func(next Handler) Handler

// Chain wraps h in the middlewares, the first outermost: it sees each
// message first.
func Chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}
