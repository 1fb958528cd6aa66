package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"html"
	"io"
	"log/slog"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
)

// runChat is a conversation with the bot in the terminal, over the same engine
// as Telegram. It reads stdin line by line, so it can be scripted; buttons
// are shown as numbered choices and typing a number presses one.
func runChat(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	dir := fs.String("content", "", "content directory (default: $CONTENT_DIR, else the embedded default corpus)")
	langCode := fs.String("lang", "vi", "the user's client language: vi or en")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"usage: kyanhbot chat [-content DIR] [-lang vi|en]"}
	}
	ix, err := buildIndex(ctx, e, *dir, false)
	if err != nil {
		return err
	}
	defer ix.Close()

	logger := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	var st bot.Store = store.NewMemory(store.Options{})
	url, err := envSecret(e.getenv, "REDIS_URL")
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	password, err := envSecret(e.getenv, "REDIS_PASSWORD")
	if err != nil {
		return fmt.Errorf("chat: %w", err)
	}
	if url != "" {
		store.RouteLogs(logger, url, password)
		c, err := store.Open(url, password)
		if err != nil {
			return fmt.Errorf("chat: %w", err)
		}
		defer c.Close()
		st = store.NewRedis(c, store.Options{})
	}
	engine := bot.New(ix, st, bot.Options{Logger: logger})
	return chatLoop(ctx, engine, e.stdin, e.stdout, e.stderr, *langCode, isTerminal(e.stdin))
}

// chatLoop runs the conversation until stdin ends or ctx is done.
func chatLoop(ctx context.Context, engine *bot.Engine, in io.Reader, out, errOut io.Writer, langCode string, prompt bool) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var (
		buttons []bot.Button // the choices of the last reply that had text
		msgID   int
	)
	for {
		if prompt {
			fmt.Fprint(out, "> ")
		}
		if ctx.Err() != nil || !sc.Scan() {
			break
		}
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		m := bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, LangCode: langCode, MessageID: msgID, Text: line}
		if b, ok := choose(buttons, line); ok {
			if b.URL != "" {
				fmt.Fprintln(out, b.URL)
				fmt.Fprintln(out)
				continue
			}
			m.Text, m.Callback = "", b.Data
		}
		replies, err := engine.Handle(ctx, m)
		if err != nil {
			fmt.Fprintln(errOut, "kyanhbot:", err)
		}
		for _, r := range replies {
			if r.Text == "" {
				if r.Notice != "" {
					fmt.Fprintf(out, "(%s)\n\n", r.Notice)
				}
				continue
			}
			msgID++
			fmt.Fprintln(out, plainText(r.Text))
			if m.Callback != "" && len(r.Buttons) == 0 {
				// "Nguồn" and the like: the answer's buttons stay pressable,
				// as they do on Telegram.
				fmt.Fprintln(out)
				continue
			}
			buttons = nil
			var cells []string
			for _, row := range r.Buttons {
				for _, b := range row {
					buttons = append(buttons, b)
					cells = append(cells, fmt.Sprintf("[%d] %s", len(buttons), b.Text))
				}
			}
			if len(cells) > 0 {
				fmt.Fprintln(out, strings.Join(cells, "  "))
			}
			fmt.Fprintln(out)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("chat: read: %w", err)
	}
	return nil
}

// choose returns the button a typed number presses: the one labelled with
// that number ("3. 30-KH/ThU" in a document list), else the one at that place.
func choose(buttons []bot.Button, line string) (bot.Button, bool) {
	n, err := strconv.Atoi(line)
	if err != nil || len(buttons) == 0 {
		return bot.Button{}, false
	}
	for _, b := range buttons {
		if strings.HasPrefix(b.Text, line+". ") {
			return b, true
		}
	}
	if n >= 1 && n <= len(buttons) {
		return buttons[n-1], true
	}
	return bot.Button{}, false
}

var (
	linkRE = regexp.MustCompile(`<a href="([^"]*)">(.*?)</a>`)
	tagRE  = regexp.MustCompile(`</?[a-z]+[^>]*>`)
)

// plainText turns the bot's Telegram HTML into text for a terminal: tags
// dropped, links written out, entities unescaped.
func plainText(s string) string {
	s = linkRE.ReplaceAllStringFunc(s, func(a string) string {
		m := linkRE.FindStringSubmatch(a)
		if m[1] == m[2] {
			return m[2]
		}
		return m[2] + " (" + m[1] + ")"
	})
	return html.UnescapeString(tagRE.ReplaceAllString(s, ""))
}

// isTerminal reports whether r is an interactive terminal, to show a prompt.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
