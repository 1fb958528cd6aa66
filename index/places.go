package index

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/kyanhbot/kyanhbot/content"
)

// englishPlaceKinds are the English kinds of place a name is written
// before ("Kien Giang province", "Ho Chi Minh City").
var englishPlaceKinds = map[string]bool{"province": true, "city": true, "ward": true, "commune": true, "district": true, "town": true}

// placesByKind are the names the articles write after a kind of place
// ("tỉnh Long An", "phường Hòa Cường") or before an English one ("Kien
// Giang province"), folded, of two to four syllables: a question naming
// one without its kind ("Long An có bao nhiêu xã", "kien giang sau sap
// xep …") names that place, and its answer must name it too, as when
// the kind is typed. One syllable alone ("Huế", "Vinh") is too often
// another word.
//
// The articles are read on every core, a share each, and the names'
// kinds joined: it read every paragraph on one core, a tenth of a
// 10,000-article build's CPU, while the batches waited for it.
//
// A build reads them while it cuts the articles (makeUnits); this is the
// reading of articles alone, for units kept from an earlier step.
func placesByKind(arts []content.Article) map[string]uint32 {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(arts)/64))
	readings := make([]*placeReading, workers)
	var wg sync.WaitGroup
	for w := range readings {
		readings[w] = newPlaceReading()
		wg.Add(1)
		go func() {
			defer wg.Done()
			from, to := w*len(arts)/workers, (w+1)*len(arts)/workers
			for i := from; i < to; i++ {
				readings[w].article(&arts[i], nil)
			}
		}()
	}
	wg.Wait()
	return joinPlaces(readings)
}

// joinPlaces is the names of every reading, with their kinds joined.
func joinPlaces(readings []*placeReading) map[string]uint32 {
	names := readings[0].names
	for _, r := range readings[1:] {
		for k, v := range r.names {
			names[k] |= v
		}
	}
	return names
}

// placeReading reads the place names of texts one after the other into
// names (placesByKind): read a text, normalised unless isNormal.
type placeReading struct {
	names map[string]uint32
	read  func(text string, isNormal bool)
}

// article reads a's title and paragraphs; norms[j], when not "", is
// paragraph j's Normalize form.
func (r *placeReading) article(a *content.Article, norms []string) {
	r.read(a.Title, false)
	for j, p := range a.Paragraphs {
		if j < len(norms) && norms[j] != "" {
			r.read(norms[j], true)
		} else {
			r.read(p, false)
		}
	}
}

