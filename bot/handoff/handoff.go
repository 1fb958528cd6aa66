// Package handoff puts a citizen in touch with a person when the bot is not
// enough. With a staff group (STAFF_CHAT_ID), a citizen's "gặp cán bộ" — or
// the "Liên hệ cán bộ" button offered after a 👎 — posts their question in
// the staff group, without their name; a staff member's reply to that post
// goes back to the citizen, and the citizen's reply to that answer back
// under the same post, as long as they talk. Staff close the request with a
// button; the citizen is told and rates the help. Which post belongs to
// which chat is kept in a Tickets store (Redis: it survives restarts and is
// shared by replicas) under a TTL renewed by each exchange; a reply to an
// expired request is never dropped silently. Without a staff group the
// citizen gets the office contacts instead.
package handoff

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"regexp"
	"strconv"
	"strings"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/content"
)

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
	// Gate applies the flood limit to the citizens' handoffs, replies and
	// ratings (the engine counts the messages it sees itself); nil for
	// none.
	Gate Gate
	// StaffThread is the forum topic of the staff group new questions go
	// to; 0 for the group itself (or its General topic).
	StaffThread int
	Logger      *slog.Logger
}

// Gate counts a citizen's message against their flood limit; *bot.Engine
// is one. ok false drops the message, answered with replies (the flood
// notice, the first time).
type Gate interface {
	Admit(ctx context.Context, m bot.Message) (replies []bot.Reply, ok bool)
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

// Button data: "h:1" asks for staff, "h:1:c" (staff) closes the ticket of
// the post it is on, "h:1:r:<post>:<u|d>" (citizen) rates a closed one;
// the engine's 👎 is "f:1:d:<key>".
const (
	cbStaff    = bot.CallbackStaff
	cbClose    = "h:1:c"
	cbRate     = "h:1:r:"
	cbVoteDown = "f:1:d:"
)

// Wrap handles the handoff and passes everything else to next.
func (h *Handoff) Wrap(next bot.Handler) bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
		staffOn := h.cfg.StaffChat != 0 && h.cfg.Poster != nil && h.cfg.Tickets != nil
		switch {
		case m.Inline:
		case h.cfg.StaffChat != 0 && m.ChatID == h.cfg.StaffChat:
			if !staffOn {
				break
			}
			if m.Callback == cbClose {
				return h.close(ctx, m)
			}
			if m.ReplyTo != 0 && m.Text != "" && m.Callback == "" {
				if replies, ok := h.staffReply(ctx, m); ok {
					return replies, nil
				}
			}
		case m.ChatType != bot.ChatPrivate:
		case m.Callback == cbStaff:
			return h.handoff(ctx, m, next, "")
		case staffOn && strings.HasPrefix(m.Callback, cbRate):
			return h.rate(ctx, m)
		case strings.HasPrefix(m.Callback, cbVoteDown):
			replies, err := next.Handle(ctx, m)
			return append(replies, h.offer(ctx, m)), err
		case m.Callback == "" && m.Text != "":
			if q, ok := asksForStaff(m.Text); ok {
				return h.handoff(ctx, m, next, q)
			}
			if staffOn && m.ReplyTo != 0 {
				if replies, ok, err := h.citizenReply(ctx, m); ok {
					return replies, err
				}
			}
		}
		return next.Handle(ctx, m)
	})
}

// lang is the citizen's language: their /ngonngu choice, else their
// client's.
func (h *Handoff) lang(ctx context.Context, m bot.Message) string {
	if h.cfg.States != nil {
		if st, err := h.cfg.States.Chat(ctx, m.ChatID); err == nil && (st.Lang == "en" || st.Lang == "vi") {
			return st.Lang
		}
	}
	if strings.HasPrefix(strings.ToLower(m.LangCode), "en") {
		return "en"
	}
	return "vi"
}

// admit applies the flood limit to what the handoff does itself.
func (h *Handoff) admit(ctx context.Context, m bot.Message) ([]bot.Reply, bool) {
	if h.cfg.Gate == nil {
		return nil, true
	}
	return h.cfg.Gate.Admit(ctx, m)
}

