package index

import (
	"regexp"
	"slices"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// A plan or resolution nests its lists: "1- Phường A: …" / "a) Thành lập
// 08 tổ dân phố mới." / "- Tổ dân phố số 1 với quy mô 317 hộ …". The item
// stating the value names neither the ward nor what is done; the items
// enclosing it do, or a line heading the list ("Huyện Hồng Ngự"). They
// are part of the window the item answers in, as a list's introduction
// is, and are found at query time for a candidate that is a list item.

// itemLevelRe reads a list item's marker: roman numerals, numbers ("1.",
// "1-", "1)"), numbered sub-items ("1.2."), letters ("a)", "a."), dashes
// and bullets, plus signs.
var itemLevelRe = regexp.MustCompile(`^\s*(?:([IVX]{1,4}[.\-–)])|(\d{1,2}[.\-–)])|(\d{1,2}\.\d{1,2}\.?)|([a-zđ][).])|([-–•])|([+*]))\s`)

// markerStarts are the bytes a list item's marker may start with (and
// "–", "•", "đ", checked apart).
const markerStarts = "0123456789IVXabcdefghijklmnopqrstuvwxyz-+*"

// itemLevel is the nesting level of a paragraph's list marker, the
// outermost 1; 0 for a paragraph that is no item.
func itemLevel(p string) int {
	// Most sentences start with a capital that opens no marker: the
	// regular expression is not run on them.
	if t := strings.TrimLeft(p, " \t"); t == "" || !strings.ContainsAny(t[:1], markerStarts) && !strings.HasPrefix(t, "–") && !strings.HasPrefix(t, "•") && !strings.HasPrefix(t, "đ") {
		return 0
	}
	m := itemLevelRe.FindStringSubmatchIndex(p)
	if m == nil {
		return 0
	}
	for g := 1; g*2 < len(m); g++ {
		if m[2*g] >= 0 {
			return g
		}
	}
	return 0
}

// maxEnclosing bounds how far back the items enclosing a unit are looked
// for: a long list's items are many paragraphs below its heading.
const maxEnclosing = 60

// enclosingItems are the first sentences of the list items that enclose
// the unit's paragraph (each at a shallower level than the one inside
// it), folded, innermost first, and the heading line over the list if
// there is one ("Huyện Hồng Ngự" above "9) Xã Long Khánh: …"); nil when
// its paragraph is no list item. A paragraph that is no item ends the
// list.
func (ix *Index) enclosingItems(u *unit) [][]string {
	if u.kind == kArticle || u.kind == kContact || u.row {
		return nil
	}
	// The paragraph's first sentence starts with its marker: most units
	// are no list item, and are known so without reading the article.
	first := u
	for first.prev > 0 {
		first = &ix.units[first.prev-1]
	}
	level := itemLevel(first.text)
	if level == 0 {
		return nil
	}
	a := &ix.corpus.Articles[u.article]
	pi := -1
	for i, p := range a.Paragraphs {
		if strings.HasPrefix(p, first.text) {
			pi = i
			break
		}
	}
	if pi < 0 {
		return nil
	}
	var out [][]string
	for i := pi - 1; i >= 0 && i >= pi-maxEnclosing && level > 0; i-- {
		l := itemLevel(a.Paragraphs[i])
		if l == 0 {
			// A short line with no sentence's end above the items
			// ("Huyện Hồng Ngự") heads them.
			if isHeadingLine(a.Paragraphs[i]) {
				out = append(out, foldWords(a.Paragraphs[i]))
			}
			break
		}
		if l < level {
			// The marker ("1-", "a)") numbers the item, not what it names.
			p := a.Paragraphs[i]
			if m := itemLevelRe.FindStringIndex(p); m != nil {
				p = p[m[1]:]
			}
			if s := content.Sentences(p); len(s) > 0 {
				out = append(out, foldWords(s[0]))
			}
			level = l
		}
	}
	return out
}

// namedEnclosing: one spelling of the name is written whole by an item
// enclosing the unit.
func namedEnclosing(items [][]string, r [][]string) bool {
	for _, ws := range items {
		for _, alt := range r {
			if len(alt) > 0 && containsSeq(ws, alt) {
				return true
			}
		}
	}
	return false
}

// namedJoined: a name of several syllables is written as one word, as
// English pages write Vietnamese names ("Hanoi" for Hà Nội), by the unit
// or its article's title or lead.
func (ix *Index) namedJoined(u *unit, folded []string, r [][]string) bool {
	for _, alt := range r {
		if len(alt) < 2 {
			continue
		}
		j := []string{strings.Join(alt, "")}
		if slices.Contains(folded, j[0]) || ix.titles.hasSeq(int(u.article), j) || ix.leadSeq.hasSeq(int(u.article), j) {
			return true
		}
	}
	return false
}

// maxHeadingWords bounds a heading line's words.
const maxHeadingWords = 8

// isHeadingLine: p is a short line that ends no sentence: a heading
// over the list that follows it.
func isHeadingLine(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" || strings.ContainsAny(p[len(p)-1:], ".!?:;,") {
		return false
	}
	return len(strings.Fields(p)) <= maxHeadingWords
}
