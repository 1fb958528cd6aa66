package bot

import (
	"context"
	"strconv"
)

// start is /start: what the bot knows, and example questions as buttons.
func (e *Engine) start(ctx context.Context, r *request, _ string) ([]Reply, error) {
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
	return []Reply{{Text: text, Buttons: buttons}}, nil
}
