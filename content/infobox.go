package content

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A ward's or a province's page on Wikipedia, and many a portal's profile
// page, opens with a side box of fields: the kind of place, its name, then
// "Tỉnh", "Trụ sở UBND", "Diện tích", "Dân số", "Mã bưu chính" … each
// with its value. Scraped as text the box loses its layout in one of three
// ways:
//
//	VùngĐồng bằng Mẫu              the separator between label and value
//	Trụ sở UBNDĐường Thử, tổ 3     dropped: the value runs into the label
//	Diện tích5,00 km²[2]
//
//	Diện tích | 5,00 km² | |       one row of cells a field, between
//	                               pipes or tabs
//
//	Diện tích                      one cell a line
//	5,00 km²
//
// Joined into one paragraph, "Diện tích5,00 km²" is no word search knows
// and the page's province ("TỉnhMẫu") is named nowhere, so the page
// answers neither "rộng bao nhiêu" nor any question naming the province.
// infoboxAt finds such a box — three fields or more whose label the
// lexicon knows (InfoboxLabels, contact labels, titles, kinds of place),
// run into their value or set apart as cells, each label once — and
// writes each field as a table's row: "Diện tích: 5,00 km²"; boxOfRows
// does the same for a box kept as an HTML <table>. The total under a
// heading of its own ("Dân số (2021)" / "Tổng cộng16.095 người") is the
// heading's value. Lines of the box that are no field (the name, the
// kind, an image's caption, the box's section headings) stand after the
// fields, each a paragraph of its own: joined, they would make a passage
// of every label's words.
//
// A box is beside the page's text, not before it: when nothing but the
// box comes before the page's first sentence ("Mẫu là một phường thuộc
// thành phố Thử, tỉnh Mẫu"), that sentence is put before the box. It is
// then the article's lead, and the sentence each field is read with, as a
// table's rows are read with what introduces the table: every field knows
// whose it is.

// boxLabel is a label a box's field may start with.
type boxLabel struct {
	text string
	// place: a kind of place ("Tỉnh", "Phường"). Written before a name
	// with a space it names the box's subject ("Phường Mẫu"); only run
	// into its value ("TỉnhMẫu") or in a cell of its own is it a field.
	place bool
	// english: an English box's label, which a value in small letters
	// never runs into ("Regional" is no "Region").
	english bool
}

// boxLabels are the labels by their first letter in upper case, longest
// first: "Tỉnh lỵ" before "Tỉnh".
var boxLabels = sync.OnceValue(func() map[rune][]boxLabel {
	m := map[rune][]boxLabel{}
	seen := map[string]bool{}
	add := func(l string, place, english bool) {
		r, n := utf8.DecodeRuneInString(l)
		l = string(unicode.ToUpper(r)) + l[n:]
		if l == "" || seen[l] {
			return
		}
		seen[l] = true
		u := unicode.ToUpper(r)
		m[u] = append(m[u], boxLabel{text: l, place: place, english: english})
	}
	for _, p := range Lexicon.PlacePrefixes {
		add(p.Name, true, false)
	}
	for _, l := range Lexicon.InfoboxLabels {
		add(l, false, false)
	}
	for _, f := range Lexicon.ContactFields {
		for _, l := range f.Labels {
			add(l, false, false)
		}
	}
	for _, l := range Lexicon.Titles {
		add(l, false, false)
	}
	for _, l := range Lexicon.InfoboxEnglish {
		add(l, false, true)
	}
	for _, ls := range m {
		sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].text) > len(ls[j].text) })
	}
	return m
})

// boxHow is how a line holds a box's field.
type boxHow int

const (
	boxNone   boxHow = iota
	boxBare          // the label alone ("Diện tích", "Dân số (2021)")
	boxGlued         // the value run into the label ("Diện tích5,00 km²")
	boxSpaced        // label, space, value ("Quốc gia Việt Nam")
	boxColon         // "Tọa độ: …"
)

