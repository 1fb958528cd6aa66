package content

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseText reads plain text as scraped from a portal (format a), with an
// optional header block of key: value lines (format b).
func parseText(text string) draft {
	var d draft
	lines := strings.Split(text, "\n")
	lines = d.header(lines)
	lines = d.expandTables(lines)
	for i := range lines {
		lines[i] = cleanSpace(lines[i])
	}
	body, footer := d.stripChrome(lines)
	d.addFooter(footer)
	d.paragraphs = joinLines(body)
	return d
}

// addFooter records the footer's contact block. The site named in the
// copyright line is the office's website when the block names none.
func (d *draft) addFooter(lines []string) {
	c, ok := parseContactLines(lines)
	if !ok {
		return
	}
	if c.Website == "" {
		c.Website = d.meta.Site
	}
	d.contacts = append(d.contacts, c)
}

// headerKeys are the keys a header block may use. A leading block with any
// other key is not a header: it is article text that happens to have a colon.
var headerKeys = map[string]bool{
	"source": true, "url": true, "site": true, "title": true, "date": true,
	"category": true, "author": true, "synthetic": true,
}

// header consumes a leading block of known key: value lines ended by a blank
// line, and returns the remaining lines.
func (d *draft) header(lines []string) []string {
	var fields [][2]string
	end := -1
	for i, line := range lines {
		if strings.TrimSpace(line) == "" {
			end = i
			break
		}
		k, v, ok := strings.Cut(line, ":")
		k = strings.ToLower(strings.TrimSpace(k))
		if !ok || !headerKeys[k] {
			return lines
		}
		fields = append(fields, [2]string{k, strings.TrimSpace(v)})
	}
	if end <= 0 {
		return lines
	}
	for _, f := range fields {
		d.meta.set(f[0], f[1])
	}
	return lines[end+1:]
}

func (m *meta) set(key, value string) {
	value = cleanSpace(value)
	switch key {
	case "source", "url":
		m.Source = value
	case "site":
		m.Site = value
	case "title":
		m.Title = value
	case "date":
		m.Date = value
	case "category":
		m.Category = value
	case "author":
		m.Author = value
	case "synthetic":
		switch strings.ToLower(value) {
		case "true", "yes", "1", "có", "co":
			m.Synthetic = true
		}
	}
}

var (
	// Visit counters: "Số lượt online:", "Tổng số lượt truy cập: 8571223",
	// "Đang truy cập: 12", "Hôm nay: 300".
	counterRE = regexp.MustCompile(`(?i)^(?:tổng\s+)?(?:số\s+)?(?:lượt\s+(?:online|truy\s+cập|xem)|người\s+online|đang\s+(?:online|truy\s+cập)|truy\s+cập\s+hôm\s+nay|hôm\s+nay|hôm\s+qua|trong\s+tuần|trong\s+tháng|tổng\s+cộng|online)\s*:?\s*[\d.,\s]*$`)
	// Navigation: "« Quay lại", "Trở về", "In bài viết", "Về đầu trang".
	navRE = regexp.MustCompile(`(?i)^[«‹<\s]*(?:quay\s+lại|trở\s+về|trở\s+lại|về\s+trang\s+trước|về\s+đầu\s+trang|in\s+bài(?:\s+viết)?|bản\s+in|gửi\s+email|gửi\s+bài\s+viết|chia\s+sẻ|lưu\s+bài(?:\s+viết)?|xem\s+cỡ\s+chữ.*|cỡ\s+chữ.*|đọc\s+bài|nghe\s+đọc\s+bài.*)[\s»›>]*$`)
	// Breadcrumbs: "Trang chủ » Tin tức » Chính trị".
	crumbSepRE = regexp.MustCompile(`\s+[»>›/|]\s+`)
	// Posting dates: "Ngày đăng: 05/03/2019", "Cập nhật lúc 10:20 05/03/2019".
	dateLineRE = regexp.MustCompile(`(?i)^(?:ngày\s+(?:đăng|cập\s+nhật|xuất\s+bản)|cập\s+nhật|đăng\s+ngày|ngày|thời\s+gian\s+đăng|posted)?[^\p{L}\d]*(?:lúc\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?\s*,?\s*)?(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})(?:\s*,?\s*(?:lúc\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm])?)?\s*$`)
	// Copyright lines: "@2015 - Ghi rõ nguồn "www…" khi phát hành lại …".
	copyrightRE = regexp.MustCompile(`(?i)^(?:@|©|\(c\)|copyright|bản\s+quyền)|ghi\s+rõ\s+nguồn|giấy\s+phép\s+(?:số|thiết\s+lập)`)
	// The site a copyright line names: the portal's own domain.
	siteRE = regexp.MustCompile(`(?i)(?:https?://)?((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})\b`)
	// A signature: a capitalised name of two to five words, optionally
	// followed by " - " and a title: "Dương Thanh Hòa - Phó Bí thư Thường
	// trực Thị ủy".
	signatureRE = regexp.MustCompile(`^(?:(?:Tin|Bài|Ảnh|Tin\s+và\s+ảnh|Tin,\s+ảnh|Bài,\s+ảnh)\s*:\s*)?(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})(?:\s*[-–—,]\s*(.+))?$`)
)

