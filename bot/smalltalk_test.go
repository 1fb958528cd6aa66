package bot

import "testing"

func TestSmallTalk(t *testing.T) {
	tests := []struct {
		text, kind string
	}{
		{"xin chào", "greeting"}, {"Chào bạn!", "greeting"}, {"hello", "greeting"}, {"alo", "greeting"},
		{"cảm ơn", "thanks"}, {"Cảm ơn bạn nhiều nhé!", "thanks"}, {"cam on ad", "thanks"}, {"thank you so much", "thanks"},
		{"ok", "ok"}, {"Ok ạ", "ok"}, {"vâng", "ok"}, {"👍", "ok"}, {"👍👍👍", "ok"}, {"🙏", "thanks"},
		{"haha", "laugh"}, {"hihihi", "laugh"}, {"kkk", "laugh"}, {"😂", "laugh"}, {"haha ok", "ok"},
		{"ok cảm ơn", "thanks"},
		{"số điện thoại ủy ban", ""}, {"chào bạn, cho hỏi số điện thoại", ""}, {"cảm ơn, còn số fax?", ""},
		{"18", ""}, {"?", ""}, {"ok vậy sáp nhập thôn nào", ""}, {"hỏi", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			kind, ok := smallTalk(tt.text)
			if got := kind; got != tt.kind || ok != (tt.kind != "") {
				t.Errorf("smallTalk(%q) = %q, %v; want %q", tt.text, got, ok, tt.kind)
			}
		})
	}
}

func TestStripSmallTalk(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chào bạn, cho hỏi số điện thoại ủy ban", "cho hỏi số điện thoại ủy ban"},
		{"Xin chào! Sáp nhập những thôn nào?", "Sáp nhập những thôn nào?"},
		{"số fax của ủy ban, cảm ơn bạn", "số fax của ủy ban,"},
		{"hello, which units were merged? thanks", "which units were merged?"},
		{"cảm ơn", "cảm ơn"},
		{"xin chào", "xin chào"},
		{"số điện thoại ủy ban", "số điện thoại ủy ban"},
		{"ok", "ok"},
	}
	for _, tt := range tests {
		if got := stripSmallTalk(tt.in); got != tt.want {
			t.Errorf("stripSmallTalk(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
