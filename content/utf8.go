package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// RepairUTF8 repairs text that is not valid UTF-8 without breaking its
// words. A run of stray bytes touching a letter is part of a word: each byte
// that is a Vietnamese letter in the single-byte encodings (legacyLetter) is
// read as that letter, any other is dropped — "gi\xe1 làm" reads "giá làm"
// (a space made it "gi làm": another word, and another answer). A run
// between spaces or punctuation is a space. The bot and the index's own
// question parsing (ask, eval) share it, so a question reads the same on
// every path.
func RepairUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := ' ' // the last valid rune written
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || n != 1 {
			b.WriteString(s[i : i+n])
			prev = r
			i += n
			continue
		}
		j := i
		for j < len(s) {
			if r, n := utf8.DecodeRuneInString(s[j:]); r != utf8.RuneError || n != 1 {
				break
			}
			j++
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(prev) && !unicode.IsLetter(next) {
			b.WriteByte(' ')
			i = j
			continue
		}
		for ; i < j; i++ {
			if l := legacyLetter(s[i]); l != 0 {
				b.WriteRune(l)
			}
		}
	}
	return b.String()
}

// legacyLetter is the Vietnamese letter byte c stands for in the single-byte
// encodings text was typed in before UTF-8, or 0: a vowel with one of the
// marks à á â ã, where Latin-1 and VISCII (and Windows-1258 for most) put
// them, and Đ, đ at 0xD0, 0xF0 as VISCII and Windows-1258 do. Other Latin-1
// letters (ÿ, ç, ß …) are no Vietnamese letter.
func legacyLetter(c byte) rune {
	switch c {
	case 0xD0:
		return 'Đ'
	case 0xF0:
		return 'đ'
	}
	if c < 0xC0 {
		return 0
	}
	d := []rune(norm.NFD.String(string(rune(c))))
	if len(d) != 2 || !strings.ContainsRune("aeiouyAEIOUY", d[0]) || !strings.ContainsRune("\u0300\u0301\u0302\u0303", d[1]) {
		return 0
	}
	return rune(c)
}