// widgetTitles are portal side boxes whose heading the scraper doubles
// ("Bản đồ hành chính Bản đồ hành chính"): chrome, never a category.
var widgetTitles = map[string]bool{
	"bản đồ hành chính": true, "liên kết website": true, "liên kết web": true,
	"thăm dò ý kiến": true, "thư viện ảnh": true, "thư viện video": true,
	"tin mới": true, "tin nổi bật": true, "tin đọc nhiều": true,
	"tin liên quan": true, "các tin khác": true, "thống kê truy cập": true,
	"văn bản mới": true,
}

// sectionTitles head a side box on some pages and are the category of the
// article on others ("Thông báo Thông báo" above a notice). Such a heading
// is the category only when it is the last doubled heading above the
// headline, where the portal prints the article's section.
var sectionTitles = map[string]bool{
	"thông báo": true, "lịch công tác": true, "hỏi đáp": true, "dịch vụ công": true,
	"liên hệ": true, "video": true,
}

// doubled reports whether line is one phrase written twice, the way
// scrapers flatten a portal heading with its image alt text: "Chính trị
// Chính trị". It returns the phrase.
func doubled(line string) (string, bool) {
	words := strings.Fields(line)
	if len(words) < 2 || len(words)%2 != 0 {
		return "", false
	}
	h := len(words) / 2
	a, b := strings.Join(words[:h], " "), strings.Join(words[h:], " ")
	if !strings.EqualFold(Normalize(a), Normalize(b)) {
		return "", false
	}
	return a, true
}

// isBanner reports whether line is the portal's banner: an upper-case line
// naming the site, "CỔNG GIAO TIẾP ĐIỆN TỬ THỊ XÃ … - TỈNH …".
func isBanner(line string) bool {
	if line == "" || strings.ToUpper(line) != line || !strings.ContainsFunc(line, unicode.IsLetter) {
		return false
	}
	f := Fold(line)
	return strings.Contains(f, "dien tu") || strings.HasPrefix(f, "cong thong tin") ||
		strings.HasPrefix(f, "cong giao tiep") || strings.HasPrefix(f, "trang thong tin")
}

func isChromeAnywhere(line string) bool {
	return counterRE.MatchString(line) || navRE.MatchString(line)
}

// bylineRE is an author's name set between dashes under a story.
var bylineRE = regexp.MustCompile(`^[-–—]\s*\S.*\S\s*[-–—]$`)

