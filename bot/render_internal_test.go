package bot

import (
	"testing"

	"github.com/kyanhbot/kyanhbot/index"
)

func TestHitHTML(t *testing.T) {
	const text = `Hội <b>"A&B"</b> hợp nhất`
	span := func(s string) index.Span {
		for i := range text {
			if len(text)-i >= len(s) && text[i:i+len(s)] == s {
				return index.Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not in text", s)
		return index.Span{}
	}
	tests := []struct {
		name  string
		spans []index.Span
		want  string
	}{
		{"none", nil, `Hội &lt;b&gt;&#34;A&amp;B&#34;&lt;/b&gt; hợp nhất`},
		{"escaped inside and out", []index.Span{span("A&B"), span("hợp nhất")}, `Hội &lt;b&gt;&#34;<b>A&amp;B</b>&#34;&lt;/b&gt; <b>hợp nhất</b>`},
		{"bad spans skipped", []index.Span{{Start: 5, End: 2}, span("hợp"), {Start: 0, End: 3}, {Start: 0, End: 999}}, `Hội &lt;b&gt;&#34;A&amp;B&#34;&lt;/b&gt; <b>hợp</b> nhất`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hitHTML(index.Hit{Text: text, Highlights: tt.spans}); got != tt.want {
				t.Errorf("hitHTML = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestLeadIn(t *testing.T) {
	if got := LeadIn(index.Result{English: true}); got != "Answer from the published Vietnamese text:" {
		t.Errorf("LeadIn(English) = %q", got)
	}
	if got := LeadIn(index.Result{}); got != "" {
		t.Errorf("LeadIn(Vietnamese) = %q, want none", got)
	}
}
