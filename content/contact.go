package content

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// contactLabelRE finds the labels of a contact block. A portal footer may put
// several on one line ("Điện thoại: 02393 865 366 - Fax: 02393 865 366 -
// Email: …"), so a label counts at the start of a line or after a separator.
// Longer labels come first: Go's alternation takes the leftmost that matches.
// Phone and address labels may carry a qualifier ("Điện thoại trực ban",
// "Số điện thoại liên hệ", "Địa chỉ trụ sở").
var contactLabelRE = func() *regexp.Regexp {
	var alts []string
	for _, l := range Lexicon.OfficeLabels {
		alts = append(alts, regexp.QuoteMeta(strings.ToLower(l)))
	}
	for _, f := range Lexicon.ContactFields {
		for _, l := range f.Labels {
			a := regexp.QuoteMeta(strings.ToLower(l))
			switch {
			case f.Kind == "address":
				a += `(?:\s+\p{L}+){0,2}`
			case f.Kind == "phone" && strings.Contains(a, "điện thoại"):
				a += `(?:\s+\p{L}+){0,3}`
			}
			alts = append(alts, a)
		}
	}
	// Longer first: "số điện thoại" before "điện thoại".
	sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
	return regexp.MustCompile(`(?i)(?:^|\s[-–|;,]\s*|;\s*|\|\s*)(` + strings.Join(alts, "|") + `)\s*:\s*`)
}()

// fieldLineRE is the shape of any "Label: value" line in a contact block:
// a short capitalised label of letters only ("Chánh Văn phòng", "Giám đốc",
// "Thời gian làm việc") and a value. Inside a block such a line is a field
// of its own, never the continuation of the line before.
var fieldLineRE = regexp.MustCompile(`^(\p{Lu}\p{L}*(?:\s+\p{L}+){0,5})\s*:\s*(\S.*)$`)

// notFieldLabels are labels of the "Label: value" shape that end a contact
// block rather than belong to it: notes and bylines.
var notFieldLabels = map[string]bool{
	"luu y": true, "ghi chu": true, "chu y": true, "nguon": true, "tin": true,
	"anh": true, "bai": true, "tac gia": true, "xem them": true,
}

// bulletRE is the mark some pages put before each field: "- Điện thoại: …",
// "• Email: …", "+ Fax: …"; or the first cell's separator of a block kept
// in a table ("| Điện thoại: | … |").
var bulletRE = regexp.MustCompile(`^[-–—+*•·▪►|]\s*`)

func stripBullet(line string) string { return bulletRE.ReplaceAllString(line, "") }

type contactField int

const (
	fieldNone contactField = iota // kept in Contact.Extra under its label
	fieldOffice
	fieldAddress
	fieldPhone
	fieldFax
	fieldEmail
	fieldPerson
	fieldWebsite
)

// fieldOf says which Contact field a label fills. plain is false for a
// qualified phone label ("Điện thoại trực ban"): it fills Phone only when
// the block has no plain one. Hotlines are never Phone: a reply must not
// present "Đường dây nóng" as the office's telephone.
func fieldOf(label string) (f contactField, plain bool) {
	l := foldPhrase(label)
	for _, ol := range Lexicon.OfficeLabels {
		if l == foldPhrase(ol) {
			return fieldOffice, true
		}
	}
	for _, ml := range Lexicon.MobileLabels {
		if l == foldPhrase(ml) {
			// A mobile is someone's, not the office's line.
			return fieldPhone, false
		}
	}
	padded := " " + l + " "
	for _, hl := range Lexicon.ContactField("hotline").FoldedLabels() {
		// A duty line ("Điện thoại trực ban") is staffed day and night: it
		// is the office's phone when the block has no plain one, though
		// questions and replies count it with the hotlines.
		if strings.Contains(padded, " "+hl+" ") && (hl != "truc ban" || l == hl) {
			return fieldNone, false
		}
	}
	kinds := map[string]contactField{
		"phone": fieldPhone, "fax": fieldFax, "email": fieldEmail, "website": fieldWebsite,
		"address": fieldAddress, "person": fieldPerson,
	}
	for _, cf := range Lexicon.ContactFields {
		k, ok := kinds[cf.Kind]
		if !ok {
			continue
		}
		for _, fl := range cf.FoldedLabels() {
			switch {
			case l == fl:
				return k, true
			case strings.HasPrefix(l, fl+" "):
				// A qualified label ("Điện thoại trực ban", "Địa chỉ trụ
				// sở"): an address is the address, a qualified phone fills
				// Phone only when the block has no plain one.
				return k, k != fieldPhone
			}
		}
	}
	return fieldNone, false
}

