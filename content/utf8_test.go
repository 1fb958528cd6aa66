package content

import "testing"

func TestRepairUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{"giá làm", "giá làm"},
		{"gi\xe1 làm", "giá làm"},
		{"hỏi \xff\xfe về", "hỏi   về"},
		{"so\xff dien", "so dien"},
		{"\xd0à Nẵng", "Đà Nẵng"},
	}
	for _, tt := range tests {
		if got := RepairUTF8(tt.in); got != tt.want {
			t.Errorf("RepairUTF8(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
