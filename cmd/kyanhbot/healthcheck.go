package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"time"
)

// runHealthcheck asks a running serve whether it is up: a GET of /healthz on
// LISTEN_ADDR, exit status 0 on 200. It is the Docker HEALTHCHECK, which the
// distroless image can only run through the binary itself (no curl, no shell).
func runHealthcheck(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	addr := fs.String("addr", e.getenv("LISTEN_ADDR"), "address serve listens on (default $LISTEN_ADDR)")
	path := fs.String("path", "/healthz", "path to check: /healthz (up) or /readyz (ready to serve)")
	timeout := fs.Duration("timeout", 3*time.Second, "give up after this long")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 || *addr == "" {
		return usageError{"usage: kyanhbot healthcheck [-addr host:port] [-path /healthz] (LISTEN_ADDR must be set or -addr given)"}
	}
	host, port, err := net.SplitHostPort(*addr)
	if err != nil {
		return usageError{fmt.Sprintf("healthcheck: address %q is not host:port", *addr)}
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1" // serve listens on every interface; ask it on loopback
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	url := "http://" + net.JoinHostPort(host, port) + *path
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s", url, resp.Status)
	}
	fmt.Fprintln(e.stdout, "ok")
	return nil
}
