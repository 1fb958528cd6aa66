package bot

import (
	"context"
	"strconv"
	"strings"
)

// Callback data is "kind:version:args…", at most 64 bytes (Telegram's limit),
// and never carries titles or text: only short keys and numbers. The version
// lets a newer bot tell buttons of an older one apart. Data that does not
// decode — a forged or outdated button — gets a polite refusal.
const (
	cbVersion  = "1"
	cbMore     = "m" // m:1:<seq>:<offset>
	cbSource   = "s" // s:1:<article key>
	cbVote     = "f" // f:1:<u|d>:<unit key>
	cbLanguage = "l" // l:1:<vi|en>
	cbExample  = "q" // q:1:<index>
	cbDocument = "d" // d:1:<document ID>
	maxData    = 64
)

// CallbackStaff is the data of the button that asks for a person. The staff
// handoff (package bot/handoff), in front of the engine, handles it.
const CallbackStaff = "h:1"

// data builds callback data; it returns "" (no button) when it would be too
// long, which only an unusually long document ID can cause.
func data(kind string, args ...string) string {
	s := kind + ":" + cbVersion + ":" + strings.Join(args, ":")
	if len(s) > maxData {
		return ""
	}
	return s
}

func (e *Engine) moreButton(r *request, offset int) Button {
	return Button{Text: r.t.More + " ›", Data: data(cbMore, strconv.Itoa(r.st.List.Seq), strconv.Itoa(offset))}
}

// callback handles a button press.
func (e *Engine) callback(ctx context.Context, r *request) ([]Reply, error) {
	parts := strings.Split(r.msg.Callback, ":")
	if len(r.msg.Callback) > maxData || len(parts) < 3 || parts[1] != cbVersion {
		return e.badButton(r)
	}
	args := parts[2:]
	switch parts[0] {
	case cbMore:
		if len(args) != 2 {
			break
		}
		seq, err1 := strconv.Atoi(args[0])
		off, err2 := strconv.Atoi(args[1])
		if err1 != nil || err2 != nil || off < 0 || off > 10_000 {
			break
		}
		if r.st.List.Kind == "" || seq != r.st.List.Seq {
			return []Reply{{Notice: r.t.Stale, Text: r.t.Stale}}, nil
		}
		return e.page(ctx, r, off, true)
	case cbSource:
		if len(args) == 1 {
			if a := e.articleByKey(args[0]); a != nil {
				return []Reply{e.sourceReply(r, a)}, nil
			}
		}
	case cbVote:
		if len(args) == 2 && (args[0] == "u" || args[0] == "d") && len(args[1]) <= 20 {
			return e.vote(ctx, r, args[1], args[0] == "u")
		}
	case cbLanguage:
		if len(args) == 1 && (args[0] == string(vi) || args[0] == string(en)) {
			return e.setLanguage(r, lang(args[0])), nil
		}
	case cbExample:
		if len(args) == 1 {
			if i, err := strconv.Atoi(args[0]); err == nil && i >= 0 && i < len(r.t.Examples) {
				return e.ask(ctx, r, r.t.Examples[i])
			}
		}
	case cbDocument:
		if len(args) >= 1 {
			return e.document(ctx, r, strings.Join(args, ":"))
		}
	}
	return e.badButton(r)
}

func (e *Engine) badButton(r *request) ([]Reply, error) {
	e.log.Info("bad callback data", "user_id", r.msg.UserID, "chat_id", r.msg.ChatID, "bytes", len(r.msg.Callback))
	return []Reply{{Notice: r.t.BadButton}}, nil
}
