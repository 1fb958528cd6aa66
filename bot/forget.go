package bot

import (
	"context"
	"errors"
	"fmt"
)

// forget is /quentoi: delete at once everything kept about the user — the
// chat's state (their last question, cursor, language), their feedback and
// flood counter, and what the other Forgetters keep (the staff handoff's
// tickets, which hold the chat's ID). The questions counted for the admins
// (unanswered, slowest) cannot be found again: they are redacted and kept
// with no link to the chat (Redact).
func (e *Engine) forget(ctx context.Context, r *request, _ string) ([]Reply, error) {
	r.noSave = true
	errs := []error{e.store.Forget(ctx, r.msg.UserID, r.msg.ChatID)}
	for _, f := range e.opts.Forget {
		// Each is tried, whatever the others did.
		errs = append(errs, f.Forget(ctx, r.msg.UserID, r.msg.ChatID))
	}
	if err := errors.Join(errs...); err != nil {
		e.storeErr(err)
		return []Reply{{Text: r.t.ForgetFailed}}, fmt.Errorf("bot: forget user %d: %w", r.msg.UserID, err)
	}
	e.log.Info("user state forgotten", "user_id", r.msg.UserID, "chat_id", r.msg.ChatID)
	// Reply in the language the user was using, though the choice is gone.
	return []Reply{{Text: r.t.Forgotten}}, nil
}
