package index

import (
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/kyanhbot/kyanhbot/content"
)

// A page may name its place only in its address: a portal's news item
// "Đại hội Hội Nông dân nhiệm kỳ 2025–2030" whose text says "phường" and
// never which one, at …/phuong-thu-nghiem-dai-hoi-hoi-nong-dan.html. For
// such a page the words after a place prefix in the address's last segment
// count towards what the question requires be named (parsedQuery.required)
// as its lead does — weak evidence: they fill that requirement and nothing
// else, add nothing to coverage, and only where the page's title and text
// name no place at all, so a page that names its ward is never matched to
// another one by its address.

// slugNameWords is how many words after a place prefix may be its name, as
// requiredNames reads a question.
const slugNameWords = 4

// slugPlaceWords returns the words that follow a place prefix in the last
// segment of a page's address, accent-folded (an address has none), with
// the extension dropped; nil when there is no prefix.
func slugPlaceWords(source string) []string {
	u, err := url.Parse(source)
	if err != nil || u.Path == "" {
		return nil
	}
	seg := path.Base(strings.TrimRight(u.Path, "/"))
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		seg = seg[:i]
	}
	ws := foldWords(seg)
	var out []string
	for i := 0; i < len(ws); i++ {
		n := prefixLenAt(ws, i)
		if n == 0 {
			continue
		}
		j := i + n
		// A number of up to three digits names a place alone ("phuong-3";
		// a longer one is the page's ID); otherwise up to slugNameWords
		// words, none of them a number or another prefix.
		if j < len(ws) && isDigits(ws[j]) && len(ws[j]) <= 3 {
			out = append(out, strings.TrimLeft(ws[j], "0"))
			i = j
			continue
		}
		for k := 0; j < len(ws) && k < slugNameWords && !isDigits(ws[j]) && prefixLenAt(ws, j) == 0; j, k = j+1, k+1 {
			out = append(out, ws[j])
		}
		i = j - 1
	}
	return out
}

// slugPrefixes are the place prefixes written out ("phuong", "thi xa"): a
// short form in an address ("p", "tt", "h") is as likely any other word.
var slugPrefixes = func() [][]string {
	var out [][]string
	for _, p := range content.Lexicon.PlacePrefixes {
		out = append(out, foldWords(p.Name))
	}
	return out
}()

// prefixLenAt is the length of the place prefix at ws[i], 0 for none.
func prefixLenAt(ws []string, i int) int {
	for _, p := range slugPrefixes {
		if i+len(p) <= len(ws) && seqEqual(ws[i:i+len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// namesPlace reports whether an article's title or text names a place: a
// place prefix (written out) followed by a capitalised word or a number
// ("phường Thử Nghiệm", "tổ dân phố 3"). A text whose folding does not keep its words
// in step with the cased ones counts as naming one: the address is then
// not consulted.
func namesPlace(a content.Article) bool {
	for _, text := range append([]string{a.Title}, a.Paragraphs...) {
		cased := strings.FieldsFunc(content.Normalize(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		folded := foldWords(text)
		if len(folded) != len(cased) {
			return true
		}
		for i := range folded {
			n := prefixLenAt(folded, i)
			if n > 0 && i+n < len(folded) && (startsUpper(cased[i+n]) || isDigits(cased[i+n])) {
				return true
			}
		}
	}
	return false
}
