package bot

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"
)

// start is /start: what the bot knows, and example questions as buttons. A
// deep link (t.me/<bot>?start=<payload>) brings a payload: a command to run,
// or a question to answer (see deepLink).
func (e *Engine) start(ctx context.Context, r *request, args string) ([]Reply, error) {
	if args != "" {
		if replies, ok, err := e.deepLink(ctx, r, args); ok {
			return replies, err
		}
	}
	return e.welcome(r), nil
}

func (e *Engine) welcome(r *request) []Reply {
	c := e.corpus()
	var mergers int
	for _, a := range c.Articles {
		mergers += len(a.Mergers)
	}
	knows := f(r.t.Knows, len(c.Articles), len(e.allDocuments()), mergers, len(e.allContacts()))
	text := f(r.t.Welcome, knows) + "\n\n" + r.t.ExamplesHead
	var buttons [][]Button
	for i, q := range r.t.Examples {
		buttons = append(buttons, []Button{{Text: q, Data: data(cbExample, strconv.Itoa(i))}})
	}
	return []Reply{{Text: text, Buttons: buttons}}
}

// Deep-link payloads are what Telegram allows after ?start=: at most 64 of
// A–Z a–z 0–9 _ -.
//
//	lienhe, sapnhap, nghiquyet (and their English names, help): run that command
//	q_<base64url of the UTF-8 question, no padding>: answer the question
//	k_<key>: answer a question too long for a link, kept in the store (Store.Share)
const (
	maxPayload    = 64
	payloadQ      = "q_"
	payloadKey    = "k_"
	payloadLetter = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
)

// deepLinkCommands are the commands a payload may run: those that show
// something, never one that changes or deletes (/quentoi, /ngonngu).
var deepLinkCommands = map[string]bool{
	"lienhe": true, "contacts": true, "sapnhap": true, "mergers": true,
	"nghiquyet": true, "vanban": true, "documents": true, "help": true, "trogiup": true,
}

// deepLink runs a /start payload. ok is false for a payload it does not
// know, which gets the plain welcome.
func (e *Engine) deepLink(ctx context.Context, r *request, payload string) (replies []Reply, ok bool, err error) {
	if len(payload) > maxPayload || strings.Trim(payload, payloadLetter) != "" {
		return nil, false, nil
	}
	switch name := strings.ToLower(payload); {
	case deepLinkCommands[name]:
		replies, err := e.flows[name](ctx, r, "")
		return replies, true, err
	case strings.HasPrefix(payload, payloadQ):
		b, err := base64.RawURLEncoding.DecodeString(payload[len(payloadQ):])
		if err != nil || !utf8.Valid(b) {
			return nil, false, nil
		}
		if q := clean(string(b)); q != "" {
			replies, err := e.ask(ctx, r, q)
			return replies, true, err
		}
	case strings.HasPrefix(payload, payloadKey):
		if !r.stateOK {
			return append([]Reply{{Text: r.t.NoState}}, e.welcome(r)...), true, nil
		}
		q, found, err := e.store.Shared(ctx, payload[len(payloadKey):])
		if e.storeErr(err) {
			return append([]Reply{{Text: r.t.NoState}}, e.welcome(r)...), true, nil
		}
		if !found {
			return append([]Reply{{Text: r.t.LinkExpired}}, e.welcome(r)...), true, nil
		}
		replies, err := e.ask(ctx, r, clean(q))
		return replies, true, err
	}
	return nil, false, nil
}

// shareLink is the deep link that asks q again, for the "Chia sẻ" button:
// the question itself when it fits in a payload, else a short key kept in
// the store. It is empty when the bot's username is unknown or the store
// cannot keep the key.
//
// A kept question is redacted first, like the unanswered list: it is kept
// for weeks with no link to the chat (one key serves every chat that asks
// the same words), so /quentoi cannot find it and it must hold nothing
// personal from the start. The button is drawn on every answer, so this is
// every long question answered, not only the ones shared.
func (e *Engine) shareLink(ctx context.Context, r *request, q string) string {
	if e.opts.BotUsername == "" || q == "" {
		return ""
	}
	payload := payloadQ + base64.RawURLEncoding.EncodeToString([]byte(q))
	if len(payload) > maxPayload {
		if !r.stateOK {
			return ""
		}
		key, err := e.store.Share(ctx, Redact(q))
		if e.storeErr(err) {
			return ""
		}
		payload = payloadKey + key
	}
	return "https://t.me/" + e.opts.BotUsername + "?start=" + payload
}
