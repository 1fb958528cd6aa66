package telegram

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// engineAfterConnect is the real engine built as serve builds it: after
// New, with the username getMe gave. It records the text each message
// reached the engine with.
type engineAfterConnect struct {
	e    atomic.Pointer[bot.Engine]
	mu   sync.Mutex
	seen map[int64][]string // chat → texts, in order
}

func (h *engineAfterConnect) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	h.mu.Lock()
	if h.seen == nil {
		h.seen = map[int64][]string{}
	}
	if m.Callback == "" {
		h.seen[m.ChatID] = append(h.seen[m.ChatID], m.Text)
	}
	h.mu.Unlock()
	return h.e.Load().Handle(ctx, m)
}

func (h *engineAfterConnect) texts(chat int64) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.seen[chat]...)
}

// startGroupBot runs the bot over the fake Bot API with the real engine,
// which knows its username only from getMe.
func startGroupBot(t *testing.T, srv *telegramtest.Server) *engineAfterConnect {
	t.Helper()
	h := &engineAfterConnect{}
	r := startBot(t, srv, h, store.NewMemoryLedger(0), nil)
	h.e.Store(realEngine(t, store.NewMemory(store.Options{}), r.bot.UserName()))
	return h
}

// TestGroupAddressing: in a group the bot answers commands without a
// username or with its own (any case), and text that mentions it (entity,
// plain text, text_mention) or replies to it, with the mention stripped
// before searching; it ignores commands for other bots — also those whose
// username begins with its own — unknown plain commands (another bot's) and
// chatter. Private chats answer everything, as before. Each case has its own
// chat, and a /help addressed to the bot follows it there: once that is
// answered, whatever the case would get has been sent (one chat's updates
// are handled in order).
func TestGroupAddressing(t *testing.T) {
	srv := telegramtest.New(t)
	h := startGroupBot(t, srv)
	me := telegramtest.BotUserName
	noEntities := func(m *tgbotapi.Message) { m.Entities = nil }
	textMention := func(m *tgbotapi.Message) {
		m.Entities = []tgbotapi.MessageEntity{{Type: "text_mention", Offset: 0, Length: len([]rune("Kỳ Anh Test")),
			User: &tgbotapi.User{ID: telegramtest.BotID, IsBot: true, FirstName: "Kỳ Anh Test"}}}
	}
	replyToOther := func(m *tgbotapi.Message) {
		m.ReplyToMessage = &tgbotapi.Message{MessageID: 1, Chat: m.Chat, From: &tgbotapi.User{ID: 99, FirstName: "Lan"}}
	}
	const private, group, super = "private", "group", "supergroup"
	tests := []struct {
		name, kind, text string
		edit             func(*tgbotapi.Message)
		want             string // in the reply; "" for no reply at all
		searched         string // the text the engine got, when it matters
	}{
		{"command for another bot", group, "/start@otherbot", nil, "", ""},
		{"command for another bot, mixed case", super, "/help@OtherBot", nil, "", ""},
		{"unknown command for another bot", group, "/xyz@otherbot", nil, "", ""},
		{"command for a bot whose name begins with ours", group, "/xyz@" + me + "_dev", nil, "", ""},
		{"the same without entities", group, "/xyz@" + me + "_dev", noEntities, "", ""},
		{"mention of a bot whose name begins with ours", super, "hỏi @" + me + "x số fax", nil, "", ""},
		{"the same without entities", super, "hỏi @" + me + "x số fax", noEntities, "", ""},
		{"command with our name", group, "/lienhe@" + me, nil, "Địa chỉ liên hệ", ""},
		{"command with our name in other case", super, "/LIENHE@" + strings.ToUpper(me), nil, "Địa chỉ liên hệ", ""},
		{"command with our name without entities", group, "/lienhe@" + me, noEntities, "Địa chỉ liên hệ", ""},
		{"plain command", super, "/lienhe", nil, "Địa chỉ liên hệ", ""},
		{"unknown plain command: another bot's", group, "/xyz", nil, "", ""},
		{"unknown command addressed to us", group, "/xyz@" + me, nil, "không biết lệnh /xyz", ""},
		{"chatter", super, "số fax của ủy ban", nil, "", ""},
		{"a reply to someone else", super, "số fax của ủy ban", replyToOther, "", ""},
		{"mention first", super, "@" + me + " số fax của ủy ban", nil, "Fax", "số fax của ủy ban"},
		{"mention last, upper case, no entities", group, "số fax của ủy ban @" + strings.ToUpper(me), noEntities, "Fax", "số fax của ủy ban"},
		{"text_mention of the bot", super, "Kỳ Anh Test số fax của ủy ban", textMention, "Fax", "số fax của ủy ban"},
		{"reply to the bot", super, "số fax của ủy ban", srv.ReplyToBot(1), "Fax", "số fax của ủy ban"},
		{"the bot's name alone", group, "@" + me, nil, "Xin chào", ""},
		{"the staff line, private only", super, "/canbo", nil, "nhắn riêng cho mình", ""},
		{"a command typed with its marks", group, "/liênhệ", nil, "Địa chỉ liên hệ", ""},
		{"private question", private, "số fax của ủy ban", nil, "Fax", "số fax của ủy ban"},
		{"private unknown command", private, "/xyz", nil, "không biết lệnh /xyz", ""},
		{"private command for another bot", private, "/start@otherbot", nil, "", ""},
	}
	chats := make([]telegramtest.Chat, len(tests))
	for i, tt := range tests {
		// A user each: one user's 46 messages would meet the flood limit.
		user := telegramtest.User{ID: int64(4200 + i), FirstName: "Cán bộ", LanguageCode: "vi"}
		chats[i] = telegramtest.Chat{ID: int64(-100700 - i), Type: tt.kind, Title: "Nhóm thử"}
		if tt.kind == private {
			chats[i] = telegramtest.Private(user)
		}
		srv.SendMessage(chats[i], user, tt.text, tt.edit)
		srv.SendText(chats[i], user, "/help@"+me)
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%s %s %q", tt.kind, tt.name, tt.text), func(t *testing.T) {
			c := chats[i]
			helped := func() bool {
				ms := srv.Messages(c.ID)
				return len(ms) > 0 && strings.Contains(ms[len(ms)-1].Visible, "/tim <câu hỏi>")
			}
			for deadline := time.Now().Add(emuWait); !helped(); time.Sleep(20 * time.Millisecond) {
				if time.Now().After(deadline) {
					var got []string
					for _, m := range srv.Messages(c.ID) {
						got = append(got, m.Visible)
					}
					t.Fatalf("no /help answered last within %v; messages: %.200q", emuWait, got)
				}
			}
			ms := srv.Messages(c.ID)
			got := ms[:len(ms)-1]
			switch {
			case tt.want == "" && len(got) != 0:
				t.Errorf("replied %q, want no reply", got[0].Visible)
			case tt.want != "" && len(got) != 1:
				t.Errorf("%d replies, want one with %q", len(got), tt.want)
			case tt.want != "" && !strings.Contains(got[0].Visible, tt.want):
				t.Errorf("reply %.120q, want it to hold %q", got[0].Visible, tt.want)
			case tt.want != "" && tt.kind != private && got[0].ReplyTo == 0:
				t.Errorf("group answer is not a reply to the asker's message")
			}
			if tt.searched != "" {
				if texts := h.texts(c.ID); len(texts) == 0 || texts[0] != tt.searched {
					t.Errorf("engine got %q, want %q", texts, tt.searched)
				}
			}
		})
	}
}

