package index_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/index"
)

// chatWardPage, chatUnionPage and chatNeighbourPage are synthetic pages:
// every place, person, phone number and figure in them is invented.
const chatWardPage = `synthetic: true
source: https://www.mau-son.example.invalid/tin-tuc/phuong-mau-son-sau-sap-xep
title: Phường Mẫu Sơn sau sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Phường Mẫu Sơn mới được thành lập trên cơ sở nhập phường Sơn Hạ, phường Sơn Thượng và xã Khê Mẫu.

Sau sắp xếp, phường Mẫu Sơn có 14 tổ dân phố và 3 thôn.

Phường Mẫu Sơn có diện tích tự nhiên 1.250 ha, dân số 21.400 người.

Trụ sở Đảng ủy, HĐND và UBND phường Mẫu Sơn đặt tại số 8 đường Đồi Thông.

Bộ phận một cửa phường Mẫu Sơn làm việc buổi sáng từ 7h30 đến 11h30, buổi chiều từ 13h30 đến 17h00; sáng thứ Bảy từ 8h00 đến 11h00.

Khu hành chính mới của phường Mẫu Sơn gồm 4 tòa nhà, xây dựng trong 18 tháng.

Số điện thoại trực ban Công an phường Mẫu Sơn: 0000 555 113.
`

const chatUnionPage = `synthetic: true
source: https://www.mau-son.example.invalid/tin-tuc/hoi-nong-dan-phuong-mau-son
title: Hội Nông dân phường Mẫu Sơn tổng kết năm

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Hội Nông dân phường Mẫu Sơn hiện có 2.340 hội viên, sinh hoạt tại 12 chi hội.

Chủ tịch Hội Nông dân phường Mẫu Sơn là bà Trần Thị Mẫu.

Trong năm, Hội đã giúp 35 hộ hội viên thoát nghèo.

Điện thoại Văn phòng Hội Nông dân phường Mẫu Sơn: 0000 555 200.
`

const chatNeighbourPage = `synthetic: true
source: https://www.khe-gia.example.invalid/tin-tuc/phuong-khe-gia
title: Phường Khê Giả công bố nghị quyết sắp xếp

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Sau sắp xếp, phường Khê Giả có 9 tổ dân phố, dân số 11.020 người.

Trụ sở UBND phường Khê Giả đặt tại số 21 đường Bến Giả.

Hội Cựu chiến binh phường Khê Giả có 410 hội viên.
`

// TestChatFormSameAnswer: a question typed as people chat on a phone —
// particles at its end ("vậy", "thế", "ạ", "nhỉ", "hả", "á", "ta"),
// readers addressed ("ad", "mọi người", "mn"), openers ("cho mình hỏi",
// "ủa", "ai biết … không"), chat short forms — gets the answer the same
// question gets written out. A particle's spelling that is a word where
// it stands stays that word: "ha" after "bao nhiêu" is a hectare, "nhà"
// typed "nha" in "tòa nhà" is a building.
func TestChatFormSameAnswer(t *testing.T) {
	ix := pageIndex(t, map[string]string{"mau-son.txt": chatWardPage, "hoi-nong-dan.txt": chatUnionPage,
		"khe-gia.txt": chatNeighbourPage})
	tests := []struct {
		written string   // the question written out, with its marks
		chat    []string // the same question typed as people chat
		want    string   // what the answer to both must hold; "" when both are declined
	}{
		{"Phường Mẫu Sơn có bao nhiêu tổ dân phố?", []string{
			"phường mẫu sơn giờ có mấy tổ dân phố vậy ạ",
			"cho mình hỏi phường mẫu sơn có bao nhiêu tổ dân phố thế",
			"phuong mau son co bao nhieu to dan pho vay",
		}, "14 tổ dân phố"},
		{"Phường Mẫu Sơn rộng bao nhiêu ha?", []string{
			"phường mẫu sơn rộng bao nhiêu ha vậy",
			"phuong mau son rong bao nhieu ha",
		}, "1.250 ha"},
		{"Dân số phường Mẫu Sơn là bao nhiêu?", []string{
			"phường mẫu sơn có bao nhiêu dân nhỉ",
			"dân số phường mẫu sơn bn z",
		}, "21.400 người"},
		{"Trụ sở UBND phường Mẫu Sơn ở đâu?", []string{
			"ủa trụ sở ubnd phường mẫu sơn ở đâu á",
			"trụ sở phường mẫu sơn nằm chỗ nào v mn",
		}, "Đồi Thông"},
		{"Thứ Bảy bộ phận một cửa phường Mẫu Sơn làm việc mấy giờ?", []string{
			"t7 bộ phận một cửa phường mẫu sơn làm việc mấy giờ hả ad",
			"thứ bảy một cửa phường mẫu sơn có làm việc ko, mấy giờ vậy",
		}, "8h00 đến 11h00"},
		{"Hội Nông dân phường Mẫu Sơn có bao nhiêu hội viên?", []string{
			"hội nông dân mẫu sơn có bao nhiêu hội viên vậy mọi người",
			"hội nông dân phường mẫu sơn giờ được bao nhiêu hội viên rồi ta",
		}, "2.340 hội viên"},
		{"Số điện thoại Hội Nông dân phường Mẫu Sơn là gì?", []string{
			"sdt bên hội nông dân phường mẫu sơn là gì thế",
			"cho em xin số đt hội nông dân phường mẫu sơn với ạ",
		}, "0000 555 200"},
		{"Chủ tịch Hội Nông dân phường Mẫu Sơn là ai?", []string{
			"ai biết chủ tịch hội nông dân phường mẫu sơn là ai không ạ",
		}, "Trần Thị Mẫu"},
		{"Hội Nông dân phường Mẫu Sơn giúp bao nhiêu hộ thoát nghèo?", []string{
			"hội nông dân mẫu sơn giúp được mấy hộ thoát nghèo vậy",
		}, "35 hộ"},
		{"Khu hành chính mới của phường Mẫu Sơn có bao nhiêu tòa nhà?", []string{
			"khu hanh chinh moi phuong mau son co bao nhieu toa nha",
		}, "4 tòa nhà"},
		// The pages count no thôn of Khê Giả: "thôn vậy" is no noun
		// of its own that a count of hội viên answers.
		{"Phường Khê Giả có bao nhiêu thôn?", []string{
			"phường khê giả có mấy thôn vậy",
			"phường khê giả có mấy thôn thế ạ",
		}, ""},
	}
	first := func(q string) (string, bool) {
		res, err := ix.Search(context.Background(), q, index.Options{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Found || len(res.Hits) == 0 {
			return "", false
		}
		return res.Hits[0].Text, true
	}
	for _, tt := range tests {
		want, ok := first(tt.written)
		switch {
		case tt.want == "" && ok:
			t.Errorf("%q: answered %q, want a decline", tt.written, want)
			continue
		case tt.want != "" && (!ok || !strings.Contains(want, tt.want)):
			t.Errorf("%q: answered %q (found %v), want one holding %q", tt.written, want, ok, tt.want)
			continue
		}
		for _, q := range tt.chat {
			if got, gotOK := first(q); gotOK != ok || got != want {
				t.Errorf("%q: answered %q (found %v), want %q (found %v) as %q is answered", q, got, gotOK, want, ok, tt.written)
			}
		}
	}
}
