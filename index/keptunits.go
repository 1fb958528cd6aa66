package index

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// unitsFile keeps, beside a kept index's directory (its name with this
// suffix), the corpus cut into units, and placesFile the place names found
// in it, as they were before any batch: each step of a kept build (the bench's 100,000 articles, several 10-minute commands)
// read them back instead of cutting three million units and scanning the
// corpus for place names again, which took three to six minutes of each
// step before its first batch on a loaded machine.
//
// A unit's text and context are kept as references into its article's
// paragraphs (most are sentences of them), so the units read back share
// the corpus's strings as cut ones do, instead of a second copy of the
// text; the rest (contact blocks, an article's own text, a table's
// introduction) are kept as they are, each distinct string once.
//
// They are beside the directory, not in it, so that each is written as
// soon as it is made: the directory is created with the index, after both,
// and a step that ran out of time between them keeps the first.
const (
	unitsFile  = ".units"
	placesFile = ".places"
)

// unitsVersion changes whenever what makeUnits or placesByKind make
// changes, so that units kept by other code are cut again, not read (3:
// a name's syllable folding as a kind of place, "Hà Tĩnh", is the
// name's where the text writes it with other marks).
const unitsVersion = 3

// keptUnits is unitsFile's content, a column a field.
type keptUnits struct {
	Header  string
	Article []uint32
	Kind    []uint8
	Flags   []uint8 // keptMerge, keptRow, keptPreamble, keptNormal
	Prev    []uint32
	Next    []uint32
	Text    []strRef
	Context []strRef
	// Docs are the documents the units cite, one after the other: unit
	// i's end at DocEnds[i].
	Docs    []string
	DocEnds []uint32
	// Contact is 1 + the index of the unit's contact block in its
	// article's Contacts; 0 for none.
	Contact  []uint32
	Literals []string
}

// keptPlaces is placesFile's content.
type keptPlaces struct {
	Header string
	Places map[string]uint32
}

const (
	keptMerge = 1 << iota
	keptRow
	keptPreamble
	keptNormal // the unit's text is its Normalize form
)

// strRef is a string kept as bytes [Off, Off+Len) of paragraph Para of
// the unit's article, or, with Para -1, as Literals[Off]. The empty
// string is Para -1, Off 0, Len 0 with no literal read.
type strRef struct {
	Para     int32
	Off, Len uint32
}

// unitsHeader names the corpus the units were cut from: its size and a
// checksum of its text, so that units are never read for another corpus.
func unitsHeader(c *content.Corpus, units int) string {
	h := crc32.NewIEEE()
	n := 0
	for i := range c.Articles {
		a := &c.Articles[i]
		h.Write([]byte(a.Title))
		for _, p := range a.Paragraphs {
			h.Write([]byte(p))
			h.Write([]byte{0})
			n += len(p)
		}
		h.Write([]byte{1})
	}
	return fmt.Sprintf("v%d articles %d units %d text %d crc %08x", unitsVersion, len(c.Articles), units, n, h.Sum32())
}

// keptPath is where a kept index in dir keeps what suffix names.
func keptPath(dir, suffix string) string {
	return filepath.Clean(dir) + suffix
}

// savePlaces keeps places for the kept index in dir.
func savePlaces(dir string, c *content.Corpus, places map[string]uint32) error {
	return writeGob(keptPath(dir, placesFile), &keptPlaces{Header: unitsHeader(c, 0), Places: places})
}

// loadPlaces reads what savePlaces kept for c, if it did.
func loadPlaces(dir string, c *content.Corpus) (map[string]uint32, bool) {
	f, err := os.Open(keptPath(dir, placesFile))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var k keptPlaces
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&k); err != nil || k.Header != unitsHeader(c, 0) {
		return nil, false
	}
	if k.Places == nil {
		k.Places = map[string]uint32{}
	}
	return k.Places, true
}

