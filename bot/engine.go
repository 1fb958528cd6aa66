package bot

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// Searcher answers questions over a corpus; *index.Index and *index.Live are
// searchers.
type Searcher interface {
	Search(ctx context.Context, question string, opts index.Options) (index.Result, error)
	Corpus() *content.Corpus
}

// Options configure an Engine. Zero values take the defaults.
type Options struct {
	// BotUsername, without "@", is stripped from group messages that mention
	// the bot, and tells "/cmd@thisbot" from "/cmd@otherbot".
	BotUsername string
	// FloodLimit is how many messages a user may send per window (the store's
	// flood window, a minute by default); default 20, negative for no limit.
	FloodLimit int
	// StateTTL is how long the store keeps a conversation, told to users in
	// /help; it must match the store's. Default 24h.
	StateTTL time.Duration
	// Admins are the user IDs allowed to run AdminOnly commands.
	Admins []int64
	// Commands are extra commands, such as the admins' (/reload, /stats),
	// dispatched like the built-in ones.
	Commands []Command
	// StaffLine offers a person (the CallbackStaff button, handled by the
	// staff handoff) on every question the bot cannot answer; set it when
	// a staff group is configured.
	StaffLine bool
	// Forget are what else keeps something about a user or chat (the
	// staff handoff's tickets), emptied by /quentoi after the store.
	Forget []Forgetter
	Logger *slog.Logger
	// Now is the clock, for tests; default time.Now.
	Now func() time.Time
}

// Forgetter deletes what it keeps about a user and their chat; Store is one.
type Forgetter interface {
	Forget(ctx context.Context, userID, chatID int64) error
}

// Command is an extra command registered through Options.
type Command struct {
	Name      string // without the slash
	AdminOnly bool   // others get the unknown-command reply, and the attempt is logged
	Run       func(ctx context.Context, m Message, args string) ([]Reply, error)
}

// Engine is the conversation. It is safe for concurrent use; a transport
// should still handle the messages of one chat in order.
type Engine struct {
	search Searcher
	store  Store
	opts   Options
	log    *slog.Logger
	admins map[int64]bool
	extra  map[string]Command

	storeDown atomic.Bool // logged once when the store fails, once when it is back
	gen       atomic.Pointer[generation]
	flows     map[string]flow // commands(), built once
}

// generation names the content being served, for search results kept in
// chat states: a token drawn at random for each corpus the searcher
// returns (a reload swaps it), so results kept before a reload, or by
// another process, never pass for current ones.
type generation struct {
	corpus *content.Corpus
	token  string
}

// generation returns the current content generation's token.
func (e *Engine) generation() string {
	c := e.search.Corpus()
	old := e.gen.Load()
	if old != nil && old.corpus == c {
		return old.token
	}
	g := &generation{corpus: c, token: strconv.FormatUint(rand.Uint64(), 36)}
	if !e.gen.CompareAndSwap(old, g) {
		// Another request got there first; its token or a newer one.
		return e.generation()
	}
	return g.token
}

