package index

import (
	"cmp"
	"hash/maphash"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kyanhbot/kyanhbot/content"
)

// maxQuestionRunes bounds the work one message can cause; longer text is cut.
const maxQuestionRunes = 300

// intent is what kind of answer a question asks for; it steers ranking.
type intent int

const (
	wantNumber intent = 1 << iota
	wantAddress
	wantPhone
	wantFax
	wantEmail
	wantPerson
	wantDate
	wantSubject
	wantAuthor
	// wantName: "… là ai?", "who …": a named person. Unlike wantPerson (the
	// person responsible for an office, "chịu trách nhiệm"), it is not a
	// contact question: the answer is usually a sentence naming them.
	wantName
	// wantDuration: "bao lâu", "mất mấy ngày": a span of time.
	wantDuration
	// wantHotline: "hotline", "đường dây nóng", "trực ban": a contact's
	// hotline rather than its switchboard.
	wantHotline
	// wantReason: "vì sao", "tại sao", "why": a sentence that gives one.
	wantReason
	// wantPercent: "bao nhiêu %", "tỷ lệ": a percentage.
	wantPercent
	// wantTime: "mấy giờ", "giờ làm việc", "opening hours": a time of day.
	wantTime
)

const wantContact = wantAddress | wantPhone | wantFax | wantEmail | wantPerson

// concept is one thing the question asks about, with the ways it may be
// written: a syllable, or an abbreviation and its expansions, or an English
// word and its Vietnamese renderings. Each alternative is a folded syllable sequence.
type concept struct {
	alts [][]string
	// exact is the syllable as typed (lower case, canonical tones) when the
	// question was typed with accents: then "thi" means thi, not thị.
	exact string
	// translated marks a concept that came from an English word.
	translated bool
	// foreign marks an English word the glossary does not translate and
	// the articles never write: it cannot be matched, so it must not weigh
	// as a sign that nothing answers.
	foreign bool
	// own is how many of alts are the question's own spellings; the rest
	// (from own on) are English renderings added for English pages, which
	// must not change the concept's weight. 0 means all are its own.
	own int
	// span is, for a Vietnamese term of several syllables read as one
	// concept, the syllables it stands for: it weighs as much as they
	// did apart. 0 or 1 for any other concept.
	span int
	// year marks a year the question states: named by the unit, its
	// context, its article's title, or its article's lead and date.
	year bool
	// entity marks a named body, typed as an abbreviation or its expansion
	// ("MTTQ", "Hội đồng nhân dân"): an answer about another body does not
	// answer the question, however many other words it shares.
	entity bool
}

type docRef struct {
	key  string // docs field key: "18nq" or "18nqtw"
	num  string // number without leading zeros: "18"
	code string // type code: "nq"
}

// parsedQuery is a question taken apart; user text never reaches bleve's
// query-string parser.
type parsedQuery struct {
	raw      string
	folded   []string // folded syllables of the question, in order
	exact    []string // accented syllables (lower case, canonical tones) that carry a diacritic
	concepts []concept
	bigrams  []string
	intents  intent
	docs     []docRef
	english  bool
	// whichPlace: the question asks which places of a kind ("gồm những
	// xã nào", "sáp nhập với tỉnh nào", "which wards"): the answer names
	// a place the question does not.
	whichPlace uint32
	// counted is the noun a "bao nhiêu …"/"mấy …" question counts ("thon"
	// in "bao nhiêu thôn"): a number written right before it answers.
	counted string
	// countedWords are the question's words from the counted noun on (at
	// most maxNounWords): the noun of several syllables an English page
	// counts in its own words ("công chức" → "civil servants").
	countedWords []string
	// countedLong are the written-out names of a counted noun typed as
	// its short form ("bao nhiêu ĐVHC" counts đơn vị hành chính), folded.
	countedLong [][]string
	// required are the things the question names that an answer must name
	// too, each with its spellings: a place with its name ("phường An
	// Lạc"), a weekday, a deputy's title. Missing one, a unit speaks of a
	// neighbouring fact.
	required [][][]string
	// bodies are the bodies the question names by a body head and the
	// name after it ("Công an", "Ban Tuyên giáo", "Hội Nông dân"), each
	// with its spellings (bodiesNamed): an answer, its window or its
	// article's title or lead must name each, or it speaks of another
	// body — a contact block too, whose office is its own.
	bodies []concept
	// asked are the kinds of typed value the question asks for.
	asked []content.Asked
	// askNear are the question's words beside its asking phrase
	// (content.AskNear), folded: what it says of the value asked.
	askNear map[string]bool
	// phoneSure: a phone is the one kind of value asked, and not
	// only by "dt", which is diện tích as often as điện thoại.
	phoneSure bool
	// code: the question asks for a numeric code (content.Lexicon's
	// CodeLabels: "mã bưu chính", "area code"): an answer states digits.
	code bool
	// titles are the titles a who-question asks about ("Ai là Chủ tịch
	// …", "Who is the Director …"), with their spellings: the answer
	// itself, or the sentence before it, names the title, not another.
	titles [][][]string
	// titleBound tells, for each of titles, what the question writes right
	// after it: a body ("Chủ tịch UBND …"), English "of" ("Chairman of
	// the …"), or neither. A title the answer gives to another body
	// ("Chủ tịch HĐND", "Chairman of the Dak Lo …") is not the one asked.
	titleBound []bound
	// replaced is the person the question says the one asked replaced
	// ("thay ông X", "who replaced X"), folded: replacedHolds.
	replaced []string
	// titleLevel tells, for each of titles, the level of place its body
	// is of where the question writes one ("Chủ tịch UBND xã …": a
	// commune's), else -1 (levelAfter): the title of another level's body
	// ("Chủ tịch UBND huyện") is not the one asked.
	titleLevel []int
	// periods are the numbered periods the question names ("đợt 2", "kỳ
	// họp thứ 5"): an answer whose window, or else whose article's title,
	// numbers that period otherwise ("đợt 1/2019") and never as asked
	// speaks of another period.
	periods []period
	// change: the question asks for a change ("giảm bao nhiêu"), which a
	// count after a change word answers; otherwise it asks for a total.
	change bool
	// side: the side of a reorganisation the question asks about ("sau
	// sáp nhập", "trước khi sắp xếp", "hiện có"), see side.go.
	side side
	// deputy: a who-question asks for a deputy ("Phó Chủ tịch …"): the
	// title must be written as a deputy's, and only then.
	deputy bool
	// offices are the titles a question that is no who-question names as
	// its subject ("Bí thư Đảng ủy xã … tiếp công dân ngày nào"), with
	// what it writes after each (officeBound): a unit whose window names
	// office holders, none of them the one asked ("Chủ tịch UBND xã tiếp
	// công dân vào thứ Tư"), speaks of another official.
	offices     [][][]string
	officeBound []bound
	// untitled marks the question's syllables that start no title though
	// they fold as one: typed with other marks than the title's in an
	// accented question ("Hội truyền thống Trường Sơn" is no "Trưởng"),
	// or inside a place the question requires ("thôn Chanh" is no
	// "Chánh").
	untitled []bool
	// initials are the runs of capitals the question writes for a name
	// (initials.go), matched against each unit's window.
	initials []initialsRef
}

// bound is what a question writes right after a title it asks about.
type bound uint8

const (
	boundNone bound = iota
	boundBody       // a body's name: "UBND", "Hội Nông dân", "Sở Tư pháp"
	boundOf         // English "of (the) …"
)

// Question phrases: they tell what is asked, not what about. Folded forms,
// the lexicon's: the contact fields' asks (contactIntents), then the other
// kinds of answer (questionIntents).
type intentPhrase struct {
	phrase string
	want   intent
}

var intentPhrases = inWordForms(append(contactIntents(), questionIntents()...))

// inWordForms writes each phrase's words in the form a question's words
// are compared by ("opening hours" → "opening hour").
func inWordForms(ps []intentPhrase) []intentPhrase {
	for i, p := range ps {
		ws := strings.Fields(p.phrase)
		for j, w := range ws {
			ws[j] = content.EnglishForm(w)
		}
		ps[i].phrase = strings.Join(ws, " ")
	}
	return ps
}

// contactIntents are the lexicon's phrases asking for a contact field, with
// the intent each field is.
func contactIntents() []intentPhrase {
	var out []intentPhrase
	for _, f := range content.Lexicon.ContactFields {
		if want := contactKinds[f.Kind]; want != 0 {
			for _, a := range f.Asks {
				out = append(out, intentPhrase{a, want})
			}
		}
	}
	return out
}

// contactKinds are the intents of the lexicon's ContactFields kinds.
var contactKinds = map[string]intent{
	"phone": wantPhone, "hotline": wantPhone | wantHotline, "fax": wantFax, "email": wantEmail,
	"address": wantAddress, "person": wantPerson, "hours": wantTime,
}

// questionKinds are the intents of the lexicon's QuestionAsks kinds.
var questionKinds = map[string]intent{
	"number": wantNumber, "name": wantName, "author": wantAuthor, "date": wantDate, "reason": wantReason,
	"percent": wantPercent, "time": wantTime, "duration": wantDuration, "subject": wantSubject,
}

// questionIntents are the lexicon's phrases asking for a kind of answer,
// with the intent each kind is.
func questionIntents() []intentPhrase {
	var out []intentPhrase
	for _, q := range content.Lexicon.QuestionAsks {
		if want := questionKinds[q.Kind]; want != 0 {
			for _, a := range q.Asks {
				out = append(out, intentPhrase{a, want})
			}
		}
	}
	return out
}

// Function words, in their accented form: dropped from what must match, kept
// for bigrams. Folded forms are used for questions typed without accents,
// minus the ones that fold onto common content words.
var stopAccented = setOf(append(slices.Clip(content.Lexicon.FunctionWords), content.Lexicon.DoneWords...))

var stopFolded = func() map[string]bool {
	s := maps.Clone(vietnameseStopFold)
	for w := range englishStop {
		s[w] = true
	}
	return s
}()

// vietnameseStopFold are the folds of the Vietnamese function words that
// stand for one when typed without marks ("may" is "mấy", "can" "cần").
var vietnameseStopFold = func() map[string]bool {
	ambiguous := setOf(content.Lexicon.UnmarkedContent)
	s := map[string]bool{}
	for w := range stopAccented {
		if f := content.Fold(w); !ambiguous[f] {
			s[f] = true
		}
	}
	return s
}()

// stopVietnamese are stopFolded without the English function words that
// are also Vietnamese syllables ("an", "to", "in", "it", "my"): in a
// question typed without marks they are "An" of Nghệ An, "tổ", "in",
// "ít", "Mỹ" — content. An English question reads all of stopFolded.
var stopVietnamese = func() map[string]bool {
	s := maps.Clone(vietnameseStopFold)
	for w := range englishStop {
		if !content.CanBeSyllable(w) {
			s[w] = true
		}
	}
	return s
}()

// englishStop are the English function words, in their EnglishForm.
var englishStop = func() map[string]bool {
	s := map[string]bool{}
	for _, w := range content.Lexicon.EnglishStopWords {
		s[content.EnglishForm(w)] = true
	}
	return s
}()

func setOf(ws []string) map[string]bool {
	s := make(map[string]bool, len(ws))
	for _, w := range ws {
		s[w] = true
	}
	return s
}

// glossary is the content glossary prepared for matching questions.
type glossary struct {
	abbrev map[string][][]string // folded short form → folded expansions
	// words are the short forms written in lower case in the glossary:
	// everyday words for the terms articles use ("gộp" for sáp nhập), not
	// acronyms. Folded form → the form as written.
	words map[string]string
	// shorts are the short forms of more than one part ("TN&MT",
	// "LĐ-TB&XH"), matched as syllable sequences, longest first.
	shorts   []shortForm
	expands  [][]string          // folded expansion → its short forms, longest first (see expandOf)
	expShort map[string][]string // joined folded expansion → folded short forms
	// inferredExpands are the names the corpus spells out whose inferred
	// short forms it may also write ("Hội Văn học Nghệ thuật" and "Hội
	// VHNT" on one page), longest first, with inferredShort their short
	// forms: a question writing the name finds the text writing the short.
	inferredExpands [][]string
	inferredShort   map[string][]string
	// The positions in shorts, expands and inferredExpands of the
	// sequences starting with each word: a question is compared with the
	// few starting with one of its words, not with every sequence at
	// every word (the corpus infers thousands).
	shortsAt, expandsAt, inferredAt seqIndex
	shortSeqs                       [][]string    // the shorts' sequences, for shortsAt
	english                         []englishTerm // longest phrase first
	// englishWords are the words of the English glossary: a question made
	// of them is English even without function words ("decision no. 12").
	englishWords map[string]bool
	// vietnamese are the glossary's Vietnamese renderings of two syllables
	// or more, longest first, and toEnglish each rendering's English terms
	// (joined folded rendering → English phrases): a Vietnamese question
	// over an English page ("dân số" for "population").
	vietnamese []vietnameseTerm
	toEnglish  map[string][][]string
	// toEnglishAccented are, for a one-syllable rendering, its accented
	// spellings (folded → lower case, canonical tones): an accented
	// question's "đất" is not the "đặt" (located) the glossary renders.
	toEnglishAccented map[string][]string
	// byInitials are the glossary's Vietnamese names of three words or
	// more, and their tails from the second word on ("phục vụ hành chính
	// công" of "trung tâm phục vụ hành chính công"), by their initials
	// folded ("pvhcc"): a short form neither glossary nor corpus knows is
	// read as the one name its letters spell.
	byInitials map[string][][]string
	// bodies are the corpus's bodies named with a one-word head, as the
	// head and the next word, folded (content.Glossary's Bodies).
	bodies map[string]bool
}

type vietnameseTerm struct {
	folded   []string
	accented []string // lower case, canonical tones: an accented question must match them
}

type shortForm struct {
	short []string
	long  [][]string
}

type englishTerm struct {
	phrase []string   // folded English words
	vi     [][]string // folded Vietnamese renderings
}

