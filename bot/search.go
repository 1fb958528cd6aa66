package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// searchPage is how many other results "Xem thêm" shows at a time; the first
// reply shows the one best answer.
const searchPage = 3

// find is /tim: search for the argument, or ask for the question and take the
// next message as it.
func (e *Engine) find(ctx context.Context, r *request, args string) ([]Reply, error) {
	if args == "" {
		r.st.wait(r.msg.UserID, "tim")
		return []Reply{r.askWhat()}, nil
	}
	return e.ask(ctx, r, args)
}

// ask answers a free-text question with its best passage or fact.
func (e *Engine) ask(ctx context.Context, r *request, question string) ([]Reply, error) {
	q, clipped := clip(question)
	q = stripSmallTalk(q)
	if !searchable(q) {
		// "???", "…", a lone "/", "a", "là gì": no word to search.
		// Asked what they want to know rather than told that nothing
		// answers it — and not counted as a question nobody answered.
		return []Reply{r.askWhat()}, nil
	}
	note := ""
	if clipped {
		note = f(r.t.Truncated, maxQuestion)
	}
	// Read before searching: a reload in between makes the kept page
	// look old, and it is searched again, rather than the reverse.
	gen := e.generation()
	res, err := e.search.Search(ctx, q, index.Options{Limit: 1 + searchPage})
	if err != nil {
		return []Reply{{Text: r.t.SearchFailed}}, fmt.Errorf("bot: search: %w", err)
	}
	hit, ok := res.Answer()
	if !ok {
		return []Reply{e.noAnswer(ctx, r, q, res, note)}, nil
	}
	r.st.List = List{Kind: listSearch, Query: q, Offset: 1, Seq: r.st.List.Seq + 1}
	// The search already found the first page of "more".
	r.st.List.keep(res.Hits[1:], res.Total, gen)
	if hit.Kind == index.KindContact {
		if c := e.contactIn(hit.Text); c != nil {
			r.st.Contact = c.Office
		}
	}
	body := hitHTML(hit)
	if c := e.contactOf(hit); c != nil {
		// The same block as /lienhe and the no-answer reply: icons, and
		// labels in the user's language.
		body = contactHTML(r, *c)
	}
	text := lines(note, leadIn(res), body)
	if about := lines(e.citations(r, hit), articleLine(r, e.article(hit.ArticleID))); about != "" {
		text += "\n\n" + about
	}
	row := []Button{}
	if res.Total > 1 {
		row = append(row, e.moreButton(r, 1))
	}
	if d := data(cbSource, shortKey(hit.ArticleID)); d != "" && hit.ArticleID != "" {
		row = append(row, Button{Text: r.t.Source, Data: d})
	}
	if link := e.shareLink(ctx, r, q); link != "" {
		row = append(row, Button{Text: r.t.Share, URL: link})
	}
	key := shortKey(hit.ID)
	buttons := [][]Button{{{Text: "👍", Data: data(cbVote, "u", key)}, {Text: "👎", Data: data(cbVote, "d", key)}}}
	if len(row) > 0 {
		buttons = append([][]Button{row}, buttons...)
	}
	return []Reply{{Text: text, Buttons: buttons}}, nil
}

func leadIn(res index.Result) string {
	if l := LeadIn(res); l != "" {
		return "<i>" + esc(l) + "</i>"
	}
	return ""
}

// noAnswer says plainly that nothing answers the question, offers the office
// contacts, and counts the question (anonymised) for the admins.
func (e *Engine) noAnswer(ctx context.Context, r *request, q string, res index.Result, note string) Reply {
	if r.stateOK {
		if err := e.store.Unanswered(ctx, anonymise(q)); e.storeErr(err) {
			r.stateOK = false
		}
	}
	e.log.Info("unanswered question", "chat_id", r.msg.ChatID)
	// No list to page, but the question is kept: the staff button below
	// passes it on.
	r.st.List = List{Seq: r.st.List.Seq, Query: q}
	contacts := res.Contacts
	if len(contacts) == 0 {
		contacts = e.allContacts()
	}
	text := lines(note, r.t.NoAnswer)
	if m := res.Maybe; m != nil {
		// Not the answer, but close: a citizen whose words no page
		// writes still finds the passage, told that it may not be it.
		text += "\n\n" + lines(r.t.Maybe, hitHTML(*m), articleLine(r, e.article(m.ArticleID)))
	}
	if offer := contactOffer(r, contacts); offer != "" {
		text += "\n\n" + offer
	}
	reply := Reply{Text: text}
	if e.opts.StaffLine {
		reply.Buttons = [][]Button{{{Text: r.t.StaffButton, Data: CallbackStaff}}}
	}
	return reply
}