// saveUnits keeps units for the kept index in dir.
func saveUnits(dir string, c *content.Corpus, units []unit) error {
	k := keptUnits{
		Header:  unitsHeader(c, len(units)),
		Article: make([]uint32, len(units)),
		Kind:    make([]uint8, len(units)),
		Flags:   make([]uint8, len(units)),
		Prev:    make([]uint32, len(units)),
		Next:    make([]uint32, len(units)),
		Text:    make([]strRef, len(units)),
		Context: make([]strRef, len(units)),
		DocEnds: make([]uint32, len(units)),
		Contact: make([]uint32, len(units)),
	}
	literal := map[string]uint32{}
	// A unit's text is most often in the paragraph of the unit before
	// it: the search starts there and goes round the article.
	lastArticle, lastPara := -1, 0
	ref := func(ai int, s string) strRef {
		if s == "" {
			return strRef{Para: -1}
		}
		a := &c.Articles[ai]
		if ai != lastArticle {
			lastArticle, lastPara = ai, 0
		}
		for k := range a.Paragraphs {
			pi := (lastPara + k) % len(a.Paragraphs)
			if i := strings.Index(a.Paragraphs[pi], s); i >= 0 {
				lastPara = pi
				return strRef{Para: int32(pi), Off: uint32(i), Len: uint32(len(s))}
			}
		}
		id, ok := literal[s]
		if !ok {
			id = uint32(len(k.Literals))
			literal[s] = id
			k.Literals = append(k.Literals, s)
		}
		return strRef{Para: -1, Off: id, Len: uint32(len(s))}
	}
	for i := range units {
		u := &units[i]
		a := &c.Articles[u.article]
		k.Article[i], k.Kind[i] = uint32(u.article), uint8(u.kind)
		k.Prev[i], k.Next[i] = uint32(u.prev), uint32(u.next)
		if u.hasMerge {
			k.Flags[i] |= keptMerge
		}
		if u.row {
			k.Flags[i] |= keptRow
		}
		if u.preamble {
			k.Flags[i] |= keptPreamble
		}
		if u.normal {
			k.Flags[i] |= keptNormal
		}
		k.Text[i], k.Context[i] = ref(int(u.article), u.text), ref(int(u.article), u.context)
		k.Docs = append(k.Docs, u.docs()...)
		k.DocEnds[i] = uint32(len(k.Docs))
		if ct := u.contact(); ct != nil {
			for j := range a.Contacts {
				if &a.Contacts[j] == ct {
					k.Contact[i] = uint32(j + 1)
				}
			}
			if k.Contact[i] == 0 {
				return fmt.Errorf("index: kept units: unit %d's contact is not its article's", i)
			}
		}
	}
	return writeGob(keptPath(dir, unitsFile), &k)
}

