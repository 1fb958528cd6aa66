package content

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// brokenFS serves an fstest.MapFS but fails to open the files named in
// broken, the way a file with no read permission does (tests run as root,
// where chmod 000 does not stop reads).
type brokenFS struct {
	fstest.MapFS
	broken map[string]bool
}

func (b brokenFS) Open(name string) (fs.File, error) {
	if b.broken[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return b.MapFS.Open(name)
}

func (b brokenFS) ReadFile(name string) ([]byte, error) {
	if b.broken[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return b.MapFS.ReadFile(name)
}

func (b brokenFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if b.broken[name] {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrPermission}
	}
	return b.MapFS.ReadDir(name)
}

const goodArticle = "synthetic: true\n\nTin thử nghiệm\n\nXã Thử Nghiệm sáp nhập 02 thôn trong năm 2020.\n"

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name string
		path string
		data []byte
		want error
	}{
		{"empty", "a.txt", nil, ErrEmpty},
		{"white space only", "a.txt", []byte(" \n\u00a0\n\t"), ErrEmpty},
		{"blank lines", "a.txt", []byte("\n\n  \n"), ErrEmpty},
		{"NUL bytes", "a.txt", []byte("Tin\x00thử\x00"), ErrBinary},
		{"control characters", "a.txt", []byte("\x01\x02\x03\x04\x05abc\x06\x07\x08"), ErrBinary},
		{"PNG saved as html", "a.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"Latin-1", "a.txt", []byte("Th\xe0nh ph\xf4\n\nN\xe9t.\n"), ErrNotUTF8},
		{"Windows-1258", "a.md", []byte("X\xe3 Th\xf2 Nghi\xeam\n"), ErrNotUTF8},
		{"chrome only", "a.txt", []byte("Số lượt online:\n\nTổng số lượt truy cập: 12\n\n« Quay lại\n"), ErrNoBody},
		{"html with no text", "a.html", []byte("<html><body><script>x()</script></body></html>"), ErrNoBody},
		{"markdown front matter only", "a.md", []byte("---\ntitle: Thử\nsynthetic: true\n---\n"), ErrNoBody},
		{"unsupported extension", "a.pdf", []byte("%PDF-1.4"), ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse(tt.path, tt.data)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse error = %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Path != tt.path || pe.Reason == "" {
				t.Errorf("error %#v is not a *ParseError naming the path and a reason", err)
			}
		})
	}
}

func TestLoadBadFilesAreProblems(t *testing.T) {
	fsys := brokenFS{
		MapFS: fstest.MapFS{
			"good.txt":           {Data: []byte(goodArticle)},
			"empty.txt":          {Data: nil},
			"binary.html":        {Data: []byte("GIF89a\x00\x01\x00\x01")},
			"latin1.md":          {Data: []byte("Th\xe0nh ph\xf4\n")},
			"locked.txt":         {Data: []byte(goodArticle)},
			"sub/nested.txt":     {Data: []byte(goodArticle)},
			"notes.pdf":          {Data: []byte("%PDF")},
			".hidden/secret.txt": {Data: []byte(goodArticle)},
			"README.md":          {Data: []byte("# How to add content\n\nPut files here.\n")},
			"lockeddir/a.txt":    {Data: []byte(goodArticle)},
		},
		broken: map[string]bool{"locked.txt": true, "lockeddir": true},
	}
	c, err := Load(context.Background(), fsys)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var ids []string
	for _, a := range c.Articles {
		ids = append(ids, a.ID)
	}
	if want := []string{"good", "sub/nested"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("articles = %q, want %q", ids, want)
	}
	want := map[string]string{
		"binary.html": "binary file",
		"empty.txt":   "empty file",
		"latin1.md":   "not valid UTF-8",
		"locked.txt":  "unreadable file",
		"lockeddir":   "unreadable directory",
	}
	got := map[string]string{}
	for _, p := range c.Problems {
		if !p.Fatal {
			t.Errorf("unexpected warning %s", p)
			continue
		}
		got[p.Path] = p.Reason
	}
	if len(got) != len(want) {
		t.Errorf("problems = %v, want one for each of %v", c.Problems, want)
	}
	for path, reason := range want {
		if !strings.HasPrefix(got[path], reason) {
			t.Errorf("problem for %s = %q, want it to start with %q", path, got[path], reason)
		}
	}
	if !strings.Contains(got["locked.txt"], "permission denied") {
		t.Errorf("problem for locked.txt = %q, want the cause", got["locked.txt"])
	}
	if !c.IsFatal() {
		t.Error("IsFatal() = false with skipped files")
	}
}

