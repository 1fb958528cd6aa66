package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestKeptBuildResumes: a kept build stopped part-way keeps what it
// indexed and says so; building again finishes it, and the kept index
// answers as a fresh one does, opened again without indexing anything.
func TestKeptBuildResumes(t *testing.T) {
	ctx := context.Background()
	c := synth.Corpus(3, 60, 200)
	qs := synth.Questions(3, c, 40)
	opts := BuildOptions{BatchSize: 50}
	fresh := mustBuild(t, c)
	dir := filepath.Join(t.TempDir(), "kept")
	o := opts
	o.Dir = dir

	stopped, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Build(stopped, c, o); !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled kept build: err = %v, want context.Canceled", err)
	}
	ix, err := Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, progressFile)); err != nil {
		t.Fatalf("close removed the kept index: %v", err)
	}
	// A build killed after half its batches: the second half is not
	// listed, so it is indexed again.
	b, err := os.ReadFile(filepath.Join(dir, progressFile))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < 4 {
		t.Fatalf("progress %q: want several batches", lines)
	}
	half := strings.Join(lines[:1+(len(lines)-1)/2], "\n") + "\n4"
	if err := os.WriteFile(filepath.Join(dir, progressFile), []byte(half), 0o644); err != nil {
		t.Fatal(err)
	}
	for round := range 2 {
		kept, err := Build(ctx, c, o)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if n, _ := kept.bi.DocCount(); int(n) != len(kept.units) {
			t.Errorf("round %d: %d documents for %d units", round, n, len(kept.units))
		}
		for _, q := range qs {
			want, err1 := fresh.Search(ctx, q.Question, Options{})
			got, err2 := kept.Search(ctx, q.Question, Options{})
			if err1 != nil || err2 != nil {
				t.Fatalf("%q: %v, %v", q.Question, err1, err2)
			}
			w, _ := want.Answer()
			g, _ := got.Answer()
			if w.Text != g.Text {
				t.Errorf("round %d, %q: kept answers %q, fresh %q", round, q.Question, g.Text, w.Text)
			}
		}
		kept.Close()
	}

	other := synth.Corpus(4, 30, 200)
	if _, err := Build(ctx, other, o); err == nil || !strings.Contains(err.Error(), "another build") {
		t.Errorf("another corpus in the kept directory: err = %v", err)
	}
}

// TestMakeUnitsJoined: units cut on every core are joined in article order,
// each sentence's prev points at the sentence before it in its own article,
// and a contact block printed on several pages is one unit.
func TestMakeUnitsJoined(t *testing.T) {
	c := synth.Corpus(5, 200, 150)
	footer := content.Contact{Office: "Ủy ban nhân dân xã Thử Nghiệm (synthetic)", Phone: "0200 000 000", Lines: []string{"Ủy ban nhân dân xã Thử Nghiệm (synthetic)", "Điện thoại: 0200 000 000"}}
	for i := range c.Articles {
		if i%3 == 0 {
			c.Articles[i].Contacts = append(c.Articles[i].Contacts, footer)
		}
	}
	units, _, err := makeUnits(context.Background(), c, false)
	if err != nil {
		t.Fatal(err)
	}
	contacts := map[string]int{}
	for i, u := range units {
		if i > 0 && u.article < units[i-1].article {
			t.Fatalf("unit %d of article %d after one of article %d", i, u.article, units[i-1].article)
		}
		if u.prev != 0 {
			p := units[u.prev-1]
			if int(u.prev)-1 >= i || p.article != u.article || p.kind == kContact || p.kind == kArticle {
				t.Fatalf("unit %d (article %d) has prev %d (article %d, %s)", i, u.article, u.prev-1, p.article, p.kind.Kind())
			}
		}
		if u.kind == kContact {
			contacts[content.Fold(u.text)]++
		}
	}
	if n := contacts[content.Fold(contactText(footer))]; n != 1 {
		t.Errorf("the footer on %d pages is %d units, want 1", (len(c.Articles)+2)/3, n)
	}
	for k, n := range contacts {
		if n > 1 {
			t.Errorf("contact %q is %d units", k, n)
		}
	}
}

