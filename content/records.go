package content

import (
	"strings"
	"unicode/utf8"
)

// A staff directory or an organisation chart copied from a portal lists
// each person as a name, then one field a line:
//
//	• Nguyễn Văn Mẫu
//	Chức vụ: Chủ tịch
//	SĐT: 0000.111.222
//	• Trần Thị Thử
//	Chức vụ: Phó Chủ tịch
//	SĐT: 0000.111.333
//
// Read one paragraph a line, the phone number stands alone and says not
// whose it is, so "số điện thoại của ông Mẫu" finds nothing. recordsAt
// reads such a list as a table without headings: two records or more,
// each a short line that is no field (whose record it is) and the field
// lines after it, every record opening with a field of the same label.
// Each record becomes one line, "Nguyễn Văn Mẫu; Chức vụ: Chủ tịch; SĐT:
// 0000.111.222", as a table's row is.
//
// An office's contact block has the same shape ("UBND xã Mẫu" / "Địa chỉ:
// …" / "Điện thoại: …"), and a footer or contact page may list two; those
// stay as they are, for the contact parser reads them line by line: a
// record with an address is left alone.

// maxRecordFields bounds a record's field lines.
const maxRecordFields = 8

// recordName reports whether a line can name a record: short, no field,
// no sentence.
func recordName(line string) bool {
	t := strings.TrimSpace(stripBullet(line))
	if t == "" || utf8.RuneCountInString(t) > 80 || isFieldLine(t) || ordinalCell(t) >= 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".:;!?", last)
}

// recordField splits a field line of a record: its label and value.
func recordField(line string) (string, string, bool) {
	t := strings.TrimSpace(stripBullet(line))
	m := fieldLineRE.FindStringSubmatch(t)
	if m == nil || utf8.RuneCountInString(m[1]) > 40 || utf8.RuneCountInString(m[2]) > 200 || notFieldLabels[Fold(m[1])] {
		return "", "", false
	}
	if strings.HasPrefix(m[2], "//") {
		return "", "", false
	}
	return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), true
}

// recordsAt reads the records that start at lines[i], if a list of them
// does, and returns them written one a line and the index of the first
// line after them.
func recordsAt(lines []string, i int) ([]string, int) {
	if !recordName(lines[i]) {
		return nil, i
	}
	var out []string
	first := ""
	at := i
	for {
		k := skipBlank(lines, at)
		if k >= len(lines) || !recordName(lines[k]) {
			break
		}
		name := strings.TrimSpace(stripBullet(cleanSpace(lines[k])))
		parts := []string{name}
		end := k + 1
		address := false
		for f := skipBlank(lines, k+1); f < len(lines) && len(parts) <= maxRecordFields; f = skipBlank(lines, f+1) {
			label, value, ok := recordField(cleanSpace(lines[f]))
			if !ok {
				break
			}
			if len(parts) == 1 && first != "" && Fold(label) != first {
				break
			}
			if isOfficeField(label) {
				address = true
			}
			parts = append(parts, label+": "+value)
			end = f + 1
		}
		if len(parts) < 2 || address {
			break
		}
		if first == "" {
			l, _, _ := recordField(cleanSpace(lines[skipBlank(lines, k+1)]))
			first = Fold(l)
		}
		out = append(out, strings.Join(parts, "; "))
		at = end
	}
	if len(out) < 2 {
		return nil, i
	}
	return out, at
}

// skipBlank is the index of the first line from k on that is not blank.
func skipBlank(lines []string, k int) int {
	for k < len(lines) && strings.TrimSpace(lines[k]) == "" {
		k++
	}
	return k
}

// isOfficeField reports whether a label is an office's: its address or its
// name.
func isOfficeField(label string) bool {
	f, _ := fieldOf(label)
	return f == fieldAddress || f == fieldOffice
}
