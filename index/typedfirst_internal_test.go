package index

import (
	"context"
	"strings"
	"testing"
)

// typedFirstPage is a synthetic page (an invented commune and figures) in
// the shape of a merger notice: the lead names the new commune and the
// communes merged, with "diện tích tự nhiên" but no figure; the sentence
// after it states the area, saying "the new unit" instead of the name.
const typedFirstPage = `synthetic: true
source: https://www.example.invalid/xa-hoa-thu-thanh-lap
title: Công bố nghị quyết thành lập xã Hòa Thử

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Theo Nghị quyết của Ủy ban Thường vụ Quốc hội, từ ngày 1/11/2024 thành lập xã Hòa Thử (huyện Khê Mẫu) trên cơ sở nhập toàn bộ diện tích tự nhiên và quy mô dân số của các xã: Hòa An, Hòa Bình, Hòa Thử.

Đơn vị hành chính mới có diện tích tự nhiên là 14,27km2 và quy mô dân số là 15.208 người.
`

// TestTypedFirst: where the lead, holding no area, ranks first close
// above the sentence stating the area asked, typedFirst answers with the
// sentence; not when the sentence is further below than typedMargin, nor
// for a question asking no kind of value.
func TestTypedFirst(t *testing.T) {
	ix := loadedIndex(t, map[string]string{"hoathu.txt": typedFirstPage})
	// ranked puts the lead first, gap above the area's sentence.
	ranked := func(q string, gap float64) []scored {
		pq := ix.parse(q)
		r, err := ix.rank(context.Background(), pq)
		if err != nil {
			t.Fatal(err)
		}
		r = ix.order(pq, r, signalWeights)
		lead, area := -1, -1
		for i, s := range r {
			switch text := ix.units[s.unit].text; {
			case strings.HasPrefix(text, "Theo Nghị quyết"):
				lead = i
			case strings.Contains(text, "14,27km2"):
				area = i
			}
		}
		if lead < 0 || area < 0 {
			t.Fatalf("%q: lead %d, area %d among %d candidates", q, lead, area, len(r))
		}
		// Both passing the decision, as the leads this is for do on real
		// pages (on this page of one article the check of the kind asked
		// marks the lead down, and the corpus is too small for either's
		// coverage to pass the bar).
		l, a := r[lead], r[area]
		a.coverage = max(a.coverage, 0.7)
		l.score, l.coverage, l.gate = a.score+gap, a.coverage, a.gate
		return append([]scored{l, a}, append(r[:0:0], without(r, lead, area)...)...)
	}
	for _, tc := range []struct {
		q        string
		gap      float64
		wantArea bool
	}{
		{"diện tích tự nhiên xã Hòa Thử huyện Khê Mẫu", typedMargin / 2, true},
		{"diện tích tự nhiên xã Hòa Thử huyện Khê Mẫu", typedMargin * 2, false},
		{"Xã Hòa Thử huyện Khê Mẫu được thành lập trên cơ sở những xã nào?", typedMargin / 2, false},
	} {
		r := ranked(tc.q, tc.gap)
		if !ix.answersFirst(r, false, gateWeights) {
			t.Fatalf("%q: the lead does not answer: %+v", tc.q, gateTerms(gateWeights, ix.gateVector(r, false, nil)))
		}
		ix.typedFirst(r, typedMargin, false)
		got := strings.Contains(ix.units[r[0].unit].text, "14,27km2")
		if got != tc.wantArea {
			t.Errorf("%q, lead %.2f above: answered with %q", tc.q, tc.gap, ix.units[r[0].unit].text)
		}
	}
}

func without(r []scored, i, j int) []scored {
	var out []scored
	for k, s := range r {
		if k != i && k != j {
			out = append(out, s)
		}
	}
	return out
}