// TestKeptPreparedReadBack: a finished kept index opened again reads its
// units' words, traits, values, counts and the other values ask_near
// reads (nearValues) from the file its build wrote,
// and they are what preparing them gives; a file written for another build
// is not read.
func TestKeptPreparedReadBack(t *testing.T) {
	ctx := context.Background()
	c := synth.Corpus(6, 80, 200)
	o := BuildOptions{BatchSize: 60, Dir: filepath.Join(t.TempDir(), "kept")}
	built, err := Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(o.Dir, preparedFile)); err != nil {
		t.Fatalf("a finished kept build wrote no %s: %v", preparedFile, err)
	}
	units, _, err := makeUnits(ctx, c, false)
	if err != nil {
		t.Fatal(err)
	}
	opened := &Index{corpus: c, units: units, vocab: newVocab(), docArticles: map[string][]int{}}
	opened.keyDocuments()
	if opened.loadPrepared(o.Dir, BuildOptions{BatchSize: 61}) != nil {
		t.Fatal("read a prepared file written with other batch sizes")
	}
	if b := opened.loadPrepared(o.Dir, o); b == nil || slices.Contains(b, false) {
		t.Fatalf("the prepared file was not read back whole: %v", b)
	}
	counts, near := 0, 0
	for i := range built.units {
		b, g := &built.units[i], &opened.units[i]
		if bw, gw := built.vocab.folds(nil, b.words), opened.vocab.folds(nil, g.words); !slices.Equal(bw, gw) {
			t.Fatalf("unit %d: words %q, read back %q", i, bw, gw)
		}
		if b.traits != g.traits || b.values != g.values || !slices.Equal(b.counts(), g.counts()) ||
			!slices.Equal(b.nearValues(), g.nearValues()) || !slices.Equal(b.docs(), g.docs()) || !slices.Equal(b.docKeys(), g.docKeys()) || b.contact() != g.contact() {
			t.Fatalf("unit %d: %+v %+v, read back %+v %+v", i, *b, b.facts, *g, g.facts)
		}
		counts += len(b.counts())
		near += len(b.nearValues())
	}
	if counts == 0 || near == 0 {
		t.Errorf("%d units' counts, %d other values: the test reads nothing back for one of them", counts, near)
	}
	qs := synth.Questions(6, c, 30)
	want := make([]string, len(qs))
	for i, q := range qs {
		res, _ := built.Search(ctx, q.Question, Options{})
		a, _ := res.Answer()
		want[i] = a.Text
	}
	if err := built.Close(); err != nil { // the directory is locked while open
		t.Fatal(err)
	}
	again, err := Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for i, q := range qs {
		res, _ := again.Search(ctx, q.Question, Options{})
		if a, _ := res.Answer(); a.Text != want[i] {
			t.Errorf("%q: opened again answers %q, built %q", q.Question, a.Text, want[i])
		}
	}
}

// cancelAfter is a context whose Err reports it cancelled from its
// (n+1)th call on: code that checks it once an article stops after about n.
type cancelAfter struct {
	context.Context
	left  atomic.Int64
	calls atomic.Int64
}

func newCancelAfter(n int64) *cancelAfter {
	c := &cancelAfter{Context: context.Background()}
	c.left.Store(n)
	return c
}

