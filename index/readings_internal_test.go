package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// loadedIndex writes the pages to a directory and loads them as the bot
// does (content.LoadDir, which also gives the corpus the embedded
// glossary: shapeIndex parses pages without it).
func loadedIndex(t *testing.T, pages map[string]string) *Index {
	t.Helper()
	dir := t.TempDir()
	for name, text := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := content.LoadDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return mustBuild(t, c)
}

// topCase is a question and a string its first answer must hold; want ""
// asks for a decline.
type topCase struct{ question, want string }

// assertTop asks each question for one answer and checks it holds its
// string, or that the question is declined.
func assertTop(t *testing.T, ix *Index, cases []topCase) {
	t.Helper()
	for _, tc := range cases {
		res, err := ix.Search(context.Background(), tc.question, Options{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tc.want == "" && res.Found:
			t.Errorf("%q: answered %q, want a decline", tc.question, res.Hits[0].Text)
		case tc.want != "" && (!res.Found || !strings.Contains(res.Hits[0].Text, tc.want)):
			t.Errorf("%q: found %v %v, want %q", tc.question, res.Found, res.Hits, tc.want)
		}
	}
}

// TestReadingsParse: how questions in general are read — "điện thoại
// viên" is one term (an operator); "how many new communes"
// counts communes, and "21 new communes" is a count of them.
func TestReadingsParse(t *testing.T) {
	page := "synthetic: true\ntitle: Mau Son launches its hotline\n\n" +
		"Synthetic article: every name and figure below is invented for tests.\n\n" +
		"The hotline is connected to a switchboard with 25 operators.\n"
	ix := loadedIndex(t, map[string]string{"en.txt": page})

	pq := ix.parse("Tổng đài 1099 có bao nhiêu điện thoại viên?")
	if !slices.ContainsFunc(pq.concepts, func(c concept) bool {
		return slices.ContainsFunc(c.alts, func(a []string) bool { return strings.Join(a, " ") == "operator" })
	}) {
		t.Errorf("operators: no concept reads 'điện thoại viên' as operator: %v", pq.concepts)
	}
	if pq := ix.parse("Số điện thoại của tổng đài là gì?"); pq.intents&wantPhone == 0 {
		t.Errorf("phone question: intents %b ask for no phone", pq.intents)
	}
	if pq := ix.parse("How many new communes will Mau Son form?"); pq.counted != "commune" {
		t.Errorf("new communes: counted %q, want commune", pq.counted)
	}
	if !countsNoun(strings.Fields("mau son will form 21 new commune"), "commune") {
		t.Error("'21 new communes' does not count communes")
	}
}

// TestOnlyStamps: a page's publication stamp is told from a date the
// text speaks of (synthetic sentences).
func TestOnlyStamps(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"date 2025-10-28 HĐND xã Thử vừa ban hành nghị quyết về việc đổi tên 4 thôn.", true},
		{"Thời sự Cập nhật lúc 10:24 01/04/2025 (GMT+7) Tỉnh Mẫu hợp nhất Báo và Đài", true},
		{"26/12/2018 10:26:12 Xem cỡ chữ HĐND tỉnh vừa ban hành Nghị quyết số 37", true},
		{"Ngày 12/2/2025, Ban Chấp hành ban hành Quyết định hợp nhất hai ban.", false},
		{"Hội nghị bắt đầu từ 14:00 ngày 5/3/2025 tại hội trường xã.", false},
		{"date 2025-10-28 Nghị quyết có hiệu lực từ ngày 23-10-2025.", false},
	} {
		lower := strings.ToLower(c.text)
		if got := onlyStamps(lower, content.ValuesLowered(c.text, lower)); got != c.want {
			t.Errorf("onlyStamps(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLongerNameReadWhole: a Vietnamese term the English glossary
// renders ("trung tâm hành chính", administrative center) is read as
// itself where the question writes it alone, but not inside a longer
// name the glossary expands ("trung tâm hành chính công" of TTHCC);
// "không chuyên trách" is read whole (non-permanent), not as
// "chuyên trách" (full-time) after a "không".
func TestLongerNameReadWhole(t *testing.T) {
	page := "synthetic: true\ntitle: Mau Son moves its administrative center\n\n" +
		"Synthetic article: every name and figure below is invented for tests.\n\n" +
		"The new administrative center of Mau Son province is located in Vi Du city.\n\n" +
		"The ward now has 96 civil servants and non-permanent staff, and 12 full-time officers.\n"
	ix := loadedIndex(t, map[string]string{"en.txt": page})
	has := func(pq parsedQuery, first, alt string) bool {
		return slices.ContainsFunc(pq.concepts, func(c concept) bool {
			return strings.Join(c.alts[0], " ") == first &&
				slices.ContainsFunc(c.alts, func(a []string) bool { return strings.Join(a, " ") == alt })
		})
	}
	if pq := ix.parse("Sau sáp nhập, trung tâm hành chính mới của tỉnh Mau Son đặt ở đâu?"); !has(pq, "trung tam hanh chinh", "administrative center") {
		t.Errorf("trung tâm hành chính: not read as administrative center: %v", pq.concepts)
	}
	pq := ix.parse("Trung tâm hành chính công tỉnh Mau Son có bao nhiêu quầy?")
	if has(pq, "trung tam hanh chinh", "administrative center") {
		t.Errorf("trung tâm hành chính công: read as administrative center: %v", pq.concepts)
	}
	if !slices.ContainsFunc(pq.concepts, func(c concept) bool {
		return slices.ContainsFunc(c.alts, func(a []string) bool { return strings.Join(a, " ") == "trung tam hanh chinh cong" })
	}) {
		t.Errorf("trung tâm hành chính công: not read whole: %v", pq.concepts)
	}
	pq = ix.parse("Phường có bao nhiêu công chức và người hoạt động không chuyên trách?")
	if !has(pq, "khong chuyen trach", "non permanent") || has(pq, "chuyen trach", "full time") {
		t.Errorf("không chuyên trách: %v", pq.concepts)
	}
}

// TestPossessiveOnly: a page that writes "people" only as "People's"
// (the engine keeps the possessive whole) still knows the word, so a
// Vietnamese question's UBND is rendered as "people's committee" there.
func TestPossessiveOnly(t *testing.T) {
	page := "synthetic: true\ntitle: Mau Son announces its leaders\n\n" +
		"Synthetic article: every name and figure below is invented for tests.\n\n" +
		"Mr. Le Van Thu, Chairman of the Mau Son Provincial People's Committee, chaired the ceremony.\n\n" +
		"Ms. Hoang Thi Vi, Chairwoman of the Mau Son Provincial People's Council, attended it.\n"
	ix := loadedIndex(t, map[string]string{"en.txt": page})
	pq := ix.parse("Chủ tịch UBND tỉnh Mẫu Sơn là ai?")
	if !slices.ContainsFunc(pq.concepts, func(c concept) bool {
		return slices.ContainsFunc(c.alts, func(a []string) bool { return strings.Join(a, " ") == "people s committee" })
	}) {
		t.Errorf("UBND not rendered as people's committee: %v", pq.concepts)
	}
	res, err := ix.Search(context.Background(), "Chủ tịch UBND tỉnh Mẫu Sơn là ai?", Options{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Found || !strings.Contains(res.Hits[0].Text, "Le Van Thu") {
		t.Errorf("answer: found %v, %+v", res.Found, res.Hits)
	}
}
