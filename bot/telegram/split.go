package telegram

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxMessageLen is Telegram's limit on a message's text after entity parsing,
// in UTF-16 code units.
const maxMessageLen = 4096

// token is an atomic piece of Telegram HTML: a tag, an entity or one rune of
// text. Splitting between tokens never breaks a tag or an entity.
type token struct {
	raw     string
	visible int    // UTF-16 code units the user sees
	tag     string // tag name, for tags
	closing bool
}

func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		var t token
		t, i = nextToken(s, i)
		out = append(out, t)
	}
	return out
}

// nextToken returns the token at s[i:] and the index after it.
func nextToken(s string, i int) (token, int) {
	switch s[i] {
	case '<':
		if end := strings.IndexByte(s[i:], '>'); end > 0 {
			raw := s[i : i+end+1]
			inner := strings.TrimSuffix(strings.TrimPrefix(raw, "<"), ">")
			t := token{raw: raw}
			if strings.HasPrefix(inner, "/") {
				t.closing = true
				inner = inner[1:]
			}
			t.tag, _, _ = strings.Cut(strings.TrimSpace(inner), " ")
			return t, i + end + 1
		}
	case '&':
		if end := strings.IndexByte(s[i:], ';'); end > 0 && end <= 10 {
			return token{raw: s[i : i+end+1], visible: entityLen(s[i+1 : i+end])}, i + end + 1
		}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return token{raw: s[i : i+n], visible: utf16.RuneLen(r)}, i + n
}

// entityLen is the UTF-16 length of what an entity stands for: two for a
// numeric entity beyond the Basic Multilingual Plane, else one.
func entityLen(name string) int {
	if !strings.HasPrefix(name, "#") {
		return 1
	}
	var r rune
	for _, c := range strings.TrimPrefix(strings.TrimPrefix(name[1:], "x"), "X") {
		r = r*16 + rune(strings.IndexRune("0123456789abcdef", c|0x20))
	}
	if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
		if r > 0xFFFF {
			return 2
		}
	}
	return 1
}

// visibleLen is the length Telegram counts for an HTML text. It is asked of
// every reply, so it reads the tokens one by one rather than building the
// list: most replies need no split.
func visibleLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		var t token
		t, i = nextToken(s, i)
		n += t.visible
	}
	return n
}

// splitHTML cuts an HTML message into parts of at most limit visible UTF-16
// units: at a paragraph break when one falls in the second half of a part,
// else at a line break, else at a space, else anywhere between runes — never
// inside a tag or an entity. Tags open at a cut are closed at the end of the
// part and opened again at the start of the next, so each part is valid HTML.
func splitHTML(s string, limit int) []string {
	if visibleLen(s) <= limit {
		return []string{s}
	}
	toks := tokenize(s)
	var parts []string
	var open []token // open tags at the start of the current part
	for i := 0; i < len(toks); {
		// Skip whitespace at the start of a part.
		for i < len(toks) && toks[i].tag == "" && strings.TrimSpace(toks[i].raw) == "" {
			i++
		}
		if i == len(toks) {
			break
		}
		stack := append([]token(nil), open...)
		var para, line, space, any int // cut candidates (token index), 0 = none
		var stackAt = map[int][]token{}
		vis, j := 0, i
		for ; j < len(toks); j++ {
			t := toks[j]
			if vis+t.visible > limit {
				break
			}
			vis += t.visible
			switch {
			case t.tag != "" && t.closing:
				if n := len(stack); n > 0 {
					stack = stack[:n-1]
				}
			case t.tag != "":
				stack = append(stack, t)
			}
			k := j + 1
			stackAt[k] = append([]token(nil), stack...)
			switch {
			case t.raw == "\n" && j > 0 && toks[j-1].raw == "\n":
				para = k
			case t.raw == "\n":
				line = k
			case t.raw == " ":
				space = k
			}
			if t.tag == "" || t.closing {
				any = k
			}
		}
		end := j
		if j < len(toks) && j > i && toks[j].raw == "\n" {
			// The part is full right before a line break: a cut there is as
			// good as one after it.
			if j+1 < len(toks) && toks[j+1].raw == "\n" {
				para = j
			} else {
				line = j
			}
		}
		if j < len(toks) {
			switch half := i + (j-i)/2; {
			case para > half:
				end = para
			case line > half:
				end = line
			case space > i:
				end = space
			case any > i:
				end = any
			}
		}
		if end <= i {
			end = i + 1 // a single token wider than limit: cannot happen for limit >= 2
			stackAt[end] = stack
		}
		var b strings.Builder
		for _, t := range open {
			b.WriteString(t.raw)
		}
		for _, t := range toks[i:end] {
			b.WriteString(t.raw)
		}
		body := strings.TrimRight(b.String(), " \n")
		b.Reset()
		b.WriteString(body)
		after := stackAt[end]
		if end == len(toks) {
			after = nil
		}
		for k := len(after) - 1; k >= 0; k-- {
			b.WriteString("</" + after[k].tag + ">")
		}
		if visibleLen(b.String()) > 0 {
			parts = append(parts, b.String())
		}
		open = after
		i = end
	}
	return parts
}
