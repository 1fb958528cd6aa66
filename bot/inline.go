package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/kyanhbot/kyanhbot/index"
)

// maxInline is how many answers an inline query offers: a short list to
// pick from while typing "@bot question" in another chat.
const maxInline = 5

// inline answers an inline query with the best passages, each a message
// that stands alone: the sentence, the documents it cites, its article with
// the source link. Nothing personal goes into them and no state is kept, so
// Telegram may cache them for everyone who types the same query.
func (e *Engine) inline(ctx context.Context, m Message) ([]Reply, error) {
	q, _ := clip(clean(m.Text))
	if len([]rune(q)) < 2 {
		return []Reply{{}}, nil
	}
	r := &request{msg: m}
	r.lang, r.t = e.language0(m, ChatState{})
	res, err := e.search.Search(Preview(ctx), q, index.Options{Limit: maxInline})
	if err != nil {
		return []Reply{{}}, fmt.Errorf("bot: inline search: %w", err)
	}
	if !res.Found {
		return []Reply{{}}, nil
	}
	var out []Result
	for _, h := range res.Hits[:min(len(res.Hits), maxInline)] {
		body := hitHTML(h)
		if c := e.contactOf(h); c != nil {
			body = contactHTML(r, *c)
		}
		a := e.article(h.ArticleID)
		text := body
		if about := lines(e.citations(r, h), articleLine(r, a)); about != "" {
			text += "\n\n" + about
		}
		desc := h.Title
		if h.Date != "" {
			desc = strings.TrimSpace(desc + " · " + h.Date)
		}
		res := Result{ID: shortKey(h.ID), Title: clipRunes(firstLine(h.Text), 80), Description: clipRunes(desc, 120), Text: text}
		if a != nil {
			res.URL = webURL(a.Source)
		}
		out = append(out, res)
	}
	return []Reply{{Results: out}}, nil
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// webURL is a source as a URL Telegram accepts, or "" when it is no web
// address.
func webURL(s string) string {
	switch {
	case strings.HasPrefix(s, "https://"), strings.HasPrefix(s, "http://"):
		return s
	case bareDomain.MatchString(s):
		return "https://" + s
	}
	return ""
}

type previewKey struct{}

// Preview marks ctx as an inline query's: a search made while someone types,
// which statistics should not count as a question asked (package
// bot/admin's Recorder skips it).
func Preview(ctx context.Context) context.Context {
	return context.WithValue(ctx, previewKey{}, true)
}

// IsPreview reports whether ctx is an inline query's (see Preview).
func IsPreview(ctx context.Context) bool {
	v, _ := ctx.Value(previewKey{}).(bool)
	return v
}
