package content

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads a page saved from a portal (format c). It finds the
// article body — an element whose class or id names it as content, else the
// element with the most paragraph text — drops scripts, menus and the like,
// and runs the same chrome rules as plain text over the body's lines. The
// page footer is read only for its contact block.
func parseHTML(text string) (draft, error) {
	var d draft
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return d, err
	}
	m := &d.meta
	ogTitle, titleTag, h1 := "", "", ""
	var footers []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				prop := strings.ToLower(attr(n, "property") + attr(n, "name"))
				content := cleanSpace(attr(n, "content"))
				switch prop {
				case "og:title":
					ogTitle = content
				case "article:published_time", "date", "dc.date", "pubdate":
					if m.Date == "" {
						m.Date = content
					}
				case "og:url":
					if m.Source == "" {
						m.Source = content
					}
				case "article:section":
					if m.Category == "" {
						m.Category = content
					}
				case "author", "article:author":
					if m.Author == "" && !strings.Contains(content, "://") {
						m.Author = content
					}
				case "synthetic":
					m.set("synthetic", content)
				}
			case atom.Title:
				titleTag = cleanSpace(textOf(n))
			case atom.H1:
				if h1 == "" {
					h1 = cleanSpace(textOf(n))
				}
			case atom.Footer:
				footers = append(footers, n)
				return
			}
			if isFooterish(n) {
				footers = append(footers, n)
				return
			}
			if name := strings.ToLower(attr(n, "class") + " " + attr(n, "id")); strings.Contains(name, "breadcrumb") && m.Category == "" {
				// "Trang chủ » Tin tức » Kinh tế": the last crumb is the category.
				var crumbs []string
				for _, c := range crumbSepRE.Split(cleanSpace(textOf(n)), -1) {
					if c = strings.Trim(c, "»>›/| "); c != "" {
						crumbs = append(crumbs, c)
					}
				}
				if len(crumbs) > 1 {
					m.Category = crumbs[len(crumbs)-1]
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if strings.Contains(text, "<!-- synthetic") {
		m.Synthetic = true
	}

	// The footer's contact block and copyright line.
	for _, f := range footers {
		lines := blockLines(f)
		var contact []string
		for _, l := range lines {
			if isContactLine(l) {
				contact = append(contact, l)
			} else if copyrightRE.MatchString(l) {
				if site := siteRE.FindStringSubmatch(l); site != nil && m.Site == "" {
					m.Site = strings.ToLower(site[1])
				}
			}
		}
		d.addFooter(contact)
	}

	body := findBody(doc)
	if body == nil {
		return d, errors.New("no article body found")
	}
	switch {
	case h1 != "":
		m.Title = h1
	case ogTitle != "":
		m.Title = ogTitle
	case titleTag != "":
		// "Headline - Site name": keep the headline.
		m.Title = titleTag
		if i := strings.LastIndex(titleTag, " - "); i > 0 && utf8.RuneCountInString(titleTag[i:]) < 60 {
			m.Title = titleTag[:i]
		}
	}
	d.tableRows, d.boxRows = map[string]bool{}, map[string]bool{}
	lines := d.expandFlatTables(leadBeforeBox(blockLinesRows(body, d.tableRows, d.boxRows), d.boxRows))
	bodyLines, footer := d.stripChrome(lines)
	d.addFooter(footer)
	d.paragraphs = joinLines(bodyLines)
	return d, nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// skipped elements never hold article text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer,
		atom.Aside, atom.Form, atom.Iframe, atom.Button, atom.Select, atom.Svg, atom.Template, atom.Head:
		return true
	}
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	name := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range []string{"menu", "navbar", "breadcrumb", "sidebar", "banner", "counter", "thongke", "share", "social", "related", "tinlienquan", "tinkhac", "comment"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return isFooterish(n)
}

func isFooterish(n *html.Node) bool {
	name := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(name, "footer") || strings.Contains(name, "copyright")
}

var contentNames = []string{"news-content", "article-content", "detail", "chitiet", "noidung", "article", "content", "entry", "post-body"}

// findBody picks the element holding the article: among elements whose class
// or id names content, the one with most text, then its innermost such
// descendant that still holds most of that text; else the element with the
// most text in direct <p> children.
func findBody(doc *html.Node) *html.Node {
	var cands []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if skipped(n) {
			return
		}
		if n.Type == html.ElementNode || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			name := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
			for _, w := range contentNames {
				if strings.Contains(name, w) || n.DataAtom == atom.Article {
					cands = append(cands, n)
					break
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var best *html.Node
	bestLen := 0
	for _, c := range cands {
		if l := len(textOf(c)); l > bestLen {
			best, bestLen = c, l
		}
	}
	if best != nil && bestLen > 0 {
		for {
			var inner *html.Node
			for _, c := range cands {
				if c != best && contains(best, c) && len(textOf(c))*10 >= bestLen*7 {
					if inner == nil || contains(inner, c) {
						inner = c
					}
				}
			}
			if inner == nil {
				return best
			}
			best = inner
		}
	}
	// No named container: the element with the most paragraph text.
	var bestP *html.Node
	bestLen = 0
	var scan func(n *html.Node)
	scan = func(n *html.Node) {
		if skipped(n) {
			return
		}
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.P {
				total += len(textOf(c))
			} else if c.Type == html.TextNode {
				total += len(strings.TrimSpace(c.Data))
			}
		}
		if total > bestLen {
			bestP, bestLen = n, total
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			scan(c)
		}
	}
	scan(doc)
	return bestP
}

func contains(a, b *html.Node) bool {
	for n := b.Parent; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// textOf returns the visible text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// blockLines renders n as lines: block elements and <br> end a line, and a
// paragraph is followed by a blank line so that paragraphs stay apart.
func blockLines(n *html.Node) []string { return blockLinesRows(n, nil, nil) }

// blockLinesRows is blockLines that also records, in tableRows when not
// nil, the lines rendered from the rows of the <table>s it finds, and in
// boxRows those of a side box's table (infobox.go).
func blockLinesRows(n *html.Node, tableRows, boxRows map[string]bool) []string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n != nil && skipped(n) && n.DataAtom != atom.Footer && !isFooterish(n) {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Br:
				b.WriteString("\n")
				return
			case atom.Img:
				return
			case atom.Table:
				if caption, rows, header, ok := htmlTable(n); ok {
					b.WriteString("\n\n")
					if caption != "" {
						b.WriteString(caption + "\n\n")
					}
					if box, ok := boxOfRows(rows); ok && tableRows != nil && boxRows != nil {
						for _, r := range box.rows {
							b.WriteString(r + "\n\n")
							tableRows[cleanSpace(r)], boxRows[cleanSpace(r)] = true, true
						}
						for _, o := range box.other {
							b.WriteString(o + "\n\n")
						}
						return
					}
					for _, r := range renderTable(rows, header) {
						b.WriteString(r + "\n\n")
						if tableRows != nil {
							tableRows[cleanSpace(r)] = true
						}
					}
					return
				}
			}
		}
		block := isBlock(n)
		if block {
			b.WriteString("\n")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteString("\n")
			if n.DataAtom == atom.P || n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3 || n.DataAtom == atom.Blockquote {
				b.WriteString("\n")
			}
		}
	}
	walk(n)
	var lines []string
	prevBlank := true
	for _, l := range strings.Split(b.String(), "\n") {
		l = cleanSpace(l)
		if l == "" {
			if !prevBlank {
				lines = append(lines, "")
			}
			prevBlank = true
			continue
		}
		lines = append(lines, l)
		prevBlank = false
	}
	return lines
}

func isBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Tr, atom.Table, atom.Section,
		atom.Article, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote,
		atom.Dd, atom.Dt, atom.Dl, atom.Header, atom.Footer, atom.Main, atom.Figure, atom.Figcaption, atom.Pre, atom.Td, atom.Th:
		return true
	}
	return false
}

// htmlTable reads a data table: its caption, its rows of cells and whether
// the first row holds the headings (<th> cells or a <thead>; several such
// rows are merged column by column). A cell spanning columns is repeated
// in a heading row and followed by empty cells in a data row, so that the
// cells after it keep their headings. A table holding another table, a
// cell longer than a table cell's value, or fewer than two rows of two
// cells is the page's layout, not data: ok is false and the table is read
// as blocks, as before.
func htmlTable(t *html.Node) (caption string, rows [][]string, header, ok bool) {
	var heads [][]string
	layout := false
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		for c := n.FirstChild; c != nil && !layout; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Table:
				layout = true
			case atom.Caption:
				caption = cleanSpace(strings.Join(blockLines(c), " "))
			case atom.Thead:
				walk(c, true)
			case atom.Tbody, atom.Tfoot:
				walk(c, false)
			case atom.Tr:
				cells, allTH := htmlRow(c)
				if cells == nil {
					layout = true
					return
				}
				if filled(cells) == 0 {
					continue
				}
				if (inHead || allTH) && len(rows) == 0 {
					heads = append(heads, cells)
					continue
				}
				rows = append(rows, cells)
			}
		}
	}
	walk(t, false)
	if layout {
		return "", nil, false, false
	}
	if len(heads) > 0 {
		merged := heads[0]
		for _, h := range heads[1:] {
			for k, c := range h {
				switch {
				case k >= len(merged):
					merged = append(merged, c)
				case c != "" && c != merged[k]:
					merged[k] = strings.TrimSpace(merged[k] + " " + c)
				}
			}
		}
		rows = append([][]string{merged}, rows...)
		header = true
	}
	wide := 0
	for _, r := range rows {
		if filled(r) >= 2 {
			wide++
		}
	}
	if wide < 2 {
		return "", nil, false, false
	}
	return caption, rows, header, true
}

// htmlRow returns a row's cells, and whether all are <th>; nil when a cell
// holds a table or more text than a data cell does.
func htmlRow(tr *html.Node) ([]string, bool) {
	cells := []string{}
	allTH := true
	for td := tr.FirstChild; td != nil; td = td.NextSibling {
		if td.Type != html.ElementNode || td.DataAtom != atom.Td && td.DataAtom != atom.Th {
			continue
		}
		var nested bool
		var find func(n *html.Node)
		find = func(n *html.Node) {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.DataAtom == atom.Table {
					nested = true
				}
				find(c)
			}
		}
		find(td)
		text := cleanSpace(strings.Join(blockLines(td), " "))
		if nested || utf8.RuneCountInString(text) > 300 {
			return nil, false
		}
		if td.DataAtom != atom.Th {
			allTH = false
		}
		cells = append(cells, text)
		span, _ := strconv.Atoi(attr(td, "colspan"))
		for k := 1; k < min(span, 20); k++ {
			if td.DataAtom == atom.Th {
				cells = append(cells, text)
			} else {
				cells = append(cells, "")
			}
		}
	}
	return cells, allTH
}
