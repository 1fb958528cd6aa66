package index

import (
	"context"
	"maps"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/content/synth"
)

// TestPlacesAsBefore: a placeReading, with its own folds and stops found only
// where a kind of place is, finds the names placesInBefore (the reading
// before) finds, on synthetic articles, the repository's pages and random
// paragraphs of place kinds, names, punctuation and title case.
func TestPlacesAsBefore(t *testing.T) {
	arts := synth.Corpus(6, 300, 300).Articles
	for _, dir := range []string{"testdata/round4", "testdata/round5", "testdata/round6", "testdata/news", "testdata/heldout", "testdata/fresh"} {
		c, err := content.LoadDir(context.Background(), dir)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, c.Articles...)
	}
	// Synthetic paragraphs (invented places).
	pieces := []string{"xã", "Xã", "phường", "Phường", "tỉnh", "thị xã", "thôn", "tổ", "khối", "Thử", "Nghiệm", "Mẫu", "Sơn", "Hòa", "Hoà", "Nguyễn",
		"Thị", "Văn", "Kien", "Giang", "province", "ward", "City", "In", "the", "UBND", "có", "bao", "nhiêu", ",", ".", "(", ")", ":", "2025", "và", "Quận", "huyện", "Tên"}
	rng := rand.New(rand.NewSource(8))
	var paras []string
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := rng.Intn(12) + 1; k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			b.WriteString(" ")
		}
		paras = append(paras, b.String())
	}
	arts = append(arts, content.Article{ID: "synthetic-places", Title: "Địa danh thử nghiệm (synthetic)", Synthetic: true, Paragraphs: paras})
	// The paragraphs' Normalize forms the cutting made are read without
	// normalising the paragraphs again.
	norms := make([][]string, len(arts))
	for i, a := range arts {
		_, _, norms[i] = articleUnits(i, &a)
	}
	if got, want := placesOf(arts, norms), placesOf(arts, nil); !maps.Equal(got, want) {
		t.Errorf("%d names with the cutting's forms, %d normalising each paragraph", len(got), len(want))
	}
	got, want := placesOf(arts, nil), placesInBefore(arts)
	if !maps.Equal(got, want) {
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%q: kinds %b, before %b", k, got[k], v)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%q found, not before", k)
			}
		}
		t.FailNow()
	}
	if len(want) < 100 {
		t.Errorf("%d names: the test checks little (%v)", len(want), slices.Collect(maps.Keys(want)))
	}
}

// placesOf reads arts on one core; norms[i], when not nil, are article
// i's paragraphs' forms as articleUnits gives them.
func placesOf(arts []content.Article, norms [][]string) map[string]uint32 {
	r := newPlaceReading()
	for i := range arts {
		var n []string
		if norms != nil {
			n = norms[i]
		}
		r.article(&arts[i], n)
	}
	return r.names
}

