// Package telegramtest is an in-process fake of the Telegram Bot API for tests:
// an httptest server that answers getMe, getUpdates (long polling),
// sendMessage, editMessageText, answerCallbackQuery, answerInlineQuery,
// sendChatAction, setMyCommands, setWebhook, deleteWebhook and getFile,
// rejects what real Telegram rejects (text length, HTML tags and entities,
// callback_data bytes, a message_thread_id that is no forum topic, text
// that is no valid UTF-8), delivers only valid UTF-8 as Telegram does,
// records everything the bot sent, lets a test push updates as a user would,
// and injects faults (429 with retry_after, 5xx, slow answers, dropped
// connections) so retries and limits are tested against an honest server.
package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/internal/pause"
)

// Token is the bot token the fake accepts unless Options say otherwise.
const Token = "123456:TEST-token-do-not-log"

// BotID and BotUserName identify the fake's bot (getMe).
const (
	BotID       int64 = 1000
	BotUserName       = "kyanhtest_bot"
)

// Message is a message the bot sent, as it stands now (after edits).
type Message struct {
	ChatID    int64
	MessageID int
	Text      string // as sent, HTML included
	Visible   string // text after HTML parsing, as the user sees it
	ParseMode string
	Buttons   [][]tgbotapi.InlineKeyboardButton
	ReplyTo   int
	Thread    int // message_thread_id: the forum topic it was sent in
	Edits     int
	// ForceReply is the force_reply markup's selective flag when the
	// message opens a reply in the user's client; nil without it.
	ForceReply *ForceReply
}

// ForceReply is a force_reply markup as sent.
type ForceReply struct{ Selective bool }

// Call is one request the bot made, faults included.
type Call struct {
	Method string
	Params url.Values
	Status int // HTTP status answered; 0 when the connection was dropped
	At     time.Time
}

// Fault is an injected failure for the next call of a method.
type Fault struct {
	Status      int           // HTTP status with a Bot API error body; 429 carries RetryAfter
	RetryAfter  int           // seconds, for 429
	Description string        // error description; a default per status when empty
	HTML        bool          // answer with a proxy's HTML error page instead of JSON
	Delay       time.Duration // wait before answering; alone, the call then succeeds
	Drop        bool          // close the connection without answering
	// LoseAnswer does the call, then closes the connection without the
	// answer: the message is sent, but the bot cannot know it was (a
	// response lost on the way back).
	LoseAnswer bool
}

// Answer is an answerCallbackQuery the bot made.
type Answer struct {
	QueryID string
	Text    string
	At      time.Time
}

// InlineAnswer is an answerInlineQuery the bot made.
type InlineAnswer struct {
	QueryID   string
	CacheTime int
	Personal  bool
	Results   []InlineResult
}

// InlineResult is one InlineQueryResultArticle of an InlineAnswer.
type InlineResult struct {
	ID, Title, Description, URL string
	Text                        string // message_text as sent, HTML included
	Visible                     string // message_text as the chat will show it
	ParseMode                   string
}

// Server is the fake Bot API. Its zero value is not usable: call New.
type Server struct {
	URL      string // base URL of the server
	Endpoint string // API endpoint format for tgbotapi.NewBotAPIWithAPIEndpoint
	Token    string

	srv *httptest.Server
	// life ends when the server is closed, so that a webhook delivery still
	// being retried stops with it (http.Server.BaseContext plays this part).
	life  context.Context
	close context.CancelFunc

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced on every change
	nextUpdate  int
	updates     []json.RawMessage // pending, in update_id order
	updateIDs   []int
	confirmed   int // updates below this ID were confirmed by an offset
	chats       map[int64]*chatState
	calls       []Call
	faults      map[string][]Fault
	queries     map[string]bool // callback query ID → answered
	answers     []Answer
	inline      []InlineAnswer
	inlineIDs   map[string]bool                  // inline query ID → answered
	commands    map[string][]tgbotapi.BotCommand // by scope and language: see commandKey
	webhook     webhook
	files       map[string][]byte
	deliveries  []int             // webhook delivery HTTP statuses
	latency     time.Duration     // round trip added to every call
	outages     map[string]outage // method → failing until
	fileSizes   map[string]int    // file_size getFile reports, when set
	polling     int               // getUpdates calls in progress
	maxPolling  int
	nextQueryID int
}

type webhook struct{ url, secret string }

type outage struct {
	fault Fault
	until time.Time
}

type chatState struct {
	nextID   int
	messages []*Message
	byID     map[int]*Message
	kind     string
	topics   map[int]bool // forum topics users wrote in
}

