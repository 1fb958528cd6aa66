package content

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
)

//go:embed default
var defaultFS embed.FS

// Default returns the content embedded in the binary: the shared published
// article, republished with its source named as the portal's footer allows
// (see default/NOTICE). A content directory given with -content or
// CONTENT_DIR replaces it.
func Default() fs.FS {
	sub, err := fs.Sub(defaultFS, "default")
	if err != nil {
		// fs.Sub fails only for an invalid path name; "default" is valid.
		panic(err)
	}
	return sub
}

// LoadDir loads the content directory dir; see Load.
func LoadDir(ctx context.Context, dir string) (*Corpus, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("content: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("content: %s is not a directory", dir)
	}
	return Load(ctx, os.DirFS(dir))
}

// Load reads every article in fsys (.txt, .html/.htm, .md files, in any
// sub-directory; hidden files and README.md are skipped) and the glossary
// files abbreviations.tsv and english.tsv at its root, which extend the
// embedded glossary. A file that cannot be used becomes a fatal Problem and
// loading goes on; the error is only for a tree that cannot be read at all or
// a cancelled context. Articles are sorted by path.
func Load(ctx context.Context, fsys fs.FS) (*Corpus, error) {
	c := &Corpus{}
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if p == "." {
				return err
			}
			if d != nil && d.IsDir() {
				c.Problems = append(c.Problems, Problem{Path: p, Reason: "unreadable directory: " + unwrapPathErr(err), Fatal: true})
				return fs.SkipDir
			}
			c.Problems = append(c.Problems, Problem{Path: p, Reason: ErrUnreadable.Error() + ": " + unwrapPathErr(err), Fatal: true})
			return nil
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || strings.EqualFold(name, "README.md") {
			return nil
		}
		if _, ok := FormatOf(p); ok {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("content: load: %w", err)
	}
	sort.Strings(paths)

	ids := map[string]string{}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("content: load: %w", err)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			c.Problems = append(c.Problems, Problem{Path: p, Reason: ErrUnreadable.Error() + ": " + unwrapPathErr(err), Fatal: true})
			continue
		}
		a, problems, err := Parse(p, data)
		c.Problems = append(c.Problems, problems...)
		if err != nil {
			reason := err.Error()
			var pe *ParseError
			if errors.As(err, &pe) {
				reason = pe.Reason
			}
			c.Problems = append(c.Problems, Problem{Path: p, Reason: reason, Fatal: true})
			continue
		}
		if other, dup := ids[a.ID]; dup {
			c.Problems = append(c.Problems, Problem{Path: p, Reason: fmt.Sprintf("same name as %s; its id is the full path", other)})
			a.ID = p
		}
		ids[a.ID] = p
		c.Articles = append(c.Articles, a)
	}

	c.Glossary, err = defaultGlossary()
	if err != nil {
		return nil, err
	}
	for _, g := range []struct {
		file string
		list *[]Term
	}{{"abbreviations.tsv", &c.Glossary.Abbreviations}, {"english.tsv", &c.Glossary.English}} {
		data, err := fs.ReadFile(fsys, g.file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			c.Problems = append(c.Problems, Problem{Path: g.file, Reason: ErrUnreadable.Error() + ": " + unwrapPathErr(err), Fatal: true})
			continue
		}
		terms, problems := parseTerms(g.file, data)
		c.Problems = append(c.Problems, problems...)
		*g.list = mergeTerms(*g.list, terms)
	}
	return c, nil
}

// unwrapPathErr drops the operation and path a *fs.PathError repeats: the
// problem already names the file.
func unwrapPathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// IsFatal reports whether any problem made a file unusable.
func (c *Corpus) IsFatal() bool {
	for _, p := range c.Problems {
		if p.Fatal {
			return true
		}
	}
	return false
}

// Article returns the article with the given ID.
func (c *Corpus) Article(id string) (Article, bool) {
	for _, a := range c.Articles {
		if a.ID == id {
			return a, true
		}
	}
	return Article{}, false
}
