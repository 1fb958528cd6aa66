package bot

import (
	"context"
	"fmt"
)

// forget is /quentoi: delete at once everything kept about the user — the
// chat's state (their last question, cursor, language) and their feedback.
func (e *Engine) forget(ctx context.Context, r *request, _ string) ([]Reply, error) {
	r.noSave = true
	if err := e.store.Forget(ctx, r.msg.UserID, r.msg.ChatID); err != nil {
		e.storeErr(err)
		return []Reply{{Text: r.t.ForgetFailed}}, fmt.Errorf("bot: forget user %d: %w", r.msg.UserID, err)
	}
	e.log.Info("user state forgotten", "user_id", r.msg.UserID, "chat_id", r.msg.ChatID)
	// Reply in the language the user was using, though the choice is gone.
	return []Reply{{Text: r.t.Forgotten}}, nil
}
