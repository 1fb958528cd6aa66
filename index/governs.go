package index

import (
	"slices"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// Whose figure a unit states. A page about several places of one kind
// states each one's figure in a sentence naming it: "Huyện Hoàng Su Phì
// có diện tích 632,38 km²" on a page whose lead names Xín Mần too, "the
// percentage of voters agreeing in Bac Kan province reached 97.49%" on a
// page on Thái Nguyên. The place asked, named only in the title or lead,
// passes the named-place check; the place the sentence names of the same
// kind is the one its figure belongs to.

// placeMention is a place a text writes with its kind: the kinds (bits of
// placeKindNames) and the name, folded, with the number that ends a
// numbered name ("Duy Tiên 5", "Duy Tien Ward 1").
type placeMention struct {
	kinds uint32
	name  []string
	// alts are, for a place the question names, the spellings its
	// required names give it ("qng | quang ngai").
	alts [][]string
	// short: the kind is written short, in capitals ("P.Thị Nại"): a
	// name the corpus need not write after the kind written out.
	short bool
	// locative: a locative stands before it in its clause ("tại trụ sở
	// UBND phường A"): the place is where, not whose.
	locative bool
}

// locatives are the lexicon's Locatives in lower case with their marks:
// folded, "tại" would be the "tái" of "tái lập" and "ở" the "Ô" of a name.
var locatives = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range content.Lexicon.Locatives {
		m[lowerNormalize(w)] = true
	}
	return m
}()

// englishKindBits are the lexicon's kinds of place an English kind word
// stands for ("district": huyện or quận), by placeKindNames' index.
var englishKindBits = func() map[string]uint32 {
	out := map[string]uint32{}
	for k, p := range content.Lexicon.PlacePrefixes {
		for _, e := range p.English {
			out[e] |= 1 << k
		}
	}
	return out
}()

// ordinalWord is the lexicon's OrdinalMarker, folded.
var ordinalWord = content.Fold(content.Lexicon.OrdinalMarker)

// placeNameMax is how many syllables a place's name may run to.
const placeNameMax = 4

// placeMentions reads the places a text writes with their kind: a
// Vietnamese kind before a capitalised name ("xã Hải Phú", "P.Thị Nại"),
// or an English one after it ("Bac Kan province", "Duy Tien Ward 1").
func placeMentions(text string) []placeMention {
	var out []placeMention
	// A kind before a colon introduces a list ("sáp nhập 3 xã: A, B và
	// C"), a label its value ("Huyện Đắk Glong: 56 thôn"): no name runs
	// across it.
	// A locative sets the rest of its clause: "đi học kinh nghiệm ở thành
	// phố A và thành phố B" names two settings.
	for seg := range strings.SplitSeq(text, ":") {
		for clause := range strings.FieldsFuncSeq(seg, func(r rune) bool { return strings.ContainsRune(",;()", r) }) {
			out = append(out, segmentMentions(clause)...)
		}
	}
	return out
}