// citations names the documents a hit cites, with their dates.
func (e *Engine) citations(r *request, h index.Hit) string {
	var out []string
	for _, id := range h.Documents {
		d, ok := e.documentByID(id)
		if !ok {
			out = append(out, "📄 "+esc(id))
			continue
		}
		out = append(out, "📄 "+docTitle(r, d.Document))
	}
	return strings.Join(out, "\n")
}

// searchPage shows the next results of the last question: those kept from
// the last search when they are still good, else found by searching again
// (two pages' worth, and the second kept for the next press).
func (e *Engine) searchPage(ctx context.Context, r *request, offset int, edit bool) ([]Reply, error) {
	gen := e.generation()
	page, ok := r.st.List.kept(offset, gen)
	total := r.st.List.Total
	if !ok {
		res, err := e.search.Search(ctx, r.st.List.Query, index.Options{Offset: offset, Limit: 2 * searchPage})
		if err != nil {
			return []Reply{{Text: r.t.SearchFailed}}, fmt.Errorf("bot: search page: %w", err)
		}
		if !res.Found || len(res.Hits) == 0 {
			r.st.List.Offset = offset
			r.st.List.keep(nil, 0, "")
			return []Reply{{Text: r.t.NoMore}}, nil
		}
		shown := res.Hits[:min(len(res.Hits), searchPage)]
		page = make([]PageItem, len(shown))
		for i, h := range shown {
			page[i] = PageItem{HTML: hitHTML(h), ArticleID: h.ArticleID}
		}
		r.st.List.keep(res.Hits[len(shown):], res.Total, gen)
		total = res.Total
	} else {
		r.st.List.keep(nil, 0, "")
	}
	var items []string
	for i, h := range page {
		items = append(items, lines(fmt.Sprintf("<b>%d.</b> %s", offset+i+1, h.HTML), articleLine(r, e.article(h.ArticleID))))
	}
	end := offset + len(page)
	r.st.List.Offset = end
	pageNo := (offset-1)/searchPage + 2 // page 1 is the answer itself
	reply := Reply{Text: f(r.t.Page, pageNo) + "\n\n" + strings.Join(items, "\n\n")}
	if end < total {
		reply.Buttons = [][]Button{{e.moreButton(r, end)}}
	}
	if edit {
		// In place, as list pages are: the chat does not fill up with pages.
		reply.EditMessageID = r.msg.MessageID
		reply.Notice = f(r.t.Page, pageNo)
	}
	return []Reply{reply}, nil
}

// sourceReply tells where an answer comes from.
func (e *Engine) sourceReply(r *request, a *content.Article) Reply {
	title := a.Title
	if title == "" {
		title = a.ID
	}
	text := lines("<b>"+esc(title)+"</b>",
		ifThen(a.Date != "", f(r.t.Published, a.Date)),
		ifThen(a.Author != "", esc(r.t.Author)+": "+esc(a.Author)),
		ifThen(a.Source != "", "🔗 "+link(a.Source, a.Source)),
		ifThen(a.Site != "" && a.Site != a.Source, "🌐 "+link(a.Site, a.Site)))
	reply := Reply{Text: text, Notice: r.t.Source}
	return reply
}

// vote records 👍/👎 on an answer.
func (e *Engine) vote(ctx context.Context, r *request, key string, up bool) ([]Reply, error) {
	if r.stateOK {
		err := e.store.Vote(ctx, r.msg.UserID, Vote{Key: key, Up: up, Time: e.opts.Now()})
		e.storeErr(err)
	}
	e.log.Info("feedback", "up", up, "unit", key)
	return []Reply{{Notice: r.t.Thanks}}, nil
}

func ifThen(cond bool, s string) string {
	if cond {
		return s
	}
	return ""
}
