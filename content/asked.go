package content

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Asked is one kind of value a question asks for.
type Asked struct {
	Type ValueType
	// Noun is, for a count, the noun the question counts, folded ("hoi
	// vien" for "bao nhiêu hội viên"); an English noun is translated with
	// the shipped glossary into its Vietnamese forms joined by "|" ("thanh
	// vien|hoi vien" for "how many members"). Empty when the question
	// names none.
	Noun string
	// units: Noun is only kinds of administrative unit (see CountsUnitType).
	units bool
	// Day: a date is asked to the day ("ngày nào", "ngày mấy", "what
	// date"): a year or a month alone (Value.HasDay) does not answer it.
	Day bool
	// Doc: the type of document asked, as its key ("nd" for "theo nghị
	// định nào"): a document of another type does not answer it.
	Doc string
}

// askRule maps a wording of a question, on its folded text padded with a
// space at each end, to the value type it asks for. Rules are tried in
// order and all that match count.
type askRule struct {
	re *regexp.Regexp
	t  ValueType
}

// asks lists the lexicon's phrases asking for the contact fields named
// first, then the extra phrases (any argument with a space or not a field's
// kind is a phrase).
func asks(kindsThenPhrases ...string) []string {
	var out []string
	for _, k := range kindsThenPhrases {
		if f := Lexicon.ContactField(k); f.Kind != "" {
			out = append(out, f.Asks...)
		} else {
			out = append(out, k)
		}
	}
	return out
}

func askRE(alts ...string) *regexp.Regexp {
	return regexp.MustCompile(` (?:` + strings.Join(alts, "|") + `) `)
}

// askRules: Vietnamese with or without accents (the question is folded) and
// English. Words that only name a field as a subject ("số điện thoại" in
// "Số điện thoại của phường đổi chưa?") still ask for it: a citizen who
// names a contact field wants its value.
var askRules = []askRule{
	{askRE(asks("phone", "hotline")...), ValuePhone},
	{askRE(asks("fax")...), ValueFax},
	{askRE(asks("email")...), ValueEmail},
	{askRE(asks("website")...), ValueWebsite},
	{askRE(asks("address")...), ValueAddress},
	{askRE(asks("hours", `may gio`, `luc may gio`, `gio nao`, `khung gio`, `lam viec tu may gio`, `what time`, `hours`, `open`, `opens`, `close`, `closes`, `what hours`, `which hours`)...), ValueTime},
	{askRE(`thu may`, `ngay nao trong tuan`, `nhung ngay nao`, `cac ngay nao`, `which days`, `what days`, `which day of the week`, `weekday`, `weekdays`, `day of the week`, `days of the week`), ValueWeekday},
	{askRE(`ngay nao`, `ngay may`, `khi nao`, `bao gio`, `luc nao`, `thoi diem nao`, `giai doan nao`, `thoi ky nao`, `nam nao`, `thang nao`, `tu ngay nao`, `tu khi nao`, `when`, `what date`, `which date`, `which year`, `what year`, `what day`, `which day`, `what month`, `which month`, `which period`, `what period`, `since when`), ValueDate},
	{askRE(`bao lau`, `mat bao lau`, `trong bao lau`, `bao nhieu ngay`, `may ngay`, `thoi han`, `how long`, `how many days`, `how many working days`, `how many months`, `how many years`, `time limit`), ValueDuration},
	{askRE(`dien tich`, `rong bao nhieu`, `rong co bao nhieu`, `rong khoang bao nhieu`, `bao nhieu km2`, `bao nhieu km vuong`, `bao nhieu ki lo met vuong`, `bao nhieu kilomet vuong`, `bao nhieu ha`, `bao nhieu hecta`, `bao nhieu hec ta`, `area`, `how large`, `how big`, `square kilometres`, `square kilometers`, `km2`, `how wide`, `how many hectares`, `hectares`, `how many square kilometres`, `how many square kilometers`), ValueArea},
	{askRE(`bao xa`, `cach bao nhieu`, `bao nhieu km`, `may km`, `bao nhieu kilomet`, `bao nhieu ki lo met`, `bao nhieu cay so`, `may cay so`, `bao nhieu hai ly`, `khoang cach`,
		`how far`, `distance`, `how many km`, `how many kilometers`, `how many kilometres`, `how many miles`), ValueDistance},
	{askRE(`dan so`, `bao nhieu dan`, `bao nhieu nhan khau`, `so dan`, `nhan khau`, `population`, `inhabitants`, `how many people live`, `how populous`), ValuePopulation},
	{askRE(`ty le`, `ti le`, `bao nhieu phan tram`, `phan tram`, `percent`, `percentage`, `rate`, `ratio`, `proportion`, `what share`, `which share`), ValuePercent},
	{askRE(`bao nhieu tien`, `kinh phi`, `chi phi`, `le phi`, `muc phi`, `thu phi`, `phi bao nhieu`, `mat phi`, `ngan sach`, `tong von`, `von dau tu`, `muc ho tro`, `thu nhap`, `gia bao nhieu`, `muc gia`, `gia ve`, `how much`, `cost`, `costs`, `fee`, `fees`, `budget`, `funding`, `price`, `how much money`, `funds`, `investment`, `allowance`, `subsidy`, `income`, `incomes`), ValueMoney},
	{askRE(`so hieu`, `van ban nao`, `van ban so`, `(?:nghi quyet|quyet dinh|ke hoach|ket luan|chi thi|thong bao|cong van|nghi dinh|thong tu|quy dinh|huong dan|chuong trinh) (?:so )?(?:may|nao|bao nhieu|gi)`, `theo van ban`, `can cu`,
		`decision number`, `resolution number`, `document number`, `which decision`, `which resolution`, `which document`, `what document`, `what decision`, `what resolution`, englishDocAsk()), ValueDocument},
	{askRE(Lexicon.OrdinalAsks...), ValueOrdinal},
	{askRE(`ai`, `la ai`, `nguoi nao`, `ong nao`, `ba nao`, `dong chi nao`, `ho ten`, `ho va ten`, `ten la gi`, `who`, `whom`, `whose name`, `which person`, `full name`), ValuePerson},
}

