package content

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Typed values: what a sentence states that a question may ask for by kind
// rather than by word. "Gọi số nào?" shares no word with "Cụ thể, … số
// 024.1234 (nhánh 5)", but it asks for a phone number and that sentence
// holds one; "Hội có bao nhiêu hội viên?" asks for a count of hội viên, and
// "Hiện nay Hội có tổng số 4.120 hội viên" states one while the sentence
// announcing the conference does not.
//
// Use:
//
//	asked := content.AskedTypes(question)        // what the question asks for, may be empty
//	for _, v := range content.Values(passage) {  // what the passage holds, with spans
//		if content.Answers(asked, v) { … }      // the passage holds an asked value
//	}
//
// Values reads published text (accents kept or not); AskedTypes reads a
// question however it is typed: accented, without accents, or in English.
// Both work on the text alone, so search can tag every unit once at build
// time and compare at question time.

// ValueType is a kind of value a text states and a question asks for.
type ValueType string

const (
	ValuePhone      ValueType = "phone"      // "0239.3865.366", "(028) 3812 3456", "1900 1234", "024.1234 (nhánh 5)"
	ValueFax        ValueType = "fax"        // a phone number labelled fax
	ValueEmail      ValueType = "email"      // "vanphong@example.gov.vn"
	ValueWebsite    ValueType = "website"    // "www.example.gov.vn", "https://…"
	ValueAddress    ValueType = "address"    // "58B đường X", "Số 12 Nguyễn Du", "thôn X, xã Y"
	ValueTime       ValueType = "time"       // a time of day or opening hours: "8h", "11h30", "17 giờ", "từ 8h đến 11h30"
	ValueWeekday    ValueType = "weekday"    // "thứ Bảy", "thứ 2", "Chủ nhật"
	ValueDate       ValueType = "date"       // "01/7/2025", "ngày 5 tháng 3 năm 2024", "tháng 7/2025", "năm 2019"
	ValueDuration   ValueType = "duration"   // "05 ngày làm việc", "trong 3 tháng", "mất 2 giờ"
	ValueCount      ValueType = "count"      // a number with its noun: "4.120 hội viên", "57 trường hợp"
	ValueArea       ValueType = "area"       // "12,5 km²", "350 ha"
	ValueDistance   ValueType = "distance"   // a length or a distance: "cách trung tâm 12 km", "dài 35km", "56 hải lý"
	ValuePopulation ValueType = "population" // "dân số 12.345 người", "3.210 nhân khẩu"
	ValuePercent    ValueType = "percent"    // "95,5%", "12 phần trăm"
	ValueMoney      ValueType = "money"      // "1,5 tỷ đồng", "200.000 đồng"
	ValueDocument   ValueType = "document"   // "18-NQ/TW", "1234/QĐ-UBND", "Quyết định số 15"
	ValuePerson     ValueType = "person"     // a person with a title: "ông Nguyễn Văn A", "Chủ tịch UBND xã … Nguyễn Văn A"
	ValueOrdinal    ValueType = "ordinal"    // which one of a sequence: "kỳ họp thứ 32", "lần thứ XV", "khóa XIV", "32nd Session"
)

// Value is one typed value found in a text.
type Value struct {
	Type ValueType
	Text string // as written
	// Span is where Text is in the text given to Values: text[Span[0]:Span[1]].
	Span [2]int
	// Noun is, for a count, the noun counted as written ("hội viên",
	// "trường hợp vi phạm": up to four syllables); for a person, the title
	// written beside the name ("Chủ tịch UBND xã"), empty if none.
	Noun string
}

// HasDay: a date names its day, not only a year, a month or a quarter
// ("năm 2019", "tháng 7/2025", "quý II/2024", "July 2025"), which do
// not answer a question asking which day.
func (v Value) HasDay() bool {
	return v.Type == ValueDate && !dayLessRE.MatchString(v.Text)
}

var dayLessRE = regexp.MustCompile(`^(?i:(?:năm\s+)?\d{4}|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}|quý\s.*|(?:` + EnglishMonths + `)\s+\d{4})$`)

// Values lists the typed values text states, in the order written. Each
// stretch of text is one value at most: "01/7/2025" is a date, not a phone
// number; "4.120 hội viên" a count.
//
// It is built to run over every sentence of a corpus at build time: the
// shapes that start with a number are tried only where a number starts, and
// the others only when a word they need is in the text.
func Values(text string) []Value { return ValuesLowered(text, strings.ToLower(text)) }

// ValuesLowered is Values of text whose lower-cased form
// (strings.ToLower(text)) the caller already has: a build lower-cases
// every sentence once for its words, and doing it again here was a tenth
// of Values' cost.
func ValuesLowered(text, lower string) []Value {
	sc := valueScratches.Get().(*valueScratch)
	taken := slices.Grow(sc.taken[:0], len(text)+1)[:len(text)+1]
	clear(taken)
	f := valueFinder{text: text, lower: lower, taken: taken, starts: sc.starts[:0], cut: sc.words[:0]}
	for i := 0; i < len(text); i++ {
		if isDigitByte(text[i]) {
			f.digits = true
			if boundedBefore(text, i) {
				f.starts = append(f.starts, i)
			}
		}
	}
	for _, find := range valueFinders {
		find(&f)
	}
	clear(f.cut) // no text is held by a scratch between texts
	sc.taken, sc.starts, sc.words = f.taken, f.starts, f.cut
	valueScratches.Put(sc)
	slices.SortStableFunc(f.out, func(a, b Value) int { return cmp.Compare(a.Span[0], b.Span[0]) })
	return f.out
}

// valueScratch is what ValuesLowered reads one text with and is done with
// after it: kept for the next text (a build reads every unit's), these
// were a fifth of a build's allocations.
type valueScratch struct {
	taken  []bool
	starts []int
	words  []valueWord
}

var valueScratches = sync.Pool{New: func() any { return new(valueScratch) }}

type valueFinder struct {
	text   string
	lower  string // text lower-cased, for the cheap tests of which shapes may be there
	starts []int  // where numbers start
	digits bool   // text has an ASCII digit, which every date's expression needs
	taken  []bool
	out    []Value
	// words are the registered words (valueWords) lower holds, once
	// scanned.
	words   wordMask
	scanned bool
	// cut is the text's words (appendTextWords) once cut: both the
	// Vietnamese and the English persons read them.
	cut      []valueWord
	wordsCut bool
}

// cutWords is the text's words, cut once.
func (f *valueFinder) cutWords() []valueWord {
	if !f.wordsCut {
		f.cut = appendTextWords(f.cut[:0], f.text)
		f.wordsCut = true
	}
	return f.cut
}

// add records a value unless its span overlaps one found before (finders
// run from the most specific shape to the least).
func (f *valueFinder) add(t ValueType, start, end int, noun string) bool {
	for start < end && f.text[start] == ' ' {
		start++
	}
	for end > start && strings.ContainsRune(" ,;.:", rune(f.text[end-1])) {
		end--
	}
	if start >= end || !f.free(start, end) {
		return false
	}
	for i := start; i < end; i++ {
		f.taken[i] = true
	}
	f.out = append(f.out, Value{Type: t, Text: f.text[start:end], Span: [2]int{start, end}, Noun: noun})
	return true
}

// free reports whether no value holds text[start:end] yet.
func (f *valueFinder) free(start, end int) bool {
	for i := start; i < end; i++ {
		if f.taken[i] {
			return false
		}
	}
	return true
}

// has reports whether the lower-cased text holds one of the words of m
// (strings.Contains). The text is read once, at the first question, for
// all the words the finders ask (valueWordScan): each shape asked for its
// own words before, up to eight strings.Contains a shape, the same words
// ("ngày", "tháng", "năm") for several, 2.6 s of a 10,000-article build.
func (f *valueFinder) has(m wordMask) bool {
	if !f.scanned {
		f.words = valueWordScan().holds(f.lower)
		f.scanned = true
	}
	return f.words.meets(m)
}

// wordMask is a set of the words registered with valueWords, a bit each:
// 192 words at most (129 now); more need a wider mask, as valueWords
// says at start-up.
type wordMask [3]uint64

func (m wordMask) meets(o wordMask) bool {
	return m[0]&o[0]|m[1]&o[1]|m[2]&o[2] != 0
}

// valueWordList are the words the finders' cheap tests ask the lower-cased
// text for, each once, numbered by valueWordIDs.
var (
	valueWordList []string
	valueWordIDs  = map[string]int{}
)

// valueWords registers words for has, at the package's initialisation,
// and returns their set.
func valueWords(words ...string) wordMask {
	var m wordMask
	for _, w := range words {
		id, ok := valueWordIDs[w]
		if !ok {
			id = len(valueWordList)
			if w == "" || id >= 64*len(m) {
				panic("content: valueWords: an empty word or more than 192 words")
			}
			valueWordIDs[w] = id
			valueWordList = append(valueWordList, w)
		}
		m[id/64] |= 1 << (id % 64)
	}
	return m
}

// wordScan finds which of a list of words a text holds in one pass: at
// each byte, the words starting with that byte and the next (by2, at
// pair[the two bytes]), or of that byte alone (by1).
type wordScan struct {
	by1  [256]wordMask
	one  [256]bool      // by1 has a word for the byte: three of them ("/", "-", ":")
	pair [1 << 16]uint8 // 1 + the index in by2; 0 for no word
	by2  [][]scanWord   // at most a few a pair
}

type scanWord struct {
	w  string
	id int
}

