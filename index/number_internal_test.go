package index

import (
	"strings"
	"testing"
)

// numberPage is a synthetic notice (invented province, bodies and
// numbers): the centre's sentences give no number to call, the switchboard's
// sentence gives a short one, the hotline's paragraph announces the
// number its next sentence states.
const numberPage = `synthetic: true
source: https://www.example.invalid/trung-tam-mau-thu
title: Tỉnh Mẫu Thử khai trương Trung tâm Phục vụ hành chính công

Bài viết thử nghiệm (synthetic): mọi tên và số dưới đây đều hư cấu.

Ngày 20/11/2026, UBND tỉnh Mẫu Thử ban hành Quyết định số 2538/QĐ-UBND thành lập Trung tâm Phục vụ hành chính công tỉnh.

Công an tỉnh đã dán hơn 350 bảng đường dây nóng tại các khu dân cư.

Cử tri gọi tổng đài 1099 nhấn phím 1 để phản ánh với Hội đồng nhân dân tỉnh.

Sở Hư Cấu công bố số điện thoại đường dây nóng. Cụ thể, người dân gọi 0200.000.111 trong giờ hành chính.
`

// TestGivesNumber: where a phone is the one thing asked, the answer's
// window (the unit and the sentence it goes on to) states a number to
// call; a question asking which body staffs a hotline asks no phone.
func TestGivesNumber(t *testing.T) {
	ix := loadedIndex(t, map[string]string{"mau-thu.txt": numberPage})
	unitWith := func(s string) *unit {
		for i := range ix.units {
			if strings.HasPrefix(ix.units[i].text, s) {
				return &ix.units[i]
			}
		}
		t.Fatalf("no unit starts with %q", s)
		return nil
	}
	pq := ix.parse("Số điện thoại Trung tâm Phục vụ hành chính công tỉnh Mẫu Thử là bao nhiêu?")
	if !pq.phoneSure {
		t.Fatal("a phone asked is not read as the one thing asked")
	}
	for _, tc := range []struct {
		unit  string
		gives bool
	}{
		{"Ngày 20/11/2026", false},     // a date and a decision's number are none to call
		{"Công an tỉnh đã dán", false}, // a count is none to call
		{"Cử tri gọi tổng đài 1099", true},
		{"Sở Hư Cấu công bố", true}, // the next sentence states it
		{"Cụ thể, người dân gọi", true},
	} {
		if got := ix.givesNumber(&pq, unitWith(tc.unit)); got != tc.gives {
			t.Errorf("%q: gives a number %v, want %v", tc.unit, got, tc.gives)
		}
	}
	for _, q := range []string{"Cơ quan nào thường trực đường dây nóng của UBND tỉnh Mẫu Thử?", "Which unit receives the hotline information in Mau Thu?"} {
		if pq := ix.parse(q); pq.phoneSure {
			t.Errorf("%q: read as asking for a phone", q)
		}
	}
}

// TestStatesCode: a code's digits stand alone; a year, a date, a
// document's number and a longer number's group are none.
func TestStatesCode(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Mã bưu chính: 999001, mã hành chính 09999.", true},
		{"Mã vùng 0200", true},
		{"Ngày 20/11/2026, năm 2026", false},
		{"Quyết định số 2538/QĐ-UBND", false},
		{"tiếp nhận 1.208 hồ sơ mới, 18 sở", false},
		{"gồm diện tích, dân số, mã hành chính, mã bưu chính.", false},
	} {
		if got := statesCode(tc.text); got != tc.want {
			t.Errorf("%q: states a code %v, want %v", tc.text, got, tc.want)
		}
	}
}
