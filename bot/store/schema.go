package store

import (
	"regexp"
	"strconv"
	"time"
)

// KeySpec is one kind of Redis key kyanhbot writes.
type KeySpec struct {
	Pattern string         // the key, <placeholders> for its variable parts
	Type    string         // the Redis type (string, hash, zset, set)
	TTL     string         // how long it lives, and where that is set
	Writer  string         // the code that writes it
	Holds   string         // what it holds, and whether it is personal
	match   *regexp.Regexp // Pattern as a regular expression
}

// Match reports whether key is of this kind.
func (k KeySpec) Match(key string) bool { return k.match.MatchString(key) }

// MaxTTL is the longest any key may live: every key has a TTL, none longer.
// The longest are the shared questions' (ShareTTL, 30 days from the last
// use); nothing kept needs more.
const MaxTTL = 30 * 24 * time.Hour

// Schema is every Redis key kyanhbot writes, in one place: its type, its
// TTL, its writer and what it holds, grouped by the interface (declared by
// its consumer) that the writer implements. All of them are written by this
// package; the key builders below are the only place that spells them.
// TestSchema runs every writer against a real redis-server and fails on a
// key not listed here, of another type, or without a TTL, so the table
// cannot fall behind; TestSchemaDoc keeps docs/redis-keys.md equal to it.
var Schema = []KeySpec{
	// Conversation: bot.Store (Redis).
	{Pattern: "kyanhbot:chat:<chat_id>", Type: "string", TTL: "Options.TTL (24 h) from the last message",
		Writer: "Redis.SaveChat", Holds: "the chat's state (JSON): last question, page, language — personal, /quentoi deletes it"},
	{Pattern: "kyanhbot:fb:<user_id>", Type: "hash", TTL: "Options.TTL (24 h) from the last vote",
		Writer: "Redis.Vote", Holds: "the user's 👍/👎 per answer — personal, /quentoi deletes it"},
	{Pattern: "kyanhbot:flood:<user_id>", Type: "string", TTL: "Options.FloodWindow (1 min)",
		Writer: "Redis.Hit (Lua)", Holds: "messages in the window — /quentoi deletes it"},
	{Pattern: "kyanhbot:share:<key>", Type: "string", TTL: "Options.ShareTTL (30 days), renewed when read",
		Writer: "Redis.Share", Holds: "an answered question too long for a deep link, redacted (bot.Redact), no chat or user ID"},

	// Counters of /stats: bot.Store's writes, read by admin.Feedback;
	// admin.Stats (Redis).
	{Pattern: "kyanhbot:unanswered:<yyyymmdd>", Type: "zset", TTL: "Options.StatsTTL (7 days)",
		Writer: "Redis.Unanswered", Holds: "unanswered questions, redacted (bot.Redact), no chat or user ID"},
	{Pattern: "kyanhbot:votes:<yyyymmdd>", Type: "hash", TTL: "Options.StatsTTL (7 days)",
		Writer: "Redis.Vote", Holds: "the day's 👍/👎 totals, anonymous"},
	{Pattern: "kyanhbot:smalltalk:<yyyymmdd>", Type: "hash", TTL: "Options.StatsTTL (7 days)",
		Writer: "Redis.SmallTalk", Holds: "counts of greetings and thanks by kind, anonymous"},
	{Pattern: "kyanhbot:questions:<yyyymmdd>", Type: "hash", TTL: "Options.StatsTTL (7 days)",
		Writer: "Redis.CountQuestion (admin.Recorder)", Holds: "questions asked and answered that day, counts only"},
	{Pattern: "kyanhbot:slow:<yyyymmdd>", Type: "zset", TTL: "Options.StatsTTL (7 days)",
		Writer: "Redis.CountQuestion (admin.Recorder)", Holds: "the day's 20 slowest questions, anonymised by admin.Recorder (bot.Redact), no chat or user ID"},

	// Portal sync: admin.Lease (RedisLease).
	{Pattern: "kyanhbot:lease:<name>", Type: "string", TTL: "the lease's TTL (sync: 1 min), extended while held",
		Writer: "RedisLease.TryAcquire", Holds: "the holding replica's token"},

	// Telegram transport: telegram.Ledger (RedisLedger).
	{Pattern: "kyanhbot:tg:<bot_id>:update:<update_id>", Type: "string", TTL: "DefaultClaimTTL (10 s) while claimed, extended; 48 h once done",
		Writer: "RedisLedger.Claim/Extend/Done (Lua)", Holds: "pending with the holder, or done"},
	{Pattern: "kyanhbot:tg:<bot_id>:journal:<update_id>", Type: "string", TTL: "JournalTTL (24 h)",
		Writer: "RedisLedger.Journal", Holds: "a webhook update acknowledged and not yet handled (raw JSON, holds the message) — deleted when done"},
	{Pattern: "kyanhbot:tg:<bot_id>:journal", Type: "zset", TTL: "JournalTTL (24 h)",
		Writer: "RedisLedger.Journal", Holds: "the IDs of the journaled updates"},
	{Pattern: "kyanhbot:tg:<bot_id>:offset", Type: "string", TTL: "7 days",
		Writer: "RedisLedger.SaveOffset (Lua)", Holds: "the next getUpdates offset"},
	{Pattern: "kyanhbot:tg:<bot_id>:poll-lock", Type: "string", TTL: "telegram.Config.LockTTL (15 s), renewed",
		Writer: "RedisLedger.AcquirePollLock/RenewPollLock (Lua)", Holds: "the polling replica's owner ID"},

	// Staff handoff: handoff.Tickets (RedisTickets).
	{Pattern: "kyanhbot:handoff:<staff_chat_id>:<message_id>", Type: "string", TTL: "DefaultTicketTTL (24 h)",
		Writer: "RedisTickets.Save", Holds: "the ticket of a staff post (JSON), with the citizen's chat ID — personal, /quentoi deletes it"},
	{Pattern: "kyanhbot:handoff:<staff_chat_id>:chat:<chat_id>", Type: "set", TTL: "DefaultTicketTTL (24 h)",
		Writer: "RedisTickets.Save/Link", Holds: "a chat's staff posts and links, for /quentoi — personal, /quentoi deletes it"},
	{Pattern: "kyanhbot:handoff:<staff_chat_id>:link:<chat_id>:<message_id>", Type: "string", TTL: "DefaultTicketTTL (24 h)",
		Writer: "RedisTickets.Link", Holds: "the staff post a staff answer in the chat belongs to — personal, /quentoi deletes it"},
	{Pattern: "kyanhbot:handoff:<staff_chat_id>:posts:sending", Type: "zset", TTL: "SendTTL (30 s), renewed by each post",
		Writer: "RedisTickets.Sending (Lua)", Holds: "a random mark per staff post or answer being sent, scored by when it lapses, until its ticket or link is saved — no chat ID"},

	// Replicas: reload.Shared (RedisReplicas).
	{Pattern: "kyanhbot:replicas", Type: "hash", TTL: "three heartbeats (30 s), renewed at each",
		Writer: "RedisReplicas.Report (reload.Cluster's heartbeat)", Holds: "each replica's content version (JSON)"},
	// kyanhbot:reload is a pub/sub channel (RedisReplicas.Announce), not a
	// key: nothing is stored.
}

