package index

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// namedPlaceExpr is what namesPlaceIn matched before hasNamedPlace: a
// place prefix as written, after the text's start or a rune that is no
// letter or digit, then spaces, tabs or no-break spaces, then a
// capitalised word that is no acronym or a digit.
var namedPlaceExpr = func() *regexp.Regexp {
	var names []string
	for _, p := range content.Lexicon.PlacePrefixes {
		names = append(names, regexp.QuoteMeta(p.Name))
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return regexp.MustCompile(`(?:^|[^\p{L}\p{N}])(?:` + strings.Join(names, "|") + `)[ \t\x{00a0}]+(?:\p{Lu}\p{Ll}|\p{N})`)
}()

// TestNamedPlaceAsExpression: hasNamedPlace answers as the expression
// did on every line of the real pages there are (each normalised, as
// namesPlaceIn reads it) and on random strings of the prefixes, their
// pieces, white space of every kind, capitals, digits of other scripts,
// letters and marks around them, and invalid UTF-8.
func TestNamedPlaceAsExpression(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := hasNamedPlace(s), namedPlaceExpr.MatchString(s); got != want {
			t.Fatalf("%q: %v, the expression %v", s, got, want)
		}
	}
	pieces := []string{" ", "  ", "\t", "\u00a0", "\n", "\u2003", ",", "(", "-", "3", "١", "Ⅻ", "²",
		"T", "h", "Th", "THỊ", "Ủ", "ủ", "Đ", "đ", "a", "é", "\u0301", "中", "\xe1", "\xbb", "\xe1\xbb", "\xff",
		"UBND", "Nghiệm", "Thử", "ward", "Q", "ǅ", "ǆ"}
	for _, p := range content.Lexicon.PlacePrefixes {
		pieces = append(pieces, p.Name, p.Name+" ", " "+p.Name)
		if n := len(p.Name); n > 1 {
			pieces = append(pieces, p.Name[:n-1], p.Name[1:])
		}
	}
	r := rand.New(rand.NewPCG(11, 12))
	matched := 0
	for range 300000 {
		var b strings.Builder
		for k := r.IntN(10); k >= 0; k-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		check(s)
		if hasNamedPlace(s) {
			matched++
		}
	}
	if matched < 5000 {
		t.Fatalf("only %d random strings name a place: the test compares too little", matched)
	}
	for _, s := range []string{"", "phường", "phường Thử Nghiệm", "tổ dân phố 3", "Ban Chấp hành", "thành phố, UBND", "thành phố UBND", "xã\u00a0\tHòa"} {
		check(s)
	}
	files, _ := filepath.Glob("../testdata/real/real*/pages/*")
	lines := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			check(content.Normalize(line))
			lines++
		}
	}
	t.Logf("%d random strings naming a place; %d lines of %d real pages", matched, lines, len(files))
}
