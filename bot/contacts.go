package bot

import (
	"context"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

const contactsPage = 3

// contacts is /lienhe: office contacts, optionally only the offices named.
func (e *Engine) contacts(ctx context.Context, r *request, args string) ([]Reply, error) {
	return []Reply{e.contactList(r, args, 0, false)}, nil
}

func (e *Engine) contactList(r *request, filter string, offset int, edit bool) Reply {
	m := newMatcher(filter, e.corpus().Glossary)
	var shown []content.Contact
	for _, c := range e.allContacts() {
		if m.match(c.Office + " " + strings.Join(c.Lines, " ")) {
			shown = append(shown, c)
		}
	}
	if len(shown) == 0 {
		if m.empty() {
			return Reply{Text: r.t.NoContacts}
		}
		return Reply{Text: f(r.t.ContactsNone, filter)}
	}
	items := make([]string, len(shown))
	for i, c := range shown {
		items[i] = contactHTML(r, c)
	}
	if offset < len(shown) {
		r.st.Contact = shown[offset].Office
	}
	return e.listPage(r, listContacts, filter, r.t.ContactsHead, items, offset, contactsPage, edit)
}

// allContacts lists the office contacts of the corpus, one per office: the
// same portal footer is printed under every article.
func (e *Engine) allContacts() []content.Contact {
	c := e.corpus()
	var out []content.Contact
	seen := map[string]bool{}
	for _, a := range c.Articles {
		for _, ct := range a.Contacts {
			k := fold(ct.Office)
			if k == "" {
				k = fold(strings.Join(ct.Lines, " "))
			}
			if !seen[k] {
				seen[k] = true
				out = append(out, ct)
			}
		}
	}
	return out
}

// contactHTML renders a contact block.
func contactHTML(r *request, c content.Contact) string {
	var ls []string
	if c.Office != "" {
		ls = append(ls, "<b>"+esc(c.Office)+"</b>")
	}
	for _, fl := range []struct{ icon, field, v string }{
		{"📍", "address", c.Address}, {"☎️", "phone", c.Phone}, {"📠", "fax", c.Fax},
		{"✉️", "email", c.Email}, {"👤", "person", c.Person}, {"🌐", "website", c.Website},
	} {
		if fl.v != "" {
			ls = append(ls, fl.icon+" "+esc(r.t.Fields[fl.field])+": "+esc(fl.v))
		}
	}
	if len(ls) <= 1 {
		for _, l := range c.Lines {
			ls = append(ls, esc(l))
		}
	}
	return strings.Join(ls, "\n")
}

// contactIn finds the contact a passage is about: one whose office, phone or
// e-mail it quotes.
func (e *Engine) contactIn(text string) *content.Contact {
	ft := fold(text)
	all := e.allContacts()
	for i, c := range all {
		if (c.Office != "" && strings.Contains(ft, fold(c.Office))) ||
			(c.Phone != "" && strings.Contains(text, c.Phone)) ||
			(c.Email != "" && strings.Contains(text, c.Email)) {
			return &all[i]
		}
	}
	return nil
}

// contactFieldReply answers "còn số fax?" from the contact last shown.
func (e *Engine) contactFieldReply(r *request, field string) (Reply, bool) {
	for _, c := range e.allContacts() {
		if fold(c.Office) != fold(r.st.Contact) {
			continue
		}
		v := map[string]string{"phone": c.Phone, "fax": c.Fax, "email": c.Email,
			"address": c.Address, "website": c.Website, "person": c.Person}[field]
		name := r.t.Fields[field]
		if v == "" {
			return Reply{Text: f(r.t.FieldMissing, c.Office, strings.ToLower(name)) + "\n\n" + contactHTML(r, c)}, true
		}
		return Reply{Text: "<b>" + esc(c.Office) + "</b>\n" + esc(name) + ": " + esc(v)}, true
	}
	return Reply{}, false
}
