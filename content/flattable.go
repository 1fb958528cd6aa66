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

// ordinalCellRE is a row number alone on its line: "1", "1.", "01", "1)".
var ordinalCellRE = regexp.MustCompile(`^0*(\d{1,3})[.)]?$`)

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
// starting with a letter, not a sentence and not a number.
func headingCell(c string) bool {
	if c == "" || utf8.RuneCountInString(c) > 60 || len(strings.Fields(c)) > 10 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(c)
	last, _ := utf8.DecodeLastRuneInString(c)
	return unicode.IsLetter(first) && !strings.ContainsRune(".:;,!?", last) && !isListItem(c) && !isFieldLine(c)
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
	// The cells ahead, enough for the heading and the first two rows.
	var cells []flatCell
	// A line wholly in brackets goes on the cell before: a cell's second
	// line, "Thành phố X" / "(A + B + C)", or a heading's note.
	next := func(from, n int) []flatCell {
		var out []flatCell
		for k := from; k < len(lines); k++ {
			t := cleanSpace(strings.TrimSpace(lines[k]))
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
	cells = next(i, 3*maxFlatColumns+2)
	// The heading: the cells before the first "1".
	p := -1
	for k, c := range cells {
		if ordinalCell(c.text) == 1 {
			p = k
			break
		}
		if !headingCell(c.text) || k >= maxFlatColumns {
			return nil, i
		}
	}
	if p < 2 {
		return nil, i
	}
	heads := make([]string, p)
	for k := range heads {
		heads[k] = cells[k].text
	}
	numbered := isOrdinalHeading(heads[0]) // the heading has the number column
	width := p                             // cells in a row, its number included
	if !numbered {
		width = p + 1
	}
	if numbered {
		heads = heads[1:]
	}

	var rows [][]string
	full := 0           // rows with every cell
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
		if len(data) == width-1 {
			full++
		}
		for len(data) < width-1 {
			data = append(data, "")
		}
		rows = append(rows, data)
		end = row[k-1].line + 1
		// After the row: the next number, a repeated heading, or the end.
		rest := next(end, len(heads)+2)
		if numbered && len(rest) > len(heads) && sameCells(rest[1:len(heads)+1], heads) && isOrdinalHeading(rest[0].text) {
			end = rest[len(heads)].line + 1
		} else if !numbered && len(rest) >= len(heads) && sameCells(rest[:len(heads)], heads) {
			end = rest[len(heads)-1].line + 1
		}
		at = end
	}
	// Rows of one width make a table; a few may lack cells, but if most
	// do, the heading was guessed too wide.
	if len(rows) < 2 || full*3 < len(rows)*2 {
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
