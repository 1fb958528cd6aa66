package index

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/kyanhbot/kyanhbot/content"
)

// BuildOptions tune how an index is built.
type BuildOptions struct {
	// Path, when set, keeps the bleve index on disk in a new directory under
	// Path; otherwise it lives in memory (scorch, which is several times faster
	// and leaner than bleve.NewMemOnly's older engine).
	Path string
	// BatchSize, when set, is how many units go into one bleve batch;
	// otherwise batches hold BatchBytes of text.
	BatchSize int
	// BatchBytes is how much unit text goes into one batch; 0 means 256 KiB.
	BatchBytes int
	// Workers is how many batches are built at once; 0 means GOMAXPROCS.
	Workers int
	// Dir, when set, builds in exactly this directory and keeps it after
	// Close (Path is then ignored). A build that ctx stops leaves the
	// batches it finished there, and a Build of the same corpus with the
	// same options resumes it: a corpus whose build does not fit in one
	// command (the bench's 100,000 articles) is built over several, and
	// once built it is opened instead of rebuilt.
	Dir string
	// Phase, when set, is called as the build starts each of its steps
	// ("cut", "batches", "merge", "terms", "pairs", "finish"): the bench
	// samples the memory at each.
	Phase func(name string)
	// MemoryLimit is what Live.Reload holds a new build to, in bytes, beside
	// the index serving: 0 means the process's soft memory limit
	// (GOMEMLIMIT, debug.SetMemoryLimit), if any; negative, no guard.
	MemoryLimit int64
}

// Stats describe a built index.
type Stats struct {
	Articles int
	Passages int
	Facts    int // contact, document and merger units
	Units    int
	Took     time.Duration
}

// Index is one immutable built index over one corpus. Search is safe for
// concurrent use.
type Index struct {
	bi  bleve.Index
	dir string // on-disk directory to remove on Close, if any
	// idWidth is the width the units' bleve IDs are padded to with
	// zeros, 0 for none (docID).
	idWidth int
	corpus  *content.Corpus
	units   []unit
	df      map[string]int // folded syllable → units containing it
	// enWords are the folded syllables the corpus's English units write:
	// a Vietnamese question's word that none of them writes, in no
	// spelling, cannot be matched on an English page however well the
	// page answers (see enReadable).
	enWords map[string]bool
	// commonPairs holds the syllable pairs in at least commonDF units: only
	// those, because the full pair dictionary is millions of entries.
	commonPairs map[string]int
	pairs       *pairIndex // the units' folded syllable pairs (pairs.go)
	terms       *termIndex // the units' folded syllables (terms.go)
	keywords    *keywords  // the units' kinds and cited documents (keywords.go)
	unitOf      []uint32   // bleve document number → unit (noUnit: deleted)
	accums      accums     // retrieve's accumulators, between searches
	gloss       glossary
	stats       Stats
	contactList []content.Contact // offered when nothing answers
	// titles are each article's title, folded, in order: a page about
	// "cấp giấy phép xây dựng" does not repeat it in every line of its
	// procedure. leads are each article's first paragraph, folded, as a
	// set: a page names its ward or office once at the top and not in
	// every sentence. A page naming no place adds the place words of its
	// address (slug.go). Both number their words in one dictionary.
	titles, leads *wordSets
	vocab         *vocab // the units' words
	// spell are the units' words as typos are looked up (spell.go).
	spell *spelling
	// hosts are each article's site name, folded and without dots
	// ("baotuyenquang" for baotuyenquang.com.vn): a province's paper or
	// portal names it there and nowhere else (hostNames).
	hosts []string
	// leadSeq are the lead's words in order (the lead's, then its address
	// places'): a place's name of several syllables is named by the lead
	// when written whole there, not when "Nam" and "Định" are apart. A
	// page whose first paragraph is its site's chrome has its first
	// paragraph of prose in its lead too (proseLead).
	leadSeq *wordSets
	// places are the place names the articles write after a kind of
	// place, folded (placesByKind).
	places map[string]uint32 // name → kinds it is written after (bits of placeKindNames)
	// articleUnit is each article's metadata unit (author, date), -1 if none.
	articleUnit []int
	// docArticles maps a document key to the articles citing it.
	docArticles map[string][]int
	closeOnce   sync.Once
	closeErr    error

	refs refcount

	// askFactors weigh down the words questions ask with (askwords.go).
	askFactors map[string]float64
}

// unit is one searchable piece: a sentence of an article, or a contact block.
// There are millions at 100,000 articles, so what few units have (documents,
// a contact, counts) is behind one pointer, and the fields are packed:
// 80 bytes a unit instead of 176 (the units' numbers are int32: 96 bytes
// with int, 28 MB of the heap at 10,000 articles).
type unit struct {
	// context is the sentence that introduces a list the unit belongs to
	// ("… các nhiệm vụ trọng tâm sau:"), matched but not quoted.
	context string
	// words are the words of the text in lower case with canonical tones
	// (lowerNormalize), as numbers into the index's vocab (words.go).
	words string
	text  string
	facts *unitFacts // nil when the unit cites, lists and counts nothing
	// prev is 1 + the unit of the sentence before, in the same paragraph (0
	// when none): news writing names the subject once ("Hội Chữ thập đỏ
	// phường X …") and states the fact in the next sentence ("bà Y được bầu
	// làm Chủ tịch"). Matched with less credit, never indexed.
	prev int32
	// next is 1 + the unit that goes on from this one (0 when none): the
	// sentence after it in its paragraph, or the first item of the list it
	// introduces. "Cụ thể, …" and list items give what the sentence
	// before them announces.
	next    int32
	article int32 // index into corpus.Articles
	// values are the kinds of typed value the unit states (bits of
	// valueKinds).
	values   uint32
	traits   traits
	hasMerge bool
	// row: the unit is a table's row, its context the table's
	// introduction. That is matched but not indexed: repeated on every
	// row, its words would count as common as the table is long.
	row  bool
	kind kindCode
	// preamble: the unit frames its article rather than states a fact
	// in it (isPreamble), or is the article's own unit (title, author).
	preamble bool
	// normal: text is its own Normalize form, as the cutting found when
	// it normalised the sentence; prepare need not normalise it again.
	normal bool
	// wordsAreTerms: the text postings' tokens of the unit are its words
	// (prepare's tokensAreWords, on a unit with no context indexed and
	// whose text folds word by word), so that buildTerms reads its terms
	// from the vocabulary's folds of words instead of tokenizing again.
	wordsAreTerms bool
}

