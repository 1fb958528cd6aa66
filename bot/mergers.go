package bot

import "context"

const mergersPage = 4

// mergers is /sapnhap: merger and reorganisation facts, optionally only those
// naming a unit.
func (e *Engine) mergers(ctx context.Context, r *request, args string) ([]Reply, error) {
	return []Reply{e.mergerList(r, args, 0, false)}, nil
}

func (e *Engine) mergerList(r *request, filter string, offset int, edit bool) Reply {
	c := e.corpus()
	m := newMatcher(filter, c.Glossary)
	var items []string
	seen := map[string]bool{}
	for i := range c.Articles {
		a := &c.Articles[i]
		for _, mg := range a.Mergers {
			if seen[mg.Sentence] || !m.match(mg.Sentence) {
				continue
			}
			seen[mg.Sentence] = true
			items = append(items, "• "+esc(mg.Sentence)+"\n"+articleLine(r, a))
		}
	}
	if len(items) == 0 {
		if m.empty() {
			return Reply{Text: r.t.NoMore}
		}
		return Reply{Text: f(r.t.MergersNone, filter)}
	}
	return e.listPage(r, listMergers, filter, r.t.MergersHead, items, offset, mergersPage, edit)
}