// englishTitleAsk: the question asks who holds a post by its English
// title after "which" or "what", as "ông nào", "đồng chí nào" do: "which
// vice chairman", "which Ha Long city vice chairman". The words between
// name the body or place; a word asking something else ("what year did
// the chairman …") or a verb stops the reading.
func englishTitleAsk(q string) bool {
	ws := strings.Fields(q)
	for i, w := range ws {
		if w != "which" && w != "what" {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+1+maxTitleAskGap; j++ {
			if englishTitleWords[ws[j]] {
				return true
			}
			if titleAskStops[ws[j]] {
				break
			}
		}
	}
	return false
}

// maxTitleAskGap is how many words of a body or place may stand between
// "which" and the title.
const maxTitleAskGap = 4

// englishTitleWords are the last words of the lexicon's English titles.
var englishTitleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range Lexicon.EnglishTitles {
		ws := strings.Fields(Fold(t.Short))
		m[ws[len(ws)-1]] = true
	}
	return m
}()

// titleAskStops end the words between "which" and a title: a question
// word's noun or a verb, after which the title is the subject, not what
// is asked ("what year did the chairman take office").
var titleAskStops = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "did": true, "does": true, "do": true, "will": true, "has": true, "have": true, "can": true,
	"year": true, "date": true, "day": true, "month": true, "time": true, "number": true, "phone": true, "email": true, "address": true, "name": true, "title": true, "post": true, "position": true,
}

// englishMeansRE is a contact field named as the way something is done
// ("takes reports by phone"), not as what is asked.
var englishMeansRE = regexp.MustCompile(` (?:by|via|over|through) (?:the |a )?(?:phone|telephone|e mail|email|fax|hotline) `)

// englishDocAsk asks for a document of any of the lexicon's types in
// English, as the Vietnamese alternative above does for the Vietnamese
// names: "which plan", "what decree", "circular number".
func englishDocAsk() string {
	var names []string
	for _, t := range docTypeList {
		for _, n := range t.English {
			names = append(names, regexp.QuoteMeta(n))
		}
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	alt := strings.Join(names, "|")
	return `(?:which|what) (?:` + alt + `)|(?:` + alt + `) (?:number|no)`
}

// docTypeAskRE: a document's type right before the words asking which
// one ("theo nghị định nào", "quyết định số mấy").
var docTypeAskRE = sync.OnceValue(func() *regexp.Regexp {
	var names []string
	for n := range docKeyByName() {
		names = append(names, regexp.QuoteMeta(n))
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return regexp.MustCompile(` (` + strings.Join(names, "|") + `) (?:so )?(?:nao|may|gi|bao nhieu) `)
})

// docKeyByName maps the lexicon's document type names, folded, to their
// keys; not the generic ones ("văn bản").
var docKeyByName = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, t := range Lexicon.DocTypes {
		if t.Generic {
			continue
		}
		for _, n := range t.Names {
			m[Fold(n)] = t.Key()
		}
	}
	return m
})

// dayAskRE: the phrases of askRules asking a date to the day.
var dayAskRE = askRE(`ngay nao`, `ngay may`, `tu ngay nao`, `what date`, `which date`, `what day`, `which day`)