// unitFacts are what a unit cites or states beside its text.
type unitFacts struct {
	docs    []string // document IDs the unit cites
	docKeys []string // keys of docs, as the docs field holds them
	contact *content.Contact
	counts  []content.Value // the unit's counts and populations, with their nouns
	// near are the unit's other values of the kinds ask_near reads
	// (nearKinds: dates, times, measures), where they are in its text.
	near []nearValue
}

// fact is u's facts, made when it has none.
func (u *unit) fact() *unitFacts {
	if u.facts == nil {
		u.facts = &unitFacts{}
	}
	return u.facts
}

func (u *unit) docs() []string {
	if u.facts == nil {
		return nil
	}
	return u.facts.docs
}

func (u *unit) docKeys() []string {
	if u.facts == nil {
		return nil
	}
	return u.facts.docKeys
}

func (u *unit) contact() *content.Contact {
	if u.facts == nil {
		return nil
	}
	return u.facts.contact
}

func (u *unit) counts() []content.Value {
	if u.facts == nil {
		return nil
	}
	return u.facts.counts
}

func (u *unit) nearValues() []nearValue {
	if u.facts == nil {
		return nil
	}
	return u.facts.near
}

// kindCode is a unit's Kind in one byte.
type kindCode uint8

const (
	kPassage kindCode = iota
	kContact
	kDocument
	kMerger
	kArticle
)

var kindNames = [...]Kind{kPassage: KindPassage, kContact: KindContact, kDocument: KindDocument, kMerger: KindMerger, kArticle: KindArticle}

// Kind is the code's Kind.
func (k kindCode) Kind() Kind { return kindNames[k] }

