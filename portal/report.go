package portal

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Summary is the report in one line: the counts, the time and the requests.
func (r Report) Summary() string {
	var parts []string
	for _, o := range Outcomes {
		if n := r.Count(o); n > 0 || o != Moved {
			parts = append(parts, fmt.Sprintf("%d %s", n, o))
		}
	}
	s := strings.Join(parts, ", ") + fmt.Sprintf(" in %s (%d requests)", r.Took.Round(100*time.Millisecond), r.Requests)
	if r.Resumed > 0 {
		s += fmt.Sprintf("; %d done by the stopped run it resumed", r.Resumed)
	}
	if r.Left > 0 {
		s += fmt.Sprintf("; %d left for the next run (-max)", r.Left)
	}
	return s
}

// Problems are the refused and failed pages, refused first.
func (r Report) Problems() []Page {
	var out []Page
	for _, o := range []Outcome{Refused, Failed} {
		for _, p := range r.Pages {
			if p.Outcome == o {
				out = append(out, p)
			}
		}
	}
	return out
}

// WriteText writes the report for a terminal: the summary, then the pages
// that changed and every refused or failed page with its reason.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "sync %s: %s\n", r.From, r.Summary())
	for _, o := range []Outcome{New, Updated, Removed, Refused, Failed} {
		for _, p := range r.Pages {
			if p.Outcome != o {
				continue
			}
			line := fmt.Sprintf("  %-9s %s", o, p.URL)
			if p.File != "" && o != Removed {
				line += " → " + p.File
			}
			if p.Reason != "" {
				line += ": " + p.Reason
			}
			b.WriteString(line + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
