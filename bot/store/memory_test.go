package store

import (
	"testing"
	"time"
)

func TestMemory(t *testing.T) {
	testContract(t, func(t *testing.T, opts Options) harness {
		m := NewMemory(opts)
		return harness{s: m, keys: func(t *testing.T) map[string]time.Duration {
			out := map[string]time.Duration{}
			now := time.Now()
			for k, exp := range m.keys() {
				out[k] = exp.Sub(now)
			}
			return out
		}}
	})
}
