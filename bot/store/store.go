// Package store is kyanhbot's one Redis adapter: everything the bot keeps
// outside the process, in Redis for production (shared by the replicas) or
// in memory for the terminal chat and a single instance. Each consumer
// declares the small interface it needs, and this package implements each
// twice, Redis and memory, held to one contract suite (TestContract):
//
//   - bot.Store — per chat the last question, paging cursor, pending
//     command, language and last contact; per user feedback and a flood
//     counter; anonymised daily counters (Redis, Memory), which also serve
//     admin.Feedback and admin.Stats (the questions of /stats);
//   - telegram.Ledger — update claims, the webhook journal, the polling
//     offset and lock (RedisLedger, MemoryLedger);
//   - admin.Lease — one replica syncs the portal (RedisLease, MemoryLease);
//   - handoff.Tickets — which staff post is for which chat (RedisTickets,
//     MemoryTickets);
//   - reload.Shared — the replicas' reload announcements and versions
//     (RedisReplicas, MemoryReplicas).
//
// Open reads REDIS_URL (one server, Sentinel or Cluster) into the Client
// they all take. Keys are namespaced "kyanhbot:", every key has a TTL, and
// values are small JSON (the chat state versioned, so that a newer bot reads
// an older one's); schema.go lists every key with its type, TTL and writer, and builds
// them all (docs/redis-keys.md is its rendering).
package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
)

