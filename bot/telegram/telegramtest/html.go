package telegramtest

import (
	"fmt"
	"strings"
	"unicode/utf16"
)

// allowedTags are the tags Telegram's HTML parse mode accepts
// (https://core.telegram.org/bots/api#html-style).
var allowedTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "a": true, "code": true, "pre": true,
	"tg-spoiler": true, "span": true, "blockquote": true, "tg-emoji": true,
}

var namedEntities = map[string]string{"lt": "<", "gt": ">", "amp": "&", "quot": `"`}

// parseHTML checks text the way Telegram does in HTML parse mode and returns
// the visible text: every "<" opens a supported tag, every tag is closed in
// order, every "&" starts a supported entity. The error reads like Telegram's.
func parseHTML(text string) (string, error) {
	var out strings.Builder
	var open []string
	for i := 0; i < len(text); {
		switch text[i] {
		case '<':
			end := strings.IndexByte(text[i:], '>')
			if end < 0 {
				return "", fmt.Errorf("can't parse entities: unclosed start tag at byte offset %d", i)
			}
			tag := text[i+1 : i+end]
			i += end + 1
			if strings.HasPrefix(tag, "/") {
				name := strings.TrimSpace(tag[1:])
				if len(open) == 0 || open[len(open)-1] != name {
					return "", fmt.Errorf("can't parse entities: unexpected end tag %q", name)
				}
				open = open[:len(open)-1]
				continue
			}
			name, attrs, _ := strings.Cut(tag, " ")
			if !allowedTags[name] {
				return "", fmt.Errorf("can't parse entities: unsupported start tag %q", name)
			}
			if name == "a" && !strings.HasPrefix(strings.TrimSpace(attrs), "href=") {
				return "", fmt.Errorf("can't parse entities: tag \"a\" must have attribute href")
			}
			if strings.Count(attrs, `"`)%2 != 0 {
				return "", fmt.Errorf("can't parse entities: unclosed attribute value in tag %q", name)
			}
			open = append(open, name)
		case '&':
			end := strings.IndexByte(text[i:], ';')
			if end < 0 || end > 10 {
				return "", fmt.Errorf("can't parse entities: character '&' at byte offset %d must be escaped", i)
			}
			name := text[i+1 : i+end]
			if v, ok := namedEntities[name]; ok {
				out.WriteString(v)
			} else if strings.HasPrefix(name, "#") && len(name) > 1 {
				var r rune
				if _, err := fmt.Sscanf(strings.Replace(name[1:], "x", "0x", 1), "%v", &r); err != nil {
					return "", fmt.Errorf("can't parse entities: bad numeric entity %q", name)
				}
				out.WriteRune(r)
			} else {
				return "", fmt.Errorf("can't parse entities: unsupported HTML entity %q", name)
			}
			i += end + 1
		case '>':
			return "", fmt.Errorf("can't parse entities: character '>' at byte offset %d must be escaped", i)
		default:
			out.WriteByte(text[i])
			i++
		}
	}
	if len(open) > 0 {
		return "", fmt.Errorf("can't parse entities: can't find end tag corresponding to start tag %q", open[len(open)-1])
	}
	return out.String(), nil
}

// utf16Len is the length Telegram counts: UTF-16 code units.
func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }
