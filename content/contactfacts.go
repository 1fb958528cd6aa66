package content

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Articles state contacts in their text as well as in a contact block: "Nơi
// nộp hồ sơ: Bộ phận Tiếp nhận và Trả kết quả …, Số 05 đường …. Điện thoại:
// 0000 200 100.", "công dân liên hệ Văn phòng UBND phường, điện thoại 0000
// 300 200 hoặc email …". findContactFacts makes each such statement a
// Contact: the phone numbers and e-mail addresses it gives, the office it
// names right before them and that office's address, when it gives one.
// The office is never guessed: a statement that names none leaves Office
// empty. A number or address the article's other contacts already have
// (the portal footer) is not repeated.

var (
	emailRE = regexp.MustCompile(`[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	// A Vietnamese phone number: 0 or +84, then groups of digits written
	// with spaces, dots or dashes: "0000 200 100", "02393 865 366",
	// "0912.345.678", "(0239) 3865 366". Its digits are counted apart.
	phoneRE = regexp.MustCompile(`(?:\+84|\(0|0)\d{1,4}\)?(?:[ .-]?\d{2,4}){1,4}`)
	// The words that introduce a number or address: a phone number is taken
	// only after one of them, so that counts and amounts never are. They are
	// the lexicon's labels of the fields a number fills, and the verbs and
	// apps a sentence gives a number with.
	contactCueRE = func() *regexp.Regexp {
		alts := []string{`liên\s+hệ`, `gọi`, `zalo`}
		for _, k := range []string{"hotline", "phone", "fax", "email"} {
			for _, l := range Lexicon.ContactField(k).Labels {
				alts = append(alts, strings.ReplaceAll(regexp.QuoteMeta(strings.ToLower(l)), " ", `\s+`))
			}
		}
		sort.SliceStable(alts, func(i, j int) bool { return len(alts[i]) > len(alts[j]) })
		return regexp.MustCompile(`(?i)(?:^|[^\p{L}])(` + strings.Join(alts, "|") + `)(?:[^\p{L}]|$)`)
	}()
)

// maxCueGap is how far (in bytes) a number may follow the word introducing
// it: "điện thoại 0000 300 200 hoặc 0000 300 201".
const maxCueGap = 80

type cue struct {
	start, end int
	word       string // folded
	kind       string // the contact field the word labels, "" for a verb
	label      string // the lexicon's spelling of that label
}

// cueKind is the contact field a cue word labels and the lexicon's
// spelling of the label, from the lexicon.
func cueKind(folded string) (kind, label string) {
	w := foldPhrase(folded)
	for _, f := range Lexicon.ContactFields {
		if i := slices.Index(f.FoldedLabels(), w); i >= 0 {
			return f.Kind, f.Labels[i]
		}
	}
	return "", ""
}

func findContactFacts(paragraphs []string, have []Contact) []Contact {
	known := map[string]bool{}
	for _, c := range have {
		for _, v := range contactValues(c) {
			known[v] = true
		}
	}
	var out []Contact
	for _, para := range paragraphs {
		sents := Sentences(para)
		for si := range sents {
			c, ok := contactFact(sents, si, known)
			if !ok {
				continue
			}
			for _, v := range contactValues(c) {
				known[v] = true
			}
			if k := sameOffice(out, c.Office); k >= 0 {
				out[k] = mergeFact(out[k], c)
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// contactFact reads the contact sents[si] states, if it states one with a
// number or address not in known.
func contactFact(sents []string, si int, known map[string]bool) (Contact, bool) {
	sent := strings.TrimRight(sents[si], " ")
	var cues []cue
	for _, m := range contactCueRE.FindAllStringSubmatchIndex(sent, -1) {
		w := Fold(sent[m[2]:m[3]])
		kind, label := cueKind(w)
		cues = append(cues, cue{m[2], m[3], w, kind, label})
	}
	cueBefore := func(at int) (cue, bool) {
		for k := len(cues) - 1; k >= 0; k-- {
			if cues[k].end <= at {
				return cues[k], at-cues[k].end <= maxCueGap
			}
		}
		return cue{}, false
	}
	var c Contact
	first := -1 // where the statement's first new value's cue starts
	mark := func(at int) {
		if first < 0 || at < first {
			first = at
		}
	}
	for _, m := range phoneRE.FindAllStringIndex(sent, -1) {
		v := strings.TrimRight(sent[m[0]:m[1]], " .-")
		if m[0] > 0 && isDigitByte(sent[m[0]-1]) || m[1] < len(sent) && isDigitByte(sent[m[1]]) {
			continue
		}
		if n := len(digitsOf(v)); n < 9 || n > 11 {
			continue
		}
		cu, ok := cueBefore(m[0])
		if !ok || cu.kind == "email" {
			continue
		}
		if known[digitsOf(v)] {
			continue
		}
		known[digitsOf(v)] = true
		mark(cu.start)
		switch {
		case cu.kind == "fax" && c.Fax == "":
			c.Fax = v
		case cu.kind == "hotline":
			c.Extra = append(c.Extra, Field{Label: cu.label, Value: v})
		case c.Phone == "":
			c.Phone = v
		default:
			c.Extra = append(c.Extra, Field{Label: "Điện thoại", Value: v})
		}
	}
	for _, m := range emailRE.FindAllStringIndex(sent, -1) {
		v := strings.TrimRight(sent[m[0]:m[1]], ".")
		if known[strings.ToLower(v)] {
			continue
		}
		known[strings.ToLower(v)] = true
		if cu, ok := cueBefore(m[0]); ok {
			mark(cu.start)
		} else {
			mark(m[0])
		}
		if c.Email == "" {
			c.Email = v
		} else {
			c.Extra = append(c.Extra, Field{Label: "Email", Value: v})
		}
	}
	if first < 0 {
		return c, false
	}
	// The office: named in the sentence before the number; when the
	// sentence opens with the number's label ("Điện thoại: …"), in the
	// sentence before it, which it completes.
	before := sent[:first]
	stated := []string{sents[si]}
	if strings.Trim(before, " ,;:-–") == "" && si > 0 {
		before = strings.TrimRight(sents[si-1], " .")
		stated = []string{sents[si-1], sents[si]}
	}
	c.Office, c.Address = officeBefore(before)
	c.Sentence = strings.Join(stated, " ")
	c.Lines = factLines(c)
	return c, true
}

// officeBefore finds the office a statement names right before its number,
// and the address it gives between the two: walking back over the clauses,
// address clauses ("Số 05 đường …", "phường …") are passed, and the clause
// that names an office ends the walk. Any other clause ends it with no
// office.
func officeBefore(text string) (office, address string) {
	clauses := clauseSepRE.Split(text, -1)
	var addr []string
	for k := len(clauses) - 1; k >= 0; k-- {
		cl := strings.Trim(clauses[k], " )-–.")
		if cl == "" {
			continue
		}
		if o := officeIn(cl); o != "" {
			office = o
			// "Hội … đặt tại Nhà văn hóa tổ dân phố …": the seat follows
			// the name in its clause.
			if at := strings.Index(cl, o); at >= 0 {
				if m := seatRE.FindStringSubmatch(cl[at+len(o):]); m != nil {
					addr = append([]string{m[1]}, addr...)
				}
			}
			break
		}
		if !isAddressClause(cl) {
			break
		}
		addr = append([]string{cl}, addr...)
	}
	if office == "" {
		return "", ""
	}
	return office, strings.Join(addr, ", ")
}

var (
	clauseSepRE = regexp.MustCompile(`[,;:(]`)
	seatRE      = regexp.MustCompile(`^\s+(?:(?:có\s+)?trụ\s+sở\s+|đặt\s+|nằm\s+)?(?:tại|ở)\s+(\p{Lu}.*)$`)
)

// officeIn returns the office a clause names: from its first capitalised
// office word up to the clause's end or to the first word in lower case
// that goes on with a sentence ("UBND xã đề nghị người dân …", "Văn phòng
// UBND xã nhận hồ sơ qua …"); words of a name are capitalised there
// ("Bộ phận Tiếp nhận và Trả kết quả").
func officeIn(clause string) string {
	words := strings.Fields(clause)
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		l := strings.ToLower(Normalize(strings.Join(words[i:], " ")))
		for _, ow := range officeWords {
			if l != ow && !strings.HasPrefix(l, ow+" ") {
				continue
			}
			end := len(words)
			for j := i + 1; j < len(words); j++ {
				if continuesName(words[j-1], words[j]) {
					continue // "Bộ phận Tiếp nhận …"
				}
				if notNameWords[words[j]] || j+1 < len(words) && notNameWords[words[j]+" "+words[j+1]] {
					end = j
					break
				}
			}
			if end-i < 2 || end-i > 20 {
				return ""
			}
			return strings.Join(words[i:end], " ")
		}
	}
	return ""
}

// continuesName reports whether w, which would end a name, is the second
// syllable of a capitalised word of the name: "Tiếp nhận" in "Bộ phận Tiếp
// nhận và Trả kết quả".
func continuesName(prev, w string) bool {
	r, _ := utf8.DecodeRuneInString(prev)
	return unicode.IsUpper(r) && notNameWords[strings.ToLower(prev)+" "+w]
}

// notNameWords, written in lower case, go on with a sentence after an
// office's name.
var notNameWords = map[string]bool{
	"đề nghị": true, "yêu cầu": true, "thông báo": true, "đã": true, "sẽ": true, "đang": true,
	"được": true, "là": true, "có": true, "cho": true, "để": true, "người dân": true,
	"công dân": true, "nhận": true, "tiếp nhận": true, "giải quyết": true, "hướng dẫn": true,
	"qua": true, "theo": true, "tại": true, "về": true, "với": true, "hoặc": true, "nếu": true,
	"khi": true, "thì": true, "phối hợp": true, "hỗ trợ": true, "trả lời": true, "gửi": true,
	"gọi": true, "liên hệ": true, "số": true, "vào": true, "trong": true, "từ": true, "đến": true,
	"luôn": true, "sẵn sàng": true, "đặt": true, "nằm": true, "ở": true, "làm": true,
	"tổ chức": true, "thực hiện": true, "triển khai": true, "ban hành": true, "trực": true,
	"bố trí": true, "mở": true, "công bố": true, "niêm yết": true, "cung cấp": true,
	"tiếp tục": true, "phát": true,
}

var addressStartRE = regexp.MustCompile(`^(?i:số\s+\d|số\s+nhà|nhà\s+số|\d+[a-z]?\s|thôn|xóm|bản|tổ\s+dân\s+phố|tdp|tổ\s+\d|khu\s+phố|khối|ấp|đường|phố|ngõ|ngách|tầng|khu|phường|xã|thị\s+trấn|thị\s+xã|quận|huyện|tỉnh|thành\s+phố|tp\.?)`)

func isAddressClause(cl string) bool {
	return addressStartRE.MatchString(cl) && len(strings.Fields(cl)) <= 10
}

func factLines(c Contact) []string {
	var lines []string
	if c.Office != "" {
		lines = append(lines, c.Office)
	}
	for _, f := range c.Fields() {
		lines = append(lines, f.Label+": "+f.Value)
	}
	return lines
}

// contactValues are the numbers and addresses a contact gives, as compared
// for repeats: a phone by its digits, an e-mail in lower case.
func contactValues(c Contact) []string {
	var vs []string
	for _, v := range []string{c.Phone, c.Fax} {
		if d := digitsOf(v); d != "" {
			vs = append(vs, d)
		}
	}
	if c.Email != "" {
		vs = append(vs, strings.ToLower(c.Email))
	}
	for _, f := range c.Extra {
		if strings.Contains(f.Value, "@") {
			vs = append(vs, strings.ToLower(f.Value))
		} else if d := digitsOf(f.Value); len(d) >= 9 {
			vs = append(vs, d)
		}
	}
	return vs
}

func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func sameOffice(cs []Contact, office string) int {
	if office == "" {
		return -1
	}
	for k, c := range cs {
		if Normalize(c.Office) == Normalize(office) {
			return k
		}
	}
	return -1
}

// mergeFact adds a later statement about the same office to the first.
func mergeFact(a, b Contact) Contact {
	if a.Address == "" {
		a.Address = b.Address
	}
	for _, f := range []struct {
		dst   *string
		v     string
		label string
	}{{&a.Phone, b.Phone, "Điện thoại"}, {&a.Fax, b.Fax, "Fax"}, {&a.Email, b.Email, "Email"}} {
		switch {
		case f.v == "":
		case *f.dst == "":
			*f.dst = f.v
		default:
			a.Extra = append(a.Extra, Field{Label: f.label, Value: f.v})
		}
	}
	a.Extra = append(a.Extra, b.Extra...)
	a.Sentence += " " + b.Sentence
	a.Lines = factLines(a)
	return a
}