// New starts a fake Bot API server, closed when the test ends.
func New(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{
		Token:      Token,
		changed:    make(chan struct{}),
		nextUpdate: 1,
		chats:      map[int64]*chatState{},
		faults:     map[string][]Fault{},
		queries:    map[string]bool{},
		inlineIDs:  map[string]bool{},
		commands:   map[string][]tgbotapi.BotCommand{},
		files:      map[string][]byte{},
		fileSizes:  map[string]int{},
		outages:    map[string]outage{},
	}
	s.life, s.close = context.WithCancel(context.Background())
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.srv.URL
	s.Endpoint = s.srv.URL + "/bot%s/%s"
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server.
func (s *Server) Close() {
	s.close()
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// Inject queues faults for the next calls of method ("" for any method).
func (s *Server) Inject(method string, faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[method] = append(s.faults[method], faults...)
}

func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Wait blocks until cond holds, checking it after every change, or fails the
// test after timeout.
func (s *Server) Wait(tb testing.TB, timeout time.Duration, what string, cond func() bool) {
	tb.Helper()
	// A deadline only bounds how long a failing test takes; a passing one
	// returns as soon as cond holds. Under make test on two shared cores
	// (load 25–30 was seen) a reload or an answer can take over 10 s, so no
	// wait gives up before minWait.
	timeout = max(timeout, minWait)
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return
		}
		select {
		case <-ch:
		case <-time.After(50 * time.Millisecond):
		case <-deadline.C:
			tb.Fatalf("telegramtest: timed out after %v waiting for %s", timeout, what)
		}
	}
}

// minWait is the shortest deadline Wait keeps; see Wait.
const minWait = 60 * time.Second

// WaitMessages waits until chat holds at least n bot messages and returns them.
func (s *Server) WaitMessages(tb testing.TB, chatID int64, n int) []Message {
	tb.Helper()
	var got []Message
	s.Wait(tb, 10*time.Second, fmt.Sprintf("%d messages in chat %d", n, chatID), func() bool {
		got = s.Messages(chatID)
		return len(got) >= n
	})
	return got
}

// Messages returns the bot's messages in a chat, in the order sent.
func (s *Server) Messages(chatID int64) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chatID]
	if c == nil {
		return nil
	}
	var out []Message
	for _, m := range c.messages {
		out = append(out, *m)
	}
	return out
}

// Calls returns the calls made to method ("" for all), faults included.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Answers returns the callback queries answered, in order.
func (s *Server) Answers() []Answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Answer(nil), s.answers...)
}

// UnansweredQueries counts callback queries pushed and not yet answered.
func (s *Server) UnansweredQueries() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, answered := range s.queries {
		if !answered {
			n++
		}
	}
	return n
}

// Commands returns the commands set for a language ("" for the default) in
// the default scope.
func (s *Server) Commands(lang string) []tgbotapi.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands[commandKey("", 0, lang)]
}

// ChatCommands returns the commands set for a language in one chat's scope
// (BotCommandScopeChat).
func (s *Server) ChatCommands(chatID int64, lang string) []tgbotapi.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.commands[commandKey("chat", chatID, lang)]
}

func commandKey(scope string, chatID int64, lang string) string {
	if scope == "default" {
		scope = ""
	}
	return scope + "/" + strconv.FormatInt(chatID, 10) + "/" + lang
}

// InlineAnswers returns the inline queries answered, in order.
func (s *Server) InlineAnswers() []InlineAnswer {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]InlineAnswer(nil), s.inline...)
}

// Inline pushes an inline query: the user typed "@bot query" in some chat.
// It returns the update_id and the query ID.
func (s *Server) Inline(from User, query string) (updateID int, queryID string) {
	s.mu.Lock()
	s.nextQueryID++
	queryID = "iq" + strconv.Itoa(s.nextQueryID)
	s.inlineIDs[queryID] = false
	s.mu.Unlock()
	return s.PushUpdate(tgbotapi.Update{InlineQuery: &tgbotapi.InlineQuery{ID: queryID, From: tgUser(from), Query: query}}), queryID
}

// Webhook returns the webhook URL and secret set, if any.
func (s *Server) Webhook() (webhookURL, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook.url, s.webhook.secret
}

// WebhookDeliveries returns the HTTP statuses the webhook answered, in order.
func (s *Server) WebhookDeliveries() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int(nil), s.deliveries...)
}

// Pending counts updates not yet confirmed by the bot's getUpdates offset.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.updates)
}

// MaxConcurrentPolls is the largest number of getUpdates calls seen in
// progress at once; Telegram allows one and answers the others 409.
func (s *Server) MaxConcurrentPolls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxPolling
}

// AddFile stores a file for getFile and returns its file_id; its content is
// served at FileURL.
func (s *Server) AddFile(name string, content []byte) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := fmt.Sprintf("file-%d", len(s.files)+1)
	s.files[id] = content
	s.files[id+"/name"] = []byte(name)
	return id
}

// ReportFileSize makes getFile report size for a file instead of its true
// size, as Telegram sometimes does (0 when it does not know).
func (s *Server) ReportFileSize(fileID string, size int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fileSizes[fileID] = size
}

