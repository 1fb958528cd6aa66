package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// Question is a generated question with the strings a right answer contains;
// an empty ExpectAny means the corpus does not answer it. The fields mirror
// index.Question, which this package cannot import (index's benchmarks import
// this package).
type Question struct {
	ID        string
	Question  string
	Kind      string // accented, unaccented, abbreviation, document, contact, merger, no-answer
	ExpectAny []string
}

// questionMix is how often each kind is asked, in percent: mostly phrases
// people remember from an article, typed with or without accents, then the
// facts the bot exists for.
var questionMix = []struct {
	kind    string
	percent int
}{
	{"accented", 28}, {"unaccented", 24}, {"abbreviation", 8}, {"document", 16},
	{"contact", 14}, {"merger", 8}, {"no-answer", 2},
}

// noAnswer are questions about things no synthetic article mentions.
var noAnswer = []string{
	"Giá vé xe buýt đi sân bay là bao nhiêu?",
	"What is the weather forecast for tomorrow?",
	"Lịch thi đấu bóng đá cuối tuần này?",
	"gio mo cua sieu thi dien may",
}

var phraseTails = []string{"", "", " là gì?", " như thế nào?", "?", " ở đâu?"}

// Questions draws n questions from c's text and facts. The same seed and
// corpus always give the same questions. c should come from Corpus: the
// merger and contact questions rely on its sentence shapes.
func Questions(seed int64, c *content.Corpus, n int) []Question {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e57))
	out := make([]Question, 0, n)
	if c == nil || len(c.Articles) == 0 {
		return out
	}
	for len(out) < n {
		kind := pickKind(r)
		a := &c.Articles[r.IntN(len(c.Articles))]
		q, ok := question(r, kind, a)
		if !ok {
			continue
		}
		q.ID = fmt.Sprintf("s%05d", len(out)+1)
		q.Kind = kind
		out = append(out, q)
	}
	return out
}

func pickKind(r *rand.Rand) string {
	x := r.IntN(100)
	for _, k := range questionMix {
		if x < k.percent {
			return k.kind
		}
		x -= k.percent
	}
	return questionMix[0].kind
}

func question(r *rand.Rand, kind string, a *content.Article) (Question, bool) {
	switch kind {
	case "accented", "unaccented":
		phrase, ok := phraseOf(r, a)
		if !ok {
			return Question{}, false
		}
		q := phrase
		if kind == "unaccented" {
			q = content.Fold(phrase)
		}
		return Question{Question: q + phraseTails[r.IntN(len(phraseTails))], ExpectAny: []string{phrase}}, true
	case "contact", "abbreviation":
		if len(a.Contacts) == 0 {
			return Question{}, false
		}
		return contactQuestion(r, kind, a.Contacts[0])
	case "document":
		if len(a.Documents) == 0 {
			return Question{}, false
		}
		return documentQuestion(r, a.Documents[r.IntN(len(a.Documents))])
	case "merger":
		if len(a.Mergers) == 0 || len(a.Contacts) == 0 {
			return Question{}, false
		}
		return mergerQuestion(a.Mergers[0], placeOf(a.Contacts[0]))
	default:
		return Question{Question: noAnswer[r.IntN(len(noAnswer))]}, true
	}
}

// phraseOf picks four to seven consecutive words of a passage that cites no
// document and reports no merger, without inner punctuation, so the phrase is
// a substring of the passage.
func phraseOf(r *rand.Rand, a *content.Article) (string, bool) {
	if len(a.Paragraphs) == 0 {
		return "", false
	}
	sents := content.Sentences(a.Paragraphs[r.IntN(len(a.Paragraphs))])
	s := sents[r.IntN(len(sents))]
	if strings.Contains(s, "/") || strings.Contains(s, " nhập ") || strings.Contains(s, " nhất ") || strings.Contains(s, "giảm từ") {
		return "", false
	}
	ws := strings.Fields(s)
	n := 4 + r.IntN(4)
	if len(ws) < n {
		return "", false
	}
	start := r.IntN(len(ws) - n + 1)
	win := ws[start : start+n]
	for _, w := range win[:n-1] {
		if strings.ContainsAny(w, ",.") {
			return "", false
		}
	}
	win[n-1] = strings.TrimRight(win[n-1], ",.")
	return strings.Join(win, " "), true
}

// placeOf is the place an office governs: "Ủy ban nhân dân xã X" → "xã X".
func placeOf(c content.Contact) string {
	return strings.TrimPrefix(c.Office, "Ủy ban nhân dân ")
}

func contactQuestion(r *rand.Rand, kind string, c content.Contact) (Question, bool) {
	office := c.Office
	if kind == "abbreviation" {
		office = "UBND " + placeOf(c)
	}
	type form struct {
		q, want string
	}
	forms := []form{
		{"Số điện thoại của " + office + " là gì?", c.Phone},
		{"email " + content.Fold(office), c.Email},
		{office + " ở địa chỉ nào?", c.Address},
	}
	if c.Fax != "" {
		forms = append(forms, form{"so fax " + content.Fold(office), c.Fax})
	}
	f := forms[r.IntN(len(forms))]
	return Question{Question: f.q, ExpectAny: []string{f.want}}, true
}

func documentQuestion(r *rand.Rand, d content.Document) (Question, bool) {
	state := strings.Contains(d.ID, "/"+d.Type+"-")
	spellings := Spellings(d.Number, d.Type, d.Issuer, state)
	switch x := r.IntN(4); {
	case x == 0 && d.Date != "":
		return Question{Question: d.TypeName + " số " + d.ID + " ban hành ngày nào?", ExpectAny: []string{d.Date}}, true
	case x == 1:
		return Question{Question: content.Fold(d.TypeName) + " " + d.Number + " " + content.Fold(d.Issuer), ExpectAny: spellings}, true
	case x == 2 && !state:
		return Question{Question: d.Type + strings.TrimLeft(d.Number, "0"), ExpectAny: spellings}, true
	default:
		return Question{Question: d.Number + " " + d.Type + " " + d.Issuer, ExpectAny: spellings}, true
	}
}

// mergerQuestion asks about a place's reorganisation in the words of the
// sentence shape that reported it (see mergerSentence).
func mergerQuestion(m content.Merger, place string) (Question, bool) {
	switch {
	case m.Kind == "hợp nhất":
		return Question{Question: place + " hợp nhất những hội nào?", ExpectAny: []string{m.Sentence}}, true
	case len(m.Counts) == 2:
		to, _, _ := strings.Cut(m.Counts[1], ",")
		return Question{Question: "Sau sáp nhập " + place + " còn bao nhiêu thôn, tổ dân phố?", ExpectAny: []string{to}}, true
	case len(m.Counts) == 1:
		return Question{Question: place + " được sáp nhập từ những xã nào?", ExpectAny: []string{m.Sentence}}, true
	}
	return Question{}, false
}
