package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/kyanhbot/kyanhbot/content"
)

// loadCorpus loads the content a command works on: the directory given with
// -content, else $CONTENT_DIR, else the corpus embedded in the binary.
// Problems with single files are in the corpus; the error is for content that
// cannot be read at all.
func loadCorpus(ctx context.Context, e env, dir string) (*content.Corpus, error) {
	if dir == "" {
		dir = e.getenv("CONTENT_DIR")
	}
	var (
		c   *content.Corpus
		err error
	)
	if dir == "" {
		c, err = content.Load(ctx, content.Default())
	} else {
		c, err = content.LoadDir(ctx, dir)
	}
	if err != nil {
		return nil, fmt.Errorf("load content: %w", err)
	}
	slog.Debug("content loaded", "dir", dir, "articles", len(c.Articles), "problems", len(c.Problems))
	return c, nil
}

// addDefault appends the embedded default corpus's articles to c, as one
// corpus, when withDefault is set and c came from a content directory
// (-content or CONTENT_DIR): what eval -with-default measures, and what
// ask -with-default explains.
func addDefault(ctx context.Context, e env, dir string, withDefault bool, c *content.Corpus) error {
	if !withDefault || (dir == "" && e.getenv("CONTENT_DIR") == "") {
		return nil
	}
	d, err := content.Load(ctx, content.Default())
	if err != nil {
		return fmt.Errorf("load default content: %w", err)
	}
	c.Articles = append(c.Articles, d.Articles...)
	return nil
}
