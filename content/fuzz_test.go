package content

import (
	"os"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzParse checks that no input makes Parse panic, and that what it accepts
// is clean: NFC paragraphs, never empty.
func FuzzParse(f *testing.F) {
	for _, file := range []string{realArticle, "testdata/synthetic/trang-tin.html", "testdata/synthetic/ban-tin.md", "testdata/synthetic/thu-nghiem-header.txt"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(file, data)
	}
	f.Add("a.txt", []byte("title: x\n\nĐiện thoại: - Fax: -\n"))
	f.Add("a.md", []byte("---\n: [\n---\n# \n"))
	f.Add("a.html", []byte("<p>Nghị quyết số 1, 2 và 3-NQ/TW ngày 1/1/2000</p>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, _, err := Parse(name, data)
		if err != nil {
			return
		}
		if len(a.Paragraphs) == 0 {
			t.Fatal("accepted with no paragraphs")
		}
		for _, p := range a.Paragraphs {
			if !norm.NFC.IsNormalString(p) || !utf8.ValidString(p) || p == "" {
				t.Fatalf("paragraph %q is not clean", p)
			}
		}
	})
}

// FuzzNormalize checks that Normalize and Fold are idempotent.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Thị uỷ hoà khoẻ", "quỷ thuở", "  \u00a0ĐẢNG ", "o\u0300a", "hoà\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := Normalize(s)
		if Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", s, n, Normalize(n))
		}
		fo := Fold(s)
		if Fold(fo) != fo {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, fo, Fold(fo))
		}
	})
}