// isContactLine reports whether line starts with a contact label.
func isContactLine(line string) bool {
	line = stripBullet(line)
	loc := contactLabelRE.FindStringSubmatchIndex(line)
	return loc != nil && loc[0] == 0 && loc[1] < len(line)
}

// isEmptyContactLine reports whether line is a contact label with no value
// ("Fax:", "Email: |"): a field the office left blank, inside the block.
func isEmptyContactLine(line string) bool {
	line = stripBullet(line)
	loc := contactLabelRE.FindStringSubmatchIndex(line)
	return loc != nil && loc[0] == 0 && trimValue(line[loc[1]:]) == ""
}

// isFieldLine reports whether line has the "Label: value" shape of a field
// in a contact block. On its own it does not make a block: only a line with
// a known contact label starts one (isContactLine).
func isFieldLine(line string) bool {
	if isContactLine(line) || isEmptyContactLine(line) {
		return true
	}
	_, _, ok := genericField(stripBullet(line))
	return ok
}

// genericField splits a "Label: value" line whose label is not a known
// contact label.
func genericField(line string) (label, value string, ok bool) {
	m := fieldLineRE.FindStringSubmatch(line)
	if m == nil || utf8.RuneCountInString(m[1]) > 40 || notFieldLabels[Fold(m[1])] {
		return "", "", false
	}
	if strings.HasPrefix(m[2], "//") { // "Http://…" is not a label
		return "", "", false
	}
	return m[1], m[2], true
}

type contactItem struct {
	field        contactField
	plain        bool
	label, value string
}

// splitContactLine splits one line into its labelled fields. A line that
// starts with a label of its own ("Chánh Văn phòng: …", "Thời gian làm
// việc: …") is one field up to the next known label, if any.
func splitContactLine(line string) []contactItem {
	line = stripBullet(line)
	locs := contactLabelRE.FindAllStringSubmatchIndex(line, -1)
	var items []contactItem
	if len(locs) == 0 || locs[0][0] > 0 {
		end := len(line)
		if len(locs) > 0 {
			end = locs[0][0]
		}
		if label, _, ok := genericField(line[:end]); ok {
			_, rest, _ := strings.Cut(line[:end], ":")
			if v := trimValue(rest); v != "" {
				items = append(items, contactItem{field: fieldNone, label: label, value: v})
			}
		}
	}
	for k, loc := range locs {
		end := len(line)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		value := trimValue(line[loc[1]:end])
		if value == "" {
			continue
		}
		label := line[loc[2]:loc[3]]
		f, plain := fieldOf(label)
		items = append(items, contactItem{field: f, plain: plain, label: label, value: value})
	}
	return items
}

// trimValue cleans a field's value as a card shows it. A page that keeps
// its contact block in a table ("Điện thoại: | (028) 7302 2286 |", "|
// Email: | … |") leaves the cells' separators around and between the
// values: they are dropped, cells joined by ", ". A value with no letter or
// digit ("|", "-", "…") is no value.
func trimValue(v string) string {
	v = joinCells(v)
	v = strings.TrimRight(strings.TrimSpace(v), " -–|;,")
	if !strings.ContainsFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	return v
}

// cellSepRE is a table's cell separator inside a line.
var cellSepRE = regexp.MustCompile(`\s*\|\s*`)

// joinCells writes a line cut into "|" cells as text: the cells that hold
// something, in order, joined by ", ".
func joinCells(line string) string {
	if !strings.Contains(line, "|") {
		return strings.TrimSpace(line)
	}
	var cells []string
	for _, c := range cellSepRE.Split(line, -1) {
		if c = strings.TrimSpace(c); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, ", ")
}