func newGlossary(g content.Glossary) glossary {
	gl := glossary{abbrev: map[string][][]string{}, expShort: map[string][]string{}, englishWords: map[string]bool{}, words: map[string]string{}}
	// The terms' folded words are shared: each foldWords gives slices of
	// a folded string of its own, and the inferred long forms write a few
	// thousand words over and over (their folded strings were 3 MB of the
	// glossary's 21 at 10,000 synthetic articles).
	interned := map[string]string{}
	sharedFold := func(s string) []string {
		ws := foldWords(s)
		for i, w := range ws {
			c, ok := interned[w]
			if !ok {
				c = strings.Clone(w)
				interned[c] = c
			}
			ws[i] = c
		}
		return ws
	}
	for _, t := range g.Abbreviations {
		short := sharedFold(t.Short)
		if len(short) == 0 {
			continue
		}
		for _, l := range t.Long {
			exp := sharedFold(l)
			if len(exp) == 0 {
				continue
			}
			if len(short) == 1 {
				gl.abbrev[short[0]] = append(gl.abbrev[short[0]], exp)
				if t.Short == strings.ToLower(t.Short) {
					gl.words[short[0]] = lowerNormalize(t.Short)
				}
			} else if n := len(gl.shorts); n > 0 && slices.Equal(gl.shorts[n-1].short, short) {
				gl.shorts[n-1].long = append(gl.shorts[n-1].long, exp)
			} else {
				gl.shorts = append(gl.shorts, shortForm{short: short, long: [][]string{exp}})
			}
			// An everyday word stands for the term, not the other way
			// round: "sáp nhập" in a question stays two syllables that weigh
			// as such, rather than one concept that also accepts "gộp".
			if everydayWord(t.Short) {
				continue
			}
			key := strings.Join(exp, " ")
			if _, ok := gl.expShort[key]; !ok {
				gl.expands = append(gl.expands, exp)
			}
			gl.expShort[key] = append(gl.expShort[key], strings.Join(short, " "))
		}
	}
	// Inferred short forms stand for the names the articles write out
	// when a question types them; a name the question writes out stands
	// for its short forms only where the corpus writes them (parse).
	gl.inferredShort = map[string][]string{}
	gl.bodies = setOf(g.Bodies)
	for _, t := range g.Inferred {
		if short := sharedFold(t.Short); len(short) == 1 {
			for _, l := range t.Long {
				if exp := sharedFold(l); len(exp) > 0 {
					gl.abbrev[short[0]] = append(gl.abbrev[short[0]], exp)
					if len(exp) < 3 {
						continue
					}
					key := strings.Join(exp, " ")
					if _, ok := gl.inferredShort[key]; !ok {
						gl.inferredExpands = append(gl.inferredExpands, exp)
					}
					if !slices.Contains(gl.inferredShort[key], short[0]) {
						gl.inferredShort[key] = append(gl.inferredShort[key], short[0])
					}
				}
			}
		}
	}
	sort.SliceStable(gl.inferredExpands, func(i, j int) bool { return len(gl.inferredExpands[i]) > len(gl.inferredExpands[j]) })
	sort.SliceStable(gl.expands, func(i, j int) bool { return len(gl.expands[i]) > len(gl.expands[j]) })
	sort.SliceStable(gl.shorts, func(i, j int) bool { return len(gl.shorts[i].short) > len(gl.shorts[j].short) })
	gl.inferredAt = newSeqIndex(gl.inferredExpands)
	gl.expandsAt = newSeqIndex(gl.expands)
	gl.shortSeqs = make([][]string, len(gl.shorts))
	for i, sf := range gl.shorts {
		gl.shortSeqs[i] = sf.short
	}
	gl.shortsAt = newSeqIndex(gl.shortSeqs)
	// The two-way terms, then the one-way ones (EnglishAsked): a phrase
	// both list is one term with the forms of both.
	at := map[string]int{}
	for _, t := range append(slices.Clip(g.English), g.EnglishAsked...) {
		et := englishTerm{phrase: sharedFold(t.Short)}
		for _, l := range t.Long {
			if w := sharedFold(l); len(w) > 0 {
				et.vi = append(et.vi, w)
			}
		}
		if len(et.phrase) == 0 || len(et.vi) == 0 {
			continue
		}
		key := strings.Join(et.phrase, " ")
		if i, ok := at[key]; ok {
			for _, v := range et.vi {
				if !slices.ContainsFunc(gl.english[i].vi, func(e []string) bool { return slices.Equal(e, v) }) {
					gl.english[i].vi = append(gl.english[i].vi, v)
				}
			}
			continue
		}
		at[key] = len(gl.english)
		gl.english = append(gl.english, et)
		for _, w := range et.phrase {
			gl.englishWords[w] = true
		}
	}
	sort.SliceStable(gl.english, func(i, j int) bool { return len(gl.english[i].phrase) > len(gl.english[j].phrase) })
	gl.toEnglish = map[string][][]string{}
	gl.toEnglishAccented = map[string][]string{}
	for _, t := range append(slices.Clip(g.English), content.Lexicon.EnglishTitles...) {
		en := sharedFold(t.Short)
		if len(en) == 0 {
			continue
		}
		for _, l := range t.Long {
			vi := sharedFold(l)
			if len(vi) == 0 || strings.EqualFold(l, t.Short) {
				continue
			}
			key := strings.Join(vi, " ")
			if acc := words(l); len(vi) == 1 && len(acc) == 1 && !slices.Contains(gl.toEnglishAccented[key], acc[0]) {
				gl.toEnglishAccented[key] = append(gl.toEnglishAccented[key], acc[0])
			}
			if _, ok := gl.toEnglish[key]; !ok && len(vi) > 1 {
				gl.vietnamese = append(gl.vietnamese, vietnameseTerm{folded: vi, accented: words(l)})
			}
			if !slices.ContainsFunc(gl.toEnglish[key], func(e []string) bool { return slices.Equal(e, en) }) {
				gl.toEnglish[key] = append(gl.toEnglish[key], en)
			}
		}
	}
	sort.SliceStable(gl.vietnamese, func(i, j int) bool { return len(gl.vietnamese[i].folded) > len(gl.vietnamese[j].folded) })
	gl.byInitials = map[string][][]string{}
	addName := func(ws []string) {
		for k := 0; len(ws)-k >= minInitialsTyped; k++ {
			name := ws[k:]
			var b strings.Builder
			for _, w := range name {
				b.WriteByte(w[0])
			}
			key := b.String()
			if !slices.ContainsFunc(gl.byInitials[key], func(n []string) bool { return slices.Equal(n, name) }) {
				gl.byInitials[key] = append(gl.byInitials[key], name)
			}
		}
	}
	for _, t := range g.Abbreviations {
		for _, l := range t.Long {
			addName(sharedFold(l))
		}
	}
	for _, et := range gl.english {
		for _, v := range et.vi {
			addName(v)
		}
	}
	return gl
}

// seqIndex finds where the sequences of a list (the glossary's short
// forms, its expansions, the corpus's inferred names) are written in a
// question: the list's positions by a 64-bit hash of the whole sequence,
// and the lengths it holds. A question looks up each of its stretches of
// those lengths, not every sequence sharing a first word at every word (a
// corpus infers thousands: 10,000 synthetic articles put thousands under
// "uy ban"), and compares each sequence found with the stretch, so that
// two sequences of one hash are told apart. The hashes sit sorted in one
// slice, the positions beside them: a map keyed by each sequence joined
// held about 5 MB at 10,000 articles and 33 MB at 100,000.
type seqIndex struct {
	keys []uint64 // the sequences' hashes (seqHash), sorted
	at   []int32  // the list's position of the sequence hashed at keys[j]
	lens []int
	made bool // by newSeqIndex; a zero seqIndex compares every sequence
}

func newSeqIndex(seqs [][]string) seqIndex {
	type entry struct {
		h uint64
		k int32
	}
	var es []entry
	var key []byte
	x := seqIndex{made: true}
	for i, s := range seqs {
		if len(s) == 0 {
			continue
		}
		key = seqKey(key[:0], s)
		es = append(es, entry{maphash.Bytes(seqSeed, key), int32(i)})
		if !slices.Contains(x.lens, len(s)) {
			x.lens = append(x.lens, len(s))
		}
	}
	slices.SortFunc(es, func(a, b entry) int { return cmp.Or(cmp.Compare(a.h, b.h), cmp.Compare(a.k, b.k)) })
	x.keys, x.at = make([]uint64, len(es)), make([]int32, len(es))
	for j, e := range es {
		x.keys[j], x.at[j] = e.h, e.k
	}
	return x
}

// seqSeed seeds the sequences' hashes, for the process's life (the index
// is made again, never read back, by each process).
var seqSeed = maphash.MakeSeed()

// seqKey appends s's words to dst, each ended by a 0 byte (no word holds
// one).
func seqKey(dst []byte, s []string) []byte {
	for _, w := range s {
		dst = append(append(dst, w...), 0)
	}
	return dst
}

// seqMatch: the list's sequence k is written at the question's word i.
type seqMatch struct{ k, i int }

