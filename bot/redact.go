package bot

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
)

// Redact removes from a question what could identify the person asking
// before it is kept anywhere — the unanswered list and the admins' slowest
// searches keep questions for days, with no link to the chat, so /quentoi
// cannot find them afterwards: they must hold nothing personal from the
// start. It removes phone, ID card and other long numbers, e-mail
// addresses, the names people give ("tôi là Nguyễn Văn …", "tên em là
// lan", "chị Mai"), full names ("Trần Thị Mẫu Thử") and house addresses
// ("nhà tôi ở số 12 ngõ 34 …", "số nhà 5", "58B Nguyễn Trãi"), typed with
// or without accents and capitals. Each becomes "…".
//
// It errs on the side of removing: a street or an official's name that
// looks like a person's goes too. It cannot know a name typed in lower case
// with no cue before it ("nguyen van an hoi …").
func Redact(q string) string {
	q = emailLike.ReplaceAllString(q, "…")
	q = longDigits.ReplaceAllString(q, "…")
	toks := redactTokens(q)
	var spans [][2]int
	for _, rule := range redactRules {
		spans = append(spans, rule(toks)...)
	}
	for _, v := range content.Values(q) {
		if v.Type == content.ValuePerson || v.Type == content.ValueAddress && strings.ContainsAny(v.Text, "0123456789") {
			spans = append(spans, v.Span)
		}
	}
	return cutSpans(q, spans)
}

var (
	longDigits = regexp.MustCompile(`\d[\d .-]{5,}\d`)
	emailLike  = regexp.MustCompile(`\S+@\S+`)
)

// redactToken is one word of a question: letters and digits, with "/"
// inside a number ("12/3").
type redactToken struct {
	start, end int // byte span in the question
	fold       string
	lower      string // lower case, accents kept: "đường" is not "dượng"
	upper      bool   // starts with a capital letter
	caps       bool   // all capitals, two letters or more: an acronym ("UBND")
	digit      bool   // holds a digit
	clauseEnd  bool   // punctuation follows: a name or an address ends there
}

func redactTokens(s string) []redactToken {
	var out []redactToken
	inWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !inWord(r) {
			if strings.ContainsRune(",.;:!?()\n…", r) && len(out) > 0 {
				out[len(out)-1].clauseEnd = true
			}
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if inWord(r) || r == '/' && i+n < len(s) && unicode.IsDigit(rune(s[i+n])) && i > start {
				i += n
				continue
			}
			break
		}
		w := s[start:i]
		first, _ := utf8.DecodeRuneInString(w)
		out = append(out, redactToken{start: start, end: i, fold: content.Fold(w), lower: strings.ToLower(content.Normalize(w)),
			upper: unicode.IsUpper(first), caps: utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w,
			digit: strings.ContainsAny(w, "0123456789")})
	}
	return out
}

// redactRules each return the spans of a question to remove.
var redactRules = []func([]redactToken) [][2]int{redactCuedNames, redactHonorificNames, redactFullNames, redactCuedAddresses, redactHouseNumbers}

// nameCues introduce a name, folded. With sure, what follows is a name
// whatever its case ("tên em là lan"); otherwise only a capitalised word or
// a surname starts one: "tôi là Lan", "toi la nguyen van an", but not "tôi
// là người dân".
var nameCues = []struct {
	words []string
	sure  bool
}{
	{strings.Fields("ten toi la"), true}, {strings.Fields("ten em la"), true}, {strings.Fields("ten minh la"), true},
	{strings.Fields("ten chau la"), true}, {strings.Fields("ten con la"), true}, {strings.Fields("toi ten la"), true},
	{strings.Fields("em ten la"), true}, {strings.Fields("minh ten la"), true}, {strings.Fields("chau ten la"), true},
	{strings.Fields("con ten la"), true}, {strings.Fields("toi ten"), true}, {strings.Fields("em ten"), true},
	{strings.Fields("minh ten"), true}, {strings.Fields("chau ten"), true}, {strings.Fields("ho va ten"), true},
	{strings.Fields("ho ten"), true}, {strings.Fields("ten la"), true}, {strings.Fields("my name is"), true},
	{strings.Fields("toi la"), false}, {strings.Fields("em la"), false}, {strings.Fields("minh la"), false},
	{strings.Fields("chau la"), false}, {strings.Fields("con la"), false}, {strings.Fields("tui la"), false},
	{strings.Fields("i am"), false}, {strings.Fields("i m"), false},
}

