package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/kyanhbot/kyanhbot/content"
)

// mustDefault indexes the embedded default corpus (the real published article).
func mustDefault(tb testing.TB) *Index {
	tb.Helper()
	c, err := content.Load(context.Background(), content.Default())
	if err != nil {
		tb.Fatalf("load default corpus: %v", err)
	}
	return mustBuild(tb, c)
}

func mustBuild(tb testing.TB, c *content.Corpus) *Index {
	tb.Helper()
	ix, err := Build(context.Background(), c, BuildOptions{})
	if err != nil {
		tb.Fatalf("build: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

// mustSynthetic indexes the synthetic articles in testdata/synthetic.
func mustSynthetic(tb testing.TB) *Index {
	tb.Helper()
	c, err := content.LoadDir(context.Background(), filepath.Join("testdata", "synthetic"))
	if err != nil {
		tb.Fatalf("load synthetic corpus: %v", err)
	}
	if len(c.Problems) > 0 {
		tb.Fatalf("synthetic corpus problems: %v", c.Problems)
	}
	return mustBuild(tb, c)
}

// questionsFile prefers the shared question set beside the repository, so a
// newer public set is picked up; the copy in testdata keeps the test runnable alone.
func questionsFile(tb testing.TB) string {
	tb.Helper()
	for _, p := range []string{
		filepath.Join("..", "..", "shared", "questions-public.jsonl"),
		filepath.Join("..", "testdata", "questions-public.jsonl"),
	} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	tb.Fatal("questions-public.jsonl not found")
	return ""
}

func readQuestions(tb testing.TB, path string) []Question {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	qs, err := ReadQuestions(f)
	if err != nil {
		tb.Fatal(err)
	}
	return qs
}

// assertQuality runs a question set and fails below 100% hit@1 or when a
// question the corpus does not answer gets an answer.
func assertQuality(t *testing.T, ix *Index, qs []Question, label string) {
	t.Helper()
	rep, err := Evaluate(context.Background(), ix, qs)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	rep.Write(&b)
	t.Logf("quality on %s:\n%s", label, b.String())
	if rep.Total.Hit1 != rep.Total.Answerable || rep.Total.NoAnswerCorrect != rep.Total.NoAnswer {
		t.Errorf("%s: want 100%% hit@1 and every no-answer declined; got hit@1 %d/%d, no-answer %d/%d\n%s",
			label, rep.Total.Hit1, rep.Total.Answerable, rep.Total.NoAnswerCorrect, rep.Total.NoAnswer, b.String())
	}
}

func TestQualityPublicQuestions(t *testing.T) {
	assertQuality(t, mustDefault(t), readQuestions(t, questionsFile(t)), "the public questions")
}

func TestQualitySyntheticQuestions(t *testing.T) {
	qs := readQuestions(t, filepath.Join("testdata", "synthetic", "questions.jsonl"))
	assertQuality(t, mustSynthetic(t), qs, "the synthetic questions")
}

// TestAnalysisRules: each rule of the Vietnamese analysis, on the real article.
func TestAnalysisRules(t *testing.T) {
	ix := mustDefault(t)
	tests := []answerCase{
		{"accented", "Số điện thoại Ủy ban nhân dân", "02393 865 366"},
		{"unaccented", "so dien thoai uy ban", "02393 865 366"},
		{"d folds", "dia chi uy ban", "Tổ dân phố Hưng Hòa"},
		{"old tone placement in question", "Thị uỷ sáp nhập Ban Dân vận khi nào", "Ban Dân vận Thị uỷ"},
		{"new tone placement in question", "Thị ủy sáp nhập Ban Dân vận khi nào", "Ban Dân vận Thị uỷ"},
		{"NFD question", decompose("Số điện thoại Ủy ban"), "02393 865 366"},
		{"abbreviation to expansion", "dia chi UBND", "Tổ dân phố Hưng Hòa"},
		{"expansion to abbreviation", "văn phòng ủy ban nhân dân các xã hợp nhất", "Văn phòng UBND các xã"},
		{"TDP both ways", "tổ dân phố quy mô nhỏ", "09 TDP có quy mô nhỏ"},
		{"doc number canonical", "92-KL/TU", "03/10/2018"},
		{"doc number spaced", "ket luan 92 KL TU", "03/10/2018"},
		{"doc number by name", "ket luan so 92", "03/10/2018"},
		{"doc number compact", "KL92 ngay nao", "03/10/2018"},
		{"typo", "sap nhaap thon to dan pho giam bao nhieu", "80 thôn, TDP"},
		{"typo one letter", "Sáp nhập Ban Dân vận và Ban Tuyên giáoo", "Ban Dân vận Thị uỷ"},
		{"telex without input method", "sos ddieenj thoaij uyr ban", "02393 865 366"},
		{"query syntax is text", `+hợp -nhất "hội" ~chữ^2 thập:đỏ*`, "Hội chữ thập đỏ"},
		{"english", "Which associations were merged at commune level?", "Hội chữ thập đỏ"},
		{"author of the article about a topic", "ai là tác giả bài viết về tinh giản biên chế", "Dương Thanh Hòa"},
	}
	assertAnswers(t, ix, tests, true)
}

// answerCase is a question and a string its answer must contain.
type answerCase struct {
	name     string
	question string
	want     string
}

// assertAnswers asks each question and checks the answer contains its
// string (and, with highlighted, that it has highlights).
func assertAnswers(t *testing.T, ix *Index, tests []answerCase, highlighted bool) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.question, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a, ok := res.Answer()
			if !ok {
				t.Fatalf("%q: no answer", tt.question)
			}
			if !strings.Contains(content.Normalize(a.Text), content.Normalize(tt.want)) {
				t.Errorf("%q: answer %q does not contain %q", tt.question, a.Text, tt.want)
			}
			if highlighted && len(a.Highlights) == 0 {
				t.Errorf("%q: answer %q: want highlights", tt.question, a.Text)
			}
		})
	}
}