// Build indexes a corpus. It honours ctx between batches.
func Build(ctx context.Context, c *content.Corpus, o BuildOptions) (*Index, error) {
	start := time.Now()
	if c == nil {
		return nil, errors.New("index: build: no corpus")
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	ix := &Index{corpus: c, df: map[string]int{}, docArticles: map[string][]int{}, vocab: newVocab(), askFactors: askFactors}
	phase := func(name string) {
		if o.Phase != nil {
			o.Phase(name)
		}
	}
	phase("cut")
	// The collector is held near what the build needs (memory.go): by
	// default it would let the heap grow to twice everything live.
	//
	// Each step is held to what it needs (stepRoom): with the room of the
	// whole estimate to the end, the garbage of the batches and the merge
	// grew into the room the cutting had needed.
	release := holdMemory(stepRoom(c, o, stepCut))
	defer func() { release() }()
	// Inferring abbreviations reads the whole corpus on one core (6% of a
	// 10,000-article build's CPU); nothing reads the glossary before
	// searching, so it runs beside the build, and the merge at its end
	// leaves the other core free for it.
	//
	// The glossary's own structures are made from it once the batches are
	// in (newGlossary, below): made beside the batches, its many small
	// allocations were scattered over pages the batches' garbage then
	// left nearly empty, and a page with one live object stays in use.
	type inferred struct {
		g content.Glossary
	}
	glossCh := make(chan inferred, 1)
	// It stops with ctx, so that a stopped build does not wait for it.
	var glossErr error // set before glossCh is sent to
	//
	// A kept build keeps what it inferred beside its directory, and
	// reads it back instead of inferring it again.
	go func() {
		if o.Dir != "" {
			if g, ok := loadGlossary(o.Dir, c); ok {
				glossCh <- inferred{g}
				return
			}
		}
		g, err := content.InferAbbreviations(ctx, c.Glossary, c.Articles)
		if err == nil && o.Dir != "" {
			err = saveGlossary(o.Dir, c, g)
		}
		if err != nil {
			glossErr = fmt.Errorf("index: build: %w", err)
			glossCh <- inferred{}
			return
		}
		glossCh <- inferred{g}
	}()
	glossDone := false
	defer func() {
		if !glossDone {
			<-glossCh // a failed build waits for it too: no work outlives Build
		}
	}()
	// Cutting a large corpus into units takes minutes at 100,000 articles
	// on a loaded machine: it watches ctx (the bench's build budget is a
	// deadline on it) instead of running to its end first.
	//
	// A kept build reads them back from an earlier step instead
	// (keptunits.go).
	unitsRead, placesRead := false, false
	if o.Dir != "" {
		ix.units, unitsRead = loadUnits(o.Dir, c)
		ix.places, placesRead = loadPlaces(o.Dir, c)
	}
	if !unitsRead {
		var places map[string]uint32
		if ix.units, places, err = makeUnits(ctx, c, !placesRead); err != nil {
			return nil, err
		}
		if !placesRead {
			ix.places = places
		}
		if o.Dir != "" {
			if err := saveUnits(o.Dir, c, ix.units); err != nil {
				return nil, err
			}
		}
	}
	if !placesRead {
		if unitsRead {
			ix.places = placesByKind(c.Articles)
		}
		if o.Dir != "" {
			if err := savePlaces(o.Dir, c, ix.places); err != nil {
				return nil, err
			}
		}
	}
	ix.articleUnit = make([]int, len(c.Articles))
	for i := range ix.articleUnit {
		ix.articleUnit[i] = -1
	}
	for i := range ix.units {
		if ix.units[i].kind == kArticle {
			ix.articleUnit[ix.units[i].article] = i
		}
	}
	// The titles' and leads' word sets are read only by questions: made
	// beside the batches, they leave the build's own goroutine (a
	// tenth of what ran on it alone at 10,000 articles), and are waited
	// for at its end.
	setsDone := make(chan struct{})
	go func() {
		defer close(setsDone)
		ix.articleSets(c)
	}()
	setsWaited := false
	defer func() {
		if !setsWaited {
			<-setsDone // a failed build waits for them too: no work outlives Build
		}
	}()
	if len(ix.units) == 0 {
		return nil, errors.New("index: build: the corpus has no text to index")
	}

	// Cutting a large corpus into units takes a while: a build stopped
	// meanwhile stops here rather than after a first batch.
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("index: build: %w", err)
	}
	var prog *progress
	switch {
	case o.Dir != "":
		ix.bi, prog, err = openKept(o.Dir, m, len(ix.units), o)
		if err != nil {
			return nil, err
		}
	case o.Path != "":
		ix.idWidth = len(strconv.Itoa(len(ix.units)))
		if err := os.MkdirAll(o.Path, 0o755); err != nil {
			return nil, fmt.Errorf("index: build: %w", err)
		}
		dir, err := os.MkdirTemp(o.Path, "index-")
		if err != nil {
			return nil, fmt.Errorf("index: build: %w", err)
		}
		_ = os.Remove(dir) // bleve wants to create it
		ix.dir = dir
		ix.bi, err = bleve.NewUsing(ix.dir, m, scorch.Name, scorch.Name, onDiskConfig())
		if err != nil {
			return nil, fmt.Errorf("index: create: %w", err)
		}
	default:
		ix.idWidth = len(strconv.Itoa(len(ix.units)))
		ix.bi, err = bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, fmt.Errorf("index: create: %w", err)
		}
	}
	phase("batches")
	release()
	// What the cutting left is handed back first: the limit is held
	// over what is in use, and pages freed but not returned count.
	debug.FreeOSMemory()
	release = holdMemory(stepRoom(c, o, stepBatches))
	ix.keyDocuments()
	// A kept index built to the end is opened with its units as prepared
	// then, if they were kept too.
	// A step stopped while preparing the kept batches kept those it had
	// prepared: they are read back, not prepared again.
	var prepared []bool
	if prog != nil {
		prepared = ix.loadPrepared(o.Dir, o)
	}
	loaded := prepared != nil && prog.count() == len(prepared) && !slices.Contains(prepared, false)
	if !loaded {
		err = ix.indexUnits(ctx, o, prog, prepared)
	}
	if cerr := prog.close(); err == nil {
		err = cerr
	}
	// A kept build keeps its units as prepared once all its batches are
	// in, before the merge: at 100,000 articles preparing the kept
	// batches and merging them did not fit in one 10-minute step, and a
	// step stopped while merging began the next by preparing three
	// million units again.
	if err == nil && prog != nil && !loaded {
		err = ix.savePrepared(o.Dir, o, nil)
	}
	dir := ix.dir
	if o.Dir != "" {
		dir = o.Dir
	}
	// The units' compaction and the glossary's structures read no bleve
	// index: they are made beside the merge, which bleve runs on one
	// goroutine, instead of after the pairs with the other core idle
	// (0.3 CPU-s at 10,000 articles). The terms read the units' text, so
	// they wait for the compaction; the finish waits for the glossary.
	// Both are made after the batches, whose garbage would have
	// scattered the glossary's small allocations (see glossCh).
	compacted, sideDone := make(chan struct{}), make(chan struct{})
	var gl glossary
	sideStarted := false
	defer func() {
		if sideStarted {
			<-sideDone // a failed build waits for it too: no work outlives Build
		}
	}()
	if err == nil {
		sideStarted, glossDone = true, true // the side receives the inference
		go func() {
			defer close(sideDone)
			ix.compact()
			close(compacted)
			inf := <-glossCh
			if glossErr == nil {
				gl = newGlossary(inf.g)
			}
		}()
	}
	if err == nil && dir != "" {
		phase("merge")
		release()
		// The batches' garbage is handed back before the merge maps
		// every segment (and the count below the merged one): on a
		// reload, these file pages come on top of the serving index's
		// and of whatever heap the collector had let grow.
		debug.FreeOSMemory()
		release = holdMemory(stepRoom(c, o, stepMerge))
		_, err = ix.mergeSegments(ctx)
		if err == nil {
			// The batches' segments stay mapped (and most of their
			// pages resident) until the snapshots holding them are
			// let go: reopened, only the merged one is mapped. At
			// 10,000 articles the count of the terms (then read from
			// bleve) started with 134 MB of segments resident, 61 MB
			// of them the merged one.
			err = ix.reopen(ctx, dir)
		}
	}
	if err == nil {
		phase("terms")
		<-compacted
		debug.FreeOSMemory()
		err = ix.buildTerms(ctx) // after the last change to the bleve index
	}
	if err == nil {
		phase("pairs")
		err = ix.buildPairs(ctx)
	}
	if err != nil {
		ix.Close()
		return nil, err
	}
	phase("finish")
	<-setsDone
	setsWaited = true
	ix.vocab.done()
	ix.contactList = collectContacts(c)
	ix.enWords = englishWords(ix.units, ix.vocab)
	ix.spell = newSpelling(ix.vocab)
	<-sideDone
	if glossErr != nil {
		// Stopped after the last step that watches ctx: an index without
		// its inferred abbreviations is not served.
		ix.Close()
		return nil, glossErr
	}
	ix.gloss = gl
	ix.stats = Stats{Articles: len(c.Articles), Units: len(ix.units), Took: time.Since(start)}
	for _, u := range ix.units {
		if u.kind == kPassage || u.kind == kArticle {
			ix.stats.Passages++
		} else {
			ix.stats.Facts++
		}
	}
	return ix, nil
}