// countAskRE is a question counting something: "bao nhiêu hội viên", "mấy
// thôn", "số lượng trường hợp", "how many members".
var (
	countAskRE   = regexp.MustCompile(` (?:bao nhieu|may|so luong|tong so) ((?:[a-z&]+ ?){1,4})`)
	countAskEnRE = regexp.MustCompile(` (?:how many|number of) ((?:[a-z']+ ?){1,3})`)
)

// countNotNoun: words after "bao nhiêu"/"mấy" that ask something else than
// a count ("mấy giờ" a time, "bao nhiêu tiền" money) or are no noun.
var countNotNoun = map[string]bool{
	"gio": true, "tien": true, "phan": true, "ngay": true, "km2": true, "ha": true, "dan": true,
	"nhan": true, "la": true, "co": true, "duoc": true, "lau": true, "nao": true, "thu": true,
	"dien": true, "fax": true, "hieu": true, "tuoi": true, "lan": true, "km": true, "ki": true, "kilomet": true, "hecta": true, "hec": true,
	"vay": true, "the": true, "nhi": true,
}

// unitPhraseRE: a unit of area written in two words ("km 2", a
// superscript scraped as a digit of its own; "km²" folds to "km2"
// already) and a speed ("km/h", "km/giờ"), in a question folded and
// split into words.
var unitPhraseRE = regexp.MustCompile(` (k?m) 2 | km (?:h|gio) `)

// unitWords reads a folded question's units as single words: "km 2" is
// "km2", an area's unit; "km h" is "km_h", a speed's, which asks no
// distance.
func unitWords(q string) string {
	if !strings.Contains(q, "m ") {
		return q
	}
	return unitPhraseRE.ReplaceAllStringFunc(q, func(m string) string {
		if strings.HasSuffix(m, " 2 ") {
			return " " + strings.TrimSpace(strings.TrimSuffix(m, " 2 ")) + "2 "
		}
		return " km_h "
	})
}

// AskedTypes lists the kinds of value a question asks for, in the order of
// askRules (a question may ask for several: "số điện thoại và địa chỉ"), and
// for "how many" questions the count with its noun. An empty list means the
// question asks for no typed value ("Nghị quyết 18 nói gì?").
func AskedTypes(question string) []Asked {
	q := " " + strings.Join(strings.FieldsFunc(Fold(question), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '&' || r == '\'')
	}), " ") + " "
	q = unitWords(q)
	var out []Asked
	has := map[ValueType]bool{}
	add := func(a Asked) {
		if !has[a.Type] || a.Noun != "" {
			has[a.Type] = true
			out = append(out, a)
		}
	}
	asking := AskingWords(q)
	if strings.Contains(asking, " nam nao ") && nameNam(question) {
		asking = strings.ReplaceAll(asking, " nam nao ", " nam_nao ")
	}
	for _, r := range askRules {
		if r.re.MatchString(asking) {
			add(Asked{Type: r.t})
		}
	}
	if has[ValueDocument] {
		if m := docTypeAskRE().FindStringSubmatch(q); m != nil {
			for i := range out {
				if out[i].Type == ValueDocument {
					out[i].Doc = docKeyByName()[m[1]]
				}
			}
		}
	}
	if has[ValueDate] && dayAskRE.MatchString(asking) {
		for i := range out {
			if out[i].Type == ValueDate {
				out[i].Day = true
			}
		}
	}
	// "bao nhiêu ki-lô-mét vuông" asks an area, not a length.
	if has[ValueDistance] && strings.Contains(q, " vuong ") {
		out = drop(out, ValueDistance)
	}
	// "địa chỉ email", "địa chỉ website": the address asked is that one.
	if !has[ValuePerson] && englishTitleAsk(asking) {
		add(Asked{Type: ValuePerson})
	}
	if has[ValueAddress] && (has[ValueEmail] || has[ValueWebsite]) && !strings.Contains(q, " o dau ") && !strings.Contains(q, " tru so ") {
		out = drop(out, ValueAddress)
	}
	// "Thông báo công bố địa chỉ … số mấy?": the number asked is the
	// document's, and the contact field named after the document's type
	// is its subject, not what is asked.
	if at, ok := docNumberAsked(q); ok {
		add(Asked{Type: ValueDocument})
		for _, t := range []ValueType{ValueAddress, ValuePhone, ValueFax, ValueEmail, ValueWebsite} {
			if i := firstAsk(q, t); i > at {
				out = drop(out, t)
			}
		}
	}
	// "dân số bao nhiêu người" asks the population, not a count of người.
	for _, m := range countAskRE.FindAllStringSubmatchIndex(q, -1) {
		// "lần thứ bao nhiêu" asks which one, not how many.
		if strings.HasSuffix(q[:m[0]], " thu") {
			continue
		}
		noun := countNoun(q[m[2]:m[3]])
		if noun == "" || has[ValuePopulation] {
			continue
		}
		// "mấy ông công an phường hiểu sai …": "mấy" before a form of
		// address is the chat register's plural ("those"), no count;
		// after "có", "gồm" it counts the noun that follows ("có mấy bà
		// phó chủ tịch").
		if first, rest, _ := strings.Cut(noun, " "); pluralPronoun()[first] {
			if !countVerbBefore(q[:m[0]]) || rest == "" {
				continue
			}
			noun = rest
		}
		if units, ok := unitTypeList(noun); ok {
			add(Asked{Type: ValueCount, Noun: units, units: true})
			continue
		}
		add(Asked{Type: ValueCount, Noun: withTypo(noun)})
	}
	// "Tổng đài 1022 có bao nhiêu điện thoại viên?": a field named
	// before a count of people or things is what the count is about.
	// (AskingWords keeps every word where it was.)
	if m := countAskRE.FindStringSubmatchIndex(q); m != nil && !strings.HasSuffix(q[:m[0]], " thu") {
		if noun := countNoun(q[m[2]:m[3]]); noun != "" && !has[ValuePopulation] {
			for _, t := range []ValueType{ValuePhone, ValueFax, ValueEmail, ValueWebsite, ValueAddress} {
				if end := firstAskEnd(asking, t); end >= 0 && end <= m[0]+1 {
					out = drop(out, t)
				}
			}
		}
	}
	for _, m := range countAskEnRE.FindAllStringSubmatchIndex(q, -1) {
		// "the phone number of the ward", "the decision number of …": a
		// number that names something is no count.
		if strings.HasPrefix(q[m[0]:], " number ") && identifierBefore(q[:m[0]]) {
			continue
		}
		if noun := englishNoun(q[m[2]:m[3]]); noun != "" && !has[ValuePopulation] {
			vi, _, _ := strings.Cut(noun, "|")
			// "how many days", "how many hectares" ask a span or an area,
			// as "bao nhiêu ngày", "bao nhiêu ha" do: no count.
			if countNoun(vi) == "" {
				continue
			}
			_, units := unitTypeList(vi)
			add(Asked{Type: ValueCount, Noun: noun, units: units})
		}
	}
	return out
}

