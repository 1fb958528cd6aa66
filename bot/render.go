package bot

import (
	"fmt"
	"hash/fnv"
	"html"
	"regexp"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// The kinds of list a chat can page through.
const (
	listSearch    = "search"   // answers to a question
	listDocuments = "docs"     // the documents cited (/nghiquyet)
	listDocument  = "doc"      // everything said about one document (/nghiquyet 18)
	listMergers   = "mergers"  // merger facts (/sapnhap)
	listContacts  = "contacts" // office contacts (/lienhe)
)

// esc escapes text for Telegram HTML.
func esc(s string) string { return html.EscapeString(s) }

// hitHTML renders a hit's text for Telegram HTML: escaped, the index's
// highlights in <b>. Spans out of order or bounds are skipped, never
// rendered half.
func hitHTML(h index.Hit) string {
	var b strings.Builder
	pos := 0
	for _, sp := range h.Highlights {
		if sp.Start < pos || sp.End <= sp.Start || sp.End > len(h.Text) {
			continue
		}
		b.WriteString(esc(h.Text[pos:sp.Start]))
		b.WriteString("<b>")
		b.WriteString(esc(h.Text[sp.Start:sp.End]))
		b.WriteString("</b>")
		pos = sp.End
	}
	b.WriteString(esc(h.Text[pos:]))
	return b.String()
}

// LeadIn is what precedes an answer to a question asked in English: the
// answer is the published Vietnamese text. Empty for other questions.
func LeadIn(res index.Result) string {
	if !res.English {
		return ""
	}
	return catalog[en].FromVietnamese
}

// bareDomain is a web address written without its scheme: a host name of
// two or more labels ending in letters, optionally a path, no spaces.
var bareDomain = regexp.MustCompile(`^(?i)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:/\S*)?$`)

// link renders a source as a link when it is a web address, as text otherwise.
func link(url, text string) string {
	if text == "" {
		text = url
	}
	if strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://") {
		return `<a href="` + esc(url) + `">` + esc(text) + `</a>`
	}
	if bareDomain.MatchString(url) {
		// "www.txkyanh.hatinh.gov.vn" as the portal prints it: a link all
		// the same.
		return `<a href="https://` + esc(url) + `">` + esc(text) + `</a>`
	}
	if url != "" && url != text {
		return esc(text) + " (" + esc(url) + ")"
	}
	return esc(text)
}

// articleLine is the "📰 title · date" line naming where something was said.
func articleLine(r *request, a *content.Article) string {
	if a == nil {
		return ""
	}
	s := "📰 " + link(a.Source, a.Title)
	if a.Date != "" {
		s += " · " + f(r.t.Published, a.Date)
	}
	return s
}

// shortKey is a short, stable key for an ID that may be too long for callback
// data (at most 64 bytes): 10 hex digits of its FNV-1a hash.
func shortKey(id string) string {
	h := fnv.New64a()
	h.Write([]byte(id))
	return fmt.Sprintf("%010x", h.Sum64()>>24)
}

// article finds an article by ID.
func (e *Engine) article(id string) *content.Article {
	c := e.corpus()
	for i := range c.Articles {
		if c.Articles[i].ID == id {
			return &c.Articles[i]
		}
	}
	return nil
}

// articleByKey finds an article by its shortKey.
func (e *Engine) articleByKey(key string) *content.Article {
	c := e.corpus()
	for i := range c.Articles {
		if shortKey(c.Articles[i].ID) == key {
			return &c.Articles[i]
		}
	}
	return nil
}

// listPage renders one page of a list and remembers where it ends. A new list
// (offset 0 from a command) gets a new sequence number, so buttons of an older
// list can be told apart.
func (e *Engine) listPage(r *request, kind, query, head string, items []string, offset, size int, edit bool) Reply {
	if offset == 0 && !edit {
		r.st.List = List{Kind: kind, Query: query, Seq: r.st.List.Seq + 1}
	}
	if offset >= len(items) {
		r.st.List.Offset = len(items)
		return Reply{Text: r.t.NoMore}
	}
	end := min(offset+size, len(items))
	if r.st.List.Kind != kind {
		r.st.List.keep(nil, 0, "") // search results kept for another list
	}
	r.st.List.Kind, r.st.List.Query, r.st.List.Offset = kind, query, end
	if offset > 0 {
		head += " — " + f(r.t.Page, offset/size+1)
	}
	reply := Reply{Text: head + "\n\n" + strings.Join(items[offset:end], "\n\n")}
	if end < len(items) {
		reply.Buttons = [][]Button{{e.moreButton(r, end)}}
	}
	if edit {
		reply.EditMessageID = r.msg.MessageID
		reply.Notice = f(r.t.Page, offset/size+1)
	}
	return reply
}
