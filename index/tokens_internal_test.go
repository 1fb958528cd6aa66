package index

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/kyanhbot/kyanhbot/content"
)

// bleveTokens is what the analyzer's tokenizer (bleve's unicode
// tokenizer, superscript digits read as digits) makes of s.
func bleveTokens(s string) []string {
	var out []string
	for _, t := range (wordsTokenizer{unicode.NewUnicodeTokenizer()}).Tokenize([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// TestPlainTokensAsBleve: wherever plainTokens tokenizes, it gives bleve's
// unicode tokenizer's tokens — on random strings of letters, digits and
// the word-break rules' middle characters, on every Latin letter it takes
// between others, and on real-looking Vietnamese sentences.
func TestPlainTokensAsBleve(t *testing.T) {
	check := func(s string) bool {
		got, ok := plainTokens(s, nil)
		if !ok {
			return false
		}
		if want := bleveTokens(s); !slices.Equal(got, want) {
			t.Fatalf("%q: plainTokens %v, bleve %v", s, got, want)
		}
		return true
	}
	pieces := []string{"a", "B", "z", "ế", "Đ", "ư", "ỹ", "ÿ", "ß", "ǅ", "1", "9", "0", ".", ",", ";", ":", "'", " ", "  ", "\n", "\r\n", "\t",
		"-", "/", "(", ")", "%", "\"", "!", "?", "+", "@", "#", "&", "*", "=", "<", "|", "~", "^", "`", "$", "[", "{", "\x7f", "\x00", "\u00a0", "_", "×", "中", "–", "—", "“", "”", "‘", "’", "…", "•", "«", "»", "°", "\u00ad", "·", "ª", "²", "³", "km²"}
	rng := rand.New(rand.NewSource(1))
	tried := 0
	for i := 0; i < 300000; i++ {
		var b strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		if check(b.String()) {
			tried++
		}
	}
	if tried < 100000 {
		t.Errorf("only %d of 300,000 random strings tokenized plainly", tried)
	}
	for r := rune(0); r < 0x2100; r++ {
		for _, f := range []string{"%c", "a%cb", "1%c2", "a%c", "%c1", "1%ca", ". %c.", "a.%c", "%c.a", "1,%c", "%c'x"} {
			check(strings.ReplaceAll(f, "%c", string(r)))
		}
	}
	for _, s := range []string{
		"Ủy ban nhân dân thị xã Kỳ Anh (synthetic) ban hành Kế hoạch số 12/KH-UBND ngày 3.5.2024, đạt 95,5%.",
		"Tel: 0239.3831.234; Fax: 0239 3831 235 — email: vp@example.vn",
		"Tác giả: Nguyễn Văn A\nNgày đăng: 2024-05-03\nChuyên mục: Tin tức",
		"d'Arc, l'eau, 1'2, a:b, 1:2, a;b, 1;2, a,b, 1,2, a.b, 1.2, a..b, 1.,2, ...",
		"Diện tích 12,5 km², nhà 800m² (synthetic); 1,5 m³",
	} {
		if !check(s) {
			t.Errorf("%q was not tokenized plainly", s)
		}
	}
}

// TestSplitWordsAsFieldsFunc: splitWords is strings.FieldsFunc(s, notWord)
// on random strings and on every rune below U+2100 between others.
func TestSplitWordsAsFieldsFunc(t *testing.T) {
	check := func(s string) {
		if got, want := splitWords(s), strings.FieldsFunc(s, notWord); !slices.Equal(got, want) {
			t.Fatalf("%q: splitWords %q, FieldsFunc %q", s, got, want)
		}
	}
	pieces := []string{"a", "Đ", "ế", "1", "٣", " ", ".", ",", "\u0301", "\xff", "中", "ß", "_", "-", "\u00a0", "Ω", "ǅ"}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 100000; i++ {
		var b strings.Builder
		for k := rng.Intn(10); k >= 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		check(b.String())
	}
	for r := rune(0); r < 0x2100; r++ {
		check("a" + string(r) + "b")
		check(string(r))
	}
}

// TestGroundsOpeners: isPreamble reads at most maxOpenerWords+1 words
// before its title check has failed: no opener is longer.
func TestGroundsOpeners(t *testing.T) {
	for _, o := range groundsOpeners {
		if len(o) > maxOpenerWords {
			t.Errorf("opener %q has %d words, more than maxOpenerWords", o, len(o))
		}
	}
}

// isPreambleAll is isPreamble as it was: every word split first.
func isPreambleAll(s string, title map[string]bool) bool {
	f := foldWords(s)
	for _, o := range groundsOpeners {
		if len(f) > len(o) && slices.Equal(f[:len(o)], o) {
			return true
		}
	}
	n := 0
	for _, w := range f {
		if isDigits(w) || w == "date" {
			continue
		}
		if !title[w] {
			return false
		}
		n++
	}
	return n >= 3
}

// TestIsPreambleAsBefore: on random sentences of title words, openers'
// words, digits and others, isPreamble decides as reading every word did.
func TestIsPreambleAsBefore(t *testing.T) {
	title := setOf(foldWords("Kế hoạch tổ chức Đại hội Hội Nông dân phường năm 2025"))
	var vocab []string
	for w := range title {
		vocab = append(vocab, w)
	}
	for _, o := range groundsOpeners {
		vocab = append(vocab, o...)
	}
	vocab = append(vocab, "2024", "15", "date", "Date", "Căn", "cứ", "UBND", "thông", "báo", "centres", "-", ",", "(", "đ")
	rng := rand.New(rand.NewSource(3))
	yes := 0
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		for k := rng.Intn(14); k >= 0; k-- {
			b.WriteString(vocab[rng.Intn(len(vocab))])
			b.WriteString(" ")
		}
		s := b.String()
		got, want := isPreamble(s, title), isPreambleAll(s, title)
		if got != want {
			t.Fatalf("%q: isPreamble %v, reading every word %v", s, got, want)
		}
		if want {
			yes++
		}
	}
	if yes < 1000 {
		t.Errorf("only %d of 50,000 random sentences are preambles: the test checks little", yes)
	}
}

// TestIsPreambleNormalAsFolded: folding only a long sentence's head
// decides as folding it whole, on random Normalize forms of title words,
// openers' words, digits, punctuation, combining marks and words the
// title lacks, long enough that the head is cut anywhere in them.
func TestIsPreambleNormalAsFolded(t *testing.T) {
	title := setOf(foldWords("Kế hoạch tổ chức Đại hội Hội Nông dân phường năm 2025"))
	var vocab []string
	for w := range title {
		vocab = append(vocab, w, strings.ToUpper(w))
	}
	for _, o := range groundsOpeners {
		vocab = append(vocab, o...)
	}
	vocab = append(vocab, "Kế", "hoạch", "Đại", "hội", "2024", "15", "date", "Căn", "cứ", "UBND", "thông", "báo", "-", ",", "(", "đ",
		"a\u0301", "\u0300", "\u0300b", "x.y", "1.585", "\u00a0", "trường", "Nghị", "quyết")
	rng := rand.New(rand.NewSource(5))
	heads, yes := 0, 0
	for i := 0; i < 50000; i++ {
		var b strings.Builder
		// Mostly title words, so that many sentences read past the head.
		for k := 8 + rng.Intn(40); k >= 0; k-- {
			w := vocab[rng.Intn(len(vocab))]
			if rng.Intn(3) > 0 {
				w = vocab[rng.Intn(2*len(title))]
			}
			b.WriteString(w)
			b.WriteString(" ")
		}
		key := content.Normalize(b.String())
		got, want := isPreambleNormal(key, title), isPreambleFolded(content.FoldNormal(key), title)
		if got != want {
			t.Fatalf("%q: the head folded %v, the whole %v", key, got, want)
		}
		if len(key) > preambleHead {
			heads++
		}
		if want {
			yes++
		}
	}
	if heads < 20000 || yes < 1000 {
		t.Errorf("%d sentences longer than the head, %d preambles, of 50,000: the test checks little", heads, yes)
	}
}
