package content

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed data/abbreviations.tsv data/english.tsv data/english-asked.tsv
var dataFS embed.FS

// defaultGlossary reads the glossary shipped in the binary.
func defaultGlossary() (Glossary, error) {
	var g Glossary
	for _, f := range []struct {
		name string
		list *[]Term
	}{{"data/abbreviations.tsv", &g.Abbreviations}, {"data/english.tsv", &g.English}, {"data/english-asked.tsv", &g.EnglishAsked}} {
		data, err := dataFS.ReadFile(f.name)
		if err != nil {
			return Glossary{}, fmt.Errorf("content: glossary: %w", err)
		}
		terms, problems := parseTerms(f.name, data)
		if len(problems) > 0 {
			return Glossary{}, fmt.Errorf("content: glossary: %s", problems[0])
		}
		*f.list = terms
	}
	return g, nil
}

// parseTerms reads a glossary file: one term a line, "SHORT<TAB>long
// form|other long form"; blank lines and lines starting with # are ignored.
// A malformed line is a problem, not a failure: the other lines still count.
func parseTerms(file string, data []byte) ([]Term, []Problem) {
	var terms []Term
	var problems []Problem
	text, err := decode(file, data)
	if err != nil {
		return nil, []Problem{{Path: file, Reason: err.(*ParseError).Reason, Fatal: true}}
	}
	for n, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		short, long, ok := strings.Cut(line, "\t")
		short = cleanSpace(short)
		var forms []string
		for _, f := range strings.Split(long, "|") {
			if f = cleanSpace(f); f != "" {
				forms = append(forms, f)
			}
		}
		if !ok || short == "" || len(forms) == 0 {
			problems = append(problems, Problem{Path: file, Reason: fmt.Sprintf("line %d: want SHORT<TAB>long form[|other]", n+1)})
			continue
		}
		terms = append(terms, Term{Short: short, Long: forms})
	}
	return terms, problems
}

// mergeTerms adds extra to base: a term whose short form is already there
// (compared without case, so "ubnd" overrides "UBND", but with accents, so
// "TƯ" and "TU" stay two terms) replaces it; others are added.
func mergeTerms(base, extra []Term) []Term {
	out := append([]Term(nil), base...)
	at := map[string]int{}
	for i, t := range out {
		at[termKey(t.Short)] = i
	}
	for _, t := range extra {
		if i, ok := at[termKey(t.Short)]; ok {
			out[i] = t
			continue
		}
		at[termKey(t.Short)] = len(out)
		out = append(out, t)
	}
	return out
}

func termKey(s string) string { return strings.ToLower(Normalize(s)) }

// Expand returns the long forms of an abbreviation, compared without case.
func (g Glossary) Expand(short string) []string {
	k := termKey(short)
	for _, t := range g.Abbreviations {
		if termKey(t.Short) == k {
			return t.Long
		}
	}
	return nil
}
