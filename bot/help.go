package bot

import (
	"context"
	"fmt"
)

// help is /help: the commands and follow-ups.
func (e *Engine) help(ctx context.Context, r *request, _ string) ([]Reply, error) {
	text := fmt.Sprintf(r.t.Help, esc(ttlText(e.opts.StateTTL, r.lang)))
	if r.msg.group() && e.opts.BotUsername != "" {
		text += "\n\n<i>" + f(r.t.GroupHelp, e.opts.BotUsername) + "</i>"
	}
	return []Reply{{Text: text}}, nil
}
