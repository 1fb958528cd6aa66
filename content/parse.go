package content

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Reasons a file cannot be used at all. Parse wraps them in a *ParseError;
// test with errors.Is.
var (
	ErrEmpty      = errors.New("empty file")
	ErrBinary     = errors.New("binary file")
	ErrNotUTF8    = errors.New("not valid UTF-8")
	ErrNoBody     = errors.New("no article text")
	ErrFormat     = errors.New("unsupported file type")
	ErrUnreadable = errors.New("unreadable file")
)

// ParseError says why one file could not be used. Reason is written for the
// admin who runs "content check"; Err is one of the Err… values above.
type ParseError struct {
	Path   string
	Reason string
	Err    error
}

func (e *ParseError) Error() string { return "content: " + e.Path + ": " + e.Reason }
func (e *ParseError) Unwrap() error { return e.Err }

func parseErr(p string, err error, detail string) error {
	reason := err.Error()
	if detail != "" {
		reason += " (" + detail + ")"
	}
	return &ParseError{Path: p, Reason: reason, Err: err}
}

// FormatOf returns the format of a file from its extension, and false for a
// file that is not an article (data files, notices, images).
func FormatOf(p string) (Format, bool) {
	switch strings.ToLower(path.Ext(p)) {
	case ".txt":
		return FormatText, true
	case ".html", ".htm":
		return FormatHTML, true
	case ".md", ".markdown":
		return FormatMarkdown, true
	}
	return "", false
}

// Parse reads one article file, choosing the format from its extension. The
// problems it returns are defects the article was used with (an unparseable
// date, no title found); the error is for a file that cannot be used at all:
// empty, binary, not UTF-8, or with no text left once the portal chrome is
// gone. The error is a *ParseError wrapping one of the Err… values.
func Parse(p string, data []byte) (Article, []Problem, error) {
	format, ok := FormatOf(p)
	if !ok {
		return Article{}, nil, parseErr(p, ErrFormat, path.Ext(p))
	}
	text, err := decode(p, data)
	if err != nil {
		return Article{}, nil, err
	}
	var d draft
	switch format {
	case FormatText:
		d = parseText(text)
	case FormatHTML:
		d, err = parseHTML(text)
		if err != nil {
			return Article{}, nil, parseErr(p, ErrNoBody, err.Error())
		}
	case FormatMarkdown:
		d = parseMarkdown(text)
	}
	a, problems := d.article(p, format)
	if len(a.Paragraphs) == 0 {
		return Article{}, nil, parseErr(p, ErrNoBody, "nothing left after removing the page chrome")
	}
	return a, problems, nil
}

// decode checks that data is usable text and returns it NFC-composed with
// Unix line endings and no byte-order mark.
func decode(p string, data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return "", parseErr(p, ErrEmpty, "")
		}
		return "", parseErr(p, ErrEmpty, "only white space")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", parseErr(p, ErrBinary, fmt.Sprintf("NUL byte at offset %d", i))
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", parseErr(p, ErrNotUTF8, fmt.Sprintf("invalid byte 0x%02x at offset %d; save the file as UTF-8", data[off], off))
	}
	var control, total int
	for _, r := range string(data) {
		total++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
	}
	if control*10 > total {
		return "", parseErr(p, ErrBinary, fmt.Sprintf("%d of %d characters are control characters", control, total))
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return norm.NFC.String(s), nil
}

// draft is what a format parser hands to the common assembly: metadata from
// a header and from inference, paragraphs, and the contact lines it found.
type draft struct {
	meta       meta
	paragraphs []string
	contacts   []Contact
	problems   []string
	// lastHeading is the last doubled heading of the chrome above the
	// headline: the category when it names a section (see sectionTitles).
	lastHeading string
	// tableRows are the lines rendered from table rows (see expandTables).
	tableRows map[string]bool
	// boxRows are those of them that are a side box's fields (infobox.go).
	boxRows map[string]bool
}

type meta struct {
	Title, Source, Site, Date, Category, Author string
	Synthetic                                   bool
}

// article assembles the final Article and extracts its facts.
func (d draft) article(p string, format Format) (Article, []Problem) {
	var problems []Problem
	for _, r := range d.problems {
		problems = append(problems, Problem{Path: p, Reason: r})
	}
	a := Article{
		ID:        strings.TrimSuffix(p, path.Ext(p)),
		Path:      p,
		Format:    format,
		Title:     cleanSpace(d.meta.Title),
		Source:    cleanSpace(d.meta.Source),
		Site:      cleanSpace(d.meta.Site),
		Category:  cleanSpace(d.meta.Category),
		Author:    cleanSpace(d.meta.Author),
		Synthetic: d.meta.Synthetic,
		Contacts:  d.contacts,
	}
	if d.meta.Date != "" {
		if iso, ok := isoDate(d.meta.Date); ok {
			a.Date = iso
		} else {
			problems = append(problems, Problem{Path: p, Reason: fmt.Sprintf("date %q not understood; use YYYY-MM-DD or DD/MM/YYYY", d.meta.Date)})
		}
	}
	if a.Source == "" {
		a.Source = a.Site
	}
	for _, para := range d.paragraphs {
		if para = cleanSpace(para); para != "" {
			if d.tableRows[para] {
				a.TableRows = append(a.TableRows, len(a.Paragraphs))
			}
			a.Paragraphs = append(a.Paragraphs, para)
		}
	}
	if a.Title == "" && len(a.Paragraphs) > 0 {
		problems = append(problems, Problem{Path: p, Reason: "no title found; add a title: header line"})
	}
	a.Documents = findDocuments(a.Paragraphs)
	a.Mergers = findMergers(a.Paragraphs)
	// A side box's fields are its place's, not an office's contact block:
	// "Trụ sở UBND: …" among "Diện tích: …" and "Mã bưu chính: …".
	paras := a.Paragraphs
	if len(d.boxRows) > 0 {
		paras = slices.Clone(paras)
		for i, p := range paras {
			if d.boxRows[p] {
				paras[i] = ""
			}
		}
	}
	a.Contacts = append(a.Contacts, findBodyContacts(paras, a.Title, a.Contacts)...)
	a.Contacts = append(a.Contacts, findContactFacts(paras, a.Contacts)...)
	return a, problems
}