// articleSets makes the titles' and leads' word sets and the site names
// (titles, leads, leadSeq, hosts) of c's articles.
func (ix *Index) articleSets(c *content.Corpus) {
	dict := &wordDict{ids: map[string]uint32{}}
	ix.titles, ix.leads = newWordSets(dict, len(c.Articles)), newWordSets(dict, len(c.Articles))
	ix.leadSeq = newWordSets(dict, len(c.Articles))
	leads := make([][]string, len(c.Articles)) // each lead's words in order
	more := make([][]string, len(c.Articles))  // and the year, in the set only
	ix.hosts = make([]string, len(c.Articles))
	for i, a := range c.Articles {
		ix.titles.add(foldWords(a.Title), true)
		if len(a.Paragraphs) > 0 {
			leads[i] = foldWords(a.Paragraphs[0])
			if p := proseLead(a.Title, a.Paragraphs); p > 0 {
				leads[i] = append(append(leads[i], "\x00"), foldWords(a.Paragraphs[p])...)
			}
		}
		// The year a page was published in is named by it as its lead
		// is: "after the 2025 arrangement" is asked of a 2025 report that
		// says only "after the arrangement".
		if y, _, ok := strings.Cut(a.Date, "-"); ok && len(y) == 4 && isDigits(y) {
			more[i] = append(more[i], y)
		}
		// A page names its place in its site's name too (slug.go).
		ix.hosts[i] = siteName(a.Source)
	}
	// A page that names no place may name it in its address (slug.go).
	for i, words := range addressPlaces(c.Articles, c.Glossary.English) {
		more[i] = append(more[i], words...)
		leads[i] = append(append(leads[i], "\x00"), words...)
	}
	for i := range leads {
		ix.leadSeq.add(leads[i], true)
		set := append(leads[i], more[i]...)
		set = slices.DeleteFunc(set, func(w string) bool { return w == "\x00" }) // the separators are no words
		ix.leads.add(set, false)
		leads[i], more[i] = nil, nil
	}
	ix.titles.done()
	ix.leads.done()
	ix.leadSeq.done()
}