// nameStop ends a name typed in lower case: the verbs and function words
// that follow one ("tôi là nguyễn văn an muốn hỏi", "… ở phường …").
var nameStop = wordSet("muon hoi can xin o song co dang lam nha hien nam sinh tuoi va thi cho duoc da se bi khong cua tai que tru thuong dia chi so xa phuong thon to la nguoi dan tu den vua moi want would like live from and i to ask")

// maxNameWords is the longest name taken: four syllables ("Nguyễn Thị Minh
// Khai"), five with a compound surname.
const maxNameWords = 5

// nameRun returns how many tokens from k make a name: capitalised ones
// when the first is, else up to a stop word. A word after a surname is no
// stop word: "nguyen thi …" is "Nguyễn Thị", not "Nguyễn thì".
func nameRun(toks []redactToken, k int) int {
	n := 0
	for j := k; j < len(toks) && n < maxNameWords; j++ {
		t := toks[j]
		if t.digit || toks[k].upper && !t.upper {
			break
		}
		if !toks[k].upper && nameStop[t.fold] && (j == k || !content.IsSurname(toks[j-1].fold)) {
			break
		}
		n++
		if t.clauseEnd {
			break
		}
	}
	return n
}

func redactCuedNames(toks []redactToken) [][2]int {
	var out [][2]int
	for k := range toks {
		for _, c := range nameCues {
			end := k + len(c.words)
			if end >= len(toks) || !tokensAre(toks[k:end], c.words) || toks[end-1].clauseEnd {
				continue
			}
			if next := toks[end]; !c.sure && !next.upper && !content.IsSurname(next.fold) {
				continue
			}
			if n := nameRun(toks, end); n > 0 {
				out = append(out, [2]int{toks[end].start, toks[end+n-1].end})
			}
			break
		}
	}
	return out
}

// honorifics address a person before their name ("chị Mai", "ông Ba"),
// in lower case with accents: folded, "đi", "đường" and "có" would be
// "dì", "dượng" and "cô" ("đi Hà Nội"). Typed without accents, only the
// forms no common word shares count.
var (
	honorifics         = wordSet("ông bà anh chị cô chú bác cụ em cháu dì dượng thím mợ")
	unaccentHonorifics = wordSet("ong anh chi bac em chau thim")
)

func isHonorific(t redactToken) bool {
	if t.lower == t.fold {
		return unaccentHonorifics[t.fold]
	}
	return honorifics[t.lower]
}

// redactHonorificNames removes the capitalised name after a form of
// address. A capitalised form of address must be followed by a surname:
// "Bà Rịa" is a place.
func redactHonorificNames(toks []redactToken) [][2]int {
	var out [][2]int
	for k := 0; k+1 < len(toks); k++ {
		h, next := toks[k], toks[k+1]
		if !isHonorific(h) || h.clauseEnd || !next.upper || h.upper && !content.IsSurname(next.fold) {
			continue
		}
		if n := nameRun(toks, k+1); n > 0 {
			out = append(out, [2]int{next.start, toks[k+n].end})
		}
	}
	return out
}

// placeWords name what a place is before a name that is also a person's:
// "đường Nguyễn Văn Cừ", "trường THPT Lê Quý Đôn", "thành phố Hồ Chí Minh".
var placeWords = wordSet("duong pho phuong xa quan huyen tinh tp thanh truong thpt thcs th mn hoc vien cho cau ngo ngach hem kiet thon xom ap ban khu to lo cong dai nha ga ben")

// redactFullNames removes a capitalised run of three syllables or more
// that starts with a surname ("Trần Thị Mẫu"). Not when a place word or
// another capitalised word comes before it: "đường Nguyễn Văn Cừ",
// "Trường THPT Lê Quý Đôn", "Hội Đồng Nhân Dân". Two syllables are left:
// most are places ("Hà Nội", "Cao Bằng") or streets named after someone.
// "Văn", a rare surname, starts "Văn Phòng …" far more often.
func redactFullNames(toks []redactToken) [][2]int {
	var out [][2]int
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if !t.upper || t.fold == "van" || !content.IsSurname(t.fold) {
			continue
		}
		if k > 0 && !toks[k-1].clauseEnd && (placeWords[toks[k-1].fold] || toks[k-1].upper) {
			continue
		}
		n := nameRun(toks, k)
		if n >= 3 {
			out = append(out, [2]int{t.start, toks[k+n-1].end})
			k += n - 1
		}
	}
	return out
}

