package content

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Portals publish schedules and statistics as tables: a reception schedule
// (date, weekday, who receives, their post), the main indicators of a
// report (indicator, plan, result, rate). Scraped as text a table's cells
// are separated by tabs, by "|" or by runs of spaces; saved as HTML it is a
// <table>. Joined into one paragraph, its rows lose their boundaries and no
// passage says which value belongs to which row. So each data row becomes a
// paragraph of its own that reads alone: every cell behind its column's
// heading, "Ngày: 05/9/2024; Thứ: Thứ Năm; Người tiếp: …". The heading row
// itself is not repeated as a paragraph; a caption or the sentence before
// the table stays a paragraph of its own.

// tableCellSep says how a text line separates its cells.
type tableCellSep int

const (
	sepNone tableCellSep = iota
	sepTab
	sepPipe
	sepSpaces
)

var (
	spacesSepRE = regexp.MustCompile(` {2,}`)
	// A Markdown table's rule row: "|---|:---:|".
	tableRuleRE = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$`)
	// A cell that is a number, a date, a rate or an amount: a row with one
	// is data, not headings.
	numericCellRE = regexp.MustCompile(`^[\d\s.,%/:;+()–-]*\d[\d\s.,%/:;+()–-]*$`)
)

// textCells splits a scraped line into its cells, and reports the separator
// that did. Leading indentation is not a cell boundary.
func textCells(line string) ([]string, tableCellSep) {
	t := strings.Trim(line, " \u00a0")
	switch {
	case strings.Contains(t, "\t"):
		return trimCells(strings.Split(strings.Trim(t, "\t "), "\t")), sepTab
	case strings.Contains(t, "|"):
		t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|"))
		return trimCells(strings.Split(t, "|")), sepPipe
	case spacesSepRE.MatchString(t):
		return trimCells(spacesSepRE.Split(t, -1)), sepSpaces
	}
	return nil, sepNone
}

func trimCells(cells []string) []string {
	for i, c := range cells {
		cells[i] = cleanSpace(c)
	}
	return cells
}

func filled(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" {
			n++
		}
	}
	return n
}

// expandTables finds the tables in scraped lines and writes each data row
// as a line of its own between blank lines, so that joinLines makes it a
// paragraph. Other lines are returned unchanged. The rows are recorded in
// d.tableRows: a row reads like a contact line ("Tên đơn vị: …; Địa chỉ:
// …"), and one that ends the article must not be taken for the footer.
func (d *draft) expandTables(lines []string) []string { return d.expandTablesOf(lines, true) }

// expandFlatTables is expandTables for tables flattened one cell a line
// only: the lines of an HTML page, whose real tables are <table>s and whose
// text may hold "|" or tabs that separate no cells.
func (d *draft) expandFlatTables(lines []string) []string { return d.expandTablesOf(lines, false) }

func (d *draft) expandTablesOf(lines []string, cellSeparators bool) []string {
	if cellSeparators {
		lines = splitInlineTables(lines)
	}
	var out []string
	for i := 0; i < len(lines); {
		if box, next, ok := infoboxAt(lines, i, cellSeparators); ok {
			out, i = d.addInfobox(out, lines, i, next, box)
			continue
		}
		var rows [][]string
		next := i
		if cellSeparators {
			rows, next = tableAt(lines, i)
		}
		header := false
		if rows == nil {
			rows, next = flatTableAt(lines, i)
			header = true
		}
		var rendered []string
		if rows != nil {
			rendered = renderTable(rows, header)
		} else {
			rendered, next = recordsAt(lines, i)
		}
		if rendered == nil {
			out = append(out, lines[i])
			i++
			continue
		}
		out = append(out, "")
		for _, r := range rendered {
			out = append(out, r, "")
			if d.tableRows == nil {
				d.tableRows = map[string]bool{}
			}
			d.tableRows[cleanSpace(r)] = true
		}
		i = next
	}
	return out
}

// addInfobox writes the box read from lines[i:next] to out: its fields as
// table rows, then its other lines as one paragraph. When no sentence
// comes before the box, the first line after it that is one, the page's
// lead, comes before it. It returns out and the index of the next line to
// read.
// maxBoxHead bounds the lines above a box that go with it.
const maxBoxHead = 4

func (d *draft) addInfobox(out, lines []string, i, next int, box infobox) ([]string, int) {
	lead := skipBlank(lines, next)
	if lead < len(lines) && isLeadSentence(lines[lead]) && !slices.ContainsFunc(lines[:i], isLeadSentence) {
		// The few short lines above the box — its name, the page's
		// tagline, a skip link — go with it, but for the headline,
		// which stays first.
		keep := 0
		if k := skipBlank(out, 0); k < len(out) && d.meta.Title != "" && Normalize(out[k]) == Normalize(d.meta.Title) {
			keep = k + 1
		}
		var above []string
		for _, l := range out[keep:] {
			if strings.TrimSpace(l) != "" {
				above = append(above, l)
			}
		}
		if len(above) <= maxBoxHead {
			out = out[:keep]
			box.other = append(above, box.other...)
		}
		out = append(out, "", lines[lead])
		next = lead + 1
	}
	out = append(out, "")
	// The field that says whose the box is (a document's number) goes
	// with every other, as a record's name does: "Số hiệu: 09/NQ-HĐND;
	// Người ký: …" says whose signer it is.
	if k := slices.IndexFunc(box.rows, isBoxSubject); k >= 0 {
		subject := box.rows[k]
		rows := []string{subject}
		for j, r := range box.rows {
			if j != k {
				rows = append(rows, subject+"; "+r)
			}
		}
		box.rows = rows
	}
	for _, r := range box.rows {
		out = append(out, r, "")
		if d.tableRows == nil {
			d.tableRows = map[string]bool{}
		}
		d.tableRows[cleanSpace(r)] = true
		if d.boxRows == nil {
			d.boxRows = map[string]bool{}
		}
		d.boxRows[cleanSpace(r)] = true
	}
	// The lines that are no field — the box's name and kind, its
	// section headings, its images' captions — each stand alone, once:
	// joined, they would make a passage of every label's words.
	seen := map[string]bool{}
	for _, o := range box.other {
		if o = cleanSpace(o); !seen[o] {
			seen[o] = true
			out = append(out, o, "")
		}
	}
	return out, next
}

// isBoxSubject reports whether a box's row is the field naming whose the
// box is (Lexicon.InfoboxSubjects).
func isBoxSubject(row string) bool {
	label, _, _ := strings.Cut(row, ": ")
	for _, l := range Lexicon.InfoboxSubjects {
		if strings.EqualFold(label, l) {
			return true
		}
	}
	return false
}

// tableAt reads the table that starts at lines[i], if one does, and returns
// its rows and the index of the first line after it. A table is two or more
// consecutive rows with the same separator (tab-separated rows may have a
// blank line between them); cells split by spaces alone make a table only
// when three or more rows have the same number of short cells, since prose
// scraped from justified text has stray double spaces too. Rows of "Label:
// value" pairs ("Điện thoại: … | Fax: …") are a contact block, not a table.
func tableAt(lines []string, i int) ([][]string, int) {
	first, sep := textCells(lines[i])
	if sep == sepNone || filled(first) < 2 {
		return nil, i
	}
	rows := [][]string{first}
	j := i + 1
	for j < len(lines) {
		k := j
		if strings.TrimSpace(lines[k]) == "" && sep == sepTab && k+1 < len(lines) {
			k++
		}
		if sep == sepPipe && tableRuleRE.MatchString(strings.TrimSpace(lines[k])) {
			j = k + 1
			continue
		}
		cells, s := textCells(lines[k])
		if s != sep || filled(cells) < 1 || sep == sepSpaces && len(cells) != len(first) {
			break
		}
		rows = append(rows, cells)
		j = k + 1
	}
	if sep == sepPipe {
		rows = joinBrokenRows(rows)
	}
	if len(rows) < 2 || sep == sepSpaces && len(rows) < 3 {
		return nil, i
	}
	var all, fields int
	for _, r := range rows {
		for _, c := range r {
			if c == "" {
				continue
			}
			all++
			if sep == sepSpaces && utf8.RuneCountInString(c) > 80 {
				return nil, i
			}
			if strings.HasSuffix(c, ":") || isFieldLine(c) {
				fields++
			}
		}
	}
	if fields*3 > all {
		return nil, i
	}
	return rows, j
}

// joinBrokenRows puts back together the rows of a "|" table that a copy
// broke over lines: the heading "STT | Xã trước | Xã sau |", then
// "Diện tích (km2) |" and "Dân số (người) |" on lines of their own, above
// rows of five cells. The table's width is the cell count most of its rows
// have; a shorter row takes the short rows after it while they fit.
func joinBrokenRows(rows [][]string) [][]string {
	count := map[int]int{}
	width := 0
	for _, r := range rows {
		count[len(r)]++
		if c := count[len(r)]; c > count[width] || c == count[width] && len(r) > width {
			width = len(r)
		}
	}
	if count[width] < 2 {
		return rows
	}
	var out [][]string
	for k := 0; k < len(rows); k++ {
		r := rows[k]
		for len(r) < width && k+1 < len(rows) && len(rows[k+1]) < width && len(r)+len(rows[k+1]) <= width {
			r = append(append([]string(nil), r...), rows[k+1]...)
			k++
		}
		out = append(out, r)
	}
	return out
}

// renderTable writes a table's rows as self-contained lines. The first row
// is the table's headings when header says so (an HTML row of <th>) or when
// it looks so: no cell of it is a number or a date and none is long. A
// column numbered "STT" is left out: the number says nothing read alone.
// A row with a single filled cell (a section of the table, "I. Kinh tế", or
// a cell spanning the row) is written as it is.
func renderTable(rows [][]string, header bool) []string {
	if len(rows) == 0 {
		return nil
	}
	var heads []string
	if header || looksLikeHeadings(rows[0], rows[1:]) {
		heads, rows = rows[0], rows[1:]
	}
	var out []string
	for _, r := range rows {
		if filled(r) == 1 {
			for _, c := range r {
				if c != "" {
					out = append(out, c)
				}
			}
			continue
		}
		var parts, cells []string
		labelled := false
		for k, c := range r {
			if c == "" {
				continue
			}
			label := ""
			if k < len(heads) {
				label = strings.TrimRight(heads[k], " :")
			}
			if isOrdinalHeading(label) {
				continue
			}
			cells = append(cells, c)
			if label != "" && !strings.EqualFold(label, c) {
				c = label + ": " + c
				labelled = true
			}
			parts = append(parts, c)
		}
		if len(parts) == 0 {
			continue
		}
		row := strings.Join(parts, "; ")
		if labelled && len(cells) > 1 {
			// The labels tell what each number is; the cells as the page
			// writes them, side by side, are what a reader quotes ("Huyện
			// Bảo Lâm 112"), which the labels cut apart.
			row += " (" + strings.Join(cells, " ") + ")"
			// labelledRow takes it off again for the corpus's counts.
		}
		out = append(out, row)
	}
	return out
}

func looksLikeHeadings(first []string, rest [][]string) bool {
	if len(rest) == 0 || filled(first) < 2 {
		return false
	}
	for _, c := range first {
		if numericCellRE.MatchString(c) || utf8.RuneCountInString(c) > 60 {
			return false
		}
	}
	return true
}

// isOrdinalHeading reports whether a column heading numbers the rows: "STT",
// "TT", "Số TT", "Số thứ tự", "No.".
func isOrdinalHeading(h string) bool {
	switch Fold(strings.TrimRight(h, ". ")) {
	case "stt", "tt", "so tt", "so thu tu", "no", "#":
		return true
	}
	return false
}

// inlineRuleRE finds a Markdown table's rule row inside a line: "|---|:--:|".
var inlineRuleRE = regexp.MustCompile(`\|(?:\s*:?-{2,}:?\s*\|)+`)

// splitInlineTables puts back the line breaks of a Markdown table written
// on one line — its heading row, rule row and data rows joined, as a copy
// from a web page or a chat leaves them: "| Thôn | Số hộ | |---|---| |
// Thôn Mẫu | 120 | | Thôn Thử | 95 |". The rule row gives the number of
// columns n; the rows after it are then n cells each, one empty "cell"
// ("| |" or "||") between two rows. Text before the heading row and after
// the last row is kept as lines of its own. A line whose cells do not fall
// into rows of n is left as it is.
func splitInlineTables(lines []string) []string {
	var out []string
	for _, line := range lines {
		split, ok := splitInlineTable(line)
		if !ok {
			out = append(out, line)
			continue
		}
		out = append(out, split...)
	}
	return out
}

func splitInlineTable(line string) ([]string, bool) {
	loc := inlineRuleRE.FindStringIndex(line)
	if loc == nil {
		return nil, false
	}
	rule := line[loc[0]:loc[1]]
	n := strings.Count(rule, "|") - 1
	// The heading row: the last n cells before the rule.
	head := strings.TrimSpace(line[:loc[0]])
	head, ok := strings.CutSuffix(head, "|")
	if !ok {
		return nil, false
	}
	cells := strings.Split(head, "|")
	if len(cells) < n {
		return nil, false
	}
	lead := strings.TrimSpace(strings.Join(cells[:len(cells)-n], "|"))
	heads := cells[len(cells)-n:]
	// The data rows: n cells each, an empty one between two rows.
	body := strings.TrimSpace(line[loc[1]:])
	if !strings.HasPrefix(body, "|") {
		return nil, false
	}
	last := strings.LastIndex(body, "|")
	tail := strings.TrimSpace(body[last+1:])
	var data []string
	if last > 0 {
		data = strings.Split(body[1:last], "|")
	}
	// A page saved with a length limit ends inside a row: the rows that
	// are whole are the table, the cut row's cells are text after it.
	rows := (len(data) + 1) / (n + 1)
	if rows == 0 || (len(data)+1)%(n+1) != 0 && rows < 2 {
		return nil, false
	}
	if cut := data[min(len(data), rows*(n+1)):]; len(cut) > 0 {
		parts := append(append([]string(nil), cut...), tail)
		tail = cleanSpace(strings.Join(parts, " "))
		data = data[:rows*(n+1)-1]
	}
	var out []string
	if lead != "" {
		out = append(out, lead)
	}
	out = append(out, "|"+strings.Join(heads, "|")+"|", rule)
	for k := 0; k < len(data); k += n + 1 {
		if k+n < len(data) && strings.TrimSpace(data[k+n]) != "" {
			return nil, false
		}
		out = append(out, "|"+strings.Join(data[k:k+n], "|")+"|")
	}
	if tail != "" {
		out = append(out, tail)
	}
	return out, true
}

// labelledRow is a table row's paragraph without the cells renderTable
// adds after the labelled ones: counts over the corpus (a name's spans,
// see InferAbbreviations) must see each cell once, as the page wrote it.
// Any other paragraph is returned as it is.
func labelledRow(p string) string {
	if !strings.HasSuffix(p, ")") {
		return p
	}
	for i := strings.LastIndex(p, " ("); i > 0; i = strings.LastIndex(p[:i], " (") {
		var values []string
		for _, part := range strings.Split(p[:i], "; ") {
			if _, v, ok := strings.Cut(part, ": "); ok {
				part = v
			}
			values = append(values, part)
		}
		if strings.Join(values, " ") == p[i+2:len(p)-1] {
			return p[:i]
		}
	}
	return p
}