// offer follows a 👎 with the way to a person.
func (h *Handoff) offer(ctx context.Context, m bot.Message) bot.Reply {
	t := textsFor(h.lang(ctx, m))
	return bot.Reply{Text: t.Offer, Buttons: [][]bot.Button{{{Text: t.StaffButton, Data: cbStaff}}}}
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

// Markers open the messages the handoff writes, as Telegram quotes them in
// a reply (Message.ReplyToText): a reply to one whose ticket is gone is
// told apart from a reply to any other message.
const (
	markStaffNew   = "🙋 Câu hỏi của người dân"
	markStaffReply = "💬 Người dân trả lời"
)

// staffHint ends every staff post; staffHintPlain is the same as Telegram
// shows it.
const (
	staffHint      = "\n\n<i>" + staffHintPlain + "</i>"
	staffHintPlain = "Trả lời (Reply) tin nhắn này để gửi câu trả lời tới người hỏi."
)

// closeButton closes the ticket of the staff post it is on.
var closeButton = [][]bot.Button{{{Text: "✅ Đóng yêu cầu", Data: cbClose}}}

// handoff posts the citizen's question to the staff group, or offers the
// office contacts when there is none.
func (h *Handoff) handoff(ctx context.Context, m bot.Message, next bot.Handler, question string) ([]bot.Reply, error) {
	lang := h.lang(ctx, m)
	t := textsFor(lang)
	if h.cfg.StaffChat == 0 || h.cfg.Poster == nil || h.cfg.Tickets == nil {
		contacts := m
		contacts.Text, contacts.Callback = "/lienhe", ""
		replies, err := next.Handle(ctx, contacts)
		return append([]bot.Reply{{Text: t.NoStaff, Notice: t.NoStaff}}, replies...), err
	}
	if replies, ok := h.admit(ctx, m); !ok {
		return replies, nil
	}
	if question == "" && h.cfg.States != nil {
		// The last question: answered (a search list) or not (no list).
		if st, err := h.cfg.States.Chat(ctx, m.ChatID); err == nil && (st.List.Kind == "search" || st.List.Kind == "") {
			question = st.List.Query
		}
	}
	if question == "" {
		return []bot.Reply{{Text: t.AskWhat, Notice: t.AskWhat}}, nil
	}
	// The staff post takes a round trip to Telegram: the press is
	// answered first.
	bot.Ack(ctx, t.Passing)
	if err := h.open(ctx, m.ChatID, lang, question); err != nil {
		h.log.Error("handoff failed", "chat_id", m.ChatID, "err", err)
		return []bot.Reply{{Text: t.Failed, Notice: t.Failed}}, fmt.Errorf("handoff: %w", err)
	}
	return []bot.Reply{{Text: t.Passed, Notice: t.Passed}}, nil
}

// open posts a new question to the staff group and keeps its ticket.
func (h *Handoff) open(ctx context.Context, chatID int64, lang, question string) error {
	if r := []rune(question); len(r) > 1000 {
		question = string(r[:1000]) + "…"
	}
	post := bot.Reply{Text: markStaffNew + "\n" + html.EscapeString(question) + staffHint,
		ThreadID: h.cfg.StaffThread, Buttons: closeButton}
	defer h.sending(ctx)()
	id, err := h.cfg.Poster.Post(ctx, h.cfg.StaffChat, post)
	if err != nil {
		return err
	}
	if err := h.cfg.Tickets.Save(ctx, id, Ticket{ChatID: chatID, Lang: lang, Thread: h.cfg.StaffThread}); err != nil {
		return err
	}
	h.log.Info("handoff", "chat_id", chatID, "staff_message_id", id)
	return nil
}

// root returns the ticket of the conversation a staff post belongs to and
// its post ID.
func (h *Handoff) root(ctx context.Context, id int, t Ticket) (int, Ticket, error) {
	if t.Root == 0 || t.Root == id {
		return id, t, nil
	}
	rt, ok, err := h.cfg.Tickets.Ticket(ctx, t.Root)
	if err != nil {
		return 0, Ticket{}, err
	}
	if !ok {
		// The first post's ticket lapsed before this one: this one
		// stands for the conversation.
		return id, Ticket{ChatID: t.ChatID, Lang: t.Lang, Thread: t.Thread}, nil
	}
	return t.Root, rt, nil
}

// staffReply sends a staff member's reply back to the citizen. ok is false
// when the replied-to message is no handoff post: the engine then handles
// the message as usual. A reply to a handoff post whose ticket is gone is
// answered in the staff group, so the staff member knows it did not reach
// anyone.
func (h *Handoff) staffReply(ctx context.Context, m bot.Message) (replies []bot.Reply, ok bool) {
	tk, found, err := ticket(ctx, h, m.ReplyTo, isStaffPost(m.ReplyToText))
	if err != nil {
		h.log.Error("handoff: tickets unavailable", "err", err)
		return []bot.Reply{{Text: "⚠️ Không tra được người hỏi (lỗi lưu trữ); thử lại sau."}}, true
	}
	if !found {
		if isStaffPost(m.ReplyToText) {
			h.log.Info("handoff: staff reply to an expired ticket", "staff_message_id", m.ReplyTo, "staff_user_id", m.UserID)
			return []bot.Reply{{Text: "⌛ Yêu cầu này đã hết hạn (quá lâu không có trao đổi) hoặc người hỏi đã xoá dữ liệu của mình (/quentoi): " +
				"bot không còn biết người hỏi, nên câu trả lời <b>chưa được gửi</b>."}}, true
		}
		return nil, false
	}
	root, rt, err := h.root(ctx, m.ReplyTo, tk)
	if err != nil {
		h.log.Error("handoff: tickets unavailable", "err", err)
		return []bot.Reply{{Text: "⚠️ Không tra được người hỏi (lỗi lưu trữ); thử lại sau."}}, true
	}
	t := textsFor(rt.Lang)
	defer h.sending(ctx)()
	sent, err := h.cfg.Poster.Post(ctx, rt.ChatID, bot.Reply{Text: t.StaffSaid + "\n" + html.EscapeString(m.Text) + "\n\n<i>" + t.ReplyHint + "</i>"})
	if err != nil {
		h.log.Error("handoff: reply not delivered", "chat_id", rt.ChatID, "err", err)
		return []bot.Reply{{Text: "⚠️ Chưa gửi được câu trả lời tới người hỏi; thử lại sau."}}, true
	}
	// The citizen's reply to this answer goes back to the same thread;
	// the exchange keeps the ticket alive.
	if err := h.cfg.Tickets.Link(ctx, rt.ChatID, sent, root); err != nil {
		h.log.Error("handoff: link the answer to its ticket", "chat_id", rt.ChatID, "err", err)
	}
	if err := h.cfg.Tickets.Save(ctx, root, rt); err != nil {
		h.log.Error("handoff: renew ticket", "chat_id", rt.ChatID, "err", err)
	}
	h.log.Info("handoff answered", "chat_id", rt.ChatID, "staff_user_id", m.UserID)
	return []bot.Reply{{Text: "✅ Đã gửi câu trả lời tới người hỏi."}}, true
}

// citizenReply takes a citizen's reply to a staff answer back to the staff
// thread it came from. ok is false when the message replies to something
// else. When the ticket is gone, the reply opens a new one: the citizen's
// words are never dropped.
func (h *Handoff) citizenReply(ctx context.Context, m bot.Message) (replies []bot.Reply, ok bool, err error) {
	root, found, err := afterSaves(ctx, h, isStaffAnswer(m.ReplyToText), func() (int, bool, error) {
		return h.cfg.Tickets.Linked(ctx, m.ChatID, m.ReplyTo)
	})
	if err != nil {
		h.log.Error("handoff: tickets unavailable", "err", err)
		found = false
	}
	var tk Ticket
	if found {
		tk, found, err = h.cfg.Tickets.Ticket(ctx, root)
		if err != nil {
			h.log.Error("handoff: tickets unavailable", "err", err)
		}
	}
	if !found && !isStaffAnswer(m.ReplyToText) {
		return nil, false, nil
	}
	if replies, ok := h.admit(ctx, m); !ok {
		return replies, true, nil
	}
	lang := h.lang(ctx, m)
	t := textsFor(lang)
	if !found {
		if err := h.open(ctx, m.ChatID, lang, m.Text); err != nil {
			h.log.Error("handoff failed", "chat_id", m.ChatID, "err", err)
			return []bot.Reply{{Text: t.Failed}}, true, fmt.Errorf("handoff: %w", err)
		}
		return []bot.Reply{{Text: t.Reopened}}, true, nil
	}
	text := m.Text
	if r := []rune(text); len(r) > 1000 {
		text = string(r[:1000]) + "…"
	}
	post := bot.Reply{Text: markStaffReply + "\n" + html.EscapeString(text) + staffHint,
		ReplyTo: root, ThreadID: tk.Thread, Buttons: closeButton}
	defer h.sending(ctx)()
	id, err := h.cfg.Poster.Post(ctx, h.cfg.StaffChat, post)
	if err == nil {
		err = h.cfg.Tickets.Save(ctx, id, Ticket{ChatID: m.ChatID, Lang: lang, Root: root, Thread: tk.Thread})
	}
	if err != nil {
		h.log.Error("handoff: citizen reply not passed on", "chat_id", m.ChatID, "err", err)
		return []bot.Reply{{Text: t.Failed}}, true, fmt.Errorf("handoff: %w", err)
	}
	// A reply reopens a closed ticket; the exchange keeps it alive.
	tk.Closed, tk.Rated, tk.Lang = false, false, lang
	if err := h.cfg.Tickets.Save(ctx, root, tk); err != nil {
		h.log.Error("handoff: renew ticket", "chat_id", m.ChatID, "err", err)
	}
	h.log.Info("handoff: citizen replied", "chat_id", m.ChatID, "staff_message_id", id)
	return []bot.Reply{{Text: t.Forwarded}}, true, nil
}

// close is a staff member's "Đóng yêu cầu": the ticket is closed, and the
// citizen told and asked to rate the help.
func (h *Handoff) close(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	tk, found, err := ticket(ctx, h, m.MessageID, true) // the close button is only on the handoff's posts
	if err != nil {
		return []bot.Reply{{Notice: "⚠️ Lỗi lưu trữ; thử lại sau."}}, fmt.Errorf("handoff: close: %w", err)
	}
	if !found {
		return []bot.Reply{{Notice: "⌛ Yêu cầu này đã hết hạn."}}, nil
	}
	root, rt, err := h.root(ctx, m.MessageID, tk)
	if err != nil {
		return []bot.Reply{{Notice: "⚠️ Lỗi lưu trữ; thử lại sau."}}, fmt.Errorf("handoff: close: %w", err)
	}
	if rt.Closed {
		return []bot.Reply{{Notice: "Yêu cầu này đã được đóng."}}, nil
	}
	bot.Ack(ctx, "Đã đóng yêu cầu.")
	rt.Closed = true
	if err := h.cfg.Tickets.Save(ctx, root, rt); err != nil {
		return []bot.Reply{{Text: "⚠️ Chưa đóng được yêu cầu (lỗi lưu trữ); thử lại sau."}}, fmt.Errorf("handoff: close: %w", err)
	}
	t := textsFor(rt.Lang)
	ask := bot.Reply{Text: t.Closed, Buttons: [][]bot.Button{{
		{Text: t.RateGood, Data: cbRate + strconv.Itoa(root) + ":u"},
		{Text: t.RateBad, Data: cbRate + strconv.Itoa(root) + ":d"},
	}}}
	if _, err := h.cfg.Poster.Post(ctx, rt.ChatID, ask); err != nil {
		h.log.Error("handoff: closing not told", "chat_id", rt.ChatID, "err", err)
		return closedPost(m, "✅ Đã đóng yêu cầu, nhưng chưa báo được người hỏi."), nil
	}
	h.log.Info("handoff closed", "chat_id", rt.ChatID, "staff_user_id", m.UserID)
	return closedPost(m, "✅ Đã đóng yêu cầu; người hỏi đã được báo và có thể đánh giá."), nil
}

// closedPost says how the closing went by editing the staff post whose
// button was pressed — its text kept, the status added, the close button
// gone — rather than by a new message in a busy staff group. When the
// post's text did not come with the press (Telegram leaves it out of a
// message too old to be accessible), the status is a message of its own.
func closedPost(m bot.Message, status string) []bot.Reply {
	if m.ButtonOnText == "" {
		return []bot.Reply{{Text: status}}
	}
	body := strings.TrimSpace(strings.TrimSuffix(m.ButtonOnText, staffHintPlain))
	return []bot.Reply{{Text: html.EscapeString(body) + "\n\n<b>" + status + "</b>" + staffHint, EditMessageID: m.MessageID}}
}

// rate records the citizen's rating of a closed ticket and tells the staff.
func (h *Handoff) rate(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	t := textsFor(h.lang(ctx, m))
	args := strings.Split(strings.TrimPrefix(m.Callback, cbRate), ":")
	if len(args) != 2 || (args[1] != "u" && args[1] != "d") {
		return []bot.Reply{{Notice: t.Expired}}, nil
	}
	root, err := strconv.Atoi(args[0])
	if err != nil {
		return []bot.Reply{{Notice: t.Expired}}, nil
	}
	if replies, ok := h.admit(ctx, m); !ok {
		return replies, nil
	}
	tk, found, err := h.cfg.Tickets.Ticket(ctx, root)
	if err != nil {
		return []bot.Reply{{Notice: t.Failed}}, fmt.Errorf("handoff: rate: %w", err)
	}
	// Only the citizen of the ticket rates it, once, after it closed.
	if !found || tk.ChatID != m.ChatID || !tk.Closed {
		return []bot.Reply{{Notice: t.Expired}}, nil
	}
	if tk.Rated {
		return []bot.Reply{{Notice: t.Thanks}}, nil
	}
	bot.Ack(ctx, t.Thanks) // before the staff post
	tk.Rated = true
	if err := h.cfg.Tickets.Save(ctx, root, tk); err != nil {
		return []bot.Reply{{Notice: t.Failed}}, fmt.Errorf("handoff: rate: %w", err)
	}
	verdict := "👍 hài lòng"
	if args[1] == "d" {
		verdict = "👎 chưa hài lòng"
	}
	if _, err := h.cfg.Poster.Post(ctx, h.cfg.StaffChat, bot.Reply{Text: "⭐ Người hỏi đánh giá: " + verdict, ReplyTo: root, ThreadID: tk.Thread}); err != nil {
		h.log.Error("handoff: rating not posted", "err", err)
	}
	h.log.Info("handoff rated", "chat_id", m.ChatID, "good", args[1] == "u")
	return []bot.Reply{{Text: t.Closed + "\n\n" + t.Thanks, EditMessageID: m.MessageID, Notice: t.Thanks}}, nil
}

func isStaffPost(quoted string) bool {
	return strings.HasPrefix(quoted, markStaffNew) || strings.HasPrefix(quoted, markStaffReply)
}

func isStaffAnswer(quoted string) bool {
	for _, t := range catalog {
		if strings.HasPrefix(quoted, t.StaffSaidPlain) {
			return true
		}
	}
	return false
}

// Ticket is the citizen a staff post is for. A conversation's first post
// holds its state (Closed, Rated); the posts that continue it (a citizen's
// replies) point to it by Root.
type Ticket struct {
	ChatID int64  `json:"chat"`
	Lang   string `json:"lang,omitempty"`
	Root   int    `json:"root,omitempty"`   // the conversation's first staff post; 0 on that post
	Thread int    `json:"thread,omitempty"` // the staff group's forum topic
	Closed bool   `json:"closed,omitempty"`
	Rated  bool   `json:"rated,omitempty"`
}

// Chat is the citizen's chat the ticket is for: /quentoi forgets a chat's
// tickets (store.Ticket).
func (t Ticket) Chat() int64 { return t.ChatID }

// Tickets remembers which staff post is for which citizen, for
// store.DefaultTicketTTL (24 h: no citizen's chat is remembered longer than
// their conversation); *store.RedisTickets[Ticket] and
// *store.MemoryTickets[Ticket] are ones.
type Tickets interface {
	Save(ctx context.Context, staffMessageID int, t Ticket) error
	Ticket(ctx context.Context, staffMessageID int) (Ticket, bool, error)
	// Link remembers that the bot's message citizenMessageID in chatID
	// (a staff answer) belongs to the conversation of staff post root, so
	// the citizen's reply to it goes there; Linked finds it.
	Link(ctx context.Context, chatID int64, citizenMessageID, root int) error
	Linked(ctx context.Context, chatID int64, citizenMessageID int) (root int, ok bool, err error)
	// Forget deletes every ticket of a chat (/quentoi): they hold its ID.
	Forget(ctx context.Context, chatID int64) error
	// Sending marks a post being sent, whose record is saved only once
	// Telegram gives its ID, until done is called; every replica sharing
	// the tickets sees the mark (see unsaved.go). Unsaved returns the
	// marks held now; AwaitSaved returns once none of marks is held, or
	// ctx ends.
	Sending(ctx context.Context) (done func(), err error)
	Unsaved(ctx context.Context) ([]string, error)
	AwaitSaved(ctx context.Context, marks []string) error
}

// Forget deletes the chat's tickets; the engine calls it for /quentoi
// (bot.Options.Forget). A staff reply to a forgotten post finds no citizen.
func (h *Handoff) Forget(ctx context.Context, _, chatID int64) error {
	if h.cfg.Tickets == nil {
		return nil
	}
	return h.cfg.Tickets.Forget(ctx, chatID)
}
