// Package handoff puts a citizen in touch with a person when the bot is not
// enough. With a staff group (STAFF_CHAT_ID), a citizen's "gặp cán bộ" — or
// the "Liên hệ cán bộ" button offered after a 👎 — posts their question in
// the staff group, without their name; a staff member's reply to that post
// goes back to the citizen. Which post belongs to which chat is kept in a
// Tickets store (Redis for replicas) under a TTL. Without a staff group the
// citizen gets the office contacts instead.
package handoff

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/content"
)

// Handler answers one message; the engine, possibly wrapped, is one.
type Handler interface {
	Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error)
}

// Poster sends a message to any chat; *telegram.Bot is one.
type Poster interface {
	Post(ctx context.Context, chatID int64, r bot.Reply) (int, error)
}

// States gives a chat's conversation state, for its last question;
// bot.Store has it.
type States interface {
	Chat(ctx context.Context, chatID int64) (bot.ChatState, error)
}

// Config sets up the handoff. Without StaffChat, Poster and Tickets may be nil.
type Config struct {
	StaffChat int64 // the staff group's chat ID; 0 offers the office contacts instead
	Poster    Poster
	Tickets   Tickets
	States    States
	Logger    *slog.Logger
}

// Handoff is the way from a citizen to staff and back.
type Handoff struct {
	cfg Config
	log *slog.Logger
}

// New returns the handoff.
func New(cfg Config) *Handoff {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Handoff{cfg: cfg, log: cfg.Logger}
}

// Button data: "h:1" asks for staff; the engine's 👎 is "f:1:d:<key>".
const (
	cbStaff    = "h:1"
	cbVoteDown = "f:1:d:"
)

// Wrap handles the handoff and passes everything else to next.
func (h *Handoff) Wrap(next Handler) Handler {
	return handlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
		switch {
		case h.cfg.StaffChat != 0 && m.ChatID == h.cfg.StaffChat:
			if m.ReplyTo != 0 && m.Text != "" && m.Callback == "" {
				if replies, ok := h.staffReply(ctx, m); ok {
					return replies, nil
				}
			}
		case m.ChatType != bot.ChatPrivate:
		case m.Callback == cbStaff:
			return h.handoff(ctx, m, next, "")
		case strings.HasPrefix(m.Callback, cbVoteDown):
			replies, err := next.Handle(ctx, m)
			return append(replies, h.offer(m)), err
		case m.Callback == "" && m.Text != "":
			if q, ok := asksForStaff(m.Text); ok {
				return h.handoff(ctx, m, next, q)
			}
		}
		return next.Handle(ctx, m)
	})
}

type handlerFunc func(ctx context.Context, m bot.Message) ([]bot.Reply, error)

func (f handlerFunc) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	return f(ctx, m)
}

func english(m bot.Message) bool { return strings.HasPrefix(strings.ToLower(m.LangCode), "en") }

// offer follows a 👎 with the way to a person.
func (h *Handoff) offer(m bot.Message) bot.Reply {
	if english(m) {
		return bot.Reply{Text: "Not the answer you needed? You can ask a staff member.",
			Buttons: [][]bot.Button{{{Text: "Contact staff", Data: cbStaff}}}}
	}
	return bot.Reply{Text: "Câu trả lời chưa đúng ý bạn? Bạn có thể hỏi trực tiếp cán bộ.",
		Buttons: [][]bot.Button{{{Text: "Liên hệ cán bộ", Data: cbStaff}}}}
}

// staffPhrases are what citizens type to reach a person, folded (no
// diacritics, lower case), at the start of the message.
var staffPhrases = regexp.MustCompile(`^(/canbo|/staff|(xin )?(cho )?(toi |em |minh )?(muon )?(gap|lien he|noi chuyen voi|hoi) (truc tiep )?(can bo|nguoi that|nhan vien)|talk to (a )?(human|person|staff)|contact staff)\b[\s:,.!?-]*`)

// asksForStaff reports whether text asks for a person, and the question
// that follows the request, if any ("gặp cán bộ: giờ làm việc thứ Bảy?").
func asksForStaff(text string) (question string, ok bool) {
	folded := content.Fold(text)
	loc := staffPhrases.FindStringIndex(folded)
	if loc == nil {
		return "", false
	}
	// Folding keeps one rune per rune, so the rune count maps back.
	rest := []rune(content.Normalize(text))
	n := len([]rune(folded[:loc[1]]))
	if n > len(rest) {
		return "", true
	}
	return strings.TrimSpace(string(rest[n:])), true
}