func newPlaceReading() *placeReading {
	names := map[string]uint32{}
	add := func(name []string, kinds uint32) {
		if len(name) >= 2 && len(name) <= 4 {
			names[strings.Join(name, " ")] |= kinds
		}
	}
	// What read makes of each paragraph is kept from one to the next:
	// cased and folded reused, each word's fold looked up here first (a
	// lower-casing and the shared fold cache's lock a word were a third
	// of the reading), and the stops found only for a paragraph that
	// names a kind of place.
	var cased, folded []string
	// Each word's fold, and what the loop below asks of the fold, looked
	// up once a word (three map look-ups a word were a third of the
	// reading).
	type placeWord struct {
		fold    string
		english bool  // englishPlaceKinds
		kinds   []int // kindsByFirst
	}
	foldOf := map[string]placeWord{}
	var words []placeWord
	var stops, ends []bool
	read := func(text string, isNormal bool) {
		norm := text
		if !isNormal {
			norm = content.Normalize(text)
		}
		cased = cased[:0]
		eachWord(norm, func(w string) { cased = append(cased, w) })
		if len(cased) < 3 {
			return
		}
		// A heading in title case ("Tỉnh Hưng Yên Có Bao Nhiêu Xã,
		// Phường Sau Sáp Nhập?") capitalises what is no name.
		upper := 0
		for _, w := range cased {
			if startsUpper(w) {
				upper++
			}
		}
		if upper*10 > len(cased)*6 {
			return
		}
		// Both made at once, the first time either is asked for.
		stops, ends = nil, nil
		stopsOf := func() []bool {
			if stops == nil {
				stops, ends = nameStopsEnds(norm, len(cased))
			}
			return stops
		}
		endsOf := func() []bool {
			if ends == nil {
				stops, ends = nameStopsEnds(norm, len(cased))
			}
			return ends
		}
		// Whether the text writes accents, asked only where a name's
		// word folds as a kind of place: in an accented text "Tĩnh" of
		// "tỉnh Hà Tĩnh", "Tô" of "đặc khu Cô Tô" and "Phương" of "xã
		// Phương Trung" are the name's, not a kind starting another
		// (prefixWrittenAt, as a question's name is read).
		accented := int8(0)
		accentsOf := func() bool {
			if accented == 0 {
				accented = -1
				if writesAccents(cased) {
					accented = 1
				}
			}
			return accented > 0
		}
		folded, words = folded[:0], words[:0]
		for _, w := range cased {
			pw, ok := foldOf[w]
			if !ok {
				f := foldSyllable(strings.ToLower(w))
				pw = placeWord{fold: f, english: englishPlaceKinds[f], kinds: kindsByFirst[f]}
				if len(foldOf) < placeFoldsMax {
					// Its own copy: w is a slice of the corpus's text,
					// which may be mapped and let go after the build.
					foldOf[strings.Clone(w)] = pw
				}
			}
			folded, words = append(folded, pw.fold), append(words, pw)
		}
		for i := 0; i < len(folded); i++ {
			if words[i].english && i > 0 && startsUpper(cased[i-1]) {
				k := i
				for k > 0 && i-k < 3 && startsUpper(cased[k-1]) && !content.AllCaps(cased[k-1]) && !stopsOf()[k] &&
					syllableRe.MatchString(folded[k-1]) {
					k--
				}
				// "In Anh Dung ward": the sentence's first word is no name's.
				for k < i && englishStop[folded[k]] {
					k++
				}
				// Capitalised all along ("Unlocking Progress In Vinh
				// City") is a heading, not a name.
				if k > 0 && startsUpper(cased[k-1]) && !stopsOf()[k] {
					continue
				}
				add(folded[k:i], anyKind)
				continue
			}
			for _, n := range words[i].kinds {
				p := placeKindNames[n]
				if i+len(p) >= len(folded) || !slices.Equal(folded[i:i+len(p)], p) {
					continue
				}
				j := i + len(p)
				var name []string
				for ; j < len(folded) && len(name) < 4; j++ {
					if !startsUpper(cased[j]) || content.AllCaps(cased[j]) || prefixWrittenAt(folded, cased, j, accentsOf()) || len(name) > 0 && stopsOf()[j] || len(name) == 0 && endsOf()[j] {
						break
					}
					name = append(name, folded[j])
				}
				// A heading in title case ("Tên Xã Sau Sáp Nhập", "Hưng
				// Yên Có Bao Nhiêu Xã") runs on past the name: where the
				// kind is capitalised inside a sentence after a
				// capitalised word, or the name runs into one more, the
				// name cannot be told.
				heading := i > 0 && !stopsOf()[i] && startsUpper(cased[i]) && startsUpper(cased[i-1]) ||
					j < len(cased) && !stopsOf()[j] && startsUpper(cased[j])
				// A person's name after "tổ" or "khối" ("Nguyễn Thị …").
				person := len(name) > 1 && content.IsSurname(name[0]) && middleNames[name[1]]
				if !heading && !person {
					add(name, 1<<n)
				}
				break
			}
		}
	}
	return &placeReading{names: names, read: read}
}

// placeFoldsMax bounds a placeReading's own folds of words: a corpus writes a
// few tens of thousands of distinct words.
const placeFoldsMax = 200000

// middleNames are the lexicon's middle names, folded.
var middleNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range content.Lexicon.MiddleNames {
		m[content.Fold(w)] = true
	}
	return m
}()

// anyKind: a name read from English text, whose kind is not compared.
const anyKind = ^uint32(0)