func decompose(s string) string { return norm.NFD.String(s) }

func TestAccentedRanksExactFirst(t *testing.T) {
	// Synthetic: two passages that fold to the same words.
	c := &content.Corpus{Articles: []content.Article{{
		ID: "synthetic", Title: "Bài thử nghiệm (synthetic)", Synthetic: true,
		Paragraphs: []string{"Xã Thử Nghiệm có tổ dân phố mới.", "Xa thu nghiem co to dan pho moi."},
	}}}
	ix := mustBuild(t, c)
	res, err := ix.Search(context.Background(), "tổ dân phố mới", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := res.Answer(); a.Text != "Xã Thử Nghiệm có tổ dân phố mới." {
		t.Errorf("accented question: first answer %q, want the accented passage", a.Text)
	}
}

func TestNoAnswerOffersContacts(t *testing.T) {
	ix := mustDefault(t)
	for _, q := range []string{"Giá vé xe buýt đi Vinh", "lịch thi đấu bóng đá", "", "   ", "???", "+-:^*~\"",
		// A body the article never names: sharing "thị xã" and "sáp nhập"
		// with a merger sentence does not make it an answer.
		"MTTQ thị xã có sáp nhập không", "Hội đồng nhân dân thị xã sáp nhập ban nào"} {
		res, err := ix.Search(context.Background(), q, Options{})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if res.Found {
			t.Errorf("%q: found %q, want no answer", q, res.Hits[0].Text)
		}
		if q != "" && len(res.Contacts) == 0 {
			t.Errorf("%q: no contacts offered", q)
		}
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{`Hội "A&B" hợp nhất`, []string{"B", "hợp nhất"}},
		{"hợp  nhất, hợp", []string{"hợp  nhất", "hợp"}},
		{"Nghị quyết số 018 hợp", []string{"018 hợp"}},
		{"không gì", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range highlight(tt.text, map[string]bool{"hop": true, "nhat": true, "b": true, "#18": true}) {
			got = append(got, tt.text[sp.Start:sp.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("highlight(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestPaging(t *testing.T) {
	ix := mustDefault(t)
	first, err := ix.Search(context.Background(), "sáp nhập", Options{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if first.Total < 3 {
		t.Fatalf("total %d, want at least 3 passages about sáp nhập", first.Total)
	}
	next, err := ix.Search(context.Background(), "sáp nhập", Options{Offset: 2, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(next.Hits) == 0 || next.Hits[0].ID == first.Hits[0].ID || next.Hits[0].ID == first.Hits[1].ID {
		t.Errorf("page 2 repeats page 1: %+v", next.Hits)
	}
}

// TestReloadUnderLoad swaps indexes while queries run: none may fail, and a
// failed build leaves the old index serving.
func TestReloadUnderLoad(t *testing.T) {
	c, err := content.Load(context.Background(), content.Default())
	if err != nil {
		t.Fatal(err)
	}
	ix := mustBuild(t, c)
	live := NewLive(ix, BuildOptions{})
	defer live.Close()

	var failed, ok atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := live.Search(context.Background(), "so dien thoai uy ban", Options{})
				if err != nil || !res.Found {
					failed.Add(1)
				} else {
					ok.Add(1)
				}
			}
		}()
	}
	for i := 0; i < 5; i++ {
		if _, err := live.Reload(context.Background(), c); err != nil {
			t.Fatalf("reload %d: %v", i, err)
		}
	}
	if _, err := live.Reload(context.Background(), &content.Corpus{}); err == nil {
		t.Error("reload of an empty corpus: want an error")
	}
	time.Sleep(50 * time.Millisecond)
	close(stop)
	wg.Wait()
	if failed.Load() != 0 {
		t.Errorf("%d of %d queries failed during reloads", failed.Load(), failed.Load()+ok.Load())
	}
	if res, err := live.Search(context.Background(), "email uy ban", Options{}); err != nil || !res.Found {
		t.Errorf("after a failed reload the old index must serve: found=%v err=%v", res.Found, err)
	}
}

func TestOnDisk(t *testing.T) {
	c, err := content.Load(context.Background(), content.Default())
	if err != nil {
		t.Fatal(err)
	}
	// The index is closed and opened again after its merge: before the
	// persister recorded the merge, that opened an empty index in most
	// rounds, so a few rounds make the test fail without the wait.
	for round := range 5 {
		dir := t.TempDir()
		ix, err := Build(context.Background(), c, BuildOptions{Path: dir})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := ix.bi.DocCount(); err != nil || n != uint64(len(ix.units)) {
			t.Errorf("round %d: reopened index holds %d documents (err %v), want the %d units", round, n, err, len(ix.units))
		}
		res, err := ix.Search(context.Background(), "email uy ban", Options{})
		if err != nil || !res.Found {
			t.Fatalf("round %d: on-disk search: found=%v err=%v", round, res.Found, err)
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		left, _ := os.ReadDir(dir)
		if len(left) != 0 {
			t.Errorf("close left %d entries in %s", len(left), dir)
		}
	}
}

// TestQualityArticleQuestions: our own questions on the real article, asked
// the ways citizens and staff ask (numbers, lists, ordinals, English, persons).
func TestQualityArticleQuestions(t *testing.T) {
	qs := readQuestions(t, filepath.Join("testdata", "article-questions.jsonl"))
	assertQuality(t, mustDefault(t), qs, "our questions on the real article")
}

// TestQualityFlatTable: a page whose table of offices was pasted one cell a
// line answers questions about one row, however they are typed.
func TestQualityFlatTable(t *testing.T) {
	c, err := content.LoadDir(context.Background(), filepath.Join("testdata", "flattable"))
	if err != nil {
		t.Fatal(err)
	}
	qs := readQuestions(t, filepath.Join("testdata", "flattable", "questions.jsonl"))
	assertQuality(t, mustBuild(t, c), qs, "the flattened table")
}
