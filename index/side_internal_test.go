package index

import "testing"

// TestSidesOf: which side of a reorganisation a text speaks of.
func TestSidesOf(t *testing.T) {
	for _, tt := range []struct {
		text string
		want side
	}{
		{"Bản Na Cày sau khi thành lập có 113 hộ", sideAfter},
		{"phuong tan an sau sap nhap co bao nhieu dan", sideAfter},
		{"After the merger, the ward has 28,000 people", sideAfter},
		{"dien tich tinh truoc khi sap nhap", sideBefore},
		{"What was the area before the merger?", sideBefore},
		{"population of Tan An ward after Dong Hoa ward was merged into it", sideAfter},
		{"Trước đây xã có 9 thôn", sideBefore},
		{"Toàn xã hiện có hơn 4.100 hội viên", sideNow},
		{"Sáp nhập 52 hộ của bản Pá Lươn để thành lập bản Na Cày", 0},
		{"Sau khi thực hiện kế hoạch, xã có 9 thôn", 0}, // after a plan, not a merger
		{"sáu xã", 0},
	} {
		if got := sidesOf(foldWords(tt.text)); got != tt.want {
			t.Errorf("sidesOf(%q) = %b, want %b", tt.text, got, tt.want)
		}
	}
}
