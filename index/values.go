package index

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
)

// Typed values (content.Values) are tagged on every unit at build time as a
// set of kinds, keeping the counts with their nouns, so that a question's
// asked types (content.AskedTypes) are compared without reading the text
// again.

// valueKinds numbers the kinds of typed value for a unit's bit set.
var valueKinds = []content.ValueType{
	content.ValuePhone, content.ValueFax, content.ValueEmail, content.ValueWebsite, content.ValueAddress,
	content.ValueTime, content.ValueWeekday, content.ValueDate, content.ValueDuration, content.ValueCount,
	content.ValueArea, content.ValuePopulation, content.ValuePercent, content.ValueMoney, content.ValueDocument,
	content.ValuePerson, content.ValueDistance, content.ValueOrdinal,
}

var valueBit = func() map[content.ValueType]uint32 {
	m := make(map[content.ValueType]uint32, len(valueKinds))
	for i, t := range valueKinds {
		m[t] = 1 << i
	}
	return m
}()

// kindOf numbers a kind of value as valueKinds does.
var kindOf = func() map[content.ValueType]uint8 {
	m := make(map[content.ValueType]uint8, len(valueKinds))
	for i, t := range valueKinds {
		m[t] = uint8(i)
	}
	return m
}()

// tagValues sets the unit's kinds of typed value and keeps its counts;
// lower is strings.ToLower(u.text).
func (u *unit) tagValues(lower string) {
	vs := content.ValuesLowered(u.text, lower)
	for _, v := range vs {
		u.values |= valueBit[v.Type]
		if v.HasDay() {
			u.traits |= dayDate
		}
		if v.Type == content.ValueCount || v.Type == content.ValuePopulation {
			u.fact().counts = append(u.fact().counts, v)
		} else if nearKinds[v.Type] {
			u.fact().near = append(u.fact().near, nearValue{from: uint32(v.Span[0]), to: uint32(v.Span[1]), kind: kindOf[v.Type]})
		}
		if v.Type == content.ValuePerson && v.Noun != "" {
			if deputyTitle(v.Noun) {
				u.traits |= deputyNamed
			} else {
				u.traits |= chiefNamed
			}
		}
	}
	// A page's publication stamp ("date 2025-10-28 …", "Cập nhật lúc
	// 10:24 01/04/2025") is no date the page speaks of: the lead holding
	// it outranked the sentence stating when the resolution takes effect.
	if u.values&valueBit[content.ValueDate] != 0 && onlyStamps(lower, vs) {
		u.values &^= valueBit[content.ValueDate]
		u.traits = u.traits&^dayDate | stampDate
	}
}

// stampStart bounds how far into a unit a date beside a clock time is
// still its page's stamp.
const stampStart = 40

// clockRe: a clock time beside a date, as a page's stamp writes it
// ("10:24 01/04/2025", "26/12/2018 10:26:12").
var clockRe = regexp.MustCompile(`\b\d{1,2}:\d{2}(?::\d{2})?\b`)

// onlyStamps: every date the text states is the page's publication stamp
// — after a stamp word ("date", "Cập nhật", "Đăng ngày", "posted"), or
// beside a clock time — not a date the text speaks of.
func onlyStamps(lower string, vs []content.Value) bool {
	for _, v := range vs {
		if v.Type != content.ValueDate {
			continue
		}
		a, b := min(v.Span[0], len(lower)), min(v.Span[1], len(lower))
		before := strings.TrimSpace(lower[max(0, a-30):a])
		after := lower[b:min(len(lower), b+12)]
		// Digits with a clock time right beside them, at the unit's
		// start: "26/12/2018 10:26:12 Xem cỡ chữ …", not "từ 14:00 ngày
		// 5/3" in a sentence.
		stamp := a < stampStart && isDigitByte(v.Text[0]) && (clockRe.MatchString(before[max(0, len(before)-10):]) || clockRe.MatchString(after))
		for _, w := range stampWords {
			if strings.HasSuffix(before, w) && (len(before) == len(w) || !unicode.IsLetter(lastRuneOf(before[:len(before)-len(w)]))) {
				stamp = true
			}
		}
		if !stamp {
			return false
		}
	}
	return true
}

