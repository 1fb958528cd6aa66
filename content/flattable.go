package content

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A portal's table copied out of the browser, or saved by a scraper that
// writes one text node a line, arrives with one cell per line: the heading
// cells, then each row's cells, the row's number first, blank lines
// between cells or not:
//
//	TT
//	Tên đơn vị
//	Địa chỉ
//	Số điện thoại
//	1.
//	Phường Mẫu
//	58B đường Thử
//	0000.111 222
//	2.
//	…
//
// Joined as hard-wrapped text, the whole table becomes one paragraph and no
// passage says which address is whose. The rows' numbers give the table
// away: a line holding only "1.", then after the same number of cells "2.",
// "3." …; the heading is the cells right before the first number. Each row
// is then rendered like the rows of any other table (renderTable): "Tên
// đơn vị: Phường Mẫu; Địa chỉ: 58B đường Thử; Số điện thoại: 0000.111 222".
//
// Layouts handled: the heading has a number column ("TT", "STT") or not; a
// page break repeats the heading between rows; a row may lack its last
// cells (an office with no phone), seen when the next number comes early;
// a line wholly in brackets is the second line of the cell before.
// A numbered list whose numbers stand on their own lines is no table: it
// has no heading of two short cells or more right before its "1.", or its
// items do not come in rows of one width.

// ordinalCellRE is a row number alone on its line: "1", "1.", "01", "1)",
// "#1" (a ranking's number).
var ordinalCellRE = regexp.MustCompile(`^#?0*(\d{1,3})[.)]?$`)

// maxFlatColumns bounds a flattened table's width: wider tables are not
// pasted one cell a line by anyone, and the bound keeps the search short.
const maxFlatColumns = 10

