// Package content turns the articles a local government publishes into clean,
// structured articles and the facts they state: the documents they cite, the
// mergers and reorganisations they report, and the office contacts printed in
// the portal's footer. Everything downstream (search, the bot) reads articles
// only through this package, so the rules for messy real-world input live here.
package content

// Format says how an article file was written.
type Format string

const (
	FormatText     Format = "text"     // plain text scraped from a portal, optional key: value header
	FormatHTML     Format = "html"     // an HTML page saved from a portal
	FormatMarkdown Format = "markdown" // Markdown with YAML front matter, written by staff
)

// Article is one published article, cleaned. Paragraphs keep the publisher's
// wording (NFC) so that quotes are exact; search folds spelling variants itself.
type Article struct {
	ID         string // stable identifier: the file path without extension, slash-separated
	Path       string // path of the file inside the content directory
	Format     Format
	Title      string
	Source     string // URL of the original article or the site that published it
	Site       string // site named in the portal footer, e.g. "www.txkyanh.hatinh.gov.vn"
	Date       string // publication date as YYYY-MM-DD when known
	Category   string
	Author     string // signature line, e.g. "Dương Thanh Hòa - Phó Bí thư Thường trực Thị ủy"
	Synthetic  bool   // marked synthetic in its header: test material, not published fact
	Paragraphs []string
	// TableRows are the indexes of the paragraphs rendered from the rows
	// of a table ("Heading: cell; Heading: cell", see renderTable), in
	// order: a row says whose values it holds only with the sentence that
	// introduces its table.
	TableRows []int
	Documents []Document
	Mergers   []Merger
	Contacts  []Contact
}

// Document is a resolution, conclusion, plan or programme cited by an article.
type Document struct {
	ID        string // normalised number: "18-NQ/TW", "30-KH/ThU", "22-CTr/ThU"
	Number    string // "18"
	Type      string // normalised type code: "NQ", "KL", "KH", "CTr", "QĐ", "CT", "TB" …
	Issuer    string // normalised issuer code: "TW", "TU", "ThU" …
	TypeName  string // Vietnamese name of the type: "Nghị quyết", "Kết luận" …
	Date      string // date of the document as written in the article, "29/6/2016"; empty if not stated
	Sentence  string // the sentence that cites it, as published
	Paragraph int    // index into Article.Paragraphs
}

// Merger is a sentence about a merger or reorganisation: sáp nhập, hợp nhất,
// giảm từ … xuống còn …, trên cơ sở hợp nhất, chuyển đổi … thành.
type Merger struct {
	Kind      string   // "sáp nhập", "hợp nhất", "giảm", "chuyển đổi"
	Sentence  string   // as published
	Counts    []string // counts stated, as written with their unit: "85 thôn, TDP", "80 thôn, TDP", "4 tổ chức hội"
	Years     []int    // years stated: 2019, 2020
	Paragraph int
}

// Contact is an office's contact block, from a portal footer or a contact page.
type Contact struct {
	Office  string // "Ủy ban nhân dân thị xã Kỳ Anh"
	Address string
	Phone   string
	Fax     string
	Email   string
	Person  string // person responsible, with their title
	Website string
	Lines   []string // the block as published, one line each
	// PhoneLabel is the publisher's label for Phone when the block has no
	// plain "Điện thoại"/"ĐT" line and Phone comes from a qualified one:
	// "Điện thoại trực ban". Empty when Phone's label is the plain one.
	PhoneLabel string
	// Extra holds the block's other labelled lines, in published order and
	// with the publisher's label: hotlines ("Đường dây nóng", "Hotline"), a
	// second phone or fax, named officials ("Chánh Văn phòng: …"), opening
	// hours ("Thời gian làm việc: …"). Fields already held above are not
	// repeated here.
	Extra []Field
	// Sentence is set for a contact the article states in its text rather
	// than in a contact block ("… liên hệ Văn phòng UBND phường, điện thoại
	// …"): the sentence or two stating it, as published. Office is then the
	// office that sentence names, or empty when it names none.
	Sentence string
}

// Field is one labelled line of a contact block, as published.
type Field struct {
	Label string // "Đường dây nóng", "Chánh Văn phòng", "Thời gian làm việc"
	Value string
}

// Fields are the block's labelled lines in the order every reply shows them:
// address, phone (under the publisher's label when it is a qualified one,
// "Điện thoại trực ban"), fax, email, website, the publisher's other lines
// under their own labels, the person responsible. Empty fields are left out.
func (c Contact) Fields() []Field {
	var out []Field
	add := func(label, v string) {
		if v != "" {
			out = append(out, Field{Label: label, Value: v})
		}
	}
	phone := "Điện thoại"
	if c.PhoneLabel != "" {
		phone = c.PhoneLabel
	}
	add("Địa chỉ", c.Address)
	add(phone, c.Phone)
	add("Fax", c.Fax)
	add("Email", c.Email)
	add("Website", c.Website)
	for _, f := range c.Extra {
		add(f.Label, f.Value)
	}
	add("Chịu trách nhiệm chính", c.Person)
	return out
}

// Problem is a file that could not be used, or was used with a defect.
type Problem struct {
	Path   string
	Reason string
	Fatal  bool // the file was skipped (unreadable, empty, binary, not UTF-8, no body)
}

func (p Problem) String() string { return p.Path + ": " + p.Reason }