// addressCues introduce where the asker lives, folded. What follows them to
// the end of the clause is removed when it holds a number (a house
// number): "nhà tôi ở số 12 ngõ 34 phố X, …"; "tôi ở phường X" is kept.
var addressCues = [][]string{
	strings.Fields("nha toi o"), strings.Fields("nha toi tai"), strings.Fields("nha toi"), strings.Fields("nha em o"),
	strings.Fields("nha minh o"), strings.Fields("nha chau o"), strings.Fields("nha con o"), strings.Fields("dia chi nha"),
	strings.Fields("dia chi cua toi"), strings.Fields("dia chi toi"), strings.Fields("dia chi cua em"), strings.Fields("toi o"),
	strings.Fields("em o"), strings.Fields("minh o"), strings.Fields("toi song o"), strings.Fields("toi song tai"),
	strings.Fields("toi dang o"), strings.Fields("toi tru tai"), strings.Fields("thuong tru tai"), strings.Fields("tam tru tai"),
	strings.Fields("thuong tru o"), strings.Fields("tam tru o"), strings.Fields("ho khau tai"), strings.Fields("cho o"),
	strings.Fields("i live at"), strings.Fields("i live in"), strings.Fields("my address is"), strings.Fields("my house is"),
}

// addressStop ends an address typed after a cue: the question goes on.
var addressStop = wordSet("thi muon can xin hoi co duoc bi nen vay thuoc la va nhung nhung ma de and is which what how do can")

// maxAddressWords bounds what an address cue removes.
const maxAddressWords = 14

func redactCuedAddresses(toks []redactToken) [][2]int {
	var out [][2]int
	for k := range toks {
		for _, c := range addressCues {
			end := k + len(c)
			if end >= len(toks) || !tokensAre(toks[k:end], c) || toks[end-1].clauseEnd {
				continue
			}
			last, number := -1, false
			for j := end; j < len(toks) && j < end+maxAddressWords && !addressStop[toks[j].fold]; j++ {
				last, number = j, number || toks[j].digit
				if toks[j].clauseEnd {
					break
				}
			}
			if number {
				out = append(out, [2]int{toks[end].start, toks[last].end})
			}
			break
		}
	}
	return out
}

// streetWords follow a house number ("12 ngõ 34", "58B đường …").
var streetWords = wordSet("ngo ngach hem kiet duong pho")

// redactHouseNumbers removes house numbers written without a cue: "số nhà
// 5", "nhà số 5", a number before a street word ("số 12 ngõ 34", "58B
// đường X") and a number after an alley ("hẻm 12/3").
func redactHouseNumbers(toks []redactToken) [][2]int {
	var out [][2]int
	for k, t := range toks {
		if !t.digit {
			continue
		}
		prev := func(i int) string {
			if k-i < 0 || toks[k-i].clauseEnd {
				return ""
			}
			return toks[k-i].fold
		}
		house := prev(2)+" "+prev(1) == "so nha" || prev(2)+" "+prev(1) == "nha so" ||
			streetWords[prev(1)] && prev(1) != "duong" && prev(1) != "pho" ||
			k+1 < len(toks) && !t.clauseEnd && streetWords[toks[k+1].fold]
		if !house {
			continue
		}
		start := t.start
		if prev(1) == "so" {
			start = toks[k-1].start
		}
		// The rest of the chain: "12 ngõ 34 ngách 5" is one address.
		end := k
		for end+2 < len(toks) && !toks[end].clauseEnd && !toks[end+1].clauseEnd && streetWords[toks[end+1].fold] && toks[end+2].digit {
			end += 2
		}
		out = append(out, [2]int{start, toks[end].end})
	}
	return out
}

func tokensAre(toks []redactToken, words []string) bool {
	for i, w := range words {
		if toks[i].fold != w {
			return false
		}
	}
	return true
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// cutSpans replaces each span of s with "…", joining spans that overlap.
func cutSpans(s string, spans [][2]int) string {
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return a[0] - b[0] })
	var b strings.Builder
	pos := 0
	for i := 0; i < len(spans); i++ {
		start, end := spans[i][0], spans[i][1]
		for i+1 < len(spans) && spans[i+1][0] <= end {
			end = max(end, spans[i+1][1])
			i++
		}
		if start < pos {
			start = pos
		}
		if start >= end {
			continue
		}
		b.WriteString(s[pos:start])
		b.WriteString("…")
		pos = end
	}
	b.WriteString(s[pos:])
	return b.String()
}