// makeUnits cuts articles into sentences and contact blocks. A sentence that
// cites a document or reports a merger is that fact's unit: indexing it twice
// would only return the same words twice. Articles are cut on every core
// (sentence splitting and the keys are a sixth of a build's CPU and would
// otherwise run on one), then joined in article order. Each worker checks
// ctx before each article, so a build stopped meanwhile stops within an
// article per worker.
//
// With withPlaces, it reads the place names too (placesByKind), each
// worker its articles as it cuts them: the cutting learns on the way each
// paragraph's Normalize form, and the place names' reading then need not
// normalise it again.
func makeUnits(ctx context.Context, c *content.Corpus, withPlaces bool) (_ []unit, places map[string]uint32, _ error) {
	per := make([][]unit, len(c.Articles))
	keys := make([][]string, len(c.Articles))
	var readings []*placeReading
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(c.Articles))) {
		var pr *placeReading
		if withPlaces {
			pr = newPlaceReading()
			readings = append(readings, pr)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				ai := int(next.Add(1)) - 1
				if ai >= len(c.Articles) {
					return
				}
				var norms []string
				per[ai], keys[ai], norms = articleUnits(ai, &c.Articles[ai])
				if pr != nil {
					pr.article(&c.Articles[ai], norms)
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("index: build: cutting units: %w", err)
	}
	if withPlaces {
		places = joinPlaces(readings)
	}
	total := 0
	for _, us := range per {
		total += len(us)
	}
	units := make([]unit, 0, total)
	// Portals print the same footer on every page: one unit per block, the
	// first article's.
	seenContact := map[string]bool{}
	for ai, us := range per {
		off := len(units)
		for j, u := range us {
			if u.kind == kContact {
				if seenContact[keys[ai][j]] {
					continue
				}
				seenContact[keys[ai][j]] = true
			}
			if u.prev != 0 {
				u.prev += int32(off)
			}
			units = append(units, u)
		}
		per[ai] = nil
	}
	linkNext(units)
	return units, places, nil
}

// sentencesMake reports whether p is its sentences, one space apart, and
// nothing else.
func sentencesMake(p string, sentences []string) bool {
	at := 0
	for i, s := range sentences {
		if i > 0 {
			if at >= len(p) || p[at] != ' ' {
				return false
			}
			at++
		}
		if !strings.HasPrefix(p[at:], s) {
			return false
		}
		at += len(s)
	}
	return at == len(p)
}

// articleUnits cuts one article. prev counts from the article's first unit;
// contactKeys[j] is unit j's contact block folded, by which makeUnits keeps
// one unit per block. Contact units come last, so dropping one moves no
// other. norms[j] is paragraph j's Normalize form, "" when the cutting
// did not learn it.
func articleUnits(ai int, a *content.Article) (units []unit, contactKeys []string, norms []string) {
	docsBySentence := map[string][]string{}
	for _, d := range a.Documents {
		key := content.Normalize(d.Sentence)
		if !contains(docsBySentence[key], d.ID) {
			docsBySentence[key] = append(docsBySentence[key], d.ID)
		}
	}
	mergers := map[string]bool{}
	for _, mg := range a.Mergers {
		mergers[content.Normalize(mg.Sentence)] = true
	}
	// A directory page's lines are also its contact blocks: a line
	// alone ("Đường dây nóng: …", "Phòng Nội vụ") would answer without
	// saying whose it is, so the block answers instead.
	inContact := map[string]bool{}
	for _, ct := range a.Contacts {
		for _, l := range append(append([]string{}, ct.Lines...), strings.Split(contactText(ct), "\n")...) {
			if k := lineKey(l); k != "" {
				inContact[k] = true
			}
		}
	}
	// intro is the sentence introducing the list a unit is in; outer the
	// one introducing the list around it, when an item ends with ":" and
	// opens a list of its own ("Tổng quan … như sau:" / "• Tiếp giáp:" /
	// "• Phía Bắc …" / "• Dân số: …"): the items after the inner list
	// are still the outer list's.
	intro, outer := "", ""
	title := setOf(foldWords(a.Title))
	rows := tableRowSet(a.TableRows)
	norms = make([]string, len(a.Paragraphs))
	var keys []string // the paragraph's sentences' Normalize forms
	var sentences, normals []string
	for pi, p := range a.Paragraphs {
		sentences, normals = content.NormalSentences(p, sentences[:0], normals[:0])
		// The paragraph is its own Normalize form when its sentences
		// are and it is nothing but them, one space apart
		// (content.TestNormalSentencesMakeNormalParagraph): the place
		// names' reading then need not normalise it.
		//
		// A paragraph that is its sentences, one space apart, none of
		// them blank, normalises to their forms one space apart
		// (TestNormalSentencesMakeNormalParagraph): the place names read
		// that, made from what the sentences' reading makes anyway.
		made := len(sentences) > 0 && sentencesMake(p, sentences)
		normal := made
		keys = keys[:0]
		item := listItemRe.MatchString(p)
		switch {
		case rows[pi] && !rows[pi-1]:
			// A table's rows read with what introduces the table, as a
			// list's items do: "Tháng: Tháng 9; Ngày tiếp: …" names
			// neither the office nor whose schedule it is.
			intro, outer = tableIntro(a.Paragraphs, pi, rows), ""
		case rows[pi]:
		case !item || rows[pi-1]:
			intro, outer = "", ""
		}
		prev := 0
		for si, s := range sentences {
			if strings.TrimSpace(s) == "" {
				normal, made = false, false
				continue
			}
			// One reading of the sentence: normalised once, for the
			// contact lines, the preamble and the document keys; folded
			// whole only for a directory page's contact lines.
			key := normals[si]
			if key != s {
				normal = false
			}
			keys = append(keys, key)
			var preamble bool
			if len(inContact) > 0 {
				// A directory page's lines are matched whole: the fold
				// made for them serves the preamble test too.
				folded := content.FoldNormal(key)
				if inContact[lineKeyFolded(s, folded)] {
					continue
				}
				preamble = isPreambleFolded(folded, title)
			} else {
				preamble = isPreambleNormal(key, title)
			}
			u := unit{kind: kPassage, article: int32(ai), text: s, context: intro, prev: int32(prev), row: rows[pi], preamble: preamble, normal: key == s}
			prev = len(units) + 1
			// Most articles cite nothing and merge nothing: no key to make.
			if len(docsBySentence) > 0 || len(mergers) > 0 {
				if docs := docsForSentence(docsBySentence, key); len(docs) > 0 {
					u.fact().docs = docs
				}
				u.hasMerge = mergerFor(mergers, key)
			}
			// A legal text's date line ("Quảng Trị, ngày 20 tháng 7 năm
			// 2019") under its number ("Số: 21/NQ-HĐND") is that
			// document's date: it cites the document, so that "ban hành
			// ngày nào" finds it.
			if len(u.docs()) == 0 && content.IsDateLine(key) {
				if docs := headerDocs(units); len(docs) > 0 {
					u.fact().docs = docs
				}
			}
			switch {
			case u.hasMerge:
				u.kind = kMerger
			case len(u.docs()) > 0:
				u.kind = kDocument
			}
			units = append(units, u)
		}
		switch {
		case normal:
			norms[pi] = p
		case made:
			norms[pi] = strings.Join(keys, " ")
		}
		if n := len(sentences); n > 0 && strings.HasSuffix(strings.TrimSpace(sentences[n-1]), ":") {
			switch {
			case !item:
				intro, outer = sentences[n-1], sentences[n-1]
			case outer != "":
				intro = outer + " " + sentences[n-1]
			default:
				intro = sentences[n-1]
			}
		}
	}
	if meta := articleText(*a); meta != "" {
		units = append(units, unit{kind: kArticle, article: int32(ai), text: meta, preamble: true})
	}
	contactKeys = make([]string, len(units), len(units)+len(a.Contacts))
	for i := range a.Contacts {
		ct := &a.Contacts[i]
		text := contactText(*ct)
		// People ask for an office's "trụ sở" (seat) where the block
		// says "Địa chỉ": matched, not quoted.
		var seat string
		if ct.Address != "" {
			seat = "trụ sở"
		}
		// The office's own label ("Cơ quan chủ quản: …") is not
		// shown but answers "cơ quan chủ quản là cơ quan nào?".
		if l := officeLabel(*ct); l != "" {
			seat = strings.TrimSpace(seat + " " + l)
		}
		units = append(units, unit{kind: kContact, article: int32(ai), text: text, facts: &unitFacts{contact: ct}, context: seat})
		contactKeys = append(contactKeys, content.Fold(text))
	}
	return units, contactKeys, norms
}

// isPreamble: a sentence that frames its article rather than states a
// fact in it — the grounds a notice is issued on ("Căn cứ Luật Tổ chức
// chính quyền địa phương năm 2015, … UBND huyện thông báo lịch tiếp công
// dân"), or the headline repeated in the body (every word of it the
// title's, a date before it). Such a sentence shares the most words
// with any question about the page, and holds a law's year where a date
// is asked. title: the article title's folded words.
func isPreamble(s string, title map[string]bool) bool {
	return isPreambleFolded(content.Fold(s), title)
}

// isPreambleFolded is isPreamble of the sentence folded.
func isPreambleFolded(folded string, title map[string]bool) bool {
	yes, _ := preambleRead(folded, title)
	return yes
}

// preambleHead is how many bytes of a sentence isPreambleNormal folds
// first: about fourteen Vietnamese words, where nine decide nearly every
// sentence.
const preambleHead = 96

// isPreambleNormal is isPreamble of key, a sentence Normalize returned.
// Most sentences are decided within their first words (preambleRead
// stops there), so only the head of key, cut at a space, is folded, and
// the whole only when its words did not decide. Folding maps rune by rune
// (a combining mark dropped, white space collapsed), so the head's folded
// words are the whole's first words: a sentence's fold was 0.3 s of a
// 10,000-article build's cutting, most of it past the words read.
func isPreambleNormal(key string, title map[string]bool) bool {
	if len(key) > preambleHead {
		if p := strings.LastIndexByte(key[:preambleHead], ' '); p > 0 {
			if yes, decided := preambleRead(content.FoldNormal(key[:p]), title); decided {
				return yes
			}
		}
	}
	yes, _ := preambleRead(content.FoldNormal(key), title)
	return yes
}

// preambleRead is isPreambleFolded, and whether its reading stopped
// before the last of folded's words: then no word after them could
// change it.
func preambleRead(folded string, title map[string]bool) (yes, stopped bool) {
	// Most sentences have a word the title lacks early on: the words are
	// read up to it, and up to one past the longest opener, not all
	// split and kept (a tenth of the cutting's CPU), and the split stops
	// there.
	var first [maxOpenerWords + 1]string
	read, inTitle, all := 0, 0, true
	eachWordWhile(folded, func(w string) bool {
		w = content.EnglishForm(w)
		if read < len(first) {
			first[read] = w
		}
		read++
		switch {
		case !all || isDigits(w) || w == "date":
			// the date scraped before a repeated headline
		case title[w]:
			inTitle++
		default:
			all = false
		}
		more := all || read <= maxOpenerWords
		stopped = !more
		return more
	})
	for _, o := range groundsOpeners {
		if read > len(o) && slices.Equal(first[:len(o)], o) {
			return true, stopped
		}
	}
	return all && inTitle >= 3, stopped
}

// maxOpenerWords bounds the length of groundsOpeners (TestGroundsOpeners).
const maxOpenerWords = 8

// groundsOpeners are the lexicon's GroundsOpeners, folded.
var groundsOpeners = func() [][]string {
	var out [][]string
	for _, o := range content.Lexicon.GroundsOpeners {
		out = append(out, foldWords(o))
	}
	return out
}()

func tableRowSet(rows []int) map[int]bool {
	if len(rows) == 0 {
		return nil
	}
	m := make(map[int]bool, len(rows))
	for _, r := range rows {
		m[r] = true
	}
	return m
}

// maxTableIntro bounds a table's introduction in bytes: it is indexed with
// every row.
const maxTableIntro = 400

// tableIntro is what introduces the table whose first row is paragraph
// first: the last sentence before it (a caption, "… như sau:"), and the
// one before that too when that sentence is only a few words ("Cụ thể:",
// a heading) — "Chủ tịch UBND xã X tiếp công dân vào thứ 5 hằng tuần.
// Cụ thể:" then the table.
func tableIntro(paras []string, first int, rows map[int]bool) string {
	var parts []string
	for pi := first - 1; pi >= 0 && !rows[pi] && len(parts) < 2; pi-- {
		ss := content.Sentences(paras[pi])
		for k := len(ss) - 1; k >= 0 && len(parts) < 2; k-- {
			s := strings.TrimSpace(ss[k])
			if s == "" {
				continue
			}
			parts = append(parts, s)
			if len(strings.Fields(s)) > 4 {
				pi = -1 // enough said: stop both loops
				break
			}
		}
	}
	intro := ""
	for k := len(parts) - 1; k >= 0; k-- {
		intro = strings.TrimSpace(intro + " " + parts[k])
	}
	if len(intro) > maxTableIntro {
		intro = intro[len(intro)-maxTableIntro:]
		if i := strings.IndexByte(intro, ' '); i >= 0 {
			intro = intro[i+1:]
		}
	}
	return intro
}

// linkNext points each sentence at the one that goes on from it.
func linkNext(units []unit) {
	for i := 0; i+1 < len(units); i++ {
		n := &units[i+1]
		if n.article != units[i].article || n.kind == kContact || n.kind == kArticle {
			continue
		}
		if int(n.prev) == i+1 || (n.context != "" && n.context == units[i].text) {
			units[i].next = int32(i + 2)
		}
	}
}

// docsForSentence finds the documents cited by a sentence; facts may have been
// extracted from a clause of it, so containment counts too.
func docsForSentence(bySentence map[string][]string, key string) []string {
	if ids, ok := bySentence[key]; ok {
		return ids
	}
	var ids []string
	for s, ds := range bySentence {
		if s != "" && (strings.Contains(key, s) || strings.Contains(s, key)) {
			for _, d := range ds {
				if !contains(ids, d) {
					ids = append(ids, d)
				}
			}
		}
	}
	return ids
}

func mergerFor(mergers map[string]bool, key string) bool {
	if mergers[key] {
		return true
	}
	for s := range mergers {
		if s != "" && (strings.Contains(key, s) || strings.Contains(s, key)) {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// articleText is what an article says about itself, so "who wrote …" and
// "when was … published" have something to answer from.
func articleText(a content.Article) string {
	if a.Author == "" && a.Date == "" {
		return ""
	}
	lines := []string{a.Title}
	if a.Author != "" {
		lines = append(lines, "Tác giả: "+a.Author)
	}
	if a.Date != "" {
		lines = append(lines, "Ngày đăng: "+a.Date)
	}
	if a.Category != "" {
		lines = append(lines, "Chuyên mục: "+a.Category)
	}
	return strings.Join(lines, "\n")
}

// contactText renders a contact block one field a line, labelled as portals
// label them, so a reply quotes "Fax: …" the way the footer printed it.
// lineKey compares a line of text with a contact block's lines: folded,
// without list marks and end punctuation.
func lineKey(s string) string {
	return content.Fold(strings.Trim(strings.TrimSpace(s), lineKeyTrim))
}

const lineKeyTrim = "-+•*–.;, \t"

// lineKeyFolded is lineKey(s), given Fold(s): on clean text (content.Clean)
// the fold of the trimmed line is the fold trimmed, as trimming takes
// neither a letter nor a space inside, and folding maps the trimmed
// characters to themselves and no other to them (TestLineKeyFolded).
func lineKeyFolded(s, folded string) string {
	if content.Clean(s) {
		return strings.Trim(folded, lineKeyTrim)
	}
	return lineKey(s)
}

// officeLabel is the label the published block gave the office's name.
func officeLabel(c content.Contact) string {
	for _, l := range c.Lines {
		if label, value, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(value) == c.Office && c.Office != "" {
			return strings.TrimSpace(label)
		}
	}
	return ""
}

func contactText(c content.Contact) string {
	var lines []string
	if c.Office != "" {
		lines = append(lines, c.Office)
	}
	// The publisher's own labels: a hotline stays a hotline, a named
	// official keeps their title.
	for _, f := range c.Fields() {
		lines = append(lines, f.Label+": "+f.Value)
	}
	if len(lines) <= 1 && len(c.Lines) > 0 {
		return strings.Join(c.Lines, "\n")
	}
	return strings.Join(lines, "\n")
}

// headerReach is how many units before a date line its document's
// number may stand (the national motto's lines come between).
const headerReach = 4

// headerDocs are the documents of the number line ("Số: …") among the
// last units cut, none if there is none.
func headerDocs(units []unit) []string {
	for i := len(units) - 1; i >= 0 && i >= len(units)-headerReach; i-- {
		if u := &units[i]; len(u.docs()) > 0 && strings.HasPrefix(strings.TrimSpace(u.text), "Số") {
			return u.docs()
		}
	}
	return nil
}

// listItemRe recognises a paragraph that is an item of a list introduced by
// the paragraph before: "Thứ nhất, …", "Một là, …", "- …", "a) …", "2. …".
var listItemRe = regexp.MustCompile(`^\s*(?:(?i:thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))|(?i:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là)|[-+•*–]|[a-zđ]\)|\d{1,2}[.)])`)

// Party documents are numbered "18-NQ/TW" (number-type/issuer), state
// documents "1234/QĐ-UBND" (number/type-issuer), with the year between
// "34/2019/NĐ-CP", and the National Assembly's without a type code
// "202/2025/QH15" (number/year/issuer).
var (
	docIDRe      = regexp.MustCompile(`^0*(\d+(?:/\d+)?)-([^/]+)(?:/(.+))?$`)
	stateDocIDRe = regexp.MustCompile(`^0*(\d+)/([^-/]+)(?:-(.+))?$`)
	yearDocIDRe  = regexp.MustCompile(`^0*(\d+)/(?:19|20)\d\d/(?:([^-/]+)-)?([^-/]+)$`)
)

// documentByID finds a cited document of an article; an ID the article does
// not list comes back as a document with only its ID.
func documentByID(a content.Article, id string) content.Document {
	for _, d := range a.Documents {
		if d.ID == id {
			return d
		}
	}
	return content.Document{ID: id}
}

// docKeys are the keyword forms a document is found by: number and type
// ("18nq"), and number, type and issuer ("18nqtw"), folded, without leading
// zeros and punctuation, so every way of typing the number meets one key.
// The type comes from the document's name when the content package knew it
// ("Công văn số 567/UBND-NV" is a "cv" whatever its code says), else from
// the number's own code.
func docKeys(d content.Document) []string {
	num, typ, issuer := "", "", ""
	if m := yearDocIDRe.FindStringSubmatch(d.ID); m != nil {
		num, typ, issuer = m[1], m[2], m[3]
	} else if m := docIDRe.FindStringSubmatch(d.ID); m != nil {
		num, typ, issuer = m[1], m[2], m[3]
	} else if m := stateDocIDRe.FindStringSubmatch(d.ID); m != nil {
		num, typ, issuer = m[1], m[2], m[3]
	} else {
		return []string{squash(d.ID)}
	}
	num = strings.TrimLeft(num, "0")
	var keys []string
	add := func(k string) {
		if !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, t := range []string{d.Type, typ} {
		if t = squash(t); t == "" {
			continue
		}
		add(num + t)
		if issuer != "" {
			add(num + t + squash(issuer))
		}
	}
	return keys
}

// squash folds and drops everything but letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range content.Fold(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Corpus is the corpus this index was built from: the facts the bot lists.
func (ix *Index) Corpus() *content.Corpus { return ix.corpus }

// Stats describe the index.
func (ix *Index) Stats() Stats { return ix.stats }

// Close waits for searches in flight, then releases the index. Closing
// twice is harmless.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() { ix.closeErr = ix.close() })
	return ix.closeErr
}

// reopen closes the on-disk index in dir and opens it again, once the
// persister has recorded its last merge. Counting the terms reads every
// postings list through the segment's memory mapping, and those pages stay
// in the process's RSS as long as the mapping (83 MB at 10,000 articles);
// the mapping opened again holds only what questions read.
func (ix *Index) reopen(ctx context.Context, dir string) error {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return fmt.Errorf("index: reopen: %w", err)
	}
	if s, ok := adv.(*scorch.Scorch); ok {
		if err := waitRootPersisted(ctx, s); err != nil {
			return err
		}
	}
	if err := ix.bi.Close(); err != nil {
		return fmt.Errorf("index: reopen: %w", err)
	}
	bi, err := bleve.Open(dir)
	if err != nil {
		return fmt.Errorf("index: reopen: %w", err)
	}
	ix.bi = bi
	return nil
}

func (ix *Index) close() error {
	ix.refs.close()
	err := ix.bi.Close()
	if ix.dir != "" {
		if rmErr := os.RemoveAll(ix.dir); err == nil {
			err = rmErr
		}
	}
	if err != nil {
		return fmt.Errorf("index: close: %w", err)
	}
	return nil
}

// commonDF is the number of units from which a term is too common to
// retrieve candidates by when the question has rarer terms: walking its
// postings costs more than it tells. Relative for small corpora, capped so
// that the cost of a question stops growing with the corpus.
func (ix *Index) commonDF() int { return min(max(len(ix.units)/20, 200), 2000) }

// collectContacts lists every office the corpus names, once.
func collectContacts(c *content.Corpus) []content.Contact {
	var out []content.Contact
	seen := map[string]bool{}
	for _, a := range c.Articles {
		for _, ct := range a.Contacts {
			if ct.Sentence != "" && ct.Office == "" {
				continue // a number in a sentence, whose office it does not say
			}
			k := content.Fold(ct.Office + "|" + ct.Phone + "|" + ct.Email)
			if !seen[k] {
				seen[k] = true
				out = append(out, ct)
			}
		}
	}
	return out
}

// idf weighs a folded syllable by how rare it is among units; a syllable the
// corpus never uses weighs most, so a question about something absent scores low.
func (ix *Index) idf(term string) float64 {
	n := float64(len(ix.units))
	return math.Log(1 + n/float64(ix.df[term]+1))
}

// refcount lets Close wait for searches in flight without the WaitGroup
// Add-after-Wait race.
type refcount struct {
	mu      sync.Mutex
	n       int
	closing bool
	idle    *sync.Cond
}

func (r *refcount) acquire() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closing {
		return false
	}
	r.n++
	return true
}

func (r *refcount) release() {
	r.mu.Lock()
	r.n--
	if r.n == 0 && r.idle != nil {
		r.idle.Broadcast()
	}
	r.mu.Unlock()
}

func (r *refcount) close() {
	r.mu.Lock()
	r.closing = true
	if r.idle == nil {
		r.idle = sync.NewCond(&r.mu)
	}
	for r.n > 0 {
		r.idle.Wait()
	}
	r.mu.Unlock()
}

// englishWords are the folded syllables of the units in English.
func englishWords(units []unit, v *vocab) map[string]bool {
	out := map[string]bool{}
	for i := range units {
		if units[i].traits&inEnglish == 0 {
			continue
		}
		for _, f := range v.folds(nil, units[i].words) {
			out[f] = true
		}
	}
	return out
}

// A scraped page's first paragraph is often its site's chrome, not its
// lead: a date line ("Cập nhật, 16:17, Thứ Năm, 11/07/2019 (GMT+7)"), a
// section's name ("Tin trong tỉnh"), the issuing body's heading ("BỘ NỘI
// VỤ"), "Mục lục bài viết". The paragraph that names the page's subject
// ("(NLĐO) - Nhiều người dân ở phường An Cựu, TP Huế …") comes a few
// paragraphs on; read only there, the ward a question names was missing
// from the window of every sentence of the page that does not repeat it,
// and the named check declined them (docs/quality.md, round 16).

// proseLead is the index of the paragraph of paras read as the lead
// beside the first, where the first is too short to be one: the first of
// the next maxLeadParagraphs that reads as prose and restates the title
// (minTitleShared of its words). 0: none.
func proseLead(title string, paras []string) int {
	if len(paras) < 2 || letterWords(paras[0]) >= minProseWords {
		return 0
	}
	tw := map[string]bool{}
	for _, w := range foldWords(title) {
		if !stopFolded[w] && !isDigits(w) {
			tw[w] = true
		}
	}
	for i := 1; i < len(paras) && i <= maxLeadParagraphs; i++ {
		if !readsAsProse(paras[i]) {
			continue
		}
		shared := map[string]bool{}
		for _, w := range foldWords(paras[i]) {
			if tw[w] {
				shared[w] = true
			}
		}
		if len(shared) >= minTitleShared {
			return i
		}
	}
	return 0
}

const (
	// maxLeadParagraphs bounds the paragraphs after the first read for a
	// page's lead.
	maxLeadParagraphs = 5
	// minProseWords is the fewest words of letters a lead has.
	minProseWords = 12
	// minTitleShared is the fewest of the title's words a lead restates.
	minTitleShared = 2
)

// readsAsProse: p has minProseWords words of letters and ends a sentence.
func readsAsProse(p string) bool {
	if letterWords(p) < minProseWords {
		return false
	}
	t := strings.TrimRight(p, " \t\"'”’)")
	return strings.HasSuffix(t, ".") || strings.Contains(p, ". ")
}

// letterWords counts p's words holding a letter.
func letterWords(p string) int {
	n := 0
	for _, w := range strings.Fields(p) {
		if strings.ContainsFunc(w, unicode.IsLetter) {
			n++
		}
	}
	return n
}
