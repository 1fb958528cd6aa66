package content

import "strings"

// compactChunk is about how much text one allocation of Compact holds: big
// enough that the allocations are few and page-sized (no size class's
// spare slots), small enough that one article's text is never copied
// twice to grow it.
const compactChunk = 1 << 20

// Compact lays out the articles' text again, each run of about a megabyte
// of articles in one string, and their lists (paragraphs, documents,
// mergers, contacts and theirs) in one slice per type, so that what a
// corpus keeps sits on pages of its own.
//
// Loading or generating a corpus leaves each kept string between the
// garbage made next to it (the sentences joined into a paragraph, the
// parser's tokens): after a collection the pages stay in use for the few
// strings left on them, and the runtime cannot return them. At 10,000
// synthetic articles 58 MB of objects held 87 MB of heap pages after
// generating; a serving process keeps the corpus as long as the index, so
// the difference is paid for as long as it serves.
//
// A document's or merger's sentence that its paragraph holds becomes a
// slice of the paragraph instead of a copy. Nothing else changes: every
// string keeps its value, every slice its elements. Compact is not safe
// while anything else reads c.
func (c *Corpus) Compact() {
	c.compactWith(func(b []byte) string { return string(b) })
}

// compactWith is Compact, with store giving each run of articles' text
// the string it is kept in.
func (c *Corpus) compactWith(store func([]byte) string) {
	if c == nil {
		return
	}
	// Every article's lists, in one slice per type, counted first so
	// that none grows (and leaves earlier articles on the old one).
	var n struct{ strs, ints, docs, mergers, contacts, fields int }
	for i := range c.Articles {
		a := &c.Articles[i]
		n.strs += len(a.Paragraphs)
		n.ints += len(a.TableRows)
		n.docs += len(a.Documents)
		n.mergers += len(a.Mergers)
		n.contacts += len(a.Contacts)
		for _, m := range a.Mergers {
			n.strs += len(m.Counts)
			n.ints += len(m.Years)
		}
		for _, ct := range a.Contacts {
			n.strs += len(ct.Lines)
			n.fields += len(ct.Extra)
		}
	}
	strs, ints := make([]string, 0, n.strs), make([]int, 0, n.ints)
	docs, mergers := make([]Document, 0, n.docs), make([]Merger, 0, n.mergers)
	contacts, fields := make([]Contact, 0, n.contacts), make([]Field, 0, n.fields)
	// Short strings repeat (a footer on every page, a date, a document's
	// code): each is kept once. Paragraphs are not looked up: they are
	// long and seldom repeat.
	kept := map[string]string{}
	type pending struct {
		s      *string
		off, n int
	}
	var todo []pending
	for from := 0; from < len(c.Articles); {
		var b []byte
		local := map[string]int{}
		to := from
		for ; to < len(c.Articles) && (to == from || len(b) < compactChunk); to++ {
			c.Articles[to].eachString(func(s *string) {
				v := *s
				if v == "" {
					return
				}
				short := len(v) <= maxShared
				if short {
					if k, ok := kept[v]; ok {
						*s = k
						return
					}
					if off, ok := local[v]; ok {
						todo = append(todo, pending{s, off, len(v)})
						return
					}
					local[v] = len(b)
				}
				todo = append(todo, pending{s, len(b), len(v)})
				b = append(b, v...)
			})
		}
		text := store(b)
		for _, p := range todo {
			*p.s = text[p.off : p.off+p.n]
			if p.n <= maxShared {
				kept[*p.s] = *p.s
			}
		}
		todo = todo[:0]
		for i := from; i < to; i++ {
			a := &c.Articles[i]
			a.Paragraphs = moveTo(&strs, a.Paragraphs)
			a.TableRows = moveTo(&ints, a.TableRows)
			a.Documents = moveTo(&docs, a.Documents)
			a.Mergers = moveTo(&mergers, a.Mergers)
			for j := range a.Mergers {
				m := &a.Mergers[j]
				m.Counts, m.Years = moveTo(&strs, m.Counts), moveTo(&ints, m.Years)
			}
			a.Contacts = moveTo(&contacts, a.Contacts)
			for j := range a.Contacts {
				ct := &a.Contacts[j]
				ct.Lines, ct.Extra = moveTo(&strs, ct.Lines), moveTo(&fields, ct.Extra)
			}
			a.sliceSentences()
		}
		from = to
	}
}

// moveTo copies s to the end of *arena, whose capacity was counted to hold
// it, and returns the copy with its capacity cut: appending to one
// article's list copies it instead of writing over the next article's.
func moveTo[T any](arena *[]T, s []T) []T {
	if s == nil {
		return nil
	}
	k := len(*arena)
	*arena = append(*arena, s...)
	return (*arena)[k:len(*arena):len(*arena)]
}

// maxShared is the longest string Compact keeps once however often it
// repeats.
const maxShared = 256

// eachString calls f with every string the article holds, in one fixed
// order, except the sentences its paragraphs hold (sliceSentences).
func (a *Article) eachString(f func(*string)) {
	for _, s := range []*string{&a.ID, &a.Path, &a.Title, &a.Source, &a.Site, &a.Date, &a.Category, &a.Author} {
		f(s)
	}
	for i := range a.Paragraphs {
		f(&a.Paragraphs[i])
	}
	for i := range a.Documents {
		d := &a.Documents[i]
		for _, s := range []*string{&d.ID, &d.Number, &d.Type, &d.Issuer, &d.TypeName, &d.Date} {
			f(s)
		}
		if !a.holds(d.Paragraph, d.Sentence) {
			f(&d.Sentence)
		}
	}
	for i := range a.Mergers {
		m := &a.Mergers[i]
		f(&m.Kind)
		if !a.holds(m.Paragraph, m.Sentence) {
			f(&m.Sentence)
		}
		for j := range m.Counts {
			f(&m.Counts[j])
		}
	}
	for i := range a.Contacts {
		ct := &a.Contacts[i]
		for _, s := range []*string{&ct.Office, &ct.Address, &ct.Phone, &ct.Fax, &ct.Email, &ct.Person, &ct.Website, &ct.PhoneLabel, &ct.Sentence} {
			f(s)
		}
		for j := range ct.Lines {
			f(&ct.Lines[j])
		}
		for j := range ct.Extra {
			f(&ct.Extra[j].Label)
			f(&ct.Extra[j].Value)
		}
	}
}

// holds reports whether paragraph p holds sentence s.
func (a *Article) holds(p int, s string) bool {
	return s != "" && p >= 0 && p < len(a.Paragraphs) && strings.Contains(a.Paragraphs[p], s)
}

// sliceSentences makes each document's and merger's sentence that its
// paragraph holds a slice of the paragraph.
func (a *Article) sliceSentences() {
	slice := func(p int, s *string) {
		if a.holds(p, *s) {
			k := strings.Index(a.Paragraphs[p], *s)
			*s = a.Paragraphs[p][k : k+len(*s)]
		}
	}
	for i := range a.Documents {
		slice(a.Documents[i].Paragraph, &a.Documents[i].Sentence)
	}
	for i := range a.Mergers {
		slice(a.Mergers[i].Paragraph, &a.Mergers[i].Sentence)
	}
}