// loadUnits reads what saveUnits kept for c; ok is false when there is
// nothing to read or it was kept for another corpus or code.
func loadUnits(dir string, c *content.Corpus) (units []unit, ok bool) {
	f, err := os.Open(keptPath(dir, unitsFile))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var k keptUnits
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&k); err != nil {
		return nil, false
	}
	n := len(k.Article)
	if k.Header != unitsHeader(c, n) || len(k.Kind) != n || len(k.Flags) != n || len(k.Prev) != n ||
		len(k.Next) != n || len(k.Text) != n || len(k.Context) != n || len(k.DocEnds) != n || len(k.Contact) != n {
		return nil, false
	}
	str := func(a *content.Article, r strRef) (string, bool) {
		switch {
		case r.Para < 0 && r.Len == 0:
			return "", true
		case r.Para < 0:
			if int(r.Off) >= len(k.Literals) {
				return "", false
			}
			return k.Literals[r.Off], true
		case int(r.Para) >= len(a.Paragraphs) || uint64(r.Off)+uint64(r.Len) > uint64(len(a.Paragraphs[r.Para])):
			return "", false
		}
		return a.Paragraphs[r.Para][r.Off : r.Off+r.Len], true
	}
	withFacts := 0
	for i := range n {
		if k.Contact[i] != 0 || (i == 0 && k.DocEnds[0] > 0) || (i > 0 && k.DocEnds[i] > k.DocEnds[i-1]) {
			withFacts++
		}
	}
	facts := make([]unitFacts, 0, withFacts)
	units = make([]unit, n)
	docsFrom := uint32(0)
	for i := range units {
		if int(k.Article[i]) >= len(c.Articles) || k.DocEnds[i] < docsFrom || int(k.DocEnds[i]) > len(k.Docs) {
			return nil, false
		}
		a := &c.Articles[k.Article[i]]
		u := &units[i]
		var okT, okC bool
		u.text, okT = str(a, k.Text[i])
		u.context, okC = str(a, k.Context[i])
		if !okT || !okC || int(k.Contact[i]) > len(a.Contacts) {
			return nil, false
		}
		u.article, u.kind = int32(k.Article[i]), kindCode(k.Kind[i])
		u.prev, u.next = int32(k.Prev[i]), int32(k.Next[i])
		u.hasMerge, u.row = k.Flags[i]&keptMerge != 0, k.Flags[i]&keptRow != 0
		u.preamble = k.Flags[i]&keptPreamble != 0
		u.normal = k.Flags[i]&keptNormal != 0
		docs := k.Docs[docsFrom:k.DocEnds[i]:k.DocEnds[i]]
		docsFrom = k.DocEnds[i]
		if len(docs) == 0 && k.Contact[i] == 0 {
			continue
		}
		var uf unitFacts
		if len(docs) > 0 {
			uf.docs = docs
		}
		if k.Contact[i] > 0 {
			uf.contact = &a.Contacts[k.Contact[i]-1]
		}
		facts = append(facts, uf)
		u.facts = &facts[len(facts)-1]
	}
	return units, true
}

// writeGob writes v to path through a temporary file, so that a build
// killed meanwhile leaves no half-written file to be read.
func writeGob(path string, v any) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	w := bufio.NewWriter(f)
	if err := gob.NewEncoder(w).Encode(v); err != nil {
		f.Close()
		return fmt.Errorf("index: kept build: %w", err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("index: kept build: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("index: kept build: %w", err)
	}
	return nil
}

// glossaryFile keeps, beside a kept index's directory, the glossary with
// the abbreviations inferred from its corpus: opening a kept 100,000-
// article index spent most of its six minutes waiting for the inference
// (two readings of 370 MB of text on one core), which a kept index need
// not redo.
const glossaryFile = ".glossary"

// glossaryVersion changes whenever what content.InferAbbreviations makes
// changes, so that a glossary inferred by other code is inferred again.
const glossaryVersion = 2

// keptGlossary is glossaryFile's content.
type keptGlossary struct {
	Header   string
	Glossary content.Glossary
}

// glossaryHeader names the corpus and the glossary given with it: the
// inference reads both.
func glossaryHeader(c *content.Corpus) (string, error) {
	var b strings.Builder
	if err := gob.NewEncoder(&b).Encode(&c.Glossary); err != nil {
		return "", fmt.Errorf("index: kept glossary: %w", err)
	}
	return fmt.Sprintf("g%d %s glossary %08x", glossaryVersion, unitsHeader(c, 0), crc32.ChecksumIEEE([]byte(b.String()))), nil
}

// saveGlossary keeps g, inferred from c, for the kept index in dir.
func saveGlossary(dir string, c *content.Corpus, g content.Glossary) error {
	h, err := glossaryHeader(c)
	if err != nil {
		return err
	}
	return writeGob(keptPath(dir, glossaryFile), &keptGlossary{Header: h, Glossary: g})
}

// loadGlossary reads what saveGlossary kept for c, if it did.
func loadGlossary(dir string, c *content.Corpus) (content.Glossary, bool) {
	h, err := glossaryHeader(c)
	if err != nil {
		return content.Glossary{}, false
	}
	f, err := os.Open(keptPath(dir, glossaryFile))
	if err != nil {
		return content.Glossary{}, false
	}
	defer f.Close()
	var k keptGlossary
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&k); err != nil || k.Header != h {
		return content.Glossary{}, false
	}
	return k.Glossary, true
}
