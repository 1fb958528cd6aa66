package content

import (
	"strings"
	"sync"
)

// The domain lexicon: the words of local government that several layers
// need — the parser to find facts, search to read questions, the bot to
// word replies. One list each, here, so that a word added for one layer
// counts for all of them.

// lexicon holds the vocabulary; Lexicon is the one value of it.
type lexicon struct {
	// Titles are the posts a person holds, as published (case as a
	// sentence would write them after a word). Longer titles that contain
	// a shorter one are listed too: "Phó Chủ tịch" is not "Chủ tịch".
	Titles []string
	// DocTypes are the kinds of document cited, with their codes and names.
	DocTypes []DocType
}

// Lexicon is the domain vocabulary every layer reads.
var Lexicon = lexicon{
	DocTypes: docTypeList,
	Titles: []string{
		"Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Tổng Bí thư", "Giám đốc", "Phó Giám đốc",
		"Tổng Giám đốc", "Trưởng ban", "Phó Trưởng ban", "Trưởng phòng", "Phó Trưởng phòng",
		"Chánh Văn phòng", "Phó Chánh Văn phòng", "Chánh Thanh tra", "Trưởng Công an", "Phó Trưởng Công an",
		"Trưởng Đài", "Trưởng thôn", "Thôn trưởng", "Tổ trưởng", "Tổ phó", "Chi hội trưởng",
		"Hiệu trưởng", "Phó Hiệu trưởng", "Thủ trưởng", "Tổng Biên tập", "Phó Tổng Biên tập",
		"Chủ nhiệm", "Phó Chủ nhiệm", "Trưởng đoàn", "Bộ trưởng", "Thứ trưởng", "Cục trưởng",
		"Chi cục trưởng", "Viện trưởng", "Chánh án", "Trưởng khoa", "Trạm trưởng", "Trưởng trạm",
		"Ủy viên", "Uỷ viên", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch nước", "Đại tá", "Thượng tá",
		"Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Trưởng", "Phó",
	},
}

// DocType is a kind of document a local government cites: its code in
// document numbers, its name, and the other ways writers and readers name
// it.
type DocType struct {
	Code    string   // canonical code as published: "NQ", "CTr", "QĐi"
	Name    string   // Vietnamese name: "Nghị quyết"
	Aliases []string // other codes writers use for it: "QY" for Quy định
	// Names are what writers put before a number ("Nghị quyết số 18",
	// "Chương trình hành động số 22"); empty for a type only ever named
	// by its code.
	Names   []string
	English []string // English names a question may use: "resolution"
}

// Key is the type as search keys documents and questions: the code
// folded to its letters, "nq", "ctr", "qdi".
func (t DocType) Key() string {
	var b strings.Builder
	for _, r := range Fold(t.Code) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// docTypeList: a party regulation is numbered "08-QĐi/TW"; earlier lists
// here wrote it "QY", and search looked it up as "qdi", so "Quy định số
// 15" was never found. One list, one key.
var docTypeList = []DocType{
	{Code: "NQ", Name: "Nghị quyết", Names: []string{"Nghị quyết"}, English: []string{"resolution"}},
	{Code: "KL", Name: "Kết luận", Names: []string{"Kết luận"}, English: []string{"conclusion"}},
	{Code: "KH", Name: "Kế hoạch", Names: []string{"Kế hoạch"}, English: []string{"plan"}},
	{Code: "CTr", Name: "Chương trình", Names: []string{"Chương trình hành động", "Chương trình"}, English: []string{"programme", "program"}},
	{Code: "QĐ", Name: "Quyết định", Names: []string{"Quyết định"}, English: []string{"decision"}},
	{Code: "CT", Name: "Chỉ thị", Names: []string{"Chỉ thị"}, English: []string{"directive"}},
	{Code: "TB", Name: "Thông báo", Names: []string{"Thông báo"}, English: []string{"notice", "announcement"}},
	{Code: "ĐA", Name: "Đề án", Names: []string{"Đề án"}, English: []string{"project", "scheme"}},
	{Code: "HD", Name: "Hướng dẫn", Names: []string{"Hướng dẫn"}, English: []string{"guidance", "guideline"}},
	{Code: "BC", Name: "Báo cáo", Names: []string{"Báo cáo"}, English: []string{"report"}},
	{Code: "TTr", Name: "Tờ trình", Names: []string{"Tờ trình"}},
	{Code: "NĐ", Name: "Nghị định", Names: []string{"Nghị định"}, English: []string{"decree"}},
	{Code: "TT", Name: "Thông tư", Names: []string{"Thông tư"}, English: []string{"circular"}},
	{Code: "CV", Name: "Công văn", Names: []string{"Công văn"}, English: []string{"official letter", "dispatch", "letter"}},
	{Code: "QC", Name: "Quy chế", Names: []string{"Quy chế"}},
	{Code: "QĐi", Name: "Quy định", Aliases: []string{"QY", "QYĐ"}, Names: []string{"Quy định"}, English: []string{"regulation"}},
	{Code: "TTg", Name: "Quyết định của Thủ tướng"},
	{Code: "VB", Name: "Văn bản", Names: []string{"Văn bản"}},
	{Code: "CĐ", Name: "Công điện", Names: []string{"Công điện"}},
}

// docTypeCodeKey is how a written code is compared: upper case, no dots.
func docTypeCodeKey(code string) string { return strings.ToUpper(strings.ReplaceAll(code, ".", "")) }

// The lookups are built on first use: Fold's tables are filled by an init
// function, after package variables.
var (
	docTypesByCode = sync.OnceValue(func() map[string]DocType {
		m := map[string]DocType{}
		for _, t := range Lexicon.DocTypes {
			m[docTypeCodeKey(t.Code)] = t
			for _, a := range t.Aliases {
				m[docTypeCodeKey(a)] = t
			}
		}
		return m
	})
	docTypesByName = sync.OnceValue(func() map[string]DocType {
		m := map[string]DocType{}
		for _, t := range Lexicon.DocTypes {
			for _, n := range t.Names {
				m[Fold(n)] = t
			}
		}
		return m
	})
)

// DocTypeByCode finds a type by a code as written in a document number,
// in any case and with dots ("NQ", "Ctr", "QĐi", "QY").
func (l *lexicon) DocTypeByCode(code string) (DocType, bool) {
	t, ok := docTypesByCode()[docTypeCodeKey(code)]
	return t, ok
}

// DocTypeByName finds a type by a name written before a number, folded
// ("nghi quyet", "chuong trinh hanh dong").
func (l *lexicon) DocTypeByName(folded string) (DocType, bool) {
	t, ok := docTypesByName()[folded]
	return t, ok
}