func (c *cancelAfter) Err() error {
	c.calls.Add(1)
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestMakeUnitsStops: cutting the articles into units watches ctx between
// articles. It ran to its end before, which at 100,000 articles on a
// loaded machine outlasted the bench's build budget until the step was
// killed.
func TestMakeUnitsStops(t *testing.T) {
	c := synth.Corpus(5, 300, 150)
	ctx := newCancelAfter(20)
	units, _, err := makeUnits(ctx, c, false)
	if !errors.Is(err, context.Canceled) || units != nil {
		t.Fatalf("cut %d units, err = %v; want none and context.Canceled", len(units), err)
	}
	// Every worker stops at its next article.
	if n, most := ctx.calls.Load(), int64(20+2*runtime.GOMAXPROCS(0)); n > most {
		t.Errorf("ctx checked %d times after it was cancelled at the 21st, want at most %d", n, most)
	}
}

// TestKeptUnitsReadBack: the units and place names a kept build keeps
// are read back equal to the ones cut, their text still the corpus's own
// strings where it was, and are not read for another corpus.
func TestKeptUnitsReadBack(t *testing.T) {
	def, err := content.Load(context.Background(), content.Default())
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*content.Corpus{"synthetic": synth.Corpus(5, 80, 300), "default": def} {
		t.Run(name, func(t *testing.T) {
			units, places, err := makeUnits(context.Background(), c, true)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "kept")
			if err := saveUnits(dir, c, units); err != nil {
				t.Fatal(err)
			}
			if err := savePlaces(dir, c, places); err != nil {
				t.Fatal(err)
			}
			got, ok := loadUnits(dir, c)
			gotPlaces, okPlaces := loadPlaces(dir, c)
			if !ok || !okPlaces {
				t.Fatal("the units or places kept were not read back")
			}
			if !reflect.DeepEqual(got, units) {
				for i := range units {
					if !reflect.DeepEqual(got[i], units[i]) {
						t.Fatalf("unit %d read back as %+v, cut as %+v", i, got[i], units[i])
					}
				}
				t.Fatalf("%d units read back, %d cut", len(got), len(units))
			}
			if !reflect.DeepEqual(gotPlaces, places) {
				t.Errorf("places read back differ: %d vs %d", len(gotPlaces), len(places))
			}
			// Sentences are slices of their paragraph, not copies.
			shared := 0
			for i := range got {
				at := uintptr(unsafe.Pointer(unsafe.StringData(got[i].text)))
				for _, p := range c.Articles[got[i].article].Paragraphs {
					from := uintptr(unsafe.Pointer(unsafe.StringData(p)))
					if len(got[i].text) > 0 && at >= from && at < from+uintptr(len(p)) {
						shared++
						break
					}
				}
			}
			if shared < len(got)/2 {
				t.Errorf("%d of %d units' text share their paragraph's bytes", shared, len(got))
			}
			other := *c
			other.Articles = slices.Clone(c.Articles)
			other.Articles[0].Title += " (khác)"
			if _, ok := loadUnits(dir, &other); ok {
				t.Error("units kept for one corpus were read for another")
			}
			if _, ok := loadPlaces(dir, &other); ok {
				t.Error("places kept for one corpus were read for another")
			}
		})
	}
}

// TestPlacesByKindOnEveryCore: the place names read on every core, alone
// or by the cutting with the paragraphs' forms it made, are the ones read
// on one normalising every paragraph.
func TestPlacesByKindOnEveryCore(t *testing.T) {
	c := synth.Corpus(6, 600, 300)
	_, cut, err := makeUnits(context.Background(), c, true)
	if err != nil {
		t.Fatal(err)
	}
	want := placesOf(c.Articles, nil)
	for name, got := range map[string]map[string]uint32{"alone": placesByKind(c.Articles), "by the cutting": cut} {
		if !reflect.DeepEqual(got, want) || len(want) == 0 {
			t.Errorf("%s: %d names on every core, %d on one", name, len(got), len(want))
		}
	}
}

// TestRemoveKept: removing a kept index removes the units, place names
// and other files kept beside it, which removing the directory alone left;
// a directory that is no kept index is refused and left whole.
func TestRemoveKept(t *testing.T) {
	c := synth.Corpus(3, 20, 150)
	root := t.TempDir()
	dir := filepath.Join(root, "kept")
	ix, err := Build(context.Background(), c, BuildOptions{Dir: dir, BatchSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	corpus := dir + ".corpus"
	if err := os.WriteFile(corpus, []byte("kept by the caller"), 0o644); err != nil {
		t.Fatal(err)
	}
	other := dir + ".other" // named alike, not asked for
	if err := os.WriteFile(other, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, dir + unitsFile, dir + placesFile, dir + glossaryFile} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("a kept build did not leave %s: %v", p, err)
		}
	}
	if err := RemoveKept(dir+"/", ".corpus"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, dir + unitsFile, dir + placesFile, dir + glossaryFile, corpus} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there after RemoveKept (%v)", p, err)
		}
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("RemoveKept removed %s, which it was not asked to: %v", other, err)
	}
	if err := RemoveKept(dir, ".corpus"); err != nil {
		t.Errorf("removing a kept index already gone: %v", err)
	}

	plain := filepath.Join(root, "plain")
	if err := os.MkdirAll(plain, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plain+unitsFile, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := RemoveKept(plain); err == nil {
		t.Error("RemoveKept removed a directory that is no kept index")
	}
	for _, p := range []string{plain, plain + unitsFile} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("refused, RemoveKept still removed %s: %v", p, err)
		}
	}
}