// placeKindNames are the lexicon's kinds of place as written out, folded
// (not their short forms: "X Hội" is no commune).
var placeKindNames = func() [][]string {
	var out [][]string
	for _, p := range content.Lexicon.PlacePrefixes {
		out = append(out, foldWords(p.Name))
	}
	return out
}()

// kindsByFirst lists, by first word, the indexes in placeKindNames of the
// kinds starting with it, in order: placesByKind tries at each word only
// the kinds that can start there (trying every kind at every word of the
// corpus was most of its cost).
var kindsByFirst = func() map[string][]int {
	m := map[string][]int{}
	for n, p := range placeKindNames {
		if len(p) > 0 {
			m[p[0]] = append(m[p[0]], n)
		}
	}
	return m
}()

// placesNamed are the corpus's place names the question writes without
// their kind, each once, longest first, not already required. After a
// kind the question types ("tinh mau lam them …"), a name counts only if
// the corpus writes it after that kind: "Mẫu Lâm" is a ward's name, and
// "tỉnh Mẫu làm thêm" names no ward.
//
// A name is read in words no required name of the question takes, nor
// a body's head of several words, and across no stop ("huyện Lý Sơn là
// xã đảo" names no Sơn La, "xã Cao Phong (Phú Thọ)" no Phong Phú,
// "công an Phú Giáo" no An Phú): the question's words name one thing
// each.
func (ix *Index) placesNamed(folded, accented []string, qAccented bool, required [][][]string, stops []bool) [][][]string {
	var out [][][]string
	spans := requiredSpans(folded, required)
	for k := range folded {
		if h := ix.bodyHeadAt(folded, k); len(h) > 1 {
			spans = append(spans, [2]int{k, k + len(h)})
		}
	}
	for i := 0; i < len(folded); i++ {
		if ix.kindStartsAt(folded, accented, qAccented, i) {
			continue
		}
		for n := min(4, len(folded)-i); n >= 2; n-- {
			name := folded[i : i+n]
			kinds, ok := ix.places[strings.Join(name, " ")]
			if !ok || requiredHolds(required, name) || requiredHolds(out, name) || cutsKind(folded, i, i+n) ||
				straddles(spans, i, i+n) || i+n <= len(stops) && slices.Contains(stops[i+1:i+n], true) {
				continue
			}
			k := kindBefore(folded, i)
			if k >= 0 && kinds&(1<<k) == 0 {
				continue
			}
			// Function words as typed ("là gì", "la gi" for "là gì") name
			// no place without its kind before them, though a town's
			// name folds as they do (thị xã La Gi).
			if k < 0 && allStops(accented[i:i+n], name, qAccented) {
				continue
			}
			out = append(out, [][]string{slices.Clone(name)})
			i += n - 1
			break
		}
	}
	return out
}

// kindStartsAt: the question's words at i are a kind of place, not the
// start of a name that folds as they do ("tỉnh Bắc Kạn" is no commune
// "Tĩnh Bắc" and a "Kạn"): written with the kind's marks in a question
// that writes marks, or before a name the corpus writes after that kind.
func (ix *Index) kindStartsAt(folded, accented []string, qAccented bool, i int) bool {
	for pi, p := range placePrefixes {
		if i+len(p) >= len(folded) || !slices.Equal(folded[i:i+len(p)], p) {
			continue
		}
		if acc := placePrefixAccents[pi]; acc != nil && qAccented && sameAccents(accented[i:min(i+len(p), len(accented))], acc) {
			return true
		}
		k := slices.IndexFunc(placeKindNames, func(n []string) bool { return slices.Equal(n, p) })
		if k < 0 {
			continue
		}
		for n := min(4, len(folded)-i-len(p)); n >= 2; n-- {
			if ix.places[strings.Join(folded[i+len(p):i+len(p)+n], " ")]&(1<<k) != 0 {
				return true
			}
		}
	}
	return false
}

