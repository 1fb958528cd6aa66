package content

import (
	"regexp"
	"strings"
	"sync"
)

// English pages name Vietnamese people without marks and with English
// titles: "Mr. Ho Van Mung", "Dang Quang Hong, Secretary of the Party
// Committee", "Chairman of the Hanoi People's Committee, Tran Sy Thanh".
// They are persons as "ông Hồ Văn Mừng" is, their title read as the
// Vietnamese one ("Vice Chairman" is a Phó Chủ tịch), so that a question
// asking who holds a post is answered by the English sentence naming them.

// englishPersonWords are the lexicon's English honorifics, the surnames
// as an English page writes them (folded, capitalised) and the place
// kinds that end a place's name, each a set.
var englishPersonWords = sync.OnceValue(func() (w struct{ honorific, surname, place map[string]bool }) {
	w.honorific, w.surname, w.place = map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, h := range Lexicon.EnglishHonorifics {
		w.honorific[h] = true
	}
	for _, s := range surnames {
		f := Fold(s)
		w.surname[strings.ToUpper(f[:1])+f[1:]] = true
	}
	for _, p := range Lexicon.EnglishPlaceKinds {
		w.place[p] = true
	}
	return w
})

// englishTitleRe finds an English title with the modifiers before it
// ("Permanent Vice Chairman", "Deputy Secretary", "Chairwoman").
var englishTitleRe = sync.OnceValue(func() *regexp.Regexp {
	var titles, mods []string
	for _, t := range Lexicon.EnglishTitles {
		titles = append(titles, strings.ReplaceAll(regexp.QuoteMeta(t.Short), " ", `[\s-]+`))
	}
	for _, m := range Lexicon.EnglishTitleModifiers {
		mods = append(mods, regexp.QuoteMeta(m))
	}
	return regexp.MustCompile(`(?i)\b((?:(?:` + strings.Join(mods, "|") + `)[\s-]+)*)(` + strings.Join(titles, "|") + `)(?:s|men|women)?\b`)
})

// vietnameseTitle is the Vietnamese title of an English one: its
// lexicon term's Vietnamese, after "Phó" when a deputy's.
func vietnameseTitle(mods, title string) string {
	title = strings.ToLower(strings.Join(strings.FieldsFunc(title, func(r rune) bool { return r == ' ' || r == '-' }), " "))
	vi := ""
	for _, t := range Lexicon.EnglishTitles {
		if t.Short == title {
			vi = t.Long[0]
		}
	}
	if vi == "" {
		return ""
	}
	for _, m := range strings.Fields(strings.ToLower(mods)) {
		for _, d := range Lexicon.EnglishDeputy {
			if strings.Trim(m, "-") == d {
				return Lexicon.Deputy + " " + strings.ToLower(vi[:1]) + vi[1:]
			}
		}
	}
	return vi
}

// englishTitleNear is the Vietnamese title an English sentence gives the
// person named at text[start:end]: after it (", Secretary of …", the
// first title of the clause) or before it in its sentence ("Chairman of
// the … Committee, Tran Sy Thanh"); "" if none.
func englishTitleNear(text string, start, end int) string {
	re := englishTitleRe()
	after := text[end:]
	if rest := strings.TrimLeft(after, " "); strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "(") {
		clause := rest[:min(len(rest), 160)]
		if i := strings.IndexAny(clause, ".;:!?"); i >= 0 {
			clause = clause[:i]
		}
		if m := re.FindStringSubmatch(clause); m != nil {
			return vietnameseTitle(m[1], m[2])
		}
	}
	before := text[max(0, start-100):start]
	if i := strings.LastIndexAny(before, ";!?"); i >= 0 {
		before = before[i+1:]
	}
	// A sentence's end, not "Mr." before the name.
	for i := strings.LastIndex(before, ". "); i >= 0; i = strings.LastIndex(before[:i], ". ") {
		if w := wordBefore(before, i); !englishPersonWords().honorific[w] && !(len(w) == 1 && w >= "A" && w <= "Z") {
			before = before[i+2:]
			break
		}
	}
	if ms := re.FindAllStringSubmatch(before, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		return vietnameseTitle(m[1], m[2])
	}
	return ""
}