// The functions below build every key of Schema; no other file of this
// package spells a key. Keys are namespaced "kyanhbot:" so that the bot can
// share a Redis with other programs, and no command touches two keys at
// once (or does so only inside a MULTI of keys a Cluster may split), so a
// Cluster's slots never matter.
const prefix = "kyanhbot:"

func chatKey(chatID int64) string  { return prefix + "chat:" + strconv.FormatInt(chatID, 10) }
func voteKey(userID int64) string  { return prefix + "fb:" + strconv.FormatInt(userID, 10) }
func floodKey(userID int64) string { return prefix + "flood:" + strconv.FormatInt(userID, 10) }
func shareKey(key string) string   { return prefix + "share:" + key }
func leaseKey(name string) string  { return prefix + "lease:" + name }

func dayString(day time.Time) string     { return day.UTC().Format("20060102") }
func unansweredKey(day time.Time) string { return prefix + "unanswered:" + dayString(day) }
func votesKey(day time.Time) string      { return prefix + "votes:" + dayString(day) }
func smallTalkKey(day time.Time) string  { return prefix + "smalltalk:" + dayString(day) }

// The question counters of a day (dayString) are two keys.
func questionsKey(day string) string { return prefix + "questions:" + day }
func slowKey(day string) string      { return prefix + "slow:" + day }

// ledgerPrefix namespaces a Telegram bot's ledger: its ID or username keeps
// two bots sharing one Redis apart.
func ledgerPrefix(namespace string) string { return prefix + "tg:" + namespace + ":" }

func updateKey(ledger string, id int64) string {
	return ledger + "update:" + strconv.FormatInt(id, 10)
}
func journalKey(ledger string, id int64) string {
	return ledger + "journal:" + strconv.FormatInt(id, 10)
}
func journalSetKey(ledger string) string { return ledger + "journal" }
func offsetKey(ledger string) string     { return ledger + "offset" }
func pollLockKey(ledger string) string   { return ledger + "poll-lock" }

// The staff handoff's keys, per staff group.
func ticketKey(staffChat int64, msg int) string {
	return prefix + "handoff:" + strconv.FormatInt(staffChat, 10) + ":" + strconv.Itoa(msg)
}
func ticketChatKey(staffChat, chatID int64) string {
	return prefix + "handoff:" + strconv.FormatInt(staffChat, 10) + ":chat:" + strconv.FormatInt(chatID, 10)
}
func ticketSendingKey(staffChat int64) string {
	return prefix + "handoff:" + strconv.FormatInt(staffChat, 10) + ":posts:sending"
}
func ticketLinkKey(staffChat, chatID int64, msg int) string {
	return prefix + "handoff:" + strconv.FormatInt(staffChat, 10) + ":link:" + strconv.FormatInt(chatID, 10) + ":" + strconv.Itoa(msg)
}

// The replicas' shared state (reload.Cluster): a hash, and a pub/sub
// channel, which is not a key.
const (
	replicasKey   = prefix + "replicas"
	reloadChannel = prefix + "reload"
)

// placeholder is a <name> in a pattern.
var placeholder = regexp.MustCompile(`<[a-z_]+>`)

func init() {
	for i, k := range Schema {
		parts := placeholder.Split(k.Pattern, -1)
		for j, p := range parts {
			parts[j] = regexp.QuoteMeta(p)
		}
		re := "^"
		for j, p := range parts {
			if j > 0 {
				re += `[^:]+`
			}
			re += p
		}
		Schema[i].match = regexp.MustCompile(re + "$")
	}
}