// Options configure a store. Zero values take the defaults.
type Options struct {
	// TTL bounds how long anything about a chat or a user is kept after their
	// last message: chat state (which holds their last question), feedback,
	// flood counters. Default 24h.
	TTL time.Duration
	// StatsTTL bounds how long the anonymised counters live (unanswered
	// questions, vote totals), per day. Default 7 days, so admins can see a week.
	StatsTTL time.Duration
	// FloodWindow is the window of the per-user message counter. Default 1 minute.
	FloodWindow time.Duration
	// ShareTTL is how long a question shared by a short key (a deep link
	// for a question too long to carry itself) can be reopened, counted
	// from its last use. Default 30 days: a link on a poster or a portal
	// page outlives a conversation and lives on while it is used, but the
	// question is kept with no link to the chat, so /quentoi cannot reach
	// it; the engine redacts it (bot.Redact), and what redaction misses
	// goes a month after the last use rather than three.
	ShareTTL time.Duration
	// Now is the clock, for tests; default time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.TTL <= 0 {
		o.TTL = 24 * time.Hour
	}
	if o.StatsTTL <= 0 {
		o.StatsTTL = 7 * 24 * time.Hour
	}
	if o.FloodWindow <= 0 {
		o.FloodWindow = time.Minute
	}
	if o.ShareTTL <= 0 {
		o.ShareTTL = 30 * 24 * time.Hour
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Count is a question and how many times it went unanswered.
type Count struct {
	Question string
	N        int
}

// ErrTooLong is returned by Share for a question longer than a store keeps.
var ErrTooLong = errors.New("store: question too long to share")

// VoteTotals are the anonymised 👍/👎 counts of some days.
type VoteTotals struct {
	Up, Down int
}

// shareID is the short key of a shared question: 11 characters of base64url
// from its SHA-256, so the same question always gets the same key and a
// deep link stays well under Telegram's 64 characters.
func shareID(question string) string {
	sum := sha256.Sum256([]byte(question))
	return base64.RawURLEncoding.EncodeToString(sum[:8])
}

// validShareKey tells a key shareID could have made from anything else a
// link may carry.
func validShareKey(key string) bool {
	if len(key) != 11 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(key)
	return err == nil
}

// maxShared bounds a shared question as stored (the engine shares clipped
// questions of at most 300 runes).
const maxShared = 1200

// version is the version of the values this code writes. Decoders accept
// every version up to it, and newer ones on a best-effort basis: fields are
// only ever added, and unknown fields are ignored.
const version = 1

// chatV1 is the stored form of bot.ChatState. Short JSON names keep the
// values small; omitted fields read back as zero.
type chatV1 struct {
	V    int    `json:"v"`
	Lang string `json:"lang,omitempty"`
	// Pending is a waiting command of a state written before waits were
	// kept per user: read as waiting for anyone in the chat, never written.
	Pending string   `json:"pend,omitempty"`
	Waiting []waitV1 `json:"wait,omitempty"`
	Kind    string   `json:"kind,omitempty"`
	Query   string   `json:"q,omitempty"`
	Offset  int      `json:"off,omitempty"`
	Seq     int      `json:"seq,omitempty"`
	Contact string   `json:"contact,omitempty"`
	// The search results kept for the next page (bot.List.Ahead), with
	// the total and the content generation they were found in.
	Ahead []pageItemV1 `json:"ahead,omitempty"`
	Total int          `json:"tot,omitempty"`
	Gen   string       `json:"gen,omitempty"`
}

type waitV1 struct {
	User    int64  `json:"u"`
	Command string `json:"c"`
}

type pageItemV1 struct {
	HTML    string `json:"h"`
	Article string `json:"a,omitempty"`
}

func encodeChat(st bot.ChatState) ([]byte, error) {
	w := chatV1{
		V: version, Lang: st.Lang,
		Kind: st.List.Kind, Query: st.List.Query, Offset: st.List.Offset, Seq: st.List.Seq,
		Contact: st.Contact, Total: st.List.Total, Gen: st.List.Gen,
	}
	for _, it := range st.List.Ahead {
		if it.HTML == "" {
			break
		}
		w.Ahead = append(w.Ahead, pageItemV1{HTML: it.HTML, Article: it.ArticleID})
	}
	for _, wt := range st.Waiting {
		if wt.Command != "" {
			w.Waiting = append(w.Waiting, waitV1{User: wt.User, Command: wt.Command})
		}
	}
	// Kept results are HTML: escaping every < and > as \u003c would make
	// the value larger and slower to read back, at every message.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		return nil, fmt.Errorf("store: encode chat state: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func decodeChat(b []byte) (bot.ChatState, error) {
	var w chatV1
	if err := json.Unmarshal(b, &w); err != nil {
		return bot.ChatState{}, fmt.Errorf("store: decode chat state: %w", err)
	}
	if w.V < 1 {
		return bot.ChatState{}, fmt.Errorf("store: decode chat state: no version")
	}
	st := bot.ChatState{
		Lang: w.Lang, Contact: w.Contact,
		List: bot.List{Kind: w.Kind, Query: w.Query, Offset: w.Offset, Seq: w.Seq, Total: w.Total, Gen: w.Gen},
	}
	waits := w.Waiting
	if w.Pending != "" {
		waits = append(waits, waitV1{Command: w.Pending})
	}
	n := 0
	for _, wt := range waits {
		// More waits than kept (written by a newer version): the oldest,
		// last, are dropped.
		if wt.Command != "" && n < len(st.Waiting) {
			st.Waiting[n] = bot.Wait{User: wt.User, Command: wt.Command}
			n++
		}
	}
	// More than a page (written by a newer version) is cut; the rest is
	// searched again.
	for i, it := range w.Ahead[:min(len(w.Ahead), len(st.List.Ahead))] {
		if it.HTML == "" {
			break
		}
		st.List.Ahead[i] = bot.PageItem{HTML: it.HTML, ArticleID: it.Article}
	}
	return st, nil
}

// voteV1 is the stored form of one vote, a field of the user's feedback hash.
type voteV1 struct {
	V    int   `json:"v"`
	Up   bool  `json:"up"`
	Time int64 `json:"t"`
}

func encodeVote(v bot.Vote) ([]byte, error) {
	return json.Marshal(voteV1{V: version, Up: v.Up, Time: v.Time.Unix()})
}

func decodeVote(key string, b []byte) (bot.Vote, error) {
	var w voteV1
	if err := json.Unmarshal(b, &w); err != nil {
		return bot.Vote{}, fmt.Errorf("store: decode vote: %w", err)
	}
	return bot.Vote{Key: key, Up: w.Up, Time: time.Unix(w.Time, 0)}, nil
}

// maxQuestion bounds an unanswered question as stored: the engine already
// truncates questions, this keeps a bad caller from filling the store.
const maxQuestion = 300

func clipQuestion(q string) string {
	q = strings.TrimSpace(q)
	if r := []rune(q); len(r) > maxQuestion {
		q = string(r[:maxQuestion])
	}
	return q
}

// days returns the n days ending today, newest first.
func days(now time.Time, n int) []time.Time {
	if n < 1 {
		n = 1
	}
	out := make([]time.Time, n)
	for i := range out {
		out[i] = now.AddDate(0, 0, -i)
	}
	return out
}
