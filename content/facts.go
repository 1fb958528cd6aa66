package content

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Document numbers come in two shapes:
//
//	party documents   N-TYPE/ISSUER        18-NQ/TW, 30- KH/ThU, 22, 23 - CTr/Th.U
//	state documents   N/[YYYY/]TYPE-ISSUER 1234/QĐ-UBND, 34/2019/NĐ-CP
//
// Writers put spaces around the separators, list several numbers before one
// code ("18, 19-NQ/TW", "22, 23 - CTr/Th.U") and dot the issuer ("Th.U"). The
// patterns accept all of that; normalisation removes it. An issuer may end in
// the number of its term: the National Assembly's Standing Committee of the
// 15th legislature signs "1234/NQ-UBTVQH15", a party congress "ĐH13".
//
// The National Assembly and its Standing Committee number their laws and
// legal resolutions N/YYYY/ISSUER with no type code: "202/2025/QH15",
// "35/2023/UBTVQH15". The issuer ends in its legislature's number; the
// type is the name before ("Nghị quyết số", "Resolution No.").
var (
	yearDocRE  = regexp.MustCompile(`(?:^|[^\p{L}\d/])(\d{1,5})\s*/\s*((?:19|20)\d\d)\s*/\s*(\p{Lu}\p{L}{0,7}\d\d)(?:[^\p{L}\d/-]|$)`)
	partyDocRE = regexp.MustCompile(`(?:^|[^\p{L}\d/])(\d{1,4}(?:\s*(?:,|và)\s*\d{1,4})*)\s*-\s*(\p{Lu}[\p{L}.]{0,4})\s*/\s*(\p{Lu}[\p{L}.]{0,6}\d{0,2})(?:[^\p{L}\d]|$)`)
	stateDocRE = regexp.MustCompile(`(?:^|[^\p{L}\d/])(\d{1,5})\s*/\s*(?:(\d{4})\s*/\s*)?(\p{Lu}[\p{L}.]{0,4})\s*-\s*(\p{Lu}[\p{L}.]{0,8}\d{0,2})(?:[^\p{L}\d]|$)`)
	docDateRE  = regexp.MustCompile(`^\s*,?\s*ngày\s+(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})`)
	numSplitRE = regexp.MustCompile(`\s*(?:,|và)\s*`)
)

// docType returns the canonical spelling and Vietnamese name of a type
// code as written (any case, dots allowed), from the lexicon.
func docType(written string) ([2]string, bool) {
	t, ok := Lexicon.DocTypeByCode(written)
	return [2]string{t.Code, t.Name}, ok
}