// stripChrome removes the portal's chrome around the article, filling in the
// category, date, title, author and site it reveals, and returns the body
// lines and the footer's contact lines. The rules are those of the
// government portals' common CMS, not of one town: counters, doubled
// headings, navigation, banner and footer are recognised by shape.
func (d *draft) stripChrome(lines []string) (body, footer []string) {
	m := &d.meta
	// Top: counters, breadcrumbs, navigation, dates, banner.
	i := 0
	sawChrome := false
	for ; i < len(lines); i++ {
		line := lines[i]
		if !d.topChrome(line) {
			break
		}
		if line != "" {
			sawChrome = true
		}
	}
	if m.Category == "" && sectionTitles[strings.ToLower(Normalize(d.lastHeading))] {
		m.Category = d.lastHeading
	}
	// The headline is the first line after the chrome, when it stands alone.
	if i < len(lines) {
		line := lines[i]
		standalone := i+1 >= len(lines) || lines[i+1] == ""
		switch {
		case m.Title != "" && Normalize(line) == Normalize(m.Title):
			i++
		case m.Title == "" && standalone && looksLikeHeadline(line) && (sawChrome || i+1 < len(lines)):
			m.Title = line
			i++
		}
		for ; i < len(lines) && d.topChrome(lines[i]); i++ {
		}
	}
	lines = lines[i:]

	// Bottom: the footer's contact block, copyright, banner and widgets.
	j := len(lines)
	inContacts, doneContacts := false, false
	officeLine := ""
scan:
	for ; j > 0; j-- {
		line := lines[j-1]
		switch {
		case line == "":
			if inContacts {
				inContacts, doneContacts = false, true
			}
		case !doneContacts && isContactLine(line) && !d.tableRows[line]:
			inContacts = true
			footer = append([]string{line}, footer...)
		case !doneContacts && isEmptyContactLine(line) && !d.tableRows[line]:
			// A field the office left blank ("Fax:", "Fax: | |") is
			// part of the block, and shown nowhere.
			inContacts = true
		case copyrightRE.MatchString(line):
			if site := siteRE.FindStringSubmatch(line); site != nil && m.Site == "" {
				m.Site = strings.ToLower(site[1])
			}
		case isBanner(line), isChromeAnywhere(line):
		default:
			// Below the article, a doubled heading is a side box's title.
			if _, ok := doubled(line); ok {
				continue
			}
			// A name right above a contact block is the office's name.
			// A block kept in a table names it in a cell ("| Văn phòng
			// … | |").
			// A name set between dashes ("- Thanh Lam -") is the
			// story's byline, not an office.
			if name := joinCells(line); inContacts && officeLine == "" && looksLikeHeadline(name) && !strings.Contains(name, ":") && !bylineRE.MatchString(name) {
				officeLine = name
				continue
			}
			break scan
		}
	}
	lines = lines[:j]
	if officeLine != "" {
		footer = append([]string{officeLine}, footer...)
	}
	// A contact page with no other text: keep its contact lines as the body.
	if !hasText(lines) && len(footer) > 0 {
		lines, footer = footer, nil
	}

	// Signature: the closing lines naming the author, a person ("Name -
	// Title") or the office that publishes ("UBND phường …", "TM. ỦY BAN
	// NHÂN DÂN / CHỦ TỊCH").
	if rest, author, ok := cutSignature(lines); ok {
		if m.Author == "" {
			m.Author = author
		}
		lines = rest
	} else {
		for k := len(lines) - 1; k >= 0; k-- {
			if lines[k] == "" {
				continue
			}
			if m.Author != "" && Normalize(lines[k]) == Normalize(m.Author) {
				lines = lines[:k]
			}
			break
		}
	}
	for _, line := range lines {
		if !isChromeAnywhere(line) {
			body = append(body, line)
		}
	}
	return body, footer
}

// topChrome reports whether line is chrome above the headline, recording the
// category or date it gives.
func (d *draft) topChrome(line string) bool {
	m := &d.meta
	switch {
	case line == "", isChromeAnywhere(line), isBanner(line):
		return true
	case dateLineRE.MatchString(line):
		if m.Date == "" {
			m.Date = dateLineRE.FindStringSubmatch(line)[1]
		}
		return true
	}
	if p, ok := doubled(line); ok {
		l := strings.ToLower(Normalize(p))
		if m.Category == "" && !widgetTitles[l] && !sectionTitles[l] {
			m.Category = p
		}
		d.lastHeading = p
		return true
	}
	if parts := crumbSepRE.Split(line, -1); len(parts) >= 2 && utf8.RuneCountInString(line) < 120 {
		first := Fold(parts[0])
		if first == "trang chu" || first == "home" || first == "« trang chu" {
			if m.Category == "" {
				m.Category = parts[len(parts)-1]
			}
			return true
		}
	}
	return false
}

func looksLikeHeadline(line string) bool {
	n := utf8.RuneCountInString(line)
	if n < 8 || n > 250 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return last != '.' && last != ':' && last != ';' && last != ','
}