// stampWords are the lexicon's StampWords, lower-cased and normalised.
var stampWords = func() []string {
	var out []string
	for _, w := range content.Lexicon.StampWords {
		out = append(out, strings.ToLower(content.Normalize(w)))
	}
	return out
}()

// deputyTitle: a person's title (content.Value's Noun) is a deputy's,
// "Phó …" (English titles are read into Vietnamese by content).
func deputyTitle(t string) bool {
	first, _, _ := strings.Cut(content.Fold(t), " ")
	return first == deputyWord
}

// personsAgree: the persons a unit names with a title hold the post as the
// who-question asks it, a deputy's or not; a unit naming only a "Vice
// Chairman" does not hold the person asked by "Who is the chairman …".
// A unit naming no titled person is not marked down. Only English units
// are read so: a Vietnamese sentence's title is found beside the name
// less surely ("Đoàn Chủ tịch … gồm đồng chí …"), and its title words
// are compared where coverage reads them.
func personsAgree(pq *parsedQuery, u *unit) bool {
	if len(pq.titles) == 0 || u.traits&inEnglish == 0 {
		return true
	}
	if pq.deputy {
		return u.traits&deputyNamed != 0 || u.traits&chiefNamed == 0
	}
	return u.traits&chiefNamed != 0 || u.traits&deputyNamed == 0
}

// askedOf is what the question asks of the unit: the person asked only
// where its titled persons agree (personsAgree).
func askedOf(pq *parsedQuery, u *unit) []content.Asked {
	if personsAgree(pq, u) {
		return pq.asked
	}
	out := make([]content.Asked, 0, len(pq.asked))
	for _, a := range pq.asked {
		if a.Type != content.ValuePerson {
			out = append(out, a)
		}
	}
	return out
}

// holdsAsked: the unit states a value of a kind the question asks for.
func holdsAsked(asked []content.Asked, u *unit) bool {
	if len(asked) == 0 || u.values == 0 {
		return false
	}
	for _, a := range asked {
		switch a.Type {
		case content.ValueCount, content.ValuePopulation:
			for _, v := range u.counts() {
				if content.Answers([]content.Asked{a}, v) {
					return true
				}
			}
			if a.Type == content.ValuePopulation && u.values&valueBit[content.ValuePopulation] != 0 {
				return true
			}
		default:
			if a.Type == content.ValueDate && a.Day && u.traits&dayDate == 0 || a.Type == content.ValueDocument && a.Doc != "" && !citesType(u, a.Doc) {
				continue
			}
			for i, t := range valueKinds {
				if u.values&(1<<i) != 0 && content.Answers([]content.Asked{a.Undated()}, content.Value{Type: t}) {
					return true
				}
			}
		}
	}
	return false
}

// citesType: the unit cites a document of the type keyed code, or names
// that type ("Nghị quyết số 835" has no code to key), in Vietnamese or
// English ("Decision No. 759/QD-TTg").
func citesType(u *unit, code string) bool {
	for _, k := range u.docKeys() {
		if strings.HasPrefix(strings.TrimLeft(k, "0123456789"), code) {
			return true
		}
	}
	ws := foldWords(strings.ToLower(u.text))
	if namesDocType(ws, code) {
		return true
	}
	for name, c := range docTypeNamesEN {
		if c == code && containsSeq(ws, strings.Fields(name)) {
			return true
		}
	}
	return false
}

// typedChecked are the kinds of value whose absence makes a unit not
// answer a question that asks only for them: a population is not answered
// by the area beside it. A count of a kind of administrative unit is
// checked too (content.Asked.CountsUnitType): "bao nhiêu phường" is not
// answered by the number of xã, nor by a page that counts none. Kinds found
// in too many shapes to be sure of (other counts' nouns, a person, an
// address) only rank, through typed_value.
var typedChecked = map[content.ValueType]bool{content.ValuePopulation: true, content.ValueArea: true, content.ValueTime: true}

// holdsTyped: the question asks for some kind of value not checked, or the
// unit or the sentence it announces holds a checked kind asked.
func (ix *Index) holdsTyped(pq *parsedQuery, u *unit) bool {
	if len(pq.asked) == 0 {
		return true
	}
	for _, a := range pq.asked {
		if !typedChecked[a.Type] && !a.CountsUnitType() {
			return true
		}
	}
	return holdsTotal(pq, u) || (u.next > 0 && holdsTotal(pq, &ix.units[u.next-1]))
}

