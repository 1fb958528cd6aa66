package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// askJSON is the -json output of ask: one object, stable for scripts.
type askJSON struct {
	Question string        `json:"question"`
	Found    bool          `json:"found"`
	Answer   string        `json:"answer"`
	LeadIn   string        `json:"lead_in,omitempty"`
	Hits     []askJSONHit  `json:"hits"`
	Contacts []askJSONCont `json:"contacts,omitempty"`
	// Maybe is the passage a decline offers as "maybe this".
	Maybe *askJSONHit `json:"maybe,omitempty"`
}

type askJSONHit struct {
	Article string   `json:"article"`
	Title   string   `json:"title"`
	Source  string   `json:"source"`
	Snippet string   `json:"snippet"`
	Score   float64  `json:"score"`
	Kind    string   `json:"kind"`
	Docs    []string `json:"documents,omitempty"`
}

type askJSONCont struct {
	Office     string         `json:"office,omitempty"`
	Address    string         `json:"address,omitempty"`
	Phone      string         `json:"phone,omitempty"`
	PhoneLabel string         `json:"phone_label,omitempty"` // the publisher's, when Phone's line is qualified: "Điện thoại trực ban"
	Fax        string         `json:"fax,omitempty"`
	Email      string         `json:"email,omitempty"`
	Website    string         `json:"website,omitempty"`
	Extra      []askJSONField `json:"extra,omitempty"` // hotlines, officials, opening hours…, as published
	Person     string         `json:"person,omitempty"`
}

type askJSONField struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