// nameNamRE: "nam" written without the breve before "nào" typed with
// its marks ("Hội Nhà báo Việt Nam nào", "Quảng Nam nào"), or after
// "viet" where nothing is marked: the "Nam" of a name, not "năm nào" (a
// year).
var nameNamRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:nam\s+nào|vi[eệ]t\s+nam\s+nao)(?:[^\p{L}]|$)`)

// nameNam: every "nam nào" of the question is a name's (nameNamRE): it
// asks no year.
func nameNam(question string) bool {
	return nameNamRE.MatchString(question) && !strings.Contains(strings.ToLower(question), "năm nào")
}

// pluralPronoun is Lexicon.PluralPronouns, folded.
var pluralPronoun = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range Lexicon.PluralPronouns {
		m[Fold(w)] = true
	}
	return m
})

// countVerbBefore: the folded question before a count's ask ends with a
// verb of having ("có", "gồm"): "có mấy ông …" counts.
func countVerbBefore(q string) bool {
	return strings.HasSuffix(q, " co") || strings.HasSuffix(q, " gom")
}

// identifierBefore: q (folded, up to a "number") ends with a word that
// makes the number an identifier, not a count: a contact field's English
// word ("phone", "hotline", "switchboard") or a document type's
// ("decision").
func identifierBefore(q string) bool {
	i := strings.LastIndexByte(q, ' ')
	w := q[i+1:]
	for _, f := range Lexicon.ContactFields {
		for _, a := range f.Asks {
			if a == w {
				return true
			}
		}
	}
	for _, t := range Lexicon.DocTypes {
		if slices.Contains(t.English, w) {
			return true
		}
	}
	return false
}

// classifierForms are Lexicon.Classifiers as counted nouns are compared
// (nounForm); built on first use, as Fold's tables are filled by an init
// function after package variables.
var classifierForms = sync.OnceValue(func() []string {
	out := make([]string, len(Lexicon.Classifiers))
	for i, c := range Lexicon.Classifiers {
		out[i] = nounForm(c)
	}
	return out
})

// countAdjectives are English words between a number and the noun it
// counts.
var countAdjectives = map[string]bool{"new": true, "more": true, "other": true, "additional": true,
	"existing": true, "former": true, "remaining": true, "old": true, "official": true, "small": true, "large": true}

// CountAdjective: an English word that stands between a number or "how
// many" and the noun counted ("36 new communes", "how many new wards").
func CountAdjective(w string) bool { return countAdjectives[w] }

// LevelWord is the second half of an English "<kind>-level" written
// between a count and its noun ("38 commune-level administrative units",
// "district-level cadres"): with the kind before it, it only says which
// ones are counted, on the question's side and the page's alike.
const LevelWord = "level"

func drop(as []Asked, t ValueType) []Asked {
	var out []Asked
	for _, a := range as {
		if a.Type != t {
			out = append(out, a)
		}
	}
	return out
}

// countNoun cuts the noun out of the words after "bao nhiêu": up to the
// first function word.
func countNoun(s string) string {
	var words []string
	fs := strings.Fields(s)
	for i, w := range fs {
		if (countStop[w] || w == "hien" || w == "hien nay" || w == "tat ca") && !placeKindAt(fs, i) && !PersonNounAt(fs, i) {
			break
		}
		words = append(words, w)
	}
	// "bao nhiêu điện thoại viên" counts operators: a person's noun
	// ending in "viên" is a noun whatever its first syllable.
	if len(words) == 0 || countNotNoun[words[0]] && !(len(words) > 1 && words[len(words)-1] == "vien") {
		return ""
	}
	return strings.Join(words, " ")
}

// PersonNounAt: the folded word at i begins a person's noun of two
// syllables ending in "viên" ("đảng viên", "hội viên", "đoàn viên"): a
// noun, even where its first syllable folds to a function word's
// ("dang" is "đang" too) in a question typed without marks.
func PersonNounAt(ws []string, i int) bool {
	return i+1 < len(ws) && ws[i+1] == "vien"
}

var (
	englishNouns     map[string]string
	englishNounsOnce sync.Once
	// vietnameseNouns are the English forms of each Vietnamese noun of
	// the shipped glossary, folded: "phuong" → "ward", so that "bao nhiêu
	// phường" is answered by "25 wards" on an English page.
	vietnameseNouns map[string][]string
)

func loadNouns() {
	englishNounsOnce.Do(func() {
		englishNouns = map[string]string{}
		vietnameseNouns = map[string][]string{}
		g, err := defaultGlossary()
		if err != nil {
			return
		}
		for _, t := range g.English {
			var forms []string
			en := nounForm(t.Short)
			for _, l := range t.Long {
				f := Fold(l)
				forms = append(forms, f)
				if !slices.Contains(vietnameseNouns[f], en) {
					vietnameseNouns[f] = append(vietnameseNouns[f], en)
				}
			}
			englishNouns[strings.ToLower(t.Short)] = strings.Join(append(forms, en), "|")
		}
		// One-way terms translate an English question's noun; they are
		// no English form of a Vietnamese noun.
		for _, t := range g.EnglishAsked {
			k := strings.ToLower(t.Short)
			var forms []string
			if v := englishNouns[k]; v != "" {
				forms = strings.Split(v, "|")
			}
			var added []string
			for _, l := range t.Long {
				if f := Fold(l); !slices.Contains(forms, f) && !slices.Contains(added, f) {
					added = append(added, f)
				}
			}
			if len(forms) == 0 {
				// The Vietnamese first, as for two-way terms.
				added = append(added, nounForm(t.Short))
			}
			englishNouns[k] = strings.Join(append(forms, added...), "|")
		}
	})
}

// NounEnglish is the English forms of a Vietnamese noun of the shipped
// glossary, folded ("phuong" → "ward"): what an English page counts
// where a Vietnamese question counts that noun.
func NounEnglish(noun string) []string {
	loadNouns()
	return vietnameseNouns[noun]
}

// withTypo is withEnglish(noun), and for a person's noun in "viên" the
// glossary does not know, the one it knows that is one letter longer in
// the first syllable, when exactly one is: "hộ viên" is "hội viên" typed
// short. The noun as typed stays first ("ho vien|hoi vien|member"): a
// page may write it so.
func withTypo(noun string) string {
	loadNouns()
	first, rest, ok := strings.Cut(noun, " ")
	if !ok || rest != "vien" || vietnameseNouns[noun] != nil {
		return withEnglish(noun)
	}
	found := ""
	for n := range vietnameseNouns {
		f, r, ok := strings.Cut(n, " ")
		if !ok || r != "vien" || len(f) != len(first)+1 || !oneInserted(first, f) {
			continue
		}
		if found != "" {
			return noun // two readings: none is sure
		}
		found = n
	}
	if found == "" {
		return noun
	}
	return noun + "|" + withEnglish(found)
}

// oneInserted: long is short with one letter inserted.
func oneInserted(short, long string) bool {
	i := 0
	for i < len(short) && short[i] == long[i] {
		i++
	}
	return short[i:] == long[i+1:]
}

// withEnglish adds to a Vietnamese noun asked for its English forms.
func withEnglish(noun string) string {
	loadNouns()
	if en := vietnameseNouns[noun]; len(en) > 0 {
		return noun + "|" + strings.Join(en, "|")
	}
	return noun
}

// nounForm is a noun as counts are compared: folded, each English word in
// its EnglishForm ("Wards" → "ward").
func nounForm(s string) string {
	ws := strings.Fields(Fold(s))
	for i, w := range ws {
		ws[i] = EnglishForm(w)
	}
	return strings.Join(ws, " ")
}

// englishNoun translates the noun of "how many members" with the shipped
// English glossary into its Vietnamese forms, folded and joined by "|"
// ("members" → "thanh vien|hoi vien"). Words it does not know stay as
// written.
func englishNoun(s string) string {
	loadNouns()
	words := strings.Fields(s)
	// "number of the wards": the article is no noun.
	for len(words) > 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an") {
		words = words[1:]
	}
	// "district-level cadres" counts cadres: a word before "level" only
	// says which ones.
	for len(words) > 2 && words[1] == LevelWord {
		words = words[2:]
	}
	for n := len(words); n > 0; n-- {
		phrase := strings.Join(words[:n], " ")
		if v, ok := englishNouns[phrase]; ok {
			return v
		}
		if v, ok := englishNouns[strings.TrimSuffix(phrase, "s")]; ok {
			return v
		}
	}
	if len(words) == 0 {
		return ""
	}
	switch words[0] {
	case "are", "is", "were", "was", "do", "does", "did", "have", "has":
		return ""
	}
	return nounForm(words[0])
}

// Undated is a without the day asked: for comparing kinds of value only,
// where the value's text is not at hand.
func (a Asked) Undated() Asked {
	a.Day, a.Doc = false, ""
	return a
}

// Answers reports whether v is a value of a kind one of asked asks for.
// A count answers a count question when its noun starts with the noun
// asked, or the other way round ("hội viên" and "hội viên nữ"); a
// population answers a count of người or nhân khẩu and the other way round.
func Answers(asked []Asked, v Value) bool {
	for _, a := range asked {
		if a.matches(v) {
			return true
		}
	}
	return false
}

func (a Asked) matches(v Value) bool {
	switch {
	case a.Type == v.Type && a.Type != ValueCount:
		return !a.Day || v.HasDay()
	case a.Type == ValueCount && (v.Type == ValueCount || v.Type == ValuePopulation):
		if a.Noun == "" {
			return true
		}
		noun := nounForm(v.Noun)
		if v.Type == ValuePopulation {
			noun = "nguoi"
		}
		// "36 new communes" counts communes.
		for {
			first, rest, ok := strings.Cut(noun, " ")
			if !ok || !countAdjectives[first] {
				break
			}
			noun = rest
		}
		// "11 đơn vị xã, phường" counts xã: the classifier before the noun
		// counts nothing of its own (Lexicon.Classifiers).
		inner := ""
		for _, c := range classifierForms() {
			if rest, ok := strings.CutPrefix(noun, c+" "); ok {
				inner = rest
				break
			}
		}
		for _, n := range strings.Split(a.Noun, "|") {
			if strings.HasPrefix(noun+" ", n+" ") || strings.HasPrefix(n+" ", noun+" ") ||
				inner != "" && (strings.HasPrefix(inner+" ", n+" ") || strings.HasPrefix(n+" ", inner+" ")) ||
				sameHead(noun, n) || inner != "" && sameHead(inner, n) {
				return true
			}
		}
		return false
	case a.Type == ValuePopulation && v.Type == ValueCount:
		n := nounForm(v.Noun)
		return strings.HasPrefix(n, "nhan khau") || n == "nguoi" || strings.HasPrefix(n, "nguoi dan") ||
			n == "people" || n == "inhabitant" || n == "resident"
	case a.Type == ValuePhone && v.Type == ValueFax:
		return false
	}
	return false
}

// sameHead: two counted nouns of two syllables or more that begin with the
// same two ("đại biểu chính thức" for "bao nhiêu đại biểu dự"): a
// Vietnamese noun's head comes first, what follows qualifies it, and the
// question's words after the noun ("dự", "tham gia") are often the verb.
// Not a classifier ("đơn vị"), whose noun follows it: "đơn vị hành chính
// cấp xã" is not "đơn vị sự nghiệp".
func sameHead(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 || fa[0] != fb[0] || fa[1] != fb[1] {
		return false
	}
	head := fa[0] + " " + fa[1]
	for _, c := range classifierForms() {
		if head == c {
			return false
		}
	}
	return true
}

// docNumberRE: a question ending by asking which number ("… số mấy?",
// "… số bao nhiêu", "… số gì", "… số nào").
var docNumberRE = regexp.MustCompile(` so (?:may|bao nhieu|gi|nao|hieu (?:la )?gi) (?:(?:vay|a|nhi|the|ha|ad) )*$`)

// docNameFolded are the lexicon's document type names, folded.
var docNameFolded = sync.OnceValue(func() []string {
	var out []string
	for _, t := range Lexicon.DocTypes {
		for _, n := range t.Names {
			out = append(out, " "+Fold(n)+" ")
		}
	}
	return out
})

// docNumberAsked: the question names a document type and ends by asking
// "số mấy"; at is where the first type name starts.
func docNumberAsked(q string) (at int, ok bool) {
	if !docNumberRE.MatchString(q) {
		return 0, false
	}
	at = -1
	for _, n := range docNameFolded() {
		if i := strings.Index(q, n); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at, at >= 0
}

// agentNounRE is a noun of one or two syllables made a person's by
// "viên": "điện thoại viên" (an operator), "tổng đài viên", "hội viên".
var agentNounRE = regexp.MustCompile(` ([a-z]+)(?: ([a-z]+))? vien `)

// ordinalRE is "thứ mấy" after a word: after a sequence's noun ("kỳ họp
// thứ mấy", "xếp thứ mấy", "lần thứ mấy") it asks which one, not a day
// of the week ("vào thứ mấy", "làm việc thứ mấy").
var ordinalRE = regexp.MustCompile(` ([a-z]+) thu may `)

// ordinalBefore are the last syllables of the nouns whose "thứ mấy" asks
// which one of a sequence: a meeting or session (họp, hội nghị, phiên,
// kỳ: "họp kỳ thứ mấy"), a time (lần, đợt), a term (khóa), a rank (xếp,
// đứng, hạng). "định kỳ thứ mấy" asks the weekday of what recurs
// (periodicBefore).
var ordinalBefore = map[string]bool{
	"hop": true, "nghi": true, "phien": true, "lan": true, "khoa": true, "xep": true, "dung": true, "hang": true,
	"ky": true, "dot": true,
}

// periodicBefore: "định kỳ", "periodically": a "kỳ" after it is no
// sitting.
const periodicBefore = " dinh"

// englishWhBeforeRE: an English question word.
var englishWhBeforeRE = regexp.MustCompile(` (?:what|which|who|whom|whose|where|how) `)

// AskingWords is a question, folded and padded with a space at each end,
// with the words that look like asking for a field or a day but do not
// joined into one token each: an agent noun ("dien_thoai_vien" asks for
// no phone number) and an ordinal ("ky hop thu_may" asks for no weekday).
func AskingWords(q string) string {
	for {
		m := agentNounRE.FindStringSubmatchIndex(q)
		if m == nil {
			break
		}
		noun := q[m[2]:m[3]]
		if m[4] >= 0 {
			noun += "_" + q[m[4]:m[5]]
		}
		q = q[:m[0]] + " " + noun + "_vien " + q[m[1]:]
	}
	// "Which names will the province keep when it merges communes?": a
	// "when" after another question word starts a clause; it asks no date.
	if i := strings.Index(q, " when "); i > 0 && englishWhBeforeRE.MatchString(q[:i+1]) {
		q = q[:i] + " when_clause " + q[i+len(" when "):]
	}
	// "Which vice chairman takes reports by phone?" asks the person: the
	// phone is how the reports come, no field asked.
	if (strings.Contains(q, " who ") || englishTitleAsk(q)) && englishMeansRE.MatchString(q) {
		q = englishMeansRE.ReplaceAllStringFunc(q, func(m string) string {
			return " " + strings.ReplaceAll(strings.TrimSpace(m), " ", "_") + " "
		})
	}
	for {
		m := ordinalRE.FindStringSubmatchIndex(q)
		if m == nil || !ordinalBefore[q[m[2]:m[3]]] || q[m[2]:m[3]] == "ky" && strings.HasSuffix(q[:m[2]-1], periodicBefore) {
			break
		}
		q = q[:m[0]] + " " + q[m[2]:m[3]] + " thu_may " + q[m[1]:]
	}
	return q
}

// firstAskEnd is where the first phrase asking for a value of type t
// ends in q (with its space), -1 if none.
func firstAskEnd(q string, t ValueType) int {
	for _, r := range askRules {
		if r.t == t {
			if loc := r.re.FindStringIndex(q); loc != nil {
				return loc[1]
			}
		}
	}
	return -1
}

// firstAsk is where the first phrase asking for a value of type t starts
// in q, -1 if none.
func firstAsk(q string, t ValueType) int {
	for _, r := range askRules {
		if r.t == t {
			if loc := r.re.FindStringIndex(q); loc != nil {
				return loc[0]
			}
		}
	}
	return -1
}

// unitTypeNames are the lexicon's kinds of place folded ("phuong", "to dan
// pho"), the nouns a count of administrative units is asked with, each
// with the short forms pages count them by ("09 TDP"; one letter is too
// many other things).
var unitTypeNames = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, p := range Lexicon.PlacePrefixes {
		var shorts []string
		for _, s := range p.Short {
			if len(s) > 1 {
				shorts = append(shorts, Fold(s))
			}
		}
		m[Fold(p.Name)] = shorts
	}
	return m
})

// placeKindAt: the folded words from i begin with a kind of place of two
// syllables or more: "thi tran" is thị trấn, not the "thì" that ends a
// counted noun.
func placeKindAt(ws []string, i int) bool {
	for n := 2; n <= 3 && i+n <= len(ws); n++ {
		if _, ok := unitTypeNames()[strings.Join(ws[i:i+n], " ")]; ok {
			return true
		}
	}
	return false
}

// unitTypeList reads a counted noun made only of kinds of unit ("xa
// phuong", "thon xom to dan" cut short by the question's pattern) as each
// kind in Vietnamese and English joined by "|", so that a count of any of
// them answers: "68 communes and wards" counts the xã of "bao nhiêu xã,
// phường".
func unitTypeList(noun string) (string, bool) {
	ws := strings.Fields(noun)
	var kinds []string
	for len(ws) > 0 {
		k := 0
		for n := min(3, len(ws)); n > 0 && k == 0; n-- {
			if _, ok := unitTypeNames()[strings.Join(ws[:n], " ")]; ok {
				k = n
			}
		}
		// The pattern's last words may cut a kind short ("to dan").
		if part := strings.Join(ws, " "); len(ws) <= 2 {
			for _, p := range Lexicon.PlacePrefixes {
				if name := Fold(p.Name); strings.HasPrefix(name, part+" ") {
					ws, k = strings.Fields(name), len(strings.Fields(name))
					break
				}
			}
		}
		if k == 0 {
			return "", false // another noun: a body, "mấy xã nào" (which ones)
		}
		name := strings.Join(ws[:k], " ")
		kinds = append(kinds, withEnglish(name))
		kinds = append(kinds, unitTypeNames()[name]...)
		ws = ws[k:]
	}
	if len(kinds) == 0 {
		return "", false
	}
	return strings.Join(kinds, "|"), true
}

// CountsUnitType: the question counts a kind of administrative unit
// ("bao nhiêu phường", "how many wards"). Such a count is answered only by
// a count of that kind: the number of xã beside it is another fact, and a
// page that gives none does not answer.
func (a Asked) CountsUnitType() bool { return a.Type == ValueCount && a.units }

// AskNear lists the question's folded words within k words of a phrase
// asking for a value of a kind it asks (before and after it, not the
// phrase's own words): what the question says of the value itself — the
// event a date is of ("có hiệu lực từ ngày nào", "đăng ký trước ngày
// nào"), the change a count is of ("còn bao nhiêu xã", "giảm bao nhiêu"),
// the post a person holds ("Ai giữ chức Tổng Biên tập …"). A page states
// several values of that kind, and the one asked is written with these
// words beside it.
func AskNear(question string, k int) []string {
	q := " " + strings.Join(strings.FieldsFunc(Fold(question), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '&' || r == '\'')
	}), " ") + " "
	asking := AskingWords(unitWords(q))
	var spans [][2]int
	for _, r := range askRules {
		if loc := r.re.FindStringIndex(asking); loc != nil {
			spans = append(spans, [2]int{loc[0], loc[1]})
		}
	}
	for _, re := range []*regexp.Regexp{countAskRE, countAskEnRE} {
		if m := re.FindStringSubmatchIndex(asking); m != nil {
			// The noun counted is counted_noun's, not the count's
			// qualifier: the words after it are.
			spans = append(spans, [2]int{m[0], m[1]})
		}
	}
	seen := map[string]bool{}
	var out []string
	add := func(ws []string) {
		for _, w := range ws {
			if !seen[w] && !strings.Contains(w, "_") {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	for _, s := range spans {
		before := strings.Fields(asking[:s[0]])
		after := strings.Fields(asking[s[1]:])
		add(before[max(0, len(before)-k):])
		add(after[:min(k, len(after))])
	}
	return out
}
