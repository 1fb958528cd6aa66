package content

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// contactLabelRE finds the labels of a contact block. A portal footer may put
// several on one line ("Điện thoại: 02393 865 366 - Fax: 02393 865 366 -
// Email: …"), so a label counts at the start of a line or after a separator.
// Longer labels come first: Go's alternation takes the leftmost that matches.
var contactLabelRE = regexp.MustCompile(`(?i)(?:^|\s[-–|;,]\s*|;\s*|\|\s*)(cơ quan chủ quản|đơn vị chủ quản|tên cơ quan|tên đơn vị|cơ quan|địa chỉ trụ sở|địa chỉ|trụ sở|số điện thoại|điện thoại|đường dây nóng|hotline|đt|tel|phone|số fax|fax|e-mail|email|thư điện tử|người chịu trách nhiệm|chịu trách nhiệm chính|chịu trách nhiệm|trưởng ban biên tập|website|trang web|cổng thông tin)\s*:\s*`)

type contactField int

const (
	fieldNone contactField = iota
	fieldOffice
	fieldAddress
	fieldPhone
	fieldFax
	fieldEmail
	fieldPerson
	fieldWebsite
)

func fieldOf(label string) contactField {
	switch Fold(label) {
	case "co quan chu quan", "don vi chu quan", "ten co quan", "ten don vi", "co quan":
		return fieldOffice
	case "dia chi tru so", "dia chi", "tru so":
		return fieldAddress
	case "so dien thoai", "dien thoai", "duong day nong", "hotline", "dt", "tel", "phone":
		return fieldPhone
	case "so fax", "fax":
		return fieldFax
	case "e-mail", "email", "thu dien tu":
		return fieldEmail
	case "nguoi chiu trach nhiem", "chiu trach nhiem chinh", "chiu trach nhiem", "truong ban bien tap":
		return fieldPerson
	case "website", "trang web", "cong thong tin":
		return fieldWebsite
	}
	return fieldNone
}

// isContactLine reports whether line starts with a contact label.
func isContactLine(line string) bool {
	loc := contactLabelRE.FindStringSubmatchIndex(line)
	return loc != nil && loc[0] == 0 && loc[1] < len(line)
}

type contactItem struct {
	field        contactField
	label, value string
}

// splitContactLine splits one line into its labelled fields.
func splitContactLine(line string) []contactItem {
	locs := contactLabelRE.FindAllStringSubmatchIndex(line, -1)
	var items []contactItem
	for k, loc := range locs {
		end := len(line)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		value := strings.TrimSpace(line[loc[1]:end])
		value = strings.TrimRight(value, " -–|;,")
		if value == "" {
			continue
		}
		label := line[loc[2]:loc[3]]
		items = append(items, contactItem{field: fieldOf(label), label: label, value: value})
	}
	return items
}

// parseContactLines reads a contact block: each line one or more "Label:
// value" fields. Contact.Lines keeps each field as its own "Label: value"
// line, in the publisher's wording.
func parseContactLines(lines []string) (Contact, bool) {
	var c Contact
	n := 0
	for i, line := range lines {
		if i == 0 && !isContactLine(line) {
			// The office's name heads the block ("Ủy ban nhân dân xã …").
			c.Office = line
			c.Lines = append(c.Lines, line)
			continue
		}
		for _, it := range splitContactLine(line) {
			if c.set(it) {
				n++
			}
		}
	}
	return c, n > 0
}

func (c *Contact) set(it contactItem) bool {
	var dst *string
	switch it.field {
	case fieldOffice:
		dst = &c.Office
	case fieldAddress:
		dst = &c.Address
	case fieldPhone:
		dst = &c.Phone
	case fieldFax:
		dst = &c.Fax
	case fieldEmail:
		dst = &c.Email
	case fieldPerson:
		dst = &c.Person
	case fieldWebsite:
		dst = &c.Website
	default:
		return false
	}
	if *dst == "" {
		*dst = it.value
	}
	c.Lines = append(c.Lines, it.label+": "+it.value)
	return true
}

// findBodyContacts finds contact blocks in the article text itself: runs of
// contact lines on a contact page ("Liên hệ", "Thông tin liên hệ"). A run
// needs two fields, so that one "Địa chỉ:" in a story is not a contact. The
// office is named by an "Cơ quan:" field, else by the short line just before
// the run, else by the article's title. Blocks already found in the footer
// are not repeated.
func findBodyContacts(paragraphs []string, title string, have []Contact) []Contact {
	var out []Contact
	for i := 0; i < len(paragraphs); {
		if !isContactLine(paragraphs[i]) {
			i++
			continue
		}
		j := i
		for j < len(paragraphs) && isContactLine(paragraphs[j]) {
			j++
		}
		c, _ := parseContactLines(paragraphs[i:j])
		if len(c.Lines) >= 2 && !seen(have, c) && !seen(out, c) {
			if c.Office == "" {
				if i > 0 && utf8.RuneCountInString(paragraphs[i-1]) <= 120 && !strings.HasSuffix(paragraphs[i-1], ".") {
					c.Office = strings.TrimRight(paragraphs[i-1], " :")
				} else {
					c.Office = title
				}
			}
			out = append(out, c)
		}
		i = j
	}
	return out
}

func seen(cs []Contact, c Contact) bool {
	for _, o := range cs {
		if o.Phone == c.Phone && o.Email == c.Email && o.Address == c.Address && o.Office == c.Office {
			return true
		}
	}
	return false
}
