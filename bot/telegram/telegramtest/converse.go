package telegramtest

import (
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Ask sends text in u's private chat and returns the bot's next message
// there: the turn of a user who writes and waits for the answer.
func (s *Server) Ask(tb testing.TB, u User, text string) Message {
	tb.Helper()
	n := len(s.Messages(u.ID))
	s.SendText(Private(u), u, text)
	return s.WaitMessages(tb, u.ID, n+1)[n]
}

// Upload sends a file as a document in u's private chat and returns the bot's
// next message there.
func (s *Server) Upload(tb testing.TB, u User, name string, data []byte) Message {
	tb.Helper()
	id := s.AddFile(name, data)
	n := len(s.Messages(u.ID))
	s.SendMessage(Private(u), u, "", func(m *tgbotapi.Message) {
		m.Document = &tgbotapi.Document{FileID: id, FileName: name, FileSize: len(data)}
	})
	return s.WaitMessages(tb, u.ID, n+1)[n]
}

// Tap presses the button with data on msg in u's private chat and returns the
// bot's next message there.
func (s *Server) Tap(tb testing.TB, u User, msg Message, data string) Message {
	tb.Helper()
	n := len(s.Messages(u.ID))
	s.Press(Private(u), u, msg.MessageID, data)
	return s.WaitMessages(tb, u.ID, n+1)[n]
}