// typeBefore returns the type that a document's name right before its
// number gives (text is the sentence up to the number), and false when
// there is no name there. The name may be followed by "số" and, when "số"
// is written, by up to three words of description ("Chương trình hành động
// số 22").
func typeBefore(text string) ([2]string, bool) {
	words := strings.FieldsFunc(Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	desc := 0
	if n := len(words); n > 0 && words[n-1] == "so" {
		words, desc = words[:n-1], 3
	}
	for k := 0; k <= desc && len(words)-k >= 2; k++ {
		n := len(words) - k
		if t, ok := Lexicon.DocTypeByName(words[n-2] + " " + words[n-1]); ok {
			return [2]string{t.Code, t.Name}, true
		}
	}
	// "Resolution No. 76/2025/UBTVQH15", "Decision 1234".
	if n := len(words); n > 0 && (words[n-1] == "no" || words[n-1] == "number") {
		words = words[:n-1]
	}
	for k := 1; k <= 2 && k <= len(words); k++ {
		if t, ok := Lexicon.DocTypeByEnglish(strings.Join(words[len(words)-k:], " ")); ok {
			return [2]string{t.Code, t.Name}, true
		}
	}
	return [2]string{}, false
}

// issuers maps well-known issuer codes, upper-cased without dots, to their
// canonical spelling; others keep the writer's letters, dots removed.
var issuers = map[string]string{
	"TW": "TW", "TU": "TU", "THU": "ThU", "HU": "HU", "ĐU": "ĐU", "QU": "QU",
	"UBND": "UBND", "HĐND": "HĐND", "CP": "CP", "TTG": "TTg", "BCT": "BCT",
	"BNV": "BNV", "BCHTW": "BCHTW", "BTGTW": "BTGTW", "BTCTW": "BTCTW",
}

func canonIssuer(s string) string {
	s = strings.ReplaceAll(s, ".", "")
	if c, ok := issuers[strings.ToUpper(s)]; ok {
		return c
	}
	return s
}

// findDocuments lists every numbered document each sentence cites, one entry
// per document and sentence.
func findDocuments(paragraphs []string) []Document {
	var out []Document
	for pi, para := range paragraphs {
		for _, sent := range Sentences(para) {
			type found struct {
				at int
				d  Document
			}
			var docs []found
			at := 0
			add := func(d Document) { docs = append(docs, found{at, d}) }
			for _, m := range partyDocRE.FindAllStringSubmatchIndex(sent, -1) {
				written := strings.ReplaceAll(sent[m[4]:m[5]], ".", "")
				t, ok := docType(written)
				code := t[0]
				if !ok {
					// An unknown code is a document only under its name:
					// "Kế hoạch số 12-KHPH/HU".
					if t, ok = typeBefore(sent[:m[2]]); !ok {
						continue
					}
					code = written
				}
				issuer := canonIssuer(sent[m[6]:m[7]])
				date := followingDate(sent[m[7]:])
				at = m[2]
				for _, n := range numSplitRE.Split(sent[m[2]:m[3]], -1) {
					if n == "" {
						continue
					}
					add(Document{ID: n + "-" + code + "/" + issuer, Number: n, Type: t[0], Issuer: issuer, TypeName: t[1], Date: date})
				}
			}
			for _, m := range stateDocRE.FindAllStringSubmatchIndex(sent, -1) {
				written := strings.ReplaceAll(sent[m[6]:m[7]], ".", "")
				n := sent[m[2]:m[3]]
				at = m[2]
				issuer := canonIssuer(sent[m[8]:m[9]])
				id := n + "/"
				if m[4] >= 0 {
					id += sent[m[4]:m[5]] + "/"
				}
				t, ok := docType(written)
				if ok {
					id += t[0] + "-" + issuer
				} else {
					// "Công văn số 567/UBND-NV": the code names the issuer
					// (UBND) and its drafting office (NV); the type is the
					// name before the number. The ID keeps both codes.
					if t, ok = typeBefore(sent[:m[2]]); !ok {
						continue
					}
					id += canonIssuer(written) + "-" + issuer
					issuer = canonIssuer(written)
				}
				add(Document{ID: id, Number: n, Type: t[0], Issuer: issuer, TypeName: t[1], Date: followingDate(sent[m[9]:])})
			}
			for _, m := range yearDocRE.FindAllStringSubmatchIndex(sent, -1) {
				t, ok := typeBefore(sent[:m[2]])
				if !ok {
					continue
				}
				n, issuer := sent[m[2]:m[3]], canonIssuer(sent[m[6]:m[7]])
				at = m[2]
				add(Document{ID: n + "/" + sent[m[4]:m[5]] + "/" + issuer, Number: n, Type: t[0], Issuer: issuer, TypeName: t[1], Date: followingDate(sent[m[7]:])})
			}
			// In the order the sentence cites them, each once.
			sort.SliceStable(docs, func(i, j int) bool { return docs[i].at < docs[j].at })
			seen := map[string]bool{}
			var list []Document
			for _, f := range docs {
				if seen[f.d.ID] {
					continue
				}
				seen[f.d.ID] = true
				f.d.Sentence, f.d.Paragraph = sent, pi
				list = append(list, f.d)
			}
			// "Ngày 15/5/2024, UBND thị xã ban hành Quyết định số 1234/QĐ-UBND
			// …": the date the sentence opens with is the document's when
			// the sentence issues one document and no other.
			if len(list) == 1 && list[0].Date == "" {
				list[0].Date = issueDate(sent[:docs[0].at])
				if list[0].Date == "" && sameDayRE.MatchString(sent[:docs[0].at]) {
					list[0].Date = lastDate(out, pi)
				}
			}
			out = append(out, list...)
		}
	}
	return out
}

// followingDate returns the date written right after a document number
// ("… ngày 29/6/2016"), as written but without inner spaces.
func followingDate(rest string) string {
	m := docDateRE.FindStringSubmatch(rest)
	if m == nil {
		return ""
	}
	if strings.Contains(m[1], "/") {
		return strings.Join(strings.Fields(m[1]), "")
	}
	return m[1]
}

// issuedRE is the opening of a sentence that dates the issuing of the
// document it goes on to cite: a date at the start of the sentence or clause
// ("Ngày 15/5/2024, ", "Chiều 12/4/2024, "), a few words naming the
// issuer, a verb of issuing (ban hành, ký, thông qua, phát hành, ra, có) and
// the document's name ("Quyết định số"), right up to its number.
var issuedRE = regexp.MustCompile(`(?i)(?:^|[,;:]\s*)(?:(?:sáng|chiều|tối|trưa|hôm)\s+)?(?:ngày\s+)?(\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,\s*((?:[\p{L}\p{N}.&-]+\s+){0,12}?)(?:đã\s+)?(?:ký\s+ban\s+hành|ban\s+hành|ký|thông\s+qua|phát\s+hành|ra|có)\s+(?:\p{L}+\s+){1,5}?(?:số\s+)?$`)

// issueDate returns the issuing date an opening gives (before is the
// sentence up to the document's number), as written without inner spaces;
// empty when the sentence does not open that way.
func issueDate(before string) string {
	m := issuedRE.FindStringSubmatch(before)
	if m == nil || dateInRE.MatchString(m[2]) {
		return ""
	}
	if strings.Contains(m[1], "/") {
		return strings.Join(strings.Fields(m[1]), "")
	}
	return m[1]
}

var dateInRE = regexp.MustCompile(`\d{1,2}\s*/\s*\d{1,2}`)

// sameDayRE is the opening of a sentence that issues a document "the same
// day" as the one cited before it: "Cùng ngày, UBND thị xã ban hành Quyết
// định số …", "Cũng trong ngày, …", shaped as issuedRE.
var sameDayRE = regexp.MustCompile(`(?i)(?:^|[,;:]\s*)(?:(?:ngay\s+)?(?:trong\s+)?cùng\s+ngày|cũng\s+trong\s+ngày)(?:\s+này|\s+hôm\s+đó|\s+đó)?\s*,\s*((?:[\p{L}\p{N}.&-]+\s+){0,12}?)(?:cũng\s+)?(?:đã\s+)?(?:ký\s+ban\s+hành|ban\s+hành|ký|thông\s+qua|phát\s+hành|ra|có)\s+(?:\p{L}+\s+){1,5}?(?:số\s+)?$`)

// lastDate is the date of the last dated document cited so far in
// paragraph pi: the day "cùng ngày" refers to. Empty when there is none.
func lastDate(docs []Document, pi int) string {
	for k := len(docs) - 1; k >= 0 && docs[k].Paragraph == pi; k-- {
		if docs[k].Date != "" {
			return docs[k].Date
		}
	}
	return ""
}

// mergerTriggers are the phrases that make a sentence a merger fact, in
// folded form (no accents), with the kind they report. Besides "sáp nhập"
// and "hợp nhất", the legal wording of administrative unit mergers says
// "nhập": "nhập toàn bộ diện tích tự nhiên, quy mô dân số của xã A với …",
// "thành lập xã C trên cơ sở nhập …", "nhập thôn A vào thôn B", and the
// newer "sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của …". A bare
// "nhập" is a merger only there: "thu nhập" (income), "gia nhập" (join),
// "nhập khẩu" (import) are not.
//
// "giảm từ … xuống còn …" and "chuyển đổi … thành …" are everyday wordings
// too: a poverty rate falls ("giảm từ 4,8% xuống còn 1,9%"), an old office
// becomes a cultural house ("chuyển đổi thành nhà văn hóa"). ok keeps such a
// match only when it is about organisations (see reorgDecrease and
// orgConversion).
var mergerTriggers = []struct {
	re   *regexp.Regexp
	kind string
	nhap bool                             // the match starts with "nhap": check the word before it
	ok   func(folded string, at int) bool // nil: every match counts
}{
	{regexp.MustCompile(`\bsap nhap\b`), "sáp nhập", false, nil},
	{regexp.MustCompile(`\bhop nhat\b`), "hợp nhất", false, nil},
	{regexp.MustCompile(`\bgiam tu\b`), "giảm", false, reorgDecrease},
	{regexp.MustCompile(`\bchuyen doi\b`), "chuyển đổi", false, orgConversion},
	{regexp.MustCompile(`\bnhap (?:vao )?toan bo\b`), "sáp nhập", true, nil},
	{regexp.MustCompile(`\btren co so nhap\b`), "sáp nhập", false, nil},
	{regexp.MustCompile(`\bsap xep toan bo\b.*\bdien tich tu nhien\b`), "sáp nhập", false, nil},
	{regexp.MustCompile(`\bnhap (?:vao )?(?:cac |hai |ba |\d+ )?(?:xa|phuong|thi tran|thon|to dan pho|tdp|khoi pho|xom|ban|ap|khu pho|huyen|thi xa|doi)\b.*\b(?:vao|voi|thanh)\b`), "sáp nhập", true, nil},
}

// notMergerBefore are the words that make "nhập" something else: "thu
// nhập", "gia nhập", "xuất nhập", "du nhập", "đột nhập", "hòa nhập".
var notMergerBefore = map[string]bool{"thu": true, "gia": true, "xuat": true, "du": true, "dot": true, "hoa": true, "dang": true}

func wordBefore(s string, at int) string {
	before := strings.TrimRight(s[:at], " ")
	if i := strings.LastIndexByte(before, ' '); i >= 0 {
		return before[i+1:]
	}
	return before
}

// reorgUnits are what a reorganisation counts, folded: administrative
// units, offices, organisations, and the posts of the apparatus. Posts
// (biên chế, cán bộ, công chức, viên chức, chức danh, đầu mối) are in: the
// reports of Resolutions 18 and 19 state staff cuts in the same breath as
// office mergers ("giảm từ 150 xuống còn 132 biên chế"), and a reader asking
// what the streamlining achieved wants them. People and households as such
// (người, hộ, hội viên, đảng viên), money, rates and areas are out: those
// are population, budget and land figures.
var reorgUnits = []string{
	"to dan pho", "tdp", "khoi pho", "khu pho", "thon", "xom", "ban", "ap", "to",
	"xa", "phuong", "thi tran", "thi xa", "thanh pho", "huyen", "tinh",
	"don vi", "co quan", "to chuc", "chi hoi", "hoi", "phong", "trung tam",
	"truong", "tram", "chi cuc", "cong ty", "van phong", "chi bo", "dang bo",
	"dau moi", "bien che", "can bo", "cong chuc", "vien chuc", "chuc danh",
}

// notReorgUnits start like a reorgUnit but count people: "hội viên".
var notReorgUnits = []string{"hoi vien", "to vien", "to truong", "truong thon", "truong ban", "truong phong"}

// startsWithUnit reports whether s (folded) starts with one of units as a
// whole word, and not with one of not.
func startsWithUnit(s string, units, not []string) bool {
	s = strings.TrimLeft(s, " ")
	whole := func(u string) bool {
		if !strings.HasPrefix(s, u) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(s[len(u):])
		return len(s) == len(u) || !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	for _, u := range not {
		if whole(u) {
			return false
		}
	}
	for _, u := range units {
		if whole(u) {
			return true
		}
	}
	return false
}

// decreaseRE reads "giảm từ A [unit] [năm Y] xuống còn B [unit]" after
// "giảm từ": the two numbers, a percent sign after either, and what
// follows each.
var decreaseRE = regexp.MustCompile(`^\s*(\d[\d.,]*)\s*(%?)([^%\d]{0,60}?)\b(?:(?:nay )?xuong con|(?:nay )?xuong|con)\s+(\d[\d.,]*)\s*(%?)(.*)$`)

// subjectUnitRE is a counted subject right before "giảm từ": "số thôn, tổ
// dân phố giảm từ 45 xuống còn 38".
var subjectUnitRE = regexp.MustCompile(`\bso (?:luong )?(?:cac )?([\p{L} ,]{1,40})$`)

// reorgDecrease reports whether the "giảm từ" at at counts organisational
// units: a unit after either number ("giảm từ 13 xuống còn 11 phòng") or a
// counted unit as its subject ("số xã giảm từ 12 xuống còn 9"). A
// percentage, money or people falling is no reorganisation.
func reorgDecrease(folded string, at int) bool {
	rest := folded[at+len("giam tu"):]
	m := decreaseRE.FindStringSubmatch(rest)
	if m == nil || m[2] != "" || m[5] != "" {
		return false
	}
	if startsWithUnit(m[3], reorgUnits, notReorgUnits) || startsWithUnit(m[6], reorgUnits, notReorgUnits) {
		return true
	}
	if s := subjectUnitRE.FindStringSubmatch(strings.TrimRight(folded[:at], " ")); s != nil {
		return startsWithUnit(s[1], reorgUnits, notReorgUnits)
	}
	return false
}

// orgNouns are the organisations a conversion may turn one into or out of,
// folded. Buildings and land are not among them: "trụ sở cũ chuyển đổi
// thành nhà văn hóa", "chuyển đổi đất lúa thành đất trồng cây" change a
// use, not an organisation.
var orgNouns = []string{
	"don vi", "trung tam", "cong ty", "doanh nghiep", "hop tac xa", "ban", "hoi",
	"truong", "phong", "co quan", "to chuc", "van phong", "chi cuc", "benh vien",
	"tram", "dai truyen thanh", "dai phat thanh", "quy", "xa", "phuong",
	"thi tran", "thi xa", "thanh pho", "huyen", "thon", "to dan pho", "tdp",
	"khoi pho", "chi bo", "dang bo",
}

// notOrgNouns start like an orgNoun but are something else: "hội trường"
// is a hall, "trường hợp" a case, "ban đầu" the start.
var notOrgNouns = []string{"hoi truong", "truong hop", "ban dau", "hoi vien", "quy dat", "quy trinh", "quy mo", "phong trao"}

// orgConversion reports whether the "chuyển đổi" at at converts an
// organisation: what it converts ("chuyển đổi Trung tâm X thành …") or what
// that becomes ("… thành Công ty cổ phần") is an organisation. "Chuyển đổi
// số" (digital transformation) and changes of use are not.
func orgConversion(folded string, at int) bool {
	rest := folded[at+len("chuyen doi"):]
	i := strings.Index(rest, " thanh ")
	if i < 0 {
		return false
	}
	subject := strings.TrimPrefix(strings.TrimLeft(rest, " "), "mo hinh ")
	subject = strings.TrimPrefix(subject, "hoat dong ")
	subject = strings.TrimPrefix(subject, "cua ")
	if i > 0 && startsWithUnit(subject, orgNouns, notOrgNouns) {
		return true
	}
	// Any "thành" of the sentence after the verb: the first may be inside
	// a name ("Trung tâm ... thành phố").
	for ; i >= 0; i = nextIndex(rest, " thanh ", i) {
		if startsWithUnit(rest[i+len(" thanh "):], orgNouns, notOrgNouns) {
			return true
		}
	}
	return false
}

func nextIndex(s, sub string, i int) int {
	j := strings.Index(s[i+1:], sub)
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

// shortcomingRE is a lead-in listing shortcomings: "… chỉ ra những hạn chế,
// khuyết điểm: …", "Tuy nhiên, còn một số tồn tại, hạn chế như: …". A merger
// named after it is a problem of one ("việc sáp nhập một số thôn … gây khó
// khăn"), not the fact of one.
var shortcomingRE = regexp.MustCompile(`\b(?:han che|khuyet diem|ton tai|bat cap|vuong mac|yeu kem|kho khan)\b[^:;.]{0,40}:`)

// countUnits are the things merger sentences count. Longer units first:
// "320 hội viên" counts members, not associations.
var countUnits = []string{
	"tổ dân phố", "TDP", "thôn", "bản", "khối phố", "xóm", "xã", "phường", "thị trấn",
	"tổ chức hội", "tổ chức", "hội viên", "chi hội", "hội", "cơ quan", "đơn vị hành chính", "đơn vị",
	"trung tâm", "phòng", "ban", "trường học", "trường", "trạm y tế", "trạm",
	"cán bộ không chuyên trách", "cán bộ", "công chức", "viên chức", "người",
	"nhân khẩu", "hộ gia đình", "hộ dân", "hộ", "chi bộ", "đảng bộ", "đảng viên", "đoàn viên",
	"thành viên", "chức danh", "biên chế", "đầu mối", "tổ", "khu phố", "ấp", "huyện", "thị xã", "km²", "km2", "ha",
}

var (
	// A count: a number (see countNum) and its unit.
	countRE = func() *regexp.Regexp {
		alt := make([]string, len(countUnits))
		for i, u := range countUnits {
			alt[i] = regexp.QuoteMeta(u)
		}
		unit := `(?:` + strings.Join(alt, "|") + `)`
		return regexp.MustCompile(`(?i)(?:^|[^\p{L}\d/.,-])(` + countNum + `\s+` + unit + `(?:\s*,\s*` + unit + `)*)(?:[^\p{L}]|$)`)
	}()
	yearRE = regexp.MustCompile(`(?:19|20)\d{2}`)
	// bareFromRE is the bare first number of a change written with one
	// unit, right before the second number: "từ 13 xuống còn [11 phòng]".
	bareFromRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d/.,-])từ\s+(` + countNum + `)\s+(?:(?:nay\s+)?xuống\s+còn|xuống|còn|lên)\s+$`)
)

// countNum is a count's number: "85", "1.520" (a dot between thousands) or a
// decimal area, "18,5".
const countNum = `(?:\d{1,3}(?:\.\d{3})+|\d{1,5}(?:,\d{1,2})?)`

// findMergers lists the sentences that report a merger or reorganisation.
func findMergers(paragraphs []string) []Merger {
	var out []Merger
	for pi, para := range paragraphs {
		for _, sent := range Sentences(para) {
			folded := Fold(sent)
			kind, at := "", -1
			for _, t := range mergerTriggers {
				for _, loc := range t.re.FindAllStringIndex(folded, -1) {
					if t.nhap && notMergerBefore[wordBefore(folded, loc[0])] || t.ok != nil && !t.ok(folded, loc[0]) {
						continue
					}
					if sc := shortcomingRE.FindStringIndex(folded); sc != nil && sc[1] <= loc[0] {
						continue
					}
					if at < 0 || loc[0] < at {
						kind, at = t.kind, loc[0]
					}
					break
				}
			}
			if kind == "" {
				continue
			}
			m := Merger{Kind: kind, Sentence: sent, Paragraph: pi}
			m.Counts = findCounts(sent)
			m.Years = findYears(sent)
			out = append(out, m)
		}
	}
	return out
}

// findCounts lists the counts a sentence states. A change written with the
// unit once, "từ 13 xuống còn 11 phòng", states two counts: the first
// number shares the second's unit (13 phòng, 11 phòng).
func findCounts(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		m := countRE.FindStringSubmatchIndex(s[i:])
		if m == nil {
			break
		}
		count := s[i+m[2] : i+m[3]]
		if b := bareFromRE.FindStringSubmatch(s[:i+m[2]]); b != nil {
			n := strings.IndexFunc(count, unicode.IsSpace)
			out = append(out, b[1]+" "+strings.TrimLeft(count[n:], " \t"))
		}
		out = append(out, count)
		i += m[3]
	}
	return out
}

// findYears lists the years a sentence states ("năm 2019", "Quý I/2019"),
// leaving out the year of a date ("29/6/2016"), of a document number
// ("34/2019/NĐ-CP") and four-digit counts ("2000 hộ").
func findYears(s string) []int {
	var out []int
	seen := map[int]bool{}
	for _, m := range yearRE.FindAllStringIndex(s, -1) {
		i, j := m[0], m[1]
		if i > 0 {
			prev, n := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
				continue
			}
			if strings.ContainsRune("/-.", prev) && i-n > 0 && isDigitByte(s[i-n-1]) {
				continue // the end of a date or a document number
			}
		}
		if j < len(s) {
			next, _ := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(next) || unicode.IsDigit(next) {
				continue
			}
			if next == '/' && j+1 < len(s) && isDigitByte(s[j+1]) {
				continue // "2019/NĐ-CP"
			}
		}
		if c := countRE.FindStringSubmatchIndex(s[max(i-1, 0):]); c != nil && c[2] == i-max(i-1, 0) {
			continue // a count: "2000 hộ"
		}
		y, _ := strconv.Atoi(s[i:j])
		if !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	return out
}

func isDigitByte(b byte) bool { return '0' <= b && b <= '9' }