// SetLatency adds a network round trip to every call from now on: half
// before the call is made, half before its answer reaches the bot. Telegram
// answers in 100–200 ms from most places; an instant fake hides races
// between a reply sent and its update marked done.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// FileURL is the download URL format for files, like tgbotapi.FileEndpoint.
func (s *Server) FileURL() string { return s.srv.URL + "/file/bot%s/%s" }

// User is who sends an update.
type User struct {
	ID           int64
	FirstName    string
	UserName     string
	LanguageCode string
}

// Chat is where an update is sent.
type Chat struct {
	ID    int64
	Type  string // private, group, supergroup
	Title string
	// Topic, when set, is the forum topic (message_thread_id) the user
	// writes in: their messages carry it, and so do the bot's messages
	// they press buttons on.
	Topic int
}

// Private returns the private chat with a user.
func Private(u User) Chat { return Chat{ID: u.ID, Type: "private"} }

// SendText pushes a text message from a user, with bot_command and mention
// entities as Telegram would add them, and returns its update_id and message_id.
func (s *Server) SendText(chat Chat, from User, text string) (updateID, messageID int) {
	return s.SendMessage(chat, from, text, nil)
}

// SendMessage is SendText with room for extra fields (reply_to_message,
// document…) set by edit on the message before it is pushed.
func (s *Server) SendMessage(chat Chat, from User, text string, edit func(*tgbotapi.Message)) (updateID, messageID int) {
	s.mu.Lock()
	c := s.chatLocked(chat.ID, chat.Type)
	c.nextID++
	messageID = c.nextID
	s.mu.Unlock()
	m := tgbotapi.Message{
		MessageID: messageID,
		From:      tgUser(from),
		Chat:      &tgbotapi.Chat{ID: chat.ID, Type: chat.Type, Title: chat.Title},
		Date:      int(time.Now().Unix()),
		Text:      text,
		Entities:  entities(text),
	}
	if edit != nil {
		edit(&m)
	}
	if chat.Topic != 0 {
		s.mu.Lock()
		c := s.chatLocked(chat.ID, chat.Type)
		if c.topics == nil {
			c.topics = map[int]bool{}
		}
		c.topics[chat.Topic] = true
		s.mu.Unlock()
		return s.pushTopic(tgbotapi.Update{Message: &m}, chat.Topic), messageID
	}
	return s.PushUpdate(tgbotapi.Update{Message: &m}), messageID
}

// pushTopic is PushUpdate for a message (or a press on one) in a forum
// topic: tgbotapi v5.5.1's types have no message_thread_id.
func (s *Server) pushTopic(u tgbotapi.Update, topic int) int {
	raw, err := json.Marshal(u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: marshal update: %v", err))
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		panic(fmt.Sprintf("telegramtest: unmarshal update: %v", err))
	}
	msg, _ := fields["message"].(map[string]any)
	if cq, ok := fields["callback_query"].(map[string]any); ok {
		msg, _ = cq["message"].(map[string]any)
	}
	msg["message_thread_id"] = topic
	msg["is_topic_message"] = true
	delete(fields, "update_id")
	var parts []string
	for k, v := range fields {
		b, _ := json.Marshal(v)
		parts = append(parts, strconv.Quote(k)+":"+string(b))
	}
	return s.PushRaw(strings.Join(parts, ","))
}

// ReplyToBot is an edit for SendMessage making the message a reply to one of
// the bot's messages.
func (s *Server) ReplyToBot(messageID int) func(*tgbotapi.Message) {
	return func(m *tgbotapi.Message) {
		m.ReplyToMessage = &tgbotapi.Message{MessageID: messageID, Chat: m.Chat,
			From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUserName}}
	}
}

// Press pushes a callback query: the user presses the button with data on
// the bot's message messageID. It returns the update_id and the query ID.
func (s *Server) Press(chat Chat, from User, messageID int, data string) (updateID int, queryID string) {
	s.mu.Lock()
	s.nextQueryID++
	queryID = strconv.Itoa(s.nextQueryID)
	s.queries[queryID] = false
	msg := &tgbotapi.Message{MessageID: messageID, Chat: &tgbotapi.Chat{ID: chat.ID, Type: chat.Type, Title: chat.Title},
		From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUserName}}
	if c := s.chats[chat.ID]; c != nil {
		if m := c.byID[messageID]; m != nil {
			msg.Text = m.Visible
		}
	}
	s.mu.Unlock()
	u := tgbotapi.Update{CallbackQuery: &tgbotapi.CallbackQuery{
		ID: queryID, From: tgUser(from), Message: msg, Data: data, ChatInstance: "ci",
	}}
	if chat.Topic != 0 {
		return s.pushTopic(u, chat.Topic), queryID
	}
	return s.PushUpdate(u), queryID
}