// valueWordScan is the scan of valueWordList, made once every finder has
// registered its words.
var valueWordScan = sync.OnceValue(func() *wordScan {
	sc := &wordScan{}
	for id, w := range valueWordList {
		if len(w) == 1 {
			sc.by1[w[0]][id/64] |= 1 << (id % 64)
			sc.one[w[0]] = true
			continue
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		if sc.pair[k] == 0 {
			sc.by2 = append(sc.by2, nil)
			sc.pair[k] = uint8(len(sc.by2)) // 255 pairs at most
		}
		sc.by2[sc.pair[k]-1] = append(sc.by2[sc.pair[k]-1], scanWord{w, id})
	}
	return sc
})

// holds is the set of the scan's words s holds.
func (sc *wordScan) holds(s string) wordMask {
	var m wordMask
	for i := 0; i < len(s); i++ {
		c := s[i]
		if sc.one[c] {
			m[0] |= sc.by1[c][0]
			m[1] |= sc.by1[c][1]
			m[2] |= sc.by1[c][2]
		}
		if i+1 == len(s) {
			break
		}
		k := sc.pair[uint16(c)<<8|uint16(s[i+1])]
		if k == 0 {
			continue
		}
		for _, w := range sc.by2[k-1] {
			if m[w.id/64]&(1<<(w.id%64)) == 0 && strings.HasPrefix(s[i:], w.w) {
				m[w.id/64] |= 1 << (w.id % 64)
			}
		}
	}
	return m
}

// valueFinders run in this order.
var valueFinders = []func(*valueFinder){
	findEmails, findWebsites, findQuarterDates, findEnglishDates, findEnglishYears,
	func(f *valueFinder) { findNumberValues(f, codeShapes) }, findPhones,
	func(f *valueFinder) { findNumberValues(f, numShapes) },
	findOrdinals, findWeekdays, findAddresses, findCountValues, findLabelledCounts, findPersons,
}

// boundedBefore reports whether text[:i] ends where a number may start: not
// inside a word, a number or a code.
func boundedBefore(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("/.,-_", r)
}

// boundedAfter reports whether text[j:] starts where a number may end.
func boundedAfter(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	if strings.ContainsRune("/.,", r) && j+1 < len(text) && isDigitByte(text[j+1]) {
		return false
	}
	return true
}

var (
	emailValueRE = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`)
	websiteRE    = regexp.MustCompile(`(?i)(?:https?://[^\s,;()<>]+|(?:www\.)?(?:[a-z0-9-]+\.)+(?:gov\.vn|com\.vn|org\.vn|edu\.vn|net\.vn|vn|com|net|org|info))(?:/[^\s,;()<>]*)?`)
)

func findEmails(f *valueFinder) {
	if !strings.Contains(f.text, "@") {
		return
	}
	for _, m := range emailValueRE.FindAllStringIndex(f.text, -1) {
		f.add(ValueEmail, m[0], m[1], "")
	}
}

// websiteWords: a website has one.
var websiteWords = valueWords("www.", "http", ".vn", ".com", ".org", ".net", ".info")

func findWebsites(f *valueFinder) {
	if !f.has(websiteWords) {
		return
	}
	for _, m := range websiteRE.FindAllStringIndex(f.text, -1) {
		if m[0] > 0 && (f.text[m[0]-1] == '@' || f.text[m[0]-1] == '.') {
			continue
		}
		f.add(ValueWebsite, m[0], m[1], "")
	}
}

// englishDateRE is a date as English pages write it: "August 15, 2025",
// "June 25", "15 August 2025", "December 31st", "July 2025".
var englishDateRE = regexp.MustCompile(`\b(?:(?:` + EnglishMonths + `)\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:` + EnglishMonths + `)\b(?:,?\s+\d{4}\b)?|(?:` + EnglishMonths + `)\s+\d{4}\b)`)

// EnglishMonths are the months' names, as a regular expression's
// alternatives; capitalised, so that "may" is not May.
const EnglishMonths = `January|February|March|April|May|June|July|August|September|October|November|December`

// englishMonthWords: an English month's name, lower-cased, holds one.
var englishMonthWords = valueWords("uary", "march", "april", "may", "june", "july", "august", "ber")

// englishYearRE is a year an English sentence puts an event in
// ("Established in 1999", "since 2015"): the year alone is the date, as
// "năm 1999" is. Written without (?i), whose "ſ" is an "s", and with
// spaces only, so that the cheap test (englishYearWords) finds every one.
var englishYearRE = regexp.MustCompile(`\b(?:in|In|IN|since|Since|SINCE) +((?:1[89]|20)\d{2})\b`)

var englishYearWords = valueWords("in ", "since ")

func findEnglishYears(f *valueFinder) {
	if valuePrefilters && !f.digits || !f.has(englishYearWords) {
		return
	}
	for _, m := range englishYearRE.FindAllStringSubmatchIndex(f.text, -1) {
		if boundedAfter(f.text, m[3]) && f.free(m[2], m[3]) {
			f.add(ValueDate, m[2], m[3], "")
		}
	}
}

func findEnglishDates(f *valueFinder) {
	if valuePrefilters && !f.digits || !f.has(englishMonthWords) {
		return
	}
	for _, m := range englishDateRE.FindAllStringIndex(f.text, -1) {
		if f.free(m[0], m[1]) {
			f.add(ValueDate, m[0], m[1], "")
		}
	}
}

// quarterRE is a quarter of a year: "quý II/2024", "quý 3 năm 2025",
// "quý I-2019".
var quarterRE = regexp.MustCompile(`(?i)quý\s+(?:I{1,3}|IV|[1-4])\s*(?:[/–-]\s*|\s+năm\s+)\d{4}`)

var quarterWords = valueWords("quý")

func findQuarterDates(f *valueFinder) {
	if valuePrefilters && !f.digits || !f.has(quarterWords) {
		return
	}
	for _, m := range quarterRE.FindAllStringIndex(f.text, -1) {
		if boundedAfter(f.text, m[1]) {
			f.add(ValueDate, m[0], m[1], "")
		}
	}
}

var (
	// A phone number: an optional country or area prefix, then groups of
	// digits separated by one dot, space or hyphen.
	phoneValueRE = regexp.MustCompile(`^(?:\(\s*\+?84\s*\)\s?|\+84[\s.]?|\(\s*0\d{1,4}\s*\)\s?)?\d{1,5}(?:[.\s-]?\d{1,5}){0,5}`)
	// An extension after it: "(nhánh 5)", "- nhánh 7, 8", "máy lẻ 12".
	phoneExtRE = regexp.MustCompile(`^(?i:\s*\(\s*(?:nhánh|máy lẻ|số lẻ|ext\.?)\s*\d+(?:\s*[,;]\s*\d+)*\s*\)|\s*[-–,]?\s*(?:nhánh|máy lẻ|số lẻ|ext\.?)\s*\d+(?:\s*(?:,|và)\s*\d+)*)`)
	faxLabelRE = regexp.MustCompile(`(?i)fax\s*[:.]?\s*$`)
)

// phoneDigits reports whether the digits of a candidate make a phone
// number: a leading 0 (or the country code 84) and 7 to 11 digits, or a
// 1800/1900 service number of 8 to 10.
func phoneDigits(s string) bool {
	var d []byte
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			d = append(d, s[i])
		}
	}
	n := len(d)
	p := strings.TrimLeft(s, "( ")
	switch {
	case n == 0:
		return false
	case strings.HasPrefix(p, "+84") || strings.HasPrefix(p, "84") && strings.HasPrefix(s, "("):
		return n >= 9 && n <= 12
	case strings.HasPrefix(string(d), "1800") || strings.HasPrefix(string(d), "1900"):
		return n >= 8 && n <= 10
	case d[0] == '0':
		return n >= 7 && n <= 11
	}
	return false
}

func findPhones(f *valueFinder) {
	// A number starts where its digits do, or at its prefix: "(028)",
	// "+84", "(+84)".
	starts := f.starts
	for i := 0; i < len(f.text); i++ {
		if (f.text[i] == '(' || f.text[i] == '+') && i+1 < len(f.text) && (isDigitByte(f.text[i+1]) || f.text[i+1] == '+' || f.text[i+1] == ' ') && boundedBefore(f.text, i) {
			starts = append(starts, i)
		}
	}
	for _, start := range starts {
		m := phoneValueRE.FindStringIndex(f.text[start:])
		if m == nil {
			continue
		}
		end := start + m[1]
		for end > start && !isDigitByte(f.text[end-1]) {
			end--
		}
		if !boundedAfter(f.text, end) || !phoneDigits(f.text[start:end]) || !f.free(start, end) {
			continue
		}
		if x := phoneExtRE.FindStringIndex(f.text[end:]); x != nil {
			end += x[1]
		}
		t := ValuePhone
		if faxLabelRE.MatchString(f.text[max(0, start-12):start]) {
			t = ValueFax
		}
		f.add(t, start, end, "")
	}
}

// valueNum is a number as written in Vietnamese text: "85", "4.120" (a dot
// between thousands), "12,5" (a decimal comma), "1.234,5"; and in English:
// "2,243,554", "4,947.11" (a comma between thousands, then a decimal point).
const valueNum = `\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3}(?:,\d{3})+\.\d+|\d+(?:[,.]\d+)?`

// clock is a time of day: "8h", "8h30", "11 giờ 30 phút", "17h00", "7:30".
const clock = `\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}\s*(?:h|giờ|g)\s*(?:\d{2})?(?:\s*phút)?|\d{1,2}:\d{2}`

