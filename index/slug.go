package index

import (
	"net"
	"net/url"
	"path"
	"slices"
	"strings"

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
//
// An address has no accents and no capitals, so a prefix in it may be any
// word that folds alike: English "to" and "ban" ("how-to-register",
// "ban-on-fireworks"), and Vietnamese "tổ chức", "bản đồ", "áp dụng".
// The words after one count only as far as they spell a place the corpus
// itself names in full after that prefix, with capitals ("phường Thử
// Nghiệm"), or on an English page before its kind ("Phu An ward"):
// a place has its name written somewhere, a phrase that only looks like
// one does not, and "dai hoi" after "phuong-thu-nghiem" is the page's
// subject, not the ward's name.

// slugNameWords is how many words after a place prefix may be its name, as
// requiredNames reads a question.
const slugNameWords = 4

// slugPlace is a place prefix in an address and the words after it that
// may be its name, folded.
type slugPlace struct{ prefix, name []string }

// slugPlaces returns the place prefixes in the last segment of a page's
// address, each with the words that may follow as a name, accent-folded
// (an address has none), with the extension dropped; nil when there is no
// prefix.
func slugPlaces(source string) []slugPlace {
	u, err := url.Parse(source)
	if err != nil || u.Path == "" {
		return nil
	}
	seg := path.Base(strings.TrimRight(u.Path, "/"))
	if i := strings.LastIndexByte(seg, '.'); i > 0 {
		seg = seg[:i]
	}
	ws := foldWords(seg)
	var out []slugPlace
	for i := 0; i < len(ws); i++ {
		n := prefixLenAt(ws, i)
		if n == 0 {
			continue
		}
		p := slugPlace{prefix: ws[i : i+n]}
		j := i + n
		// A number of up to three digits names a place alone ("phuong-3";
		// a longer one is the page's ID); otherwise up to slugNameWords
		// words, none of them a number or another prefix.
		if j < len(ws) && isDigits(ws[j]) && len(ws[j]) <= 3 {
			p.name = []string{strings.TrimLeft(ws[j], "0")}
			out = append(out, p)
			i = j
			continue
		}
		for k := 0; j < len(ws) && k < slugNameWords && !isDigits(ws[j]) && prefixLenAt(ws, j) == 0; j, k = j+1, k+1 {
			p.name = append(p.name, ws[j])
		}
		if len(p.name) > 0 {
			out = append(out, p)
		}
		i = j - 1
	}
	return out
}

// addressPlaces returns, for each article whose title and text name no
// place, the words of the places its address names (slugPlaces) that the
// corpus writes in full as a place's name after the same prefix: of "thu
// nghiem dai hoi", the longest start the corpus names ("phường Thử
// Nghiệm"; a name the corpus writes only as part of a longer one is not
// taken: "thanh" of "phường Thanh Bình"). An
// English page names its places after their name ("Phu An ward"): english
// (the glossary's English terms) says which prefix each such word stands
// for. The corpus is read for names only when some article needs them.
func addressPlaces(articles []content.Article, english []content.Term) map[int][]string {
	want := map[int][]slugPlace{}
	for i, a := range articles {
		if ps := slugPlaces(a.Source); len(ps) > 0 && !namesPlace(a) {
			want[i] = ps
		}
	}
	if len(want) == 0 {
		return nil
	}
	units := englishUnits(english)
	named := map[string]bool{}
	add := func(prefix, name []string) { named[placeKey(prefix, name)] = true }
	for _, a := range articles {
		for _, text := range append([]string{a.Title}, a.Paragraphs...) {
			cased, folded, ok := placeWords(text)
			if ok {
				eachPlace(cased, folded, add)
				eachEnglishPlace(cased, folded, units, add)
			}
		}
	}
	out := map[int][]string{}
	for i, ps := range want {
		for _, p := range ps {
			for n := len(p.name); n > 0; n-- {
				if named[placeKey(p.prefix, p.name[:n])] {
					out[i] = append(out[i], p.name[:n]...)
					break
				}
			}
		}
	}
	return out
}

// englishUnits maps the one-word English terms for a kind of place
// ("ward", "hamlet") to the place prefixes the glossary gives them
// ("phuong"; "thon", "xom"), folded.
func englishUnits(terms []content.Term) map[string][][]string {
	out := map[string][][]string{}
	for _, t := range terms {
		w := foldWords(t.Short)
		if len(w) != 1 {
			continue
		}
		for _, l := range t.Long {
			if p := foldWords(l); len(p) > 0 && prefixLenAt(p, 0) == len(p) {
				out[w[0]] = append(out[w[0]], p)
			}
		}
	}
	return out
}

// eachEnglishPlace calls visit with each place an English text names
// by its kind after its name — up to slugNameWords capitalised words that
// are not English function words ("Phu An ward"), or the kind then a
// number ("Ward 3") — with the prefix units gives that kind, folded.
func eachEnglishPlace(cased, folded []string, units map[string][][]string, visit func(prefix, name []string)) {
	for j, w := range folded {
		prefixes := units[w]
		if len(prefixes) == 0 {
			continue
		}
		var name []string
		if j+1 < len(folded) && isDigits(cased[j+1]) {
			name = []string{strings.TrimLeft(folded[j+1], "0")}
		} else {
			i := j
			for i > 0 && j-i < slugNameWords && startsUpper(cased[i-1]) && !slices.Contains(content.Lexicon.EnglishFunctionWords, folded[i-1]) {
				i--
			}
			name = folded[i:j]
		}
		if len(name) == 0 {
			continue
		}
		for _, p := range prefixes {
			visit(p, name)
		}
	}
}

func placeKey(prefix, name []string) string {
	return strings.Join(prefix, " ") + "|" + strings.Join(name, " ")
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
		if i+len(p) <= len(ws) && slices.Equal(ws[i:i+len(p)], p) {
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
		cased, folded, ok := placeWords(text)
		if !ok {
			return true
		}
		found := false
		eachPlace(cased, folded, func(_, _ []string) { found = true })
		if found {
			return true
		}
	}
	return false
}

// eachPlace calls visit with each place a text (its words as placeWords
// gives them) names — a place prefix written out, then a number or up to
// slugNameWords capitalised words that are not another prefix — folded.
func eachPlace(cased, folded []string, visit func(prefix, name []string)) {
	for i := 0; i < len(folded); i++ {
		n := prefixLenAt(folded, i)
		if n == 0 {
			continue
		}
		j := i + n
		if j < len(folded) && isDigits(cased[j]) {
			visit(folded[i:j], []string{strings.TrimLeft(folded[j], "0")})
			continue
		}
		for j < len(folded) && j-i-n < slugNameWords && startsUpper(cased[j]) && prefixLenAt(folded, j) == 0 {
			j++
		}
		if j > i+n {
			visit(folded[i:i+n], folded[i+n:j])
		}
	}
}

// placeWords splits text into its words as written and folded; ok is
// false when folding does not keep the two in step.
func placeWords(text string) (cased, folded []string, ok bool) {
	cased = splitWords(content.Normalize(text))
	folded = foldWords(text)
	return cased, folded, len(folded) == len(cased)
}

// A province's newspaper or portal often names the province only in its
// site's name: "Nhà thơ … được bầu là Chủ tịch Hội VHNT tỉnh" on
// baotuyenquang.com.vn, a district's portal only there when its lead
// names a commune of it (thanhha.haiduong.gov.vn). A place the question
// names whose name, written without spaces, is part of the site's name is
// named by the page, as its lead would name it: it fills the requirement,
// nothing else. Read where the title and lead name no place only (before
// session 20), it left such pages declined.

// minHostName is the shortest name, in letters, looked for in a site's
// name: shorter ones ("an", "ha nam") are parts of too many words. A
// shorter name of two syllables or more is read only as a whole label of
// the host ("hdnd.camau.gov.vn"), down to minHostLabel letters.
const (
	minHostName  = 6
	minHostLabel = 4
)

// hostHas: the site name (siteName) holds the name of a place written
// as alt, without spaces: within it when long enough, else as one label.
func hostHas(site string, alt []string) bool {
	if len(alt) < 2 {
		return false
	}
	n := strings.Join(alt, "")
	switch {
	case len(n) >= minHostName:
		return strings.Contains(strings.ReplaceAll(site, ".", ""), n)
	case len(n) >= minHostLabel:
		return slices.Contains(strings.Split(site, "."), n)
	}
	return false
}

// siteName is a page's host, folded, without "www.", its labels joined
// by dots ("baotuyenquang.com.vn"); "" when the source is no URL with a
// host.
func siteName(source string) string {
	u, err := url.Parse(source)
	if err != nil || u.Host == "" {
		return ""
	}
	h := u.Hostname()
	if net.ParseIP(h) != nil {
		return ""
	}
	h = strings.TrimPrefix(strings.ToLower(h), "www.")
	return strings.Join(foldWords(h), ".")
}

// hostNames: the page's site name holds one of the place's spellings of
// two syllables or more, written without spaces.
func (ix *Index) hostNames(article int, place [][]string) bool {
	if article >= len(ix.hosts) || ix.hosts[article] == "" {
		return false
	}
	for _, alt := range place {
		if hostHas(ix.hosts[article], alt) {
			return true
		}
	}
	return false
}