// holdsTotal is holdsAsked for the gate: a count that a change word
// introduces ("đã giảm 1.513 thôn") answers only a question asking for a
// change ("giảm bao nhiêu thôn"), not one asking how many there are.
func holdsTotal(pq *parsedQuery, u *unit) bool {
	if !holdsAsked(pq.asked, u) {
		return false
	}
	if pq.change || len(u.counts()) == 0 {
		return true
	}
	for _, a := range pq.asked {
		if a.Type != content.ValueCount && a.Type != content.ValuePopulation {
			return true
		}
	}
	for _, v := range u.counts() {
		if content.Answers(pq.asked, v) && !changeBefore(u.text[:min(v.Span[0], len(u.text))]) {
			return true
		}
	}
	return false
}

// changeWords are the lexicon's ChangeWords, folded.
var changeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range content.Lexicon.ChangeWords {
		m[strings.Join(foldWords(w), " ")] = true
	}
	return m
}()

// asksChange: the question's words hold a change word.
func asksChange(folded []string) bool {
	for _, w := range folded {
		if changeWords[w] || changeWords[content.EnglishForm(w)] {
			return true
		}
	}
	return false
}

// changeBefore: the text ends with a change word right before a count,
// maybe with words saying by how much between ("giảm đi", "giảm thêm",
// "reduced by", "tăng gần").
func changeBefore(text string) bool {
	ws := foldWords(text)
	n := len(ws)
	for k := 0; k < 2 && n > 1 && changeFillers[ws[n-1]]; k++ {
		n--
	}
	return n > 0 && changeWords[ws[n-1]]
}

// changeFillers go between a change word and its count, folded.
var changeFillers = setOf(strings.Fields("di them by khoang gan hon tren"))

// asksPosted: the question asks when the page was posted or updated
// (the lexicon's PostedAsks), which its stamp answers.
func asksPosted(folded []string) bool {
	line := " " + strings.Join(folded, " ") + " "
	for _, w := range postedAsks {
		if strings.Contains(line, " "+w+" ") {
			return true
		}
	}
	return false
}

// postedAsks are the lexicon's PostedAsks, folded.
var postedAsks = func() []string {
	var out []string
	for _, w := range content.Lexicon.PostedAsks {
		out = append(out, strings.Join(foldWords(w), " "))
	}
	return out
}()

// lastRuneOf is s's last rune (utf8.RuneError when empty).
func lastRuneOf(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// asksPhoneSurely: a phone is the one kind of value asked (not a phone
// and the hours it answers, "qua điện thoại … từ mấy giờ"), and asked by
// more than a bare "dt" (written without đ, the short form of diện tích
// as well as of điện thoại).
func asksPhoneSurely(q string, asked []content.Asked) bool {
	if len(asked) != 1 || asked[0].Type != content.ValuePhone {
		return false
	}
	lower := strings.ToLower(q)
	if folded := foldWords(lower); slices.ContainsFunc(bodyAsks, func(a []string) bool { return containsSeq(folded, a) }) {
		return false
	}
	if strings.Contains(lower, "đt") {
		return true
	}
	var kept []string
	for _, w := range strings.FieldsFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if w != "dt" {
			kept = append(kept, w)
		}
	}
	return slices.ContainsFunc(content.AskedTypes(strings.Join(kept, " ")), func(a content.Asked) bool { return a.Type == content.ValuePhone })
}

// phoneWords are the words after which a short number is one to call
// ("tổng đài 1022", "gọi 113"), folded: the phone and hotline fields'
// labels and the phrases asking for them.
var phoneWords = func() []string {
	var out []string
	for _, k := range []string{"phone", "hotline"} {
		f := content.Lexicon.ContactField(k)
		out = append(out, f.FoldedLabels()...)
		out = append(out, f.Asks...)
	}
	return out
}()

// phoneWordsSpaced are phoneWords with a space either side, as phoneish
// looks for them: made there, they were 39 strings for every number.
var phoneWordsSpaced = func() []string {
	out := make([]string, len(phoneWords))
	for i, w := range phoneWords {
		out[i] = " " + w + " "
	}
	return out
}()

