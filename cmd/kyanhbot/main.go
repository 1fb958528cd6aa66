// Command kyanhbot answers questions about what a local government publishes,
// on Telegram (serve) or in a terminal (ask, chat), and gives admins the tools
// to check content (content check), measure answer quality (eval) and speed (bench).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], env{getenv: os.Getenv, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr})
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kyanhbot:", err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// env is the process environment a command sees; tests pass their own.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// commands lists every subcommand; each lives in a file of its own.
func commands() []command {
	return []command{
		{"ask", "print the answer the bot would give to a question", runAsk},
		{"chat", "talk with the bot in the terminal (stdin, one message a line)", runChat},
		{"eval", "measure answer quality on a question file", runEval},
		{"bench", "measure search speed and memory on synthetic corpora", runBench},
		{"content", "check content: articles, inferred metadata, facts, problems", runContent},
		{"sync", "fetch the portal's new and changed articles into the content directory", runSync},
		{"version", "print the version", runVersion},
		{"serve", "serve the bot on Telegram (polling, or a webhook when WEBHOOK_URL is set)", runServe},
		{"healthcheck", "exit 0 if a running serve answers /healthz on LISTEN_ADDR (Docker HEALTHCHECK)", runHealthcheck},
	}
}

func run(ctx context.Context, args []string, e env) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		if len(args) == 0 {
			return usageError{"no command given"}
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	usage(e.stderr)
	return usageError{fmt.Sprintf("unknown command %q", args[0])}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: kyanhbot COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
}

func runVersion(_ context.Context, e env, _ []string) error {
	_, err := fmt.Fprintln(e.stdout, "kyanhbot", version)
	return err
}