// placesInBefore is the reading before it kept its folds and found the
// stops only where a kind is: the reference TestPlacesAsBefore compares with.
// A name's word folding as a kind ends the name only where written as the
// kind in an accented text ("tỉnh Hà Tĩnh"), as the reading does now.
func placesInBefore(arts []content.Article) map[string]uint32 {
	names := map[string]uint32{}
	add := func(name []string, kinds uint32) {
		if len(name) >= 2 && len(name) <= 4 {
			names[strings.Join(name, " ")] |= kinds
		}
	}
	read := func(text string) {
		norm := content.Normalize(text)
		cased := splitWords(norm)
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
		stops := nameStops(norm, len(cased))
		ends := nameStops(clauseMarks.Replace(norm), len(cased))
		folded := make([]string, len(cased))
		for i, w := range cased {
			folded[i] = foldSyllable(strings.ToLower(w))
		}
		for i := 0; i < len(folded); i++ {
			if englishPlaceKinds[folded[i]] && i > 0 && startsUpper(cased[i-1]) {
				k := i
				for k > 0 && i-k < 3 && startsUpper(cased[k-1]) && !content.AllCaps(cased[k-1]) && !stops[k] &&
					syllableRe.MatchString(folded[k-1]) {
					k--
				}
				// "In Anh Dung ward": the sentence's first word is no name's.
				for k < i && englishStop[folded[k]] {
					k++
				}
				// Capitalised all along ("Unlocking Progress In Vinh
				// City") is a heading, not a name.
				if k > 0 && startsUpper(cased[k-1]) && !stops[k] {
					continue
				}
				add(folded[k:i], anyKind)
				continue
			}
			for _, n := range kindsByFirst[folded[i]] {
				p := placeKindNames[n]
				if i+len(p) >= len(folded) || !slices.Equal(folded[i:i+len(p)], p) {
					continue
				}
				j := i + len(p)
				var name []string
				for ; j < len(folded) && len(name) < 4; j++ {
					if !startsUpper(cased[j]) || content.AllCaps(cased[j]) || prefixWrittenAt(folded, cased, j, writesAccents(cased)) || len(name) > 0 && stops[j] || len(name) == 0 && ends[j] {
						break
					}
					name = append(name, folded[j])
				}
				// A heading in title case ("Tên Xã Sau Sáp Nhập", "Hưng
				// Yên Có Bao Nhiêu Xã") runs on past the name: where the
				// kind is capitalised inside a sentence after a
				// capitalised word, or the name runs into one more, the
				// name cannot be told.
				heading := i > 0 && !stops[i] && startsUpper(cased[i]) && startsUpper(cased[i-1]) ||
					j < len(cased) && !stops[j] && startsUpper(cased[j])
				// A person's name after "tổ" or "khối" ("Nguyễn Thị …").
				person := len(name) > 1 && content.IsSurname(name[0]) && middleNames[name[1]]
				if !heading && !person {
					add(name, 1<<n)
				}
				break
			}
		}
	}
	for _, a := range arts {
		read(a.Title)
		for _, p := range a.Paragraphs {
			read(p)
		}
	}
	return names
}

