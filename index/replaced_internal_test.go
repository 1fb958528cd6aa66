package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestReplacedName: the person a question says the one asked replaced
// (synthetic questions).
func TestReplacedName(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want string
	}{
		{"Ai được bầu làm Chủ tịch UBND xã Thử Nghiệm thay ông Trần Văn Mẫu?", "tran van mau"},
		{"Who replaced Le Van Mau as Director of the Department of Testing?", "le van mau"},
		{"ai duoc bau lam chu tich thay ong tran van mau", "tran van mau"},
		// No name after the marker: a change, someone acting for another.
		{"Lịch tiếp công dân thay đổi thế nào?", ""},
		{"Ai thay mặt UBND xã ký văn bản?", ""},
		// Typed in lower case without a form of address: not read.
		{"ai thay tran van mau", ""},
	} {
		cased := splitWords(content.Normalize(tt.q))
		folded := foldWords(tt.q)
		if got := strings.Join(replacedName(folded, cased), " "); got != tt.want {
			t.Errorf("%q: replaced %q, want %q", tt.q, got, tt.want)
		}
	}
}

// TestReplacedHolds: a unit naming the replaced person as the holder of
// the title asked answers another question (synthetic sentences).
func TestReplacedHolds(t *testing.T) {
	pq := &parsedQuery{
		replaced: []string{"tran", "van", "mau"},
		titles:   [][][]string{{{"chu", "tich"}}},
		concepts: []concept{{alts: [][]string{{"chu", "tich"}}}, {alts: [][]string{{"thu"}}}, {alts: [][]string{{"nghiem"}}}},
	}
	ws := []float64{1, 1, 1}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Công bố quyết định ông Trần Văn Mẫu, Chủ tịch UBND xã Thử Nghiệm, thôi giữ chức; ông Lê Văn Khảo giữ chức Phó Chủ tịch.", true},
		{"HĐND xã Thử Nghiệm bầu ông Lê Văn Khảo giữ chức Chủ tịch UBND xã thay ông Trần Văn Mẫu.", false},
		{"Ông Lê Văn Khảo được bầu giữ chức Chủ tịch UBND xã Thử Nghiệm.", false},
		{"Ông Trần Văn Mẫu nghỉ hưu từ tháng 3.", true},
		{"Ông Trần Văn Mẫu trao quyết định cho ông Lê Văn Khảo.", false},
	} {
		if got := replacedHolds(pq, ws, tt.text); got != tt.want {
			t.Errorf("%q: replacedHolds %v, want %v", tt.text, got, tt.want)
		}
	}
	if slices.Contains(content.Lexicon.ReplacedMarkers, "") {
		t.Error("an empty replaced marker")
	}
}
