package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Sentences splits a paragraph into sentences, keeping each one's published
// wording (white space cleaned). It splits at line breaks and after ".", "!"
// or "?" (with any closing quotes or brackets) when white space and an
// upper-case letter, digit or opening quote follow. It does not split:
//   - inside numbers and codes, which have no space after the dot
//     ("29/6/2016", "1.250", "18-NQ/TW", "CTr/Th.U");
//   - after an abbreviation or an initial ("TP. Hà Tĩnh", "ThS. Nguyễn",
//     "Nguyễn V. An");
//   - at an ellipsis ("..." or "…"): in this kind of text it mostly closes
//     or continues a list whose items are capitalised ("Hội Người mù, Hội
//     bảo trợ..."), and splitting there would cut the list from its subject;
//   - at a semicolon. Published administrative sentences chain long clauses
//     with ";", but a clause alone often lacks its subject; search may window
//     clauses itself when it needs shorter passages.
func Sentences(paragraph string) []string {
	var out []string
	for _, line := range strings.Split(paragraph, "\n") {
		line = cleanSpace(line)
		if line == "" {
			continue
		}
		out = append(out, splitLine(line)...)
	}
	return out
}

// NormalSentences is Sentences(paragraph), and each sentence's Normalize
// form, appended to sentences and normals. A line that is already clean
// (plainClean) is cut into clean sentences (a clean line's stretches
// between its spaces are: TestNormalSentences), which Normalize would
// only retone: checking every sentence's bytes again was a tenth of a
// build's cutting.
func NormalSentences(paragraph string, sentences, normals []string) ([]string, []string) {
	for _, line := range strings.Split(paragraph, "\n") {
		clean := plainClean(line)
		if !clean {
			line = collapseSpace(norm.NFC.String(line))
		}
		if line == "" {
			continue
		}
		for _, s := range splitLine(line) {
			sentences = append(sentences, s)
			if clean {
				normals = append(normals, retone(s))
			} else {
				normals = append(normals, Normalize(s))
			}
		}
	}
	return sentences, normals
}

func splitLine(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		// The next '.', '!' or '?': bytes no other rune's encoding
		// holds, so found byte by byte where decoding every rune found
		// them (a fifth of the sentences' reading in a build).
		k := strings.IndexAny(s[i:], ".!?")
		if k < 0 {
			break
		}
		i += k
		r, size := rune(s[i]), 1
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

// abbreviations that take a dot and are followed by a capitalised name.
var dotAbbrevs = map[string]bool{
	"tp": true, "tx": true, "tt": true, "q": true, "p": true, "h": true,
	"ts": true, "ths": true, "pgs": true, "gs": true, "bs": true, "ks": true,
	"cn": true, "ls": true, "nxb": true, "st": true, "mr": true, "mrs": true,
	"ms": true, "dr": true, "đ/c": true, "v.v": true, "vv": true, "tr": true,
	"no": true,
}

// isAbbrevBefore reports whether the text before a dot ends with an
// abbreviation or a one-letter initial, in which case the dot does not end
// the sentence.
func isAbbrevBefore(before string) bool {
	j := strings.LastIndexAny(before, " (\"'“")
	word := before[j+1:]
	if word == "" {
		return false
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) // an initial: "Nguyễn V. An"
	}
	return dotAbbrevs[strings.ToLower(word)]
}
