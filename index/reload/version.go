package reload

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"

	"github.com/kyanhbot/kyanhbot/content"
)

// Version is a short hash of every file content.Load reads in fsys
// (content.ListFiles: article paths and bytes, and the glossary files), so two replicas reading the same
// directory report the same version, and any edit changes it.
func Version(ctx context.Context, fsys fs.FS) (string, error) {
	files, err := content.ListFiles(ctx, fsys)
	if err != nil {
		return "", fmt.Errorf("reload: version: %w", err)
	}
	// An unreadable file is content.Load's problem to report (ListFiles
	// lists none); one that becomes unreadable between the walk and the
	// read still changes the version.
	paths := append(files.Articles, files.Glossary...)
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
