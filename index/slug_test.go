package index_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kyanhbot/kyanhbot/index"
)

// TestPlaceInAddress: a page whose text names no place, only its address
// does ("…/phuong-thu-nghiem-…"), answers a question naming that place; a
// page naming another place in its text is not taken for it by its
// address. Pages, places and figures are synthetic.
func TestPlaceInAddress(t *testing.T) {
	fsys := fstest.MapFS{
		"dai-hoi.txt": {Data: []byte("title: Đại hội Hội Nông dân nhiệm kỳ 2025–2030\nsynthetic: true\n" +
			"source: https://thunghiem.example/tin-tuc/phuong-thu-nghiem-dai-hoi-hoi-nong-dan-nhiem-ky-2025-2030-12345.html\n\n" +
			"Sáng 5/3, Hội Nông dân phường tổ chức Đại hội đại biểu nhiệm kỳ 2025–2030.\n\n" +
			"Hội Nông dân phường hiện có 1.318 hội viên, sinh hoạt tại 9 chi hội.\n")},
		"mau-chung.txt": {Data: []byte("title: Hội Nông dân phường Mẫu Chung tổng kết năm\nsynthetic: true\n" +
			"source: https://thunghiem.example/tin-tuc/phuong-thu-nghiem-va-mau-chung-tong-ket-67890.html\n\n" +
			"Hội Nông dân phường Mẫu Chung tổng kết công tác năm.\n\n" +
			"Hội Nông dân phường Mẫu Chung có 2.450 hội viên.\n")},
		// The place is written elsewhere in the corpus, as on a portal.
		"tiep-dan.txt": {Data: []byte("title: Lịch tiếp công dân\nsynthetic: true\n\n" +
			"UBND phường Thử Nghiệm tiếp công dân vào sáng thứ Năm hằng tuần.\n")},
	}
	ix, err := index.Build(context.Background(), mustLoad(t, fsys), index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct{ q, want string }{
		{"Hội Nông dân phường Thử Nghiệm có bao nhiêu hội viên", "1.318 hội viên"},
		{"hoi nong dan phuong Thu Nghiem co bao nhieu hoi vien", "1.318 hội viên"},
		{"Hội Nông dân phường Mẫu Chung có bao nhiêu hội viên", "2.450 hội viên"},
	} {
		res, err := ix.Search(context.Background(), tt.q, index.Options{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Found || !strings.Contains(res.Hits[0].Text, tt.want) {
			t.Errorf("%q: want %q first, got:\n%s", tt.q, tt.want, topHits(t, ix, tt.q))
		}
	}
}

// TestPlaceInSiteName: a province's paper names the province only in its
// site's name (baothunghiem.example); a question naming that province is
// answered from its page, and one naming another province still declined.
// Pages, places, names and figures are synthetic.
func TestPlaceInSiteName(t *testing.T) {
	fsys := fstest.MapFS{
		"hoi.txt": {Data: []byte("title: Nhà giáo Lê Văn Mẫu được bầu là Chủ tịch Hội Khuyến học tỉnh\nsynthetic: true\n" +
			"source: https://baothunghiem.example/xa-hoi/nha-giao-le-van-mau-duoc-bau-la-chu-tich-hoi-khuyen-hoc-tinh-4321.html\n\n" +
			"Ngày 3/4, Hội Khuyến học tỉnh tổ chức Hội nghị Ban Chấp hành khóa V.\n\n" +
			"Hội nghị đã bầu ông Lê Văn Mẫu giữ chức Chủ tịch Hội Khuyến học tỉnh khóa V.\n")},
		"khac.txt": {Data: []byte("title: Tỉnh Vĩ Dụ tổng kết năm học\nsynthetic: true\n" +
			"source: https://vidu.example/tin/tong-ket-nam-hoc.html\n\n" +
			"Tỉnh Vĩ Dụ có 312 trường học.\n")},
	}
	ix, err := index.Build(context.Background(), mustLoad(t, fsys), index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, tt := range []struct{ q, want string }{
		{"Ai là Chủ tịch Hội Khuyến học tỉnh Thử Nghiệm khóa V?", "Lê Văn Mẫu"},
		{"Who was elected Chairman of the Thu Nghiem Study Promotion Association?", "Lê Văn Mẫu"},
		{"Ai là Chủ tịch Hội Khuyến học tỉnh Vĩ Dụ khóa V?", ""},
	} {
		res, err := ix.Search(context.Background(), tt.q, index.Options{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.want == "" && res.Found:
			t.Errorf("%q: answered %q, want a decline", tt.q, res.Hits[0].Text)
		case tt.want != "" && (!res.Found || !strings.Contains(res.Hits[0].Text, tt.want)):
			t.Errorf("%q: want %q first, got:\n%s", tt.q, tt.want, topHits(t, ix, tt.q))
		}
	}
}