// TestKeptGlossary: a kept build keeps the glossary it inferred beside its
// directory, the one InferAbbreviations makes; opening the kept index reads
// it instead of inferring again; one kept for another glossary is not read.
func TestKeptGlossary(t *testing.T) {
	ctx := context.Background()
	c := synth.Corpus(6, 80, 200)
	o := BuildOptions{BatchSize: 60, Dir: filepath.Join(t.TempDir(), "kept")}
	ix, err := Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	kept, ok := loadGlossary(o.Dir, c)
	if !ok {
		t.Fatal("a kept build kept no glossary")
	}
	want, err := content.InferAbbreviations(ctx, c.Glossary, c.Articles)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(newGlossary(kept), newGlossary(want)) || len(want.Inferred) == 0 {
		t.Fatalf("the kept glossary (%d inferred) is not the one inferred (%d)", len(kept.Inferred), len(want.Inferred))
	}
	// A marker only the kept file holds shows it was read, not inferred.
	marked := kept
	marked.Inferred = append(append([]content.Term(nil), kept.Inferred...), content.Term{Short: "ZQXW", Long: []string{"Zeta Quota Xylo Wharf"}})
	if err := saveGlossary(o.Dir, c, marked); err != nil {
		t.Fatal(err)
	}
	opened, err := Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	if !reflect.DeepEqual(opened.gloss, newGlossary(marked)) {
		t.Error("opening the kept index did not read its kept glossary")
	}
	other := *c
	other.Glossary.Abbreviations = append([]content.Term{{Short: "QXZ", Long: []string{"quy xa zet"}}}, c.Glossary.Abbreviations...)
	if _, ok := loadGlossary(o.Dir, &other); ok {
		t.Error("read a glossary kept for another glossary")
	}
}

// TestKeptPreparedInPart: a step stopped while preparing the kept batches
// keeps the batches it prepared; the next reads those back instead of
// preparing them again, prepares the others, and the index it opens holds
// every unit as a build in one go prepared it.
func TestKeptPreparedInPart(t *testing.T) {
	ctx := context.Background()
	c := synth.Corpus(7, 60, 200)
	o := BuildOptions{BatchSize: 50, Dir: filepath.Join(t.TempDir(), "kept")}
	whole, err := Build(ctx, c, BuildOptions{BatchSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	defer whole.Close()
	ix, err := Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	// As a stopped step leaves it: the even batches prepared, and a
	// marker trait on the first unit that no preparing would give.
	ranges := ix.batches(o)
	if len(ranges) < 4 {
		t.Fatalf("%d batches: too few to keep some", len(ranges))
	}
	part := make([]bool, len(ranges))
	for k := range part {
		part[k] = k%2 == 0
	}
	const marker = traits(1 << 15)
	ix.units[0].traits |= marker
	if err := ix.savePrepared(o.Dir, o, part); err != nil {
		t.Fatal(err)
	}
	opened, err := Build(ctx, c, o)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	if opened.units[0].traits&marker == 0 {
		t.Error("the first batch, kept prepared, was prepared again")
	}
	for i := range whole.units {
		w, g := &whole.units[i], &opened.units[i]
		if ww, gw := whole.vocab.folds(nil, w.words), opened.vocab.folds(nil, g.words); !slices.Equal(ww, gw) {
			t.Fatalf("unit %d: words %q, after a prepare in two steps %q", i, ww, gw)
		}
		if w.traits != g.traits&^marker || w.values != g.values || !slices.Equal(w.counts(), g.counts()) ||
			!slices.Equal(w.nearValues(), g.nearValues()) {
			t.Fatalf("unit %d: %+v, after a prepare in two steps %+v", i, *w, *g)
		}
	}
	if b := opened.loadPrepared(o.Dir, o); b == nil || slices.Contains(b, false) {
		t.Errorf("the finished build did not keep every batch prepared: %v", b)
	}
}
