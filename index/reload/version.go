package reload

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/kyanhbot/kyanhbot/content"
)

// Version is a short hash of every file content.Load reads in fsys — article
// paths and bytes, and the glossary files — so two replicas reading the same
// directory report the same version, and any edit changes it.
func Version(ctx context.Context, fsys fs.FS) (string, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable entry is content.Load's problem to report; it
			// still changes nothing readable here.
			if p == "." {
				return err
			}
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
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
		if _, ok := content.FormatOf(p); ok || p == "abbreviations.tsv" || p == "english.tsv" {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("reload: version: %w", err)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			data = []byte("unreadable")
		}
		h.Write([]byte(p + "\x00" + strconv.Itoa(len(data)) + "\x00"))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}
