package index

import "testing"

func TestSpellForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chiều", "chiêu1"}, {"nhiêu", "nhiêu0"}, {"nào", "nao1"}, {"nầo", "nâo1"},
		{"trạch", "trach5"}, {"đâu", "đâu0"}, {"mới", "mơi2"},
	}
	for _, tt := range tests {
		if got, ok := spellForm(tt.in); !ok || got != tt.want {
			t.Errorf("spellForm(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	if _, ok := spellForm("km2"); ok {
		t.Errorf("spellForm(km2) ok, want a digit refused")
	}
}

func TestReplaceWord(t *testing.T) {
	tests := []struct{ q, old, repl, want string }{
		{"xã Hải Trạc có bao nhiêu người?", "trạc", "trạch", "xã Hải Trạch có bao nhiêu người?"},
		{"buổi chìu", "chìu", "chiều", "buổi chiều"},
		{"trạc trạc", "trạc", "x", "x trạc"},
		{"không có", "chìu", "chiều", "không có"},
	}
	for _, tt := range tests {
		if got := replaceWord(tt.q, tt.old, tt.repl); got != tt.want {
			t.Errorf("replaceWord(%q, %q, %q) = %q, want %q", tt.q, tt.old, tt.repl, got, tt.want)
		}
	}
}
