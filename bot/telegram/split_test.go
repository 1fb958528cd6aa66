package telegram

import (
	"strings"
	"testing"
)

func TestSplitHTML(t *testing.T) {
	para := strings.Repeat("Một hai ba bốn năm. ", 10) // 200 visible
	tests := []struct {
		name  string
		in    string
		limit int
		want  []string
	}{
		{"short stays whole", "<b>ngắn</b>", 100, []string{"<b>ngắn</b>"}},
		{"paragraphs", "aaaa\n\nbbbb\n\ncccc", 10, []string{"aaaa\n\nbbbb", "cccc"}},
		{"line when no paragraph", "aaaa\nbbbb\ncccc", 10, []string{"aaaa\nbbbb", "cccc"}},
		{"bold carried over", "<b>aaaa\n\nbbbb\n\ncccc</b>", 10, []string{"<b>aaaa\n\nbbbb</b>", "<b>cccc</b>"}},
		{"link carried over", `<a href="https://x.vn/a?b=1&amp;c=2">aaaa bbbb cccc</a> d`, 10,
			[]string{`<a href="https://x.vn/a?b=1&amp;c=2">aaaa bbbb</a>`, `<a href="https://x.vn/a?b=1&amp;c=2">cccc</a> d`}},
		{"entity never cut", "aaaaaaaa&amp;&lt;bb", 9, []string{"aaaaaaaa&amp;", "&lt;bb"}},
		{"hard cut without spaces", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"nested tags", "<b><i>aaa bbb</i> ccc</b>", 4, []string{"<b><i>aaa</i></b>", "<b><i>bbb</i></b>", "<b>ccc</b>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitHTML(tt.in, tt.limit)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitHTML(%q, %d)\n got %q\nwant %q", tt.in, tt.limit, got, tt.want)
			}
			for _, p := range got {
				if n := visibleLen(p); n > tt.limit {
					t.Errorf("part %q has %d visible units, limit %d", p, n, tt.limit)
				}
			}
		})
	}
	t.Run("long answer", func(t *testing.T) {
		var b strings.Builder
		for i := 0; i < 40; i++ {
			b.WriteString("<b>Đoạn</b> " + para + "\n\n")
		}
		parts := splitHTML(b.String(), maxMessageLen)
		if len(parts) < 2 {
			t.Fatalf("got %d parts, want at least 2", len(parts))
		}
		for i, p := range parts {
			if n := visibleLen(p); n > maxMessageLen {
				t.Errorf("part %d: %d visible units", i, n)
			}
			if !strings.HasPrefix(p, "<b>Đoạn</b>") {
				t.Errorf("part %d does not start on a paragraph: %q", i, p[:40])
			}
		}
	})
	t.Run("utf16 counts emoji as two", func(t *testing.T) {
		if got, want := visibleLen("👍a&#x1F44D;"), 5; got != want {
			t.Errorf("visibleLen = %d, want %d", got, want)
		}
	})
}
