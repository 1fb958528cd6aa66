package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// article is a generated article with what its file needs beyond the
// content.Article: the header and footer lines.
type article struct {
	content.Article
	copyright string
}

var categories = []string{"Tin tức", "Chính trị", "Kinh tế", "Văn hóa - Xã hội", "Xây dựng Đảng"}

// article writes article i. Each article has its own random stream, so
// article i is the same whatever else is generated.
func (w *world) article(i, words int) article {
	r := rand.New(rand.NewPCG(uint64(w.seed), uint64(i)+1<<32))
	p := &w.places[r.IntN(len(w.places))]
	id := fmt.Sprintf("a%06d", i)
	a := article{Article: content.Article{
		ID:        id,
		Path:      id + ".txt",
		Format:    content.FormatText,
		Title:     capitalize(p.name) + " " + w.phrase(r, 6+r.IntN(5)),
		Source:    "https://" + p.site + "/tin-tuc/" + id,
		Site:      p.site,
		Date:      fmt.Sprintf("%d-%02d-%02d", 2016+r.IntN(9), 1+r.IntN(12), 1+r.IntN(28)),
		Category:  categories[r.IntN(len(categories))],
		Synthetic: true,
	}}
	a.copyright = fmt.Sprintf("@%d - Ghi rõ nguồn \"%s\" khi phát hành lại thông tin từ Website này", 2015+r.IntN(10), p.site)

	// The fact sentences, then filler up to the length asked for; facts go
	// at random places, most often near the top as news writing puts them.
	type fact struct {
		text   string
		docs   []content.Document
		merger *content.Merger
	}
	var facts []fact
	nDocs := 1
	if r.IntN(2) == 0 {
		nDocs++
	}
	if r.IntN(5) == 0 {
		nDocs++
	}
	for range nDocs {
		text, ds := w.citation(r, p)
		facts = append(facts, fact{text: text, docs: ds})
	}
	if r.IntN(5) < 2 {
		text, m := w.mergerSentence(r, p)
		facts = append(facts, fact{text: text, merger: &m})
	}
	var sentences []fact
	total := 0
	for _, f := range facts {
		total += len(strings.Fields(f.text))
	}
	for total < words {
		s := w.sentence(r, p)
		total += len(strings.Fields(s))
		sentences = append(sentences, fact{text: s})
	}
	for _, f := range facts {
		at := r.IntN(len(sentences) + 1)
		if r.IntN(2) == 0 {
			at = r.IntN(min(3, len(sentences)) + 1)
		}
		sentences = append(sentences[:at], append([]fact{f}, sentences[at:]...)...)
	}

	// Paragraphs of two to five sentences.
	for len(sentences) > 0 {
		n := min(len(sentences), 2+r.IntN(4))
		pi := len(a.Paragraphs)
		var texts []string
		for _, s := range sentences[:n] {
			texts = append(texts, s.text)
			for _, d := range s.docs {
				d.Sentence, d.Paragraph = s.text, pi
				a.Documents = append(a.Documents, d)
			}
			if s.merger != nil {
				m := *s.merger
				m.Sentence, m.Paragraph = s.text, pi
				a.Mergers = append(a.Mergers, m)
			}
		}
		a.Paragraphs = append(a.Paragraphs, strings.Join(texts, " "))
		sentences = sentences[n:]
	}
	a.Contacts = []content.Contact{p.contact}
	a.Contacts[0].Lines = append([]string(nil), p.contact.Lines...)
	return a
}

// sentence is a filler sentence of 12 to 30 syllables, now and then naming
// the article's place or a number, with a comma here and there.
func (w *world) sentence(r *rand.Rand, p *place) string {
	target := 12 + r.IntN(16)
	var parts []string
	count := 0
	for count < target {
		var word string
		switch x := r.IntN(100); {
		case x < 2:
			word = p.name
		case x < 3:
			word = fmt.Sprintf("năm %d", 2010+r.IntN(15))
		case x < 4:
			word = fmt.Sprintf("%d %s", 2+r.IntN(300), []string{"hộ", "người", "đảng viên", "hội viên", "cán bộ"}[r.IntN(5)])
		default:
			word = w.v.word(r)
		}
		if len(parts) > 0 && parts[len(parts)-1] == word {
			continue
		}
		parts = append(parts, word)
		count += strings.Count(word, " ") + 1
	}
	for k := 1; k < len(parts)-1; k++ {
		if r.IntN(14) == 0 {
			parts[k] += ","
		}
	}
	return capitalize(strings.Join(parts, " ")) + "."
}

var citationLeads = []string{"Thực hiện", "Triển khai", "Căn cứ", "Theo", "Quán triệt"}