// segmentMentions is placeMentions of a text with no colon.
func segmentMentions(text string) []placeMention {
	var cased, folded []string
	eachWord(content.Normalize(text), func(w string) {
		cased = append(cased, w)
		folded = append(folded, foldSyllable(strings.ToLower(w)))
	})
	number := func(name []string, j int) []string {
		if j < len(folded) && len(folded[j]) <= 3 && allDigits(folded[j]) {
			return append(name, folded[j])
		}
		return name
	}
	var out []placeMention
	locativeBefore := func(i int) bool {
		for k := 0; k < i; k++ {
			if locatives[strings.ToLower(cased[k])] {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(folded); i++ {
		// A Vietnamese kind, written out or short in capitals, before
		// the name.
		for n, forms := range placeForms {
			for fi, f := range forms {
				j := i + len(f)
				if j >= len(folded) || !slices.Equal(folded[i:j], f) || fi > 0 && (!startsUpper(cased[i]) || strings.ToUpper(cased[i]) != cased[i]) {
					continue
				}
				// Written with marks, the kind is written as it is:
				// "Quán Thánh" is no "quận Thánh".
				if fi == 0 && !asciiWords(cased[i:j]) && !kindWrittenAt(cased, i) {
					continue
				}
				var name []string
				// "tỉnh Thứ Sáu 08/3": a weekday after the kind, in a
				// schedule's table, is no place.
				if j < len(folded) && folded[j] == ordinalWord {
					continue
				}
				for ; j < len(folded) && len(name) < placeNameMax; j++ {
					if !startsUpper(cased[j]) || content.AllCaps(cased[j]) || kindWrittenAt(cased, j) {
						break
					}
					name = append(name, folded[j])
				}
				if len(name) > 0 {
					out = append(out, placeMention{kinds: 1 << n, name: number(name, j), short: fi > 0, locative: locativeBefore(i)})
				}
			}
		}
		// An English kind after the name.
		kb, ok := englishKindBits[folded[i]]
		if !ok {
			continue
		}
		end := i
		if folded[i] == "zone" {
			if i == 0 || folded[i-1] != "special" {
				continue
			}
			end = i - 1
		}
		k := end
		// "Duy Tien 2 Ward": the number before the kind ends the name.
		var num string
		if k > 1 && len(folded[k-1]) <= 3 && allDigits(folded[k-1]) && startsUpper(cased[k-2]) {
			num = folded[k-1]
			k--
			end--
		}
		for k > 0 && end-k < placeNameMax && startsUpper(cased[k-1]) && !content.AllCaps(cased[k-1]) {
			k--
		}
		// "The ward …", "In Anh Dung ward": a sentence's nearest word is
		// no name's.
		for k < end && englishStop[folded[k]] {
			k++
		}
		if k < end {
			name := slices.Clone(folded[k:end])
			if num != "" {
				name = append(name, num)
			} else {
				name = number(name, i+1)
			}
			out = append(out, placeMention{kinds: kb, name: name, locative: locativeBefore(k)})
		}
	}
	return out
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// sameName: one name ends or starts the other ("hồ chí minh" and
// "thành phố hồ chí minh"; "in anh dung", the sentence's nearest word
// taken in; "duy tiên" and "duy tiên 1"): read as the same place.
func sameName(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) > 0 && (slices.Equal(a, b[:len(a)]) || slices.Equal(a, b[len(b)-len(a):]))
}

// questionPlaces are the places a question names with their kind: as the
// corpus writes them after the kind (placesAsked: typed in lower case or
// without marks too), with the number after the name, and as written
// with an English kind after them.
func (ix *Index) questionPlaces(pq *parsedQuery) []placeMention {
	// As written, in capitals with its marks, a name is read whole
	// ("Phường Quán Thánh", where the folded words read "quận Thanh"); the
	// folded reading adds what is typed in lower case or without marks.
	out := placeMentions(pq.raw)
	raw := len(out)
	for _, p := range ix.placesAsked(pq.folded) {
		if slices.ContainsFunc(out[:raw], func(m placeMention) bool { return containsSeq(m.name, p.name) }) {
			continue
		}
		name := slices.Clone(p.name)
		// The number after the name, read from where the name ends.
		for i := 0; i+len(name) <= len(pq.folded); i++ {
			if slices.Equal(pq.folded[i:i+len(name)], p.name) {
				if j := i + len(name); j < len(pq.folded) && len(pq.folded[j]) <= 3 && allDigits(pq.folded[j]) {
					name = append(name, pq.folded[j])
				}
				break
			}
		}
		out = append(out, placeMention{kinds: 1 << p.kind, name: name})
	}
	for i := range out {
		out[i].alts = [][]string{out[i].name}
		for _, r := range pq.required {
			if slices.ContainsFunc(r, func(alt []string) bool { return slices.Equal(alt, out[i].name) }) {
				out[i].alts = append(out[i].alts, r...)
			}
		}
	}
	return out
}

// names: one of the place's spellings is the name, as sameName reads it.
func (p placeMention) names(name []string) bool {
	return slices.ContainsFunc(p.alts, func(alt []string) bool { return sameName(alt, name) })
}

// governedBySister: each value of a kind the question asks that the unit
// states is governed — the nearest place of an asked place's kind written
// before it in the unit — by a place of that kind other than the ones
// asked ("Huyện Hoàng Su Phì có diện tích 632,38 km²" for Xín Mần). A
// value with no place of the kind before it, or the place asked nearest,
// answers for it: "… 7.947 người của phường Thống Nhất vào phường Tân
// Tiến" is read as no sister's, and an address naming another ward's seat
// ("đặt tại trụ sở UBND phường An Hòa") names it inside the value.
func (ix *Index) governedBySister(q *sisterQuery, u *unit, folded []string) bool {
	asked, types, text := q.places, q.types, u.text
	if len(asked) == 0 || len(types) == 0 || !q.kindWritten(folded) {
		return false
	}
	// A unit naming a place asked anywhere is read as its own: "Phường
	// Hiệp Bình được thành lập trên cơ sở sáp nhập phường …, có diện tích
	// …" states the whole's figure after its parts.
	var kinds uint32
	for _, p := range asked {
		for _, alt := range p.alts {
			if containsSeq(folded, alt) {
				return false
			}
		}
		kinds |= p.kinds
	}
	// A figure of a place inside the one asked, or beside it of another
	// kind ("thành phố Gia Nghĩa có 8 đơn vị hành chính cấp xã" on a page
	// on tỉnh Đắk Nông; "Xã Bản Khoang có tổng diện tích …" for huyện Sa
	// Pa) is not the one asked's.
	askedKinds := kinds
	kinds |= q.parts
	governed, valued := false, false
	var titled *titleGoverns
	var values []content.Value
	switch {
	case q.countsOnly:
		// The unit's counts were read at build, with their spans.
		values = u.counts()
	case u.values&q.valueMask != 0:
		values = content.Values(text)
	}
	for _, v := range values {
		if !content.Answers(types, v) {
			continue
		}
		var nearest *placeMention
		ms := placeMentions(sentenceBefore(text, v.Span[0]))
		for i := len(ms) - 1; i >= 0; i-- {
			if ms[i].kinds&kinds != 0 && !ms[i].locative && ix.knownPlace(ms[i]) {
				nearest = &ms[i]
				break
			}
		}
		if nearest == nil {
			// A sentence naming no place of the kind ("Đảng bộ phường
			// có … 3.776 đảng viên") speaks of its page's: the place
			// of the kind its article's title names, if the title names
			// no place asked.
			if titled == nil {
				titled = ix.titlePlace(int(u.article), asked, askedKinds)
			}
			if !titled.governs {
				return false
			}
			governed, valued = true, true
			continue
		}
		for _, p := range asked {
			if p.kinds&nearest.kinds != 0 && p.names(nearest.name) {
				return false
			}
		}
		governed = true
		valued = true
	}
	if valued {
		return governed
	}
	// No value of the kind asked is read ("Location of the office of Duy
	// Tien Ward 1 Administrative Unit: Expected at …", an address in
	// words): the unit's subject governs — the first place of the kind
	// in its first sentence, before a label's colon, and not a setting.
	first := firstSentence(text)
	if i := strings.IndexByte(first, ':'); i >= 0 {
		first = first[:i]
	}
	first = beforeLocative(first)
	for _, m := range placeMentions(first) {
		if m.kinds&kinds == 0 || m.locative || !ix.knownPlace(m) {
			continue
		}
		for _, p := range asked {
			if p.kinds&m.kinds != 0 && p.names(m.name) {
				return false
			}
		}
		return true
	}
	return false
}

// titleGoverns is what an article's title says of whose figures its
// sentences naming no place state.
type titleGoverns struct{ governs bool }

// titlePlace: the article's title names a place of the kinds (not a
// setting, a name the corpus writes) and no place asked: its page is
// about another place of the kind asked.
func (ix *Index) titlePlace(article int, asked []placeMention, kinds uint32) *titleGoverns {
	title := ix.corpus.Articles[article].Title
	// A title naming a place asked anywhere, with its kind or not
	// ("Tỉnh Thử Nghiệm mới sau hợp nhất với tỉnh …", its kind opening
	// the title in capitals), is about it.
	folded := foldWords(title)
	for _, p := range asked {
		for _, alt := range p.alts {
			if containsSeq(folded, alt) {
				return &titleGoverns{}
			}
		}
	}
	other := false
	for _, m := range placeMentions(title) {
		if m.kinds&kinds == 0 || m.locative || !ix.knownPlace(m) {
			continue
		}
		for _, p := range asked {
			if p.kinds&m.kinds != 0 && p.names(m.name) {
				return &titleGoverns{}
			}
		}
		other = true
	}
	return &titleGoverns{governs: other}
}

// knownPlace: the mention's kind is written short in capitals, or the
// corpus writes its name (without its number) after a kind of place or
// before an English one ("Tỉnh Thành: Khánh Hòa", a table's heading,
// names no province "Thành").
func (ix *Index) knownPlace(m placeMention) bool {
	if m.short {
		return true
	}
	name := m.name
	if n := len(name); n > 1 && allDigits(name[n-1]) {
		name = name[:n-1]
	}
	_, ok := ix.places[strings.Join(name, " ")]
	return ok
}

// sentenceBefore is the part of text's sentence before byte end: from the
// last full stop, question or exclamation mark followed by a space, or
// line break, before it.
func sentenceBefore(text string, end int) string {
	end = min(end, len(text))
	start := 0
	for i := 0; i+1 < end; i++ {
		switch text[i] {
		case '.', '!', '?':
			if text[i+1] == ' ' {
				start = i + 2
			}
		case '\n':
			start = i + 1
		}
	}
	return text[min(start, end):end]
}

// firstSentence is text up to its first full stop, question or
// exclamation mark followed by a space, or line break.
func firstSentence(text string) string {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '.', '!', '?':
			if i+1 < len(text) && text[i+1] == ' ' {
				return text[:i]
			}
		case '\n':
			return text[:i]
		}
	}
	return text
}

// beforeLocative is text up to its first locative word: what follows is
// where ("được đặt tại thành phố A, thuộc tỉnh B").
func beforeLocative(text string) string {
	end := len(text)
	off := 0
	eachWordWhile(text, func(w string) bool {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return false
		}
		off += i
		if locatives[lowerNormalize(w)] {
			end = off
			return false
		}
		off += len(w)
		return true
	})
	return text[:end]
}