// PushUpdate queues an update (its UpdateID is assigned) for getUpdates, or
// delivers it to the webhook when one is set, and returns its update_id.
func (s *Server) PushUpdate(u tgbotapi.Update) int {
	s.mu.Lock()
	u.UpdateID = s.nextUpdate
	s.nextUpdate++
	raw, err := json.Marshal(u)
	if err != nil {
		s.mu.Unlock()
		panic(fmt.Sprintf("telegramtest: marshal update: %v", err)) // a bug in the test itself
	}
	hook := s.webhook
	if hook.url == "" {
		s.queueLocked(u.UpdateID, raw)
	}
	s.notifyLocked()
	s.mu.Unlock()
	if hook.url != "" {
		s.deliver(u.UpdateID, raw)
	}
	return u.UpdateID
}

// PushRaw queues an update given as the JSON fields after its update_id
// (`"message":{…}`), for updates this package's types cannot express — a
// field of an unexpected type, as a newer Bot API may send — and returns
// its update_id.
func (s *Server) PushRaw(fields string) int {
	// Telegram's servers hold only valid UTF-8 — a client cannot send
	// anything else — so a raw invalid byte a test writes reaches the bot
	// as U+FFFD, as Go's encoder writes it for PushUpdate.
	fields = strings.ToValidUTF8(fields, "\uFFFD")
	s.mu.Lock()
	id := s.nextUpdate
	s.nextUpdate++
	raw := json.RawMessage(fmt.Sprintf(`{"update_id":%d,%s}`, id, fields))
	hook := s.webhook
	if hook.url == "" {
		s.queueLocked(id, raw)
	}
	s.notifyLocked()
	s.mu.Unlock()
	if hook.url != "" {
		s.deliver(id, raw)
	}
	return id
}

// queueLocked keeps an update for getUpdates, as Telegram does while no
// webhook is set. s.mu must be held.
func (s *Server) queueLocked(id int, raw json.RawMessage) {
	s.updates = append(s.updates, raw)
	s.updateIDs = append(s.updateIDs, id)
}

// Webhook retries: Telegram keeps retrying an update the webhook did not
// accept (a replica restarting, a proxy answering 502) for a long while; the
// fake retries with a doubling wait from retryFirst up to retryMax, until
// deliverFor has passed or the server is closed. A failing test then ends
// within the deadline, and a passing one does not wait a fixed time between
// attempts: the first retry follows the failure by milliseconds.
const (
	retryFirst = 5 * time.Millisecond
	retryMax   = 500 * time.Millisecond
	deliverFor = minWait
)

// deliver posts an update to the webhook as Telegram does, retrying on a
// non-2xx answer or a failed connection (see retryFirst). Each attempt goes
// to the webhook set at that moment, so an update that a stopped replica
// refused reaches the replica that set the webhook next; when the webhook is
// deleted meanwhile, the update waits for getUpdates as Telegram keeps it.
func (s *Server) deliver(id int, raw json.RawMessage) {
	ctx, cancel := context.WithTimeout(s.life, deliverFor)
	defer cancel()
	for wait := retryFirst; ; wait = min(2*wait, retryMax) {
		s.mu.Lock()
		hook := s.webhook
		if hook.url == "" {
			s.queueLocked(id, raw)
			s.notifyLocked()
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		status := post(ctx, hook, raw)
		if ctx.Err() != nil {
			return // closed or out of time: the answer, if any, is not Telegram's to record
		}
		s.mu.Lock()
		s.deliveries = append(s.deliveries, status)
		s.notifyLocked()
		s.mu.Unlock()
		if status >= 200 && status < 300 {
			return
		}
		if pause.For(ctx, wait) != nil {
			return
		}
	}
}

// post makes one webhook delivery and returns its HTTP status, 0 when the
// connection failed.
func post(ctx context.Context, hook webhook, raw json.RawMessage) int {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.url, bytes.NewReader(raw))
	if err != nil {
		return 0
	}
	req.Header.Set("Content-Type", "application/json")
	if hook.secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", hook.secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func tgUser(u User) *tgbotapi.User {
	return &tgbotapi.User{ID: u.ID, FirstName: u.FirstName, UserName: u.UserName, LanguageCode: u.LanguageCode}
}

// entities finds the bot commands and @mentions Telegram would mark, with
// offsets in UTF-16 code units.
func entities(text string) []tgbotapi.MessageEntity {
	var out []tgbotapi.MessageEntity
	off := 0
	for _, word := range strings.SplitAfter(text, " ") {
		w := strings.TrimRight(word, " ")
		switch {
		case off == 0 && strings.HasPrefix(w, "/") && len(w) > 1:
			out = append(out, tgbotapi.MessageEntity{Type: "bot_command", Offset: 0, Length: utf16Len(w)})
		case strings.HasPrefix(w, "@") && len(w) > 1:
			out = append(out, tgbotapi.MessageEntity{Type: "mention", Offset: off, Length: utf16Len(w)})
		}
		off += utf16Len(word)
	}
	return out
}