// citation is a sentence citing one document, or two joined by "và", in one
// of the spellings portals use, and the documents in the order cited.
func (w *world) citation(r *rand.Rand, p *place) (string, []content.Document) {
	d1 := w.docs[zipfPick(r, len(w.docs))]
	cited := []doc{d1}
	if r.IntN(5) == 0 {
		if d2 := w.docs[r.IntN(len(w.docs))]; d2.id() != d1.id() {
			cited = append(cited, d2)
		}
	}
	var refs []string
	dated := map[string]bool{}
	for _, d := range cited {
		ref, withDate := w.reference(r, d)
		refs = append(refs, ref)
		dated[d.id()] = withDate
	}
	last := cited[len(cited)-1]
	text := citationLeads[r.IntN(len(citationLeads))] + " " + strings.Join(refs, " và ") +
		" của " + last.issuerName + " " + last.subject + ", " + p.name + " " + w.phrase(r, 6+r.IntN(8)) + "."
	var out []content.Document
	for _, d := range cited {
		cd := content.Document{ID: d.id(), Number: d.number, Type: d.typ, Issuer: d.issuer, TypeName: d.typeName}
		if dated[d.id()] {
			cd.Date = d.date
		}
		out = append(out, cd)
	}
	return text, out
}

// reference names a document: "Nghị quyết số 18-NQ/TW", "Kế hoạch số 30-
// KH/ThU", "Kết luận 05-KL/TU ngày 29/6/2016" … and says whether it gave the
// document's date.
func (w *world) reference(r *rand.Rand, d doc) (string, bool) {
	s := d.typeName + " "
	if r.IntN(4) != 0 {
		s += "số "
	}
	s += spelled(d, r.IntN(len(partySpellings)))
	if r.IntN(5) < 3 {
		return s + " ngày " + d.date, true
	}
	return s, false
}

// partySpellings are the ways portals write "18-NQ/TW": with and without
// spaces around the dash, and the dotted issuer "Th.U".
var partySpellings = []string{"%s-%s/%s", "%s- %s/%s", "%s - %s/%s", "%s -%s/%s"}

func spelled(d doc, variant int) string {
	issuer := d.issuer
	if d.state {
		if variant%2 == 1 {
			return d.number + "/" + d.typ + " - " + issuer
		}
		return d.number + "/" + d.typ + "-" + issuer
	}
	if issuer == "ThU" && variant >= 2 {
		issuer = "Th.U"
	}
	return fmt.Sprintf(partySpellings[variant], d.number, d.typ, issuer)
}

// Spellings lists every way this package writes a document number, so a
// question's expected answer can accept any of them.
func Spellings(number, typ, issuer string, state bool) []string {
	d := doc{number: number, typ: typ, issuer: issuer, state: state}
	var out []string
	seen := map[string]bool{}
	for v := range partySpellings {
		if s := spelled(d, v); !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// mergerSentence reports the place's reorganisation in one of four shapes.
func (w *world) mergerSentence(r *rand.Rand, p *place) (string, content.Merger) {
	m := p.merger
	switch r.IntN(4) {
	case 0:
		from, to := fmt.Sprintf("%d thôn, TDP", m.from), fmt.Sprintf("%d thôn, TDP", m.to)
		return fmt.Sprintf("Thực hiện chủ trương sáp nhập thôn, tổ dân phố, %s đã giảm từ %s xuống còn %s.", p.name, from, to),
			content.Merger{Kind: "sáp nhập", Counts: []string{from, to}}
	case 1:
		from, to := fmt.Sprintf("%d thôn, tổ dân phố", m.from), fmt.Sprintf("%d thôn, tổ dân phố", m.to)
		return fmt.Sprintf("Đến năm %d, %s giảm từ %s xuống còn %s.", m.year, p.name, from, to),
			content.Merger{Kind: "giảm", Counts: []string{from, to}, Years: []int{m.year}}
	case 2:
		return fmt.Sprintf("Trên cơ sở hợp nhất %s và %s, %s thành lập 01 tổ chức hội mới trong năm %d.", m.hoiA, m.hoiB, p.name, m.year),
			content.Merger{Kind: "hợp nhất", Counts: []string{"01 tổ chức hội"}, Years: []int{m.year}}
	default:
		return fmt.Sprintf("Sáp nhập 3 xã %s, %s và %s thành %s từ ngày %s.",
				strings.TrimPrefix(m.parts[0], "xã "), strings.TrimPrefix(m.parts[1], "xã "), strings.TrimPrefix(m.parts[2], "xã "), p.name, m.since),
			content.Merger{Kind: "sáp nhập", Counts: []string{"3 xã"}}
	}
}

// zipfPick favours low indexes, so a few documents are cited everywhere (as
// a national resolution is) and most only here and there.
func zipfPick(r *rand.Rand, n int) int {
	i := int(float64(n) * r.Float64() * r.Float64() * r.Float64())
	return min(i, n-1)
}

// text is the article as a portal text file.
func (a article) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "source: %s\ntitle: %s\ndate: %s\ncategory: %s\nsynthetic: true\n\n", a.Source, a.Title, a.Date, a.Category)
	for _, p := range a.Paragraphs {
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	for _, c := range a.Contacts {
		for _, l := range c.Lines {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	b.WriteString(a.copyright)
	b.WriteByte('\n')
	return b.String()
}
