package telegram

import (
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
)

func TestToMessage(t *testing.T) {
	self := tgbotapi.User{ID: 1000, UserName: "KyAnhBot", IsBot: true}
	user := &tgbotapi.User{ID: 7, LanguageCode: "en"}
	private := &tgbotapi.Chat{ID: 7, Type: "private"}
	group := &tgbotapi.Chat{ID: -100, Type: "supergroup"}
	cmd := func(_ string, n int) []tgbotapi.MessageEntity {
		return []tgbotapi.MessageEntity{{Type: "bot_command", Offset: 0, Length: n}}
	}
	tests := []struct {
		name   string
		u      tgbotapi.Update
		want   bot.Message
		wantOK bool
	}{
		{"private text", tgbotapi.Update{UpdateID: 1, Message: &tgbotapi.Message{MessageID: 5, From: user, Chat: private, Text: "giờ làm việc?"}},
			bot.Message{UpdateID: 1, ChatID: 7, UserID: 7, ChatType: bot.ChatPrivate, MessageID: 5, Text: "giờ làm việc?", LangCode: "en"}, true},
		{"group mention entity", tgbotapi.Update{UpdateID: 2, Message: &tgbotapi.Message{MessageID: 6, From: user, Chat: group,
			Text: "@kyanhbot số fax?", Entities: []tgbotapi.MessageEntity{{Type: "mention", Offset: 0, Length: 9}}}},
			bot.Message{UpdateID: 2, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 6, Text: "số fax?", LangCode: "en", Mentioned: true}, true},
		{"group mention without entities", tgbotapi.Update{UpdateID: 3, Message: &tgbotapi.Message{MessageID: 6, From: user, Chat: group, Text: "hỏi @KyAnhBot nhé"}},
			bot.Message{UpdateID: 3, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 6, Text: "hỏi nhé", LangCode: "en", Mentioned: true}, true},
		{"the bot's name alone", tgbotapi.Update{UpdateID: 13, Message: &tgbotapi.Message{MessageID: 14, From: user, Chat: group,
			Text: "@KyAnhBot", Entities: []tgbotapi.MessageEntity{{Type: "mention", Offset: 0, Length: 9}}}},
			bot.Message{UpdateID: 13, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 14, LangCode: "en", Mentioned: true}, true},
		{"command for this bot", tgbotapi.Update{UpdateID: 4, Message: &tgbotapi.Message{MessageID: 7, From: user, Chat: group, Text: "/lienhe@KyAnhBot ubnd", Entities: cmd("", 16)}},
			bot.Message{UpdateID: 4, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 7, Text: "/lienhe ubnd", LangCode: "en", Mentioned: true}, true},
		{"command for another bot", tgbotapi.Update{UpdateID: 5, Message: &tgbotapi.Message{MessageID: 8, From: user, Chat: group, Text: "/start@otherbot", Entities: cmd("", 15)}},
			bot.Message{}, false},
		{"plain command in group", tgbotapi.Update{UpdateID: 6, Message: &tgbotapi.Message{MessageID: 9, From: user, Chat: group, Text: "/help", Entities: cmd("", 5)}},
			bot.Message{UpdateID: 6, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 9, Text: "/help", LangCode: "en"}, true},
		{"reply to the bot", tgbotapi.Update{UpdateID: 7, Message: &tgbotapi.Message{MessageID: 10, From: user, Chat: group, Text: "còn gì nữa?",
			ReplyToMessage: &tgbotapi.Message{MessageID: 3, From: &self}}},
			bot.Message{UpdateID: 7, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 10, Text: "còn gì nữa?", LangCode: "en", ReplyToBot: true, ReplyTo: 3}, true},
		// An anonymous admin: from is GroupAnonymousBot in every group,
		// the sender is the group; a channel posting in its group alike.
		{"anonymous admin", tgbotapi.Update{UpdateID: 30, Message: &tgbotapi.Message{MessageID: 31, Chat: group, Text: "/help",
			From: &tgbotapi.User{ID: 1087968824, IsBot: true, UserName: "GroupAnonymousBot"}, SenderChat: group}},
			bot.Message{UpdateID: 30, ChatID: -100, UserID: -100, SenderChat: true, ChatType: bot.ChatSupergroup, MessageID: 31, Text: "/help"}, true},
		{"as a channel", tgbotapi.Update{UpdateID: 32, Message: &tgbotapi.Message{MessageID: 33, Chat: group, Text: "/help",
			From: &tgbotapi.User{ID: 136817688, IsBot: true, UserName: "Channel_Bot"}, SenderChat: &tgbotapi.Chat{ID: -1002, Type: "channel"}}},
			bot.Message{UpdateID: 32, ChatID: -100, UserID: -1002, SenderChat: true, ChatType: bot.ChatSupergroup, MessageID: 33, Text: "/help"}, true},
		{"document", tgbotapi.Update{UpdateID: 12, Message: &tgbotapi.Message{MessageID: 13, From: user, Chat: &tgbotapi.Chat{ID: 7, Type: "private"},
			Document: &tgbotapi.Document{FileID: "f1", FileName: "bai.txt", FileSize: 120}}},
			bot.Message{UpdateID: 12, ChatID: 7, UserID: 7, ChatType: bot.ChatPrivate, MessageID: 13, LangCode: "en",
				Document: bot.Document{FileID: "f1", FileName: "bai.txt", Size: 120}}, true},
		{"text mention of the bot", tgbotapi.Update{UpdateID: 8, Message: &tgbotapi.Message{MessageID: 11, From: user, Chat: group, Text: "Bot ơi",
			Entities: []tgbotapi.MessageEntity{{Type: "text_mention", Offset: 0, Length: 3, User: &self}}}},
			bot.Message{UpdateID: 8, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 11, Text: "ơi", LangCode: "en", Mentioned: true}, true},
		// A username that begins with the bot's is another bot's, with or
		// without entities; so is an address.
		{"another bot's longer name", tgbotapi.Update{UpdateID: 19, Message: &tgbotapi.Message{MessageID: 20, From: user, Chat: group, Text: "hỏi @KyAnhBot_dev nhé",
			Entities: []tgbotapi.MessageEntity{{Type: "mention", Offset: 4, Length: 13}}}},
			bot.Message{UpdateID: 19, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 20, Text: "hỏi @KyAnhBot_dev nhé", LangCode: "en"}, true},
		{"another bot's longer name without entities", tgbotapi.Update{UpdateID: 20, Message: &tgbotapi.Message{MessageID: 21, From: user, Chat: group, Text: "hỏi @kyanhbotx nhé"}},
			bot.Message{UpdateID: 20, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 21, Text: "hỏi @kyanhbotx nhé", LangCode: "en"}, true},
		{"command for a longer name without entities", tgbotapi.Update{UpdateID: 21, Message: &tgbotapi.Message{MessageID: 22, From: user, Chat: group, Text: "/xyz@KyAnhBot_dev"}},
			bot.Message{UpdateID: 21, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 22, Text: "/xyz@KyAnhBot_dev", LangCode: "en"}, true},
		{"command for this bot without entities", tgbotapi.Update{UpdateID: 22, Message: &tgbotapi.Message{MessageID: 23, From: user, Chat: group, Text: "/lienhe@kyanhbot ubnd"}},
			bot.Message{UpdateID: 22, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 23, Text: "/lienhe ubnd", LangCode: "en", Mentioned: true}, true},
		{"an e-mail address", tgbotapi.Update{UpdateID: 23, Message: &tgbotapi.Message{MessageID: 24, From: user, Chat: group, Text: "gửi tới hoi@kyanhbot.vn"}},
			bot.Message{UpdateID: 23, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 24, Text: "gửi tới hoi@kyanhbot.vn", LangCode: "en"}, true},
		{"mention at the end, upper case, without entities", tgbotapi.Update{UpdateID: 24, Message: &tgbotapi.Message{MessageID: 25, From: user, Chat: group, Text: "số fax? @KYANHBOT"}},
			bot.Message{UpdateID: 24, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 25, Text: "số fax?", LangCode: "en", Mentioned: true}, true},
		{"callback", tgbotapi.Update{UpdateID: 9, CallbackQuery: &tgbotapi.CallbackQuery{ID: "q", From: user, Data: "m:1:2:3",
			Message: &tgbotapi.Message{MessageID: 12, Chat: group}}},
			bot.Message{UpdateID: 9, ChatID: -100, UserID: 7, ChatType: bot.ChatSupergroup, MessageID: 12, Callback: "m:1:2:3", LangCode: "en"}, true},
		{"callback on an inline message", tgbotapi.Update{UpdateID: 10, CallbackQuery: &tgbotapi.CallbackQuery{ID: "q", From: user, Data: "x", InlineMessageID: "abc"}},
			bot.Message{}, false},
		{"channel post", tgbotapi.Update{UpdateID: 11, ChannelPost: &tgbotapi.Message{MessageID: 1, Chat: &tgbotapi.Chat{ID: -5, Type: "channel"}, Text: "x"}},
			bot.Message{}, false},
		{"service message without text", tgbotapi.Update{UpdateID: 12, Message: &tgbotapi.Message{MessageID: 13, From: user, Chat: private}},
			bot.Message{}, false},
		{"photo in private", tgbotapi.Update{UpdateID: 14, Message: &tgbotapi.Message{MessageID: 15, From: user, Chat: private,
			Photo: []tgbotapi.PhotoSize{{FileID: "p"}}, Caption: "xem giúp"}},
			bot.Message{UpdateID: 14, ChatID: 7, UserID: 7, ChatType: bot.ChatPrivate, MessageID: 15, LangCode: "en", Media: "photo"}, true},
		{"voice in private", tgbotapi.Update{UpdateID: 15, Message: &tgbotapi.Message{MessageID: 16, From: user, Chat: private, Voice: &tgbotapi.Voice{FileID: "v"}}},
			bot.Message{UpdateID: 15, ChatID: 7, UserID: 7, ChatType: bot.ChatPrivate, MessageID: 16, LangCode: "en", Media: "voice"}, true},
		{"sticker in a group", tgbotapi.Update{UpdateID: 16, Message: &tgbotapi.Message{MessageID: 17, From: user, Chat: group, Sticker: &tgbotapi.Sticker{FileID: "s"}}},
			bot.Message{}, false},
		{"reply quotes the text", tgbotapi.Update{UpdateID: 17, Message: &tgbotapi.Message{MessageID: 18, From: user, Chat: private, Text: "cảm ơn",
			ReplyToMessage: &tgbotapi.Message{MessageID: 4, From: &self, Text: "💬 Cán bộ trả lời"}}},
			bot.Message{UpdateID: 17, ChatID: 7, UserID: 7, ChatType: bot.ChatPrivate, MessageID: 18, Text: "cảm ơn", LangCode: "en",
				ReplyToBot: true, ReplyTo: 4, ReplyToText: "💬 Cán bộ trả lời"}, true},
		{"inline query", tgbotapi.Update{UpdateID: 18, InlineQuery: &tgbotapi.InlineQuery{ID: "iq", From: user, Query: "sáp nhập thôn"}},
			bot.Message{UpdateID: 18, ChatID: 7, UserID: 7, Text: "sáp nhập thôn", LangCode: "en", Inline: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := toMessage(tt.u, self)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v", ok, tt.wantOK)
			}
			if ok && got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
