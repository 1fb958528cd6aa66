package content

import (
	"context"
	"errors"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestInferredAbbreviations: synthetic articles (invented bodies and
// places) write names out; their initials become short forms, with and
// without an inner two-word group, "và" between capitalised parts is no
// initial, the place after a name is not part of it, and a name written
// once or a short form the articles use as a word is left out.
func TestInferredAbbreviations(t *testing.T) {
	arts := []Article{{
		Title: "Trung tâm Phục vụ hành chính công tỉnh Mẫu Thử tiếp nhận hồ sơ",
		Paragraphs: []string{
			"Hội Liên hiệp Văn học nghệ thuật tỉnh Mẫu Thử tổ chức đại hội.",
			"Sở Thông tin và Truyền thông phối hợp với Trung tâm Phục vụ hành chính công của tỉnh.",
			"Đại hội Hội Liên hiệp Văn học nghệ thuật bầu Ban Chấp hành; Sở Thông tin và Truyền thông dự.",
			"Tin Ít Nói đăng tin mới. Tin Ít Nói đăng.", // "TIN" is written as a word: no short form
			"Xin Một Lần gặp.",                          // a name written once is no name: no "XML"
			"Ủy ban Thường vụ Hội Mẫu thông qua đề án.", // unless it looks like one
		},
	}}
	g := WithInferredAbbreviations(Glossary{Abbreviations: []Term{{Short: "TTHCC", Long: []string{"Trung tâm Hành chính công"}}}}, arts)
	long := func(short string) []string {
		for _, t := range g.Inferred {
			if Fold(t.Short) == Fold(short) {
				return t.Long
			}
		}
		return nil
	}
	for short, want := range map[string]string{
		"TTPVHCC": "Trung tâm Phục vụ hành chính công",
		"PVHCC":   "Phục vụ hành chính công",
		"TTHCC":   "Trung tâm Phục vụ hành chính công", // without "Phục vụ"; the glossary's stays
		"HLHVHNT": "Hội Liên hiệp Văn học nghệ thuật",
		"VHNT":    "Văn học nghệ thuật",
		"STTTT":   "Sở Thông tin và Truyền thông",
		"TTTT":    "Thông tin và Truyền thông",
		"CA":      "công an", // the lexicon's typed shorts
		"UBTVHM":  "Ủy ban Thường vụ Hội Mẫu",
	} {
		if !slices.Contains(long(short), want) {
			t.Errorf("%s stands for %q, want %q among them", short, long(short), want)
		}
	}
	for _, short := range []string{"TIN", "XML", "TTPVHCCT", "HLHVHNTT"} {
		if l := long(short); l != nil {
			t.Errorf("%s inferred as %q, want none", short, l)
		}
	}
	if len(g.Abbreviations) != 1 || len(g.Abbreviations[0].Long) != 1 {
		t.Errorf("glossary changed: %+v", g.Abbreviations)
	}
}

// TestInferredAbbreviationsDefinedAndEnglish: synthetic pages (invented
// bodies and places) define short forms in brackets, write English names
// with a possessive and "of", and name provinces after "tỉnh": each gives
// a short form, two letters included, with no list of them.
func TestInferredAbbreviationsDefinedAndEnglish(t *testing.T) {
	arts := []Article{{
		Title: "Synthetic: Mau Thu Provincial People's Committee opens a hotline",
		Paragraphs: []string{
			"The Mau Thu Provincial People's Committee said on Monday that the Provincial People's Committee would answer every call.",
			"The Department of Home Affairs of Mau Thu and the Department of Home Affairs of Vi Du met.",
			"Đoàn Thanh niên (TN) tỉnh Mẫu Thử họp; Trung tâm Giám sát điều hành đô thị thông minh (IOC) khai trương.",
			"Ủy ban nhân dân tỉnh Vĩ Dụ làm việc với tỉnh Mẫu Thử và thành phố Giả Định Mới.",
			"Ban Quản lý dự án (BQLDA) tỉnh Vĩ Dụ; khu vực (KV) I.",
		},
	}}
	g := WithInferredAbbreviations(Glossary{}, arts)
	long := func(short string) []string {
		for _, t := range g.Inferred {
			if Fold(t.Short) == Fold(short) {
				return t.Long
			}
		}
		return nil
	}
	for short, want := range map[string]string{
		"PPC":   "Provincial People's Committee", // the possessive stays in its word
		"DHA":   "Department of Home Affairs",    // "of" has no initial
		"TN":    "Thanh niên",                    // defined in brackets: two letters do
		"BQLDA": "Ban Quản lý dự án",
		"MT":    "Mẫu Thử", // a province's code
		"VD":    "Vĩ Dụ",
		"GĐM":   "Giả Định Mới",
	} {
		if !slices.Contains(long(short), want) {
			t.Errorf("%s stands for %q, want %q among them", short, long(short), want)
		}
	}
	// Brackets whose letters are not the name's initials define nothing.
	for _, short := range []string{"IOC", "KV"} {
		if l := long(short); l != nil {
			t.Errorf("%s inferred as %q, want none", short, l)
		}
	}
}

func TestExpandPlaceShorts(t *testing.T) {
	for _, tt := range []struct {
		in    string
		plain bool
		want  string
	}{
		{"sđt TTHCC P. Tân Mẫu", false, "sđt TTHCC phường Tân Mẫu"},
		{"UBND TP.Mẫu Thử", false, "UBND thành phố Mẫu Thử"},
		{"cong an X. Thu Nghiem", true, "cong an xa Thu Nghiem"},
		{"Q.1 ở đâu", false, "quận 1 ở đâu"},
		{"Đại hội lần thứ X Hội Nông dân", false, "Đại hội lần thứ X Hội Nông dân"}, // no dot: a numeral
		{"APP. Mẫu", false, "APP. Mẫu"},
		// Typed in lower case on a phone, before a capitalised name.
		{"h. Mẫu Sơn có bao nhiêu xóm", false, "huyện Mẫu Sơn có bao nhiêu xóm"},
		{"tdp so 1 p. Mau Thu", true, "tdp so 1 phuong Mau Thu"},
		{"tp. Mẫu", false, "thành phố Mẫu"},
		// The short as the noun itself, asked about or counted.
		{"TX Mẫu có bao nhiêu P. và bao nhiêu xã?", false, "TX Mẫu có bao nhiêu phường và bao nhiêu xã?"},
		{"P. Mẫu Thử mới gồm những P. nào?", false, "phường Mẫu Thử mới gồm những phường nào?"},
		{"TP Mau Thu co may P. may X.", true, "TP Mau Thu co may phuong may xa"},
		{"sáp nhập từ P.1, P.2 và P. mấy", false, "sáp nhập từ phường 1, phường 2 và phường mấy"},
		{"theo TT. số 09", false, "theo TT. số 09"}, // a circular as often as a town
		{"p. nào", false, "p. nào"}, // lower case alone: only before a name
	} {
		if got := ExpandPlaceShorts(tt.in, tt.plain); got != tt.want {
			t.Errorf("ExpandPlaceShorts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestInferredShortSpelling: two names whose initials fold alike ("BBĐX",
// "BBDX") give one short form; its spelling is the one written most, and
// among spellings written as often the first in byte order, whatever order
// the spans are counted in (Go randomises map order on every range, so the
// repeats would catch a choice left to it).
func TestInferredShortSpelling(t *testing.T) {
	// Synthetic bodies: "Ban Bảo Đảm Xe" and "Ban Bảo Dưỡng Xe".
	for _, tt := range []struct {
		name       string
		đảm, dưỡng int // times each name is written
		want       string
	}{
		{"more Đ", 3, 2, "BBĐX"},
		{"more D", 2, 3, "BBDX"},
		{"as often", 2, 2, "BBDX"}, // "D" sorts before "Đ"
	} {
		t.Run(tt.name, func(t *testing.T) {
			var paras []string
			for range tt.đảm {
				paras = append(paras, "Ban Bảo Đảm Xe họp.")
			}
			for range tt.dưỡng {
				paras = append(paras, "Ban Bảo Dưỡng Xe họp.")
			}
			for i := range 30 {
				if i%2 == 1 { // the articles in either order too
					slices.Reverse(paras)
				}
				g := WithInferredAbbreviations(Glossary{}, []Article{{Title: "Thông báo (thử nghiệm)", Paragraphs: paras}})
				var got []string
				for _, term := range g.Inferred {
					if Fold(term.Short) == "bbdx" {
						got = append(got, term.Short)
					}
				}
				if len(got) != 1 || got[0] != tt.want {
					t.Fatalf("run %d: short forms %q, want [%s]", i, got, tt.want)
				}
			}
		})
	}
}

// TestInferredAbbreviationsNotNames: synthetic articles (invented bodies
// and people) write out, twice each, a citation's opening, a title before
// a body, and a body followed by a person's name: none of them is a body
// readers abbreviate, so none gives a short form, while the body's own
// name still does.
func TestInferredAbbreviationsNotNames(t *testing.T) {
	arts := []Article{{
		Title: "Sở Kế hoạch Thử nghiệm tỉnh Mẫu Sơn",
		Paragraphs: []string{
			"Căn cứ Nghị định Mẫu Thử về tổ chức bộ máy.",
			"Căn cứ Nghị định Mẫu Thử, Sở Kế hoạch Thử nghiệm trình đề án.",
			"Giám đốc Sở Kế hoạch Thử nghiệm Lê Văn Giả phát biểu.",
			"Giám đốc Sở Kế hoạch Thử nghiệm Lê Văn Giả kết luận.",
		},
	}}
	g := WithInferredAbbreviations(Glossary{}, arts)
	shorts := map[string][]string{}
	for _, tm := range g.Inferred {
		shorts[Fold(tm.Short)] = tm.Long
	}
	if l := shorts[Fold("SKHTN")]; !slices.Contains(l, "Sở Kế hoạch Thử nghiệm") {
		t.Errorf("SKHTN stands for %q, want the Sở's name among them", l)
	}
	for _, short := range []string{"CCNĐ", "CCNĐMT", "GĐS", "GĐSKHTN", "SKHTNLVG", "LVG"} {
		if l := shorts[Fold(short)]; l != nil {
			t.Errorf("%s inferred as %q, want none", short, l)
		}
	}
}

// TestInferAbbreviationsStops: a cancelled context stops the reading and
// gives g back unchanged, so that an index build stopped meanwhile does
// not wait for the whole corpus to be read.
func TestInferAbbreviationsStops(t *testing.T) {
	arts := []Article{{Paragraphs: []string{
		"Trung tâm Phục vụ hành chính công tỉnh Mẫu Thử tiếp nhận hồ sơ.",
		"Trung tâm Phục vụ hành chính công của tỉnh trả kết quả.",
	}}}
	g := Glossary{Abbreviations: []Term{{Short: "UBND", Long: []string{"Ủy ban nhân dân"}}}}
	if full, err := InferAbbreviations(context.Background(), g, arts); err != nil || len(full.Inferred) == 0 {
		t.Fatalf("not cancelled: %d inferred, err = %v; want some and nil", len(full.Inferred), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, err := InferAbbreviations(ctx, g, arts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(out.Inferred) != 0 || len(out.Abbreviations) != 1 {
		t.Errorf("cancelled: %d inferred, %d abbreviations; want g unchanged", len(out.Inferred), len(out.Abbreviations))
	}
}

// eachSpanEvery is eachSpan as it was: notBodyName asked of every span.
func eachSpanEvery(run []nameWord, f func([]nameWord)) {
	for i := range run {
		if !run[i].upper {
			continue
		}
		for end := i + minInitials; end <= len(run) && end-i <= maxNameWords; end++ {
			if !run[end-1].and && !notBodyName(run[i:end]) {
				f(run[i:end])
			}
		}
	}
}

// TestEachSpanAsEveryCheck: eachSpan, which finds once per start the
// length from which a span is no body's name, gives the spans asking
// notBodyName of each gave, in the same order, on random runs of openers,
// titles, surnames, middle names, "và" and other words.
func TestEachSpanAsEveryCheck(t *testing.T) {
	lex := nameLexicon()
	var vocab []string
	for _, o := range lex.openers {
		vocab = append(vocab, o...)
	}
	for _, ti := range lex.titles {
		vocab = append(vocab, ti...)
	}
	for m := range lex.middle {
		vocab = append(vocab, m)
	}
	vocab = append(vocab, "nguyen", "tran", "le", "pham", "hoi", "ban", "so", "trung", "tam", "uy", "nhan", "dan", "va")
	rng := rand.New(rand.NewSource(1))
	spans := 0
	for n := 0; n < 20000; n++ {
		run := make([]nameWord, 1+rng.Intn(16))
		for i := range run {
			f := vocab[rng.Intn(len(vocab))]
			text := f
			upper := rng.Intn(3) > 0
			if upper {
				text = strings.ToUpper(f[:1]) + f[1:]
			}
			run[i] = nameWord{text: text, fold: f, upper: upper, and: f == "va" && !upper && rng.Intn(2) == 0}
		}
		var got, want [][2]int
		eachSpan(run, func(ws []nameWord) { got = append(got, [2]int{len(run) - cap(ws), len(ws)}) })
		eachSpanEvery(run, func(ws []nameWord) { want = append(want, [2]int{len(run) - cap(ws), len(ws)}) })
		if !slices.Equal(got, want) {
			t.Fatalf("run %v: eachSpan %v, each span checked %v", run, got, want)
		}
		spans += len(want)
	}
	if spans < 10000 {
		t.Errorf("only %d spans in 20,000 random runs", spans)
	}
}

// TestSpanNote: a note keeps what counting reads of it.
func TestSpanNote(t *testing.T) {
	for _, tt := range []struct {
		at    uint64
		words int
		nl    bool
	}{{0, 2, false}, {12345, 7, true}, {1<<spanPosBits - 1, 15, true}, {1 << spanPosBits, 3, true}, {1 << 40, 2, false}} {
		n := newSpanNote(99, tt.at, tt.words, tt.nl)
		want := min(tt.at, 1<<spanPosBits)
		if n.hash != 99 || n.at() != want || n.words() != tt.words || n.namelike() != tt.nl {
			t.Errorf("note(%d, %d, %v): at %d words %d namelike %v", tt.at, tt.words, tt.nl, n.at(), n.words(), n.namelike())
		}
	}
}
