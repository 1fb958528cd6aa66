package index_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fresh sets replace the held-out sets once those had been tuned
// against: questions written without looking at the held-out ones, over the
// real article and over synthetic portal pages of shapes the held-out pages
// do not have (a council session with personnel decisions, an administrative
// procedure, a reception schedule with a table, a statistics report). Misses
// are logged; a set falling below its floor fails.

func freshSets() []qualitySet {
	real, synthetic, both := corpora("fresh")
	return []qualitySet{
		{"real article", "fresh-questions.jsonl", real, 40, 5},
		{"real article among synthetic pages", "fresh-questions.jsonl", both, 35, 5},
		{"synthetic portal", "fresh-synthetic-questions.jsonl", synthetic, 30, 1},
		{"synthetic portal with the real article", "fresh-synthetic-questions.jsonl", both, 29, 1},
	}
}

// TestFreshQuestions runs the fresh sets (see checkQualitySets).
func TestFreshQuestions(t *testing.T) { checkQualitySets(t, "fresh", freshSets()) }

// TestFreshParse logs what the content package made of the fresh synthetic
// pages, field by field and paragraph by paragraph, so that parse defects
// (a lost or merged paragraph, a table flattened into one line, a missing
// date or signature) can be read off "go test -v -run TestFreshParse". It
// fails only if a page does not load or loses its title.
func TestFreshParse(t *testing.T) {
	c := mustLoad(t, os.DirFS(filepath.Join("testdata", "fresh")))
	want := map[string]string{
		"ky-hop-bau-pho-chu-tich.txt":        "Thị xã Mẫu: Kỳ họp thứ Mười hai HĐND thị xã bầu bổ sung Phó Chủ tịch UBND",
		"thu-tuc-cap-giay-phep-xay-dung.txt": "Thủ tục cấp giấy phép xây dựng đối với nhà ở riêng lẻ",
		"lich-tiep-cong-dan.txt":             "Thông báo lịch tiếp công dân định kỳ tháng 9 năm 2024 của lãnh đạo UBND phường Giả Định",
		"ket-qua-kinh-te-xa-hoi.txt":         "Xã Thử Nghiệm: 6 tháng đầu năm 2024 thu ngân sách đạt 62% kế hoạch",
	}
	seen := map[string]bool{}
	for _, a := range c.Articles {
		seen[a.Path] = true
		if !a.Synthetic {
			t.Errorf("%s: not marked synthetic", a.Path)
		}
		if w, ok := want[a.Path]; ok && a.Title != w {
			t.Errorf("%s: title %q, want %q", a.Path, a.Title, w)
		}
		var b strings.Builder
		for i, p := range a.Paragraphs {
			fmt.Fprintf(&b, "  %2d. %s\n", i, strings.ReplaceAll(p, "\t", " ⇥ "))
		}
		t.Logf("%s: title %q date %q category %q author %q, %d paragraphs, %d documents, %d contacts:\n%s",
			a.Path, a.Title, a.Date, a.Category, a.Author, len(a.Paragraphs), len(a.Documents), len(a.Contacts), b.String())
		for _, ct := range a.Contacts {
			t.Logf("%s: contact office %q phone %q email %q extra %v", a.Path, ct.Office, ct.Phone, ct.Email, ct.Extra)
		}
	}
	for p := range want {
		if !seen[p] {
			t.Errorf("%s: not loaded", p)
		}
	}
}
