package bot

import (
	"context"
	"regexp"
	"strings"
	"unicode"
)

// Small talk is a message that is no question: a greeting, thanks, "ok", a
// thumbs-up, laughter. It gets a short reply in the user's language — never
// the no-answer block with every office's contacts — and is counted apart
// from the questions, so it does not top the admins' unanswered list.

// smallTalkPhrases are whole messages, folded, with the filler words of
// smallTalkFillers removed, by kind.
var smallTalkPhrases = map[string]string{
	"xin chao": "greeting", "chao": "greeting", "hello": "greeting", "hi": "greeting", "hey": "greeting",
	"alo": "greeting", "good morning": "greeting", "good afternoon": "greeting", "good evening": "greeting",
	"chao buoi sang": "greeting", "chao buoi chieu": "greeting", "chao buoi toi": "greeting",
	"cam on": "thanks", "cam on nhieu": "thanks", "thanks": "thanks", "thank you": "thanks", "thank": "thanks",
	"thx": "thanks", "tks": "thanks", "many thanks": "thanks", "xin cam on": "thanks", "ok cam on": "thanks",
	"cam on da giup": "thanks", "thanks a lot": "thanks", "thank you very much": "thanks",
	"ok": "ok", "oke": "ok", "okay": "ok", "okie": "ok", "vang": "ok", "da": "ok", "duoc": "ok", "duoc roi": "ok",
	"u": "ok", "uh": "ok", "um": "ok", "ok roi": "ok", "roi": "ok", "hieu roi": "ok", "biet roi": "ok",
	"fine": "ok", "good": "ok", "great": "ok", "tot": "ok", "tot qua": "ok", "hay": "ok", "hay qua": "ok",
	"got it": "ok", "i see": "ok", "alright": "ok", "all right": "ok", "ok thanks": "thanks",
	"lol": "laugh",
}

// smallTalkFillers may surround small talk without making it a question:
// "cảm ơn bạn nhiều nhé", "ok ạ", "chào bot".
var smallTalkFillers = map[string]bool{
	"a": true, "ah": true, "nhe": true, "nha": true, "nhieu": true, "lam": true, "ban": true, "bot": true,
	"em": true, "anh": true, "chi": true, "minh": true, "you": true, "so": true, "much": true, "very": true,
	"qua": true, "nhi": true, "the": true, "there": true, "ad": true, "admin": true, "oi": true, "nhe'": true,
	"vay": true, "nghe": true, "luon": true, "thi": true, "cac": true, "moi": true, "nguoi": true,
}

// laughRE is laughter typed out: "haha", "hihi", "kkk", "hehehe".
var laughRE = regexp.MustCompile(`^(?:(?:ha|hi|he|hu|ho|kaka)+h?|k{2,})$`)

// emojiKinds classify a message of emoji alone by its first emoji.
var emojiKinds = map[rune]string{
	'👍': "ok", '👌': "ok", '✅': "ok", '🆗': "ok", '🙂': "ok", '😊': "ok", '☺': "ok",
	'🙏': "thanks", '❤': "thanks", '💕': "thanks", '🥰': "thanks", '😍': "thanks", '🌹': "thanks",
	'👋': "greeting", '🤝': "greeting",
	'😂': "laugh", '🤣': "laugh", '😄': "laugh", '😆': "laugh", '😁': "laugh", '😅': "laugh", '😀': "laugh", '😃': "laugh",
}

// smallTalk reports the kind of small talk text is, if it is.
func smallTalk(text string) (kind string, ok bool) {
	if len(text) > 160 {
		return "", false // a paragraph is no "thanks"; and no need to fold it all
	}
	ws := words(text)
	if len(ws) == 0 {
		// Emoji and punctuation alone: the first emoji tells, any other
		// symbol is a nod.
		for _, r := range text {
			if k, ok := emojiKinds[r]; ok {
				return k, true
			}
		}
		for _, r := range text {
			// U+FFFD is no nod: it stands for bytes that were no
			// UTF-8, what the citizen meant lost on the way.
			if unicode.IsSymbol(r) && r != unicode.ReplacementChar {
				return "ok", true
			}
		}
		return "", false
	}
	if len(ws) > 8 {
		return "", false
	}
	var kept []string
	for _, w := range ws {
		if laughRE.MatchString(w) {
			kind = "laugh"
			continue
		}
		if !smallTalkFillers[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return kind, kind != ""
	}
	k, ok := smallTalkPhrases[strings.Join(kept, " ")]
	return k, ok
}

// chat answers small talk and counts it.
func (e *Engine) chat(ctx context.Context, r *request, kind string) ([]Reply, error) {
	e.countSmallTalk(ctx, r, kind)
	text, ok := r.t.SmallTalk[kind]
	if !ok {
		text = r.t.SmallTalk["ok"]
	}
	return []Reply{{Text: text}}, nil
}

// media answers a message without text (a photo, a voice note, a sticker, a
// document from someone who is no admin) with what the bot can read.
func (e *Engine) media(ctx context.Context, r *request) ([]Reply, error) {
	kind := r.msg.Media
	if kind == "" {
		kind = "document"
	}
	e.countSmallTalk(ctx, r, kind)
	return []Reply{{Text: r.t.MediaOnly}}, nil
}

func (e *Engine) countSmallTalk(ctx context.Context, r *request, kind string) {
	if r.stateOK {
		if err := e.store.SmallTalk(ctx, kind); e.storeErr(err) {
			r.stateOK = false
		}
	}
}

// maxSmallTalkWords bounds the greeting or thanks stripped from a question.
const maxSmallTalkWords = 5

// stripSmallTalk removes a greeting before a question and thanks after it
// ("chào bạn, cho hỏi số điện thoại ủy ban", "… ủy ban ở đâu, cảm ơn"), the
// longest greeting and the shortest thanks, since folded fillers ("bạn") may
// also be words of the question ("ban"):
// their words would only blur the search. A message that is nothing but
// small talk is left whole.
func stripSmallTalk(text string) string {
	if _, ok := smallTalk(text); ok {
		return text
	}
	tokens := strings.Fields(text)
	head := 0
	for k := min(maxSmallTalkWords, len(tokens)-1); k > 0; k-- {
		if _, ok := smallTalk(strings.Join(tokens[:k], " ")); ok && len(words(strings.Join(tokens[:k], " "))) > 0 {
			head = k
			break
		}
	}
	tokens = tokens[head:]
	// The shortest tail: "… ủy ban, cảm ơn bạn" keeps its "ban".
	for k := 1; k <= min(maxSmallTalkWords, len(tokens)-1); k++ {
		tail := strings.Join(tokens[len(tokens)-k:], " ")
		if _, ok := smallTalk(tail); ok && len(words(tail)) > 0 {
			tokens = tokens[:len(tokens)-k]
			break
		}
	}
	return strings.Join(tokens, " ")
}
