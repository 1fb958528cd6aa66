package bot

import (
	"context"
	"time"
)

// ChatState is what the engine remembers of one chat between messages. It is
// small on purpose: the store keeps it under a TTL, so a citizen's question is
// kept only as long as the conversation can still page through its answers.
type ChatState struct {
	Lang    string // "vi" or "en" when chosen with /ngonngu; empty follows the client
	Pending string // command waiting for its argument, e.g. "tim"
	List    List   // the last answer or list shown, for paging and follow-ups
	Contact string // office of the last contact shown, for "còn số fax?"
}

// List is the last answer or list shown in a chat: enough to show its next page
// again, even after a restart.
type List struct {
	Kind   string // listSearch, listDocuments, listMergers or listContacts
	Query  string // the question, or the filter of a list command
	Offset int    // the next item to show
	Seq    int    // increases with each new list; "more" buttons carry it
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
	// Forget deletes everything kept about a user, and the state of the chat
	// they asked from.
	Forget(ctx context.Context, userID, chatID int64) error
}