func (s *Server) chatLocked(id int64, kind string) *chatState {
	c := s.chats[id]
	if c == nil {
		c = &chatState{byID: map[int]*Message{}, kind: kind}
		s.chats[id] = c
	}
	return c
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/file/") {
		s.serveFile(w, r)
		return
	}
	token, method, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if !ok || !strings.HasPrefix(r.URL.Path, "/bot") {
		writeError(w, http.StatusNotFound, "Not Found", 0)
		return
	}
	if err := r.ParseMultipartForm(1 << 20); err != nil && err != http.ErrNotMultipart {
		writeError(w, http.StatusBadRequest, "Bad Request: can't parse request", 0)
		return
	}
	s.mu.Lock()
	half := s.latency / 2
	s.mu.Unlock()
	if half > 0 && pause.For(r.Context(), half) != nil {
		return // the client gave up before the request arrived
	}
	s.mu.Lock()
	call := Call{Method: method, Params: r.Form, At: time.Now()}
	fault, faulted := s.takeFaultLocked(method)
	s.mu.Unlock()

	status := s.answer(w, r, token, method, fault, faulted, half)
	call.Status = status
	s.mu.Lock()
	s.calls = append(s.calls, call)
	s.notifyLocked()
	s.mu.Unlock()
}

// Outage makes every call of method fail with fault for d from now on: an
// outage of the Bot API, however many calls are made meanwhile.
func (s *Server) Outage(method string, fault Fault, d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outages[method] = outage{fault: fault, until: time.Now().Add(d)}
}

func (s *Server) takeFaultLocked(method string) (Fault, bool) {
	if o, ok := s.outages[method]; ok && time.Now().Before(o.until) {
		return o.fault, true
	}
	for _, key := range []string{method, ""} {
		if q := s.faults[key]; len(q) > 0 {
			s.faults[key] = q[1:]
			return q[0], true
		}
	}
	return Fault{}, false
}

// answer serves one call and returns the HTTP status written (0: dropped).
func (s *Server) answer(w http.ResponseWriter, r *http.Request, token, method string, f Fault, faulted bool, back time.Duration) int {
	if faulted {
		if f.Delay > 0 {
			select {
			case <-time.After(f.Delay):
			case <-r.Context().Done():
				// The client gave up: like a request lost on the way, nothing is done.
				return 0
			}
		}
		if f.Drop {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
				}
			}
			return 0
		}
		if f.Status != 0 {
			if f.HTML {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(f.Status)
				fmt.Fprintf(w, "<html><body><h1>%d %s</h1></body></html>", f.Status, http.StatusText(f.Status))
				return f.Status
			}
			desc := f.Description
			if desc == "" {
				desc = http.StatusText(f.Status)
				if f.Status == http.StatusTooManyRequests {
					desc = fmt.Sprintf("Too Many Requests: retry after %d", f.RetryAfter)
				}
			}
			writeError(w, f.Status, desc, f.RetryAfter)
			return f.Status
		}
	}
	if token != s.Token {
		return writeError(w, http.StatusUnauthorized, "Unauthorized", 0)
	}
	h, ok := s.methods()[method]
	if !ok {
		return writeError(w, http.StatusNotFound, "Not Found", 0)
	}
	result, status, desc := h(r)
	if faulted && f.LoseAnswer {
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
			}
		}
		return 0
	}
	// The call is made; its answer is on the way back. A client that gives
	// up meanwhile never learns it was made.
	if back > 0 && pause.For(r.Context(), back) != nil {
		return 0
	}
	if status != http.StatusOK {
		return writeError(w, status, desc, 0)
	}
	raw, _ := json.Marshal(map[string]any{"ok": true, "result": result})
	w.Header().Set("Content-Type", "application/json")
	w.Write(raw)
	return http.StatusOK
}

func writeError(w http.ResponseWriter, status int, desc string, retryAfter int) int {
	body := map[string]any{"ok": false, "error_code": status, "description": desc}
	if retryAfter > 0 {
		body["parameters"] = map[string]int{"retry_after": retryAfter}
	}
	raw, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(raw)
	return status
}

type methodFunc func(r *http.Request) (result any, status int, desc string)

func (s *Server) methods() map[string]methodFunc {
	return map[string]methodFunc{
		"getMe":               s.getMe,
		"getUpdates":          s.getUpdates,
		"sendMessage":         s.sendMessage,
		"editMessageText":     s.editMessageText,
		"answerCallbackQuery": s.answerCallbackQuery,
		"answerInlineQuery":   s.answerInlineQuery,
		"sendChatAction":      s.sendChatAction,
		"setMyCommands":       s.setMyCommands,
		"setWebhook":          s.setWebhook,
		"deleteWebhook":       s.deleteWebhook,
		"getWebhookInfo":      s.getWebhookInfo,
		"getFile":             s.getFile,
	}
}

