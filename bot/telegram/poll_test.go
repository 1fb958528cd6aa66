package telegram

import (
	"encoding/json"
	"testing"
)

func TestUpdateID(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want int64
		ok   bool
	}{
		{"Telegram's order", `{"update_id":123456789,"message":{"message_id":1}}`, 123456789, true},
		{"alone", `{"update_id":7}`, 7, true},
		{"not first", `{"message":{"message_id":1},"update_id":42}`, 42, true},
		{"spaces", `{ "update_id" : 9 , "message":{}}`, 9, true},
		{"negative", `{"update_id":-5,"message":{}}`, -5, true},
		{"larger than int64 in the fast path's reach", `{"update_id":99999999999999999999}`, 0, false},
		{"exponent", `{"update_id":1e3}`, 0, false},
		{"string", `{"update_id":"12"}`, 0, false},
		{"none", `{"message":{}}`, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := updateID(json.RawMessage(tt.raw))
			if (err == nil) != tt.ok || got != tt.want {
				t.Errorf("updateID(%s) = %d, %v; want %d, ok %v", tt.raw, got, err, tt.want, tt.ok)
			}
			// The fast path must agree with a full decode wherever that works.
			var full struct {
				UpdateID int64 `json:"update_id"`
			}
			if json.Unmarshal([]byte(tt.raw), &full) == nil && err == nil && full.UpdateID != got {
				t.Errorf("updateID(%s) = %d, a full decode says %d", tt.raw, got, full.UpdateID)
			}
		})
	}
}

// visibleLen counts without building the token list; it must count what
// the list holds.
func TestVisibleLenMatchesTokens(t *testing.T) {
	for _, s := range []string{"", "abc", "<b>Điện thoại</b>: 0000 000 000", "a &amp; b &#x1F44D; &#128077; &bogus", "<a href=\"x\">link</a>",
		"unclosed <b tag", "& alone", "&toolongentityname;", "👍\n\n<i>nghiêng</i>", "\xff\xfe bad bytes"} {
		want := 0
		for _, tok := range tokenize(s) {
			want += tok.visible
		}
		if got := visibleLen(s); got != want {
			t.Errorf("visibleLen(%q) = %d, tokens count %d", s, got, want)
		}
	}
}
