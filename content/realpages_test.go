package content

import (
	"os"
	"path/filepath"
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
