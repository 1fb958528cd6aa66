package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestOrdinalAsked: "kỳ họp thứ mấy" asks which sitting (an ordinal) and
// counts nothing ("mấy để" is no count of "để"); the sentence naming the
// sitting ranks above the one that only tells what was passed. Synthetic
// page, invented place and numbers.
func TestOrdinalAsked(t *testing.T) {
	page := "synthetic: true\ntitle: HĐND tỉnh Mẫu Thử thông qua đề án sắp xếp đơn vị hành chính\n\n" +
		"Bài tổng hợp: mọi tên và số liệu dưới đây đều là bịa, dùng để kiểm thử.\n\n" +
		"HĐND tỉnh Mẫu Thử vừa thông qua chủ trương sắp xếp đơn vị hành chính cấp xã của tỉnh.\n\n" +
		"Sáng 20/4, HĐND tỉnh Mẫu Thử tổ chức kỳ họp thứ 32 (chuyên đề) để thông qua chủ trương.\n\n" +
		"Sau sắp xếp, tỉnh Mẫu Thử còn 40 đơn vị hành chính cấp xã.\n"
	ix := loadedIndex(t, map[string]string{"vi.txt": page})
	q := "HĐND tỉnh Mẫu Thử họp kỳ thứ mấy để thông qua chủ trương sắp xếp?"
	pq := ix.parse(q)
	if pq.counted != "" {
		t.Errorf("%q: counts %q, want nothing", q, pq.counted)
	}
	if !slices.ContainsFunc(pq.asked, func(a content.Asked) bool { return a.Type == content.ValueOrdinal }) {
		t.Errorf("%q: asked %+v, want an ordinal", q, pq.asked)
	}
	res, err := ix.Search(context.Background(), q, Options{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, "kỳ họp thứ 32") {
		t.Errorf("%q: want the sitting's sentence first, got %+v", q, res.Hits)
	}
}