func hasText(lines []string) bool {
	for _, l := range lines {
		if l != "" {
			return true
		}
	}
	return false
}

// signature recognises a signature line and returns it as the author.
func signature(line string) (string, bool) {
	if utf8.RuneCountInString(line) > 120 || strings.HasSuffix(line, ".") {
		return "", false
	}
	m := signatureRE.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	// A bare capitalised phrase is a name only when every word is short,
	// like Vietnamese syllables; a title after the dash must not be a
	// sentence.
	for _, w := range strings.Fields(m[1]) {
		if utf8.RuneCountInString(w) > 7 {
			return "", false
		}
	}
	if m[2] != "" && (strings.Count(m[2], " ") > 12 || strings.ContainsAny(m[2], ".;:")) {
		return "", false
	}
	if m[2] == "" && strings.Contains(line, ":") {
		return m[1], true
	}
	return line, true
}

// joinLines turns cleaned lines into paragraphs: blank lines separate
// paragraphs, and a hard-wrapped paragraph's lines are joined. A contact
// line or a list item always starts a paragraph of its own. Inside a contact
// block every field is its own paragraph, and an unlabelled line is glued to
// the field before it only when it can be that field's wrapped continuation
// (see continuesField).
func joinLines(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	inBlock := false // cur is a field of a contact block
	var block []string
	for k, line := range lines {
		switch {
		case line == "":
			flush()
			inBlock, block = false, nil
		case isContactLine(line):
			flush()
			cur = append(cur, line)
			inBlock, block = true, append(block, line)
		case inBlock && isFieldLine(line):
			flush()
			cur = append(cur, line)
			block = append(block, line)
		case isListItem(line):
			flush()
			cur = append(cur, line)
			inBlock, block = false, nil
		case inBlock && !continuesField(block, cur[len(cur)-1], line, lines[k+1:]):
			flush()
			cur = append(cur, line)
			inBlock, block = false, nil
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return out
}

// continuesField reports whether line, which has no label, continues the
// contact field written on prev: an address or a name wrapped onto a second
// line. It does not after a value that is complete in itself (a number, an
// e-mail or web address, a sentence ending in a full stop), and not when the
// line heads the next office: the line after it repeats a field the block
// already has.
func continuesField(block []string, prev, line string, next []string) bool {
	last := prev
	if i := strings.LastIndexByte(strings.TrimRight(prev, " "), ' '); i >= 0 {
		last = prev[i+1:]
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(prev))
	if unicode.IsDigit(r) || strings.ContainsRune(".;!?", r) || strings.Contains(last, "@") || siteRE.MatchString(last) && strings.Contains(last, ".") {
		return false
	}
	if len(next) > 0 && next[0] != "" {
		return !repeatsField(block, next[0])
	}
	return true
}

var listItemRE = regexp.MustCompile(`^(?:[-+*•–]\s|\d{1,2}[.)]\s|[a-zđ][.)]\s)`)

func isListItem(line string) bool { return listItemRE.MatchString(line) }

// maxSignatureLines bounds a signature block: an office, the signer's
// capacity and post, a "(Đã ký)" mark and a name.
const maxSignatureLines = 5

// cutSignature finds the signature block that closes an article and
// returns the lines before it and the block as the author. The block is a
// run of short lines at the end, each a personal signature (at most one),
// an office ("UBND phường Giả Định", "TM. ỦY BAN NHÂN DÂN", "Trung tâm Hành
// chính công thị xã …"), a post ("CHỦ TỊCH", "KT. GIÁM ĐỐC") or a "(Đã ký)"
// mark, and it must name a person or an office. The author is the name
// first, then the other lines as published, joined by " - ".
func cutSignature(lines []string) ([]string, string, bool) {
	var name string
	var others []string // bottom to top
	office := false
	cut := -1
scan:
	for k, n := len(lines)-1, 0; k >= 0 && n < maxSignatureLines; k-- {
		l := lines[k]
		if l == "" {
			continue
		}
		switch {
		case isOfficeSignature(l):
			office = true
			others = append(others, l)
		case isPostLine(l) || isSignedMark(l):
			others = append(others, l)
		case name == "":
			s, ok := signature(l)
			if !ok {
				break scan
			}
			name = s
		default:
			break scan
		}
		cut = k
		n++
	}
	if cut < 0 || name == "" && !office {
		return lines, "", false
	}
	var parts []string
	if name != "" {
		parts = append(parts, name)
	}
	for k := len(others) - 1; k >= 0; k-- {
		if !isSignedMark(others[k]) {
			parts = append(parts, others[k])
		}
	}
	return lines[:cut], strings.Join(parts, " - "), true
}

// signerPrefixRE is the capacity a signer signs in: "TM." (on behalf of a
// collective), "KT." (for the head), "Q." (acting), "TL."/"TUQ." (by
// delegation), also written "T/M", "K/T".
var signerPrefixRE = regexp.MustCompile(`^(?i:tm|kt|q|tl|tuq|t/m|k/t)\.?\s+`)

// officeWords open an office's name (lower case, accents kept: folded,
// "Trường" would be the surname "Trương"): the bodies that sign what a
// local government publishes.
var officeWords = []string{
	"ubnd", "hđnd", "ủy ban", "hội đồng nhân dân", "văn phòng", "phòng", "trung tâm",
	"ban", "bộ phận", "sở", "chi cục", "cục", "đảng ủy", "thị ủy", "huyện ủy", "tỉnh ủy",
	"thành ủy", "quận ủy", "đảng bộ", "mặt trận", "ủy ban mttq", "mttq", "hội", "đoàn",
	"công an", "trạm", "tổng công ty", "công ty", "trường", "bệnh viện", "kho bạc",
	"chi nhánh", "đài",
}

// isOfficeSignature reports whether line is a short line naming an office,
// as a signature: no sentence punctuation, no label, at most twelve words,
// the office's name in two words at least ("Ban" or "Sở" alone open many
// lines).
func isOfficeSignature(line string) bool {
	if !signatureShape(line, 12) {
		return false
	}
	rest := signerPrefixRE.ReplaceAllString(line, "")
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) || !strings.Contains(rest, " ") {
		return false
	}
	l := strings.ToLower(Normalize(rest))
	if strings.HasPrefix(l, "đoàn ") {
		// Also a surname: "Đoàn Thị Mẫu" is a person.
		if _, person := signature(rest); person {
			return false
		}
	}
	for _, w := range officeWords {
		if strings.HasPrefix(l, w+" ") {
			return true
		}
	}
	return false
}

// postWords open a signer's post (lower case, accents kept).
var postWords = []string{
	"chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "trưởng phòng", "phó trưởng phòng",
	"trưởng ban", "phó trưởng ban", "chánh văn phòng", "phó chánh văn phòng", "bí thư",
	"phó bí thư", "thủ trưởng", "chi cục trưởng", "cục trưởng", "trưởng", "phó",
}

// isPostLine reports whether line is a signer's post on its own line, as
// signed documents print it: "CHỦ TỊCH", "KT. CHỦ TỊCH", "PHÓ GIÁM ĐỐC".
// Beyond the post itself only an upper-case line may go on ("CHỦ TỊCH UBND
// PHƯỜNG").
func isPostLine(line string) bool {
	if !signatureShape(line, 6) || !strings.ContainsFunc(line, unicode.IsLetter) {
		return false
	}
	l := strings.ToLower(Normalize(signerPrefixRE.ReplaceAllString(line, "")))
	for _, w := range postWords {
		if l == w || strings.HasPrefix(l, w+" ") && strings.ToUpper(line) == line {
			return true
		}
	}
	return false
}

// isSignedMark is the mark a published copy puts for the signature:
// "(Đã ký)", "Đã ký", "(đã ký và đóng dấu)".
func isSignedMark(line string) bool {
	f := strings.Trim(Fold(line), "()[] ")
	return f == "da ky" || strings.HasPrefix(f, "da ky ") && utf8.RuneCountInString(f) < 25
}

// signatureShape: a short line that is not a sentence, a label or a list
// item.
func signatureShape(line string, maxWords int) bool {
	if utf8.RuneCountInString(line) > 100 || len(strings.Fields(line)) > maxWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".:;,!?", last) || strings.Contains(line, ": ") || isListItem(line) {
		return false
	}
	return !strings.ContainsAny(line, "@")
}
