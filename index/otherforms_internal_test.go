package index

import (
	"strings"
	"testing"
)

// The readings of the decline23 helper (docs/quality.md, round 20): a
// named thing the page states under another form than the question's.
// Every page here is synthetic: names, places and figures are invented.

// TestDocCodeIssuer: the issuer in a cited document's code ("NQ
// 08/NQ-HĐND") is the document's, not a body the answer must name; a body
// the question names outside the code still is.
func TestDocCodeIssuer(t *testing.T) {
	ix := loadedIndex(t, map[string]string{
		"xom.txt": `synthetic: true
title: Tỉnh Mẫu Định đổi tên 40 xóm

Synthetic article: every name, place and figure below is invented for tests.

Ngày 25/9, Hội đồng nhân dân tỉnh Mẫu Định thông qua Nghị quyết số 08/NQ-HĐND về việc đổi tên xóm.

Theo đó có 2 huyện đề nghị đổi lại tên tổng cộng 40 xóm.

Cụ thể huyện Thử Nhất đổi tên 11 xóm, huyện Thử Hai đổi tên 29 xóm.
`,
	})
	for _, tt := range []struct {
		question string
		body     bool
	}{
		{"Theo NQ 08/NQ-HĐND, huyện Thử Hai đổi tên bao nhiêu xóm?", false},
		{"NQ 08/NQ-HĐND do HĐND tỉnh nào thông qua?", true},
	} {
		pq := ix.parse(tt.question)
		for _, c := range pq.concepts {
			if strings.Join(c.alts[0], " ") == "hdnd" && c.entity != tt.body {
				t.Errorf("%q: HĐND read as a body %v, want %v", tt.question, c.entity, tt.body)
			}
		}
	}
	assertTop(t, ix, []topCase{{"Theo NQ 08/NQ-HĐND, huyện Thử Hai đổi tên bao nhiêu xóm?", "29 xóm"}})
}

// TestHeadShorts: a body named by its head alone ("mặt trận") is written
// by the short form of the name the head opens (MTTQ, Mặt trận Tổ quốc).
func TestHeadShorts(t *testing.T) {
	ix := loadedIndex(t, map[string]string{
		"mttq.txt": `synthetic: true
title: Phường Mẫu Đông kiện toàn nhân sự sau sắp xếp

Synthetic article: every name, place and figure below is invented for tests.

Chiều 3/7, Đảng ủy phường Mẫu Đông công bố các quyết định về công tác cán bộ.

Đồng chí Lê Văn Thử được chỉ định làm Chủ tịch MTTQ phường Mẫu Đông.

Đồng chí Phạm Thị Mẫu được chỉ định làm Chủ tịch Hội Nông dân phường.
`,
	})
	assertTop(t, ix, []topCase{{"ai được chỉ định làm chủ tịch mặt trận phường Mẫu Đông?", "Lê Văn Thử"}})
}

// TestSourcePhrase: the words naming where the question read its fact
// ("theo bảng thông tin", "according to the old English infobox") are no
// words the answer must hold.
func TestSourcePhrase(t *testing.T) {
	for _, tt := range []struct {
		words string
		at, n int
	}{
		{"theo bang thong tin chu tich ubnd tinh mau dinh la ai", 0, 4},
		{"bi thu tinh uy mau dinh theo bang thong tin la ong nao", 6, 4},
		{"theo bai wiki tieng anh cu thi tinh mau dinh chia lam may huyen", 0, 6},
		{"who chaired the council according to the old english infobox", 4, 6},
		// "theo" before what the page does write names no source.
		{"theo nghi quyet 08 tinh co bao nhieu xom", 0, 0},
		{"theo thong tin tu ubnd xa", 0, 0},
	} {
		ws := strings.Fields(tt.words)
		if n := sourcePhraseAt(ws, tt.at); n != tt.n {
			t.Errorf("sourcePhraseAt(%q, %d) = %d, want %d", tt.words, tt.at, n, tt.n)
		}
	}
	ix := loadedIndex(t, map[string]string{
		"box.txt": `synthetic: true
title: Tỉnh Mẫu Định

Synthetic article: every name, place and figure below is invented for tests.

Tỉnh Mẫu Định là một tỉnh ven biển, có diện tích 4.120 km².

Chủ tịch UBND: Trần Văn Thử

Bí thư Tỉnh ủy: Nguyễn Văn Mẫu
`,
	})
	pq := ix.parse("Theo bảng thông tin, Chủ tịch UBND tỉnh Mẫu Định là ai?")
	for _, c := range pq.concepts {
		if w := strings.Join(c.alts[0], " "); w == "bang" || w == "thong" || w == "tin" || w == "thong tin" {
			t.Errorf("source word %q read as a concept", w)
		}
	}
	assertTop(t, ix, []topCase{{"Theo bảng thông tin, Chủ tịch UBND tỉnh Mẫu Định là ai?", "Trần Văn Thử"}})
}