// requiredSpans are the spans [start, end) of the question's words that
// a required name's spelling is written in, where the question writes it
// whole.
func requiredSpans(folded []string, required [][][]string) [][2]int {
	var spans [][2]int
	for _, r := range required {
		for _, alt := range r {
			for i := 0; len(alt) > 0 && i+len(alt) <= len(folded); i++ {
				if slices.Equal(folded[i:i+len(alt)], alt) {
					spans = append(spans, [2]int{i, i + len(alt)})
				}
			}
		}
	}
	return spans
}

// straddles: the words [i, j) start inside one of spans, or one of spans
// starts inside them after their first word ("Nghi Sơn là" read as Sơn
// La beside Nghi Sơn); words starting where a span starts extend it
// ("tỉnh Hà Tĩnh": Hà Tĩnh beside Hà).
func straddles(spans [][2]int, i, j int) bool {
	for _, s := range spans {
		if s[0] < i && i < s[1] || i < s[0] && s[0] < j {
			return true
		}
	}
	return false
}

// cutsKind: the words folded[i:j] end inside a kind of place of more
// than one word ("Công an TP.HCM" read "công an thành phố HCM": "an
// thành" is no place, "thành phố" is the city's kind).
func cutsKind(folded []string, i, j int) bool {
	for k := i; k < j; k++ {
		for _, p := range placePrefixes {
			if len(p) > 1 && k+len(p) > j && k+len(p) <= len(folded) && slices.Equal(folded[k:k+len(p)], p) {
				return true
			}
		}
	}
	return false
}

// allStops: every word of a name is a function word as the question
// types it (isStop).
func allStops(accented, folded []string, qAccented bool) bool {
	for i, w := range accented {
		if !isStop(w, folded[i], qAccented) {
			return false
		}
	}
	return true
}

// requiredHolds: one of the required names' spellings holds name.
func requiredHolds(required [][][]string, name []string) bool {
	for _, r := range required {
		for _, alt := range r {
			if containsSeq(alt, name) {
				return true
			}
		}
	}
	return false
}

// kindBefore is the index in placeKindNames of the kind written right
// before folded[i], -1 if none.
func kindBefore(folded []string, i int) int {
	for n, p := range placeKindNames {
		if i >= len(p) && slices.Equal(folded[i-len(p):i], p) {
			return n
		}
	}
	return -1
}

// whichReach is how many words may stand between a kind of place and
// the "nào" asking which ("những phường, xã cũ nào"); englishWhichReach
// between "which" and the English kind ("which former districts").
const (
	whichReach        = 4
	englishWhichReach = 2
)

// whichPlaces are the kinds of place a question asks which of (bits of
// placeKindNames; anyKind for "đơn vị" or an English kind): "nào" after
// a kind of place ("gồm những xã nào", "sáp nhập với tỉnh nào"), "which"
// or "what" before an English one. 0 when it asks none.
func whichPlaces(folded []string) uint32 {
	var kinds uint32
	for i, w := range folded {
		switch {
		case w == whichWord:
			// Back from "nào" over kinds and the words that qualify them
			// ("phường, xã cũ nào"); a name between ("xã Ia Dơk nằm chỗ
			// nào") asks where, not which.
			for j := i; j > 0 && j >= i-whichReach; {
				if k := kindBefore(folded, j); k >= 0 && !(folded[j-1] == "quan" && j > 1 && folded[j-2] == "co") {
					kinds |= 1 << k
					j -= len(placeKindNames[k])
				} else if j > 1 && folded[j-2] == "don" && folded[j-1] == "vi" {
					kinds = anyKind
					j -= 2
				} else if whichQualifiers[folded[j-1]] {
					j--
				} else {
					break
				}
			}
		case slices.Contains(content.Lexicon.EnglishWhich, w):
			for j := i + 1; j < len(folded) && j <= i+englishWhichReach; j++ {
				if englishWhichKinds[stemEN(folded[j])] {
					kinds = anyKind
				}
			}
		}
	}
	return kinds
}

// whichQualifiers and whichWord are the lexicon's, folded.
var whichQualifiers = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range content.Lexicon.WhichQualifiers {
		m[content.Fold(w)] = true
	}
	return m
}()