// TestGroupAskWhat: /tim without a question in a group asks for it with a
// selective force_reply on a reply to the asker, so that their client opens
// a reply — the one next message of theirs the bot reads there. Their plain
// next message stays chatter; the reply is searched.
func TestGroupAskWhat(t *testing.T) {
	srv := telegramtest.New(t)
	startGroupBot(t, srv)
	me := telegramtest.BotUserName
	g := telegramtest.Chat{ID: -100690, Type: "supergroup", Title: "Nhóm thử"}
	user := telegramtest.User{ID: 4300, LanguageCode: "vi"}
	_, asked := srv.SendText(g, user, "/tim@"+me)
	prompt := srv.WaitMessages(t, g.ID, 1)[0]
	if prompt.ForceReply == nil || !prompt.ForceReply.Selective || prompt.ReplyTo != asked {
		t.Fatalf("prompt %q: force reply %+v, reply to %d; want a selective force reply answering message %d",
			prompt.Visible, prompt.ForceReply, prompt.ReplyTo, asked)
	}
	if !strings.Contains(prompt.Visible, "Trả lời tin nhắn này") {
		t.Errorf("prompt %q does not say to reply", prompt.Visible)
	}
	srv.SendText(g, user, "số fax của ủy ban") // chatter, not read
	srv.SendMessage(g, user, "số fax của ủy ban", srv.ReplyToBot(prompt.MessageID))
	srv.SendText(g, user, "/help@"+me)
	ms := srv.WaitMessages(t, g.ID, 3)
	if !strings.Contains(ms[1].Visible, "Fax") || !strings.Contains(ms[2].Visible, "/tim <câu hỏi>") {
		t.Errorf("after the prompt: %.80q, %.80q; want the answer to the reply, then /help", ms[1].Visible, ms[2].Visible)
	}
	// In a private chat the next message is read anyway: no force reply.
	srv.SendText(telegramtest.Private(user), user, "/tim")
	if p := srv.WaitMessages(t, user.ID, 1)[0]; p.ForceReply != nil {
		t.Errorf("private prompt %q forces a reply", p.Visible)
	}
}