// boxField reads a line as a box's field: its label, its value and how it
// holds them.
func boxField(line string) (label, value string, how boxHow) {
	line = stripSubBullet(line)
	r, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(r) {
		return "", "", boxNone
	}
	for _, l := range boxLabels()[r] {
		n := len(l.text)
		if len(line) < n || !strings.EqualFold(line[:n], l.text) {
			continue
		}
		rest := line[n:]
		if rest == "" {
			return line, "", boxBare
		}
		next, _ := utf8.DecodeRuneInString(rest)
		switch {
		case next == ':':
			return line[:n], strings.TrimSpace(rest[1:]), boxColon
		case unicode.IsDigit(next) || unicode.IsUpper(next):
			return line[:n], rest, boxGlued
		case unicode.IsLower(next):
			// "Websitemau.gov.vn": only a long label, for a short one
			// may start a longer word ("Phó" of "Phóng").
			if utf8.RuneCountInString(l.text) >= 5 && !strings.Contains(l.text, " ") && !l.english {
				return line[:n], rest, boxGlued
			}
			continue
		case next != ' ' && next != '(':
			continue
		}
		// A qualifier after the label, then the value run into it:
		// "Chủ tịch UBNDNguyễn …", "Bí thư Tỉnh ủyTrần …". After a kind
		// of place the words are a place's name, and what follows it a
		// figure of a list, not a field ("Phường Mẫu50%").
		if k := gluedAt(rest); k > 0 && !l.place {
			return strings.TrimSpace(line[:n+k]), rest[k:], boxGlued
		}
		v := strings.TrimSpace(rest)
		if strings.HasPrefix(v, "(") && strings.HasSuffix(v, ")") && !strings.Contains(v[1:], "(") {
			return line, "", boxBare // "Dân số (2021)"
		}
		if l.place {
			return "", "", boxNone
		}
		// "Chủ tịch UBND Nguyễn …": the body's short name is the label's.
		label := line[:n]
		for {
			w, after, ok := strings.Cut(v, " ")
			if !ok || !AllCaps(w) {
				break
			}
			label, v = label+" "+w, strings.TrimSpace(after)
		}
		if f, _ := utf8.DecodeRuneInString(v); unicode.IsUpper(f) || unicode.IsDigit(f) {
			return label, v, boxSpaced
		}
		return "", "", boxNone
	}
	return "", "", boxNone
}

// stripSubBullet takes off the dot a box sets before a field under a
// heading ("Area" / "• Total | 1,371.4 km2", "Government" / "• Secretary
// …").
func stripSubBullet(line string) string {
	return strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "•·∙"))
}

// AllCaps reports whether w is a short name in capitals, two letters or
// more ("UBND", "HĐND").
func AllCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// maxQualifierWords bounds the words between a label and the value run
// into it.
const maxQualifierWords = 3

// gluedAt is where the value starts in what follows a label, when it is
// run into a qualifier's last word: after a small letter or a bracket, a
// capital or a digit ("ủyTrần", "(2021)16.095"); in a run of capitals,
// the capital a small letter follows ("UBNDĐường"), or the first digit
// ("UBND01"). 0 if none is.
func gluedAt(s string) int {
	words := 0
	var p, pp rune // the two runes before
	for i, r := range s {
		if r == ' ' {
			if words++; words > maxQualifierWords {
				return 0
			}
			p, pp = r, 0
			continue
		}
		switch {
		case (unicode.IsLower(p) || p == ')' || p == ']') && (unicode.IsUpper(r) || unicode.IsDigit(r)):
			return i
		case unicode.IsUpper(pp) && unicode.IsUpper(p) && unicode.IsUpper(r):
			if n, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); unicode.IsLower(n) {
				return i
			}
		case unicode.IsUpper(pp) && unicode.IsUpper(p) && unicode.IsDigit(r):
			// "Trụ sở UBND01 đường …": a house number run into the body's
			// short name.
			return i
		}
		p, pp = r, p
	}
	return 0
}

// A box's values carry the page's footnote marks ("5,00 km²[2]") and the
// images it showed ("![]()"): neither is the value.
var boxNoiseRE = regexp.MustCompile(`\[\d{1,3}\]|!\[[^\]]*\]\([^)]*\)`)

func boxValue(v string) string {
	return strings.Trim(cleanSpace(boxNoiseRE.ReplaceAllString(v, "")), " |")
}

// isTotal reports whether label is a total's ("Tổng cộng").
func isTotal(label string) bool {
	for _, t := range Lexicon.InfoboxTotals {
		if strings.EqualFold(label, t) {
			return true
		}
	}
	return false
}

// maxBoxLines bounds a box: a block of lines longer than this is a page's
// text, whatever its first lines look like.
const maxBoxLines = 120

// minBoxFields is how many fields run into their label, or set apart as
// cells, make a box.
const minBoxFields = 3

// infobox is a box as infoboxAt reads it: its fields as rows, the rest of
// its lines.
type infobox struct {
	rows, other []string
}