// numShape is a value that starts with a number: the words it needs (or
// may have) before the number, and its shape from the number on.
type numShape struct {
	t ValueType
	// before matches the words right before the number (it ends in $);
	// nil when there are none to look for.
	before *regexp.Regexp
	// need: the number is this value only after before's words; otherwise
	// they are taken into the value when present ("trong 05 ngày").
	need bool
	// keepBefore: before's words are part of the value's text ("ngày 5
	// tháng 3", "Quyết định số 15"); else they only qualify it ("dân số
	// 8.432 người" is the value "8.432 người").
	keepBefore bool
	at         *regexp.Regexp // anchored at the number
	// ok, when set, checks a match: text[start:end] from the number, and
	// whether before's words were there.
	ok func(text string, start, end int, before bool) bool
	// may and mayBefore, when set, are cheap necessary conditions on the
	// whole text for at and for before to match: a word of theirs in it.
	// mayBefore is asked only once at has matched.
	// Tried at every number, the expressions were most of the cost of
	// Values over a corpus (before's, unanchored at the start, most of
	// all), and most sentences hold none of the words a shape needs.
	// TestValuePrefilters checks they change nothing.
	may, mayBefore func(*valueFinder) bool
	// next, when set, is a cheap necessary condition for at at one
	// number: what its shape needs right after the number's digits. Most
	// numbers are followed by none of a shape's unit words, and at is
	// then read for nothing (money, lengths of time, times of day and
	// numeric dates were half the expressions' cost over a corpus).
	next func(text string, at int) bool
	// beforeAt, when set, is before read by hand (wordsBefore): where its
	// match in look starts, -1 if none. Tried unanchored at each of the
	// sixty bytes before a number, the expressions before dates and
	// documents were the largest share of the code shapes' cost.
	beforeAt func(look string) int
}

// valuePrefilters is whether numShape.may and mayBefore are used; the
// test turns them off to compare.
var valuePrefilters = true

// hasAny returns a condition: the lower-cased text holds one of words.
func hasAny(words ...string) func(*valueFinder) bool {
	m := valueWords(words...)
	return func(f *valueFinder) bool { return f.has(m) }
}

// shapeMay reports whether sh's at can match in f's text.
func shapeMay(f *valueFinder, sh *numShape) bool {
	return !valuePrefilters || sh.may == nil || sh.may(f)
}

// beforeMay reports whether sh's before can match in f's text, asked once
// per text (*known) and only once at has matched: it may look for many
// words.
func beforeMay(f *valueFinder, sh *numShape, known *int8) bool {
	if *known == 0 {
		*known = 1
		if valuePrefilters && sh.mayBefore != nil && !sh.mayBefore(f) {
			*known = -1
		}
	}
	return *known > 0
}

func anchored(re string) *regexp.Regexp { return regexp.MustCompile(`^(?:` + re + `)`) }
func ending(re string) *regexp.Regexp   { return regexp.MustCompile(`(?:` + re + `)$`) }

// endsNumber: the match ends where a number may (not "5/9/20", "12,5a").
func endsNumber(text string, _, end int, _ bool) bool { return boundedAfter(text, end) }

