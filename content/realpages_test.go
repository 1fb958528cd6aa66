package content

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// realPageTexts is the text of every real-round page on this machine
// (testdata/real/*/pages is git-ignored, so a fresh clone has none): the
// tests that compare a faster reading with the one it replaced read them
// beside their random strings, because real pages hold the shapes random
// strings miss. A held-out round's pages may be among them: such a test
// compares two readings of the same text and learns nothing about answers.
func realPageTexts() []string {
	files, _ := filepath.Glob("../testdata/real/real*/pages/*")
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		texts = append(texts, string(data))
	}
	return texts
}

// checkPieces calls check on n random strings built from pieces (each
// given word and its splits added), on "", and on every lower-cased
// line of the real pages: the equivalence tests' shared corpus of odd
// input, so a fast reading is compared with its slow one on the same
// kinds of text.
func checkPieces(t *testing.T, seed int64, n int, pieces, words []string, check func(string)) {
	t.Helper()
	for _, w := range words {
		pieces = append(pieces, w)
		for k := 1; k < len(w); k++ {
			pieces = append(pieces, w[:k], w[k:])
		}
	}
	checkRandom(seed, n, 12, pieces, nil, check)
	check("")
	for _, text := range realPageTexts() {
		for _, line := range strings.Split(text, "\n") {
			check(strings.ToLower(line))
		}
	}
}

// checkRandom calls check on n random strings of up to maxParts+1
// pieces, each followed by a random separator when seps is given.
func checkRandom(seed int64, n, maxParts int, pieces, seps []string, check func(string)) {
	r := rand.New(rand.NewSource(seed))
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := r.Intn(maxParts); k >= 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
			if seps != nil {
				b.WriteString(seps[r.Intn(len(seps))])
			}
		}
		check(b.String())
	}
}