// infoboxAt reads the box that starts at lines[i], if one does, and
// returns it and the index of the first line after it. A box of run-in
// fields or one cell a line is a block of lines between blank ones, up to
// a sentence; a box of pipe cells, a run of lines with pipes.
func infoboxAt(lines []string, i int, cells bool) (infobox, int, bool) {
	if cells {
		if sep := cellSep(lines[i]); sep != "" && (i == 0 || cellSep(lines[i-1]) != sep) {
			return cellBoxAt(lines, i, sep)
		}
	}
	if strings.TrimSpace(lines[i]) == "" || i > 0 && strings.TrimSpace(lines[i-1]) != "" {
		return infobox{}, i, false
	}
	j := i
	for j < len(lines) && strings.TrimSpace(lines[j]) != "" {
		// The page's text may follow with no blank line between; a
		// sentence the box's fields go on after is its image's caption
		// ("Từ trái qua phải, …: Bình minh … ."), not the page's lead.
		// A field run into its label is no sentence, whatever its end
		// ("Dân tộcThái, Kinh, Mông, Mường,...").
		if j > i && isLeadSentence(lines[j]) && !gluedField(lines[j]) && !fieldsFollow(lines[j+1:]) {
			break
		}
		if j-i > maxBoxLines {
			return infobox{}, i, false
		}
		j++
	}
	if j-i < minBoxFields {
		return infobox{}, i, false
	}
	var b infobox
	strong, heading := 0, ""
	for k := i; k < j; k++ {
		line := cleanSpace(lines[k])
		label, value, how := boxField(line)
		if how == boxBare && k+1 < j {
			// One cell a line: the value is the next line, if that is
			// no label of its own.
			next := stripSubBullet(cleanSpace(lines[k+1]))
			switch _, _, h := boxField(next); {
			case strings.HasPrefix(next, "(") && strings.HasSuffix(next, ")") && !strings.Contains(next[1:], "("):
				// "Population" / "(2015)": the heading's year on a line
				// of its own.
				label, line = label+" "+next, line+" "+next
				k++
			case h == boxNone && !namesKind(next) && utf8.RuneCountInString(next) <= 80:
				how, value = boxGlued, next
				k++
			}
		}
		if how != boxNone && how != boxBare {
			value = boxValue(value)
		}
		switch {
		case how == boxBare:
			if !isPlaceKind(label) {
				heading = label
			}
			b.other = append(b.other, line)
		case how == boxNone || value == "":
			b.other = append(b.other, line)
		default:
			if how == boxGlued {
				strong++
			}
			if !b.addRow(label, value, heading) {
				return infobox{}, i, false
			}
		}
	}
	if strong < minBoxFields || b.contactOnly() {
		return infobox{}, i, false
	}
	return b, j, true
}

// gluedField reports whether line is a box's field whose value runs into
// its label.
func gluedField(line string) bool {
	_, _, how := boxField(cleanSpace(line))
	return how == boxGlued
}

// fieldsFollow reports whether the lines up to the next blank one hold
// minBoxFields fields run into their labels: the box goes on there.
func fieldsFollow(lines []string) bool {
	n := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" || isLeadSentence(l) {
			break
		}
		if _, _, how := boxField(cleanSpace(l)); how == boxGlued {
			if n++; n >= minBoxFields {
				return true
			}
		}
	}
	return false
}

// contactOnly reports whether every field of the box is a contact field
// (address, phone, fax, email …): such a block is an office's contacts,
// which the contact reader keeps and the contact card shows, not a side
// box of the page's subject.
func (b *infobox) contactOnly() bool {
	for _, r := range b.rows {
		label, _, _ := strings.Cut(r, ": ")
		if !isContactLabel(label) {
			return false
		}
	}
	return true
}

// IsContactLabel reports whether label is one of the lexicon's contact
// labels ("Số điện thoại", "Fax"), its colon and case aside.
func IsContactLabel(label string) bool { return isContactLabel(label) }

// isContactLabel reports whether label is one of the lexicon's contact
// labels, its colon and case aside.
func isContactLabel(label string) bool {
	label = strings.TrimSpace(strings.TrimRight(label, " :"))
	for _, f := range Lexicon.ContactFields {
		for _, l := range f.Labels {
			if strings.EqualFold(label, strings.TrimRight(l, " :")) {
				return true
			}
		}
	}
	return false
}

// namesKind reports whether line starts with a kind of place: "Phường
// Mẫu" under "Phường" is the box's name, not the value of a field.
func namesKind(line string) bool {
	for _, p := range Lexicon.PlacePrefixes {
		if n := len(p.Name); len(line) > n && line[n] == ' ' && strings.EqualFold(line[:n], p.Name) {
			return true
		}
	}
	return false
}

// isPlaceKind reports whether label is a kind of place alone ("Phường"):
// above the name in a box, not a field.
func isPlaceKind(label string) bool {
	for _, p := range Lexicon.PlacePrefixes {
		if strings.EqualFold(label, p.Name) {
			return true
		}
	}
	return false
}