func (s *Server) getMe(*http.Request) (any, int, string) {
	return tgbotapi.User{ID: BotID, IsBot: true, FirstName: "Kỳ Anh Test", UserName: BotUserName}, http.StatusOK, ""
}

func (s *Server) getUpdates(r *http.Request) (any, int, string) {
	offset, _ := strconv.Atoi(r.Form.Get("offset"))
	limit, _ := strconv.Atoi(r.Form.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	timeout, _ := strconv.Atoi(r.Form.Get("timeout"))
	deadline := time.After(time.Duration(timeout) * time.Second)

	s.mu.Lock()
	if s.webhook.url != "" {
		s.mu.Unlock()
		return nil, http.StatusConflict, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"
	}
	s.polling++
	s.maxPolling = max(s.maxPolling, s.polling)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.polling--
		s.mu.Unlock()
	}()
	for {
		s.mu.Lock()
		if offset > 0 && offset > s.confirmed {
			// An offset confirms every update below it: Telegram forgets them.
			s.confirmed = offset
			keep := 0
			for i, id := range s.updateIDs {
				if id >= offset {
					s.updates[keep], s.updateIDs[keep] = s.updates[i], id
					keep++
				}
			}
			s.updates, s.updateIDs = s.updates[:keep], s.updateIDs[:keep]
		}
		if n := min(limit, len(s.updates)); n > 0 {
			out := append([]json.RawMessage(nil), s.updates[:n]...)
			s.mu.Unlock()
			return out, http.StatusOK, ""
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline:
			return []json.RawMessage{}, http.StatusOK, ""
		case <-r.Context().Done():
			return []json.RawMessage{}, http.StatusOK, ""
		}
	}
}

func (s *Server) sendMessage(r *http.Request) (any, int, string) {
	chatID, err := strconv.ParseInt(r.Form.Get("chat_id"), 10, 64)
	if err != nil {
		return nil, http.StatusBadRequest, "Bad Request: chat not found"
	}
	visible, buttons, status, desc := checkContent(r.Form)
	if status != http.StatusOK {
		return nil, status, desc
	}
	var force *ForceReply
	if raw := r.Form.Get("reply_markup"); strings.Contains(raw, `"force_reply"`) {
		var fr tgbotapi.ForceReply
		if err := json.Unmarshal([]byte(raw), &fr); err != nil || !fr.ForceReply {
			return nil, http.StatusBadRequest, "Bad Request: can't parse reply keyboard markup JSON object"
		}
		force = &ForceReply{Selective: fr.Selective}
	}
	replyTo, _ := strconv.Atoi(r.Form.Get("reply_to_message_id"))
	thread, _ := strconv.Atoi(r.Form.Get("message_thread_id"))
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chatLocked(chatID, "private")
	if thread != 0 && !c.topics[thread] {
		return nil, http.StatusBadRequest, "Bad Request: message thread not found"
	}
	c.nextID++
	m := &Message{ChatID: chatID, MessageID: c.nextID, Text: r.Form.Get("text"), Visible: visible,
		ParseMode: r.Form.Get("parse_mode"), Buttons: buttons, ReplyTo: replyTo, Thread: thread, ForceReply: force}
	c.messages = append(c.messages, m)
	c.byID[m.MessageID] = m
	return tgbotapi.Message{MessageID: m.MessageID, Date: int(time.Now().Unix()), Text: visible,
		Chat: &tgbotapi.Chat{ID: chatID, Type: c.kind},
		From: &tgbotapi.User{ID: BotID, IsBot: true, UserName: BotUserName}}, http.StatusOK, ""
}