// sisterQuery is what governedBySister reads of a question, made once a
// question: the places it names with their kind, the kinds of value it
// asks, the unit value bits that may hold one, and the first words of the
// kinds a unit must write to name a place of an asked kind.
type sisterQuery struct {
	places    []placeMention
	types     []content.Asked
	valueMask uint32
	kindFirst map[string]bool
	// parts are the kinds of place whose figure is not an asked place's
	// (partKinds), where a figure is asked.
	parts uint32
	// countsOnly: only counts and populations are asked, which a unit
	// keeps from its build (unit.counts).
	countsOnly bool
}

// sisterOf reads q's sisterQuery; nil where no place is asked a value of.
func (ix *Index) sisterOf(pq *parsedQuery) *sisterQuery {
	if pq.whichPlace != 0 {
		return nil
	}
	q := &sisterQuery{}
	for _, a := range pq.asked {
		if a.Type != content.ValuePerson {
			q.types = append(q.types, a.Undated())
			q.valueMask |= valueBit[a.Type]
		}
	}
	if len(q.types) == 0 {
		return nil
	}
	q.countsOnly = !slices.ContainsFunc(q.types, func(a content.Asked) bool {
		return a.Type != content.ValueCount && a.Type != content.ValuePopulation
	})
	if q.places = ix.questionPlaces(pq); len(q.places) == 0 {
		return nil
	}
	for _, t := range valueKinds {
		if content.Answers(q.types, content.Value{Type: t}) {
			q.valueMask |= valueBit[t]
		}
	}
	var kinds uint32
	for _, p := range q.places {
		kinds |= p.kinds
	}
	if asksFigure(q.types) {
		q.parts = partKinds(kinds)
		kinds |= q.parts
	}
	q.kindFirst = map[string]bool{}
	for k, forms := range placeForms {
		if kinds&(1<<k) == 0 {
			continue
		}
		for _, f := range forms {
			if len(f) > 0 {
				q.kindFirst[f[0]] = true
			}
		}
	}
	for w, b := range englishKindBits {
		if b&kinds != 0 {
			q.kindFirst[w] = true
		}
	}
	return q
}