// englishPersonsIn finds the persons of an English text: a name of two
// to five capitalised words after an honorific ("Mr. Ho Van Mung"), or
// starting with a surname, with an English title beside it. A name that
// a place kind ends ("Nguyen Van Ba Street") is a place's.
func englishPersonsIn(f *valueFinder) {
	pw := englishPersonWords()
	words := f.cutWords()
	nameAt := func(k int) int { return nameRun(f.text, words, k) }
	for k := 0; k < len(words); k++ {
		w := words[k]
		at := k
		hon := pw.honorific[w.w] && k+1 < len(words)
		if hon {
			if sep := f.text[w.end:words[k+1].start]; sep != " " && sep != ". " {
				continue
			}
			at = k + 1
		} else if !pw.surname[w.w] && !titleRightAfter(f.text, words, k) {
			continue
		}
		n := nameAt(at)
		if n < 2 || at+n < len(words) && pw.place[words[at+n].w] && f.text[words[at+n-1].end:words[at+n].start] == " " {
			continue
		}
		first, last := words[at], words[at+n-1]
		if !f.free(first.start, last.end) {
			continue
		}
		t := englishTitleNear(f.text, w.start, last.end)
		if t == "" && !hon {
			continue
		}
		f.add(ValuePerson, first.start, last.end, t)
		k = at + n - 1
	}
}

// mayEnglishPerson: the lower-cased text writes an English honorific or
// title, without which englishPersonsIn finds no one. The cues are looked
// for in one pass (englishCueScan): one strings.Contains a cue, 17 passes
// over every sentence with two capitalised words, was a third of the
// persons' reading of a build.
func mayEnglishPerson(lower string) bool {
	return englishCueScan().any(lower)
}

// cueScan finds whether a text holds one of a few words, in one pass:
// at each byte, the words starting with that byte and the next (a bit of
// pairs), then each of them compared; a one-byte word by the byte alone.
type cueScan struct {
	pairs [1 << 16 / 64]uint64
	one   [256]bool
	by    [256][]string // the words of two bytes or more, by first byte
}

func newCueScan(words []string) *cueScan {
	sc := &cueScan{}
	for _, w := range words {
		switch len(w) {
		case 0:
			panic("content: newCueScan: an empty word")
		case 1:
			sc.one[w[0]] = true
		default:
			k := uint16(w[0])<<8 | uint16(w[1])
			sc.pairs[k/64] |= 1 << (k % 64)
			sc.by[w[0]] = append(sc.by[w[0]], w)
		}
	}
	return sc
}

// any reports whether s holds one of the scan's words, as
// strings.Contains would for one of them.
func (sc *cueScan) any(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if sc.one[c] {
			return true
		}
		if i+1 == len(s) {
			break
		}
		if k := uint16(c)<<8 | uint16(s[i+1]); sc.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, w := range sc.by[c] {
			if strings.HasPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// englishCueScan is the scan of englishPersonCues.
var englishCueScan = sync.OnceValue(func() *cueScan { return newCueScan(englishPersonCues()) })

var englishPersonCues = sync.OnceValue(func() []string {
	var out []string
	for _, h := range Lexicon.EnglishHonorifics {
		out = append(out, strings.ToLower(h)+" ", strings.ToLower(h)+". ")
	}
	for _, t := range Lexicon.EnglishTitles {
		out = append(out, strings.Fields(t.Short)[0])
	}
	return out
})

// titleRightAfter: the capitalised name starting at words[k] is followed
// by a comma or dash and an English title ("Ngụy Thế Kiên, Deputy
// Director of the centre"): a person whatever the surname. The name
// starts a clause, not inside one ("the Dong Viet Centre, Director …").
func titleRightAfter(text string, words []valueWord, k int) bool {
	if !capitalised(words[k].w) || k > 0 && capitalised(words[k-1].w) && text[words[k-1].end:words[k].start] == " " {
		return false
	}
	j := k
	for j+1 < len(words) && j-k < 4 && capitalised(words[j+1].w) && text[words[j].end:words[j+1].start] == " " {
		j++
	}
	if j == k {
		return false
	}
	rest := strings.TrimLeft(text[words[j].end:], " ")
	for _, sep := range []string{",", "-", "–"} {
		if r, ok := strings.CutPrefix(rest, sep); ok {
			r = strings.TrimLeft(r, " ")
			r = strings.TrimPrefix(r, "the ")
			loc := englishTitleRe().FindStringIndex(r)
			return loc != nil && loc[0] == 0
		}
	}
	return false
}
