package bot

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// Pages of the document flows.
const (
	docsPage      = 10 // the list is numbered, and a bare number picks from it
	citationsPage = 4
)

// docEntry is one cited document, over all the articles that cite it.
type docEntry struct {
	content.Document // the first citation, with a date when any citation has one
	Cites            []citation
}

type citation struct {
	Sentence string
	Article  *content.Article
}

// allDocuments lists the cited documents, deduplicated by ID, in the order the
// corpus first cites them.
func (e *Engine) allDocuments() []docEntry {
	c := e.corpus()
	var out []docEntry
	at := map[string]int{}
	for i := range c.Articles {
		a := &c.Articles[i]
		for _, d := range a.Documents {
			j, ok := at[d.ID]
			if !ok {
				j = len(out)
				at[d.ID] = j
				out = append(out, docEntry{Document: d})
			}
			if out[j].Date == "" {
				out[j].Date = d.Date
			}
			dup := false
			for _, c := range out[j].Cites {
				dup = dup || c.Sentence == d.Sentence
			}
			if !dup && d.Sentence != "" {
				out[j].Cites = append(out[j].Cites, citation{d.Sentence, a})
			}
		}
	}
	return out
}

func (e *Engine) documentByID(id string) (docEntry, bool) {
	for _, d := range e.allDocuments() {
		if d.ID == id {
			return d, true
		}
	}
	return docEntry{}, false
}

// docTitle is "Nghị quyết 18-NQ/TW (29/6/2016)", in bold.
func docTitle(r *request, d content.Document) string {
	s := "<b>" + esc(strings.TrimSpace(d.TypeName+" "+d.ID)) + "</b>"
	if d.Date != "" {
		s += " (" + f(r.t.Date, d.Date) + ")"
	}
	return s
}

var digits = regexp.MustCompile(`\d+`)

// matchDocuments returns the documents a reference or filter names: "18",
// "18-NQ/TW", "NQ18" and "nghị quyết 18" name by number (and type or issuer
// codes when given); words without a number filter by type.
func (e *Engine) matchDocuments(query string) []docEntry {
	all := e.allDocuments()
	if strings.TrimSpace(query) == "" {
		return all
	}
	codes := map[string]bool{}
	for _, d := range all {
		codes[fold(d.Type)] = true
		codes[fold(d.Issuer)] = true
	}
	num := digits.FindString(query)
	var tokens []string
	for _, w := range strings.FieldsFunc(fold(query), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		if codes[w] {
			tokens = append(tokens, w)
		}
	}
	fq := strings.Join(words(query), " ")
	var out []docEntry
	for _, d := range all {
		if num != "" {
			if n, _ := strconv.Atoi(num); strconv.Itoa(n) != strings.TrimLeft(d.Number, "0") {
				continue
			}
			ok := true
			for _, t := range tokens {
				ok = ok && (t == fold(d.Type) || t == fold(d.Issuer))
			}
			if ok {
				out = append(out, d)
			}
			continue
		}
		if strings.Contains(strings.Join(words(d.TypeName+" "+d.ID), " "), fq) {
			out = append(out, d)
		}
	}
	return out
}

// documents is /nghiquyet: the list, or everything about one document.
func (e *Engine) documents(ctx context.Context, r *request, args string) ([]Reply, error) {
	if args != "" {
		docs := e.matchDocuments(args)
		switch {
		case len(docs) == 0:
			return []Reply{{Text: f(r.t.DocNotFound, args)}}, nil
		case len(docs) == 1 && digits.MatchString(args):
			return e.documentPage(r, docs[0].ID, 0, false), nil
		}
	}
	return []Reply{e.documentList(r, args, 0, false)}, nil
}

// documentList renders a page of the numbered list of documents.
func (e *Engine) documentList(r *request, filter string, offset int, edit bool) Reply {
	docs := e.matchDocuments(filter)
	if len(docs) == 0 {
		return Reply{Text: r.t.DocsNone}
	}
	items := make([]string, len(docs))
	for i, d := range docs {
		var titles []string
		seen := map[string]bool{}
		for _, c := range d.Cites {
			if !seen[c.Article.ID] {
				seen[c.Article.ID] = true
				titles = append(titles, "<i>"+esc(c.Article.Title)+"</i>")
			}
		}
		items[i] = strconv.Itoa(i+1) + ". " + docTitle(r, d.Document)
		if len(titles) > 0 {
			items[i] += "\n    📰 " + strings.Join(titles, "; ")
		}
	}
	head := r.t.DocsHead + "\n<i>" + r.t.DocsPick + "</i>"
	reply := e.listPage(r, listDocuments, filter, head, items, offset, docsPage, edit)
	// A button per document on the page, labelled with its number in the
	// list, then "Xem thêm".
	more := reply.Buttons
	reply.Buttons = nil
	var row []Button
	for i := offset; i < min(offset+docsPage, len(docs)); i++ {
		if d := data(cbDocument, docs[i].ID); d != "" {
			row = append(row, Button{Text: strconv.Itoa(i+1) + ". " + docs[i].ID, Data: d})
		}
		if len(row) == 2 {
			reply.Buttons = append(reply.Buttons, row)
			row = nil
		}
	}
	if len(row) > 0 {
		reply.Buttons = append(reply.Buttons, row)
	}
	reply.Buttons = append(reply.Buttons, more...)
	return reply
}

// documentAt answers a bare number after a document list.
func (e *Engine) documentAt(ctx context.Context, r *request, n int) ([]Reply, error) {
	docs := e.matchDocuments(r.st.List.Query)
	if n > len(docs) {
		return []Reply{{Text: f(r.t.DocNoNumber, n)}}, nil
	}
	return e.documentPage(r, docs[n-1].ID, 0, false), nil
}

// document answers a document button.
func (e *Engine) document(ctx context.Context, r *request, id string) ([]Reply, error) {
	if _, ok := e.documentByID(id); !ok {
		return []Reply{{Notice: r.t.Stale, Text: f(r.t.DocNotFound, id)}}, nil
	}
	return e.documentPage(r, id, 0, false), nil
}

// documentPage renders everything the corpus says about one document.
func (e *Engine) documentPage(r *request, id string, offset int, edit bool) []Reply {
	d, ok := e.documentByID(id)
	if !ok {
		return []Reply{{Text: f(r.t.DocNotFound, id)}}
	}
	items := make([]string, len(d.Cites))
	for i, c := range d.Cites {
		items[i] = "«" + highlight(c.Sentence, d.ID) + "»\n" + articleLine(r, c.Article)
	}
	head := docTitle(r, d.Document) + "\n" + esc(r.t.CitedIn)
	return []Reply{e.listPage(r, listDocument, id, head, items, offset, citationsPage, edit)}
}

// highlight escapes s and puts the first occurrence of the document's number
// in bold.
func highlight(s, id string) string {
	num, _, _ := strings.Cut(id, "-")
	i := strings.Index(s, num+"-")
	if num == "" || i < 0 {
		return esc(s)
	}
	j := i + len(num)
	for j < len(s) && s[j] != ' ' && s[j] != ',' && s[j] != ';' && s[j] != ')' {
		j++
	}
	return esc(s[:i]) + "<b>" + esc(s[i:j]) + "</b>" + esc(s[j:])
}