// in is where the sequences of list (which x indexes) are written in
// words, ordered by the sequence's position in the list, then by the
// word's: the order of a loop over the list, and over words for each.
// Without the index (a glossary not made by newGlossary) every sequence
// is compared at every word.
func (x seqIndex) in(words []string, list [][]string) []seqMatch {
	var out []seqMatch
	if !x.made {
		for k, seq := range list {
			for i := 0; i+len(seq) <= len(words); i++ {
				if len(seq) > 0 && slices.Equal(words[i:i+len(seq)], seq) {
					out = append(out, seqMatch{k, i})
				}
			}
		}
		return out
	}
	var key []byte
	for i := range words {
		for _, n := range x.lens {
			if i+n > len(words) {
				continue
			}
			key = seqKey(key[:0], words[i:i+n])
			h := maphash.Bytes(seqSeed, key)
			j, _ := slices.BinarySearch(x.keys, h)
			for ; j < len(x.keys) && x.keys[j] == h; j++ {
				if k := int(x.at[j]); slices.Equal(list[k], words[i:i+n]) {
					out = append(out, seqMatch{k, i})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b seqMatch) int { return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(a.i, b.i)) })
	return out
}

// englishAlts are the English terms of a Vietnamese spelling that the
// corpus writes: the other ways an English page names the concept.
//
// The glossary writes one form of a word ("receive", "establish",
// "merge") where a page writes another ("receiving", "established",
// "merger"): each form of the term's last word that the corpus's
// English units write counts too.
func (ix *Index) englishAlts(alt []string) [][]string {
	var out [][]string
	for _, en := range ix.gloss.toEnglish[strings.Join(alt, " ")] {
		for _, f := range inflections(en[len(en)-1]) {
			form := append(slices.Clone(en[:len(en)-1]), f)
			if (f == en[len(en)-1] || ix.enWords[f]) && ix.knows(form) &&
				!slices.ContainsFunc(out, func(o []string) bool { return slices.Equal(o, form) }) {
				out = append(out, form)
			}
		}
	}
	return out
}

// inflections are w and the forms of the English word w a page may write
// instead (receive: received, receiving; establish: established,
// establishment; merge: merged, merging, merger), in EnglishForm. Forms
// are guessed, not looked up: the caller keeps those the corpus writes.
func inflections(w string) []string {
	out := []string{w}
	if len(w) < 4 || syllableRe.MatchString(w) || !asciiWord(w) {
		return out
	}
	bases := []string{w}
	if b := stemEN(w); b != w {
		bases = append(bases, b, b+"e")
	}
	for _, b := range bases {
		for _, f := range []string{b, b + "s", b + "ed", b + "d", b + "ing", b + "ment", b + "r"} {
			if strings.HasSuffix(b, "e") && strings.HasSuffix(f, "eing") {
				continue
			}
			if f = content.EnglishForm(f); !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
		if t, ok := strings.CutSuffix(b, "e"); ok && len(t) >= 3 {
			if f := t + "ing"; !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func asciiWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// withEnglish adds to a Vietnamese question's concept the English terms
// of its spellings.
func (ix *Index) withEnglish(c concept) concept {
	n := len(c.alts)
	if c.own == 0 {
		c.own = n
	}
	for _, alt := range c.alts[:n] {
		// Typed with its marks, a syllable is rendered only as the
		// glossary's syllable with the same marks.
		if acc := ix.gloss.toEnglishAccented[strings.Join(alt, " ")]; c.exact != "" && len(alt) == 1 && len(acc) > 0 && !slices.Contains(acc, c.exact) {
			continue
		}
		for _, en := range ix.englishAlts(alt) {
			if !slices.ContainsFunc(c.alts, func(a []string) bool { return slices.Equal(a, en) }) {
				c.alts = append(c.alts, en)
			}
		}
	}
	return c
}

// foldWords splits folded text into its syllables (letters and digits
// runs), each in the form foldSyllable gives it.
func foldWords(s string) []string { return splitFolded(content.Fold(s)) }

// splitFolded is foldWords of text already folded.
func splitFolded(folded string) []string {
	ws := splitWords(folded)
	for i, w := range ws {
		ws[i] = content.EnglishForm(w)
	}
	return ws
}

// words splits normalised text (accents kept, lower case) into syllables.
func words(s string) []string {
	return splitWords(lowerNormalize(s))
}

func lowerNormalize(s string) string { return strings.ToLower(content.Normalize(s)) }

func hasDiacritic(w string) bool {
	for _, r := range w {
		if r > unicode.MaxASCII {
			return true
		}
	}
	return false
}

// Document references as people type them, on folded text:
// "18-nq/tw", "18 nq tw", "nq18", "nghi quyet so 18", "ket luan 05".
var (
	// docTypeNames maps a type's names, folded, to its key; from the
	// lexicon, as the content package reads the same names.
	docTypeNames = func() map[string]string {
		m := map[string]string{}
		for _, t := range content.Lexicon.DocTypes {
			for _, n := range t.Names {
				m[content.Fold(n)] = t.Key()
			}
		}
		return m
	}()
	docCodes = func() string {
		var keys []string
		for _, t := range content.Lexicon.DocTypes {
			keys = append(keys, t.Key())
		}
		sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
		return strings.Join(keys, "|")
	}()
	refNumCode = regexp.MustCompile(`\b0*(\d{1,5})\s*[-–]?\s*(` + docCodes + `)\b(?:\s*[/ ]\s*([a-z][a-z.]{0,5}[a-z]|[a-z]{1,2})\b)?`)
	refCodeNum = regexp.MustCompile(`\b(` + docCodes + `)\s*[-–]?\s*0*(\d{1,5})\b`)
	// State documents: "1234/QĐ-UBND", typed "1234/qd-ubnd" or "1234 qd ubnd";
	// with its year between ("09/2017/TT-BNV") the number is the first.
	refStateNum = regexp.MustCompile(`\b0*(\d{1,5})\s*/\s*(?:(?:19|20)\d\d\s*/\s*)?(` + docCodes + `)\s*[-–]\s*([a-z]{2,8}(?:\d\d)?)\b`)
	refNameNum  *regexp.Regexp
	// English names, for a foreign resident: "Decision No. 1234", "plan 98".
	docTypeNamesEN = func() map[string]string {
		m := map[string]string{}
		for _, t := range content.Lexicon.DocTypes {
			for _, n := range t.English {
				m[n] = t.Key()
			}
		}
		return m
	}()
	refNameNumEN *regexp.Regexp
	issuerNoise  = strings.NewReplacer(".", "")
)

func init() {
	var names []string
	for n := range docTypeNames {
		names = append(names, regexp.QuoteMeta(n))
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	refNameNum = regexp.MustCompile(`\b(` + strings.Join(names, "|") + `)(?:\s+so)?\s+0*(\d{1,5})\b`)
	names = names[:0]
	for n := range docTypeNamesEN {
		names = append(names, regexp.QuoteMeta(n))
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	refNameNumEN = regexp.MustCompile(`\b(` + strings.Join(names, "|") + `)s?(?:\s+(?:no|number))?\.?\s+0*(\d{1,5})\b(\s*/)?`)
}

// wordCount is how many of ws are w.
func wordCount(ws []string, w string) int {
	n := 0
	for _, x := range ws {
		if x == w {
			n++
		}
	}
	return n
}

// looksLikeYear: "the plan 2025" is about a year, not plan number 2025;
// a number followed by "/" ("2025/QĐ-UBND") is a document's.
func looksLikeYear(num string) bool {
	return len(num) == 4 && (strings.HasPrefix(num, "19") || strings.HasPrefix(num, "20"))
}

// parseDocRefs finds the documents a question names, and the syllables it
// used to name them (they are matched through the docs field instead).
func parseDocRefs(folded string) ([]docRef, map[string]bool) {
	var refs []docRef
	used := map[string]bool{}
	add := func(num, code, issuer string) {
		key := num + code
		if issuer != "" {
			if is := issuerNoise.Replace(issuer); !stopFolded[is] {
				key += is
			}
		}
		for _, r := range refs {
			if r.key == key {
				return
			}
		}
		refs = append(refs, docRef{key: key, num: num, code: code})
	}
	markWords := func(m string) {
		for _, w := range foldWords(m) {
			used[w] = true
		}
	}
	for _, m := range refStateNum.FindAllStringSubmatch(folded, -1) {
		add(m[1], m[2], m[3])
		markWords(m[0])
	}
	flat := slashApart.Replace(folded)
	for _, m := range refNumCode.FindAllStringSubmatch(flat, -1) {
		add(m[1], m[2], m[3])
		markWords(m[0])
	}
	for _, m := range refCodeNum.FindAllStringSubmatch(flat, -1) {
		add(m[2], m[1], "")
		markWords(m[0])
	}
	for _, m := range refNameNum.FindAllStringSubmatch(flat, -1) {
		add(m[2], docTypeNames[m[1]], "")
		used[m[2]] = true
		used["so"] = true
	}
	for _, m := range refNameNumEN.FindAllStringSubmatch(folded, -1) {
		if m[3] == "" && looksLikeYear(m[2]) {
			continue
		}
		add(m[2], docTypeNamesEN[m[1]], "")
		used[m[2]] = true
	}
	return refs, used
}

// parse takes a question apart. It never fails: odd input yields an empty query.
func (ix *Index) parse(question string) parsedQuery {
	q := content.RepairUTF8(question)
	if utf8.RuneCountInString(q) > maxQuestionRunes {
		q = string([]rune(q)[:maxQuestionRunes])
	}
	pq := parsedQuery{raw: q}
	q = spoken(q)
	accented := words(q)
	cased := splitWords(content.Normalize(q))
	pq.folded = make([]string, len(accented))
	for i, w := range accented {
		pq.folded[i] = foldSyllable(w)
		if hasDiacritic(w) {
			pq.exact = append(pq.exact, w)
		}
	}
	// Telex typed with the input method off ("so ddieenj thoaij"): a word
	// the corpus does not know, whose Telex reading it does, is read so.
	telex := make([]bool, len(accented))
	var docWords map[string]bool
	pq.docs, docWords = parseDocRefs(content.Fold(q))
	pq.english = looksEnglish(accented, docWords,
		// An English term the articles also write ("email", "fax") is no sign.
		func(w string) bool { w = foldSyllable(w); return ix.gloss.englishWords[w] && ix.df[w] == 0 },
		func(w string) bool { return ix.df[foldSyllable(w)] > 0 },
		// "departments", "mornings": a glossary word in another form.
		func(w string) bool { return ix.gloss.englishWords[w] || ix.gloss.englishWords[content.EnglishForm(w)] })
	for i, w := range pq.folded {
		if pq.english || ix.df[w] != 0 || len(w) < 3 || hasDiacritic(accented[i]) {
			continue
		}
		if d := telexFold(w); d != w && ix.df[d] > 0 {
			pq.folded[i], accented[i], telex[i] = d, d, true
		}
	}
	// A word the corpus never writes as typed, one edit from one it
	// writes beside the question's other words, is read as that one
	// (spell.go): "bao nhiu", "phường An Bìng", "buổi chìu".
	for i := range pq.folded {
		if pq.english || telex[i] || i < len(cased) && typedShort(cased[i]) {
			continue
		}
		c, ok := ix.correct(accented, pq.folded, i, i > 0 && i < len(cased) && startsUpper(cased[i]))
		if !ok {
			continue
		}
		// A capitalised word inside the question whose letters the
		// corpus writes is a name: only its marks are mended ("Thục
		// Phán", which an English page writes "Thuc Phan", is no
		// "thuộc").
		if i > 0 && i < len(cased) && startsUpper(cased[i]) && c.folded != pq.folded[i] && ix.df[pq.folded[i]] > 0 {
			continue
		}
		typed := accented[i]
		repl := c.exact
		if repl == "" {
			repl, telex[i] = c.folded, true
		}
		q = replaceWord(q, typed, repl)
		pq.folded[i], accented[i] = c.folded, repl
		if k := slices.Index(pq.exact, typed); k >= 0 {
			if c.exact != "" {
				pq.exact[k] = c.exact
			} else {
				pq.exact = slices.Delete(pq.exact, k, k+1)
			}
		}
	}
	// Ordinals typed with a digit ("nhiệm vụ thứ 3") as published in words
	// ("Thứ ba, …").
	for i := 1; i < len(pq.folded); i++ {
		if pq.folded[i-1] != ordinalMarker {
			continue
		}
		if o, ok := ordinals[pq.folded[i]]; ok {
			pq.folded[i], accented[i] = content.Fold(o), o
		}
	}
	qAccented := len(pq.exact) > 0 && !pq.english
	foldedText := " " + strings.Join(pq.folded, " ") + " "
	// "điện thoại viên" asks for no phone number.
	asking := content.AskingWords(foldedText)
	for _, ip := range intentPhrases {
		if strings.Contains(asking, " "+ip.phrase+" ") {
			pq.intents |= ip.want
		}
	}
	if strings.Contains(q, "%") {
		pq.intents |= wantPercent
	}
	pq.whichPlace = whichPlaces(pq.folded)
	pq.counted, pq.countedWords = countedNoun(pq.folded, accented, qAccented)
	if pq.counted != "" {
		pq.intents |= wantNumber
	}
	pq.countedLong = ix.shortCounted(pq.counted, cased, pq.folded)
	if pq.intents&wantAuthor != 0 {
		pq.intents &^= wantPerson | wantName // "ai viết" asks for the author, not an office's person in charge
	}

	// Walk the syllables: English phrases and abbreviation expansions become
	// concepts with alternatives; the rest are one-syllable concepts.
	used := make([]bool, len(pq.folded))
	inPhrase := make([]bool, len(pq.folded))
	// The words naming where the question read its fact ("theo bảng
	// thông tin", "according to the old English infobox") are no words
	// the answer holds.
	for i := 0; i < len(pq.folded); i++ {
		if n := sourcePhraseAt(pq.folded, i); n > 0 {
			markUsed(used, i, n)
			i += n - 1
		}
	}
	var named []bool // an English question's Vietnamese name syllables
	if pq.english {
		named = vietnameseNames(cased, pq.folded)
		for _, et := range ix.gloss.english {
			for i := 0; i+len(et.phrase) <= len(pq.folded); i++ {
				if anyUsed(used, i, len(et.phrase)) || !englishEqual(pq.folded[i:i+len(et.phrase)], et.phrase) {
					continue
				}
				if len(et.phrase) == 1 && named[i] {
					continue // "Tien" of Tan Tien ward is no "tiền", "Nam" of Nam Ke no "name"
				}
				if len(et.phrase) == 1 && isIntentWord(et.phrase[0], pq.intents) {
					continue // it says which field is wanted
				}
				c := concept{alts: append([][]string{et.phrase}, et.vi...), translated: true}
				if day := dayBeside(pq.folded, i, len(et.phrase)); day != "" {
					c.alts = append(c.alts, dayMonth(day, et.vi)...)
				}
				// Written in the corpus as asked, an English term weighs as
				// its own spelling does, not as its commonest rendering.
				if ix.knows(et.phrase) {
					c.own, c.span = 1, len(et.phrase)
				}
				pq.concepts = append(pq.concepts, c)
				markUsed(used, i, len(et.phrase))
			}
		}
	}
	// A Vietnamese name of the English glossary longer than the
	// expansions inside it ("trung tâm phục vụ hành chính công" holds
	// "hành chính công") is read whole first, with the glossary's short
	// forms of it, so an English page's "Public Administrative Service
	// Center" holds it.
	if !pq.english {
		ix.vietnameseTerms(&pq, accented, qAccented, used, inPhrase, true)
	}
	// Short forms of several parts, typed with their "&" and "-" or not.
	for _, m := range ix.gloss.shortsAt.in(pq.folded, ix.gloss.shortSeqs) {
		sf, i := ix.gloss.shorts[m.k], m.i
		if anyUsed(used, i, len(sf.short)) {
			continue
		}
		c := concept{alts: [][]string{sf.short}}
		c.alts = append(c.alts, sf.long...)
		c.entity = namesBody(c.alts)
		if !pq.english {
			c = ix.withEnglish(c)
		}
		pq.concepts = append(pq.concepts, c)
		markUsed(used, i, len(sf.short))
		markUsed(inPhrase, i, len(sf.short))
	}
	for _, m := range ix.gloss.expandsAt.in(pq.folded, ix.gloss.expands) {
		exp, i := ix.gloss.expands[m.k], m.i
		if anyUsed(used, i, len(exp)) {
			continue
		}
		c := concept{alts: [][]string{exp}, entity: namesBody([][]string{exp})}
		for _, s := range ix.gloss.expShort[strings.Join(exp, " ")] {
			c.alts = append(c.alts, strings.Fields(s))
		}
		if !pq.english {
			c = ix.withEnglish(c)
		}
		pq.concepts = append(pq.concepts, c)
		markUsed(used, i, len(exp))
		markUsed(inPhrase, i, len(exp))
	}
	// A name the corpus also writes as its inferred short form.
	for _, m := range ix.gloss.inferredAt.in(pq.folded, ix.gloss.inferredExpands) {
		exp, i := ix.gloss.inferredExpands[m.k], m.i
		if anyUsed(used, i, len(exp)) {
			continue
		}
		if !ix.writesInferredShort(exp) {
			continue
		}
		c := concept{alts: [][]string{exp}}
		for _, s := range ix.gloss.inferredShort[strings.Join(exp, " ")] {
			if ix.df[s] > 0 {
				c.alts = append(c.alts, []string{s})
			}
		}
		c.entity = true
		if !pq.english {
			c = ix.withEnglish(c)
		}
		pq.concepts = append(pq.concepts, c)
		markUsed(used, i, len(exp))
		markUsed(inPhrase, i, len(exp))
	}
	// A Vietnamese term of several syllables that the English glossary
	// renders, where the corpus writes the English ("hồ sơ trực tuyến",
	// "dân số"): one concept, so that an English page's "online records"
	// or "population" holds it.
	if !pq.english {
		ix.vietnameseTerms(&pq, accented, qAccented, used, inPhrase, false)
	}
	for i, w := range pq.folded {
		if used[i] {
			continue
		}
		// An abbreviation typed in capitals, or one that cannot be a
		// Vietnamese syllable ("tx", "tdp": no vowel), or a longer one that
		// is not also a common word ("TU" is Tỉnh ủy, "tu" is usually "từ").
		word, isWord := ix.gloss.words[w]
		if exps, ok := ix.gloss.abbrev[w]; ok && (isUpper(cased, i) || named == nil || !named[i]) && (isUpper(cased, i) || (isWord && (accented[i] == word || accented[i] == w)) ||
			(!isWord && strings.ReplaceAll(accented[i], "đ", "d") == w && (!hasVowel(w) || len(w) >= 3 && !isStopIn(accented[i], w, qAccented, pq.english) && !ix.writtenSyllable(w)))) {
			// The issuer in a document's code the question cites
			// ("NQ 08/NQ-HĐND") is the document's, matched as its number
			// is, not a body the answer must name.
			body := !docWords[w] || wordCount(pq.folded, w) > 1
			pq.concepts = append(pq.concepts, ix.shortFormConcept(w, body, pq.english, exps, ix.numberedShorts(w)))
			continue
		}
		// A short form typed in capitals and small letters ("QNg"), read
		// as the names its capitals stand for that it spells.
		if exps := ix.mixedShort(cased, i); len(exps) > 0 && ix.gloss.abbrev[w] == nil {
			pq.concepts = append(pq.concepts, ix.shortFormConcept(w, true, pq.english, exps))
			continue
		}
		// Two short forms typed as one ("CATP": công an thành phố). A
		// guess at a name, not a body the answer must name. Typed in
		// lower case ("tphcm"), letters no syllable has are one too.
		if exps := ix.joinedShorts(w); len(exps) > 0 && (isUpper(cased, i) || !content.CanBeSyllable(w)) && ix.gloss.abbrev[w] == nil {
			pq.concepts = append(pq.concepts, ix.shortFormConcept(w, false, pq.english, exps))
			continue
		}
		// A short form typed in capitals that neither the glossary nor
		// the corpus knows, whose letters spell one of the glossary's
		// names ("PVHCC": phục vụ hành chính công).
		if names := ix.gloss.byInitials[w]; len(names) == 1 && len(w) >= minInitialsTyped && isUpper(cased, i) &&
			ix.gloss.abbrev[w] == nil && ix.df[w] == 0 && !pq.english {
			pq.concepts = append(pq.concepts, ix.shortFormConcept(w, true, false, [][]string{names[0]}))
			continue
		}
		// One the glossary's names do not spell either: the words the
		// corpus writes out that it does ("DTTS": dân tộc thiểu số).
		if len(w) >= minInitialsTyped && isUpper(cased, i) && ix.gloss.abbrev[w] == nil && ix.df[w] == 0 && !pq.english {
			if run := ix.pairs.spelledRun(w); run != nil {
				pq.concepts = append(pq.concepts, ix.shortFormConcept(w, false, false, [][]string{run}))
				continue
			}
		}
		// A word whose marks no page writes, nor the typo reader mended
		// ("nầo", "nhũng", "nao" in an accented question), is read by its
		// letters, as a word typed without marks is: "xã nao" asks which.
		english := pq.english && !named[i]
		if ix.marksUnwritten(accented[i], w, english) || isStopIn(accented[i], w, qAccented, english) && !contentAfter(pq.folded, accented, i, qAccented) ||
			boundAfter(pq.folded, accented, i, qAccented) || nowWord(pq.folded, accented, i, qAccented) || isIntentWord(w, pq.intents) || docWords[w] {
			continue
		}
		// A year the question states is as decisive as
		// a named body: the 2019 figures do not answer for 2022.
		year := isDigits(w) && looksLikeYear(w)
		c := concept{alts: [][]string{{w}}, entity: year, year: year}
		if len(pq.exact) > 0 && !telex[i] {
			c.exact = accented[i]
		}
		c.foreign = pq.english && ix.df[w] == 0
		if pq.english && i < len(cased) && startsUpper(cased[i]) {
			if split := ix.joinedName(w); split != nil {
				c.alts, c.own, c.foreign = append(c.alts, split), 1, false
			}
		}
		if !pq.english {
			c = ix.withEnglish(c)
		}
		pq.concepts = append(pq.concepts, c)
	}
	for i := range pq.concepts {
		if pq.concepts[i].entity {
			pq.concepts[i] = ix.partShortAlts(pq.concepts[i])
		}
	}
	if !pq.english {
		pq.initials = questionInitials(pq.raw, pq.folded, docWords, func(ws []string) bool {
			for _, w := range ws {
				if ix.gloss.abbrev[w] == nil {
					return false
				}
			}
			return true
		})
	}
	stops := nameStops(content.Normalize(q), len(cased))
	pq.required = requiredNames(pq.folded, cased, stops, pq.intents, ix.bodyNotPlace)
	pq.required = notJoinedInitials(pq.required, pq.raw)
	// A place typed as its code ("tỉnh BL") is named by its name too.
	for i, r := range pq.required {
		if len(r) != 1 || len(r[0]) != 1 {
			continue
		}
		if exps := ix.gloss.abbrev[r[0][0]]; exps != nil && typedUpper(pq.folded, cased, r[0][0]) {
			pq.required[i] = append(slices.Clip(r), exps...)
		} else if j := slices.Index(pq.folded, r[0][0]); j >= 0 && exps == nil {
			if exps := ix.mixedShort(cased, j); len(exps) > 0 {
				pq.required[i] = append(slices.Clip(r), exps...)
			}
		}
	}
	if !pq.english {
		pq.required = append(pq.required, ix.placesNamed(pq.folded, accented, qAccented, pq.required, stops)...)
		pq.required = append(pq.required, ix.unnamedPlaces(pq.folded, accented, cased, qAccented, pq.required)...)
	}
	if !pq.english {
		// A name the glossary renders in English ("TP.HCM", HCMC) is
		// named by an English page in its English.
		for i, r := range pq.required {
			for _, alt := range r {
				for _, en := range ix.englishAlts(alt) {
					if !slices.ContainsFunc(pq.required[i], func(a []string) bool { return slices.Equal(a, en) }) {
						pq.required[i] = append(slices.Clip(pq.required[i]), en)
					}
				}
			}
		}
		pq.bodies = ix.bodiesNamed(&pq, cased, accented, qAccented)
	}
	pq.periods = append(periodsNamed(pq.folded), termsNamed(pq.folded)...)
	pq.change = asksChange(pq.folded)
	pq.side = sidesOf(pq.folded)
	pq.untitled = untitledAt(pq.folded, accented, qAccented, pq.required)
	// "Chủ tịch … tên là gì", "họ tên", "đồng chí nào" ask for the
	// person holding the title named, as "ai" does.
	asked := content.AskedTypes(q) // read once for both uses (its regexps were twice 4% of a question)
	if pq.intents&wantName == 0 && slices.ContainsFunc(asked, func(a content.Asked) bool { return a.Type == content.ValuePerson }) {
		if ts, _, _ := ix.namedTitles(pq.folded, pq.untitled); len(ts) > 0 {
			pq.intents |= wantName
		}
	}
	pq.titles, pq.titleBound, pq.titleLevel = ix.askedTitles(pq.folded, pq.untitled, pq.intents)
	if pq.intents&wantName == 0 {
		pq.offices, pq.officeBound, _ = ix.namedTitles(pq.folded, pq.untitled)
		if len(pq.offices) > 0 {
			ix.officeBodies(&pq)
		}
	}
	if pq.intents&wantName != 0 {
		n := len(pq.titles)
		pq.required, pq.titles = deputyAsTitle(pq.required, pq.titles)
		pq.deputy = len(pq.titles) > n
	}
	if pq.english {
		pq.required = append(pq.required, ix.englishNames(pq.folded, cased)...)
	}
	// The one the person asked replaced is named by the question, not
	// needed of the answer: "Phạm Hoàng Nam giữ chức Bí thư" answers
	// "who replaced Nguyễn Thanh Phong" without naming him.
	if pq.intents&wantName != 0 {
		if pq.replaced = replacedName(pq.folded, cased); pq.replaced != nil {
			pq.required = slices.DeleteFunc(pq.required, func(r [][]string) bool {
				return slices.ContainsFunc(r, func(alt []string) bool { return len(alt) >= 2 && containsSeq(pq.replaced, alt) })
			})
		}
	}
	// A name the glossary shortens is named by its short forms too: "Ho
	// Chi Minh City" asked over a page that writes "TP HCM".
	for i, r := range pq.required {
		for _, alt := range r {
			for _, sh := range ix.gloss.expShort[strings.Join(alt, " ")] {
				if f := strings.Fields(sh); !slices.ContainsFunc(pq.required[i], func(a []string) bool { return slices.Equal(a, f) }) {
					pq.required[i] = append(slices.Clip(pq.required[i]), f)
				}
			}
		}
	}
	pq.asked = asked // chat forms read: "bn" is "bao nhiêu"
	pq.asked = countLong(pq.asked, pq.counted, pq.countedLong)
	if len(pq.asked) > 0 {
		pq.askNear = askNearWords(q)
	}
	pq.phoneSure = asksPhoneSurely(q, pq.asked)
	pq.code = asksCode(pq.folded)
	// Bigrams inside a phrase that has other spellings (an expansion of an
	// abbreviation) are left to the concept, which already matches either form.
	for i := 0; i+1 < len(pq.folded); i++ {
		a, b := pq.folded[i], pq.folded[i+1]
		if (isStopIn(accented[i], a, qAccented, pq.english) && isStopIn(accented[i+1], b, qAccented, pq.english)) || (inPhrase[i] && inPhrase[i+1]) {
			continue
		}
		pq.bigrams = append(pq.bigrams, a+" "+b)
	}
	return pq
}

// vietnameseTerms reads the question's Vietnamese terms that the English
// glossary renders and the corpus writes in English; long: only those
// longer than an abbreviation's expansion inside them, with their short
// forms.
func (ix *Index) vietnameseTerms(pq *parsedQuery, accented []string, qAccented bool, used, inPhrase []bool, long bool) {
	for _, vt := range ix.gloss.vietnamese {
		n := len(vt.folded)
		if long && n < longTerm {
			break // longest first
		}
		for i := 0; i+n <= len(pq.folded); i++ {
			if anyUsed(used, i, n) || !slices.Equal(pq.folded[i:i+n], vt.folded) ||
				(qAccented && !slices.Equal(accented[i:i+n], vt.accented)) {
				continue
			}
			en := ix.englishAlts(vt.folded)
			if len(en) == 0 || ix.insideLongerName(pq.folded, i, n) {
				continue
			}
			c := concept{alts: append([][]string{vt.folded}, en...), own: 1, span: n}
			if long {
				if !ix.holdsExpansion(vt.folded) || askingPhrases[strings.Join(vt.folded, " ")] {
					continue
				}
				key := strings.Join(vt.folded, " ")
				for _, s := range append(slices.Clip(ix.gloss.expShort[key]), ix.gloss.inferredShort[key]...) {
					c.alts = append(c.alts, strings.Fields(s))
				}
				markUsed(inPhrase, i, n)
			}
			pq.concepts = append(pq.concepts, c)
			markUsed(used, i, n)
		}
	}
}

// insideLongerName: the question's syllables i..i+n lie inside a longer
// name the glossary expands ("trung tâm hành chính" inside "trung tâm
// hành chính công" of TTHCC), which is read whole instead.
func (ix *Index) insideLongerName(folded []string, i, n int) bool {
	for k, list := range [][][]string{ix.gloss.expands, ix.gloss.inferredExpands} {
		for _, exp := range list {
			m := len(exp)
			if m <= n {
				continue
			}
			// An inferred name is read whole only where the corpus writes
			// its short form (parse): one it never writes ("SSX" from a
			// sentence opening "Sau sắp xếp") leaves the term inside it
			// to be read.
			if k == 1 && !ix.writesInferredShort(exp) {
				continue
			}
			for j := max(0, i+n-m); j <= i && j+m <= len(folded); j++ {
				if slices.Equal(folded[j:j+m], exp) {
					return true
				}
			}
		}
	}
	return false
}

// writesInferredShort: the corpus writes one of the short forms
// inferred for exp, so a question's exp is read as that name.
func (ix *Index) writesInferredShort(exp []string) bool {
	for _, s := range ix.gloss.inferredShort[strings.Join(exp, " ")] {
		if ix.df[s] > 0 {
			return true
		}
	}
	return false
}

// askingPhrases are the phrases that say what is asked ("số điện
// thoại"): a term read whole before the expansions must be something
// asked about ("điện thoại viên"), not one of them.
var askingPhrases = func() map[string]bool {
	m := map[string]bool{}
	for _, ip := range intentPhrases {
		m[ip.phrase] = true
	}
	return m
}()

// minInitialsTyped is the fewest letters of a short form read by its
// initials (glossary.byInitials): two letters spell too many names.
const minInitialsTyped = 3

// longTerm is the fewest syllables of a Vietnamese term read before the
// abbreviations' expansions inside it: a body's name or a person's
// ("điện thoại viên" is an operator, not "điện thoại"), not a word.
const longTerm = 3

// holdsExpansion: a shorter abbreviation expansion lies inside term.
func (ix *Index) holdsExpansion(term []string) bool {
	for _, exp := range ix.gloss.expands {
		if len(exp) < len(term) && containsSeq(term, exp) {
			return true
		}
	}
	return false
}

// placePrefixes are the words before a place's name, folded, from the
// lexicon: each name and its short forms.
var placePrefixes = func() [][]string {
	var out [][]string
	for _, p := range content.Lexicon.PlacePrefixes {
		out = append(out, foldWords(p.Name))
		for _, s := range p.Short {
			out = append(out, foldWords(s))
		}
	}
	return out
}()

// placePrefixAccents are placePrefixes as written with their accents,
// lower case; nil for the short forms, which have none.
var placePrefixAccents = func() [][]string {
	var out [][]string
	for _, p := range content.Lexicon.PlacePrefixes {
		out = append(out, words(p.Name))
		for range p.Short {
			out = append(out, nil)
		}
	}
	return out
}()

// writesAccents: a third or more of a question's words carry a
// diacritic. Its writer types accents, so a word written without them
// is meant so: "Ban Tiếp công dân" is no village ("bản") named Tiếp, and
// "địa phương 02 cấp" no ward ("phường") 02.
func writesAccents(cased []string) bool {
	n := 0
	for _, w := range cased {
		if hasDiacritic(w) {
			n++
		}
	}
	return len(cased) > 0 && 3*n >= len(cased)
}

// sameAccents: the question's words ws, lower-cased, are want.
func sameAccents(ws, want []string) bool {
	if len(ws) != len(want) {
		return false
	}
	for i, w := range ws {
		if lowerNormalize(w) != want[i] {
			return false
		}
	}
	return true
}

// titleHeads are titles that "phó" makes a deputy's, folded.
var titleHeads = func() [][]string {
	var out [][]string
	for _, t := range content.Lexicon.HeadTitles {
		out = append(out, foldWords(t))
	}
	return out
}()

// askedTitles are the titles a who-question names (see parsedQuery.titles),
// with what the question writes after each.
func (ix *Index) askedTitles(folded []string, untitled []bool, in intent) ([][][]string, []bound, []int) {
	if in&wantName == 0 {
		return nil, nil, nil
	}
	return ix.namedTitles(folded, untitled)
}

// officeBodies marks as a named body (concept.entity) the body written
// right after an office the question names ("Bí thư Đảng ủy xã …"): an
// answer, its window or its article's title must name it, so a notice of
// the commune's People's Committee does not answer for its Party
// committee's secretary.
func (ix *Index) officeBodies(pq *parsedQuery) {
	for i := 0; i < len(pq.folded); i++ {
		if i < len(pq.untitled) && pq.untitled[i] {
			continue
		}
		t := titleSpellings(pq.folded, i)
		if t == nil {
			continue
		}
		body := ix.bodyAt(pq.folded, i+len(t[0]))
		if body == nil {
			continue
		}
		for k := range pq.concepts {
			if slices.ContainsFunc(pq.concepts[k].alts, func(a []string) bool { return slices.Equal(a, body) }) {
				pq.concepts[k].entity = true
			}
		}
	}
}

// namedTitles are the titles the question names, with what it writes
// after each.
func (ix *Index) namedTitles(folded []string, untitled []bool) ([][][]string, []bound, []int) {
	var out [][][]string
	var bounds []bound
	var levels []int
	for i := 0; i < len(folded); i++ {
		if i < len(untitled) && untitled[i] {
			continue
		}
		if t := titleSpellings(folded, i); t != nil {
			out = append(out, t)
			i += len(t[0]) - 1
			b := boundNone
			l := -1
			switch {
			case i+1 < len(folded) && folded[i+1] == "of":
				b = ix.boundAfterOf(folded, i+2)
			case ix.bodyAt(folded, i+1) != nil:
				b = boundBody
				l = levelAfter(folded, nil, i+1)
			}
			bounds = append(bounds, b)
			levels = append(levels, l)
		}
	}
	return out, bounds, levels
}

// boundAfterOf is what a title's "of" binds it to, read from k on: a
// body ("Chairman of the Gia Lai People's Committee"), or a place only
// ("Chairman of Tan Doan commune"), which binds it to no body, as "Chủ
// tịch xã Tân Đoàn" does not: the commune's chairman is its People's
// Committee's, and a Vietnamese page names him "Chủ tịch UBND xã".
// Bodies and places are the English glossary's terms whose Vietnamese
// starts with a body's head or is a place's prefix; a name of neither
// binds to a body, as before.
func (ix *Index) boundAfterOf(folded []string, k int) bound {
	if k < len(folded) && slices.Contains(content.Lexicon.EnglishArticles, folded[k]) {
		k++
	}
	place := false
	for j := k; j < len(folded) && j < k+6 && !englishStop[folded[j]]; j++ {
		for _, et := range ix.gloss.english {
			if j+len(et.phrase) > len(folded) || !englishEqual(folded[j:j+len(et.phrase)], et.phrase) {
				continue
			}
			switch {
			case slices.ContainsFunc(et.vi, func(v []string) bool { return ix.bodyAt(v, 0) != nil }):
				return boundOf
			case slices.ContainsFunc(placePrefixes, func(p []string) bool { return len(et.vi) > 0 && slices.Equal(et.vi[0], p) }):
				place = true
			}
		}
	}
	if place {
		return boundNone
	}
	return boundOf
}

// periodWords are the lexicon's Periods, folded, longest first.
var periodWords = foldedLongestFirst(content.Lexicon.Periods)

// termWords are the lexicon's Terms, folded, longest first: a period
// word numbered by a year.
var termWords = foldedLongestFirst(content.Lexicon.Terms)

// foldedLongestFirst folds each phrase into words and puts the longest
// first, so a longer phrase is tried before a phrase it begins with.
func foldedLongestFirst(phrases []string) [][]string {
	var out [][]string
	for _, p := range phrases {
		out = append(out, foldWords(p))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// termYear is the year w writes as a term's first year, or 0.
func termYear(w string) int {
	if len(w) != 4 || !isDigits(w) {
		return 0
	}
	n, _ := strconv.Atoi(w)
	if n < 1945 || n > 2100 {
		return 0
	}
	return n
}

// termsNamed are the terms a question numbers by their first year
// ("nhiệm kỳ 2020 - 2025"), as periods.
func termsNamed(folded []string) []period {
	var out []period
	for i := 0; i < len(folded); i++ {
		for _, p := range termWords {
			j := i + len(p)
			if j >= len(folded) || !slices.Equal(folded[i:j], p) {
				continue
			}
			if n := termYear(folded[j]); n > 0 {
				out = append(out, period{p, n})
				i = j
			}
			break
		}
	}
	return out
}

// ordinalWords are the numbers 1–10 as an ordinal writes them after
// "thứ", folded ("thứ nhất", "thứ tư").
var ordinalWords = func() map[string]int {
	m := make(map[string]int, len(content.Lexicon.Ordinals))
	for i, w := range content.Lexicon.Ordinals {
		m[content.Fold(w)] = i + 1
	}
	return m
}()

// period is a numbered period: its word, folded, and its number.
type period struct {
	word []string
	n    int
}

// periodsNamed are the numbered periods a question names (see
// parsedQuery.periods).
func periodsNamed(folded []string) []period {
	var out []period
	for i := 0; i < len(folded); i++ {
		for _, p := range periodWords {
			if i+len(p) > len(folded) || !slices.Equal(folded[i:i+len(p)], p) {
				continue
			}
			j := i + len(p)
			thu := j < len(folded) && folded[j] == ordinalMarker
			if thu {
				j++
			}
			if j >= len(folded) {
				break
			}
			n := ordinalValue(folded[j], thu)
			if n == 0 {
				break
			}
			out = append(out, period{p, n})
			i = j
			break
		}
	}
	return out
}

// ordinalValue is the number w writes as a period's ordinal: digits (not a
// year), a Roman numeral, or after "thứ" a number's word; 0 if none.
func ordinalValue(w string, afterThu bool) int {
	if isDigits(w) {
		n, err := strconv.Atoi(w)
		if err != nil || n < 1 || n > 40 {
			return 0
		}
		return n
	}
	if n := romanValue(w); n > 0 {
		return n
	}
	if afterThu {
		return ordinalWords[w]
	}
	return 0
}

// romanValue is the value of a Roman numeral in lower case up to 40, or 0.
func romanValue(w string) int {
	for n := 1; n <= 40; n++ {
		if roman(n) == w {
			return n
		}
	}
	return 0
}

func roman(n int) string {
	var b strings.Builder
	for _, r := range []struct {
		v int
		s string
	}{{40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for ; n >= r.v; n -= r.v {
			b.WriteString(r.s)
		}
	}
	return b.String()
}

// periodBefore: a period's word ends right before ws[i] — "kỳ họp thứ
// bảy" is the seventh sitting, not a Saturday.
func periodBefore(ws []string, i int) bool {
	for _, p := range periodWords {
		if i >= len(p) && slices.Equal(ws[i-len(p):i], p) {
			return true
		}
	}
	return false
}

// periodIn tells how ws numbers the period's word: 1 as asked (in
// digits, a Roman numeral or words: "đợt 2", "đợt II", "kỳ họp thứ
// hai"), -1 only otherwise ("đợt 1/2019"), 0 not at all.
func periodIn(ws []string, p period) int {
	other := false
	for i := 0; i+len(p.word) < len(ws); i++ {
		if !slices.Equal(ws[i:i+len(p.word)], p.word) {
			continue
		}
		j := i + len(p.word)
		thu := ws[j] == ordinalMarker
		if thu && j+1 < len(ws) {
			j++
		}
		n := ordinalValue(ws[j], thu)
		if p.n > 40 {
			n = termYear(ws[j])
		}
		switch {
		case n == p.n:
			return 1
		case n > 0:
			other = true
		}
	}
	if other {
		return -1
	}
	return 0
}

// bodyHeads are the lexicon's BodyHeads, folded, longest first.
var bodyHeads = func() [][]string {
	var out [][]string
	for _, h := range content.Lexicon.BodyHeads {
		out = append(out, foldWords(h))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}()

// bodiesNamed are the bodies the question names with a body head of the
// lexicon and the name words after it ("công an", "ban tuyên giáo", "hội
// nông dân"), each with the glossary's short forms of it ("CA"), but for
// those a named body of the glossary already reads ("Ủy ban nhân dân").
// A one-word head ("Ban", "Hội", "Sở") is as often a kind or another word
// ("ban hành", "hội nghị", "bạn"): it names a body only before a name
// word the corpus writes capitalised after it ("Ban Tuyên giáo"), or the
// question does, and typed with the head's marks in an accented question.
// The name stops at a place (its prefix or a name the question requires),
// a function word, another body, a title, the words saying what is asked
// or a word no page writes (a typo, which the answer cannot name as
// typed): "Công an thị xã Kỳ Anh" names "công an".
func (ix *Index) bodiesNamed(pq *parsedQuery, cased, accented []string, qAccented bool) []concept {
	inRequired := map[string]bool{}
	for _, r := range pq.required {
		for _, alt := range r {
			for _, w := range alt {
				inRequired[w] = true
			}
		}
	}
	var out []concept
	for i := 0; i < len(pq.folded); i++ {
		h := ix.bodyHeadAt(pq.folded, i)
		if h == nil {
			continue
		}
		at, k := i, i+len(h)
		if len(h) == 1 && qAccented && !headMarks[accented[at]] {
			continue
		}
		// The name, after a one-word head: a word the corpus writes
		// capitalised after the head, or the question does, and the word
		// after it. A head of two words or more is a kind of body of its
		// own ("Công an", "Tỉnh ủy", "Trung tâm"), and a place's name
		// follows it more often than the body's ("Công an TPHCM").
		var name []string
		if len(h) == 1 && k < len(pq.folded) && (ix.gloss.bodies[h[0]+" "+pq.folded[k]] ||
			k < len(cased) && startsUpper(cased[at]) && startsUpper(cased[k])) {
			for ; k < len(pq.folded) && len(name) < maxBodyName; k++ {
				w := pq.folded[k]
				if isStopIn(accented[k], w, qAccented, false) || isPlacePrefixAt(pq.folded, k) || ix.bodyAt(pq.folded, k) != nil ||
					isIntentWord(w, pq.intents) || isDigits(w) || inRequired[w] || ix.df[w] == 0 || ix.gloss.abbrev[w] != nil && (isUpper(cased, k) || !content.CanBeSyllable(w)) ||
					titleSpellings(pq.folded, k) != nil || len(name) > 0 && k < len(cased) && startsUpper(cased[k]) {
					break
				}
				name = append(name, w)
			}
		}
		i = at + len(h) + len(name) - 1
		if len(h) == 1 && len(name) == 0 {
			continue
		}
		body := append(slices.Clip(h), name...)
		// A term the question's reading already holds whole ("trung tâm
		// phục vụ hành chính công", with its short and English forms) is
		// the body with all its spellings.
		if c, ok := ix.readWhole(pq.concepts, body); ok {
			if !c.entity {
				out = append(out, concept{alts: c.alts, own: c.own})
			}
			continue
		}
		alts := [][]string{body}
		key := strings.Join(body, " ")
		for _, s := range append(slices.Clip(ix.gloss.expShort[key]), ix.gloss.inferredShort[key]...) {
			if a := strings.Fields(s); !slices.ContainsFunc(alts, func(b []string) bool { return slices.Equal(a, b) }) {
				alts = append(alts, a)
			}
		}
		for _, t := range content.Lexicon.TypedShorts {
			if len(t.Long) == 1 && slices.Equal(foldWords(t.Long[0]), body) {
				alts = append(alts, foldWords(t.Short))
			}
		}
		// A head of two words named alone ("chủ tịch mặt trận phường") is
		// the body whose full name it opens, written by that name's short
		// form too ("Chủ tịch MTTQ phường": Mặt trận Tổ quốc).
		if len(name) == 0 && len(h) > 1 {
			for _, s := range ix.headShorts(h) {
				if !slices.ContainsFunc(alts, func(b []string) bool { return slices.Equal(s, b) }) {
					alts = append(alts, s)
				}
			}
		}
		out = append(out, ix.withEnglish(concept{alts: alts}))
	}
	// A short form typed for a head of two words ("CA" for công an), and
	// for nothing else ("TT" is as often thị trấn as trung tâm), names
	// that body as the head written out does.
	for _, c := range pq.concepts {
		if c.entity || c.year || slices.ContainsFunc(out, func(b concept) bool { return slices.Equal(b.alts[0], c.alts[0]) }) {
			continue
		}
		if headsOnly(c.alts[1:max(1, c.own)]) {
			out = append(out, concept{alts: c.alts, own: c.own})
		}
	}
	return out
}

// headShorts are the glossary's short forms of the names that head h
// opens ("mặt trận" opens Mặt trận Tổ quốc, MTTQ), in the glossary's order.
func (ix *Index) headShorts(h []string) [][]string {
	var out [][]string
	for _, exp := range ix.gloss.expands {
		if len(exp) <= len(h) || !slices.Equal(exp[:len(h)], h) {
			continue
		}
		for _, s := range ix.gloss.expShort[strings.Join(exp, " ")] {
			out = append(out, strings.Fields(s))
		}
	}
	return out
}

// bodyAlts are the spellings of each of the bodies the question names.
func (pq *parsedQuery) bodyAlts() [][][]string {
	out := make([][][]string, len(pq.bodies))
	for i, b := range pq.bodies {
		out[i] = b.alts
	}
	return out
}

// headsOnly: there are spellings, and each is a body head of two words
// or more.
func headsOnly(alts [][]string) bool {
	for _, a := range alts {
		if len(a) < 2 || !slices.ContainsFunc(bodyHeads, func(h []string) bool { return slices.Equal(h, a) }) {
			return false
		}
	}
	return len(alts) > 0
}

// maxBodyName bounds the name words read after a body's head: two tell
// "Sở Tài chính" from "Sở Tài nguyên".
const maxBodyName = 2

// headMarks are the lexicon's one-word BodyHeads in lower case with
// their marks: typed otherwise ("bạn", "bảo"), the word is no head.
var headMarks = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range content.Lexicon.BodyHeads {
		if !strings.Contains(h, " ") {
			m[lowerNormalize(h)] = true
		}
	}
	return m
}()

// bodyHeadAt is the lexicon's body head written at ws[k], longest first;
// nil if none.
func (ix *Index) bodyHeadAt(ws []string, k int) []string {
	for _, h := range bodyHeads {
		if k+len(h) <= len(ws) && slices.Equal(ws[k:k+len(h)], h) {
			return h
		}
	}
	return nil
}

// readWhole is the concept of the question's reading one of whose
// spellings holds body's words ("ủy ban" in "ủy ban nhân dân", "thị ủy"
// with its short form "ThU"), if any.
func (ix *Index) readWhole(cs []concept, body []string) (concept, bool) {
	for _, c := range cs {
		if c.year {
			continue
		}
		for _, a := range c.alts[:max(1, c.own)] {
			if len(a) > 1 && containsSeq(a, body) {
				return c, true
			}
		}
	}
	return concept{}, false
}

// bodyAt is the body's head written at ws[k] ("ủy ban", "hội"), or an
// abbreviation naming a body ("hđnd"); nil if none.
func (ix *Index) bodyAt(ws []string, k int) []string {
	if k >= len(ws) {
		return nil
	}
	if h := ix.bodyHeadAt(ws, k); h != nil {
		return h
	}
	if exps := ix.gloss.abbrev[ws[k]]; exps != nil && namesBody(exps) {
		return ws[k : k+1]
	}
	return nil
}

// titleSaid: ws writes one of the title's spellings as the question asks
// it — a deputy's if and only if a deputy is asked, and not given to a
// body the question does not name ("Chủ tịch HĐND" for "Chủ tịch UBND …",
// "Chairman of the Dak Lo …" for "Chairman of the Binh Son …").
func (ix *Index) titleSaid(ws, acc []string, title [][]string, deputy bool, b bound, level int, qWords map[string]bool) bool {
	for _, sp := range title {
		for p := 0; p+len(sp) <= len(ws); p++ {
			if !slices.Equal(ws[p:p+len(sp)], sp) {
				continue
			}
			if deputyBefore(ws, p) != deputy || titledNameAt(ws, p) {
				continue
			}
			// A former holder ("nguyên Chủ tịch") is not the one asked,
			// unless the question asks for a former one too.
			if len(acc) == len(ws) && p > 0 && formerTitle[acc[p-1]] && !qWords[content.Fold(acc[p-1])] {
				continue
			}
			if b != boundNone && ix.otherBody(ws, p+len(sp), qWords) {
				continue
			}
			if b == boundBody && !levelsAgree(level, levelAfter(ws, acc, p+len(sp))) {
				continue
			}
			return true
		}
	}
	return false
}

// formerTitle are the lexicon's FormerTitle, lower case with their marks.
var formerTitle = setOf(content.Lexicon.FormerTitle)

// titledNames are the lexicon's TitledNames, folded.
var titledNames = func() [][]string {
	var out [][]string
	for _, n := range content.Lexicon.TitledNames {
		out = append(out, foldWords(n))
	}
	return out
}()

// titledNameAt: ws[p:] writes one of the lexicon's TitledNames.
func titledNameAt(ws []string, p int) bool {
	for _, n := range titledNames {
		if p+len(n) <= len(ws) && slices.Equal(ws[p:p+len(n)], n) {
			return true
		}
	}
	return false
}

// levelAfter is the level of the first kind of place a title's body
// writes from k on ("Chủ tịch UBND huyện", "Chủ tịch Hội Nông dân xã"):
// content.PlacePrefix.Level, 0 for "thành phố"; -1 where none is written
// within maxBodyWords words or before the next title. A unit's words are
// read as written (acc, lower case with marks, one per word of ws): folded,
// a name ("Tình", "Phương") or "ủy ban" reads as a kind ("tỉnh",
// "phường", "bản"). A question's are read folded (acc nil).
func levelAfter(ws, acc []string, k int) int {
	marked := acc != nil && len(acc) == len(ws)
	for j := k; j < len(ws) && j < k+maxBodyWords; j++ {
		if j > k && titleAt(ws, j) {
			break
		}
		for _, kw := range titleLevelWords {
			w, in := kw.folded, ws
			if marked {
				w, in = kw.marked, acc
			}
			if j+len(w) <= len(in) && slices.Equal(in[j:j+len(w)], w) {
				return kw.level
			}
		}
	}
	return -1
}

// maxBodyWords bounds the words of a body's name, from its head to the
// kind of place it is of ("hội liên hiệp phụ nữ xã").
const maxBodyWords = 7

// titleLevelWord is a kind of place of levelAfter: folded and as written.
type titleLevelWord struct {
	folded, marked []string
	level          int
}

// titleLevelWords are the lexicon's kinds of place of a level above a
// village's (a body of a village seldom has a title asked, and "bản",
// "tổ" fold as "ủy ban" and "tô" do), each name and each short form of
// two letters or more ("TP", "TX"; a single letter is too often
// something else).
var titleLevelWords = func() []titleLevelWord {
	var out []titleLevelWord
	for _, p := range content.Lexicon.PlacePrefixes {
		if p.Level > 3 {
			continue
		}
		out = append(out, titleLevelWord{foldWords(p.Name), words(p.Name), p.Level})
		for _, s := range p.Short {
			if len(s) >= 2 {
				out = append(out, titleLevelWord{foldWords(s), words(s), p.Level})
			}
		}
	}
	return out
}()

// levelsAgree: two levels of place (levelAfter) may be the same body's —
// either is unknown, they are equal, or one is a city's, which is a
// province's level or a district's.
func levelsAgree(a, b int) bool {
	return a < 0 || b < 0 || a == b || a == 0 && b <= 2 || b == 0 && a <= 2
}

// deputyBefore: the title at ws[p] is a deputy's ("Phó Chủ tịch", "Deputy
// Director", "Permanent Vice Chairman").
func deputyBefore(ws []string, p int) bool {
	return p > 0 && deputyWords[ws[p-1]]
}

// otherBody: what ws writes at k, right after a title, names a body none
// of the question's words name.
func (ix *Index) otherBody(ws []string, k int, qWords map[string]bool) bool {
	if k < len(ws) && ws[k] == "of" {
		k++
		if k < len(ws) && slices.Contains(content.Lexicon.EnglishArticles, ws[k]) {
			k++
		}
		if k >= len(ws) {
			return false
		}
		// A body the glossary names in English ("People's Council")
		// is another body when the question writes not all its words
		// ("Chủ tịch UBND": people, committee): the longest first.
		// The body's name may come after the place's ("Chairman of the
		// An Giang Provincial People's Committee"): words the question
		// writes too, or glossary words, are passed over.
	body:
		for j := k; j < len(ws) && j-k <= maxBodyLead; j++ {
			for _, et := range ix.gloss.english {
				if len(et.phrase) > 1 && j+len(et.phrase) <= len(ws) && slices.Equal(ws[j:j+len(et.phrase)], et.phrase) {
					for _, w := range et.phrase {
						if !qWords[w] && !englishStop[w] {
							return true
						}
					}
					return false
				}
			}
			if !qWords[ws[j]] && !ix.gloss.englishWords[ws[j]] {
				break body
			}
		}
		w := ws[k]
		return !qWords[w] && !ix.gloss.englishWords[w] && !englishStop[w] && !isDigits(w)
	}
	h := ix.bodyAt(ws, k)
	if h == nil {
		return false
	}
	for _, w := range h {
		if !qWords[w] {
			return true
		}
	}
	// Past its head, a short form naming a body ("Ủy ban MTTQ" for
	// "Chủ tịch UBND …", "Hội CCB") the question writes in neither form.
	if k+len(h) < len(ws) {
		w := ws[k+len(h)]
		if exps := ix.gloss.abbrev[w]; !qWords[w] && exps != nil && namesBody(exps) &&
			!slices.ContainsFunc(exps, func(e []string) bool { return allSet(e, qWords) }) {
			return true
		}
	}
	return false
}

// allSet: every word of ws is in set.
func allSet(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if !set[w] {
			return false
		}
	}
	return true
}

// maxBodyLead bounds the words of a place's name, and the like, passed
// over before an English body's name after a title.
const maxBodyLead = 4

// englishNames are the names an English question gives a place or body
// the corpus writes ("Da Nang", "Phu Tho", "Hac Thanh"): runs of capitalised
// words after the first that are neither English function words nor glossary
// terms, every syllable of which the corpus knows. An answer must name them:
// the figure for Hanoi does not answer for Da Nang.
func (ix *Index) englishNames(folded, cased []string) [][][]string {
	var out [][][]string
	var run []string
	flush := func() {
		if len(run) > 0 {
			alts := [][]string{run}
			// "Hanoi" is "Hà Nội" on a Vietnamese page.
			if len(run) == 1 {
				if split := ix.joinedName(run[0]); split != nil {
					alts = append(alts, split)
				}
			}
			out = append(out, alts)
		}
		run = nil
	}
	name := func(i int) bool {
		w := folded[i]
		return startsUpper(cased[i]) && !englishStop[w] && !ix.gloss.englishWords[w] && !isDigits(w) &&
			(ix.df[w] > 0 || ix.joinedName(w) != nil)
	}
	for i := 1; i < len(folded) && i < len(cased); i++ {
		// A Vietnamese function word's spelling is a syllable of a name
		// here: "La" in "Son La"; so is an English one's, capitalised
		// beside a name: "Can Tho", "Tan An".
		stopInName := englishStop[folded[i]] && startsUpper(cased[i]) && ix.df[folded[i]] > 0 &&
			syllableRe.MatchString(folded[i]) &&
			(len(run) > 0 || i+1 < len(folded) && i+1 < len(cased) && name(i+1))
		if !stopInName && !name(i) {
			flush()
			continue
		}
		run = append(run, folded[i])
	}
	flush()
	return out
}

// dayBeside is the day of the month written beside the words at
// folded[i:i+n] ("1 July", "July 1"), or "".
func dayBeside(folded []string, i, n int) string {
	for _, j := range []int{i - 1, i + n} {
		if j < 0 || j >= len(folded) || !isDigits(folded[j]) || len(folded[j]) > 2 {
			continue
		}
		if d := strings.TrimLeft(folded[j], "0"); d != "" && len(d) <= 2 && (len(d) == 1 || d <= "31") {
			return d
		}
	}
	return ""
}

// dayMonth: an English month's Vietnamese spellings that give its number
// ("tháng 7"), as a Vietnamese page dates that day: "1/7".
func dayMonth(day string, vi [][]string) [][]string {
	var out [][]string
	for _, alt := range vi {
		if len(alt) == 2 && alt[0] == "thang" && isDigits(alt[1]) {
			out = append(out, []string{day, alt[1]})
		}
	}
	return out
}

// joinedName is a Vietnamese name of two syllables that an English text
// writes as one word ("Hanoi", "Danang"): the split of w into two
// syllables the corpus writes side by side, the pair it writes most; nil
// if there is none, or w is itself a syllable or an English word.
func (ix *Index) joinedName(w string) []string {
	if len(w) < 4 || syllableRe.MatchString(w) || englishStop[w] || ix.gloss.englishWords[w] {
		return nil
	}
	var best []string
	most := uint64(0)
	for k := 1; k < len(w); k++ {
		a, b := w[:k], w[k:]
		if ix.df[a] == 0 || ix.df[b] == 0 || !syllableRe.MatchString(a) || !syllableRe.MatchString(b) {
			continue
		}
		if n := ix.pairs.count(a + " " + b); n > most {
			best, most = []string{a, b}, n
		}
	}
	return best
}

// englishTitles are the English titles a who-question asks about, with
// their Vietnamese.
var englishTitles = func() [][2][]string {
	var out [][2][]string
	for _, t := range content.Lexicon.EnglishTitles {
		out = append(out, [2][]string{foldWords(t.Short), foldWords(t.Long[0])})
	}
	return out
}()

// titleHeadMarks are titleHeads as written (lower case, marked), in the
// same order.
var titleHeadMarks = func() [][]string {
	var out [][]string
	for _, t := range content.Lexicon.HeadTitles {
		out = append(out, words(t))
	}
	return out
}()

// untitledAt marks the syllables of a question (folded, and as typed:
// accented) at which no title starts though one folds there: in an
// accented question, a Vietnamese title typed with other marks than its
// own ("Trường Sơn", "trường" for "trưởng": a school, a name), or any
// title inside a place the question requires ("thôn Chanh": the name,
// not "Chánh"). A syllable typed with no marks stays a title: questions
// drop marks on some words and keep them on others. Nil where nothing
// is marked.
func untitledAt(folded, accented []string, qAccented bool, required [][][]string) []bool {
	var out []bool
	mark := func(i int) {
		if out == nil {
			out = make([]bool, len(folded))
		}
		out[i] = true
	}
	for i := range folded {
		if titleSpellings(folded, i) == nil {
			continue
		}
		for _, r := range required {
			for _, alt := range r {
				for s := max(0, i-len(alt)+1); s <= i && s+len(alt) <= len(folded); s++ {
					if slices.Equal(folded[s:s+len(alt)], alt) {
						mark(i)
					}
				}
			}
		}
		if !qAccented || len(accented) != len(folded) {
			continue
		}
		other := false
		for k, t := range titleHeads {
			if i+len(t) > len(folded) || !slices.Equal(folded[i:i+len(t)], t) {
				continue
			}
			for j, m := range titleHeadMarks[k] {
				if a := accented[i+j]; hasDiacritic(a) && a != m {
					other = true
				}
			}
		}
		if other {
			mark(i)
		}
	}
	return out
}

// titleSpellings is the title at folded[j] with its spellings, or nil: a
// Vietnamese title with its English names too, for an English page
// ("Chủ tịch" is the Chairman).
func titleSpellings(folded []string, j int) [][]string {
	for _, t := range titleHeads {
		if j+len(t) <= len(folded) && slices.Equal(folded[j:j+len(t)], t) {
			sp := [][]string{t}
			for _, e := range englishTitles {
				if slices.Equal(e[1], t) {
					sp = append(sp, e[0])
				}
			}
			return sp
		}
	}
	for _, t := range englishTitles {
		if j+len(t[0]) <= len(folded) && slices.Equal(folded[j:j+len(t[0])], t[0]) {
			return [][]string{t[0], t[1]}
		}
	}
	return nil
}

// typedUpper: the question types the folded word w in capitals.
func typedUpper(folded, cased []string, w string) bool {
	for i, f := range folded {
		if f == w && i < len(cased) && content.AllCaps(cased[i]) {
			return true
		}
	}
	return false
}

func titleAt(folded []string, j int) bool {
	for _, t := range titleHeads {
		if j+len(t) <= len(folded) && slices.Equal(folded[j:j+len(t)], t) {
			return true
		}
	}
	return false
}

// ordinalMarker is the lexicon's "thứ", folded.
var ordinalMarker = content.Fold(content.Lexicon.OrdinalMarker)

// weekdays: folded day name after "thứ", and its digit.
var weekdays = func() map[string]string {
	out := map[string]string{}
	for _, d := range content.Lexicon.Weekdays {
		name, digit := foldWords(d.Name), foldWords(d.Digit)
		if len(name) == 2 && name[0] == ordinalMarker && len(digit) == 2 {
			out[name[1]] = digit[1]
		}
	}
	return out
}()

// unnumberedDays are the weekdays written without "thứ" and a number
// ("chủ nhật"), folded.
var unnumberedDays = func() [][]string {
	var out [][]string
	for _, d := range content.Lexicon.Weekdays {
		if name := foldWords(d.Name); len(name) > 0 && name[0] != ordinalMarker {
			out = append(out, name)
		}
	}
	return out
}()

// unnumberedDayAt is the day of unnumberedDays written at i, or nil.
func unnumberedDayAt(folded []string, i int) []string {
	for _, d := range unnumberedDays {
		if i+len(d) <= len(folded) && slices.Equal(folded[i:i+len(d)], d) {
			return d
		}
	}
	return nil
}

// scheduleWords are the lexicon's ScheduleWords, folded, a space either
// side.
var scheduleWords = spacedFolds(content.Lexicon.ScheduleWords)

// spacedFolds are phrases folded word by word, a space either side, to be
// looked for in a question's folded words joined by spaces.
func spacedFolds(phrases []string) []string {
	out := make([]string, len(phrases))
	for i, w := range phrases {
		out[i] = " " + strings.Join(foldWords(w), " ") + " "
	}
	return out
}

// deputyWord is the lexicon's "Phó", folded.
var deputyWord = content.Fold(content.Lexicon.Deputy)

// deputyMarked is the deputy word as units' words are written (lower
// case, marked): "phó", not "phố".
var deputyMarked = lowerNormalize(content.Lexicon.Deputy)

// deputyWords are the deputy words of both languages, folded.
var deputyWords = func() map[string]bool {
	m := map[string]bool{deputyWord: true}
	for _, w := range content.Lexicon.EnglishDeputy {
		m[content.Fold(w)] = true
	}
	return m
}()

// deputyAlts: "Phó" before a title and its English words, one
// requirement — the deputy's post, in either language.
var deputyAlts = func() [][]string {
	alts := [][]string{{deputyWord}}
	for _, w := range content.Lexicon.EnglishDeputy {
		alts = append(alts, []string{content.Fold(w)})
	}
	return alts
}()

// isDeputyAlts: r is the deputy's requirement (requiredNames appends
// deputyAlts itself).
func isDeputyAlts(r [][]string) bool {
	return len(r) > 0 && len(deputyAlts) > 0 && &r[0] == &deputyAlts[0]
}

// deputyTitled: ws writes a deputy's title, a deputy word right before a
// title ("Phó Chủ tịch", "Deputy Director"), not "phố" anywhere.
func deputyTitled(ws []string) bool {
	for p := 0; p+1 < len(ws); p++ {
		if deputyWords[ws[p]] && (titleAt(ws, p+1) || titleSpellings(ws, p+1) != nil) {
			return true
		}
	}
	return false
}

// deputyInWindow: the unit's window (it, the sentence before, its list's
// introduction, its article's title and lead) writes a deputy's title.
func (ix *Index) deputyInWindow(u *unit, folded []string) bool {
	if deputyTitled(folded) {
		return true
	}
	if u.prev > 0 && deputyTitled(foldWords(ix.units[u.prev-1].text)) {
		return true
	}
	if u.context != "" && deputyTitled(foldWords(u.context)) {
		return true
	}
	a := &ix.corpus.Articles[u.article]
	return deputyTitled(foldWords(a.Title)) || len(a.Paragraphs) > 0 && deputyTitled(foldWords(a.Paragraphs[0]))
}

// englishWeekdays are the English day names with their Vietnamese
// spellings, folded: "Sunday" is not answered by the Saturday hours.
// englishDay is the English name, folded, of the weekday a question's
// required spellings r write in Vietnamese ("thứ sáu" → "friday"); ""
// for any other.
func englishDay(r [][]string) string {
	if len(r) == 0 {
		return ""
	}
	for en, alts := range englishWeekdays {
		if slices.ContainsFunc(alts, func(a []string) bool { return slices.Equal(a, r[0]) }) && !slices.Equal(r[0], []string{en}) {
			return en
		}
	}
	return ""
}

var englishWeekdays = func() map[string][][]string {
	out := map[string][][]string{}
	for _, d := range content.Lexicon.Weekdays {
		en := foldWords(d.English)
		sp := [][]string{foldWords(d.Name)}
		if d.Digit != "" {
			sp = append(sp, foldWords(d.Digit))
		}
		out[en[0]] = append(sp, en)
	}
	return out
}()

// requiredNames finds what an answer must name (see parsedQuery.required).
// Places are recognised by a prefix followed by a capitalised name or a
// number, so an unaccented lower-case question ("xa an lac") is read as
// words, not guessed at.
func requiredNames(folded, cased []string, stops []bool, in intent, bodyNotPlace func(kind, name []string) bool) [][][]string {
	var req [][][]string
	schedule := in&wantTime != 0
	joined := " " + strings.Join(folded, " ") + " "
	accents := writesAccents(cased)
	for _, w := range scheduleWords {
		if strings.Contains(joined, w) {
			schedule = true
		}
	}
	for i := 0; i < len(folded); i++ {
		switch {
		case unnumberedDayAt(folded, i) != nil:
			d := unnumberedDayAt(folded, i)
			req = append(req, [][]string{slices.Clone(d)})
			i += len(d) - 1
			continue
		case folded[i] == ordinalMarker && i+1 < len(folded) && !periodBefore(folded, i):
			day, digit := folded[i+1], ""
			if d, ok := weekdays[day]; ok {
				digit = d
			} else {
				for n, d := range weekdays {
					if d == day {
						day, digit = n, d
					}
				}
			}
			// "thứ bảy" is rarely an ordinal; "thứ ba" often is.
			if digit != "" && (digit == "7" || schedule) {
				req = append(req, [][]string{{ordinalMarker, day}, {ordinalMarker, digit}})
				i++
				continue
			}
		case englishWeekdays[strings.TrimSuffix(folded[i], "s")] != nil:
			req = append(req, englishWeekdays[strings.TrimSuffix(folded[i], "s")])
			continue
		case seasonAt(folded, i) != nil:
			sp := seasonAt(folded, i)
			req = append(req, sp)
			i += len(sp[0]) - 1
			continue
		case folded[i] == deputyWord && titleAt(folded, i+1):
			req = append(req, deputyAlts)
			continue
		case slices.Contains(content.Lexicon.EnglishDeputy, folded[i]) && titleSpellings(folded, i+1) != nil:
			req = append(req, deputyAlts)
			continue
		}
		for pi, p := range placePrefixes {
			if i+len(p) > len(folded) || !slices.Equal(folded[i:i+len(p)], p) {
				continue
			}
			if acc := placePrefixAccents[pi]; acc != nil && accents && !sameAccents(cased[i:min(i+len(p), len(cased))], acc) {
				continue
			}
			j := i + len(p)
			var name []string
			for ; j < len(folded) && j < len(cased) && len(name) < 4; j++ {
				if isDigits(folded[j]) && len(name) == 0 {
					name = append(name, strings.TrimLeft(folded[j], "0"))
					j++
					break
				}
				// An abbreviation after the name ("xã Thử Nghiệm NTM") is
				// not part of it, nor what follows a bracket or a comma
				// ("xã Hà Đông (Hải Phòng)": the city it is in).
				if !startsUpper(cased[j]) || prefixWrittenAt(folded, cased, j, accents) || (len(name) > 0 && (content.AllCaps(cased[j]) || j < len(stops) && stops[j])) {
					break
				}
				name = append(name, folded[j])
			}
			// Typed without marks, "Ban Tuyen giao" is a board, not a
			// village ("bản") named Tuyên, where the corpus writes the
			// board and no such village.
			if len(name) > 0 && !accents && len(p) == 1 && bodyHeadFolds[p[0]] && bodyNotPlace != nil && bodyNotPlace(p, name) {
				break
			}
			if len(name) > 0 {
				req = append(req, [][]string{name})
				i = j - 1
			}
			break
		}
	}
	return req
}

// bodyHeadFolds are the folds of the lexicon's BodyHeads ("ban" of Ban,
// also bản, a village).
var bodyHeadFolds = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range content.Lexicon.BodyHeads {
		m[content.Fold(h)] = true
	}
	return m
}()

// bodyNotPlace: the corpus writes a body whose one-word head folds as
// the place kind kind does, with name's first word after it ("Ban Tiếp
// công dân": "ban tiep"), and no place of that kind named name, whole or
// as the start of a longer name ("bản Tiếp …").
func (ix *Index) bodyNotPlace(kind, name []string) bool {
	if !ix.gloss.bodies[kind[0]+" "+name[0]] {
		return false
	}
	k := slices.IndexFunc(placeKindNames, func(p []string) bool { return slices.Equal(p, kind) })
	if k < 0 {
		return false
	}
	for n := len(name); n >= 2; n-- {
		if ix.places[strings.Join(name[:n], " ")]&(1<<k) != 0 {
			return false
		}
	}
	return true
}

// nameStops marks each of text's n words (split as parse splits them)
// that follows punctuation ending a name: a bracket, comma, semicolon,
// colon, full stop, question or exclamation mark.
func nameStops(text string, n int) []bool {
	stops := make([]bool, n)
	j, stop, in := 0, false, false
	for _, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && !in:
			if j < n {
				stops[j] = stop
			}
			j++
			in, stop = true, false
		case !word:
			in = false
			if strings.ContainsRune("(),;:.?![]", r) {
				stop = true
			}
		}
	}
	return stops
}

// nameStopsEnds is nameStops(text, n) and nameStops(clauseMarks.Replace(text),
// n), made in one pass: the place names' reading asked for both, each
// reading the paragraph rune by rune and the second copying it first
// (0.6 CPU-s of a 10,000-article build). Replacing ':', '(' and ')' by
// spaces splits the words at the same places (none of the three is a
// letter or a digit) and leaves them no stop.
func nameStopsEnds(text string, n int) (stops, ends []bool) {
	both := make([]bool, 2*n)
	stops, ends = both[:n:n], both[n:]
	j, stop, end, in := 0, false, false, false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		var word bool
		if r < utf8.RuneSelf {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			if r < rune(len(letterDigit)) {
				word = letterDigit[r]
			} else {
				word = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
		}
		i += size
		switch {
		case word && !in:
			if j < n {
				stops[j], ends[j] = stop, end
			}
			j++
			in, stop, end = true, false, false
		case !word:
			in = false
			switch r {
			case '(', ')', ':':
				stop = true
			case ',', ';', '.', '?', '!', '[', ']':
				stop, end = true, true
			}
		}
	}
	return stops, ends
}

func isPlacePrefixAt(folded []string, j int) bool {
	for _, p := range placePrefixes {
		if j+len(p) <= len(folded) && slices.Equal(folded[j:j+len(p)], p) {
			return true
		}
	}
	return false
}

// prefixWrittenAt: a place prefix starts at folded[j], written with its
// accents where the question writes accents: "Cô Tô" is a name, not
// "tổ" (a residential group) after "Cô".
func prefixWrittenAt(folded, cased []string, j int, accents bool) bool {
	for pi, p := range placePrefixes {
		if j+len(p) > len(folded) || !slices.Equal(folded[j:j+len(p)], p) {
			continue
		}
		if acc := placePrefixAccents[pi]; acc != nil && accents && !sameAccents(cased[j:min(j+len(p), len(cased))], acc) {
			continue
		}
		return true
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isIntentWord: w says only what kind of answer is asked ("số điện
// thoại", "địa chỉ", "khi nào"), not what about — the lexicon's Words of
// the contact fields and kinds of answer the question asks for.
func isIntentWord(w string, in intent) bool { return in&intentWords[w] != 0 }

// intentWords are the lexicon's words saying what is asked, each with the
// intents under which it says only that.
var intentWords = func() map[string]intent {
	m := map[string]intent{}
	for _, f := range content.Lexicon.ContactFields {
		for _, w := range f.Words {
			m[w] |= contactKinds[f.Kind]
		}
	}
	for _, q := range content.Lexicon.QuestionAsks {
		for _, w := range q.Words {
			m[w] |= questionKinds[q.Kind]
		}
	}
	for _, w := range content.Lexicon.OfficeWords {
		m[w] |= wantContact
	}
	return m
}()

// ordinals maps a digit typed after "thứ" to the word a page writes there.
var ordinals = func() map[string]string {
	m := make(map[string]string, len(content.Lexicon.Ordinals))
	for i, w := range content.Lexicon.Ordinals {
		m[strconv.Itoa(i+1)] = w
	}
	return m
}()

// chatPhraseRe finds the lexicon's ChatPhrases as typed, and a
// reorganising word with a DoneWord after it ("sắp xếp xong"), longest
// first; chatReading is what each is read as (lower case).
var chatPhraseRe, chatReading = func() (*regexp.Regexp, map[string]string) {
	read := map[string]string{}
	for _, p := range content.Lexicon.ChatPhrases {
		read[strings.ToLower(p[0])] = p[1]
	}
	for _, r := range content.Lexicon.Reorganising {
		for _, d := range content.Lexicon.DoneWords {
			if content.CanBeSyllable(content.Fold(strings.Fields(r)[0])) {
				// AfterWords' first is the plain "sau" (TestChatRegister).
				read[strings.ToLower(r+" "+d)] = content.Lexicon.AfterWords[0] + " " + r
			}
		}
	}
	keys := slices.Collect(maps.Keys(read))
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for i, k := range keys {
		keys[i] = regexp.QuoteMeta(k)
	}
	return regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])(` + strings.Join(keys, "|") + `)($|[^\p{L}\p{N}])`), read
}()

// chatVocativeRe finds the lexicon's ChatVocatives at the end of a question.
var chatVocativeRe = func() *regexp.Regexp {
	vs := slices.Clone(content.Lexicon.ChatVocatives)
	sort.Slice(vs, func(i, j int) bool { return len(vs[i]) > len(vs[j]) })
	for i, v := range vs {
		vs[i] = regexp.QuoteMeta(v)
	}
	return regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])(?:` + strings.Join(vs, "|") + `)[\s\p{P}]*$`)
}()

// chatPhrases reads the chat register's wordings as the standard ones.
// A match takes the space after it, so phrases side by side ("đông dân
// cỡ nào") are read in a second pass.
func chatPhrases(q string) string {
	q = chatVocativeRe.ReplaceAllString(q, "$1")
	for range 3 {
		r := chatPhraseRe.ReplaceAllStringFunc(q, func(m string) string {
			sm := chatPhraseRe.FindStringSubmatch(m)
			return sm[1] + chatReading[strings.ToLower(sm[2])] + sm[3]
		})
		if r == q {
			break
		}
		q = r
	}
	return q
}

var comradeRe = regexp.MustCompile(`(?i)(^|[^\p{L}\p{N}])[đd]/c\b`)

// spoken rewrites chat short forms in q. A form typed in capitals is left
// alone: "KH" is Kế hoạch, "NG" may be a name.
// A question typed without accents gets the forms without accents, so it
// stays an unaccented question.
func spoken(q string) string {
	plain := !hasDiacritic(q)
	// "đ/c" (đồng chí) would be split at its slash.
	if plain {
		q = comradeRe.ReplaceAllString(q, "${1}dong chi")
	} else {
		q = comradeRe.ReplaceAllString(q, "${1}đồng chí")
	}
	q = content.ExpandPlaceShorts(chatPhrases(q), plain)
	var b strings.Builder
	start, prev, prevCap := -1, "", false
	flush := func(end int) {
		w := q[start:end]
		lw := strings.ToLower(w)
		// A capitalised form after a capitalised word is a name's
		// syllable: "Xín Mần" is no "xín làm".
		inName := prevCap && w != lw
		if long, ok := content.Lexicon.ChatForms[lw]; ok && !inName && (w == lw || len(w) == 1 || w[1:] == lw[1:]) {
			if plain {
				long = content.Fold(long)
			}
			// "bao nhiêu" after "bao" is read already.
			if first, rest, ok := strings.Cut(long, " "); ok && prev != "" && strings.EqualFold(first, prev) {
				long = rest
			}
			b.WriteString(long)
		} else {
			b.WriteString(w)
		}
		start, prev, prevCap = -1, lw, w != lw
	}
	for i, r := range q {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			flush(i)
		}
		b.WriteRune(r)
	}
	if start >= 0 {
		flush(len(q))
	}
	return dropChatTail(b.String(), plain)
}

// chatParticles are the lexicon's ChatParticles, and its
// ChatParticlesUnmarked for a question typed without marks.
var chatParticles, chatParticlesUnmarked, chatTails = setOf(content.Lexicon.ChatParticles),
	setOf(content.Lexicon.ChatParticlesUnmarked), setOf(content.Lexicon.ChatTails)

// dropChatTail drops the chat particles and vocatives a question ends with
// ("… mấy thôn vậy ạ", "… tên gì á", "… được không ta mọi người"): they
// ask nothing, and kept they are read as the end of the noun counted or
// as a pair of words the answer should write. A particle typed in
// capitals, or the question's only word, stays.
func dropChatTail(q string, plain bool) string {
	isParticle := func(w string) bool { return chatParticles[w] || plain && chatParticlesUnmarked[w] }
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	for {
		q = chatVocativeRe.ReplaceAllString(q, "$1")
		body := strings.TrimRightFunc(q, notWord)
		i := strings.LastIndexFunc(body, notWord)
		if i < 0 {
			return q
		}
		_, size := utf8.DecodeRuneInString(body[i:])
		last, rest := body[i+size:], strings.TrimRightFunc(body[:i], notWord)
		prev := rest[strings.LastIndexFunc(rest, notWord)+1:]
		if prev == "" || strings.ToLower(last) != last {
			return q
		}
		prevStop := isParticle(prev) || stopAccented[strings.ToLower(prev)] || plain && vietnameseStopFold[strings.ToLower(prev)]
		if !isParticle(last) && !(chatTails[last] && prevStop) {
			return q
		}
		q = rest
	}
}

// countAsk is one of the lexicon's CountAsks: its words folded and, for
// a one-word ask, the word as typed with its marks.
type countAsk struct {
	folded []string
	marked string
}

var countAsks = func() []countAsk {
	out := make([]countAsk, len(content.Lexicon.CountAsks))
	for i, a := range content.Lexicon.CountAsks {
		out[i] = countAsk{folded: foldWords(a), marked: lowerNormalize(a)}
	}
	return out
}()

// countAskEnd is the index after a count ask written at i ("bao nhiêu",
// "how many", "mấy"), or -1. A one-word ask is read by its marks, or,
// in a question typed without marks, folded before a word that is not a
// digit ("may 2 tang" is no count).
func countAskEnd(folded, accented []string, i int, questionAccented bool) int {
	for _, a := range countAsks {
		if len(a.folded) > 1 {
			if i+len(a.folded) <= len(folded) && slices.Equal(folded[i:i+len(a.folded)], a.folded) {
				return i + len(a.folded)
			}
			continue
		}
		if accented[i] == a.marked || (!questionAccented && folded[i] == a.folded[0] && i+1 < len(folded) && !isDigits(folded[i+1])) {
			return i + 1
		}
	}
	return -1
}

// countedNoun finds the noun after one of the lexicon's count asks
// ("bao nhiêu", "mấy", "how many").
func countedNoun(folded, accented []string, questionAccented bool) (string, []string) {
	for i := 0; i < len(folded); i++ {
		next := countAskEnd(folded, accented, i, questionAccented)
		if next < 0 {
			continue
		}
		// "kỳ họp thứ mấy để …", "lần thứ bao nhiêu": which one is
		// asked (an ordinal), nothing counted.
		if i > 0 && folded[i-1] == ordinalMarker {
			continue
		}
		// "how many new communes" counts communes.
		for next < len(folded) && content.CountAdjective(folded[next]) {
			next++
		}
		// "bao nhiêu đảng viên" counts đảng viên, not đảng: a person's
		// noun in "viên" is counted whole, and is no function word
		// typed without marks ("dang vien").
		if content.PersonNounAt(folded, next) && !isDigits(folded[next]) {
			return folded[next] + " " + folded[next+1], folded[next:min(len(folded), next+maxNounWords)]
		}
		if next < len(folded) && !isStop(accented[next], folded[next], questionAccented) && !isDigits(folded[next]) {
			return folded[next], folded[next:min(len(folded), next+maxNounWords)]
		}
	}
	return "", nil
}

// shortCounted are the glossary's names of the counted noun when the
// question types it as a short form: in capitals, or letters no page
// writes as a syllable ("đvhc"). A page counts "130 đơn vị hành chính",
// not "130 ĐVHC".
func (ix *Index) shortCounted(counted string, cased, folded []string) [][]string {
	exps := ix.gloss.abbrev[counted]
	if len(exps) == 0 {
		return nil
	}
	i := slices.Index(folded, counted)
	if i < 0 || !isUpper(cased, i) && ix.writtenSyllable(counted) {
		return nil
	}
	return exps
}

// countLong adds to the count asked of a short form ("ĐVHC") the names it
// stands for, so a value counting "đơn vị hành chính" answers it.
func countLong(asked []content.Asked, counted string, long [][]string) []content.Asked {
	if len(long) == 0 {
		return asked
	}
	out := slices.Clone(asked)
	for i, a := range out {
		if a.Type != content.ValueCount {
			continue
		}
		for _, n := range strings.Split(a.Noun, "|") {
			if rest, ok := strings.CutPrefix(n, counted); ok && (rest == "" || rest[0] == ' ') {
				for _, l := range long {
					out[i].Noun += "|" + strings.Join(l, " ") + rest
				}
				break
			}
		}
	}
	return out
}

// maxNounWords bounds the syllables of a counted noun looked up in the
// English glossary ("cán bộ công chức").
const maxNounWords = 4

// functionAfter is the lexicon's BoundAfter as sets: a word, and the
// words before it that make it a function word of the question.
var functionAfter = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for w, before := range content.Lexicon.BoundAfter {
		m[w] = setOf(before)
	}
	return m
}()

// boundAfter: the word at i follows a word that makes it part of an
// asking phrase (functionAfter), as typed in an accented question, folded
// in one without accents.
func boundAfter(folded, accented []string, i int, questionAccented bool) bool {
	if i == 0 {
		return false
	}
	if questionAccented {
		return functionAfter[accented[i]][accented[i-1]]
	}
	return functionAfter[folded[i]][folded[i-1]]
}

// marksUnwritten: the word as typed (lower case, canonical tones) is a
// syllable no page writes with these marks, or without any, that is not
// itself a function word, while its letters are a function word's.
func (ix *Index) marksUnwritten(accented, folded string, english bool) bool {
	if ix.spell == nil || stopAccented[accented] || !(stopVietnamese[folded] || english && englishStop[folded]) || functionAfter[folded] != nil || countedFolds[folded] {
		return false
	}
	f, ok := spellForm(accented)
	return ok && len(ix.spell.words(f, nil)) == 0
}

// countedFolds are the folded ordinals and count words ("bảy", "năm",
// "ba"): a function word's letters that are also a number's ("bây",
// "bẩy" for bảy) are no sign of a function word.
var countedFolds = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range append(append([]string{}, content.Lexicon.Ordinals...), content.Lexicon.CountWords...) {
		m[content.Fold(w)] = true
	}
	return m
}()

// nowWord: "giờ" is "now" ("Lim giờ thuộc xã gì", "đảng ủy phường giờ ở
// đâu"), a word that asks nothing, unless a number comes before it ("8
// giờ") or what comes after makes it hours ("giờ làm việc", "giờ hành
// chính", "giờ tiếp dân").
func nowWord(folded, accented []string, i int, questionAccented bool) bool {
	w := folded[i]
	if !nowFolds[w] || questionAccented && !nowAccented[accented[i]] {
		return false
	}
	if i > 0 && (isDigits(folded[i-1]) || countingWords[folded[i-1]] || functionAfter[w][folded[i-1]]) {
		return false
	}
	if i+1 == len(folded) {
		return false
	}
	rest := " " + strings.Join(folded[i+1:], " ") + " "
	for _, w := range hoursAfter {
		if strings.HasPrefix(rest, w) {
			return false
		}
	}
	return true
}

// nowAccented and nowFolds are the lexicon's NowWords as typed and
// folded.
var (
	nowAccented = setOf(content.Lexicon.NowWords)
	nowFolds    = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range content.Lexicon.NowWords {
			m[content.Fold(w)] = true
		}
		return m
	}()
)

// hoursAfter are the words after "giờ" that make it hours, folded, a
// space either side: the lexicon's ScheduleWords and HoursWords.
var hoursAfter = append(spacedFolds(content.Lexicon.HoursWords), scheduleWords...)

// countingWords are the lexicon's CountWords, folded: "hai giờ" is hours.
var countingWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range content.Lexicon.CountWords {
		m[content.Fold(w)] = true
	}
	return m
}()

// contentAfter: a word of functionAfter that does not follow one of its
// words is a content word. "hoi" is looked at only in unaccented questions
// (accented, "hỏi" and "hội" differ).
func contentAfter(folded, accented []string, i int, questionAccented bool) bool {
	w := folded[i]
	if questionAccented {
		w = accented[i]
	}
	before, ok := functionAfter[w]
	if !ok {
		return false
	}
	if i == 0 {
		return true
	}
	if questionAccented {
		return !before[accented[i-1]]
	}
	return !before[folded[i-1]]
}

// isStop: in a question typed with accents, words are taken as typed ("thi"
// is not "thì"); without accents, by their folded form.
func isStop(accented, folded string, questionAccented bool) bool {
	if questionAccented || hasDiacritic(accented) {
		return stopAccented[accented]
	}
	return stopAccented[accented] || stopVietnamese[folded]
}

// isStopIn is isStop for a word of a question read as English or not: an
// English question's function words are English ones too.
func isStopIn(accented, folded string, questionAccented, english bool) bool {
	return isStop(accented, folded, questionAccented) || english && !hasDiacritic(accented) && englishStop[folded]
}

var englishMarkers = setOf(strings.Fields(`what which who where when how is are was were the of and to form formed merged merge into phone number address email office ward commune village resolution conclusion plan about does did many much`))

// looksEnglish: plain ASCII with several English function words.
// A document number's code ("1234/QĐ-UBND") does not make a question
// Vietnamese.
func looksEnglish(ws []string, docWords map[string]bool, englishOnly, known, glossaryWord func(string) bool) bool {
	if len(ws) == 0 {
		return false
	}
	markers, glossary, other := 0, 0, 0
	// Words of the English glossary of no syllable's shape
	// (content.CanBeSyllable), and words of that shape, among those that
	// are no markers.
	unshaped, shaped := 0, 0
	for _, w := range ws {
		if docWords[content.Fold(w)] {
			continue
		}
		if hasDiacritic(w) {
			return false
		}
		f := content.Fold(w)
		switch {
		case englishMarkers[w]:
		case content.CanBeSyllable(f):
			shaped++
		case glossaryWord(f):
			unshaped++
		}
		switch {
		case englishMarkers[w]:
			markers++
		case englishOnly(w):
			glossary++
		case isDigits(w) || !known(w):
		default:
			other++
		}
	}
	// Function words say it best; failing them, English terms with no
	// Vietnamese word beside them ("decision no. 12", "ward merger").
	// Over a corpus with English pages the English words of a question
	// are known words too, and "can", "on", "a" are Vietnamese ones: then
	// the glossary's words of no syllable's shape tell, when they
	// outnumber the words of that shape ("Can I submit a residence
	// confirmation request on Saturday morning?"). Three at least: a
	// Vietnamese question may write an "email" and a "website". Words of
	// neither shape nor glossary ("work", "vietnamese") do not count: read
	// as English on their own, "How do I apply for a Vietnamese work
	// permit?" was answered by a unit holding "work" (real-3 lost a
	// right decline).
	return markers >= 2 || (markers+glossary > 0 && other == 0) || (unshaped >= 3 && unshaped > shaped)
}

func anyUsed(used []bool, i, n int) bool {
	for j := i; j < i+n; j++ {
		if used[j] {
			return true
		}
	}
	return false
}

func markUsed(used []bool, i, n int) {
	for j := i; j < i+n; j++ {
		used[j] = true
	}
}

// vietnameseNames marks, in an English question, the capitalised words of
// a Vietnamese syllable's shape written side by side ("Tan Tien", "Nghe
// An", "Can Tho"): a Vietnamese name typed without marks, whose syllables
// are neither English words to translate nor English function words. The
// question's first word starts with a capital anyway: an English function
// word there ("In Da Nang …") is not part of the name.
func vietnameseNames(cased, folded []string) []bool {
	out := make([]bool, len(folded))
	for i := 0; i < len(folded); {
		j := i
		for j < len(folded) && j < len(cased) && startsUpper(cased[j]) && !content.AllCaps(cased[j]) && content.CanBeSyllable(folded[j]) {
			j++
		}
		start := i
		if start == 0 && j > 0 && englishStop[folded[0]] {
			start = 1
		}
		if j-start >= 2 {
			markUsed(out, start, j-start)
		}
		i = max(j, i+1)
	}
	return out
}

// writtenSyllable: w, typed in lower case without marks, has a Vietnamese
// syllable's shape and the corpus writes it as a word: "thu" is thu, thứ
// or thu hồi far more often than ThU (Thị ủy). Capitals still make it one.
func (ix *Index) writtenSyllable(w string) bool {
	return content.CanBeSyllable(w) && ix.df[w] > 0
}

// everydayWord: a glossary short form in lower case Vietnamese ("gộp",
// "cắt giảm"), as opposed to an acronym ("UBND") or a loanword ("website").
func everydayWord(short string) bool {
	return short == strings.ToLower(short) && (hasDiacritic(short) || strings.Contains(short, " "))
}

// namesBody: an expansion of three syllables or more names a body ("Ủy ban
// nhân dân", "Mặt trận Tổ quốc"); shorter ones are kinds of things ("thị
// xã", "nghị quyết", "văn phòng") that an answer may leave unsaid. So are
// longer ones that open with a classifier ("đơn vị hành chính": units
// of a kind, which a page counts as "151 đơn vị" or "các xã, phường")
// or are a kind of place ("tổ dân phố").
func namesBody(alts [][]string) bool {
	for _, a := range alts {
		if len(a) >= 3 && !kindPhrase(a) {
			return true
		}
	}
	return false
}

// kindClassifiers and kindPlaces are the lexicon's classifiers and kinds of place, folded.
var kindClassifiers, kindPlaces = func() ([][]string, map[string]bool) {
	var cl [][]string
	for _, c := range content.Lexicon.Classifiers {
		cl = append(cl, foldWords(c))
	}
	pl := map[string]bool{}
	for _, p := range content.Lexicon.PlacePrefixes {
		pl[strings.Join(foldWords(p.Name), " ")] = true
	}
	return cl, pl
}()

// kindPhrase: a names a kind of thing, not one body: it opens with a
// classifier or is a kind of place.
func kindPhrase(a []string) bool {
	if kindPlaces[strings.Join(a, " ")] {
		return true
	}
	for _, c := range kindClassifiers {
		if len(a) > len(c) && slices.Equal(a[:len(c)], c) {
			return true
		}
	}
	return false
}

// hasVowel: every Vietnamese syllable has one; "ubnd" does, "tx" does not.
func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }

func isUpper(cased []string, i int) bool {
	if i >= len(cased) {
		return false
	}
	return cased[i] != strings.ToLower(cased[i]) && cased[i] == strings.ToUpper(cased[i])
}

// englishEqual compares English words by a crude stem, so "communes",
// "merged" and "associations" meet "commune", "merge" and "association".
func englishEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && stemEN(a[i]) != stemEN(b[i]) {
			return false
		}
	}
	return true
}

func stemEN(w string) string {
	for _, suf := range []string{"ies", "es", "s", "ed", "d", "ing"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			w = strings.TrimSuffix(w, suf)
			if suf == "ies" {
				w += "y"
			}
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

// telexFold reads a word typed in Telex without the input method, folded:
// "ddieenj" → "dien", "thoaij" → "thoai", "nhaapj" → "nhap", "uwowng" → "uong".
func telexFold(w string) string {
	if n := len(w); n > 2 && strings.IndexByte("sfrxj", w[n-1]) >= 0 && strings.ContainsAny(w[:n-1], "aeiouy") {
		w = w[:n-1]
	}
	return telexMarks.Replace(w)
}

var (
	telexMarks = strings.NewReplacer("dd", "d", "aa", "a", "aw", "a", "ee", "e", "oo", "o", "ow", "o", "uw", "u", "w", "u")
	slashApart = strings.NewReplacer("/", " / ")
)

// deputyAsTitle moves the deputy's requirement of a who-question to its
// titles: "Phó" must be said where the person is named (the unit, the
// sentence before it or its list's introduction), not anywhere in the
// article's title or lead — a page electing the chairman mentions its
// deputies too.
func deputyAsTitle(required, titles [][][]string) ([][][]string, [][][]string) {
	var kept [][][]string
	for _, r := range required {
		if isDeputyAlts(r) {
			titles = append(titles, r)
			continue
		}
		kept = append(kept, r)
	}
	return kept, titles
}

// seasons are the lexicon's seasons, each spelling folded.
var seasons = func() [][][]string {
	var out [][][]string
	for _, s := range content.Lexicon.Seasons {
		var sp [][]string
		for _, w := range s {
			sp = append(sp, foldWords(w))
		}
		out = append(out, sp)
	}
	return out
}()

// seasonAt: the season named at j ("mùa hè", "summer"), with all its
// spellings, the one written first; nil if none.
func seasonAt(folded []string, j int) [][]string {
	for _, sp := range seasons {
		for k, w := range sp {
			if j+len(w) <= len(folded) && slices.Equal(folded[j:j+len(w)], w) {
				return append([][]string{w}, append(append([][]string{}, sp[:k]...), sp[k+1:]...)...)
			}
		}
	}
	return nil
}

// maxTermNumber bounds the term or session number a body's short form
// carries in a document's code: the legislature's fifteenth term writes
// "NQ-UBTVQH15", "202/2025/QH15".
const maxTermNumber = 20

// shortFormConcept is the concept of a short form w typed in a question,
// read as itself or any of its expansions; body: a long expansion names a
// body the answer must name (namesBody), as glossary short forms do, where
// a guess at a name (two short forms typed as one) is not. The English
// names are added unless the question is English.
func (ix *Index) shortFormConcept(w string, body, english bool, expansions ...[][]string) concept {
	c := concept{alts: [][]string{{w}}}
	for _, e := range expansions {
		c.alts = append(c.alts, e...)
	}
	if body {
		c.entity = namesBody(c.alts)
	}
	if !english {
		c = ix.withEnglish(c)
	}
	return c
}

// numberedShorts are the words the corpus writes for the short form w with
// a term's number glued on ("ubtvqh15" for "ubtvqh"): a resolution's code
// is where a sentence citing it names its issuer ("Nghị quyết
// 1666/NQ-UBTVQH15 sắp xếp …"), and a question asking for "NQ của UBTVQH"
// otherwise finds the body missing there and declines.
func (ix *Index) numberedShorts(w string) [][]string {
	if len(w) < 2 || !isLetters(w) {
		return nil
	}
	var out [][]string
	for n := 1; n <= maxTermNumber; n++ {
		if s := w + strconv.Itoa(n); ix.df[s] > 0 {
			out = append(out, []string{s})
		}
	}
	return out
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// mixedShort reads the question's word i typed in capitals and small
// letters ("QNg", "QNa", "HĐNDtx" is not one: it ends in small letters
// after a run of capitals of one word each) as a short form: each capital
// starts a word of the name and the small letters after it go on spelling
// that word, as readers tell Quảng Ngãi (QNg) from Quảng Nam (QNa). The
// names the capitals stand for ("QN": the glossary's, or the corpus's
// province codes) that start so are its reading; none, if none does.
func (ix *Index) mixedShort(cased []string, i int) [][]string {
	if i >= len(cased) {
		return nil
	}
	var groups []string
	lower := false
	for _, r := range cased[i] {
		switch {
		case unicode.IsUpper(r):
			groups = append(groups, content.Fold(string(unicode.ToLower(r))))
		case unicode.IsLower(r) && len(groups) > 0:
			groups[len(groups)-1] += content.Fold(string(r))
			lower = true
		default:
			return nil
		}
	}
	if len(groups) < 2 || !lower {
		return nil
	}
	var key strings.Builder
	for _, g := range groups {
		key.WriteByte(g[0])
	}
	var out [][]string
	for _, exp := range ix.gloss.abbrev[key.String()] {
		if len(exp) != len(groups) {
			continue
		}
		ok := true
		for k, g := range groups {
			if !strings.HasPrefix(exp[k], g) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, exp)
		}
	}
	return out
}

// maxJoinedReadings bounds the readings of two short forms typed as one.
const maxJoinedReadings = 16

// joinedShorts reads w, a short form neither the glossary nor the corpus
// knows, as two that it does, typed without a space ("catp": "ca" and
// "tp", công an thành phố): each part as typed or written out, in every
// pairing, as a page writes "Công an TP Hà Nội".
func (ix *Index) joinedShorts(w string) [][]string {
	if len(w) < 4 || !isLetters(w) {
		return nil
	}
	var out [][]string
	for k := 2; k+2 <= len(w); k++ {
		a, b := ix.gloss.abbrev[w[:k]], ix.gloss.abbrev[w[k:]]
		if a == nil || b == nil {
			continue
		}
		for _, x := range append([][]string{{w[:k]}}, a...) {
			for _, y := range append([][]string{{w[k:]}}, b...) {
				if len(out) < maxJoinedReadings {
					out = append(out, append(slices.Clip(x), y...))
				}
			}
		}
	}
	return out
}

// partShortAlts adds to a body's name of several words the spellings in
// which a name it holds is written as the glossary shortens it: "Ủy ban
// Mặt trận Tổ quốc" holds "Mặt trận Tổ quốc" (MTTQ), and the pages write
// the body "Ủy ban MTTQ Việt Nam". Read only whole, the name was missing
// from the very sentence that answers, and the answer was declined.
func (ix *Index) partShortAlts(c concept) concept {
	own := len(c.alts)
	if c.own > 0 {
		own = c.own
	}
	var added [][]string
	for _, alt := range c.alts[:own] {
		for _, exp := range ix.gloss.expands {
			if len(exp) < 2 || len(exp) >= len(alt) {
				continue
			}
			for i := 0; i+len(exp) <= len(alt); i++ {
				if !slices.Equal(alt[i:i+len(exp)], exp) {
					continue
				}
				for _, s := range ix.gloss.expShort[strings.Join(exp, " ")] {
					a := slices.Concat(alt[:i], strings.Fields(s), alt[i+len(exp):])
					dup := func(b []string) bool { return slices.Equal(a, b) }
					if !slices.ContainsFunc(c.alts, dup) && !slices.ContainsFunc(added, dup) {
						added = append(added, a)
					}
				}
			}
		}
	}
	if len(added) == 0 {
		return c
	}
	c.alts = slices.Concat(c.alts[:own], added, c.alts[own:])
	if c.own > 0 {
		c.own += len(added)
	}
	return c
}