var whichWord = content.Fold(content.Lexicon.Which)

// englishWhichKinds are the English kinds of place a which-question asks
// for (englishPlaceKinds and the lexicon's EnglishWhichKinds), stemmed as
// stemEN does.
var englishWhichKinds = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range append(slices.Collect(maps.Keys(englishPlaceKinds)), content.Lexicon.EnglishWhichKinds...) {
		m[stemEN(k)] = true
	}
	return m
}()

// namesOtherPlace: the unit (its words folded) writes a place name that
// the corpus writes after a kind of place in kinds (ix.places), and the
// question (its folded words joined, with a space at each end) does not.
func (ix *Index) namesOtherPlace(question string, kinds uint32, folded []string) bool {
	var key []byte
	for i := range folded {
		key = key[:0]
		for n := 1; n <= 4 && i+n <= len(folded); n++ {
			if n > 1 {
				key = append(key, ' ')
			}
			key = append(key, folded[i+n-1]...)
			if n < 2 {
				continue
			}
			if k, ok := ix.places[string(key)]; ok && k&kinds != 0 && !strings.Contains(question, " "+string(key)+" ") {
				return true
			}
		}
	}
	return false
}

// whichMargin and whichReachRanks: how far below the best, and how many
// places, a unit of its article naming a place of the kind asked may
// stand and answer in its place.
const (
	whichMargin     = 0.2
	whichReachRanks = 3
)

// whichFirst: where the question asks which places of a kind and the best
// unit names none the question does not, a unit of the same article close
// below it that does answers instead ("Phường B được thành lập trên cơ sở
// phường C, xã D" over the lead announcing the merger).
func (ix *Index) whichFirst(ranked []scored, margin float64) {
	// A table's row is a record of its own place: another row names
	// other places, of which none is asked.
	if len(ranked) < 2 || ranked[0].names || ix.units[ranked[0].unit].row {
		return
	}
	a := ix.units[ranked[0].unit].article
	for k := 1; k < len(ranked) && k <= whichReachRanks && ranked[0].score-ranked[k].score <= margin; k++ {
		// Not one a check marked down that the best passed: another
		// row of the page's table, naming not the place asked.
		// Nor one that writes another place of the kind of the one asked
		// about, and not that one, where the best writes it: "Thành lập
		// phường B trên cơ sở …" is another ward's record, under the
		// question's "phường A gồm những phường nào".
		if ranked[0].asked && !ranked[k].asked && ranked[k].other {
			continue
		}
		if ranked[k].names && ix.units[ranked[k].unit].article == a && ranked[k].gate.checks&^ranked[0].gate.checks == 0 {
			s := ranked[k]
			copy(ranked[1:k+1], ranked[:k])
			ranked[0] = s
			return
		}
	}
}

// unitFolds are the unit's words, folded.
func (ix *Index) unitFolds(u *unit) []string {
	out := make([]string, 0, countWords(u.words))
	for p := 0; p < len(u.words); {
		var id uint32
		id, p = nextWord(u.words, p)
		out = append(out, ix.vocab.fold[id])
	}
	return out
}

// placeForms are, for each of the lexicon's kinds of place (in
// placeKindNames' order), its forms folded: the name written out and the
// short forms ("thành phố", "tp").
var placeForms = func() [][][]string {
	out := make([][][]string, len(content.Lexicon.PlacePrefixes))
	for n, p := range content.Lexicon.PlacePrefixes {
		out[n] = append(out[n], foldWords(p.Name))
		for _, s := range p.Short {
			out[n] = append(out[n], foldWords(s))
		}
	}
	return out
}()

// kindName is a place written after its kind: the kind's index in
// placeKindNames and the name, folded.
type kindName struct {
	kind int
	name []string
}