// New returns an engine over a searcher and a state store.
func New(searcher Searcher, st Store, opts Options) *Engine {
	if opts.FloodLimit == 0 {
		opts.FloodLimit = 20
	}
	if opts.StateTTL <= 0 {
		opts.StateTTL = 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	opts.BotUsername = strings.TrimPrefix(opts.BotUsername, "@")
	e := &Engine{search: searcher, store: st, opts: opts, log: opts.Logger,
		admins: map[int64]bool{}, extra: map[string]Command{}}
	for _, id := range opts.Admins {
		e.admins[id] = true
	}
	for _, c := range opts.Commands {
		e.extra[strings.ToLower(c.Name)] = c
	}
	e.flows = e.commands()
	return e
}

// askWhat asks for the question: in a group, as a message the asker's
// reply is forced open on, since their next message reaches the bot only as
// a reply.
func (r *request) askWhat() Reply {
	if r.msg.group() {
		return Reply{Text: r.t.AskWhatGroup, ForceReply: true}
	}
	return Reply{Text: r.t.AskWhat}
}

// request is one message being handled: its language, the chat's state and
// whether the store can be used.
type request struct {
	msg     Message
	t       *messages
	lang    lang
	st      ChatState
	loaded  ChatState
	stateOK bool // the store answered; state can be saved
	noSave  bool // /quentoi: save nothing after deleting
}

// flow handles a command or follow-up; args is the rest of the message.
type flow func(ctx context.Context, r *request, args string) ([]Reply, error)

// commands maps every command, Vietnamese and English names, to its flow.
func (e *Engine) commands() map[string]flow {
	return map[string]flow{
		"start": e.start, "help": e.help, "trogiup": e.help,
		"tim": e.find, "search": e.find, "hoi": e.find, "ask": e.find,
		"nghiquyet": e.documents, "vanban": e.documents, "documents": e.documents,
		"sapnhap": e.mergers, "mergers": e.mergers,
		"lienhe": e.contacts, "contacts": e.contacts,
		"ngonngu": e.language, "language": e.language, "lang": e.language,
		"quentoi": e.forget, "forget": e.forget,
	}
}

// Handle answers one message or button press. The replies are what to send,
// possibly none (a group message not addressed to the bot, a user over the
// flood limit). The error reports an internal fault for the log; the replies
// then still hold a friendly message for the user.
func (e *Engine) Handle(ctx context.Context, m Message) ([]Reply, error) {
	h, ok := e.search.(holder)
	if !ok {
		return e.handle(ctx, m)
	}
	// The corpus's text may be mapped and unmapped after a reload: it is
	// held while the message is answered, and the replies, sent after
	// Handle returns, own their strings.
	release := h.Hold()
	defer release()
	replies, err := e.handle(ctx, m)
	return cloneReplies(replies), err
}

// holder is a Searcher whose corpus's strings are readable only while held
// (index.Live with mapped text).
type holder interface {
	Hold() (release func())
}

// cloneReplies copies every string of replies out of whatever memory they
// share (a corpus's mapped text).
func cloneReplies(replies []Reply) []Reply {
	for i := range replies {
		r := &replies[i]
		r.Text, r.Notice = strings.Clone(r.Text), strings.Clone(r.Notice)
		rows := make([][]Button, len(r.Buttons))
		for j, row := range r.Buttons {
			rows[j] = make([]Button, len(row))
			for k, b := range row {
				rows[j][k] = Button{Text: strings.Clone(b.Text), Data: strings.Clone(b.Data), URL: strings.Clone(b.URL)}
			}
		}
		if r.Buttons != nil {
			r.Buttons = rows
		}
		if r.Results != nil {
			res := make([]Result, len(r.Results))
			for j, x := range r.Results {
				res[j] = Result{ID: strings.Clone(x.ID), Title: strings.Clone(x.Title), Description: strings.Clone(x.Description),
					Text: strings.Clone(x.Text), URL: strings.Clone(x.URL)}
			}
			r.Results = res
		}
	}
	return replies
}

func (e *Engine) handle(ctx context.Context, m Message) ([]Reply, error) {
	raw := m.Text
	m.Text = clean(m.Text)
	// Invalid bytes become U+FFFD, not nothing: the press still gets the
	// bad-button notice.
	m.Callback = strings.ToValidUTF8(m.Callback, "\uFFFD")
	group := m.group()
	if group && m.Mentioned && m.Callback == "" && m.Document.FileID == "" && stripMention(m.Text, e.opts.BotUsername) == "" {
		// The bot's name alone ("@bot", which the transport leaves as no
		// text): someone tapped it to see what it does, and gets the
		// greeting /start gives rather than silence.
		m.Text = "/start"
	}
	if m.Inline {
		return e.inline(ctx, m)
	}
	// A photo, voice note, sticker… in a private chat: the citizen is told
	// what the bot reads, rather than met with silence. In groups it is
	// chatter.
	media := m.Text == "" && m.Callback == "" && m.ChatType == ChatPrivate && (m.Media != "" || m.Document.FileID != "")
	if m.Text == "" && m.Callback == "" && !media {
		if strings.TrimSpace(raw) != "" && m.ChatType == ChatPrivate {
			// Only invisible characters (zero-width spaces, BOMs, controls):
			// Telegram delivers them, unlike white space alone, and the
			// citizen should not meet silence.
			_, t := e.language0(m, ChatState{})
			return []Reply{{Text: t.AskWhat}}, nil
		}
		return nil, nil
	}
	name, to, args, isCmd := command(m.Text)
	if isCmd && to != "" {
		if !strings.EqualFold(to, e.opts.BotUsername) {
			return nil, nil // a command for another bot in the group
		}
		m.Mentioned = true // "/cmd@bot" is addressed to the bot
	}
	if group && m.Callback == "" && !isCmd && !m.Mentioned && !m.ReplyToBot {
		return nil, nil // group chatter
	}
	if group && !isCmd {
		m.Text = stripMention(m.Text, e.opts.BotUsername)
	}

	r := &request{msg: m, stateOK: true}
	r.lang, r.t = e.language0(m, ChatState{})

	if replies, ok, storeOK := e.admit(ctx, m, r.t); !ok {
		return replies, nil
	} else if !storeOK {
		r.stateOK = false
	}
	if r.stateOK {
		st, err := e.store.Chat(ctx, m.ChatID)
		if e.storeErr(err) {
			r.stateOK = false
		} else {
			r.st, r.loaded = st, st
		}
	}
	r.lang, r.t = e.language0(m, r.st)

	var (
		replies []Reply
		err     error
	)
	if media {
		replies, err = e.media(ctx, r)
	} else {
		replies, err = e.dispatch(ctx, r, name, args, isCmd)
	}
	if r.stateOK && !r.noSave && r.st != r.loaded {
		if serr := e.store.SaveChat(ctx, m.ChatID, r.st); e.storeErr(serr) {
			// The answer is given; only the follow-ups are lost.
			_ = serr
		}
	}
	return replies, err
}

// admit counts a message against the user's flood limit: ok is false once
// they are over it, with the one notice of the minute for the first
// message over (none after). A store that fails admits (storeOK false).
func (e *Engine) admit(ctx context.Context, m Message, t *messages) (replies []Reply, ok, storeOK bool) {
	if e.opts.FloodLimit <= 0 {
		return nil, true, true
	}
	n, err := e.store.Hit(ctx, m.UserID)
	switch {
	case e.storeErr(err):
		return nil, true, false
	case n == e.opts.FloodLimit+1:
		e.log.Info("flood limit reached", "user_id", m.UserID, "chat_id", m.ChatID, "limit", e.opts.FloodLimit)
		notice := t.Flood
		if m.SenderChat {
			// Said in the group, where every anonymous admin reads why
			// the bot is silent for the rest of the minute.
			notice = t.FloodShared
		}
		if m.Callback != "" {
			return []Reply{{Notice: notice}}, false, true
		}
		return []Reply{{Text: notice}}, false, true
	case n > e.opts.FloodLimit+1:
		return nil, false, true
	}
	return nil, true, true
}

// Admit counts a message the engine does not see against the user's flood
// limit, as Handle does for those it sees: the staff handoff posts to
// people, and a citizen over the limit must not flood them. ok false means
// drop it, answering with replies (the flood notice, the first time).
func (e *Engine) Admit(ctx context.Context, m Message) (replies []Reply, ok bool) {
	_, t := e.language0(m, ChatState{})
	replies, ok, _ = e.admit(ctx, m, t)
	return replies, ok
}

func (e *Engine) dispatch(ctx context.Context, r *request, name, args string, isCmd bool) ([]Reply, error) {
	m := r.msg
	switch {
	case m.Callback != "":
		return e.callback(ctx, r)
	case isCmd:
		r.st.stopWaiting(m.UserID)
		name = e.commandName(name)
		if run, ok := e.flows[name]; ok {
			return run(ctx, r, args)
		}
		if c, ok := e.extra[name]; ok {
			switch {
			case !c.AdminOnly, e.admins[m.UserID] && !m.SenderChat:
				return c.Run(ctx, m, args)
			case m.SenderChat:
				// Any admin of the group, in ADMIN_IDS or not, sends as
				// the group: told why, when the command is meant for
				// this bot, rather than met with the unknown-command reply.
				e.log.Warn("admin command refused", "user_id", m.UserID, "chat_id", m.ChatID, "command", name, "sender_chat", true)
				if m.Mentioned || m.ReplyToBot {
					return []Reply{{Text: r.t.AnonymousAdmin}}, nil
				}
				return nil, nil
			}
			e.log.Warn("admin command refused", "user_id", m.UserID, "chat_id", m.ChatID, "command", name)
		}
		if m.group() && (name == "canbo" || name == "staff") {
			// The staff line (bot/handoff) works in private chats only —
			// what a citizen tells staff stays out of the group — but the
			// menu offers it in groups too.
			return []Reply{e.staffInPrivate(r)}, nil
		}
		if m.group() && !m.Mentioned && !m.ReplyToBot {
			// A plain "/cmd" in a group goes to every bot in it: one this
			// bot does not know is most likely another's, and is theirs to
			// answer. "/cmd@bot" gets the list of commands.
			return nil, nil
		}
		return []Reply{{Text: f(r.t.Unknown, "/"+clipCommand(name))}}, nil
	case r.st.waiting(m.UserID) != "":
		pending := r.st.waiting(m.UserID)
		r.st.stopWaiting(m.UserID)
		if run, ok := e.flows[pending]; ok {
			return run(ctx, r, m.Text)
		}
	}
	return e.followUp(ctx, r)
}

// followUp answers a message that continues the conversation, or else takes
// it as a new question.
func (e *Engine) followUp(ctx context.Context, r *request) ([]Reply, error) {
	text := r.msg.Text
	if isMore(text) {
		switch {
		case !r.stateOK:
			return []Reply{{Text: r.t.NoState}}, nil
		case r.st.List.Kind == "":
			return []Reply{{Text: r.t.NothingToPage}}, nil
		}
		return e.page(ctx, r, r.st.List.Offset, false)
	}
	if kind, ok := smallTalk(text); ok {
		return e.chat(ctx, r, kind)
	}
	if n, ok := number(text); ok && r.st.List.Kind == listDocuments {
		return e.documentAt(ctx, r, n)
	}
	if reply, ok := e.contactFollowUp(r, text); ok {
		return []Reply{reply}, nil
	}
	return e.ask(ctx, r, text)
}

// clipCommand shortens an unknown command's name for the reply that echoes
// it: Telegram's commands have at most 32 characters, and a 4,000-character
// "/xxx…" echoed whole would take the reply over one message.
func clipCommand(name string) string {
	if r := []rune(name); len(r) > 32 {
		return string(r[:32]) + "…"
	}
	return name
}

// staffInPrivate points a group member who asked for staff to a private
// chat with the bot.
func (e *Engine) staffInPrivate(r *request) Reply {
	reply := Reply{Text: r.t.StaffPrivate}
	if e.opts.BotUsername != "" {
		reply.Buttons = [][]Button{{{Text: r.t.MessageMe, URL: "https://t.me/" + e.opts.BotUsername}}}
	}
	return reply
}

// commandName is name, or its folded form when only that is a command:
// "/tìm", "/Liênhệ" typed with the marks the menu's "/tim", "/lienhe" lack
// (Telegram does not mark them as commands, but delivers them).
func (e *Engine) commandName(name string) string {
	if _, ok := e.flows[name]; ok {
		return name
	}
	if _, ok := e.extra[name]; ok {
		return name
	}
	folded := fold(name)
	if _, ok := e.flows[folded]; ok {
		return folded
	}
	if _, ok := e.extra[folded]; ok {
		return folded
	}
	return name
}

// storeErr logs a store failure once until the store works again, and
// reports whether there was one.
func (e *Engine) storeErr(err error) bool {
	if err == nil {
		if e.storeDown.CompareAndSwap(true, false) {
			e.log.Info("state store is back")
		}
		return false
	}
	if e.storeDown.CompareAndSwap(false, true) {
		e.log.Error("state store failed; answering without conversation state until it is back", "err", err)
	}
	return true
}

// language0 picks the reply language: the user's choice, else their client's.
func (e *Engine) language0(m Message, st ChatState) (lang, *messages) {
	l := vi
	switch {
	case st.Lang == string(en) || st.Lang == string(vi):
		l = lang(st.Lang)
	case strings.HasPrefix(strings.ToLower(m.LangCode), "en"):
		l = en
	}
	return l, catalog[l]
}

// corpus returns the searcher's corpus, never nil.
func (e *Engine) corpus() *content.Corpus {
	if c := e.search.Corpus(); c != nil {
		return c
	}
	return &content.Corpus{}
}

// ttlText says the state TTL in words for /help.
func ttlText(d time.Duration, l lang) string {
	h := int(d.Round(time.Hour) / time.Hour)
	if l == en {
		if h == 1 {
			return "1 hour"
		}
		return fmt.Sprintf("%d hours", h)
	}
	return fmt.Sprintf("%d giờ", h)
}
