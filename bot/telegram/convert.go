package telegram

import (
	"sort"
	"strings"
	"unicode/utf16"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

// toMessage converts an update into the engine's transport-neutral message.
// ok is false for updates the bot ignores: channel posts, edits, messages
// without text in groups, commands addressed to another bot, button presses
// on inline messages. A photo, voice note, sticker… in a private chat is a
// message without text that names its Media, so the citizen hears what the
// bot reads. An inline query is a message with Inline set, its ChatID the
// user's (their queries are answered in order).
func toMessage(u tgbotapi.Update, self tgbotapi.User) (m bot.Message, ok bool) {
	m.UpdateID = int64(u.UpdateID)
	switch {
	case u.Message != nil:
		msg := u.Message
		if msg.Chat == nil || msg.From == nil {
			return m, false
		}
		kind, known := chatType(msg.Chat.Type)
		if !known {
			return m, false
		}
		if msg.Text == "" && msg.Document == nil {
			if m.Media = media(msg); m.Media == "" || kind != bot.ChatPrivate {
				return bot.Message{}, false
			}
		}
		m.ChatID, m.UserID, m.ChatType = msg.Chat.ID, msg.From.ID, kind
		if sc := msg.SenderChat; sc != nil {
			// An anonymous admin (from GroupAnonymousBot, as the group)
			// or a channel: from is a placeholder that every group's
			// anonymous admins share. The chat is the sender.
			m.UserID, m.SenderChat = sc.ID, true
		}
		m.MessageID = msg.MessageID
		m.LangCode = msg.From.LanguageCode
		text, mentioned, forOther := addressing(msg, self)
		if forOther {
			return m, false
		}
		m.Text, m.Mentioned = text, mentioned
		if r := msg.ReplyToMessage; r != nil && r.From != nil && r.From.ID == self.ID {
			m.ReplyToBot = true
		}
		if r := msg.ReplyToMessage; r != nil {
			m.ReplyTo = r.MessageID
			m.ReplyToText = r.Text
		}
		if d := msg.Document; d != nil {
			m.Document = bot.Document{FileID: d.FileID, FileName: d.FileName, Size: int64(d.FileSize)}
		}
		return m, true
	case u.CallbackQuery != nil:
		cq := u.CallbackQuery
		if cq.Message == nil || cq.Message.Chat == nil || cq.From == nil {
			return m, false
		}
		kind, known := chatType(cq.Message.Chat.Type)
		if !known {
			return m, false
		}
		m.ChatID, m.UserID, m.ChatType = cq.Message.Chat.ID, cq.From.ID, kind
		m.MessageID = cq.Message.MessageID
		m.ButtonOnText = cq.Message.Text
		m.Callback = cq.Data
		m.LangCode = cq.From.LanguageCode
		return m, true
	case u.InlineQuery != nil:
		q := u.InlineQuery
		if q.From == nil || q.ID == "" {
			return m, false
		}
		m.Inline = true
		m.ChatID, m.UserID = q.From.ID, q.From.ID
		m.Text, m.LangCode = q.Query, q.From.LanguageCode
		return m, true
	}
	return m, false
}

// media names what a message without text holds, "" for nothing the bot
// tells apart (a service message: a member joined, a title changed).
func media(msg *tgbotapi.Message) string {
	switch {
	case len(msg.Photo) > 0:
		return "photo"
	case msg.Voice != nil:
		return "voice"
	case msg.Sticker != nil:
		return "sticker"
	case msg.VideoNote != nil:
		return "video_note"
	case msg.Video != nil, msg.Animation != nil:
		return "video"
	case msg.Audio != nil:
		return "audio"
	case msg.Location != nil, msg.Venue != nil:
		return "location"
	case msg.Contact != nil:
		return "contact"
	}
	return ""
}

func chatType(t string) (bot.ChatType, bool) {
	switch t {
	case "private":
		return bot.ChatPrivate, true
	case "group":
		return bot.ChatGroup, true
	case "supergroup":
		return bot.ChatSupergroup, true
	}
	return "", false
}

// addressing finds whether a message mentions the bot (an @username mention,
// a text_mention of the bot, a /command@bot) and returns the text with the
// mention removed, so "/lienhe@bot" reads as "/lienhe" and "@bot giờ làm
// việc?" as the question — a text_mention is the bot's display name, which
// would otherwise be searched. forOther is true for a command addressed to
// another bot ("/start@otherbot"). A username is matched whole: "@bot_dev"
// is another bot, not this one's name followed by "_dev".
func addressing(msg *tgbotapi.Message, self tgbotapi.User) (text string, mentioned, forOther bool) {
	text = msg.Text
	at := "@" + strings.ToLower(self.UserName)
	units := utf16.Encode([]rune(text))
	type span struct{ off, n int }
	var cut []span
	for _, e := range msg.Entities {
		if e.Offset < 0 || e.Length <= 0 || e.Offset+e.Length > len(units) {
			continue
		}
		word := string(utf16.Decode(units[e.Offset : e.Offset+e.Length]))
		switch e.Type {
		case "mention":
			if self.UserName != "" && strings.ToLower(word) == at {
				mentioned = true
				cut = append(cut, span{e.Offset, e.Length})
			}
		case "text_mention":
			if e.User != nil && e.User.ID == self.ID {
				mentioned = true
				cut = append(cut, span{e.Offset, e.Length})
			}
		case "bot_command":
			if e.Offset != 0 {
				continue
			}
			if _, target, has := strings.Cut(word, "@"); has {
				if !strings.EqualFold(target, self.UserName) {
					return text, false, true
				}
				mentioned = true
				n := len(utf16.Encode([]rune("@" + target)))
				cut = append(cut, span{e.Offset + e.Length - n, n})
			}
		}
	}
	// Without entities (some clients and emulators omit them), fall back to
	// the text itself.
	if !mentioned {
		if i, n := findUsername(text, self.UserName); n > 0 {
			text = text[:i] + " " + text[i+n:]
			return strings.Join(strings.Fields(text), " "), true, false
		}
	}
	if len(cut) == 0 {
		return text, mentioned, false
	}
	// Remove spans from the end so earlier offsets stay valid. Overlapping
	// spans (a repeated entity, a mention inside a command) are merged first:
	// removing both would cut past the text (found by FuzzUpdate).
	sort.Slice(cut, func(i, j int) bool { return cut[i].off < cut[j].off })
	merged := cut[:1]
	for _, c := range cut[1:] {
		last := &merged[len(merged)-1]
		if c.off < last.off+last.n {
			last.n = max(last.n, c.off+c.n-last.off)
			continue
		}
		merged = append(merged, c)
	}
	for i := len(merged) - 1; i >= 0; i-- {
		units = append(units[:merged[i].off:merged[i].off], units[merged[i].off+merged[i].n:]...)
	}
	return strings.Join(strings.Fields(string(utf16.Decode(units))), " "), mentioned, false
}

// findUsername returns where "@"+username first stands whole in text —
// case-insensitive, with no character a username may hold (letters, digits,
// underscore) right before or after it, so "@bot_dev" and "a@bot.vn" are
// not "@bot" (a command's "/lienhe@bot" is) — and its length in bytes; n
// is 0 when it does not.
func findUsername(text, username string) (i, n int) {
	n = 1 + len(username)
	if username == "" {
		return 0, 0
	}
	for i = 0; i+n <= len(text); i++ {
		if text[i] != '@' || !strings.EqualFold(text[i+1:i+n], username) {
			continue
		}
		// "/lienhe@bot": the one place a username follows a letter.
		command := strings.HasPrefix(text, "/") && !strings.ContainsAny(text[:i], " \t\n")
		if (i == 0 || command || !usernameByte(text[i-1])) && (i+n == len(text) || !usernameByte(text[i+n])) {
			return i, n
		}
	}
	return 0, 0
}

// usernameByte reports whether b may be part of a Telegram username
// (5-32 of a-z, A-Z, 0-9 and _).
func usernameByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}
