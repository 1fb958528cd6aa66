// Package bot is kyanhbot's conversation: it turns an incoming message or
// button press into replies, using a searcher for answers and a state store for
// what the conversation needs to remember (last question, paging cursor,
// pending command, language, feedback). It knows nothing of Telegram or Redis,
// so the same engine serves Telegram and the local terminal chat.
package bot

import "errors"

// ChatType says where a message was sent.
type ChatType string

const (
	ChatPrivate    ChatType = "private"
	ChatGroup      ChatType = "group"
	ChatSupergroup ChatType = "supergroup"
)

// Message is one incoming message or button press, whatever transport brought it.
type Message struct {
	UpdateID   int64 // transport's update ID, for logs; 0 when none
	ChatID     int64
	UserID     int64
	ChatType   ChatType
	MessageID  int    // ID of the message in its chat; for a button press, the message the button is on
	Text       string // message text; empty for a button press
	Callback   string // callback data of a pressed button; empty for a message
	LangCode   string // the user's client language, e.g. "vi", "en"
	Mentioned  bool   // the message mentions the bot (groups)
	ReplyToBot bool   // the message replies to one of the bot's messages (groups)
	ReplyTo    int    // ID of the message this one replies to; 0 when none
	// ReplyToText is the text of the message this one replies to, as
	// Telegram quotes it: a staff reply to a handoff post whose ticket is
	// gone is told apart from a reply to any other bot message by it.
	ReplyToText string
	// ButtonOnText is, for a button press, the text of the message the
	// button is on, as Telegram shows it (plain, its formatting dropped):
	// a handler that edits that message in place keeps what it said.
	ButtonOnText string
	Document     Document // a file sent as a document (Text is then empty); zero otherwise
	// Media names what a message without text holds: "photo", "voice",
	// "sticker", "video", "audio", "location", "contact"…; empty for text.
	Media string
	// ThreadID is the forum topic the message was sent in (Telegram's
	// message_thread_id); replies go to the same topic. 0 outside topics.
	ThreadID int
	// Inline marks an inline query ("@bot question" typed in any chat):
	// Text is the query, ChatID is 0, and the answer is Reply.Results.
	Inline bool
	// SenderChat marks a message sent on behalf of a chat — by an
	// anonymous admin of a group, as the group, or as a channel — whose
	// senders Telegram does not tell apart: UserID is then that chat's ID,
	// one sender for flood limits and waits, and never an admin.
	SenderChat bool
}

// group reports whether m was sent in a group or supergroup.
func (m Message) group() bool { return m.ChatType == ChatGroup || m.ChatType == ChatSupergroup }

// Document is a file a user sent; the transport can download it by FileID.
type Document struct {
	FileID   string
	FileName string
	Size     int64 // bytes, as the sender's client reported it; 0 when unknown, and it may be wrong
}

// ErrFileTooLarge is what a transport's download returns for a file over the
// size asked for, found while downloading when the size reported was 0 or
// wrong: the handler then tells the user the file is too large.
var ErrFileTooLarge = errors.New("file too large")

// Button is an inline button. Data is at most 64 bytes: a short key, never a title.
type Button struct {
	Text string
	Data string
	URL  string // a link button instead of a callback
}

// Reply is one message the bot sends back, in Telegram HTML (everything escaped).
type Reply struct {
	Text    string
	Buttons [][]Button
	// EditMessageID, when set, asks the transport to edit that message in place
	// (a "more" page) instead of sending a new one.
	EditMessageID int
	// Notice, for a button press, is the short text shown by answerCallbackQuery.
	Notice string
	// Results answer an inline query: articles the user can pick and send.
	Results []Result
	// ReplyTo and ThreadID place a message posted to another chat (the
	// staff group): a reply to that message, in that forum topic. Replies
	// to an incoming message take its topic from the message.
	ReplyTo  int
	ThreadID int
	// ForceReply opens a reply to this message in the asker's client: in a
	// group, where a message reaches the bot only when it mentions the bot
	// or replies to it, the answer to a question the bot asks must be a
	// reply. Ignored with Buttons (one keyboard per message).
	ForceReply bool
}

// Result is one answer offered to an inline query: what the user sees in the
// list (Title, Description) and the message sent when they pick it (Text, in
// Telegram HTML, with its source link).
type Result struct {
	ID          string // unique within the answer, at most 64 bytes
	Title       string
	Description string
	Text        string
	URL         string // the source, when it is a web address
}
