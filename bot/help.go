package bot

import (
	"context"
	"fmt"
)

// help is /help: the commands and follow-ups.
func (e *Engine) help(ctx context.Context, r *request, _ string) ([]Reply, error) {
	return []Reply{{Text: fmt.Sprintf(r.t.Help, esc(ttlText(e.opts.StateTTL, r.lang)))}}, nil
}
