package index

import (
	"slices"
	"testing"
)

// TestPartShortAlts: a body's name that holds another name the glossary
// shortens ("Ủy ban Mặt trận Tổ quốc" holds MTTQ) is read in the page's
// half-short spelling too ("Ủy ban MTTQ Việt Nam"), typed short or whole;
// another body of the same place is still not it (synthetic page,
// invented names).
func TestPartShortAlts(t *testing.T) {
	page := "synthetic: true\ntitle: Đại hội đại biểu huyện Sông Mây\n\n" +
		"Bài viết tổng hợp: mọi tên người, địa danh và số liệu dưới đây là bịa, dùng cho kiểm thử.\n\n" +
		"Ông Hoàng Văn Tích - Chủ tịch Ủy ban MTTQ Việt Nam huyện Sông Mây phát biểu tại đại hội.\n\n" +
		"Ngày 3/10, Ủy ban MTTQ Việt Nam huyện Sông Mây trao tặng 17 con bò giống cho các hộ nghèo.\n\n" +
		"Bà Lê Thị Nguyệt được bầu làm Chủ tịch Hội Nông dân xã Bến Lau.\n"
	ix := loadedIndex(t, map[string]string{"song-may.txt": page})
	assertTop(t, ix, []topCase{ // want "" for a decline
		{"CT UBMTTQ huyện Sông Mây là ai?", "Hoàng Văn Tích"},
		{"Chủ tịch Ủy ban Mặt trận Tổ quốc huyện Sông Mây là ai?", "Hoàng Văn Tích"},
		{"Ủy ban Mặt trận Tổ quốc huyện Sông Mây trao tặng bao nhiêu con bò giống?", "17 con bò"},
		{"UBMTTQ huyện Sông Mây tặng bao nhiêu con bò cho hộ nghèo?", "17 con bò"},
		{"Chủ tịch Hội Cựu chiến binh huyện Sông Mây là ai?", ""},
	})
	// The short spelling is the question's own: English renderings stay
	// after it.
	pq := ix.parse("Chủ tịch Ủy ban Mặt trận Tổ quốc huyện Sông Mây là ai?")
	i := slices.IndexFunc(pq.concepts, func(c concept) bool {
		return c.entity && slices.Equal(c.alts[0], foldWords("ủy ban mặt trận tổ quốc"))
	})
	if i < 0 {
		t.Fatalf("no body concept read: %v", pq.concepts)
	}
	c := pq.concepts[i]
	k := slices.IndexFunc(c.alts, func(a []string) bool { return slices.Equal(a, []string{"uy", "ban", "mttq"}) })
	if k < 0 || c.own > 0 && k >= c.own {
		t.Errorf("alts %v (own %d): want \"uy ban mttq\" among the question's own", c.alts, c.own)
	}
}