// phoneish: the text gives something to call — a number beginning with 0
// of three digits or more (an area code, "0221"), or one of three digits
// or more right after a phone word ("tổng đài 1022"). Looser than the
// phone numbers content.Values reads: it tells whether an article gives
// any, not which.
func phoneish(text string) bool {
	for i := 0; i < len(text); i++ {
		// A number's own group ("29,000", "1.585") or a code's part is
		// not one.
		if !isASCIIDigit(text[i]) || i > 0 && (isASCIIDigit(text[i-1]) || isASCIILetter(text[i-1])) ||
			i > 1 && strings.IndexByte(".,/:-", text[i-1]) >= 0 && isASCIIDigit(text[i-2]) {
			continue
		}
		j := i
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		if j-i < 3 || j < len(text) && (isASCIILetter(text[j]) || text[j] == '/') {
			i = j
			continue
		}
		if text[i] == '0' {
			return true
		}
		before := " " + strings.Join(foldWords(strings.ToLower(text[max(0, i-32):i])), " ") + " "
		for _, w := range phoneWordsSpaced {
			if strings.Contains(before, w) {
				return true
			}
		}
		i = j
	}
	return false
}

// isASCIILetter: b is an ASCII letter (a number glued to one is a code, not
// a number to call).
func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// codeLabels are the lexicon's CodeLabels, folded.
var codeLabels = func() [][]string {
	var out [][]string
	for _, l := range content.Lexicon.CodeLabels {
		out = append(out, foldWords(l))
	}
	return out
}()

// asksCode: the question's folded words name a code (CodeLabels).
func asksCode(folded []string) bool {
	return slices.ContainsFunc(codeLabels, func(l []string) bool { return containsSeq(folded, l) })
}

// givesCode: the unit or the sentence it goes on to states a code's
// digits — a run of three to six digits that is no year — where the
// question asks for a code. A page's lead promising "mã bưu chính"
// among its fields gives none.
func (ix *Index) givesCode(pq *parsedQuery, u *unit) bool {
	if !pq.code {
		return true
	}
	return statesCode(u.text) || u.next > 0 && statesCode(ix.units[u.next-1].text)
}

// statesCode: text writes a code's digits: a number of three to six
// digits standing alone — no group of a longer number ("1.208"), no part
// of a date or a document's number ("2538/QĐ"), no year.
func statesCode(text string) bool {
	for i := 0; i < len(text); i++ {
		if !isASCIIDigit(text[i]) {
			continue
		}
		j := i
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		glued := i > 0 && isASCIILetter(text[i-1]) || i > 1 && strings.IndexByte(".,/-", text[i-1]) >= 0 && isASCIIDigit(text[i-2]) ||
			j < len(text) && (isASCIILetter(text[j]) || text[j] == '/' ||
				j+1 < len(text) && strings.IndexByte(".,/-", text[j]) >= 0 && isASCIIDigit(text[j+1]))
		year := j-i == 4 && (text[i:i+2] == "19" || text[i:i+2] == "20")
		if !glued && !year && j-i >= 3 && j-i <= 6 {
			return true
		}
		i = j
	}
	return false
}

// bodyAsks are the lexicon's BodyAsks, folded.
var bodyAsks = func() [][]string {
	var out [][]string
	for _, a := range content.Lexicon.BodyAsks {
		out = append(out, foldWords(a))
	}
	return out
}()

// givesNumber: where a phone is surely the one thing asked (phoneSure),
// the unit or the sentence it goes on to states a number to call — a
// phone value, a contact block, or what phoneish reads as one ("tổng đài
// 1022", "0221"), not any number ("hơn 350 bảng"). A
// sentence naming the office, or saying that its hotline exists, with no
// number does not answer; givesPhone reads the whole article, this the
// answer's window. A page that gives none does not answer "số điện
// thoại …" in any sentence, however well it speaks of the office asked
// (its hotline exists, the centre opened).
func (ix *Index) givesNumber(pq *parsedQuery, u *unit) bool {
	if !pq.phoneSure {
		return true
	}
	states := func(u *unit) bool {
		return u.kind == kContact || holdsPhone(u) || u.values&valueBit[content.ValuePhone] != 0 || phoneish(u.text)
	}
	return states(u) || u.next > 0 && states(&ix.units[u.next-1])
}
