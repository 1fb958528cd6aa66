package store

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// replicas is reload.Shared, restated so that this package does not import
// the reloader.
type replicas interface {
	Subscribe(ctx context.Context) (msgs <-chan []byte, stop func(), err error)
	Announce(ctx context.Context, msg []byte) error
	Report(ctx context.Context, id string, entry []byte, ttl time.Duration) error
	Reports(ctx context.Context) (map[string][]byte, error)
	Drop(ctx context.Context, id string) error
}

// testReplicas: announcements reach every subscriber from its subscription
// on, until it stops; the registry of replicas keeps each one's last entry
// and expires with the last report.
func testReplicas(t *testing.T, b backend) {
	ctx := context.Background()
	r := b.replicas(t)
	announce := func(msg string) {
		t.Helper()
		if err := r.Announce(ctx, []byte(msg)); err != nil {
			t.Fatal(err)
		}
	}
	// next returns the next announcement, "closed" when delivery ended.
	next := func(ch <-chan []byte) string {
		t.Helper()
		select {
		case m, ok := <-ch:
			if !ok {
				return "closed"
			}
			return string(m)
		case <-time.After(10 * time.Second):
			t.Fatal("no announcement within 10 s")
			return ""
		}
	}

	announce("before anyone listens")
	first, stopFirst, err := r.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer stopFirst()
	sctx, cancel := context.WithCancel(ctx)
	second, stopSecond, err := r.Subscribe(sctx)
	if err != nil {
		t.Fatal(err)
	}
	defer stopSecond()
	announce("a")
	announce("b")
	for _, tt := range []struct {
		name string
		ch   <-chan []byte
		want []string
	}{
		{"first", first, []string{"a", "b"}},
		{"second", second, []string{"a", "b"}},
	} {
		for _, want := range tt.want {
			if got := next(tt.ch); got != want {
				t.Errorf("%s subscriber heard %q, want %q", tt.name, got, want)
			}
		}
	}
	cancel() // the second's context ends: its delivery stops
	if got := next(second); got != "closed" {
		t.Errorf("after its context ended, the second subscriber heard %q, want its channel closed", got)
	}
	announce("c")
	if got := next(first); got != "c" {
		t.Errorf("first subscriber heard %q, want c", got)
	}
	stopFirst()
	stopFirst() // twice is harmless
	if got := next(first); got != "closed" {
		t.Errorf("after stop, the first subscriber heard %q, want its channel closed", got)
	}

	reports := func() string {
		t.Helper()
		m, err := r.Reports(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s := map[string]string{}
		for k, v := range m {
			s[k] = string(v)
		}
		return fmt.Sprint(s)
	}
	if got := reports(); got != "map[]" {
		t.Errorf("Reports before any = %s, want none", got)
	}
	const ttl = time.Second // EXPIRE's least
	for _, rep := range [][2]string{{"a", `{"v":1}`}, {"b", `{"v":2}`}, {"a", `{"v":3}`}} {
		if err := r.Report(ctx, rep[0], []byte(rep[1]), ttl); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	if got, want := reports(), `map[a:{"v":3} b:{"v":2}]`; got != want {
		t.Errorf("Reports = %s, want %s", got, want)
	}
	if err := r.Drop(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if got, want := reports(), `map[b:{"v":2}]`; got != want {
		t.Errorf("Reports after Drop(a) = %s, want %s", got, want)
	}
	// Polled until a deadline: the registry goes ttl after the last
	// report, never before, and a loaded machine may be late to see it.
	for deadline := time.Now().Add(10 * time.Second); reports() != "map[]"; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the registry outlived its TTL by 10 s")
		}
	}
	if early := ttl - time.Since(start); early > 20*time.Millisecond {
		t.Errorf("the registry went %v before its TTL", early)
	}
}