// parseContactLines reads a contact block: each line one or more "Label:
// value" fields. Contact.Lines keeps each field as its own "Label: value"
// line, in the publisher's wording.
func parseContactLines(lines []string) (Contact, bool) {
	var c Contact
	var items []contactItem
	for i, line := range lines {
		if i == 0 && !isFieldLine(line) {
			// The office's name heads the block ("Ủy ban nhân dân xã …").
			if name := officeName(trimValue(line)); name != "" {
				c.Office = name
				c.Lines = append(c.Lines, name)
			}
			continue
		}
		items = append(items, splitContactLine(line)...)
	}
	if len(items) == 0 {
		return c, false
	}
	// Phone is the plain "Điện thoại" line; a qualified one ("Điện thoại trực
	// ban") stands in only when there is none.
	phone := -1
	for k, it := range items {
		if it.field == fieldPhone && (phone < 0 || it.plain && !items[phone].plain) {
			phone = k
		}
	}
	for k, it := range items {
		c.Lines = append(c.Lines, it.label+": "+it.value)
		var dst *string
		switch it.field {
		case fieldOffice:
			dst = &c.Office
		case fieldAddress:
			dst = &c.Address
		case fieldPhone:
			if k == phone {
				c.Phone = it.value
				if !it.plain {
					c.PhoneLabel = it.label
				}
				continue
			}
		case fieldFax:
			dst = &c.Fax
		case fieldEmail:
			dst = &c.Email
		case fieldPerson:
			dst = &c.Person
		case fieldWebsite:
			dst = &c.Website
		}
		if dst != nil && *dst == "" {
			*dst = it.value
			continue
		}
		c.Extra = append(c.Extra, Field{Label: it.label, Value: it.value})
	}
	return c, true
}

// findBodyContacts finds contact blocks in the article text itself: runs of
// contact lines on a contact page ("Liên hệ", "Thông tin liên hệ") or a
// directory of offices. A run starts with a known contact label, goes on
// through any "Label: value" line, and needs two fields, so that one "Địa
// chỉ:" in a story is not a contact. A field that the run already has
// (a second "Địa chỉ:") starts the next office's run. The office is named by
// an "Cơ quan:" field, else by the short line just before the run (its list
// number dropped), else by the article's title. Blocks already found in the
// footer are not repeated.
func findBodyContacts(paragraphs []string, title string, have []Contact) []Contact {
	var out []Contact
	for i := 0; i < len(paragraphs); {
		if !isContactLine(paragraphs[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(paragraphs) && isFieldLine(paragraphs[j]) && !repeatsField(paragraphs[i:j], paragraphs[j]) {
			j++
		}
		c, _ := parseContactLines(paragraphs[i:j])
		if len(c.Lines) >= 2 && !seen(have, c) && !seen(out, c) {
			if c.Office == "" {
				if i > 0 && utf8.RuneCountInString(paragraphs[i-1]) <= 120 && !strings.HasSuffix(paragraphs[i-1], ".") {
					c.Office = officeName(trimValue(paragraphs[i-1]))
				}
				if c.Office == "" {
					c.Office = title
				}
			}
			out = append(out, c)
		}
		i = j
	}
	return out
}

// repeatsField reports whether line starts with a named field (address,
// phone, fax, e-mail) that the block's lines already have: in a directory
// with no blank line or heading between offices, that is the next office.
func repeatsField(block []string, line string) bool {
	items := splitContactLine(line)
	if len(items) == 0 || items[0].field == fieldNone || items[0].field == fieldOffice || !items[0].plain {
		return false
	}
	for _, l := range block {
		for _, it := range splitContactLine(l) {
			if it.field == items[0].field && it.plain {
				return true
			}
		}
	}
	return false
}

// listNumberRE is a directory entry's number or bullet: "1. ", "2) ", "a) ",
// "IV. ", "- ".
var listNumberRE = regexp.MustCompile(`^(?:(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])[.)]\s+|[-–—+*•·▪►]\s*)`)

// officeName is the office a heading line names: without its list number
// and trailing colon.
func officeName(line string) string {
	name := strings.TrimRight(line, " :")
	if rest := listNumberRE.ReplaceAllString(name, ""); rest != "" && strings.ContainsFunc(rest, unicode.IsLetter) {
		name = rest
	}
	return name
}

func seen(cs []Contact, c Contact) bool {
	for _, o := range cs {
		if o.Phone == c.Phone && o.Email == c.Email && o.Address == c.Address && o.Office == c.Office {
			return true
		}
	}
	return false
}
