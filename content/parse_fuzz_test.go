package content

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The format-specific fuzz targets below keep the file name fixed, so every
// execution reaches its parser (FuzzParse also mutates the name, and most of
// its names have no article extension). Their seed corpora are in
// testdata/fuzz/FuzzParse{Text,HTML,Markdown}; `go test` runs them.

func FuzzParseText(f *testing.F) {
	addSeeds(f, realArticle, "testdata/synthetic/thu-nghiem-header.txt", "testdata/synthetic/thu-nghiem-portal.txt", "testdata/synthetic/lien-he.txt", "testdata/synthetic/danh-ba.txt")
	f.Add([]byte("synthetic: true\ntitle: \n\nĐiện thoại: - Fax: -\nEmail: @\n"))
	f.Add([]byte("Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017\nsáp nhập thôn A, thôn B thành thôn C\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "a.txt", data) })
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, "testdata/synthetic/trang-tin.html", "testdata/synthetic/khong-khung.htm")
	f.Add([]byte("<p>Nghị quyết số 1, 2 và 3-NQ/TW ngày 1/1/2000</p>"))
	f.Add([]byte("<html><body><script>alert(1)</script><div class=footer>x</div><table><tr><td>Điện thoại<td>0000 000 000</table>"))
	f.Add([]byte("<p>a &amp; b &lt;c&gt; &#x1F600; &bogus; <b><i>lồng</b></i>"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "a.html", data) })
}

func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, "testdata/synthetic/ban-tin.md")
	f.Add([]byte("---\n: [\n---\n# \n"))
	f.Add([]byte("---\ntitle: x\ndate: 2024-13-45\nsynthetic: true\nsource: \"javascript:alert(1)\"\n---\n# Tiêu đề\n\n_a_ **b** [c](d)\n"))
	f.Add([]byte("---\n&a [*a, *a, *a]\n---\nbody\n"))
	f.Add([]byte("---\ntitle: [1, {a: b}]\ndate: !!binary AAAA\n---\ntext\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "a.md", data) })
}

func addSeeds(f *testing.F, files ...string) {
	f.Helper()
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkParse holds what every parser promises: no panic; a refusal is a
// *ParseError; an accepted article has non-empty, trimmed NFC paragraphs, its
// title and facts in valid UTF-8; and parsing is deterministic.
func checkParse(t *testing.T, name string, data []byte) {
	a, problems, err := Parse(name, data)
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *ParseError", err)
		}
		return
	}
	if len(a.Paragraphs) == 0 {
		t.Fatal("accepted with no paragraphs")
	}
	for _, p := range a.Paragraphs {
		if p == "" || strings.TrimSpace(p) != p || !utf8.ValidString(p) || !norm.NFC.IsNormalString(p) {
			t.Fatalf("paragraph %q is not clean", p)
		}
	}
	for _, s := range []string{a.Title, a.Source} {
		if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			t.Fatalf("invalid UTF-8 in %q", s)
		}
	}
	for _, c := range a.Contacts {
		for _, l := range c.Lines {
			if !utf8.ValidString(l) {
				t.Fatalf("invalid UTF-8 in contact line %q", l)
			}
		}
	}
	a2, problems2, err2 := Parse(name, data)
	if err2 != nil || !reflect.DeepEqual(a, a2) || len(problems) != len(problems2) {
		t.Fatalf("parsing twice differs: %v", err2)
	}
}
