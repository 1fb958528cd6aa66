package index_test

import (
	"strings"
	"testing"
)

// topicSignalPage is a synthetic page (an invented province, congress and
// figures) in the shape of a congress report: the lead names the party
// committee and states a count of the noun asked for another group (the
// guests); the sentence stating the count asked says only "Đại hội", its
// subject named in the title and lead.
const topicSignalPage = `synthetic: true
source: https://www.example.invalid/khai-mac-dai-hoi-dang-bo-tinh-gia-lap
title: Khai mạc Đại hội đại biểu Đảng bộ tỉnh Giả Lập lần thứ I

Sáng 24/8, Đảng bộ tỉnh Giả Lập khai mạc Đại hội với 60 đại biểu khách mời.

Đại hội có 412 đại biểu chính thức, đại diện cho hơn 98.000 đảng viên.

Trong nhiệm kỳ qua, kinh tế tăng trưởng bình quân 7,2% mỗi năm.

Bài viết thử nghiệm (synthetic): mọi tên địa danh, tên người và số liệu trên đây đều hư cấu.
`

// TestTopicSignal: a unit holding the kind of answer asked is credited, in
// the topic signal, the share of the question it finds only in its
// article's title or lead (the body sentence: the committee, the province,
// the congress's number; the lead: only the number, from the title), and a
// unit holding no such value nothing.
func TestTopicSignal(t *testing.T) {
	ix := pageIndex(t, map[string]string{"dai-hoi.txt": topicSignalPage})
	_, topic := signalByText(t, ix, "Đại hội Đảng bộ tỉnh Giả Lập lần thứ I có bao nhiêu đại biểu chính thức?", "topic")
	var body, lead, other float64
	for text, v := range topic {
		switch {
		case strings.HasPrefix(text, "Đại hội có 412"):
			body = v
		case strings.HasPrefix(text, "Sáng 24/8"):
			lead = v
		case strings.HasPrefix(text, "Trong nhiệm kỳ"):
			other = v
		}
	}
	if body <= lead || lead <= 0 {
		t.Errorf("topic: body sentence %.3f, lead %.3f; want the body's above the lead's, both above 0", body, lead)
	}
	if other != 0 {
		t.Errorf("topic: a sentence stating no count of đại biểu has %.3f, want 0", other)
	}
}