// placesAsked are the places a which-question names with their kind, as
// the corpus writes them ("phường Vũng Tàu", "huyen dinh quan"): what it
// asks about, not what it asks for.
func (ix *Index) placesAsked(folded []string) []kindName {
	var out []kindName
	for i := 0; i < len(folded); i++ {
		for n, forms := range placeForms {
			for _, f := range forms {
				j := i + len(f)
				if j >= len(folded) || !slices.Equal(folded[i:j], f) {
					continue
				}
				for m := min(4, len(folded)-j); m >= 1; m-- {
					if k, ok := ix.places[strings.Join(folded[j:j+m], " ")]; ok && k&(1<<n) != 0 {
						out = append(out, kindName{n, folded[j : j+m]})
						break
					}
				}
			}
		}
	}
	return out
}

// writesPlace reads how the words write the places asked about: asked,
// one of them with its kind, in any of the kind's forms; other, another
// place of the same kind as one of them ("phường Phước Thắng" where
// "phường Vũng Tàu" is asked about).
func (ix *Index) writesPlace(folded []string, places []kindName) (asked, other bool) {
	for _, p := range places {
		for i := range folded {
			for _, f := range placeForms[p.kind] {
				j := i + len(f)
				if j >= len(folded) || !slices.Equal(folded[i:j], f) {
					continue
				}
				if j+len(p.name) <= len(folded) && slices.Equal(folded[j:j+len(p.name)], p.name) {
					asked = true
					continue
				}
				for m := min(4, len(folded)-j); m >= 1; m-- {
					if k, ok := ix.places[strings.Join(folded[j:j+m], " ")]; ok && k&(1<<p.kind) != 0 {
						other = true
						break
					}
				}
			}
		}
	}
	return asked, other
}

// listJoins are the lexicon's ListJoiners, folded.
var listJoins = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range content.Lexicon.ListJoiners {
		m[content.Fold(w)] = true
	}
	return m
}()

// onlyListed: text writes one of the name's spellings, and each time as an
// item of a list of places ("gồm 16 phường: Bình Minh, Hải Hòa, …", "Ben
// Tre, Tra Vinh and Vinh Long provinces"): between a list's separators,
// its kind before it or not. A figure beside such a list is the whole's,
// not the item's.
func onlyListed(text string, name [][]string) bool {
	f := content.Fold(text)
	seen := false
	for _, alt := range name {
		if len(alt) == 0 {
			continue
		}
		w := strings.Join(alt, " ")
		for off := 0; ; {
			i := strings.Index(f[off:], w)
			if i < 0 {
				break
			}
			i += off
			j := i + len(w)
			off = j
			if i > 0 && foldedWordByte(f[i-1]) || j < len(f) && foldedWordByte(f[j]) {
				continue
			}
			seen = true
			if !listSepBefore(f[:i]) || !listSepAfter(f[j:]) {
				return false
			}
		}
	}
	return seen
}

func foldedWordByte(b byte) bool { return b >= 0x80 || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// listSepBefore: what ends s is a list's separator (",", ":", ";", "và"),
// a place's kind between them or not.
func listSepBefore(s string) bool {
	ws := strings.Fields(s)
	if len(ws) > 0 {
		// A kind of place right before the name: "…, xã Hải Hòa".
		for _, forms := range placeForms {
			for _, k := range forms {
				if len(k) > 0 && len(ws) >= len(k) && slices.Equal(ws[len(ws)-len(k):], k) {
					ws = ws[:len(ws)-len(k)]
					break
				}
			}
		}
	}
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	return listJoins[last] || strings.HasSuffix(last, ",") || strings.HasSuffix(last, ":") || strings.HasSuffix(last, ";")
}

// listSepAfter: s starts with a list's separator or its end ("," ";" "và"
// "." ")"), or the kind the items share ("… Vinh Long provinces").
func listSepAfter(s string) bool {
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return true
	}
	switch t[0] {
	case ',', ';', '.', ')':
		return true
	}
	ws := strings.Fields(t)
	return listJoins[strings.Trim(ws[0], ",.;")]
}