// handoff posts the citizen's question to the staff group, or offers the
// office contacts when there is none.
func (h *Handoff) handoff(ctx context.Context, m bot.Message, next Handler, question string) ([]bot.Reply, error) {
	en := english(m)
	if h.cfg.StaffChat == 0 || h.cfg.Poster == nil || h.cfg.Tickets == nil {
		contacts := m
		contacts.Text, contacts.Callback = "/lienhe", ""
		replies, err := next.Handle(ctx, contacts)
		note := "Hiện chưa có kênh hỏi trực tiếp cán bộ qua bot. Bạn có thể liên hệ:"
		if en {
			note = "Staff cannot be reached through the bot yet. You can contact the office:"
		}
		return append([]bot.Reply{{Text: note, Notice: note}}, replies...), err
	}
	if question == "" && h.cfg.States != nil {
		if st, err := h.cfg.States.Chat(ctx, m.ChatID); err == nil && st.List.Kind == "search" {
			question = st.List.Query
		}
	}
	if question == "" {
		text := "Bạn muốn hỏi cán bộ điều gì? Hãy gõ, ví dụ: «gặp cán bộ: giờ làm việc của bộ phận một cửa?»"
		if en {
			text = "What would you like to ask? Type, for example: «contact staff: opening hours of the one-stop office?»"
		}
		return []bot.Reply{{Text: text, Notice: text}}, nil
	}
	if r := []rune(question); len(r) > 1000 {
		question = string(r[:1000]) + "…"
	}
	post := bot.Reply{Text: "🙋 <b>Câu hỏi của người dân</b>\n" + html.EscapeString(question) +
		"\n\n<i>Trả lời (Reply) tin nhắn này để gửi câu trả lời tới người hỏi.</i>"}
	id, err := h.cfg.Poster.Post(ctx, h.cfg.StaffChat, post)
	if err == nil {
		err = h.cfg.Tickets.Save(ctx, id, Ticket{ChatID: m.ChatID, Lang: m.LangCode})
	}
	if err != nil {
		h.log.Error("handoff failed", "chat_id", m.ChatID, "err", err)
		text := "Xin lỗi, chưa chuyển được câu hỏi tới cán bộ. Vui lòng thử lại sau."
		if en {
			text = "Sorry, your question could not be passed on. Please try again later."
		}
		return []bot.Reply{{Text: text, Notice: text}}, fmt.Errorf("handoff: %w", err)
	}
	h.log.Info("handoff", "chat_id", m.ChatID, "staff_message_id", id)
	text := "✅ Đã chuyển câu hỏi của bạn tới cán bộ. Câu trả lời sẽ được gửi tại đây."
	if en {
		text = "✅ Your question was passed on to the staff. Their answer will come here."
	}
	return []bot.Reply{{Text: text, Notice: text}}, nil
}

// staffReply sends a staff member's reply back to the citizen. ok is false
// when the replied-to message is no handoff (or it expired): the engine then
// handles the message as usual.
func (h *Handoff) staffReply(ctx context.Context, m bot.Message) (replies []bot.Reply, ok bool) {
	t, found, err := h.cfg.Tickets.Ticket(ctx, m.ReplyTo)
	if err != nil {
		h.log.Error("handoff: tickets unavailable", "err", err)
		return []bot.Reply{{Text: "⚠️ Không tra được người hỏi (lỗi lưu trữ); thử lại sau."}}, true
	}
	if !found {
		return nil, false
	}
	head := "💬 <b>Cán bộ trả lời</b>\n"
	if strings.HasPrefix(strings.ToLower(t.Lang), "en") {
		head = "💬 <b>Reply from the staff</b>\n"
	}
	if _, err := h.cfg.Poster.Post(ctx, t.ChatID, bot.Reply{Text: head + html.EscapeString(m.Text)}); err != nil {
		h.log.Error("handoff: reply not delivered", "chat_id", t.ChatID, "err", err)
		return []bot.Reply{{Text: "⚠️ Chưa gửi được câu trả lời tới người hỏi; thử lại sau."}}, true
	}
	h.log.Info("handoff answered", "chat_id", t.ChatID, "staff_user_id", m.UserID)
	return []bot.Reply{{Text: "✅ Đã gửi câu trả lời tới người hỏi."}}, true
}

// Ticket is the citizen a staff post is for.
type Ticket struct {
	ChatID int64  `json:"chat"`
	Lang   string `json:"lang,omitempty"`
}

// Tickets remembers which staff post is for which citizen.
type Tickets interface {
	Save(ctx context.Context, staffMessageID int, t Ticket) error
	Ticket(ctx context.Context, staffMessageID int) (Ticket, bool, error)
	// Forget deletes every ticket of a chat (/quentoi): they hold its ID.
	Forget(ctx context.Context, chatID int64) error
}

// Forget deletes the chat's tickets; the engine calls it for /quentoi
// (bot.Options.Forget). A staff reply to a forgotten post finds no citizen.
func (h *Handoff) Forget(ctx context.Context, _, chatID int64) error {
	if h.cfg.Tickets == nil {
		return nil
	}
	return h.cfg.Tickets.Forget(ctx, chatID)
}

// DefaultTTL is how long a staff post can be answered: the state TTL, so no
// citizen's chat is remembered longer than their conversation.
const DefaultTTL = 24 * time.Hour