// addRow adds one field: a total as its heading's, the heading then
// standing no more among the box's other lines. It reports false for a
// label the box has already: a box names each field once, and labels
// that repeat ("Chủ tịch" / "Trần Thị Mẫu" in every row) are a table's
// column flattened one cell a line, or a list.
func (b *infobox) addRow(label, value, heading string) bool {
	if heading != "" && isTotal(label) {
		label = heading
		if k := slices.Index(b.other, heading); k >= 0 {
			b.other = slices.Delete(b.other, k, k+1)
		}
	}
	for _, r := range b.rows {
		if l, _, _ := strings.Cut(r, ": "); l == label {
			return false
		}
	}
	b.rows = append(b.rows, label+": "+value)
	return true
}

// cellSep is the separator of a line's cells a box may be written with:
// a pipe, or a tab (a box copied from a browser); "" for none.
func cellSep(line string) string {
	switch {
	case strings.Contains(line, "|"):
		return "|"
	case strings.Contains(strings.Trim(line, "\t "), "\t"):
		return "\t"
	}
	return ""
}

// cellBoxAt reads a box of cells, each row a line with sep between its
// cells: every row of two cells is a field, a row of one a heading or a
// caption; a row of three cells or more makes it a table, no box.
func cellBoxAt(lines []string, i int, sep string) (infobox, int, bool) {
	j := i
	// A heading may stand alone on its line between rows of cells.
	inBox := func(j int) bool {
		return cellSep(lines[j]) == sep || j+1 < len(lines) && cellSep(lines[j+1]) == sep &&
			strings.TrimSpace(lines[j]) != "" && headingCell(cleanSpace(lines[j]))
	}
	var rows [][]string
	for ; j < len(lines) && inBox(j); j++ {
		t := strings.TrimSpace(lines[j])
		if tableRuleRE.MatchString(t) || strings.Trim(t, "|- ") == "" {
			continue
		}
		cells, _ := textCells(t)
		if cells == nil {
			cells = []string{t} // a heading alone on its line
		}
		rows = append(rows, cells)
	}
	b, ok := boxOfRows(rows)
	if !ok {
		return infobox{}, i, false
	}
	return b, j, true
}

// boxOfRows reads a box from its rows of cells: every row of two cells is
// a field, a row of one a heading or a caption (a cell spanning the row
// is one); a row of three cells or more makes it a table, no box.
func boxOfRows(rows [][]string) (infobox, bool) {
	var b infobox
	strong, heading := 0, ""
	for _, cells := range rows {
		var filledCells []string
		for _, c := range cells {
			if c = boxValue(c); c != "" && (len(filledCells) == 0 || c != filledCells[len(filledCells)-1]) {
				filledCells = append(filledCells, c)
			}
		}
		switch len(filledCells) {
		case 0:
		case 1:
			c := filledCells[0]
			if _, _, how := boxField(c); how == boxBare {
				heading = c
			}
			b.other = append(b.other, c)
		case 2:
			label, value := strings.TrimRight(stripSubBullet(filledCells[0]), " :"), filledCells[1]
			if !headingCell(label) {
				return infobox{}, false
			}
			if _, _, how := boxField(label); how != boxNone {
				strong++
			}
			if !b.addRow(label, value, heading) {
				return infobox{}, false
			}
		default:
			return infobox{}, false
		}
	}
	return b, strong >= minBoxFields && !b.contactOnly()
}

// isLeadSentence reports whether line is a sentence of the page's text:
// a capital first, six words or more, a full stop last (footnote marks
// after it aside).
func isLeadSentence(line string) bool {
	t := strings.TrimSpace(boxNoiseRE.ReplaceAllString(line, ""))
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && strings.HasSuffix(t, ".") && len(strings.Fields(t)) >= 6
}

// maxBoxOther bounds the lines between a box's rows and the page's lead.
const maxBoxOther = 8

// leadBeforeBox is addInfobox's move for a page whose box was read
// before its lines (an HTML <table>): when nothing but short lines comes
// before the box's first row, and the page's first sentence follows its
// rows and its other lines, that sentence is put before the rows.
func leadBeforeBox(lines []string, boxRows map[string]bool) []string {
	if len(boxRows) == 0 {
		return lines
	}
	first := slices.IndexFunc(lines, func(l string) bool { return boxRows[cleanSpace(l)] })
	if first < 0 || slices.ContainsFunc(lines[:first], isLeadSentence) {
		return lines
	}
	k := first
	for k < len(lines) && (boxRows[cleanSpace(lines[k])] || strings.TrimSpace(lines[k]) == "") {
		k++
	}
	for n := 0; k < len(lines) && n < maxBoxOther && !isLeadSentence(lines[k]); k++ {
		if strings.TrimSpace(lines[k]) != "" {
			n++
		}
	}
	if k >= len(lines) || !isLeadSentence(lines[k]) {
		return lines
	}
	out := make([]string, 0, len(lines)+2)
	out = append(out, lines[:first]...)
	out = append(out, lines[k], "")
	out = append(out, lines[first:k]...)
	return append(out, lines[k+1:]...)
}
