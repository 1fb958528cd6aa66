package bot

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
	"golang.org/x/text/unicode/norm"
)

// maxQuestion is how much of a question is searched. Real questions are a
// sentence or two; a pasted page would only slow the search down and blur
// its answer.
const maxQuestion = 300

// clean makes incoming text safe to work with: valid UTF-8, NFC, no control
// characters, white space collapsed.
func clean(s string) string {
	s = content.RepairUTF8(s)
	s = norm.NFC.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// searchable reports whether a question has a word worth searching: two
// letters or digits or more, and not a function word ("là", "gì", "ai",
// "the"). "a", "5", "là gì?" have none: a search would bring back a passage
// at random, or "no answer" counted as a question nobody answered.
func searchable(q string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if utf8.RuneCountInString(w) >= 2 && !functionWords[w] {
			return true
		}
	}
	return false
}

// functionWords are the lexicon's Vietnamese and English function words, as
// written: typed without accents, "la" may be "lá", "ban" "ban", so only the
// exact form is one.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range slices.Concat(content.Lexicon.FunctionWords, content.Lexicon.EnglishFunctionWords) {
		m[strings.ToLower(norm.NFC.String(w))] = true
	}
	return m
}()

// clip shortens a question to maxQuestion runes, at a word boundary when one
// is near, and says whether it did.
func clip(s string) (string, bool) {
	r := []rune(s)
	if len(r) <= maxQuestion {
		return s, false
	}
	cut := maxQuestion
	for i := maxQuestion; i > maxQuestion-40; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimSpace(string(r[:cut])), true
}

// fold is content.Fold: accents, case and spelling variants ignored, the
// same folding search uses.
func fold(s string) string { return content.Fold(s) }

// words folds s and splits it into words, punctuation dropped.
func words(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// command splits "/cmd@bot args" into its lower-cased name, the bot it is
// addressed to and the arguments. ok is false when s is not a command.
func command(s string) (name, to, args string, ok bool) {
	if !strings.HasPrefix(s, "/") {
		return "", "", "", false
	}
	head, args, _ := strings.Cut(s[1:], " ")
	name, to, _ = strings.Cut(head, "@")
	return strings.ToLower(name), to, strings.TrimSpace(args), name != ""
}

// stripMention removes "@bot" from a group message.
func stripMention(s, username string) string {
	if username == "" {
		return s
	}
	re := regexp.MustCompile(`(?i)@` + regexp.QuoteMeta(strings.TrimPrefix(username, "@")) + `\b`)
	return strings.Join(strings.Fields(re.ReplaceAllString(s, " ")), " ")
}

// moreWords are the follow-ups that ask for the next page.
var moreWords = map[string]bool{
	"xem them": true, "tiep": true, "tiep theo": true, "tiep di": true, "them": true,
	"con gi nua": true, "con gi nua khong": true, "con nua": true, "con nua khong": true, "con khong": true,
	"nua": true, "more": true, "next": true, "show more": true, "what else": true, "anything else": true,
}

// isMore reports whether s asks for the next page.
func isMore(s string) bool {
	return moreWords[strings.Join(words(s), " ")]
}

// number returns the positive number s consists of, like "3" or "số 3".
func number(s string) (int, bool) {
	w := words(s)
	if len(w) == 2 && (w[0] == "so" || w[0] == "no" || w[0] == "number") {
		w = w[1:]
	}
	if len(w) != 1 {
		return 0, false
	}
	n, err := strconv.Atoi(w[0])
	return n, err == nil && n > 0 && n < 1_000_000
}

// fieldWords and fieldPhrases name the parts of a contact a follow-up can
// ask for: the lexicon's question phrases of each field, folded, split into
// single words and phrases of several. The lexicon lists the hotline before
// the phone, so a phrase naming both is the hotline.
var fieldWords, fieldPhrases = func() (map[string]string, []fieldPhrase) {
	ws := map[string]string{}
	var ps []fieldPhrase
	for _, f := range content.Lexicon.ContactFields {
		if f.Kind == "person" {
			continue // a follow-up asks for a line to call or go to, not a name
		}
		for _, a := range f.Asks {
			w := strings.Fields(a)
			if len(w) == 1 {
				if _, ok := ws[a]; !ok {
					ws[a] = f.Kind
				}
				continue
			}
			ps = append(ps, fieldPhrase{w, f.Kind})
		}
	}
	// Longest first: "goi so nao" before "goi so".
	slices.SortStableFunc(ps, func(a, b fieldPhrase) int { return len(b.words) - len(a.words) })
	return ws, ps
}()

// fillerWords may surround a contact follow-up: "còn số fax thì sao?".
var fillerWords = map[string]bool{
	"con": true, "so": true, "the": true, "thi": true, "sao": true, "nua": true, "gi": true,
	"la": true, "bao": true, "nhieu": true, "cua": true, "co": true, "khong": true, "a": true, "ah": true,
	"vay": true, "nhe": true, "cho": true, "xin": true, "minh": true, "toi": true, "o": true, "nao": true,
	"dia": true, "tu": true, "what": true, "is": true, "its": true, "and": true, "number": true, "about": true,
	"please": true, "give": true, "me": true, "their": true, "do": true, "they": true, "have": true, "an": true,
	"ho": true, "nha": true, "nhi": true, "vậy": true,
}

// contactField returns the contact field s asks for when s is a short
// follow-up ("còn số fax?", "email?", "dia chi o dau") and nothing more: a
// message that also names something else is a new question.
func contactField(s string) (string, bool) {
	field, rest := contactQuestion(s)
	for _, w := range rest {
		if !fillerWords[w] {
			return "", false
		}
	}
	return field, field != ""
}

type fieldPhrase struct {
	words []string
	field string
}

// fieldStrength ranks the fields a question names: "dien thoai" and "dia chi"
// are weaker than "fax" or "email" ("số điện thoại fax" asks for the fax), a
// hotline is in between ("số điện thoại đường dây nóng" asks for the hotline).
var fieldStrength = map[string]int{"phone": 1, "address": 1, "hotline": 2, "fax": 3, "email": 3, "website": 3, "hours": 3}

// contactQuestion reads a contact question: the field it asks for and its
// other words, folded, which may be fillers or name an office ("hotline của
// công an" → "hotline", [cua cong an]). field is empty when s names no field.
func contactQuestion(s string) (field string, rest []string) {
	ws := words(s)
	for i := 0; i < len(ws); i++ {
		f, n := "", 1
		for _, p := range fieldPhrases {
			if i+len(p.words) <= len(ws) && slices.Equal(ws[i:i+len(p.words)], p.words) {
				f, n = p.field, len(p.words)
				break
			}
		}
		if f == "" {
			f = fieldWords[ws[i]]
		}
		if f == "" {
			rest = append(rest, ws[i])
			continue
		}
		if cur := fieldStrength[field]; field == "" || cur == 1 || fieldStrength[f] > cur {
			field = f
		}
		i += n - 1
	}
	return field, rest
}

// anonymise prepares an unanswered question for the admins' list: redacted
// and folded.
func anonymise(q string) string {
	return strings.Join(words(Redact(q)), " ")
}
