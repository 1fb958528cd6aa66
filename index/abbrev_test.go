package index_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kyanhbot/kyanhbot/index"
)

// TestInferredAbbreviationsAnswer: synthetic pages (invented bodies, places
// and numbers) write the names out; questions shorten them as readers do —
// the initials of a name with or without its qualifier, "P." before a
// ward's name, "CA" for công an, a province's code, a short form the page
// defines in brackets, an English name's initials — and find the sentence
// that states the value. No glossary entry names these bodies.
func TestInferredAbbreviationsAnswer(t *testing.T) {
	fsys := fstest.MapFS{
		"trung-tam.txt": {Data: []byte("title: Trung tâm Phục vụ hành chính công phường Mẫu Thử đi vào hoạt động\nsynthetic: true\n\n" +
			"Từ ngày 1/7, Trung tâm Phục vụ hành chính công phường Mẫu Thử tiếp nhận hồ sơ của người dân tại số 12 đường Giả Định.\n\n" +
			"Người dân cần hỗ trợ có thể gọi số điện thoại 0000.123.456 của Trung tâm Phục vụ hành chính công phường Mẫu Thử.\n\n" +
			"Hội Liên hiệp Văn học nghệ thuật tỉnh Thử Nghiệm hiện có 812 hội viên.\n\n" +
			"Bộ phận một cửa Công an tỉnh Thử Nghiệm đặt tại số 7 đường Ví Dụ.\n")},
		"en.txt": {Data: []byte("title: Synthetic: Vi Du Provincial People's Committee sets up a hotline\nsynthetic: true\n\n" +
			"The Vi Du Provincial People's Committee issued Decision No. 0042/QD-UBND on the hotline on March 3.\n\n" +
			"The Provincial People's Committee said citizens' calls would be answered within two days.\n")},
		"tinh.txt": {Data: []byte("title: Chủ tịch UBND tỉnh Giả Lập công khai số điện thoại\nsynthetic: true\n\n" +
			"Chủ tịch UBND tỉnh Giả Lập công khai số điện thoại 0000.765.432 để người dân phản ánh.\n\n" +
			"Ban Quản lý khu kinh tế (BQLKKT) tỉnh Giả Lập đặt tại số 9 đường Mẫu.\n\n" +
			"Tỉnh Thử Nghiệm có 1.234 cán bộ.\n")},
		"hoi.txt": {Data: []byte("title: Đại hội Hội Bảo trợ Người khuyết tật tỉnh Vĩ Dụ\nsynthetic: true\n\n" +
			"Hội Bảo trợ Người khuyết tật tỉnh Vĩ Dụ tổ chức đại hội lần thứ III.\n\n" +
			"Ông Trần Văn Thí được bầu làm Chủ tịch Hội BTNKT tỉnh.\n")},
		"khac.txt": {Data: []byte("title: Phường Mẫu Thử ra mắt\nsynthetic: true\n\n" +
			"Phường Mẫu Thử được thành lập trên cơ sở sáp nhập ba phường cũ, có 41.200 nhân khẩu.\n\n" +
			"Hội Nông dân phường Mẫu Thử có 1.204 hội viên.\n")},
	}
	ix, err := index.Build(context.Background(), mustLoad(t, fsys), index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"sđt TTPVHCC P. Mẫu Thử":                                   "0000.123.456",
		"số điện thoại TTHCC phường Mẫu Thử":                       "0000.123.456",
		"Hội Liên hiệp VHNT tỉnh Thử Nghiệm có bao nhiêu hội viên": "812 hội viên",
		"BP một cửa CA tỉnh Thử Nghiệm ở đâu":                      "số 7 đường Ví Dụ",
		// A province's code, read from "tỉnh Giả Lập"; a short form
		// defined in brackets; an English name's initials.
		"sđt CT UBND tỉnh GL":               "0000.765.432",
		"BQLKKT tỉnh Giả Lập ở đâu":         "số 9 đường Mẫu",
		"Vi Du PPC hotline decision number": "0042/QD-UBND",
		// The name written out in the question, its short form in the
		// answer.
		"Ai là Chủ tịch Hội Bảo trợ Người khuyết tật tỉnh Vĩ Dụ?": "Trần Văn Thí",
	} {
		res, err := ix.Search(context.Background(), q, index.Options{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Found || !strings.Contains(res.Hits[0].Text, want) {
			t.Errorf("%q: want %q first, got:\n%s", q, want, topHits(t, ix, q))
		}
	}
}

// TestNumberedShortAnswer: a sentence citing a resolution by its code
// names its issuer only there, with the term's number glued on
// ("NQ-UBTVQH15"); a question asking for the resolution "của UBTVQH" is
// answered by it rather than declined for the body it seems to lack.
// Synthetic page, invented place and numbers.
func TestNumberedShortAnswer(t *testing.T) {
	fsys := fstest.MapFS{
		"xa.txt": {Data: []byte("title: Tỉnh Giả Lập có 40 xã, phường mới\nsynthetic: true\n\n" +
			"Từ ngày 1/7/2025, tỉnh Giả Lập có 40 đơn vị hành chính cấp xã, gồm 31 xã và 9 phường.\n\n" +
			"Căn cứ Nghị quyết 9876/NQ-UBTVQH15 sắp xếp các đơn vị hành chính cấp xã của tỉnh Giả Lập, xã Mẫu Đơn được thành lập trên cơ sở nhập ba xã cũ.\n\n" +
			"Người dân được hướng dẫn làm thủ tục tại trụ sở mới.\n")},
	}
	ix, err := index.Build(context.Background(), mustLoad(t, fsys), index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	q := "NQ nào của UBTVQH sắp xếp ĐVHC cấp xã tỉnh Giả Lập?"
	res, err := ix.Search(context.Background(), q, index.Options{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Found || !strings.Contains(res.Hits[0].Text, "9876/NQ-UBTVQH15") {
		t.Errorf("%q: want the resolution's number first, got:\n%s", q, topHits(t, ix, q))
	}
}

// TestMixedShortAnswer: readers tell two provinces of the same initials
// apart by the small letters after a capital ("QNg", "QNh"); each reads
// as the province whose name it spells, not the other. Synthetic pages,
// invented provinces and figures.
func TestMixedShortAnswer(t *testing.T) {
	fsys := fstest.MapFS{
		"ngoc.txt": {Data: []byte("title: Tỉnh Quảng Ngọc sau sắp xếp\nsynthetic: true\n\n" +
			"Sau sắp xếp, tỉnh Quảng Ngọc có 61 đơn vị hành chính cấp xã.\n\n" +
			"Ban Thường vụ Tỉnh ủy tỉnh Quảng Ngọc họp định kỳ hai tuần một lần.\n")},
		"nhan.txt": {Data: []byte("title: Tỉnh Quảng Nhàn sau sắp xếp\nsynthetic: true\n\n" +
			"Sau sắp xếp, tỉnh Quảng Nhàn có 74 đơn vị hành chính cấp xã.\n\n" +
			"Ban Thường vụ Tỉnh ủy tỉnh Quảng Nhàn họp định kỳ ba tuần một lần.\n")},
	}
	ix, err := index.Build(context.Background(), mustLoad(t, fsys), index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for q, want := range map[string]string{
		"Tỉnh QNg có bao nhiêu ĐVHC cấp xã?": "61 đơn vị",
		"Tỉnh QNh có bao nhiêu ĐVHC cấp xã?": "74 đơn vị",
	} {
		res, err := ix.Search(context.Background(), q, index.Options{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Found || !strings.Contains(res.Hits[0].Text, want) {
			t.Errorf("%q: want %q first, got:\n%s", q, want, topHits(t, ix, q))
		}
	}
}

// TestJoinedShortsAnswer: two short forms typed as one ("CATP": CA and
// TP) read as the body the page names with either written out. Synthetic
// page, invented city and address.
func TestJoinedShortsAnswer(t *testing.T) {
	fsys := fstest.MapFS{
		"ca.txt": {Data: []byte("title: Thay đổi địa điểm tiếp công dân\nsynthetic: true\n\n" +
			"Từ ngày 1/8, Công an TP Mẫu Thử tiếp công dân tại số 15 đường Giả Định.\n\n" +
			"Trước đây, địa điểm tiếp công dân đặt tại số 3 đường Ví Dụ.\n\n" +
			"Ủy ban nhân dân TP Mẫu Thử tiếp công dân tại số 9 đường Khác Xa.\n")},
	}
	ix, err := index.Build(context.Background(), mustLoad(t, fsys), index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// Typed in lower case on a phone, "catp" is no syllable: still the
	// two short forms.
	for _, q := range []string{"CATP Mẫu Thử tiếp công dân ở đâu?", "catp mau thu tiep cong dan o dau"} {
		res, err := ix.Search(context.Background(), q, index.Options{Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Found || !strings.Contains(res.Hits[0].Text, "số 15 đường Giả Định") {
			t.Errorf("%q: want the police's address first, got:\n%s", q, topHits(t, ix, q))
		}
	}
}

// TestInitialsOfWrittenWords: a short form typed in capitals that neither
// the glossary nor any page knows ("DTTS") reads as the words the pages
// write out in small letters whose initials it is. Synthetic page,
// invented province and figures.
func TestInitialsOfWrittenWords(t *testing.T) {
	ix := pageIndex(t, map[string]string{"dt.txt": "title: Tỉnh Mẫu Thử phê duyệt danh sách thôn\nsynthetic: true\n\n" +
		"Tỉnh Mẫu Thử có 58 thôn thuộc vùng biên giới.\n\n" +
		"Tỉnh Mẫu Thử có 42 thôn thuộc vùng đồng bào dân tộc thiểu số và miền núi.\n\n" +
		"Tỷ lệ hộ nghèo của đồng bào dân tộc thiểu số giảm còn 6%.\n"})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Tỉnh Mẫu Thử có bao nhiêu thôn vùng DTTS?", "42 thôn"},
	})
}
