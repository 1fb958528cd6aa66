package admin

import (
	"context"
	"errors"
	"fmt"
	"html"
	"sort"
	"strings"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
)

// Admin buttons carry "a:1:<verb>:<arg>", at most 64 bytes like the engine's.
const (
	cbPrefix  = "a:1:"
	cbConfirm = cbPrefix + "ok:" // a:1:ok:<version>: reload this version despite its errors
)

// reloadCommand is /reload.
func (a *Admin) reloadCommand(ctx context.Context, m bot.Message, _ string) ([]bot.Reply, error) {
	a.log.Info("reload requested", "user_id", m.UserID, "trigger", "command")
	return a.runReload(ctx, m, reload.Request{Trigger: "command"}, "")
}

// callback handles the admin buttons.
func (a *Admin) callback(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	t := textsFor(m)
	if !a.admins[m.UserID] {
		a.refused(m, "button")
		return []bot.Reply{{Notice: t.BadButton}}, nil
	}
	version, ok := strings.CutPrefix(m.Callback, cbConfirm)
	if !ok || version == "" || len(m.Callback) > 64 {
		return []bot.Reply{{Notice: t.InvalidButton}}, nil
	}
	a.log.Info("reload confirmed despite errors", "user_id", m.UserID, "version", version)
	// The build takes seconds: the press is answered first, the report
	// follows as a message.
	bot.Ack(ctx, t.Reloading)
	return a.runReload(ctx, m, reload.Request{Trigger: "command", Confirm: version}, "")
}

// runReload reloads and replies with the report. A build that outlasts
// ReplyWithin goes on; the reply says so and the report is posted when done.
// head, if any, opens the report (an upload's verdict on its file). Asked
// in a group, every part of it goes to the admin in private (see private).
func (a *Admin) runReload(ctx context.Context, m bot.Message, req reload.Request, head string) ([]bot.Reply, error) {
	type result struct {
		rep reload.Report
		err error
	}
	t := textsFor(m)
	got := make(chan result) // unbuffered: a send succeeds only while the reply still waits
	bctx := context.WithoutCancel(ctx)
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		rep, err := a.cfg.Reloader.Reload(bctx, req)
		select {
		case got <- result{rep, err}:
			return
		default:
		}
		if a.cfg.Poster == nil || err != nil {
			return
		}
		pctx, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		if _, err := a.cfg.Poster.Post(pctx, replyChat(m), renderReport(rep, head, t)); err != nil {
			a.log.Error("admin: cannot post reload report", "chat_id", replyChat(m), "err", err)
		}
	}()
	timer := time.NewTimer(a.cfg.ReplyWithin)
	defer timer.Stop()
	select {
	case r := <-got:
		if r.err != nil {
			return a.private(ctx, m, "/reload", bot.Reply{Text: t.ReloadFailedErr + html.EscapeString(r.err.Error())}), r.err
		}
		return a.private(ctx, m, "/reload", renderReport(r.rep, head, t)), nil
	case <-timer.C:
	case <-ctx.Done():
	}
	text := t.Building
	if a.cfg.Poster == nil {
		text = t.BuildingNoPoster
	}
	return a.private(ctx, m, "/reload", bot.Reply{Text: lines(head, text)}), nil
}

// renderReport is the reload report in Telegram HTML.
func renderReport(rep reload.Report, head string, t *texts) bot.Reply {
	var b strings.Builder
	if head != "" {
		b.WriteString(head + "\n\n")
	}
	switch rep.Outcome {
	case reload.Swapped:
		fmt.Fprintf(&b, t.Swapped, took(rep.Took, t))
		counts(&b, rep.Before, rep.After, t)
	case reload.Refused:
		b.WriteString(t.Refused)
		var me *index.MemoryError
		switch {
		case errors.Is(rep.Err, reload.ErrNoArticles):
			b.WriteString(t.NoArticles)
		case errors.As(rep.Err, &me):
			fmt.Fprintf(&b, t.NoMemory, me.Need>>20, me.InUse>>20, me.Limit>>20)
		default:
			fmt.Fprintf(&b, t.FilesUnusable, rep.Fatal())
		}
		b.WriteString(t.OldServes)
		counts(&b, rep.Before, rep.Before, t)
	default:
		b.WriteString(t.Failed)
		if rep.Err != nil {
			fmt.Fprintf(&b, t.ErrorLine, html.EscapeString(rep.Err.Error()))
		}
	}
	prev := rep.PrevVersion
	if prev == "" {
		prev = "—"
	}
	switch {
	case rep.Version == "":
	case rep.Outcome == reload.Swapped:
		fmt.Fprintf(&b, t.VersionSwap, prev, rep.Version)
	default:
		fmt.Fprintf(&b, t.VersionKept, prev, rep.Version)
	}
	if rep.Coalesced > 0 {
		fmt.Fprintf(&b, t.Coalesced, rep.Coalesced)
	}
	problems(&b, rep, t)
	r := bot.Reply{Text: strings.TrimRight(b.String(), "\n")}
	if rep.Outcome == reload.Refused && errors.Is(rep.Err, reload.ErrFatalProblems) && rep.Version != "" {
		r.Buttons = [][]bot.Button{{{Text: t.ConfirmButton, Data: cbConfirm + rep.Version}}}
	}
	return r
}

func counts(b *strings.Builder, before, after index.Stats, t *texts) {
	fmt.Fprintf(b, t.Counts,
		before.Articles, after.Articles, before.Passages, after.Passages, before.Facts, after.Facts)
}

// maxProblemFiles bounds the problem list so a report stays one message.
const maxProblemFiles = 15

// problems lists the problems per file, files with fatal ones first.
func problems(b *strings.Builder, rep reload.Report, t *texts) {
	if len(rep.Problems) == 0 {
		b.WriteString(t.NoProblems)
		return
	}
	type file struct {
		path    string
		fatal   bool
		reasons []string
	}
	byPath := map[string]*file{}
	var files []*file
	for _, p := range rep.Problems {
		f := byPath[p.Path]
		if f == nil {
			f = &file{path: p.Path}
			byPath[p.Path] = f
			files = append(files, f)
		}
		f.fatal = f.fatal || p.Fatal
		f.reasons = append(f.reasons, p.Reason)
	}
	sort.SliceStable(files, func(i, j int) bool {
		if files[i].fatal != files[j].fatal {
			return files[i].fatal
		}
		return files[i].path < files[j].path
	})
	fmt.Fprintf(b, t.ProblemsHead, len(files))
	for i, f := range files {
		if i == maxProblemFiles {
			fmt.Fprintf(b, t.MoreProblems, len(files)-i)
			break
		}
		mark := "•"
		if f.fatal {
			mark = "✗"
		}
		fmt.Fprintf(b, "%s <code>%s</code>: %s\n", mark, html.EscapeString(f.path), html.EscapeString(strings.Join(f.reasons, "; ")))
	}
}

func took(d time.Duration, t *texts) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return strings.Replace(fmt.Sprintf("%.1f s", d.Seconds()), ".", t.DecimalComma, 1)
}

func lines(ss ...string) string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}