// TestWhichPlaces: which questions ask which places of a kind.
func TestWhichPlaces(t *testing.T) {
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"phường Tân An mới gồm những phường, xã cũ nào", true},
		{"Hà Giang sáp nhập với tỉnh nào", true},
		{"xa tan hong sap nhap tu nhung don vi nao", true},
		{"Which wards were merged into Vung Tau ward?", true},
		{"trụ sở xã Ia Dơk nằm chỗ nào", false},     // a name between: where, not which
		{"Trung tâm trực thuộc cơ quan nào", false}, // "cơ quan" is no "quận"
		{"What hours does District 3 police work?", false},
		{"xã Tân An có bao nhiêu thôn", false},
	} {
		if got := whichPlaces(foldWords(c.q)) != 0; got != c.want {
			t.Errorf("whichPlaces(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

// TestPlacesNamedNotFunctionWords: a place whose name folds as function
// words do (the invented "thị xã Lả Gí" and "là gì") is named by a
// question only with its kind before it: "… là gì?" and "… la gi" ask
// what something is, in accented and unaccented questions alike.
func TestPlacesNamedNotFunctionWords(t *testing.T) {
	c := &content.Corpus{Articles: []content.Article{{ID: "synthetic-la-gi", Title: "Thị xã Lả Gí (synthetic)", Synthetic: true,
		Paragraphs: []string{"Synthetic article: every name and figure below is invented for tests.",
			"Thị xã Lả Gí có 9 phường và 4 xã, trụ sở đặt tại số 1 đường Mẫu Thử."}}}}
	ix := mustBuild(t, c)
	tests := []struct {
		q    string
		want bool // "la gi" required
	}{
		{"Tên gọi mới của xã Mẫu Thử là gì?", false},
		{"ten goi moi cua xa mau thu la gi", false},
		{"Thị xã Lả Gí có bao nhiêu phường?", true},
		{"thi xa la gi co bao nhieu phuong", true},
	}
	for _, tt := range tests {
		pq := ix.parse(tt.q)
		if got := requiredHolds(pq.required, []string{"la", "gi"}); got != tt.want {
			t.Errorf("%q: required %v, want \"la gi\" among them: %v", tt.q, pq.required, tt.want)
		}
	}
}

// TestPlacesNamedNotAcrossKind: a place the corpus names ("xã An Thành",
// invented) is not read from a question where its words are a body's
// word and the first of a city's kind: "Công an TP.HCM" is read "công an
// thành phố HCM", and "an thành" there is no place; written with its
// kind, it is one.
func TestPlacesNamedNotAcrossKind(t *testing.T) {
	c := &content.Corpus{Articles: []content.Article{{ID: "synthetic-an-thanh", Title: "Xã An Thành (synthetic)", Synthetic: true,
		Paragraphs: []string{"Synthetic article: every name and figure below is invented for tests.",
			"Xã An Thành có 7 thôn, trụ sở đặt tại số 2 đường Mẫu Thử."}}}}
	ix := mustBuild(t, c)
	tests := []struct {
		q    string
		want bool // "an thanh" required
	}{
		{"Công an TP.HCM đã thu nhận bao nhiêu hồ sơ?", false},
		{"Trụ sở UBND phường Phú An, thành phố Mẫu Thử ở đâu?", false},
		{"Xã An Thành có bao nhiêu thôn?", true},
		{"an thanh co bao nhieu thon", true},
	}
	for _, tt := range tests {
		pq := ix.parse(tt.q)
		if got := requiredHolds(pq.required, []string{"an", "thanh"}); got != tt.want {
			t.Errorf("%q: required %v, want \"an thanh\" among them: %v", tt.q, pq.required, tt.want)
		}
	}
}

// TestPlacesAcrossClauses: a name is read after its kind across a colon
// or a bracket, not across a comma, a semicolon or a full stop, where the
// capitalised word starts another clause (synthetic sentences, invented
// names).
func TestPlacesAcrossClauses(t *testing.T) {
	arts := []content.Article{{ID: "synthetic-clauses", Title: "Câu thử (synthetic)", Synthetic: true, Paragraphs: []string{
		"Quận Mười Hai sáp nhập 10 phường thành 3 phường: Vườn Mây, Chánh Hòa và Bình Lư.",
		"Dự đại hội có lãnh đạo Ủy ban nhân dân tỉnh, Hội Văn học Nghệ thuật và các sở, ngành.",
		"Đoàn công tác làm việc tại xã. Theo Nghị quyết số 9, các thôn được sáp nhập.",
		"Đại diện huyện; Hội Chữ thập đỏ cùng dự buổi lễ tại xã (Đồng Lư) sáng nay.",
	}}}
	got := placesByKind(arts)
	for _, name := range []string{"vuon may", "dong lu"} {
		if _, ok := got[name]; !ok {
			t.Errorf("%q not read: %v", name, got)
		}
	}
	for _, name := range []string{"hoi van", "hoi van hoc nghe", "theo nghi", "hoi chu"} {
		if _, ok := got[name]; ok {
			t.Errorf("%q read as a place: %v", name, got)
		}
	}
}

// TestNameStopsEnds: the stops and the ends made in one pass are
// nameStops of the text and of the text with clauseMarks replaced, on
// random texts of words, every mark either reads, other punctuation,
// white space, non-ASCII letters and digits, and invalid UTF-8, for word
// counts below, at and above the text's.
func TestNameStopsEnds(t *testing.T) {
	pieces := []string{"xã", "Phường", "Vườn", "Lài", "a", "Z", "0", "12", "٣", "ſ", "Ω", "_", "-", "–", "/", "\"", "'", "…",
		"(", ")", ",", ";", ":", ".", "?", "!", "[", "]", "{", "}", " ", "  ", "\t", "\n", "\u00a0", "\xff", "\xe1\xbb", "\u0300"}
	r := rand.New(rand.NewSource(11))
	marked := 0
	for k := 0; k < 100000; k++ {
		var b strings.Builder
		for i := r.Intn(20); i >= 0; i-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		text := b.String()
		words := len(nameStops(text, 1000))
		for _, n := range []int{0, max(0, words-1-r.Intn(3)), words, words + 1 + r.Intn(3)} {
			stops, ends := nameStopsEnds(text, n)
			wantStops, wantEnds := nameStops(text, n), nameStops(clauseMarks.Replace(text), n)
			if !slices.Equal(stops, wantStops) || !slices.Equal(ends, wantEnds) {
				t.Fatalf("%q, %d words: stops %v ends %v, want %v and %v", text, n, stops, ends, wantStops, wantEnds)
			}
			if slices.Contains(stops, true) && !slices.Equal(stops, ends) {
				marked++
			}
		}
	}
	if marked < 10000 {
		t.Errorf("only %d texts whose stops and ends differ: the test checks little", marked)
	}
}
