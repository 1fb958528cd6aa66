package content

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitLineDecoding is splitLine as it was, decoding every rune.
func splitLineDecoding(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '.' && r != '!' && r != '?' {
			i += size
			continue
		}
		end := i + size
		// An ellipsis never ends a sentence (see Sentences).
		if r == '.' && (strings.HasPrefix(s[end:], ".") || (i > 0 && s[i-1] == '.')) {
			i = end
			continue
		}
		// Let closing quotes and brackets belong to the sentence they close.
		for end < len(s) {
			c, n := utf8.DecodeRuneInString(s[end:])
			if !strings.ContainsRune(`"')]»”’`, c) {
				break
			}
			end += n
		}
		if end >= len(s) || s[end] != ' ' {
			i = end
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[end+1:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'(“‘«[`, next)) {
			i = end
			continue
		}
		if r == '.' && isAbbrevBefore(s[start:i]) {
			i = end
			continue
		}
		out = append(out, strings.TrimSpace(s[start:end]))
		start = end + 1
		i = start
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// TestSplitLineAsDecoding: splitLine finding the terminators byte by
// byte cuts every line where decoding every rune did, on random strings
// of terminators, closing quotes, capitals, abbreviations, Vietnamese
// letters and invalid UTF-8, and on the real pages line by line.
func TestSplitLineAsDecoding(t *testing.T) {
	cuts := 0
	check := func(s string) {
		t.Helper()
		got, want := splitLine(s), splitLineDecoding(s)
		if !slices.Equal(got, want) {
			t.Fatalf("splitLine(%q) = %q, decoding every rune %q", s, got, want)
		}
		cuts += max(0, len(want)-1)
	}
	pieces := []string{".", "!", "?", "...", " ", "  ", "\"", "'", ")", "]", "»", "”", "’", "(", "“", "A", "Ư", "1", "a", "đ", "TP.", "Tp", "V.", "v.v", "Nguyễn", "\xff", "\xe1", "\xe1\xbb", "\xe1.", "\xc3?", "²"}
	checkRandom(23, 200000, 12, pieces, nil, check)
	check("")
	for _, text := range realPageTexts() {
		for _, line := range strings.Split(text, "\n") {
			check(line)
		}
	}
	if cuts < 2000 {
		t.Errorf("%d cuts: the texts test too little", cuts)
	}
	t.Logf("%d cuts", cuts)
}
