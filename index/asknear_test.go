package index_test

import (
	"strings"
	"testing"
)

// askNearPage is a synthetic page (an invented province, resolution and
// dates) in the shape of a resolution's news: the lead states the day it
// was passed, a later sentence the day it takes effect, and the first
// shares more of a question about the resolution's words.
const askNearPage = `synthetic: true
source: https://www.example.invalid/nghi-quyet-99-thanh-lap-phuong-gia-lap
title: Nghị quyết 99/NQ-HĐND thành lập các phường thuộc thị xã Giả Lập

Ngày 12/01/2021, Hội đồng nhân dân tỉnh Giả Lập ban hành Nghị quyết 99/NQ-HĐND về việc thành lập các phường thuộc thị xã Giả Lập.

Theo Nghị quyết, thị xã Giả Lập có 7 phường và 5 xã.

Nghị quyết có hiệu lực từ ngày 01/02/2021.

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu trên đây đều hư cấu.
`

// TestAskNearSignal: the date written right after what the question says
// of it ("có hiệu lực từ") is credited in ask_near, the day the resolution
// was passed not, nor a sentence stating no date; and it is the answer.
func TestAskNearSignal(t *testing.T) {
	ix := pageIndex(t, map[string]string{"nghi-quyet.txt": askNearPage})
	res, near := signalByText(t, ix, "Nghị quyết 99 về thành lập phường có hiệu lực từ ngày nào?", "ask_near")
	var effect, passed, other float64
	for text, v := range near {
		switch {
		case strings.HasPrefix(text, "Nghị quyết có hiệu lực"):
			effect = v
		case strings.HasPrefix(text, "Ngày 12/01/2021"):
			passed = v
		case strings.HasPrefix(text, "Theo Nghị quyết"):
			other = v
		}
	}
	if effect <= 0 || passed != 0 || other != 0 {
		t.Errorf("ask_near: the effect's sentence %.3f, the passing's %.3f, a sentence with no date %.3f; want only the first above 0", effect, passed, other)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, "01/02/2021") {
		t.Errorf("answer: %v, want the sentence giving 01/02/2021", res.Hits)
	}
}