// TestGroupMoreResults: staff in a group get more results on request —
// the Xem thêm button (pressed by anyone in the group) edits the answer in
// place, "xem thêm" as a reply to the bot or with a mention shows the next
// page, and a plain "xem thêm" is chatter.
func TestGroupMoreResults(t *testing.T) {
	srv := telegramtest.New(t)
	startGroupBot(t, srv)
	me := telegramtest.BotUserName
	g := telegramtest.Chat{ID: -100691, Type: "group", Title: "Tổ một cửa"}
	staff := telegramtest.User{ID: 4400, LanguageCode: "vi"}
	other := telegramtest.User{ID: 4401, LanguageCode: "vi"}
	srv.SendText(g, staff, "@"+me+" Sáp nhập những đơn vị nào?")
	answer := srv.WaitMessages(t, g.ID, 1)[0]
	more := ""
	for _, row := range answer.Buttons {
		for _, b := range row {
			if b.CallbackData != nil && strings.HasPrefix(*b.CallbackData, "m:") {
				more = *b.CallbackData
			}
		}
	}
	if more == "" {
		t.Fatalf("answer %.80q has no Xem thêm button", answer.Visible)
	}
	srv.Press(g, other, answer.MessageID, more)
	srv.Wait(t, emuWait, "the answer edited to page 2", func() bool {
		m := srv.Messages(g.ID)[0]
		return m.Edits > 0 && strings.Contains(m.Visible, "Trang 2")
	})
	srv.SendText(g, staff, "xem thêm") // chatter
	srv.SendMessage(g, staff, "xem thêm", srv.ReplyToBot(answer.MessageID))
	srv.SendText(g, staff, "@"+me+" xem thêm")
	srv.SendText(g, staff, "/help@"+me)
	ms := srv.WaitMessages(t, g.ID, 4)
	for i, want := range []string{"Trang 3", "Trang 4", "/tim <câu hỏi>"} {
		if !strings.Contains(ms[1+i].Visible, want) {
			t.Errorf("message %d: %.80q, want %q", 1+i, ms[1+i].Visible, want)
		}
	}
	if len(ms) != 4 {
		t.Errorf("%d messages, want 4: the answer, two more pages, /help", len(ms))
	}
}