// ordinalCell returns the row number a cell holds alone, or -1.
func ordinalCell(c string) int {
	m := ordinalCellRE.FindStringSubmatch(c)
	if m == nil {
		return -1
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// headingCell reports whether c can be a column heading: a short label
// starting with a letter, or with a number that a word follows ("63 tỉnh
// thành"), not a sentence and not a number.
func headingCell(c string) bool {
	if c == "" || utf8.RuneCountInString(c) > 60 || len(strings.Fields(c)) > 10 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(c)
	last, _ := utf8.DecodeLastRuneInString(c)
	if unicode.IsDigit(first) {
		f := strings.Fields(c)
		second, _ := utf8.DecodeRuneInString(f[len(f)-1])
		if len(f) < 2 || !unicode.IsLetter(second) || ordinalCell(f[0]) < 0 {
			return false
		}
	} else if !unicode.IsLetter(first) {
		return false
	}
	return !strings.ContainsRune(".:;,!?", last) && !isListItem(c) && !isFieldLine(c)
}

// sectionCells reports whether cells can be a row that heads a section of
// the table instead of numbering an item ("ĐỒNG BẰNG SÔNG HỒNG", then the
// region's totals): its first cell names it, none is a row number, and it
// is no wider than a row's data.
func sectionCells(cells []flatCell, width int) bool {
	if len(cells) == 0 || len(cells) > width-1 || !headingCell(cells[0].text) {
		return false
	}
	for _, c := range cells {
		if ordinalCell(c.text) >= 0 || utf8.RuneCountInString(c.text) > 120 {
			return false
		}
	}
	return true
}

// hasNumericCell reports whether a cell is a number: a section's row right
// under the heading states the section's totals, which tells it from the
// heading's last labels.
func hasNumericCell(cells []flatCell) bool {
	for _, c := range cells {
		if numericCellRE.MatchString(c.text) {
			return true
		}
	}
	return false
}

// upperCell reports whether a cell is written in capitals, as a table
// names its sections ("TRUNG DU VÀ MIỀN NÚI PHÍA BẮC").
func upperCell(c string) bool {
	letters := 0
	for _, r := range c {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// flatCell is one non-blank line and where it was.
type flatCell struct {
	text string
	line int
}

// flatTableAt reads a table flattened one cell per line whose heading starts
// at lines[i], and returns its rows (the heading first, without a number
// column) and the index of the first line after it; nil when no such table
// starts there.
func flatTableAt(lines []string, i int) ([][]string, int) {
	if !headingCell(strings.TrimSpace(lines[i])) {
		return nil, i
	}
	// A line wholly in brackets goes on the cell before: a cell's second
	// line, "Thành phố X" / "(A + B + C)", or a heading's note. A cell
	// wrapped in "|" is a table's cell whose row was broken one cell a line.
	next := func(from, n int) []flatCell {
		var out []flatCell
		for k := from; k < len(lines); k++ {
			t := cleanSpace(strings.TrimSpace(lines[k]))
			if strings.HasPrefix(t, "|") || strings.HasSuffix(t, "|") {
				t = strings.TrimSpace(strings.Trim(t, "|"))
			}
			switch {
			case t == "":
			case len(out) > 0 && strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && ordinalCell(out[len(out)-1].text) < 0:
				out[len(out)-1] = flatCell{out[len(out)-1].text + " " + t, k}
			case len(out) >= n:
				return out
			default:
				out = append(out, flatCell{t, k})
			}
		}
		return out
	}
	// The cells ahead, enough for the heading and the first two rows.
	cells := next(i, 3*maxFlatColumns+2)
	// The heading: the cells before the first "1". A numbered heading
	// ("STT") may be followed by a section's row before the first item.
	p := -1
	for k, c := range cells {
		if ordinalCell(c.text) == 1 {
			p = k
			break
		}
		if k >= 2*maxFlatColumns {
			return nil, i
		}
	}
	if p < 2 {
		return nil, i
	}
	numbered := isOrdinalHeading(cells[0].text) // the heading has the number column
	h := p                                      // cells in the heading
	var spanned []string                        // a two-row heading's columns, see spanHeads
	if numbered {
		// The rows' width is the distance from "1" to "2"; what lies
		// between the heading and "1" beyond it is a section's row.
		for k := p + 2; k < len(cells) && k-p <= maxFlatColumns; k++ {
			if ordinalCell(cells[k].text) == 2 {
				if k-p < p && sectionCells(cells[k-p:p], k-p) && hasNumericCell(cells[k-p:p]) {
					h = k - p
				} else if k-p == p-1 {
					labels := make([]string, p)
					for j := range labels {
						labels[j] = cells[j].text
					}
					spanned = spanHeads(labels)
				}
				break
			}
		}
	}
	if h < 2 || h > maxFlatColumns {
		return nil, i
	}
	for _, c := range cells[:h] {
		if !headingCell(c.text) {
			return nil, i
		}
	}
	heads := make([]string, h)
	for k := range heads {
		heads[k] = cells[k].text
	}
	width := h // cells in a row, its number included
	if !numbered {
		width = h + 1
	}
	if numbered {
		heads = heads[1:]
	}
	if spanned != nil {
		heads = spanned[1:]
		width = len(spanned)
	}

	var rows [][]string
	// section adds a section's row: its cells under the headings from the
	// first, padded.
	section := func(cs []flatCell) {
		data := make([]string, width-1)
		for k, c := range cs {
			data[k] = c.text
		}
		rows = append(rows, data)
	}
	if h < p {
		section(cells[h:p])
	}
	items, full := 0, 0 // numbered rows, and those with every cell
	at := cells[p].line // the line of the current row's number
	end := at
	for n := 1; ; n++ {
		row := next(at, width+len(heads)+1)
		if len(row) == 0 || ordinalCell(row[0].text) != n {
			break
		}
		// The row's cells run to the next number, at most width-1 of them.
		var data []string
		k := 1
		for ; k < len(row) && len(data) < width-1; k++ {
			c := row[k].text
			if ordinalCell(c) == n+1 && len(data) > 0 {
				break // a short row: the next one starts early
			}
			if utf8.RuneCountInString(c) > 200 {
				break
			}
			data = append(data, c)
		}
		if len(data) == 0 {
			break
		}
		items++
		if len(data) == width-1 {
			full++
		}
		for len(data) < width-1 {
			data = append(data, "")
		}
		rows = append(rows, data)
		end = row[k-1].line + 1
		// After the row: the next number, a repeated heading, a section's
		// row before the next number, or the end.
		rest := next(end, len(heads)+2)
		if numbered && len(rest) > len(heads) && sameCells(rest[1:len(heads)+1], heads) && isOrdinalHeading(rest[0].text) {
			end = rest[len(heads)].line + 1
		} else if !numbered && len(rest) >= len(heads) && sameCells(rest[:len(heads)], heads) {
			end = rest[len(heads)-1].line + 1
		} else if len(rest) > 0 && ordinalCell(rest[0].text) != n+1 {
			for s := 1; s < len(rest) && s < width; s++ {
				if ordinalCell(rest[s].text) == n+1 {
					if sectionCells(rest[:s], width) && (hasNumericCell(rest[:s]) || upperCell(rest[0].text)) {
						section(rest[:s])
						end = rest[s-1].line + 1
					}
					break
				}
			}
		}
		at = end
	}
	// Rows of one width make a table; a few may lack cells, but if most
	// do, the heading was guessed too wide.
	if items < 2 || full*3 < items*2 {
		return nil, i
	}
	// A numbered list of sentences under a few short lines is no table:
	// table cells are short.
	long := 0
	for _, r := range rows {
		for _, c := range r {
			if utf8.RuneCountInString(c) > 120 {
				long++
			}
		}
	}
	if long*4 > len(rows) {
		return nil, i
	}
	return append([][]string{heads}, rows...), end
}

func sameCells(cells []flatCell, heads []string) bool {
	for k, h := range heads {
		if Fold(cells[k].text) != Fold(h) {
			return false
		}
	}
	return true
}

// spanHeads reads a two-row heading flattened into one run of labels: the
// upper row, one of whose cells spans the lower row's cells ("STT", "Tên
// đơn vị", "Tổng số", "Phân loại", "Ghi chú", then "Loại 1", "Loại 2",
// "Loại 3"), when a row is one cell narrower than the labels. The lower
// labels are the last ones; the spanning cell is the one upper label that
// shares a word with every lower label. It returns the columns, the
// spanning label joined to each lower label ("Phân loại Loại 1"), or nil
// when no single split fits.
func spanHeads(labels []string) []string {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range strings.FieldsFunc(Fold(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
			m[w] = true
		}
		return m
	}
	for l := len(labels) - 2; l >= 2; l-- {
		upper, lower := labels[:len(labels)-l], labels[len(labels)-l:]
		span := -1
		for s := 1; s < len(upper); s++ {
			uw := words(upper[s])
			all := true
			for _, lw := range lower {
				shared := false
				for w := range words(lw) {
					shared = shared || uw[w]
				}
				all = all && shared
			}
			if !all {
				continue
			}
			if span >= 0 {
				span = -2 // two upper cells fit: ambiguous
				break
			}
			span = s
		}
		if span < 0 {
			continue
		}
		out := append([]string{}, upper[:span]...)
		for _, lw := range lower {
			out = append(out, upper[span]+" "+lw)
		}
		return append(out, upper[span+1:]...)
	}
	return nil
}
