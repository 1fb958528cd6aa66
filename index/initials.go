package index

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
)

// Readers write a body's or a place's name as its initials ("Ban TCTW",
// "Ban TG&DV TW", "tỉnh NA", "TT PVHCC", "trung tâm HC-CT") where the page
// spells it out ("Ban Tổ chức Trung ương", "Nghệ An"). The glossary holds
// the common ones and the corpus's inferred ones need a name written twice
// and three letters; the rest are read here, where a unit is judged: the
// initials stand for the name when the unit's window (the unit, the
// sentence before, its list's introduction, its article's title and lead)
// writes a run of words they are the initials of — every word of it
// capitalised as a name is, or the run following the word the question
// writes before the initials ("Ban", "tâm"). Without this the named
// check, or the initials weighed as the rarest word, declined the right
// unit.

// initialsRef is a run of initials in a question.
type initialsRef struct {
	letters []rune   // folded initials, "&" and "-" left out: t c t w
	words   []string // the question's folded words the run was split into: "tctw"; "tg", "dv"
	before  string   // the question's folded word before the run, if any
}

// initialsRe finds capitals of two to six letters, joined by "&" or "-"
// to more ("TG&DV", "HC-CT"), as a word of their own.
var initialsRe = regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(\p{Lu}{2,6}(?:\s?[&\-]\s?\p{Lu}{1,6})*)(?:$|[^\p{L}\p{N}/])`)

// initialsRuns are initialsRe's matches in q, each looked for from the
// end of the run before: FindAll would resume after the character that
// ends a run, the one that must start the next ("TT DS-KHHGĐ").
func initialsRuns(q string) [][]int {
	var out [][]int
	for at := 0; at < len(q); {
		m := initialsRe.FindStringSubmatchIndex(q[at:])
		if m == nil {
			break
		}
		for k := range m {
			m[k] += at
		}
		out = append(out, m)
		at = m[3]
	}
	return out
}

// maxInitials bounds the letters read as one name's initials.
const maxInitials = 8

// questionInitials are the runs of initials of a question q (as typed)
// that are words of the question (folded: its words), not part of a
// document's number (docWords).
// allKnown: every word of a run is a short form the glossary (or the
// corpus's province codes) already reads; those stay as they are read.
func questionInitials(q string, folded []string, docWords map[string]bool, allKnown func([]string) bool) []initialsRef {
	if !strings.ContainsFunc(q, unicode.IsUpper) {
		return nil
	}
	var out []initialsRef
	for _, m := range initialsRuns(q) {
		run := q[m[2]:m[3]]
		if m[2] > 0 && (q[m[2]-1] == '/' || q[m[2]-1] == '-') {
			continue // "NQ/TW", "10-NQ/TU": a document's code
		}
		var ref initialsRef
		for _, part := range strings.FieldsFunc(run, func(r rune) bool { return r == '&' || r == '-' || r == ' ' }) {
			w := content.Fold(strings.ToLower(part))
			if docWords[w] {
				ref.words = nil
				break
			}
			ref.words = append(ref.words, w)
			ref.letters = append(ref.letters, []rune(w)...)
		}
		if len(ref.words) == 0 || len(ref.letters) > maxInitials || !allIn(ref.words, folded) || allKnown(ref.words) {
			continue
		}
		if before := foldWords(q[:m[2]]); len(before) > 0 {
			ref.before = before[len(before)-1]
		}
		out = append(out, ref)
	}
	return out
}

func allIn(ws, in []string) bool {
	for _, w := range ws {
		found := false
		for _, x := range in {
			if x == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// initialsIn: text writes a run of words whose initials are ref's, every
// word of it capitalised, or its first after the word the question writes
// before the initials.
func initialsIn(text string, ref initialsRef) bool {
	if text == "" {
		return false
	}
	ws := initialsWords(text)
	for i := range ws {
		if !startsUpper(ws[i]) || !initialOf(ws[i], ref.letters[0]) {
			continue
		}
		if end, caps := initialsRun(ws, i, ref.letters); end > 0 {
			if caps || i > 0 && ref.before != "" && content.Fold(strings.ToLower(ws[i-1])) == ref.before {
				return true
			}
		}
	}
	return false
}

// initialsWords are text's words, with "&", "-" and any other
// punctuation kept as words of their own: a name runs across the first
// two ("Hành chính - Chính trị") and no other ("Ninh Bình, Nam Định").
func initialsWords(text string) []string {
	var out []string
	start := -1
	for i, r := range text + " " {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
		if !unicode.IsSpace(r) && i < len(text) {
			out = append(out, string(r))
		}
	}
	return out
}

// initialsRun matches letters to the words of ws from i, "và" and "&"
// between them left out; end is the index after the run (0: no match),
// caps whether every word of it is capitalised.
func initialsRun(ws []string, i int, letters []rune) (end int, caps bool) {
	caps = true
	k := 0
	for j := i; j < len(ws); j++ {
		if k == len(letters) {
			return j, caps
		}
		w := ws[j]
		if j > i && (w == "&" || w == "-" || w == "–" || strings.EqualFold(w, "và")) {
			continue
		}
		if !initialOf(w, letters[k]) {
			return 0, false
		}
		caps = caps && startsUpper(w)
		k++
	}
	if k == len(letters) {
		return len(ws), caps
	}
	return 0, false
}

// initialOf: w starts with the folded letter l; "w" stands for "ư"
// ("TW", "TƯ" for Trung ương).
func initialOf(w string, l rune) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if l == 'w' {
		return unicode.ToLower(r) == 'ư'
	}
	f, _ := utf8.DecodeRuneInString(content.Fold(strings.ToLower(string(r))))
	return f == l
}

// joinedParts are the folded parts of the runs of initials q joins with
// "&" or "-" ("TG&DV": tg, dv).
func joinedParts(q string) map[string]bool {
	var out map[string]bool
	for _, m := range initialsRuns(q) {
		run := q[m[2]:m[3]]
		if !strings.ContainsAny(run, "&-") {
			continue
		}
		for _, part := range strings.FieldsFunc(run, func(r rune) bool { return r == '&' || r == '-' || r == ' ' }) {
			if out == nil {
				out = map[string]bool{}
			}
			out[content.Fold(strings.ToLower(part))] = true
		}
	}
	return out
}

// notJoinedInitials drops the required names that are a part of a run
// of initials the question joins with "&" or "-": "Trưởng ban TG&DV" is
// the head of a body (Tuyên giáo và Dân vận), not of a village ("bản")
// named TG, which the glossary reads as a province's code.
func notJoinedInitials(required [][][]string, q string) [][][]string {
	parts := joinedParts(q)
	if len(parts) == 0 {
		return required
	}
	out := required[:0]
	for _, r := range required {
		if len(r) == 1 && len(r[0]) == 1 && parts[r[0][0]] {
			continue
		}
		out = append(out, r)
	}
	return out
}
