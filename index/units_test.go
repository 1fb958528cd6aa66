package index_test

import "testing"

// unitsPages are synthetic pages (invented communes and figures): one
// writes areas with a superscript, one with "km2" and hectares, one a
// distance, so that an area asked in km2 must find "km²" and not the
// "km" of a distance.
var unitsPages = map[string]string{
	"moc-son.txt": `synthetic: true
source: https://www.example.invalid/xa-moc-son
title: Giới thiệu xã Mộc Sơn

Bài viết thử nghiệm (synthetic): mọi tên và số liệu dưới đây đều hư cấu.

Diện tích: 35,27 km²

Xã Mộc Sơn cách trung tâm huyện Lâm Thử 12 km về phía tây.
`,
	"lam-thu.txt": `synthetic: true
source: https://www.example.invalid/huyen-lam-thu
title: Điều chỉnh địa giới huyện Lâm Thử

Bài viết thử nghiệm (synthetic): mọi tên và số liệu dưới đây đều hư cấu.

Điều chỉnh 420,5 ha diện tích tự nhiên của xã Đồi Thử về huyện Lâm Thử; huyện có 18 xã với tổng diện tích 612,4 km2.
`,
}

// TestUnitsAsked: an area asked in km2 (typed "km2" or "km²") is answered
// by the value written "km²"; a distance asked with "bao xa" unaccented
// by the distance, "xa" read as no "xã".
func TestUnitsAsked(t *testing.T) {
	ix := pageIndex(t, unitsPages)
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"xa moc son dien tich bao nhieu km2", "35,27 km²"},
		{"Diện tích xã Mộc Sơn là bao nhiêu km²?", "35,27 km²"},
		{"huyen lam thu dien tich bao nhieu km2", "612,4 km2"},
		{"moc son cach trung tam huyen lam thu bao xa", "12 km"},
	})
}