// kindWritten: the unit's folded words hold the first word of a kind of
// place asked — else it names no place of that kind.
func (q *sisterQuery) kindWritten(folded []string) bool {
	for _, w := range folded {
		if q.kindFirst[w] {
			return true
		}
	}
	return false
}

// placeLevels are the lexicon's levels of its kinds of place, by
// placeKindNames' index.
var placeLevels = func() []int {
	out := make([]int, len(content.Lexicon.PlacePrefixes))
	for k, p := range content.Lexicon.PlacePrefixes {
		out[k] = p.Level
	}
	return out
}()

// partKinds are the kinds of place whose figure is not one of kinds': of a
// level below the highest of kinds, or a city beside a province or a
// district (a city is of either level).
func partKinds(kinds uint32) uint32 {
	top := 5
	for k, l := range placeLevels {
		if kinds&(1<<k) != 0 {
			top = min(top, max(l, 1))
		}
	}
	var out uint32
	for k, l := range placeLevels {
		if l >= top || l == 0 && top <= 2 {
			out |= 1 << k
		}
	}
	return out
}

// placeKindsLower are the lexicon's kinds of place written out, in lower
// case with their marks, each as its words.
var placeKindsLower = func() [][]string {
	var out [][]string
	for _, p := range content.Lexicon.PlacePrefixes {
		out = append(out, strings.Fields(lowerNormalize(p.Name)))
	}
	return out
}()

// kindWrittenAt: a kind of place, written out with its marks, starts at
// cased[j] ("Quán" of "Quán Thánh" is no "quận").
func kindWrittenAt(cased []string, j int) bool {
	for _, k := range placeKindsLower {
		if j+len(k) > len(cased) {
			continue
		}
		ok := true
		for n, w := range k {
			if lowerNormalize(cased[j+n]) != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// asciiWords: the words carry no marks (typed without them).
func asciiWords(ws []string) bool {
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			if w[i] >= 0x80 {
				return false
			}
		}
	}
	return true
}
