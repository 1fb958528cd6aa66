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
// ward's name, "CA" for công an — and find the sentence that states the
// value. No glossary entry names these bodies.
func TestInferredAbbreviationsAnswer(t *testing.T) {
	fsys := fstest.MapFS{
		"trung-tam.txt": {Data: []byte("title: Trung tâm Phục vụ hành chính công phường Mẫu Thử đi vào hoạt động\nsynthetic: true\n\n" +
			"Từ ngày 1/7, Trung tâm Phục vụ hành chính công phường Mẫu Thử tiếp nhận hồ sơ của người dân tại số 12 đường Giả Định.\n\n" +
			"Người dân cần hỗ trợ có thể gọi số điện thoại 0000.123.456 của Trung tâm Phục vụ hành chính công phường Mẫu Thử.\n\n" +
			"Hội Liên hiệp Văn học nghệ thuật tỉnh Thử Nghiệm hiện có 812 hội viên.\n\n" +
			"Bộ phận một cửa Công an tỉnh Thử Nghiệm đặt tại số 7 đường Ví Dụ.\n")},
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
