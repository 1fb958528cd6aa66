package logtest

import (
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// TestBufferConcurrent writes from many goroutines through a logger while
// reading; under -race a plain bytes.Buffer fails this test.
func TestBufferConcurrent(t *testing.T) {
	var buf Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				log.Info("line", "writer", i, "n", j)
				_ = buf.String()
			}
		}()
	}
	wg.Wait()
	out := buf.String()
	if got, want := strings.Count(out, "msg=line"), 8*50; got != want {
		t.Errorf("%d lines, want %d", got, want)
	}
	for i := range 8 {
		if !strings.Contains(out, fmt.Sprintf("writer=%d n=49", i)) {
			t.Errorf("writer %d's last line missing", i)
		}
	}
}
