package content

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// frontMatter is the YAML block staff put at the top of a Markdown article.
// Fields are read as text so that an unquoted date stays as written.
type frontMatter struct {
	Title     string `yaml:"title"`
	Date      string `yaml:"date"`
	Source    string `yaml:"source"`
	URL       string `yaml:"url"`
	Site      string `yaml:"site"`
	Category  string `yaml:"category"`
	Author    string `yaml:"author"`
	Synthetic bool   `yaml:"synthetic"`
}

var (
	mdImageRE    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLinkRE     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdEmphasisRE = regexp.MustCompile(`(\*\*|\*|~~)([^\s*~](?:.*?[^\s*~])?)(?:\*\*|\*|~~)`)
	// Underscores emphasise only at word edges: "xa_thu_nghiem" is a name.
	mdUnderRE   = regexp.MustCompile(`(^|[^\p{L}\d_])__?([^\s_](?:.*?[^\s_])?)__?($|[^\p{L}\d_])`)
	mdCodeRE    = regexp.MustCompile("`([^`]*)`")
	mdHeadingRE = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*\s*$`)
	mdQuoteRE   = regexp.MustCompile(`^>\s?`)
	mdRuleRE    = regexp.MustCompile(`^(?:-{3,}|\*{3,}|_{3,})\s*$`)
	mdListRE    = regexp.MustCompile(`^(?:[-*+]|\d{1,3}[.)])\s+`)
)

// parseMarkdown reads a Markdown article with optional YAML front matter
// (format d). Only the simple syntax staff use is stripped: headings,
// emphasis, links and images, inline code, block quotes.
func parseMarkdown(text string) draft {
	var d draft
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
				var fm frontMatter
				if err := yaml.Unmarshal([]byte(strings.Join(lines[1:i], "\n")), &fm); err != nil {
					d.problems = append(d.problems, fmt.Sprintf("front matter: %v", err))
				}
				d.meta = meta{Title: fm.Title, Date: fm.Date, Source: fm.Source, Site: fm.Site,
					Category: fm.Category, Author: fm.Author, Synthetic: fm.Synthetic}
				if d.meta.Source == "" {
					d.meta.Source = fm.URL
				}
				lines = lines[i+1:]
				break
			}
		}
	}
	var body []string
	for _, line := range d.expandTables(lines) {
		line = strings.TrimSpace(line)
		if mdRuleRE.MatchString(line) {
			body = append(body, "")
			continue
		}
		heading := false
		if m := mdHeadingRE.FindStringSubmatch(line); m != nil {
			line, heading = m[1], true
		}
		line = mdQuoteRE.ReplaceAllString(line, "")
		if m := mdListRE.FindStringIndex(line); m != nil {
			// A list item is a paragraph of its own, without its marker.
			body = append(body, "")
			line = line[m[1]:]
		}
		line = mdImageRE.ReplaceAllString(line, "")
		line = mdLinkRE.ReplaceAllString(line, "$1")
		line = mdCodeRE.ReplaceAllString(line, "$1")
		for prev := ""; prev != line; {
			prev, line = line, mdEmphasisRE.ReplaceAllString(line, "$2")
			line = mdUnderRE.ReplaceAllString(line, "$1$2$3")
		}
		line = strings.TrimRight(line, " \\") // hard line break
		line = cleanSpace(line)
		if heading {
			// The first heading is the title when the front matter has none;
			// a heading repeating the title is dropped.
			if d.meta.Title == "" && !hasText(body) {
				d.meta.Title = line
				continue
			}
			if Normalize(line) == Normalize(d.meta.Title) {
				continue
			}
			body = append(body, "", line, "")
			continue
		}
		body = append(body, line)
	}
	// A signature may close a staff article just as a portal one.
	for k := len(body) - 1; k >= 0; k-- {
		if body[k] == "" {
			continue
		}
		if d.meta.Author != "" && Normalize(body[k]) == Normalize(d.meta.Author) {
			body = body[:k]
		}
		break
	}
	d.paragraphs = joinLines(body)
	return d
}
