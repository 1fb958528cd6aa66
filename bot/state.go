package bot

import (
	"context"
	"time"

	"github.com/kyanhbot/kyanhbot/index"
)

// ChatState is what the engine remembers of one chat between messages. It is
// small on purpose: the store keeps it under a TTL, so a citizen's question is
// kept only as long as the conversation can still page through its answers.
type ChatState struct {
	Lang string // "vi" or "en" when chosen with /ngonngu; empty follows the client
	// Waiting are the commands waiting for their argument ("/tim" alone),
	// each with the member who sent it: in a group, one member's /tim
	// takes that member's next message, not whoever writes next.
	Waiting [maxWaiting]Wait
	List    List   // the last answer or list shown, for paging and follow-ups
	Contact string // office of the last contact shown, for "còn số fax?"
}

// maxWaiting is how many members of a group may each have a command
// waiting at once; a further one drops the oldest, whose next message is
// then read as a question of its own (what it most often is).
const maxWaiting = 4

// Wait is a command waiting for its argument from one user.
type Wait struct {
	// User sent the command; 0 (a state saved before waits were kept per
	// user) waits for anyone in the chat.
	User    int64
	Command string // e.g. "tim"
}

// waiting returns the command waiting for user's next message, "" for none.
func (st *ChatState) waiting(user int64) string {
	for _, w := range st.Waiting {
		if w.Command != "" && (w.User == user || w.User == 0) {
			return w.Command
		}
	}
	return ""
}

// wait makes command wait for user's next message, replacing what user had
// waiting; the newest wait comes first.
func (st *ChatState) wait(user int64, command string) {
	st.stopWaiting(user)
	copy(st.Waiting[1:], st.Waiting[:len(st.Waiting)-1])
	st.Waiting[0] = Wait{User: user, Command: command}
}

// stopWaiting drops what waits for user's next message.
func (st *ChatState) stopWaiting(user int64) {
	kept := [maxWaiting]Wait{}
	n := 0
	for _, w := range st.Waiting {
		if w.Command != "" && w.User != user && w.User != 0 {
			kept[n] = w
			n++
		}
	}
	st.Waiting = kept
}

// List is the last answer or list shown in a chat: enough to show its next page
// again, even after a restart.
type List struct {
	Kind   string // listSearch, listDocuments, listMergers or listContacts
	Query  string // the question, or the filter of a list command
	Offset int    // the next item to show
	Seq    int    // increases with each new list; "more" buttons carry it

	// Ahead holds the search results from Offset on that the last search
	// already found (the answer's search finds the first page of "more"),
	// so that a press shows them without searching again. They are used
	// only while Gen is the engine's content generation: after a reload or
	// a restart the page is searched again, never shown from old content.
	Ahead [searchPage]PageItem
	Total int    // results in all, with Ahead: whether to offer "more" again
	Gen   string // content generation Ahead was found in
}

// PageItem is one search result kept for the next page.
type PageItem struct {
	HTML      string // the passage as shown, matched words in <b>
	ArticleID string
}

// kept returns the results kept for the page from offset, if they are
// still good for content generation gen.
func (l List) kept(offset int, gen string) ([]PageItem, bool) {
	if l.Kind != listSearch || l.Gen == "" || l.Gen != gen || offset != l.Offset || l.Ahead[0].HTML == "" {
		return nil, false
	}
	n := 0
	for n < len(l.Ahead) && l.Ahead[n].HTML != "" {
		n++
	}
	return l.Ahead[:n], true
}

// keep remembers the results from the next offset on, found in generation gen.
func (l *List) keep(hits []index.Hit, total int, gen string) {
	l.Ahead, l.Total, l.Gen = [searchPage]PageItem{}, 0, ""
	if len(hits) == 0 || gen == "" {
		return
	}
	for i, h := range hits[:min(len(hits), searchPage)] {
		l.Ahead[i] = PageItem{HTML: hitHTML(h), ArticleID: h.ArticleID}
	}
	l.Total, l.Gen = total, gen
}

// Vote is a citizen's 👍 (+1) or 👎 (-1) on one answer.
type Vote struct {
	Key  string // short key of the answer's unit (see unitKey)
	Up   bool
	Time time.Time
}

// Store is what the engine needs to remember. Implementations (package
// bot/store) keep every key under a TTL and are safe for concurrent use.
type Store interface {
	// Chat returns the state of a chat; a chat never seen has the zero state
	// and no error.
	Chat(ctx context.Context, chatID int64) (ChatState, error)
	SaveChat(ctx context.Context, chatID int64, st ChatState) error
	// Vote records a user's feedback, and counts it anonymously for the admins.
	Vote(ctx context.Context, userID int64, v Vote) error
	// Hit counts one message of a user in the current flood window and returns
	// the count so far in that window (1 for the first message).
	Hit(ctx context.Context, userID int64) (int, error)
	// Unanswered counts a question nobody could answer. The question comes
	// already anonymised; no user ID goes with it.
	Unanswered(ctx context.Context, question string) error
	// SmallTalk counts a message that was no question — a greeting, thanks,
	// a photo — by kind, with no user ID, apart from the unanswered
	// questions.
	SmallTalk(ctx context.Context, kind string) error
	// Share keeps a question too long for a deep link and returns the short
	// key that stands for it; the same question gets the same key.
	Share(ctx context.Context, question string) (key string, err error)
	// Shared returns the question a share key stands for; ok is false once
	// it has expired.
	Shared(ctx context.Context, key string) (question string, ok bool, err error)
	// Forget deletes everything kept about a user, and the state of the chat
	// they asked from.
	Forget(ctx context.Context, userID, chatID int64) error
}
