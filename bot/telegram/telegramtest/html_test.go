package telegramtest

import "testing"

func TestParseHTML(t *testing.T) {
	tests := []struct {
		in, visible string
		ok          bool
	}{
		{"plain", "plain", true},
		{"<b>bold</b> &amp; <i>it</i>", "bold & it", true},
		{`<a href="https://example.org/?a=1&amp;b=2">link</a>`, "link", true},
		{"<b><i>nested</i></b>", "nested", true},
		{"&lt;mark&gt; &#39; &#x41;", "<mark> ' A", true},
		{"<mark>x</mark>", "", false},
		{"<b>unclosed", "", false},
		{"<b><i>crossed</b></i>", "", false},
		{"a & b", "", false},
		{"a > b", "", false},
		{"&nbsp;", "", false},
		{"<a>no href</a>", "", false},
		{"<b", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseHTML(tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("parseHTML(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
			if got != tt.visible {
				t.Errorf("parseHTML(%q) = %q, want %q", tt.in, got, tt.visible)
			}
		})
	}
}