// listedOnly: the unit's window — it, the sentence before, its list's
// introduction, its article's lead — names the place, and only as an item
// of a list.
func (ix *Index) listedOnly(u *unit, name [][]string) bool {
	texts := []string{u.text}
	if u.prev > 0 {
		texts = append(texts, ix.units[u.prev-1].text)
	}
	if u.context != "" {
		texts = append(texts, u.context)
	}
	if ps := ix.corpus.Articles[u.article].Paragraphs; len(ps) > 0 {
		texts = append(texts, ps[0])
	}
	listed := false
	for _, t := range texts {
		if !namedInText(t, name) {
			continue
		}
		if !onlyListed(t, name) {
			return false
		}
		listed = true
	}
	return listed
}

// namedInText: text writes one of the name's spellings as whole words.
func namedInText(text string, name [][]string) bool {
	ws := foldWords(text)
	for _, alt := range name {
		if len(alt) > 0 && containsSeq(ws, alt) {
			return true
		}
	}
	return false
}

// asksFigure: the question asks for a figure — an area, a population, a
// count, a share.
func asksFigure(asked []content.Asked) bool {
	for _, a := range asked {
		switch a.Type {
		case content.ValueArea, content.ValuePopulation, content.ValueCount, content.ValuePercent:
			return true
		}
	}
	return false
}

// clauseMarks are the marks a kind of place may stand before its name
// across ("các phường: Vườn Lài, …", "xã (Ba Chúc)"); after a comma, a
// semicolon or a full stop the capitalised word starts another clause:
// "… tỉnh, Hội Văn học Nghệ thuật …", "… xã. Theo Nghị quyết …" name no
// place "Hội Văn" or "Theo Nghị", and a question writing "Hội Văn học"
// or "Theo Nghị quyết" was held to name them.
var clauseMarks = strings.NewReplacer(":", " ", "(", " ", ")", " ")

// unnamedPlaces are the places a question names by a body, a kind of
// place and a name no page writes ("chu tich hdnd phuong vi du la ai"):
// requiredNames reads only capitalised names and placesNamed only the
// corpus's places, so a lower-case name of a place the pages never name
// was read as words, and the chairman of another ward's council
// answered. Right after a body's short form and a kind ("UBND xã",
// "HĐND phường") the words up to "là" are a place's name.
func (ix *Index) unnamedPlaces(folded, accented, cased []string, qAccented bool, required [][][]string) [][][]string {
	var out [][][]string
	for i := 1; i < len(folded); i++ {
		if exps := ix.gloss.abbrev[folded[i-1]]; exps == nil || !namesBody(exps) {
			continue
		}
		var kind []string
		for _, kw := range titleLevelWords {
			if i+len(kw.folded) <= len(folded) && slices.Equal(folded[i:i+len(kw.folded)], kw.folded) {
				kind = kw.folded
				break
			}
		}
		if kind == nil {
			continue
		}
		// The name is typed in small letters (a capitalised one is
		// requiredNames'), two or three syllables, up to the "là" that
		// asks about it ("… là ai", "… là gì") or the question's end.
		var name []string
		for j := i + len(kind); j < len(folded) && j < len(cased) && folded[j] != copulaWord; j++ {
			if len(name) > maxUnnamed || isDigits(folded[j]) || titleAt(folded, j) || isPlacePrefixAt(folded, j) ||
				ix.bodyAt(folded, j) != nil || cased[j] != strings.ToLower(cased[j]) {
				name = nil
				break
			}
			name = append(name, folded[j])
		}
		if len(name) < 2 || len(name) > maxUnnamed || requiredHolds(required, name) || requiredHolds(out, name) || ix.knownPrefix(name) {
			continue
		}
		out = append(out, [][]string{name})
	}
	return out
}

// copulaWord is "là", folded.
var copulaWord = content.Fold("là")

// maxUnnamed bounds the syllables of a place's name unnamedPlaces reads.
const maxUnnamed = 3

// knownPrefix: the first two syllables of name or more are a place some
// page names.
func (ix *Index) knownPrefix(name []string) bool {
	for n := 2; n <= len(name); n++ {
		if _, ok := ix.places[strings.Join(name[:n], " ")]; ok {
			return true
		}
	}
	return false
}