// docNamesRE are the names of document types a number may follow
// ("Quyết định số 15", "Nghị quyết 18"), longest first.
var docNamesRE = func() string {
	var names []string
	for _, t := range Lexicon.DocTypes {
		for _, n := range t.Names {
			names = append(names, regexp.QuoteMeta(strings.ToLower(n)))
		}
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return strings.Join(names, "|")
}()

// codeShapes are documents and dates: their digits could read as a phone
// number ("01-07-2025"), so they are found first.
var codeShapes = []numShape{
	// Documents: "18-NQ/TW", "18, 19-NQ/TW", "1234/QĐ-UBND", "34/2019/NĐ-CP",
	// "202/2025/QH15".
	{t: ValueDocument, at: regexp.MustCompile(`^` + strings.TrimPrefix(partyDocRE.String(), `(?:^|[^\p{L}\d/])`)), may: slashAndDash},
	{t: ValueDocument, at: regexp.MustCompile(`^` + strings.TrimPrefix(stateDocRE.String(), `(?:^|[^\p{L}\d/])`)), may: slashAndDash},
	{t: ValueDocument, at: regexp.MustCompile(`^` + strings.TrimPrefix(yearDocRE.String(), `(?:^|[^\p{L}\d/])`)), may: hasAny("/")},
	{t: ValueDocument, before: ending(`(?i)(?:` + docNamesRE + `)(?:\s+số)?\s+`), need: true, keepBefore: true, at: anchored(`\d{1,5}`), ok: endsNumber, mayBefore: hasAny(docNames...),
		beforeAt: wordsBefore(true, docNames...)},
	// Dates.
	{t: ValueDate, before: ending(`(?i)ngày\s+`), beforeAt: wordsBefore(false, "ngày"), need: true, keepBefore: true, at: anchored(`\d{1,2}\s+(?i:tháng)\s+\d{1,2}(?:\s+(?i:năm)\s+\d{4})?`), ok: endsNumber, mayBefore: hasAny("ngày"), may: hasAny("tháng")},
	{t: ValueDate, at: anchored(`\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}`), ok: endsNumber,
		next: numberThen(digitChars, "/-.")},
	{t: ValueDate, before: ending(`(?i)tháng\s+`), beforeAt: wordsBefore(false, "tháng"), need: true, keepBefore: true, at: anchored(`\d{1,2}\s*(?:/\s*|\s+(?i:năm)\s+)\d{4}`), ok: endsNumber, mayBefore: hasAny("tháng")},
	// "Sáng 28/4", "Ngày 28-4": a day and month after a word of the day;
	// with a dash only a month that can be one ("ngày 27-28/9" is a range).
	{t: ValueDate, before: ending(`(?i)(?:ngày|từ|đến|sáng|chiều|tối|trưa|hôm)\s+`), beforeAt: wordsBefore(false, "ngày", "từ", "đến", "sáng", "chiều", "tối", "trưa", "hôm"), need: true, keepBefore: true, at: anchored(`\d{1,2}\s*/\s*\d{1,2}|\d{1,2}-(?:0?[1-9]|1[0-2])`), ok: endsNumber,
		mayBefore: hasAny("ngày", "từ", "đến", "sáng", "chiều", "tối", "trưa", "hôm"), may: hasAny("/", "-")},
	{t: ValueDate, before: ending(`(?i)năm\s+`), beforeAt: wordsBefore(false, "năm"), need: true, keepBefore: true, at: anchored(`(?:19|20)\d{2}`), ok: endsNumber, mayBefore: hasAny("năm")},
	// A day that comes back every month ("ngày 15 hàng tháng", "vào ngày
	// 15 và 25 hằng tháng"), or a day of a schedule's month with its
	// weekday ("Ngày 19 (thứ Hai)"): the date a notice gives for what
	// recurs, asked as "ngày nào", "ngày mấy".
	{t: ValueDate, before: ending(`(?i)ngày\s+`), beforeAt: wordsBefore(false, "ngày"), need: true, keepBefore: true,
		at:        anchored(`(?i)\d{1,2}(?:\s*(?:,|và|-|–)\s*\d{1,2})*\s+(?:hàng|hằng)\s+tháng|\d{1,2}\s*\(\s*(?:thứ\s+\p{L}+|chủ\s+nhật)\s*\)`),
		mayBefore: hasAny("ngày"), may: hasAny("tháng", "(")},
}

// numberThen returns a shape's next condition: after the run of runChars
// that starts at the number, and any white space (regexp's \s), comes a
// rune whose case folds (as (?i) reads it) include one of firsts. It holds
// for a shape whose number is written with runChars only and is followed,
// in every way the shape reads, by \s or by a rune of firsts, none of
// them in runChars: its number then ends where the run does.
func numberThen(runChars, firsts string) func(string, int) bool {
	return func(text string, at int) bool {
		i := at
		for i < len(text) && strings.IndexByte(runChars, text[i]) >= 0 {
			i++
		}
		for i < len(text) && isSpaceRE(text[i]) {
			i++
		}
		if i == len(text) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(text[i:])
		return foldsToAny(r, firsts)
	}
}

// isSpaceRE is regexp's \s.
func isSpaceRE(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// foldsToAny reports whether r or a rune it folds to (unicode.SimpleFold's
// orbit, which (?i) matches) is in set.
func foldsToAny(r rune, set string) bool {
	if r < 0 || r == utf8.RuneError {
		return strings.ContainsRune(set, r)
	}
	for c := r; ; {
		if strings.ContainsRune(set, c) {
			return true
		}
		if c = unicode.SimpleFold(c); c == r {
			return false
		}
	}
}

const (
	digitChars  = "0123456789"
	numberChars = "0123456789.,"  // valueNum's, and a duration's number
	clockChars  = "0123456789.,:" // a clock's, and what a number may run into
)

// wordsBefore reads a before expression of the form
// (?i)(?:w1|w2|…)(?:\s+số)?\s+$ (withSo: the "số" part is there): where
// in look its leftmost match starts, -1 if none. Each word ends in a letter,
// so the white space it ends at is the whole run before look's end (or
// before "số"), and the leftmost match is the longest word written there.
func wordsBefore(withSo bool, words ...string) func(look string) int {
	return func(look string) int {
		e := spaceREStart(look)
		if e == len(look) {
			return -1
		}
		best := wordsSuffix(look[:e], words)
		if withSo {
			if k := foldSuffix(look[:e], "số"); k >= 0 {
				if e2 := spaceREStart(look[:k]); e2 < k {
					if st := wordsSuffix(look[:e2], words); st >= 0 && (best < 0 || st < best) {
						best = st
					}
				}
			}
		}
		return best
	}
}

// spaceREStart is where the run of regexp's \s that s ends with starts.
func spaceREStart(s string) int {
	i := len(s)
	for i > 0 && isSpaceRE(s[i-1]) {
		i--
	}
	return i
}

// wordsSuffix is where the longest of words that s ends with, as (?i)
// reads it, starts; -1 if none.
func wordsSuffix(s string, words []string) int {
	best := -1
	for _, w := range words {
		if k := foldSuffix(s, w); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	return best
}

// foldSuffix is where the end of s that (?i) matches with w starts, rune
// for rune; -1 if s does not end so.
func foldSuffix(s, w string) int {
	i := len(s)
	for j := len(w); j > 0; {
		wr, wn := utf8.DecodeLastRuneInString(w[:j])
		j -= wn
		if i == 0 {
			return -1
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if r != wr && (r == utf8.RuneError || !foldsToAny(r, string(wr))) {
			return -1
		}
	}
	return i
}

// clockNext: a time of day is "8:30" (a colon after one or two digits) or
// a number, then a unit ("h", "giờ", "g") or "am"/"pm".
func clockNext(text string, at int) bool {
	if at+1 < len(text) && text[at+1] == ':' || at+2 < len(text) && text[at+2] == ':' {
		return true
	}
	return numberThen(clockChars, "aphg")(text, at)
}

// slashAndDash: a document number has both.
func slashAndDash(f *valueFinder) bool { return f.has(slashWord) && f.has(dashWord) }

var slashWord, dashWord = valueWords("/"), valueWords("-")

// docNames are docNamesRE's names.
var docNames = strings.Split(strings.ReplaceAll(docNamesRE, `\`, ""), "|")

// areaWords and populationWords are the words the labelled area's and
// population's cheap tests ask for, one set each.
var (
	areaWords       = [...]wordMask{valueWords("diện"), valueWords("tích"), valueWords("area")}
	populationWords = [...]wordMask{valueWords("dân"), valueWords("số"), valueWords("khẩu"), valueWords("population")}
)

// numShapes are the other values that start with a number, found after
// phone numbers, most specific first.
var numShapes = []numShape{
	// Money, rates, areas, population.
	{t: ValueMoney, at: anchored(`(?i)(?:` + valueNum + `)\s*(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s*)?(?:đồng|vnđ|vnd|đ)|(?:` + valueNum + `)\s*(?:tỷ|tỉ)(?:\s*đồng)?`), ok: moneyOK,
		may: hasAny("đ", "vnd", "tỷ", "tỉ"), next: numberThen(numberChars, "ntđv")},
	{t: ValuePercent, at: anchored(`(?i)(?:` + valueNum + `)\s*(?:%|phần\s+trăm|per\s?cent\b)`), may: hasAny("%", "trăm", "cent"),
		next: numberThen(numberChars, "%p")},
	{t: ValueArea, at: anchored(`(?i)(?:` + valueNum + `)\s*(?:km²|km2|km 2|km\s+vuông|ha|hectares?|héc-?ta|hecta|m²|m2|mét\s+vuông|square\s+kilomet(?:er|re)s?|sq\.?\s*km)`), ok: areaOK,
		may: hasAny("km", "ha", "héc", "hecta", "m²", "m2", "mét", "square", "sq"), next: numberThen(numberChars, "khms")},
	// Lengths and distances, after areas ("12 km²" is one): "cách thành
	// phố 62 km", "biên giới dài 182 km", "khoảng 56 hải lý".
	{t: ValueDistance, at: anchored(`(?i)(?:` + valueNum + `)\s*(?:km|ki-?lô-?mét|kilômét|kilomet(?:er|re)?s?|cây\s+số|hải\s+lý|nautical\s+miles?|miles?)`), ok: distanceOK,
		may: hasAny("km", "lô", "kilô", "kilom", "cây", "hải", "mile"), next: numberThen(numberChars, "kchnm")},
	// A table's cell or a field under a heading that names the area and
	// its unit ("Diện tích (km²): 5.199,6", "Diện tích: 28,15"): the
	// number stands alone after it.
	{t: ValueArea, before: ending(`(?i)(?:diện\s+tích|\barea)(?:[^.;\d(]|\([^)]{0,12}\)){0,40}`), need: true, at: anchored(valueNum), ok: bareNumber,
		mayBefore: func(f *valueFinder) bool { return f.has(areaWords[0]) && f.has(areaWords[1]) || f.has(areaWords[2]) }},
	{t: ValuePopulation, before: ending(`(?i)(?:dân\s+số|nhân\s+khẩu|population)[^.;\d]{0,40}?`), need: true, at: anchored(`(?i)(?:` + valueNum + `)(?:\s*(?:người|nhân\s+khẩu|dân|people|inhabitants|residents))?`), ok: populationOK,
		mayBefore: func(f *valueFinder) bool {
			return f.has(populationWords[0]) && f.has(populationWords[1]) || f.has(populationWords[2]) || f.has(populationWords[3])
		}},
	{t: ValuePopulation, at: anchored(`(?i)(?:` + valueNum + `)\s+nhân\s+khẩu`), ok: endsWord, may: hasAny("khẩu"), next: numberThen(numberChars, "n")},
	// Lengths of time: a day, week, month or year counted is one; hours
	// and minutes only after a word that makes them so ("trong 24 giờ"),
	// else "17 giờ" is a time of day.
	{t: ValueDuration, before: ending(`(?i)(?:trong|sau|mất|khoảng|kéo\s+dài|tối\s+đa|không\s+quá|chậm\s+nhất|thời\s+hạn|thời\s+gian)\s+(?:(?:vòng|là|trong)\s+)?`), keepBefore: true,
		at: anchored(`(?i)\d+(?:,\d+)?\s+(?:ngày\s+làm\s+việc|ngày|tuần|tháng|năm|giờ|tiếng|phút)`), ok: durationOK,
		may: hasAny("ngày", "tuần", "tháng", "năm", "giờ", "tiếng", "phút"), mayBefore: hasAny("trong", "sau", "mất", "khoảng", "dài", "đa", "quá", "nhất", "hạn", "gian"),
		next: numberThen(numberChars, "ntgp")},
	// Times of day and opening hours.
	{t: ValueTime, before: ending(`(?i)từ\s+`), beforeAt: wordsBefore(false, "từ"), keepBefore: true, at: anchored(`(?i)(?:` + clock + `)\s*(?:đến|tới|-|–)\s*(?:` + clock + `)`), ok: clockOK, mayBefore: hasAny("từ"),
		next: numberThen(clockChars, "aphgđt-–")},
	{t: ValueTime, at: anchored(`(?i)` + clock), ok: clockOK, next: clockNext},
}

// areaOK: the match ends a word; "km 2", a superscript scraped as a digit
// of its own, only before punctuation or the end ("7 km 2, trong đó"),
// not before a word ("12 km 2 chiều" is a length).
func areaOK(text string, start, end int, before bool) bool {
	if !endsWord(text, start, end, before) {
		return false
	}
	if !strings.HasSuffix(text[start:end], " 2") {
		return true
	}
	rest := strings.TrimLeft(text[end:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// distanceOK: a length, not an area ("km²", "km vuông") nor a speed
// ("km/h").
func distanceOK(text string, start, end int, before bool) bool {
	if !endsWord(text, start, end, before) {
		return false
	}
	rest := text[end:]
	return !strings.HasPrefix(rest, "²") && !strings.HasPrefix(rest, "/") && !strings.HasPrefix(strings.ToLower(strings.TrimLeft(rest, " ")), "vuông")
}

// populationOK: a number after the population's label ("dân số", "nhân
// khẩu") is the population when a word for people, a multiplier
// ("triệu") or no word follows it; a number another noun follows counts
// that noun ("… 14.485 nhân khẩu, được hình thành 13 thôn").
func populationOK(text string, start, end int, before bool) bool {
	if !endsWord(text, start, end, before) {
		return false
	}
	if strings.ContainsFunc(text[start:end], unicode.IsLetter) || bareNumber(text, start, end, before) {
		return true
	}
	next := strings.TrimLeft(text[end:], " ")
	if i := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		next = next[:i]
	}
	next = Fold(next)
	return numberMultiplier[next] || next == "khau"
}

// moneyOK: the match ends a word, and a "đồng" it ends with is the
// currency, not the first syllable of a word of its own ("41 đồng chí",
// "hai đồng bào": Lexicon.NotCurrency), which a count reads.
func moneyOK(text string, start, end int, before bool) bool {
	if !endsWord(text, start, end, before) {
		return false
	}
	if foldSuffix(text[start:end], "đồng") < 0 {
		return true
	}
	next := strings.TrimLeft(text[end:], " ")
	if i := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }); i >= 0 {
		next = next[:i]
	}
	return next == "" || !notCurrency()[strings.ToLower(next)]
}

// notCurrency is Lexicon.NotCurrency as a set, lower-cased.
var notCurrency = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range Lexicon.NotCurrency {
		m[strings.ToLower(w)] = true
	}
	return m
})

// bareNumber: no word follows the number; its unit or noun is in the
// label before it.
func bareNumber(text string, _, end int, _ bool) bool {
	rest := strings.TrimLeft(text[end:], " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%'
}

// endsWord: the match is not the start of a longer word ("8 ha" but not
// "8 hai"; "5 đ" but not "5 đơn vị").
func endsWord(text string, _, end int, _ bool) bool {
	if end >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[end:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func durationOK(text string, start, end int, before bool) bool {
	if !endsWord(text, start, end, before) {
		return false
	}
	unit := Fold(text[start:end])
	if strings.HasSuffix(unit, "gio") || strings.HasSuffix(unit, "phut") {
		return before
	}
	return true
}

// clockOK checks a time-of-day match: an hour up to 24, minutes below 60,
// and "h"/"g" not the start of a word ("8 ha", "3 giáo viên").
func clockOK(text string, start, end int, _ bool) bool {
	for end > start && text[end-1] == ' ' {
		end--
	}
	if !endsWord(text, start, end, false) {
		return false
	}
	digits := strings.FieldsFunc(text[start:end], func(r rune) bool { return r < '0' || r > '9' })
	if len(digits) == 0 {
		return false
	}
	if atoiSmall(digits[0]) > 24 || len(digits) > 1 && atoiSmall(digits[1]) >= 60 {
		return false
	}
	if k := len(digits); k >= 4 && atoiSmall(digits[k-2]) > 24 {
		return false // the second time of a range
	}
	return true
}

func atoiSmall(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 4; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// findNumberValues tries shapes at every number.
func findNumberValues(f *valueFinder, shapes []numShape) {
	if len(f.starts) == 0 {
		return
	}
	for i := range shapes {
		sh := &shapes[i]
		if !shapeMay(f, sh) {
			continue
		}
		var known int8
		if sh.need && sh.before != nil && !beforeMay(f, sh, &known) {
			continue // no number of the text has the words it needs before it
		}
		for _, s := range f.starts {
			if valuePrefilters && sh.next != nil && !sh.next(f.text, s) {
				continue
			}
			m := sh.at.FindStringIndex(f.text[s:])
			if m == nil {
				continue
			}
			start, end := s, s+m[1]
			from := start
			had := false
			if sh.before != nil && !beforeMay(f, sh, &known) {
				if sh.need {
					continue
				}
			} else if sh.before != nil {
				look := f.text[max(0, s-60):s]
				at := -1
				if valuePrefilters && sh.beforeAt != nil {
					at = sh.beforeAt(look)
				} else if b := sh.before.FindStringIndex(look); b != nil {
					at = b[0]
				}
				if at >= 0 {
					had = true
					if sh.keepBefore {
						from = s - len(look) + at
					}
				} else if sh.need {
					continue
				}
			}
			if sh.ok != nil && !sh.ok(f.text, start, end, had) {
				continue
			}
			if sh.t != ValueDocument {
				end = trimTail(f.text, start, end)
			}
			f.add(sh.t, from, end, "")
		}
	}
}

// trimTail drops the one rune a pattern read past the value to see its
// end.
func trimTail(text string, start, end int) int {
	if end > start && end <= len(text) {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '²' && r != '%' && r != ')' {
			return end - n
		}
	}
	return end
}

// ordinalValueRE is a sequence's noun and its number: after "thứ"
// (Lexicon.SequenceNouns) a number, a Roman numeral or an ordinal word
// ("kỳ họp thứ 32", "lần thứ XV", "lần thứ nhất"); without it
// (Lexicon.NumberedNouns) a Roman numeral or a number of up to three
// digits not run into a date or a code ("khóa XIV", "Đại hội XIII", "lần
// 2"; not "đợt 1/2019", "khóa 2020-2025"). Roman numerals are read in
// capitals only: "khóa v" is no fifth term. A noun's words are joined by
// one space, as ordinalWords looks for them.
var ordinalValueRE = func() *regexp.Regexp {
	alts := func(ws []string) string {
		out := make([]string, 0, len(ws))
		for _, w := range ws {
			out = append(out, regexp.QuoteMeta(w))
		}
		sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
		return strings.Join(out, "|")
	}
	number := `\d{1,3}|[IVXLC]{1,7}`
	return regexp.MustCompile(`(?:^|[^\p{L}\d])((?i:` + alts(Lexicon.SequenceNouns) + `)\s+(?i:` + Lexicon.OrdinalMarker + `)\s+(?:` + number + `|(?i:` + alts(Lexicon.Ordinals) + `))` +
		`|(?i:` + alts(Lexicon.NumberedNouns) + `)\s+(?:` + number + `))(?:[^\p{L}\d/.,-]|[.,](?:\s|$)|$)`)
}()

// englishOrdinalRE is an English ordinal before a sequence's noun
// (Lexicon.EnglishSequenceNouns), up to three capitalised words between
// ("32nd Session", "the 14th National Party Congress", "11th plenum",
// "first session"). Every ordinal ends in "st", "nd", "rd" or "th",
// which ordinalWords looks for before a space.
var englishOrdinalRE = func() *regexp.Regexp {
	return regexp.MustCompile(`(?:^|[^\p{L}\d])((?:\d{1,3}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth))(?: +\p{Lu}[\p{L}']*){0,3} +(?i:` + strings.Join(Lexicon.EnglishSequenceNouns, "|") + `)s?)(?:[^\p{L}\d]|$)`)
}()

// ordinalWords are the words without one of which a text holds no
// ordinal (ordinalValueRE, englishOrdinalRE), lower-cased.
var ordinalWords = func() wordMask {
	ws := []string{strings.ToLower(Lexicon.OrdinalMarker), "st ", "nd ", "rd ", "th "}
	for _, n := range Lexicon.NumberedNouns {
		ws = append(ws, strings.ToLower(n))
	}
	return valueWords(ws...)
}()

// findOrdinals tags which one of a sequence the text names. They are
// found before weekdays: "kỳ họp thứ 7" is the seventh sitting, not a
// Saturday.
func findOrdinals(f *valueFinder) {
	if !f.has(ordinalWords) {
		return
	}
	// Each expression, tried at every position of every sentence with
	// "thứ" or "lần" in it, was a third of the values' CPU in a build;
	// a match needs more than the words, which these cheaper tests read.
	// A long s ("ſ", which folds with "s" but does not lower-case to it)
	// leaves both to the expressions.
	longS := f.has(longSWord)
	if longS || mayVietnameseOrdinal(f.lower) {
		for _, m := range ordinalValueRE.FindAllStringSubmatchIndex(f.text, -1) {
			f.add(ValueOrdinal, m[2], m[3], "")
		}
	}
	if longS || f.has(englishOrdinalWords) && mayEnglishOrdinal(f.lower) {
		for _, m := range englishOrdinalRE.FindAllStringSubmatchIndex(f.text, -1) {
			f.add(ValueOrdinal, m[2], m[3], "")
		}
	}
}

var (
	// englishOrdinalWords are the ordinals' endings englishOrdinalRE
	// needs, one of which ordinalWords has too.
	englishOrdinalWords = valueWords("st ", "nd ", "rd ", "th ")
	longSWord           = valueWords("ſ")
	// numberedNounsLower and ordinalMarkerLower are the words
	// ordinalValueRE's alternatives need, lower-cased; ordinalsLower
	// the ordinal words after the marker.
	numberedNounsLower = lowerAll(Lexicon.NumberedNouns)
	ordinalMarkerLower = strings.ToLower(Lexicon.OrdinalMarker)
	ordinalsLower      = lowerAll(Lexicon.Ordinals)
	// englishSequenceLower are englishOrdinalRE's nouns, lower-cased.
	englishSequenceLower = lowerAll(Lexicon.EnglishSequenceNouns)
)

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// mayVietnameseOrdinal reports whether lower (a text lower-cased) has
// what every match of ordinalValueRE has: the marker ("thứ") after white
// space, then a digit, a Roman numeral's letter or an ordinal word; or a
// numbered noun ("khóa", "lần") and white space before a digit or a
// Roman numeral's letter. Most sentences with "thứ" or "lần" have
// neither ("thứ trưởng", "lần này").
func mayVietnameseOrdinal(lower string) bool {
	if followedBy(lower, ordinalMarkerLower, true) {
		return true
	}
	for _, n := range numberedNounsLower {
		if followedBy(lower, n, false) {
			return true
		}
	}
	return false
}

// followedBy reports whether lower has word, then white space as the
// expressions' \s reads it, then a digit or a lower-cased Roman
// numeral's letter, or, with ordinals, one of ordinalsLower.
func followedBy(lower, word string, ordinals bool) bool {
	for off := 0; ; {
		i := strings.Index(lower[off:], word)
		if i < 0 {
			return false
		}
		j := off + i + len(word)
		off = j
		k := j
		for k < len(lower) && strings.IndexByte("\t\n\f\r ", lower[k]) >= 0 {
			k++
		}
		if k == j || k == len(lower) {
			continue
		}
		if isDigitByte(lower[k]) || strings.IndexByte("ivxlc", lower[k]) >= 0 {
			return true
		}
		if ordinals {
			for _, o := range ordinalsLower {
				if strings.HasPrefix(lower[k:], o) {
					return true
				}
			}
		}
	}
}

// mayEnglishOrdinal reports whether lower names one of englishOrdinalRE's
// nouns, as each of its matches does.
func mayEnglishOrdinal(lower string) bool {
	for _, n := range englishSequenceLower {
		if strings.Contains(lower, n) {
			return true
		}
	}
	return false
}

var weekdayRE = regexp.MustCompile(`(?i)(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật)(?:[^\p{L}\d]|$)`)

// notWeekdayBefore are the words before "thứ hai", "thứ 3" … that make it
// an ordinal: "lần thứ hai", "khóa thứ 3", "năm thứ tư".
var notWeekdayBefore = map[string]bool{
	"lan": true, "khoa": true, "ky": true, "lop": true, "hang": true, "dot": true,
	"vong": true, "phien": true, "nam": true, "tuan": true, "thang": true, "nguoi": true,
	"dai": true, "hoi": true, "buoc": true, "muc": true, "diem": true, "the": true,
}

var weekdayWords = valueWords("thứ", "chủ nhật")

func findWeekdays(f *valueFinder) {
	if !f.has(weekdayWords) {
		return
	}
	for _, m := range weekdayRE.FindAllStringIndex(f.text, -1) {
		if m[0] > 0 && unicode.IsLetter(lastRune(f.text[:m[0]])) {
			continue
		}
		end := trimTail(f.text, m[0], m[1])
		if prev := Fold(wordBefore(f.text, m[0])); notWeekdayBefore[prev] {
			continue
		}
		f.add(ValueWeekday, m[0], end, "")
	}
}

var (
	// A capitalised name of one to five syllables: "Nguyễn Du", "Thử
	// Nghiệm", "Hai Bà Trưng"; or a number ("tổ dân phố 3").
	capName = `(?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,3})(?:\s+(?:\p{Lu}[\p{Ll}\p{M}]*|\d{1,3}))*`
	// A house number and its street, from the number on: "58B đường Thử
	// Nghiệm", "12/3 phố Hư Cấu", "58B Nguyễn Trãi", "[Số] 12 Nguyễn Du".
	streetShapes = []numShape{
		{t: ValueAddress, before: ending(`[Ss]ố\s+(?:nhà\s+)?`), keepBefore: true, at: anchored(`\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s*,?\s+(?:đường|phố|ngõ|ngách|hẻm|Đường|Phố|Ngõ)\s+` + capName),
			may: hasAny("đường", "phố", "ngõ", "ngách", "hẻm"), mayBefore: hasAny("số")},
		{t: ValueAddress, before: ending(`[Ss]ố\s+(?:nhà\s+)?`), need: true, keepBefore: true, at: anchored(`\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s*,?\s+` + capName), mayBefore: hasAny("số")},
		{t: ValueAddress, at: anchored(`\d{1,4}[A-Z](?:/\d{1,4})?\s+\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)+`)},
		// English pages: "43 Nguyen Van Ba Street", "2 Quang Trung street";
		// "located at 26 Hoang Hoa Tham, Nha Trang City".
		{t: ValueAddress, at: anchored(`\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s+` + capName + `\s+(?:[Ss]treet|[Rr]oad|[Aa]venue|[Bb]oulevard|St\.|Rd\.|Ave\.)`),
			may: hasAny("street", "road", "avenue", "boulevard", "st.", "rd.", "ave.")},
		{t: ValueAddress, before: ending(`(?i)\b(?:located|situated|based|opened|headquartered|housed|headquarters)\s+at\s+`), need: true, at: anchored(`\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s+` + capName),
			mayBefore: hasAny("located", "situated", "based", "opened", "headquartered", "housed", "headquarters")},
		// A house number and its street before the ward, commune or
		// district it is in, as English pages write Vietnamese addresses
		// without "Street": "288 Tran Hung Dao, Ward 5", "6 Nguyen Cong
		// Tru, Vinh Thanh Ward".
		{t: ValueAddress, at: anchored(`\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)*\s+` + capName + `\s*,\s*(?:` + enUnitName + `)`),
			may: hasAny("ward", "commune", "district")},
	}
	// A street or a village with its commune or ward: "đường X, phường Y",
	// "thôn Ví Dụ, xã Thử Thách", "TDP 3, phường Mẫu Sơn".
	localityRE = regexp.MustCompile(`(?:đường|phố|Đường|Phố|thôn|xóm|bản|ấp|tổ dân phố|TDP|khu phố|khối phố|khối|tổ|Thôn|Xóm|Bản|Ấp|Tổ dân phố|Khu phố|Khối phố|Khối|Tổ)\s+` + capName + `\s*,\s*(?:xã|phường|thị trấn|Xã|Phường|Thị trấn)\s+` + capName)
	// An English page's ward, commune or district: "Ward 5", "Vinh Thanh
	// Ward", "Tay Ho district".
	enUnitName = `(?:Ward|Commune|District)\s+\d{1,3}\b|` + capName + `\s+(?:Ward|Commune|District|ward|commune|district)\b`
	// The larger units an address goes on with: ", phường X, tỉnh Y",
	// ", Ward 5, Ca Mau city, Ca Mau province".
	addressTailRE = regexp.MustCompile(`^\s*,\s*(?:(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố|tỉnh|TP\.?|Phường|Xã|Thị trấn|Quận|Huyện|Thị xã|Thành phố|Tỉnh|tổ dân phố|thôn|Tổ dân phố|Thôn)\s*` + capName +
		`|` + enUnitName + `|` + capName + `\s+(?:City|Province|city|province)\b)`)
)

// localityWords: a locality's commune or ward follows a comma.
var localityWords = valueWords(", xã", ", phường", ", thị trấn")

func findAddresses(f *valueFinder) {
	// A field labelled as an address ("Địa chỉ: …", a side box's "Trụ sở
	// UBND: …") holds one, whatever its shape: "Ấp 17", "Ngõ Mẫu, tổ dân
	// phố Thử".
	if k := labelledAddress(f); k > 0 {
		f.add(ValueAddress, k, len(f.text), "")
	}
	add := func(start, end int) {
		for {
			x := addressTailRE.FindStringIndex(f.text[end:])
			if x == nil {
				break
			}
			end += x[1]
		}
		f.add(ValueAddress, start, end, "")
	}
	for i := range streetShapes {
		sh := &streetShapes[i]
		if len(f.starts) == 0 || !shapeMay(f, sh) {
			continue
		}
		var known int8
		if sh.need && sh.before != nil && !beforeMay(f, sh, &known) {
			continue // no number of the text has the words it needs before it
		}
		for _, s := range f.starts {
			if valuePrefilters && sh.next != nil && !sh.next(f.text, s) {
				continue
			}
			m := sh.at.FindStringIndex(f.text[s:])
			if m == nil {
				continue
			}
			from := s
			if sh.before != nil && !beforeMay(f, sh, &known) {
				if sh.need {
					continue
				}
			} else if sh.before != nil {
				if b := sh.before.FindStringIndex(f.text[max(0, s-20):s]); b != nil {
					if sh.keepBefore {
						from = max(0, s-20) + b[0]
					}
				} else if sh.need {
					continue
				}
			}
			add(from, s+m[1])
		}
	}
	if !f.has(localityWords) {
		return
	}
	// No match starts before the first head followed by a name: the
	// expression, with no literal to look for first, is tried at every
	// position from there on only.
	k := 0
	if valuePrefilters {
		if k = localityStart(f.text); k < 0 {
			return
		}
	}
	for _, m := range localityRE.FindAllStringIndex(f.text[k:], -1) {
		m[0], m[1] = m[0]+k, m[1]+k
		if m[0] == 0 || !unicode.IsLetter(lastRune(f.text[:m[0]])) {
			add(m[0], m[1])
		}
	}
}

// addressLabels are the address labels lower-cased.
var addressLabels = func() []string {
	var out []string
	for _, l := range Lexicon.ContactField("address").Labels {
		out = append(out, strings.ToLower(l))
	}
	return out
}()

// labelledAddress is where the value starts when f's text is a field
// labelled as an address, a qualifier after the label or not ("Trụ sở
// UBND: …"); 0 if it is not one.
func labelledAddress(f *valueFinder) int {
	for _, l := range addressLabels {
		if !strings.HasPrefix(f.lower, l) {
			continue
		}
		label, value, ok := strings.Cut(f.text, ": ")
		if !ok || strings.TrimSpace(value) == "" || utf8.RuneCountInString(label) > 40 {
			return 0
		}
		if f, _ := fieldOf(label); f != fieldAddress {
			return 0
		}
		return len(label) + 2
	}
	return 0
}

// localityHeads are the words localityRE's matches start with.
var localityHeads = []string{"đường", "phố", "Đường", "Phố", "thôn", "xóm", "bản", "ấp", "tổ dân phố", "TDP", "khu phố", "khối phố", "khối", "tổ", "Thôn", "Xóm", "Bản", "Ấp", "Tổ dân phố", "Khu phố", "Khối phố", "Khối", "Tổ"}

// localityStart is where the first of localityHeads followed by white
// space and a capital or a digit (a name, capName) is in text, or -1: no
// match of localityRE can start before it.
func localityStart(text string) int {
	first := -1
	for _, h := range localityHeads {
		for off := 0; ; {
			i := strings.Index(text[off:], h)
			if i < 0 || first >= 0 && off+i >= first {
				break
			}
			j := off + i + len(h)
			k := j
			for k < len(text) && strings.IndexByte("\t\n\f\r ", text[k]) >= 0 {
				k++
			}
			if k > j && k < len(text) {
				if r, _ := utf8.DecodeRuneInString(text[k:]); unicode.IsUpper(r) || isDigitByte(text[k]) {
					first = off + i
					break
				}
			}
			off = j
		}
	}
	return first
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// countValueRE is a number and the first letter of the word after it; a
// share of a whole ("148/148 xã, phường") counts too.
var countValueRE = regexp.MustCompile(`^(?:` + valueNum + `)(?:/\d+)?\s+[\p{L}&]`)

// measureUnits are units of length and area, folded: a number before one
// is a distance or an area (numShapes), or neither ("50 km/h" is a speed),
// but never a count of it.
var measureUnits = map[string]bool{"km": true, "km2": true, "m": true, "m2": true, "ha": true, "hecta": true,
	"kilomet": true, "cm": true, "mm": true}

// MeasureUnit: the folded word is a unit of length or area ("km", "km2",
// "ha"), which a question asking "bao nhiêu km2" does not count: it asks
// an area or a distance.
func MeasureUnit(folded string) bool { return measureUnits[folded] }

// countStop ends a counted noun: function words and verbs that follow a
// count ("4.120 hội viên, trong đó", "57 trường hợp được xử lý").
var countStop = map[string]bool{
	"va": true, "cua": true, "duoc": true, "voi": true, "la": true, "da": true, "dang": true,
	"se": true, "co": true, "trong": true, "tren": true, "tai": true, "thuoc": true, "de": true,
	"cho": true, "tu": true, "den": true, "theo": true, "nay": true, "do": true, "cac": true,
	"nhung": true, "o": true, "bi": true, "vao": true, "ra": true, "nam": true, "thi": true,
	"gom": true, "hoac": true, "khi": true, "sau": true, "truoc": true, "nhu": true,
}

// countStopWritten are countStop's words as written with their marks: a
// noun written with marks is cut only by one of these, so that "1.151
// đảng viên" counts đảng viên ("đảng" folds to "đang"'s "dang") and "4 cờ
// thi đua" cờ; a word written without marks is read by its folded form.
var countStopWritten = setOfWords(strings.Fields(`và của được với là đã đang sẽ có trong trên tại thuộc để cho từ đến
	theo này nay do đó các những ở bị vào ra năm thì gồm hoặc khi sau trước như`))

// countStopWord: the word w, as the text writes it, ends a counted noun.
func countStopWord(w string) bool {
	f := Fold(w)
	if !countStop[f] {
		return false
	}
	if f == strings.ToLower(w) {
		return true
	}
	return countStopWritten[strings.ToLower(w)]
}

// numberMultiplier are the words that multiply the number before them, in
// Vietnamese and in English ("4.19 million people" counts people).
var numberMultiplier = map[string]bool{"nghin": true, "ngan": true, "trieu": true, "ty": true, "ti": true, "van": true,
	"thousand": true, "million": true, "billion": true}

// englishCountStop ends a counted noun in English text ("75 officers to
// support …", "79,000 hectares of coconut"), compared as written: "tổ"
// is no "to", so a Vietnamese noun written with its marks is never cut.
var englishCountStop = map[string]bool{
	"of": true, "that": true, "and": true, "for": true, "from": true, "with": true, "was": true, "were": true,
	"are": true, "is": true, "have": true, "has": true, "had": true, "per": true, "each": true, "who": true,
	"which": true, "under": true, "across": true, "by": true, "the": true, "will": true, "would": true,
	"to": true, "in": true, "on": true, "at": true,
}

// foldedWords are the first n words of text, folded.
func foldedWords(text string, n int) []string {
	ws := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) })
	ws = ws[:min(n, len(ws))]
	for i, w := range ws {
		ws[i] = Fold(w)
	}
	return ws
}

func findCountValues(f *valueFinder) {
	for _, s := range f.starts {
		m := countValueRE.FindStringIndex(f.text[s:])
		if m == nil {
			continue
		}
		// Only the first letter of the noun was matched: step back.
		_, size := utf8.DecodeLastRuneInString(f.text[:s+m[1]])
		nounStart := s + m[1] - size
		if !f.free(s, nounStart) {
			continue
		}
		// A bare year before a noun ("năm 2019 toàn xã") is no count.
		if n := strings.TrimSpace(f.text[s:nounStart]); len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20")) {
			if Fold(wordBefore(f.text, s)) == "nam" {
				continue
			}
		}
		var words []string
		end := nounStart
		for k, rest := 0, f.text[nounStart:]; k < 4; k++ {
			w := rest
			cut := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && r != '&' })
			if cut >= 0 {
				w = rest[:cut]
			}
			if w == "" || (countStopWord(w) && !placeKindAt(foldedWords(rest, 3), 0) || englishCountStop[w]) && k > 0 {
				break
			}
			words = append(words, w)
			end += len(w)
			if cut < 0 || rest[cut] != ' ' {
				break
			}
			rest = rest[cut+1:]
			end++
		}
		// "14 triệu người", "5 nghìn hội viên": the multiplier is the
		// number's, the noun comes after it.
		if len(words) > 1 && numberMultiplier[Fold(words[0])] {
			words = words[1:]
		}
		if len(words) == 0 || countStopWord(words[0]) && !placeKindAt(foldedWords(f.text[nounStart:], 3), 0) || measureUnits[Fold(words[0])] {
			continue
		}
		// "5 months", "15 working days": an English length of time is a
		// duration, as "5 tháng" is, not a count of months.
		if k := englishDurationAt(words); k > 0 {
			end = nounStart + len(strings.Join(words[:k], " "))
			f.add(ValueDuration, s, end, "")
			continue
		}
		end = strings.LastIndex(f.text[:end], words[len(words)-1]) + len(words[len(words)-1])
		f.add(ValueCount, s, end, strings.Join(words, " "))
	}
}

// englishDurationUnits are the English units of a length of time.
var englishDurationUnits = map[string]bool{"day": true, "days": true, "week": true, "weeks": true,
	"month": true, "months": true, "year": true, "years": true}

// englishDurationAt: how many of a count's noun words are an English
// length of time's unit ("months", "working days"), 0 if they are none.
func englishDurationAt(words []string) int {
	k := 0
	if len(words) > 1 && strings.EqualFold(words[0], "working") {
		k = 1
	}
	if englishDurationUnits[strings.ToLower(words[k])] {
		return k + 1
	}
	return 0
}

// labelledCountRE is a count whose noun is in its label, as a table's
// heading or a field line writes it: "Số hộ: 135", "Tổng số xóm, tổ dân
// phố: 67", "Số thôn (sau sáp nhập): 12".
var labelledCountRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:tổng\s+)?số\s+(\p{L}+(?:(?:\s|,\s*)\p{L}+){0,3}?)\s*(?:\([^)]{0,30}\))?\s*:\s*(` + valueNum + `)`)

// notCountLabels are labels "Số …:" that number something rather than count
// it: a phone, a document, a house, an account.
var notCountLabels = []string{"dien thoai", "fax", "hieu", "tt", "thu tu", "nha", "tai khoan", "di dong", "can cuoc", "cccd", "cmnd", "ho chieu", "ky hieu", "hotline", "van ban", "quyet dinh", "giay"}

var soWord, colonWord = valueWords("số"), valueWords(":")

// findLabelledCounts finds counts whose noun is the label before them.
func findLabelledCounts(f *valueFinder) {
	if !f.has(soWord) || !f.has(colonWord) {
		return
	}
	for _, m := range labelledCountRE.FindAllStringSubmatchIndex(f.text, -1) {
		start, end := m[4], m[5]
		if !f.free(start, end) || !bareNumber(f.text, start, end, false) {
			continue
		}
		noun := strings.Join(strings.FieldsFunc(f.text[m[2]:m[3]], func(r rune) bool { return r == ' ' || r == ',' }), " ")
		folded := Fold(noun) + " "
		skip := false
		for _, l := range notCountLabels {
			if strings.HasPrefix(folded, l+" ") {
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		if Fold(noun) == "luong" {
			noun = "" // "Số lượng: 5" counts what its table does
		}
		f.add(ValueCount, start, end, noun)
	}
}

// surnames are the most common Vietnamese family names: a capitalised run
// starting with one, beside a title, is a person.
var surnames = []string{
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
	"Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Lương", "Trịnh", "Mai", "Cao", "Lâm", "Tạ",
	"Hà", "Thái", "Chu", "Tô", "Kiều", "Trương", "Lưu", "Tăng", "Nông", "Lò", "Quách", "Châu",
	"Thân", "Triệu", "Văn", "Phùng", "Đào", "Đồng", "Lại", "Mạc", "Tống", "Từ", "La", "Khổng",
	"Doãn", "Nghiêm", "Vương", "Hứa", "Diệp", "Âu", "Giáp", "Khúc", "Ông", "Lã", "Tôn", "Quan",
}

// titleNear returns the title written right before text[start:] (within the
// same clause, "Chủ tịch UBND xã Thử Thách Nguyễn Văn A") or right after
// text[:end] (", Chủ tịch UBND xã", " - Phó Bí thư"), empty if none.
// maxLabelTitleWords bounds a label naming a post ("Bí thư Tỉnh ủy").
const maxLabelTitleWords = 6

func titleNear(text string, start, end int) string {
	before := text[max(0, start-80):start]
	if i := strings.LastIndexAny(before, ".;:!?"); i >= 0 {
		// "Chủ tịch UBND: Nguyễn Văn A": a field labelled with the
		// post, as a side box or a directory writes it.
		if before[i] == ':' && strings.TrimSpace(before[i+1:]) == "" {
			label := before[:i]
			if j := strings.LastIndexAny(label, ".;:!?"); j >= 0 {
				label = label[j+1:]
			}
			if len(strings.Fields(label)) <= maxLabelTitleWords {
				if t := lastTitle(label); t != "" {
					return t
				}
			}
		}
		before = before[i+1:]
	}
	if t := lastTitle(before); t != "" {
		return t
	}
	after := text[end:]
	after = strings.TrimLeft(after, " ")
	for _, sep := range []string{",", "-", "–", "—", "("} {
		if strings.HasPrefix(after, sep) {
			rest := strings.TrimLeft(after[len(sep):], " ")
			if t := leadingTitle(rest); t != "" {
				return t
			}
		}
	}
	return ""
}

// labelTitle is the post a field's label names right before a name,
// whatever its surname ("Bí thư Tỉnh ủy: Chẩu Văn Lâm", as a side box
// writes it); "" if s does not end with such a label.
func labelTitle(s string) string {
	before := strings.TrimRight(s, " ")
	label, ok := strings.CutSuffix(before, ":")
	if !ok {
		return ""
	}
	if j := strings.LastIndexAny(label, ".;:!?\n"); j >= 0 {
		label = label[j+1:]
	}
	if len(strings.Fields(label)) > maxLabelTitleWords {
		return ""
	}
	return lastTitle(label)
}

// lastTitle finds the last title in s and returns it with what follows up
// to the end of s (the office it heads), trimmed.
func lastTitle(s string) string {
	l := strings.ToLower(Normalize(s))
	// The title ending last, and of those the longest: "Phó Chủ tịch",
	// not the "Chủ tịch" inside it.
	best, bestEnd := -1, -1
	for _, t := range Lexicon.Titles {
		t = strings.ToLower(Normalize(t))
		i := strings.LastIndex(l, t)
		if i < 0 || i > 0 && unicode.IsLetter(lastRune(l[:i])) {
			continue
		}
		if e := i + len(t); e > bestEnd || e == bestEnd && i < best {
			best, bestEnd = i, e
		}
	}
	if best < 0 {
		return ""
	}
	// l and s may differ in length (tone placement): map by runes.
	runes := utf8.RuneCountInString(l[:best])
	ns := Normalize(s)
	i := 0
	for k := 0; k < runes && i < len(ns); k++ {
		_, n := utf8.DecodeRuneInString(ns[i:])
		i += n
	}
	return titlePhrase(ns[i:])
}

// titlePhrase is the title s starts with and the office after it: the words
// that follow while they name one ("Chủ tịch UBND xã Thử Thách", "Bí thư
// Đảng ủy phường"), up to a verb or a function word ("… cùng dự").
func titlePhrase(s string) string {
	words := strings.Fields(s)
	n := 0
	for k, w := range words {
		w = strings.Trim(w, ",-–()")
		if w == "" {
			break
		}
		first, _ := utf8.DecodeRuneInString(w)
		if k > 0 && !unicode.IsUpper(first) && !titleOfficeWords()[Fold(w)] {
			break
		}
		n = k + 1
		if strings.ContainsAny(words[k], ",()") {
			break
		}
	}
	return strings.Trim(strings.Join(words[:n], " "), " ,-–()")
}

// titleOfficeWords are the lower-case syllables of the offices a title
// heads: "Bí thư Đảng ủy phường", "Chủ tịch Ủy ban nhân dân xã", "Trưởng
// ban Dân vận".
// Built on first use: Fold's tables are filled by an init function, after
// package variables.
var titleOfficeWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("uy ban nhan dan hoi dong thuong truc vu chap hanh mat tran to quoc van phong cong an xa phuong thi tran huyen quan tinh thanh pho thon xom to khu dang bo chi doan tam trung hanh chinh tu phap") {
		m[w] = true
	}
	for _, t := range Lexicon.Titles {
		for _, w := range strings.Fields(Fold(t)) {
			m[w] = true
		}
	}
	return m
})

// leadingTitle returns the title s starts with and the words of its office
// up to the next punctuation.
func leadingTitle(s string) string {
	l := strings.ToLower(Normalize(s))
	for _, t := range Lexicon.Titles {
		if strings.HasPrefix(l, strings.ToLower(Normalize(t))) {
			ns := Normalize(s)
			if i := strings.IndexAny(ns, ",.;:()"); i >= 0 {
				ns = ns[:i]
			}
			return titlePhrase(ns)
		}
	}
	return ""
}

// honorifics are the one-word forms of address before a name,
// lower-cased ("đồng chí" is two words: findPersons looks for it apart).
var honorifics = []string{"ông", "bà", "đ/c", "anh", "chị"}

// isHonorific compares lengths before letters: every rune of the
// honorifics folds only to runes as long as itself in UTF-8
// (TestHonorificFoldsKeepLength), so a word of another length is none, and
// most words are.
func isHonorific(w string) bool {
	for _, h := range honorifics {
		if foldsTo(w, h) {
			return true
		}
	}
	return false
}

// foldsTo is strings.EqualFold(w, h) for an h whose every rune folds only
// to runes as long as itself (the honorifics and "đồng chí":
// TestHonorificFoldsKeepLength): the lengths first.
func foldsTo(w, h string) bool { return len(w) == len(h) && strings.EqualFold(w, h) }

// surnameSet holds surnames for lookup.
var surnameSet = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range surnames {
		m[s] = true
	}
	return m
}()

// valueWord is a word of a text and where it is.
type valueWord struct {
	w          string
	start, end int
}

// appendTextWords appends to out the words of text, of letters (and "/"
// inside "đ/c"), with their offsets. The slice is the finder's, kept
// between texts (valueScratch): made a text, it was a twentieth of a
// build's allocations.
func appendTextWords(out []valueWord, text string) []valueWord {
	start := -1
	for i, r := range text {
		in := isWordRune(r) || r == '/' && start >= 0
		if in && start < 0 {
			start = i
		} else if !in && start >= 0 {
			out = append(out, valueWord{text[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, valueWord{text[start:], start, len(text)})
	}
	return out
}

// twoCapitalised reports whether text has two capitalised words (as
// appendTextWords cuts them) one space apart, which every name findPersons
// finds is. Most sentences have none, and were split into words for
// nothing (TestTwoCapitalisedAsWords: random texts give findPersons'
// answer with and without it).
func twoCapitalised(text string) bool {
	for i := strings.IndexByte(text, ' '); i >= 0 && i+1 < len(text); {
		if r, _ := utf8.DecodeRuneInString(text[i+1:]); unicode.IsUpper(r) {
			// The word before the space: letters and "/", from a letter.
			j := i
			for j > 0 {
				r, n := utf8.DecodeLastRuneInString(text[:j])
				if !isWordRune(r) && r != '/' {
					break
				}
				j -= n
			}
			for j < i && text[j] == '/' {
				j++
			}
			if j < i && capitalised(text[j:i]) {
				return true
			}
		}
		k := strings.IndexByte(text[i+1:], ' ')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	// An acronym is no syllable of a name: "UBND".
	for _, r := range w[utf8.RuneLen(r):] {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// findPersons: a name of two to five capitalised syllables after a form
// of address ("ông Nguyễn Văn A", "đồng chí Trần Thị B"), or starting with
// a common surname with a title beside it ("Chủ tịch UBND xã … Nguyễn Văn
// A", "Nguyễn Văn A, Chủ tịch UBND xã"). A street or place named after a
// person is not one ("đường Nguyễn Du").
func findPersons(f *valueFinder) {
	if twoCapitalised(f.text) {
		personsIn(f)
	}
}

// personsIn is findPersons on any text: the Vietnamese shapes, then the
// English ones (englishPersonsIn).
func personsIn(f *valueFinder) {
	vietnamesePersonsIn(f)
	if mayEnglishPerson(f.lower) {
		englishPersonsIn(f)
	}
}

// nameRun returns how many capitalised words start at k, separated by
// single spaces, at most five: a person's name, Vietnamese or written
// in English.
func nameRun(text string, words []valueWord, k int) int {
	n := 0
	for j := k; j < len(words) && n < 5 && capitalised(words[j].w); j++ {
		if j > k && text[words[j-1].end:words[j].start] != " " {
			break
		}
		n++
	}
	return n
}

// vietnamesePersonsIn finds the names after a form of address or with a
// Vietnamese title beside.
func vietnamesePersonsIn(f *valueFinder) {
	words := f.cutWords()
	nameAt := func(k int) int { return nameRun(f.text, words, k) }
	for k := 0; k < len(words); k++ {
		w := words[k]
		hon := 0
		// EqualFold, not ToLower: no allocation a word, and the same
		// answer for these words (no letter of theirs folds specially).
		switch {
		case isHonorific(w.w):
			hon = 1
		case foldsTo(w.w, "đồng") && k+1 < len(words) && foldsTo(words[k+1].w, "chí"):
			hon = 2
		}
		if hon > 0 && k+hon < len(words) && f.text[words[k+hon-1].end:words[k+hon].start] == " " {
			if n := nameAt(k + hon); n >= 2 {
				first, last := words[k+hon], words[k+hon+n-1]
				f.add(ValuePerson, first.start, last.end, titleNear(f.text, w.start, last.end))
				k += hon + n - 1
				continue
			}
		}
		// Every surname starts with a capital (TestSurnamesCapitalised):
		// a word starting with a small ASCII letter is not looked up.
		if c := w.w[0]; c >= 'a' && c <= 'z' || !surnameSet[w.w] && labelTitle(f.text[:w.start]) == "" || !f.free(w.start, w.end) {
			continue
		}
		n := nameAt(k)
		if n < 2 || placeBefore(f.text[:w.start]) {
			continue
		}
		last := words[k+n-1]
		t := titleNear(f.text, w.start, last.end)
		if t == "" && n >= 3 && !bodyName(f.text[w.start:last.end]) {
			t = nameHeadBefore(f.text[:w.start])
		}
		if t != "" {
			f.add(ValuePerson, w.start, last.end, t)
			k += n - 1
		}
	}
}

// nameHeadBefore is the lexicon's NameHead that s ends with, before
// spaces, a colon or capitalised heads ("nhà thơ Tiến sĩ ", "Người ký: "),
// as written; "" if none.
func nameHeadBefore(s string) string {
	tail := strings.TrimRight(s, " :")
	l := strings.ToLower(Normalize(tail[max(0, len(tail)-40):]))
	for _, h := range nameHeads {
		if strings.HasSuffix(l, h) && (len(l) == len(h) || !unicode.IsLetter(lastRune(l[:len(l)-len(h)]))) {
			return h
		}
	}
	return ""
}

// bodyName: the capitalised words are a body's name, not a person's
// ("Văn Phòng HĐND …": a body's head, or a word in capitals).
func bodyName(name string) bool {
	l := strings.ToLower(Normalize(name))
	for _, h := range Lexicon.BodyHeads {
		if strings.HasPrefix(l, strings.ToLower(Normalize(h))+" ") {
			return true
		}
	}
	for _, w := range strings.Fields(name) {
		if utf8.RuneCountInString(w) > 1 && w == strings.ToUpper(w) {
			return true
		}
	}
	return false
}

// nameHeads are the lexicon's NameHeads, lower-cased and normalised.
var nameHeads = func() []string {
	var out []string
	for _, h := range Lexicon.NameHeads {
		out = append(out, strings.ToLower(Normalize(h)))
	}
	return out
}()

// placeBefore reports whether s ends with a word that makes the name after
// it a place, a street or an organisation.
func placeBefore(s string) bool {
	w := Fold(wordBefore(s, len(s)))
	switch w {
	case "duong", "pho", "tinh", "xa", "phuong", "huyen", "quan", "thon", "xom", "truong",
		"cau", "cho", "song", "nui", "tp", "tp.", "so", "ngo", "hem", "to", "khu", "ban", "hoi":
		return true
	}
	two := Fold(s)
	return strings.HasSuffix(two, "thanh pho ") || strings.HasSuffix(two, "thi xa ") || strings.HasSuffix(two, "thi tran ")
}