func runAsk(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("ask", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("content", "", "content directory (default: $CONTENT_DIR, else the embedded default corpus)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	limit := fs.Int("n", 3, "how many hits to show")
	explain := fs.Bool("explain", false, "after the answer, print the best-ranked candidates with each ranking signal and score")
	withDefault := fs.Bool("with-default", false, "load the embedded default corpus too, as one corpus with -content (as eval -with-default does)")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	question := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if question == "" {
		return usageError{`usage: kyanhbot ask [-content DIR [-with-default]] [-json] [-explain] QUESTION…`}
	}
	ix, err := buildIndex(ctx, e, *dir, *withDefault)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, question, index.Options{Limit: max(*limit, 1), Explain: *explain})
	if err != nil {
		return fmt.Errorf("ask: %w", err)
	}
	if *asJSON {
		return writeAskJSON(e.stdout, res)
	}
	if err := writeAskText(e.stdout, res); err != nil {
		return err
	}
	if *explain {
		return writeExplain(e.stdout, res)
	}
	return nil
}

// writeExplain prints each ranked candidate's score as the sum of its
// signals (value × weight), and its coverage against the answer bar.
func writeExplain(w io.Writer, res index.Result) error {
	cands, gate, required := res.Explain, res.Gate, res.Required
	if len(res.Reading) > 0 {
		fmt.Fprintf(w, "\nĐọc câu hỏi: %s\n", strings.Join(res.Reading, "; "))
	}
	if len(required) > 0 {
		fmt.Fprintf(w, "\nCâu trả lời phải nêu: %s\n", strings.Join(required, "; "))
	}
	fmt.Fprintln(w, "\nXếp hạng (score = Σ weight × value):")
	for i, c := range cands {
		fmt.Fprintf(w, "%d. [%s %s] score %.3f coverage %.2f: %s\n", i+1, c.ID, c.Kind, c.Score, c.Coverage, oneLine(c.Text, 120))
		fmt.Fprintf(w, "     article %s", c.Article)
		if len(c.Lacks) > 0 {
			fmt.Fprintf(w, "; lacks %s", strings.Join(c.Lacks, ", "))
		}
		fmt.Fprintln(w)
		for _, s := range c.Signals {
			fmt.Fprintf(w, "     %-14s %6.3f × %5.2f = %6.3f\n", s.Name, s.Value, s.Weight, s.Value*s.Weight)
		}
	}
	if len(gate) > 0 {
		sum := 0.0
		for _, s := range gate {
			sum += s.Value * s.Weight
		}
		fmt.Fprintf(w, "\nTrả lời hay không (answers when Σ ≥ 0): Σ = %.3f\n", sum)
		for _, s := range gate {
			fmt.Fprintf(w, "     %-14s %6.3f × %5.2f = %6.3f\n", s.Name, s.Value, s.Weight, s.Value*s.Weight)
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// buildIndex loads the content the command was pointed at and indexes it;
// content problems are warnings on stderr, not failures.
func buildIndex(ctx context.Context, e env, dir string, withDefault bool) (*index.Index, error) {
	c, err := loadCorpus(ctx, e, dir)
	if err != nil {
		return nil, err
	}
	if err := addDefault(ctx, e, dir, withDefault, c); err != nil {
		return nil, err
	}
	for _, p := range c.Problems {
		fmt.Fprintln(e.stderr, "warning:", p)
	}
	ix, err := index.Build(ctx, c, index.BuildOptions{})
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

func writeAskJSON(w io.Writer, res index.Result) error {
	out := askJSON{Question: res.Question, Found: res.Found, LeadIn: bot.LeadIn(res), Hits: []askJSONHit{}}
	if a, ok := res.Answer(); ok {
		out.Answer = a.Text
	} else {
		out.Answer = noAnswerText(res.Contacts)
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, askJSONHit{Article: h.ArticleID, Title: h.Title, Source: h.Source,
			Snippet: h.Text, Score: h.Score, Kind: string(h.Kind), Docs: h.Documents})
	}
	if h := res.Maybe; h != nil {
		out.Maybe = &askJSONHit{Article: h.ArticleID, Title: h.Title, Source: h.Source,
			Snippet: h.Text, Score: h.Score, Kind: string(h.Kind), Docs: h.Documents}
	}
	for _, c := range res.Contacts {
		jc := askJSONCont{Office: c.Office, Address: c.Address, Phone: c.Phone, PhoneLabel: c.PhoneLabel,
			Fax: c.Fax, Email: c.Email, Website: c.Website, Person: c.Person}
		for _, x := range c.Extra {
			jc.Extra = append(jc.Extra, askJSONField{Label: x.Label, Value: x.Value})
		}
		out.Contacts = append(out.Contacts, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeAskText(w io.Writer, res index.Result) error {
	a, ok := res.Answer()
	if !ok {
		if _, err := fmt.Fprintln(w, noAnswerText(res.Contacts)); err != nil {
			return err
		}
		if m := res.Maybe; m != nil {
			_, err := fmt.Fprintf(w, "\nĐoạn gần nhất (có thể chưa đúng điều bạn hỏi):\n%s\nNguồn: %s\n", m.Text, sourceLine(*m))
			return err
		}
		return nil
	}
	if l := bot.LeadIn(res); l != "" {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w, a.Text)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Nguồn:", sourceLine(a))
	if len(res.Hits) > 1 {
		fmt.Fprintln(w, "\nKết quả khác:")
		for i, h := range res.Hits[1:] {
			fmt.Fprintf(w, "%d. %s\n", i+2, oneLine(h.Text, 200))
		}
	}
	return nil
}

func sourceLine(h index.Hit) string {
	s := h.Title
	if h.Date != "" {
		s += " (" + h.Date + ")"
	}
	if h.Source != "" {
		s += " — " + h.Source
	}
	return s
}

func noAnswerText(contacts []content.Contact) string {
	var b strings.Builder
	b.WriteString("Xin lỗi, tôi không tìm thấy thông tin trả lời câu hỏi này trong các bài đã đăng.")
	if len(contacts) > 0 {
		b.WriteString("\nBạn có thể liên hệ:")
		for _, c := range contacts {
			// A footer may give no office's name: its first field heads
			// the card rather than an empty name line.
			lines := contactFields(c)
			if c.Office != "" {
				lines = append([]string{c.Office}, lines...)
			}
			for i, l := range lines {
				if i == 0 {
					b.WriteString("\n- " + l)
				} else {
					b.WriteString("\n  " + l)
				}
			}
		}
	}
	return b.String()
}

// contactFields are a contact's labelled lines in the order the index's
// contact units and the bot show them: address, phone (with the publisher's
// label when it is a qualified one, "Điện thoại trực ban"), fax, email,
// website, the publisher's other lines under their own labels (hotlines,
// officials, opening hours), the person responsible. A block with none of
// them is shown as published.
func contactFields(c content.Contact) []string {
	var out []string
	for _, f := range c.Fields() {
		out = append(out, f.Label+": "+f.Value)
	}
	if len(out) == 0 {
		for _, l := range c.Lines {
			if l != c.Office {
				out = append(out, l)
			}
		}
	}
	return out
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
