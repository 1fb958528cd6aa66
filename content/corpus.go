package content

// Corpus is everything loaded from one content directory.
type Corpus struct {
	Articles []Article
	Glossary Glossary
	Problems []Problem // per-file problems; loading went on past them
	// mapped is the text CompactMapped laid out, if it did.
	mapped *mapping
}

// Glossary holds the term lists search uses to match abbreviations with their
// expansions and English questions with Vietnamese text. Defaults ship embedded;
// a content directory extends them with abbreviations.tsv and english.tsv.
type Glossary struct {
	Abbreviations []Term // Short "UBND", Long ["Ủy ban nhân dân"]
	English       []Term // Short "people's committee", Long ["Ủy ban nhân dân"]
	// EnglishAsked are English words a question may use over Vietnamese
	// pages, read one way: they render no Vietnamese question into
	// English (data/english-asked.tsv says why). A Short that English
	// also has adds its Long forms to that term for questions only.
	EnglishAsked []Term
	// Inferred are abbreviations read from the articles' own names
	// (WithInferredAbbreviations): a question may type the short form for
	// the name, but a question writing the name out is read word by word.
	Inferred []Term
	// Bodies are the bodies the articles name with a one-word head
	// ("Ban", "Sở", "Hội"): the head and the capitalised word after it,
	// folded ("ban tuyen" of "Ban Tuyên giáo", "hoi nong" of "Hội Nông
	// dân"), sorted. A question's "ban tuyen giao" names a body, its "ban
	// hanh" (issued) and "hoi nghi" (a meeting) do not: the pages write
	// those in lower case after the head (InferAbbreviations).
	Bodies []string
}

// Term pairs a short form (an abbreviation, or an English phrase) with the
// Vietnamese forms it stands for.
type Term struct {
	Short string
	Long  []string
}
