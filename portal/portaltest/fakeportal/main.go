// Command fakeportal serves the synthetic fake portal of package portaltest
// on a local port, for measuring "kyanhbot sync" in a process of its own:
//
//	go run ./portal/portaltest/fakeportal -n 5000 -clean
//
// prints the portal's URL and serves until interrupted.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

func main() {
	n := flag.Int("n", 5000, "generated articles besides the standard ones")
	clean := flag.Bool("clean", false, "leave the faulty pages out (no slow page, no 500 retries)")
	flag.Parse()
	p := portaltest.Start(*n)
	defer p.Server.Close()
	if *clean {
		p.WithoutFaults()
	}
	fmt.Println(p.URL("/"))
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	<-ch
}
