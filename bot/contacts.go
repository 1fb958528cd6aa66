package bot

import (
	"context"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

const contactsPage = 3

// maxFollowUpWords bounds the words of a contact follow-up besides the field
// asked for: "hotline của công an xã Thử Nghiệm" is one, a paragraph that
// happens to say "điện thoại" is a question for search.
const maxFollowUpWords = 10

// offerMax is how many offices the no-answer reply offers, and offerBudget
// the runes their blocks may take: on a phone the citizen wants one or two
// offices to call, not a directory page; the rest are one /lienhe away.
const (
	offerMax    = 2
	offerBudget = 1500
)

// A contact block's extra lines are the publisher's, so there is no telling
// how many or how long; these keep one block to a screen or so.
const (
	maxExtras     = 8
	maxFieldRunes = 200
)

// contacts is /lienhe: office contacts, optionally only the offices named.
func (e *Engine) contacts(ctx context.Context, r *request, args string) ([]Reply, error) {
	return []Reply{e.contactList(r, args, 0, false)}, nil
}

func (e *Engine) contactList(r *request, filter string, offset int, edit bool) Reply {
	m := newMatcher(filter, e.corpus().Glossary)
	// Offices whose name matches come before those matched by their
	// address: "/lienhe công an xã Thử Nghiệm" wants that office first,
	// not the town's police on a street of the same name.
	var named, others []content.Contact
	for _, c := range e.allContacts() {
		switch {
		case m.match(c.Office):
			named = append(named, c)
		case m.match(c.Office + " " + strings.Join(c.Lines, " ")):
			others = append(others, c)
		}
	}
	shown := append(named, others...)
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
	head := r.t.ContactsHead
	if offset == 0 && len(shown) > contactsPage {
		// A directory page lists many offices: paging through them on a
		// phone is slow, naming one is quick.
		head += "\n" + f(r.t.ContactsHint, len(shown))
	}
	return e.listPage(r, listContacts, filter, head, items, offset, contactsPage, edit)
}

// contactOffer is the part of the no-answer reply that offers offices to
// ask: the first few, and how to find the others.
func contactOffer(r *request, contacts []content.Contact) string {
	var parts []string
	used := 0
	for _, c := range contacts {
		block := contactHTML(r, c)
		n := len([]rune(block))
		if len(parts) == offerMax || (len(parts) > 0 && used+n > offerBudget) {
			break
		}
		parts = append(parts, block)
		used += n
	}
	if len(parts) == 0 {
		return ""
	}
	r.st.Contact = contacts[0].Office
	text := r.t.TryContacts + "\n\n" + strings.Join(parts, "\n\n")
	if rest := len(contacts) - len(parts); rest > 0 {
		text += "\n\n" + f(r.t.ContactsMore, rest)
	}
	return text
}

// allContacts lists the office contacts of the corpus, one per office: the
// same portal footer is printed under every article.
func (e *Engine) allContacts() []content.Contact {
	c := e.corpus()
	var out []content.Contact
	seen := map[string]bool{}
	for _, a := range c.Articles {
		for _, ct := range a.Contacts {
			// A number stated in a sentence without an office ("liên hệ
			// số …") answers that sentence's question, not "which offices
			// can I call".
			if ct.Sentence != "" && ct.Office == "" {
				continue
			}
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

// contactLine is one labelled line of a contact block as the bot shows it.
type contactLine struct {
	kind  string // "address", "phone", "hotline", "fax", "email", "website", "hours", "person" or "" (another label)
	label string
	value string
}

// contactLines lists a contact's fields in the order the index shows them
// (address, phone, fax, email, website, the publisher's other lines, the
// person responsible), each with the label to show: the bot's own for the
// fields it knows, the publisher's for a qualified phone ("Điện thoại trực
// ban") and for the other lines, so a hotline stays a hotline.
func contactLines(r *request, c content.Contact) []contactLine {
	var out []contactLine
	add := func(kind, label, v string) {
		if v != "" {
			out = append(out, contactLine{kind, label, v})
		}
	}
	// The publisher's label, in Vietnamese; in another language the
	// bot's own for the kind of field it names.
	own := func(kind, label string) string {
		if r.lang == en && r.t.Fields[kind] != "" {
			return r.t.Fields[kind]
		}
		return label
	}
	add("address", r.t.Fields["address"], c.Address)
	if c.PhoneLabel != "" {
		kind := labelKind(c.PhoneLabel, "phone")
		add(kind, own(kind, c.PhoneLabel), c.Phone)
	} else {
		add("phone", r.t.Fields["phone"], c.Phone)
	}
	add("fax", r.t.Fields["fax"], c.Fax)
	add("email", r.t.Fields["email"], c.Email)
	add("website", r.t.Fields["website"], c.Website)
	for i, x := range c.Extra {
		if i == maxExtras {
			break
		}
		kind := labelKind(x.Label, "")
		add(kind, own(kind, x.Label), x.Value)
	}
	add("person", r.t.Fields["person"], c.Person)
	return out
}

// labelKind is the kind of field a publisher's label names, else def.
//
// The labels are the lexicon's, and the lexicon lists the hotline first, so
// "Số điện thoại đường dây nóng" is a hotline.
func labelKind(label, def string) string {
	l := " " + strings.Join(words(label), " ") + " "
	for _, f := range content.Lexicon.ContactFields {
		for _, p := range f.FoldedLabels() {
			if strings.Contains(l, " "+p+" ") {
				return f.Kind
			}
		}
	}
	return def
}

var contactIcons = map[string]string{
	"address": "📍", "phone": "☎️", "hotline": "📞", "fax": "📠", "email": "✉️",
	"website": "🌐", "hours": "🕒", "person": "👤",
}

// contactHTML renders a contact block.
func contactHTML(r *request, c content.Contact) string {
	var ls []string
	if c.Office != "" {
		ls = append(ls, "<b>"+esc(c.Office)+"</b>")
	}
	for _, l := range contactLines(r, c) {
		ls = append(ls, l.html())
	}
	if len(ls) <= 1 {
		for _, l := range c.Lines {
			ls = append(ls, esc(clipRunes(l, maxFieldRunes)))
		}
	}
	return strings.Join(ls, "\n")
}

// html renders the line as every contact block shows it: icon, label,
// value (a web site as a link).
func (l contactLine) html() string {
	icon, ok := contactIcons[l.kind]
	if !ok {
		icon = "▪️"
	}
	v := clipRunes(l.value, maxFieldRunes)
	value := esc(v)
	if l.kind == "website" && v == l.value {
		value = link(v, v)
	}
	return icon + " " + esc(l.label) + ": " + value
}

// clipRunes cuts s to n runes, marking the cut.
func clipRunes(s string, n int) string {
	if rs := []rune(s); len(rs) > n {
		return string(rs[:n-1]) + "…"
	}
	return s
}

// contactIn finds the contact a passage is about: the office its first line
// names, else the longest office name it quotes, else the one whose phone or
// e-mail it quotes. A directory page repeats the switchboard's number under
// several offices, so the name comes first.
func (e *Engine) contactIn(text string) *content.Contact {
	all := e.allContacts()
	first, _, _ := strings.Cut(text, "\n")
	ff, ft := fold(first), fold(text)
	best := -1
	for i, c := range all {
		o := fold(c.Office)
		if o == "" {
			continue
		}
		if o == ff {
			return &all[i]
		}
		if strings.Contains(ft, o) && (best < 0 || len(o) > len(fold(all[best].Office))) {
			best = i
		}
	}
	if best >= 0 {
		return &all[best]
	}
	for i, c := range all {
		if (c.Phone != "" && strings.Contains(text, c.Phone)) ||
			(c.Email != "" && strings.Contains(text, c.Email)) {
			return &all[i]
		}
	}
	return nil
}

// contactOf is the contact a contact hit shows, when the hit is one: the
// contact of its article whose office is the hit's first line, or whose
// lines are the hit's text. A passage, or a contact that cannot be told,
// is nil and keeps the index's wording.
func (e *Engine) contactOf(h index.Hit) *content.Contact {
	a := e.article(h.ArticleID)
	if h.Kind != index.KindContact || a == nil {
		return nil
	}
	first, _, _ := strings.Cut(h.Text, "\n")
	for i, c := range a.Contacts {
		if (c.Office != "" && fold(c.Office) == fold(first)) || strings.Join(c.Lines, "\n") == h.Text {
			return &a.Contacts[i]
		}
	}
	return nil
}

// contactFollowUp answers a contact question asked after a contact was
// shown: "còn số fax?" about that office, or "hotline của công an" about the
// office it names. A question naming no known office, or several equally,
// is left to search.
func (e *Engine) contactFollowUp(r *request, text string) (Reply, bool) {
	if r.st.Contact == "" {
		return Reply{}, false
	}
	field, rest := contactQuestion(text)
	if field == "" || len(rest) > maxFollowUpWords {
		return Reply{}, false
	}
	c, ok := e.pickContact(r, rest)
	if !ok {
		return Reply{}, false
	}
	r.st.Contact = c.Office
	return contactFieldReply(r, c, field), true
}

// pickContact finds the office a contact question is about: the one last
// shown when the question names none, else the one its words name, all of
// them (abbreviations expanded), with the most of its words — fillers too,
// as "an" in "công an" is also English. The office last shown wins a tie;
// another tie is no answer.
func (e *Engine) pickContact(r *request, rest []string) (content.Contact, bool) {
	var named []string
	for _, w := range rest {
		if !fillerWords[w] {
			named = append(named, w)
		}
	}
	all := e.allContacts()
	if len(named) == 0 {
		for _, c := range all {
			if fold(c.Office) == fold(r.st.Contact) {
				return c, true
			}
		}
		return content.Contact{}, false
	}
	m := newMatcher(strings.Join(named, " "), e.corpus().Glossary)
	best, bestScore, tie := -1, 0, false
	for i, c := range all {
		if c.Office == "" || !m.match(c.Office) {
			continue
		}
		have := map[string]bool{}
		for _, w := range words(c.Office) {
			have[w] = true
		}
		score := 0
		for _, w := range rest {
			if have[w] {
				score++
			}
		}
		current := fold(c.Office) == fold(r.st.Contact)
		switch {
		case best < 0 || score > bestScore:
			best, bestScore, tie = i, score, false
		case score == bestScore && current:
			best, tie = i, false
		case score == bestScore && fold(all[best].Office) != fold(r.st.Contact):
			tie = true
		}
	}
	if best < 0 || tie {
		return content.Contact{}, false
	}
	return all[best], true
}

// contactFieldReply answers a contact question about one office with the
// lines of the field asked for, labelled as the publisher labels them: "số
// điện thoại" of an office that only publishes "Điện thoại trực ban" gets
// that line, and its hotline too, since both are numbers to call.
func contactFieldReply(r *request, c content.Contact, field string) Reply {
	var out []string
	for _, l := range contactLines(r, c) {
		if l.kind == field || (field == "phone" && l.kind == "hotline") {
			out = append(out, l.html())
		}
	}
	if len(out) == 0 {
		name := r.t.Fields[field]
		return Reply{Text: f(r.t.FieldMissing, c.Office, strings.ToLower(name)) + "\n\n" + contactHTML(r, c)}
	}
	return Reply{Text: "<b>" + esc(c.Office) + "</b>\n" + strings.Join(out, "\n")}
}
