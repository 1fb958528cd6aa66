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
	files, err := ListFiles(ctx, fsys)
	if err != nil {
		return nil, fmt.Errorf("content: load: %w", err)
	}
	c := &Corpus{Problems: files.Problems}
	ids := map[string]string{}
	for _, p := range files.Articles {
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
	lists := map[string]*[]Term{glossaryAbbreviations: &c.Glossary.Abbreviations, glossaryEnglish: &c.Glossary.English}
	for _, file := range files.Glossary {
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			c.Problems = append(c.Problems, Problem{Path: file, Reason: ErrUnreadable.Error() + ": " + unwrapPathErr(err), Fatal: true})
			continue
		}
		terms, problems := parseTerms(file, data)
		c.Problems = append(c.Problems, problems...)
		*lists[file] = mergeTerms(*lists[file], terms)
	}
	// A serving process keeps the corpus as long as its index: its text
	// moves off the pages it shares with the parser's garbage.
	c.Compact()
	return c, nil
}

// The glossary files a content directory may hold at its root.
const (
	glossaryAbbreviations = "abbreviations.tsv"
	glossaryEnglish       = "english.tsv"
)

// Files are the files of a content directory that Load reads, sorted.
type Files struct {
	Articles []string  // articles (FormatOf knows their extension)
	Glossary []string  // glossary files at the root
	Problems []Problem // entries that could not be read
}

// ListFiles decides which files of fsys are content: articles (.txt,
// .html/.htm, .md, in any sub-directory), and abbreviations.tsv and
// english.tsv at the root; hidden files and directories and README.md are
// not. It is the one rule for Load and for whatever must change when the
// content does (the content version): the two cannot drift apart. The
// error is for a tree that cannot be read at all or a cancelled context;
// an unreadable entry below the root is a Problem.
func ListFiles(ctx context.Context, fsys fs.FS) (Files, error) {
	var f Files
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			if p == "." {
				return err
			}
			if d != nil && d.IsDir() {
				f.Problems = append(f.Problems, Problem{Path: p, Reason: "unreadable directory: " + unwrapPathErr(err), Fatal: true})
				return fs.SkipDir
			}
			f.Problems = append(f.Problems, Problem{Path: p, Reason: ErrUnreadable.Error() + ": " + unwrapPathErr(err), Fatal: true})
			return nil
		}
		name := d.Name()
		if p != "." && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir() || strings.EqualFold(name, "README.md"):
		case p == glossaryAbbreviations || p == glossaryEnglish:
			f.Glossary = append(f.Glossary, p)
		default:
			if _, ok := FormatOf(p); ok {
				f.Articles = append(f.Articles, p)
			}
		}
		return nil
	})
	if err != nil {
		return Files{}, err
	}
	sort.Strings(f.Articles)
	sort.Strings(f.Glossary)
	return f, nil
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
