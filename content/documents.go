package content

// DocumentSummary is one document as cited across the corpus: its normalised
// number once, with every sentence that cites it.
type DocumentSummary struct {
	ID       string
	Number   string
	Type     string
	Issuer   string
	TypeName string
	Date     string // the first date any citation states; empty if none does
	Cited    []Citation
}

// Citation is one sentence citing a document.
type Citation struct {
	Article   string // Article.ID
	Title     string // Article.Title
	Sentence  string // as published
	Paragraph int
}

// Documents lists the documents the corpus cites, each once, in the order
// they are first cited (articles by path, then text order). Article.Documents
// has one entry per citation; this is the view for "which documents" lists.
func (c *Corpus) Documents() []DocumentSummary {
	var out []DocumentSummary
	at := map[string]int{}
	for _, a := range c.Articles {
		for _, d := range a.Documents {
			i, ok := at[d.ID]
			if !ok {
				i = len(out)
				at[d.ID] = i
				out = append(out, DocumentSummary{ID: d.ID, Number: d.Number, Type: d.Type, Issuer: d.Issuer, TypeName: d.TypeName})
			}
			if out[i].Date == "" {
				out[i].Date = d.Date
			}
			out[i].Cited = append(out[i].Cited, Citation{Article: a.ID, Title: a.Title, Sentence: d.Sentence, Paragraph: d.Paragraph})
		}
	}
	return out
}
