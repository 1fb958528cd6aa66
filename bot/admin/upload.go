package admin

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index/reload"
)

// upload takes an article file an admin sent in a private chat: it is
// checked alone first (a file content check would skip is refused and not
// saved, so the old index goes on serving), saved into the content
// directory, and a reload follows.
func (a *Admin) upload(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	t := textsFor(m)
	d := m.Document
	name := safeName(d.FileName)
	log := a.log.With("user_id", m.UserID, "file", name, "bytes", d.Size)
	if a.cfg.ContentDir == "" || a.cfg.Files == nil {
		log.Warn("upload refused: no content directory")
		return []bot.Reply{{Text: t.NoContentDir}}, nil
	}
	if _, ok := content.FormatOf(name); !ok || name == "" {
		return []bot.Reply{{Text: t.BadFormat}}, nil
	}
	if d.Size > a.cfg.MaxUpload {
		return []bot.Reply{{Text: fmt.Sprintf(t.TooLarge, d.Size>>10, a.cfg.MaxUpload>>10)}}, nil
	}
	data, err := a.cfg.Files.Download(ctx, d.FileID, a.cfg.MaxUpload)
	if errors.Is(err, bot.ErrFileTooLarge) {
		// Telegram reported no size, or a wrong one: found while downloading.
		log.Warn("upload refused: file too large", "err", err)
		return []bot.Reply{{Text: fmt.Sprintf(t.TooLargeMax, a.cfg.MaxUpload>>10)}}, nil
	}
	if err != nil {
		log.Error("upload: download failed", "err", err)
		return []bot.Reply{{Text: t.NoDownload}}, fmt.Errorf("admin: upload: %w", err)
	}
	art, probs, err := content.Parse(name, data)
	if err != nil {
		reason := err.Error()
		var pe *content.ParseError
		if errors.As(err, &pe) {
			reason = pe.Reason
		}
		log.Warn("upload refused: file cannot be used", "reason", reason)
		return []bot.Reply{{Text: fmt.Sprintf(t.FileRefused,
			html.EscapeString(name), html.EscapeString(reason))}}, nil
	}
	path := filepath.Join(a.cfg.ContentDir, name)
	_, statErr := os.Stat(path)
	replaced := statErr == nil
	if err := writeAtomic(path, data); err != nil {
		log.Error("upload: cannot save", "err", err)
		return []bot.Reply{{Text: t.NotSaved}}, fmt.Errorf("admin: upload: %w", err)
	}
	log.Info("article uploaded", "replaced", replaced)
	head := fmt.Sprintf(t.Saved, html.EscapeString(name))
	if replaced {
		head += t.ReplacedOld
	}
	head += fmt.Sprintf(t.SavedSummary, html.EscapeString(art.Title), len(art.Paragraphs))
	for _, p := range probs {
		head += "\n• " + html.EscapeString(p.Reason)
	}
	return a.runReload(ctx, m, reload.Request{Trigger: "upload"}, head)
}

// safeName keeps the base name of an uploaded file with letters, digits,
// dots, dashes and underscores only, so it cannot leave the content directory
// nor hide itself.
func safeName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '.', r == '-', r == '_':
			return r
		}
		return '-'
	}, name)
	name = strings.TrimLeft(name, ".-")
	if r := []rune(name); len(r) > 120 {
		ext := []rune(filepath.Ext(name))
		name = string(r[:120-len(ext)]) + string(ext)
	}
	return name
}

// writeAtomic writes through a hidden temporary file and a rename, so a
// reload never reads half a file.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
