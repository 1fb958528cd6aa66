package telegram

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// TestBadInputThroughTransport: bad input, as Telegram delivers it, gets one
// clear reply that Telegram accepts — the fake Bot API parses the HTML and
// refuses what Telegram refuses (bad markup, over 4,096 characters), so a
// reply left unescaped or too long would not arrive and the case fails —
// in a private chat and, mentioning the bot, in a group.
func TestBadInputThroughTransport(t *testing.T) {
	srv := telegramtest.New(t)
	startGroupBot(t, srv)
	me := "@" + telegramtest.BotUserName
	// Telegram's limit for an incoming message is 4,096 characters.
	long := string([]rune(strings.Repeat("số điện thoại ủy ban nhân dân ", 140))[:4000])
	tests := []struct {
		name, text string
		// raw is the message's text as JSON, for what Go's encoder would
		// not write. (Telegram's JSON is valid UTF-8: a raw invalid byte
		// a test writes reaches the bot as U+FFFD, as from Telegram.)
		raw  string
		want string // in the reply; "" for any
	}{
		{name: "4,000 characters", text: long, want: "Câu hỏi dài quá"},
		{name: "4,000 ampersands", text: strings.Repeat("&", 4000), want: "Bạn muốn hỏi gì"},
		{name: "query syntax alone", text: `+-:^*~"`, want: ""},
		{name: "query syntax around words", text: `+số -fax: ủy^2 ban* ~"`, want: "Fax"},
		{name: "HTML and script", text: `<script>alert(1)</script> số fax ủy ban`, want: "Fax"},
		{name: "unknown command with markup", text: "/x<b>&amp;", want: "/x<b>&amp;"},
		{name: "lone surrogate escape", raw: `"số fax \ud800 ủy ban"`, want: "Fax"},
		{name: "raw invalid bytes", raw: "\"số fax \xff\xfe ủy ban\"", want: "Fax"},
		{name: "raw invalid bytes alone", raw: "\"\xff\xfe\xc3\"", want: "Bạn muốn hỏi gì"},
		{name: "unknown command of 4,000 characters", text: "/" + strings.Repeat("x", 4000), want: "Mình không biết lệnh /xxx"},
	}
	for i, tt := range tests {
		for _, group := range []bool{false, true} {
			user := telegramtest.User{ID: int64(4500 + 2*i), LanguageCode: "vi"}
			chat := telegramtest.Private(user)
			text, raw := tt.text, tt.raw
			if group {
				user.ID++
				chat = telegramtest.Chat{ID: int64(-100800 - i), Type: "supergroup", Title: "Nhóm thử"}
				if strings.HasPrefix(text, "/") {
					text += " " + me // an unknown command must name the bot
				} else if text != "" {
					text = me + " " + text
				}
				if raw != "" {
					raw = `"` + me + " " + raw[1:]
				}
			}
			name := fmt.Sprintf("%s in a %s chat", tt.name, chat.Type)
			if raw != "" {
				srv.PushRaw(fmt.Sprintf(`"message":{"message_id":1,"date":%d,"from":{"id":%d,"language_code":"vi"},"chat":{"id":%d,"type":%q},"text":%s}`,
					time.Now().Unix(), user.ID, chat.ID, chat.Type, raw))
			} else {
				srv.SendText(chat, user, text)
			}
			t.Run(name, func(t *testing.T) {
				got := srv.WaitMessages(t, chat.ID, 1)
				if len(got) != 1 {
					t.Fatalf("%d replies, want one", len(got))
				}
				if !strings.Contains(got[0].Visible, tt.want) {
					t.Errorf("reply %.160q, want it to hold %q", got[0].Visible, tt.want)
				}
				if n := len(utf16.Encode([]rune(got[0].Visible))); n > 4096 {
					t.Errorf("reply of %d UTF-16 units", n)
				}
			})
		}
	}
	for _, c := range srv.Calls("sendMessage") {
		if c.Status != 200 {
			t.Errorf("a sendMessage was refused (%d): %.120q", c.Status, c.Params.Get("text"))
		}
	}
}