func TestLoadDefault(t *testing.T) {
	c, err := Load(context.Background(), Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 0 {
		t.Errorf("problems in the embedded corpus: %v", c.Problems)
	}
	if len(c.Articles) != 1 {
		t.Fatalf("got %d embedded articles, want 1 (NOTICE is not an article)", len(c.Articles))
	}
	a := c.Articles[0]
	if a.Source != "www.txkyanh.hatinh.gov.vn" || a.Synthetic {
		t.Errorf("embedded article source %q synthetic %v; want the portal, not synthetic", a.Source, a.Synthetic)
	}
	// The embedded copy is the shared article with one header line, so it
	// parses to the same article.
	real := mustParseFile(t, realArticle)
	if !reflect.DeepEqual(a.Paragraphs, real.Paragraphs) || !reflect.DeepEqual(a.Documents, real.Documents) ||
		!reflect.DeepEqual(a.Contacts, real.Contacts) || a.Title != real.Title {
		t.Error("embedded article differs from the shared one")
	}
	if _, err := fs.Stat(Default(), "NOTICE"); err != nil {
		t.Errorf("embedded corpus lacks its NOTICE: %v", err)
	}
}

func TestLoadDir(t *testing.T) {
	ctx := context.Background()
	c, err := LoadDir(ctx, "testdata/synthetic")
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, a := range c.Articles {
		paths = append(paths, a.Path)
		if !a.Synthetic {
			t.Errorf("%s: not marked synthetic", a.Path)
		}
	}
	if want := []string{"ban-tin.md", "danh-ba.txt", "khong-khung.htm", "lien-he.txt", "sap-nhap-xa.txt", "thu-nghiem-header.txt", "thu-nghiem-portal.txt", "trang-tin.html", "van-ban.txt"}; !reflect.DeepEqual(paths, want) {
		t.Errorf("paths = %q, want %q (sorted)", paths, want)
	}
	if _, err := LoadDir(ctx, filepath.Join(t.TempDir(), "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadDir(missing) error = %v, want fs.ErrNotExist", err)
	}
	file := filepath.Join(t.TempDir(), "file.txt")
	if err := os.WriteFile(file, []byte(goodArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(ctx, file); err == nil {
		t.Error("LoadDir(a file) succeeded, want an error")
	}
}

func TestLoadUnreadableRoot(t *testing.T) {
	fsys := brokenFS{MapFS: fstest.MapFS{"a.txt": {Data: []byte(goodArticle)}}, broken: map[string]bool{".": true}}
	if _, err := Load(context.Background(), fsys); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Load error = %v, want fs.ErrPermission", err)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, Default()); !errors.Is(err, context.Canceled) {
		t.Errorf("Load error = %v, want context.Canceled", err)
	}
}

func TestLoadDuplicateID(t *testing.T) {
	fsys := fstest.MapFS{
		"tin.md":  {Data: []byte("---\ntitle: Thử\nsynthetic: true\n---\nNội dung thử nghiệm.\n")},
		"tin.txt": {Data: []byte(goodArticle)},
	}
	c, err := Load(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 2 || c.Articles[0].ID == c.Articles[1].ID {
		t.Errorf("articles %+v: want two with distinct IDs", c.Articles)
	}
	if len(c.Problems) != 1 || c.Problems[0].Fatal {
		t.Errorf("problems = %v, want one warning", c.Problems)
	}
}
