package bot

import "context"

type ackKey struct{}

// WithAck returns ctx carrying ack, the transport's answer to the button
// press being handled (Telegram's answerCallbackQuery): it stops the
// button's spinner, with notice as a short toast, and does nothing after
// its first call.
func WithAck(ctx context.Context, ack func(notice string)) context.Context {
	return context.WithValue(ctx, ackKey{}, ack)
}

// Ack answers the button press being handled at once, with notice as its
// toast. A flow calls it before slow work (posting to the staff group,
// reloading the content): Telegram shows a spinner until the press is
// answered, then "query is too old". The flow's replies follow as messages
// or edits; a Reply.Notice after an Ack is not shown. Outside a button
// press it does nothing.
func Ack(ctx context.Context, notice string) {
	if ack, ok := ctx.Value(ackKey{}).(func(string)); ok {
		ack(notice)
	}
}
