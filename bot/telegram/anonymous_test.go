package telegram

import (
	"context"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// groupAnonymousBot is the user Telegram puts in front of every anonymous
// group admin's message, in every group: the sender is in sender_chat.
var groupAnonymousBot = telegramtest.User{ID: 1087968824, FirstName: "Group", UserName: "GroupAnonymousBot"}

// TestAnonymousAdmins: an anonymous group admin writes as the group
// (sender_chat) and Telegram does not say which admin it is. Such a message
// never runs an admin command — not even when ADMIN_IDS holds
// GroupAnonymousBot's ID or the group's, as a mistaken set-up may — and the
// group is told why; a named admin in the same group still can. The flood
// limit counts per group, so one group's anonymous admins do not silence
// another's, and when they reach it the group reads that their limit is
// shared.
func TestAnonymousAdmins(t *testing.T) {
	srv := telegramtest.New(t)
	me := "@" + telegramtest.BotUserName
	groupX := telegramtest.Chat{ID: -100900, Type: "supergroup", Title: "Nhóm X"}
	groupY := telegramtest.Chat{ID: -100901, Type: "supergroup", Title: "Nhóm Y"}
	named := telegramtest.User{ID: 42, FirstName: "Quản trị", LanguageCode: "vi"}
	h := &engineAfterConnect{}
	r := startBot(t, srv, h, store.NewMemoryLedger(0), nil)
	h.e.Store(realEngineWith(t, store.NewMemory(store.Options{}), bot.Options{BotUsername: r.bot.UserName(), FloodLimit: 2,
		Admins: []int64{named.ID, groupAnonymousBot.ID, groupX.ID},
		Commands: []bot.Command{{Name: "stats", AdminOnly: true, Run: func(context.Context, bot.Message, string) ([]bot.Reply, error) {
			return []bot.Reply{{Text: "SECRET stats"}}, nil
		}}}}))
	asGroup := func(c telegramtest.Chat) func(*tgbotapi.Message) {
		return func(m *tgbotapi.Message) { m.SenderChat = &tgbotapi.Chat{ID: c.ID, Type: c.Type, Title: c.Title} }
	}
	steps := []struct {
		name string
		chat telegramtest.Chat
		from telegramtest.User
		anon bool
		text string
		want string // in the reply; "" for none
	}{
		{"anonymous /stats", groupX, groupAnonymousBot, true, "/stats" + me, "Lệnh quản trị cần tài khoản của chính bạn"},
		{"named admin's /stats", groupX, named, false, "/stats" + me, "SECRET stats"},
		{"anonymous question 2", groupX, groupAnonymousBot, true, me + " số fax ủy ban", "Fax"},
		{"anonymous question 3, over the limit", groupX, groupAnonymousBot, true, me + " số fax ủy ban", "quản trị viên ẩn danh dùng chung một giới hạn"},
		{"anonymous, over the limit: silent", groupX, groupAnonymousBot, true, me + " số fax ủy ban", ""},
		{"another group's anonymous admin", groupY, groupAnonymousBot, true, me + " số fax ủy ban", "Fax"},
		{"a named member of the first group", groupX, telegramtest.User{ID: 77, LanguageCode: "vi"}, false, me + " số fax ủy ban", "Fax"},
	}
	for i, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			n := len(srv.Messages(s.chat.ID))
			var edit func(*tgbotapi.Message)
			if s.anon {
				edit = asGroup(s.chat)
			}
			srv.SendMessage(s.chat, s.from, s.text, edit)
			// A /help after it, from a member of its own: once that is
			// answered, the step's reply, if any, is out (a chat's
			// updates are handled in order).
			srv.SendText(s.chat, telegramtest.User{ID: int64(600 + i), LanguageCode: "vi"}, "/help"+me)
			var got []telegramtest.Message
			srv.Wait(t, time.Minute, "the /help after the step", func() bool {
				got = srv.Messages(s.chat.ID)[n:]
				return len(got) > 0 && strings.Contains(got[len(got)-1].Visible, "Bạn có thể hỏi trực tiếp")
			})
			replies := got[:len(got)-1]
			if s.want == "" {
				if len(replies) != 0 {
					t.Errorf("replies %q, want none", replies[0].Visible)
				}
				return
			}
			if len(replies) != 1 || !strings.Contains(replies[0].Visible, s.want) {
				var vs []string
				for _, m := range replies {
					vs = append(vs, m.Visible)
				}
				t.Errorf("replies %q, want one holding %q", vs, s.want)
			}
			for _, m := range replies {
				if s.anon && strings.Contains(m.Visible, "SECRET") {
					t.Errorf("an anonymous admin ran an admin command: %q", m.Visible)
				}
			}
		})
	}
}
