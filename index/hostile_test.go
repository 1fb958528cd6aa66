package index

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func hostileInputs() []string {
	rng := rand.New(rand.NewSource(1))
	random := make([]byte, 512)
	rng.Read(random)
	return []string{
		"", " ", "\n\t", string(random), "\xff\xfe\xfd", "so dien \xc3\x28 thoai",
		strings.Repeat("sáp nhập ", 12000), strings.Repeat("a", 100000),
		`+-&|!(){}[]^"~*?:\/`, "gì?", "/tim.*/", "-2024", "thôn:TDP^5", `"tổ dân phố`,
		"<script>alert(1)</script> ủy ban", "<em>fax</em>", "&amp; email",
		"so\u200bdien\u200bthoai", "\u202eban nhan dan\u202c", "🙂🙂 sáp nhập 🏛️", "ＵＢＮＤ",
		"NQ", "18", "0", "-", "/", "nghi quyet so", "nq00000000000000000018",
	}
}

// TestSearchHostileInput: odd input never fails and never takes long.
func TestSearchHostileInput(t *testing.T) {
	ix := mustDefault(t)
	for _, q := range hostileInputs() {
		start := time.Now()
		res, err := ix.Search(context.Background(), q, Options{})
		if err != nil {
			t.Errorf("%.40q: %v", q, err)
			continue
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%.40q took %v", q, took)
		}
		for _, h := range res.Hits {
			if err := checkSpans(h); err != "" {
				t.Errorf("%.40q: %s", q, err)
			}
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range hostileInputs() {
		if len(q) < 1000 {
			f.Add(q)
		}
	}
	for _, q := range []string{"so dien thoai uy ban", "Nghị quyết 18-NQ/TW về việc gì?", "KL92 ngày nào"} {
		f.Add(q)
	}
	ix := mustDefault(f)
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), q, Options{})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if res.Found && len(res.Hits) == 0 {
			t.Fatalf("%q: found without hits", q)
		}
		for _, h := range res.Hits {
			if err := checkSpans(h); err != "" {
				t.Fatalf("%q: %s", q, err)
			}
		}
	})
}

// checkSpans says what is wrong with a hit's highlights, if anything: each
// must lie in its text, on rune boundaries, after the one before.
func checkSpans(h Hit) string {
	end := 0
	for _, sp := range h.Highlights {
		if sp.Start < end || sp.End <= sp.Start || sp.End > len(h.Text) {
			return fmt.Sprintf("highlight %v out of order or bounds in %q", sp, h.Text)
		}
		if !utf8.RuneStart(h.Text[sp.Start]) || sp.End < len(h.Text) && !utf8.RuneStart(h.Text[sp.End]) {
			return fmt.Sprintf("highlight %v splits a rune in %q", sp, h.Text)
		}
		end = sp.End
	}
	return ""
}