func (s *Server) editMessageText(r *http.Request) (any, int, string) {
	chatID, _ := strconv.ParseInt(r.Form.Get("chat_id"), 10, 64)
	msgID, _ := strconv.Atoi(r.Form.Get("message_id"))
	visible, buttons, status, desc := checkContent(r.Form)
	if status != http.StatusOK {
		return nil, status, desc
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chats[chatID]
	if c == nil || c.byID[msgID] == nil {
		return nil, http.StatusBadRequest, "Bad Request: message to edit not found"
	}
	m := c.byID[msgID]
	if m.Text == r.Form.Get("text") && buttonsEqual(m.Buttons, buttons) {
		return nil, http.StatusBadRequest, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
	}
	m.Text, m.Visible, m.Buttons, m.ParseMode = r.Form.Get("text"), visible, buttons, r.Form.Get("parse_mode")
	m.Edits++
	return tgbotapi.Message{MessageID: m.MessageID, Text: visible, Chat: &tgbotapi.Chat{ID: chatID, Type: c.kind}}, http.StatusOK, ""
}

func buttonsEqual(a, b [][]tgbotapi.InlineKeyboardButton) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// checkContent validates text, parse mode and inline keyboard as Telegram does.
func checkContent(form url.Values) (visible string, buttons [][]tgbotapi.InlineKeyboardButton, status int, desc string) {
	text := form.Get("text")
	if !utf8.ValidString(text) {
		return "", nil, http.StatusBadRequest, "Bad Request: text must be encoded in UTF-8"
	}
	if !utf8.ValidString(form.Get("reply_markup")) {
		return "", nil, http.StatusBadRequest, "Bad Request: strings must be encoded in UTF-8"
	}
	visible = text
	switch mode := form.Get("parse_mode"); mode {
	case "HTML":
		v, err := parseHTML(text)
		if err != nil {
			return "", nil, http.StatusBadRequest, "Bad Request: " + err.Error()
		}
		visible = v
	case "":
	default:
		return "", nil, http.StatusBadRequest, "Bad Request: unsupported parse_mode " + mode
	}
	if strings.TrimSpace(visible) == "" {
		return "", nil, http.StatusBadRequest, "Bad Request: message text is empty"
	}
	if utf16Len(visible) > 4096 {
		return "", nil, http.StatusBadRequest, "Bad Request: message is too long"
	}
	if raw := form.Get("reply_markup"); raw != "" {
		var kb tgbotapi.InlineKeyboardMarkup
		if err := json.Unmarshal([]byte(raw), &kb); err != nil {
			return "", nil, http.StatusBadRequest, "Bad Request: can't parse reply keyboard markup JSON object"
		}
		for _, row := range kb.InlineKeyboard {
			for _, b := range row {
				if b.Text == "" {
					return "", nil, http.StatusBadRequest, "Bad Request: BUTTON_TEXT_INVALID"
				}
				hasData := b.CallbackData != nil
				hasURL := b.URL != nil
				if hasData == hasURL {
					return "", nil, http.StatusBadRequest, "Bad Request: can't find field \"callback_data\" or \"url\" in a button"
				}
				if hasData && (len(*b.CallbackData) == 0 || len(*b.CallbackData) > 64) {
					return "", nil, http.StatusBadRequest, "Bad Request: BUTTON_DATA_INVALID"
				}
			}
		}
		buttons = kb.InlineKeyboard
	}
	return visible, buttons, http.StatusOK, ""
}

func (s *Server) answerCallbackQuery(r *http.Request) (any, int, string) {
	id := r.Form.Get("callback_query_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	answered, known := s.queries[id]
	if !known || answered {
		return nil, http.StatusBadRequest, "Bad Request: query is too old and response timeout expired or query ID is invalid"
	}
	if !utf8.ValidString(r.Form.Get("text")) {
		return nil, http.StatusBadRequest, "Bad Request: strings must be encoded in UTF-8"
	}
	if utf16Len(r.Form.Get("text")) > 200 {
		return nil, http.StatusBadRequest, "Bad Request: MESSAGE_TOO_LONG"
	}
	s.queries[id] = true
	s.answers = append(s.answers, Answer{QueryID: id, Text: r.Form.Get("text"), At: time.Now()})
	return true, http.StatusOK, ""
}

// answerInlineQuery checks an answer as Telegram does: a known query
// answered once, at most 50 results with unique IDs of 1–64 bytes, each
// article with a title and a message text that parses in its parse mode.
func (s *Server) answerInlineQuery(r *http.Request) (any, int, string) {
	id := r.Form.Get("inline_query_id")
	var raw []struct {
		Type, ID, Title, Description, URL string
		Content                           *struct {
			Text      string `json:"message_text"`
			ParseMode string `json:"parse_mode"`
		} `json:"input_message_content"`
	}
	if err := json.Unmarshal([]byte(r.Form.Get("results")), &raw); err != nil {
		return nil, http.StatusBadRequest, "Bad Request: can't parse inline query results JSON object"
	}
	if len(raw) > 50 {
		return nil, http.StatusBadRequest, "Bad Request: RESULTS_TOO_MUCH"
	}
	a := InlineAnswer{QueryID: id, Personal: r.Form.Get("is_personal") == "true"}
	a.CacheTime, _ = strconv.Atoi(r.Form.Get("cache_time"))
	seen := map[string]bool{}
	for _, res := range raw {
		if res.Type != "article" || res.ID == "" || len(res.ID) > 64 || seen[res.ID] {
			return nil, http.StatusBadRequest, "Bad Request: RESULT_ID_INVALID"
		}
		seen[res.ID] = true
		if res.Title == "" || res.Content == nil || res.Content.Text == "" {
			return nil, http.StatusBadRequest, "Bad Request: MESSAGE_EMPTY"
		}
		form := url.Values{"text": {res.Content.Text}, "parse_mode": {res.Content.ParseMode}}
		visible, _, status, desc := checkContent(form)
		if status != http.StatusOK {
			return nil, status, desc
		}
		a.Results = append(a.Results, InlineResult{ID: res.ID, Title: res.Title, Description: res.Description, URL: res.URL,
			Text: res.Content.Text, Visible: visible, ParseMode: res.Content.ParseMode})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if answered, known := s.inlineIDs[id]; !known || answered {
		return nil, http.StatusBadRequest, "Bad Request: query is too old and response timeout expired or query ID is invalid"
	}
	s.inlineIDs[id] = true
	s.inline = append(s.inline, a)
	return true, http.StatusOK, ""
}

func (s *Server) sendChatAction(r *http.Request) (any, int, string) {
	switch r.Form.Get("action") {
	case "typing", "upload_document", "upload_photo":
		return true, http.StatusOK, ""
	}
	return nil, http.StatusBadRequest, "Bad Request: wrong parameter action in request"
}

func (s *Server) setMyCommands(r *http.Request) (any, int, string) {
	var cmds []tgbotapi.BotCommand
	if err := json.Unmarshal([]byte(r.Form.Get("commands")), &cmds); err != nil {
		return nil, http.StatusBadRequest, "Bad Request: can't parse commands JSON object"
	}
	for _, c := range cmds {
		if c.Command == "" || len(c.Command) > 32 || strings.Trim(c.Command, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
			return nil, http.StatusBadRequest, "Bad Request: BOT_COMMAND_INVALID"
		}
		if n := utf16Len(c.Description); n < 1 || n > 256 {
			return nil, http.StatusBadRequest, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID"
		}
	}
	var scope struct {
		Type   string `json:"type"`
		ChatID int64  `json:"chat_id"`
	}
	if raw := r.Form.Get("scope"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &scope); err != nil {
			return nil, http.StatusBadRequest, "Bad Request: can't parse BotCommandScope JSON object"
		}
		switch scope.Type {
		case "default", "all_private_chats", "all_group_chats", "all_chat_administrators":
		case "chat", "chat_administrators":
			if scope.ChatID == 0 {
				return nil, http.StatusBadRequest, "Bad Request: chat not found"
			}
		default:
			return nil, http.StatusBadRequest, "Bad Request: wrong bot command scope type specified"
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commands[commandKey(scope.Type, scope.ChatID, r.Form.Get("language_code"))] = cmds
	return true, http.StatusOK, ""
}

func (s *Server) setWebhook(r *http.Request) (any, int, string) {
	u := r.Form.Get("url")
	secret := r.Form.Get("secret_token")
	if secret != "" && (len(secret) > 256 || strings.Trim(secret, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != "") {
		return nil, http.StatusBadRequest, "Bad Request: secret token contains unallowed characters"
	}
	if u != "" {
		if p, err := url.Parse(u); err != nil || p.Host == "" {
			return nil, http.StatusBadRequest, "Bad Request: bad webhook: invalid URL"
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook = webhook{url: u, secret: secret}
	return true, http.StatusOK, ""
}

func (s *Server) deleteWebhook(r *http.Request) (any, int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.webhook = webhook{}
	if r.Form.Get("drop_pending_updates") == "true" {
		s.updates, s.updateIDs = nil, nil
	}
	return true, http.StatusOK, ""
}

func (s *Server) getWebhookInfo(*http.Request) (any, int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return tgbotapi.WebhookInfo{URL: s.webhook.url, PendingUpdateCount: len(s.updates)}, http.StatusOK, ""
}

func (s *Server) getFile(r *http.Request) (any, int, string) {
	id := r.Form.Get("file_id")
	s.mu.Lock()
	defer s.mu.Unlock()
	content, ok := s.files[id]
	if !ok {
		return nil, http.StatusBadRequest, "Bad Request: invalid file_id"
	}
	size := len(content)
	if n, ok := s.fileSizes[id]; ok {
		size = n
	}
	return tgbotapi.File{FileID: id, FileUniqueID: "u" + id, FileSize: size,
		FilePath: "documents/" + id + "/" + string(s.files[id+"/name"])}, http.StatusOK, ""
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/file/bot")
	token, path, _ := strings.Cut(rest, "/")
	if token != s.Token {
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	parts := strings.Split(path, "/")
	if len(parts) < 2 {
		http.NotFound(w, r)
		return
	}
	s.mu.Lock()
	content, ok := s.files[parts[1]]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Write(content)
}

// WaitIdle waits until no update is pending and nothing changes for settle,
// so a test can assert that nothing more will be sent.
func (s *Server) WaitIdle(ctx context.Context, settle time.Duration) {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-time.After(settle):
			return
		case <-ctx.Done():
			return
		}
	}
}
