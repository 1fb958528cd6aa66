package index_test

import (
	"strings"
	"testing"
)

// echoSignalPage is a synthetic page (an invented province, resolution and
// figures) in the shape of a resolution's news report: the lead names the
// resolution, the province and what it arranges, and states no date; the
// sentence stating when it takes effect says only "Nghị quyết".
const echoSignalPage = `synthetic: true
source: https://www.example.invalid/sap-xep-don-vi-hanh-chinh-tinh-gia-lap
title: Sắp xếp đơn vị hành chính cấp xã tỉnh Giả Lập

Ủy ban Thường vụ Quốc hội vừa ban hành Nghị quyết số 991/NQ-UBTVQH15 về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Giả Lập giai đoạn 2023 - 2025.

Sau sắp xếp, tỉnh có 120 đơn vị hành chính cấp xã, gồm 101 xã và 19 phường.

Nghị quyết này có hiệu lực thi hành từ ngày 1/11/2024.

Bài viết thử nghiệm (synthetic): mọi tên địa danh, tên người và số liệu trên đây đều hư cấu.
`

// TestEchoSignal: a unit holding no value of the kind asked, in an article
// where another candidate holds one, has against it the share of the
// question it holds that its title or lead names too (the lead: the
// resolution, the province, the arrangement); the unit holding the date
// has none; where no unit of the article holds the kind asked (a signer
// asked of a page naming no one), no unit has any.
func TestEchoSignal(t *testing.T) {
	ix := pageIndex(t, map[string]string{"nq-991.txt": echoSignalPage})
	_, echo := signalByText(t, ix, "nghị quyết 991 sắp xếp xã ở Giả Lập có hiệu lực từ ngày nào", "echo")
	var lead, holder float64
	for text, v := range echo {
		switch {
		case strings.HasPrefix(text, "Ủy ban Thường vụ"):
			lead = v
		case strings.HasPrefix(text, "Nghị quyết này"):
			holder = v
		}
	}
	if lead >= 0 {
		t.Errorf("echo: the lead %.3f, want below 0", lead)
	}
	if holder != 0 {
		t.Errorf("echo: the sentence holding the date %.3f, want 0", holder)
	}
	_, echo = signalByText(t, ix, "nghị quyết 991 sắp xếp xã ở Giả Lập do ai ký", "echo")
	for text, v := range echo {
		if v != 0 {
			t.Errorf("echo: %q %.3f where no unit names a person, want 0", text, v)
		}
	}
}
