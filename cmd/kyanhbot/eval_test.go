package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/index"
)

// evalFixture writes a synthetic page (invented place and numbers) and a
// question file about it and about the default article.
func evalFixture(t *testing.T) (dir, questions string) {
	t.Helper()
	dir = t.TempDir()
	page := "synthetic: true\ntitle: Phường Thử Nghiệm công bố lịch làm việc\n\n" +
		"Bộ phận một cửa phường Thử Nghiệm làm việc sáng thứ Bảy từ 7h30 đến 11h30.\n"
	if err := os.WriteFile(filepath.Join(dir, "p.txt"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	questions = filepath.Join(t.TempDir(), "q.jsonl")
	lines := `{"id":"e1","question":"một cửa phường Thử Nghiệm thứ Bảy làm việc mấy giờ","kind":"accented","expect_any":["7h30"]}
{"id":"e2","question":"mot cua phuong thu nghiem thu bay lam viec may gio","kind":"unaccented","expect_any":["7h30"]}
{"id":"e3","question":"Số điện thoại UBND thị xã Kỳ Anh","kind":"accented","expect_any":["02393 865 366"]}
{"id":"e4","question":"xyzzy plugh","kind":"decline-none","expect_any":[]}
`
	if err := os.WriteFile(questions, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, questions
}

func TestEvalModes(t *testing.T) {
	dir, qs := evalFixture(t)
	tests := []struct {
		name     string
		args     []string
		hit1     int // of 3 answerable
		declined int // of 1
	}{
		// Without the default article the Kỳ Anh phone is not in the
		// corpus, nor any contact to offer with a decline.
		{"kyanhbot, pages only", []string{"-content", dir}, 2, 0},
		{"kyanhbot, pages and default", []string{"-content", dir, "-with-default"}, 3, 1},
		// Plain bleve meets the unaccented question only on "mot" and loses it.
		{"plain", []string{"-content", dir, "-with-default", "-baseline", "plain"}, 2, 1},
		{"folded", []string{"-content", dir, "-with-default", "-baseline", "folded"}, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"eval", "-json", "-questions", qs}, tt.args...)
			out, _, err := runCmd(t, nil, args...)
			if err != nil {
				t.Fatalf("%v: %v\n%s", args, err, out)
			}
			var rep index.Report
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("json: %v\n%s", err, out)
			}
			if rep.Total.Answerable != 3 || rep.Total.NoAnswer != 1 || len(rep.Cases) != 4 {
				t.Fatalf("total %+v, %d cases", rep.Total, len(rep.Cases))
			}
			if rep.Total.Hit1 != tt.hit1 || rep.Total.NoAnswerCorrect != tt.declined {
				t.Errorf("hit@1 %d, declined %d; want %d, %d\n%s", rep.Total.Hit1, rep.Total.NoAnswerCorrect, tt.hit1, tt.declined, out)
			}
		})
	}
}

func TestEvalTextAndUsage(t *testing.T) {
	dir, qs := evalFixture(t)
	out, _, err := runCmd(t, nil, "eval", "-questions", qs, "-content", dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"declined ok", "lost", "decline-none", "MISS e3 [accented]", "declined: nothing found"} {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q:\n%s", w, out)
		}
	}
	out, _, err = runCmd(t, nil, "eval", "-questions", qs, "-content", dir, "-misses=false")
	if err != nil || strings.Contains(out, "MISS") || !strings.Contains(out, "all") {
		t.Errorf("-misses=false: %v\n%s", err, out)
	}
	if _, _, err := runCmd(t, nil, "eval", "-questions", qs, "-baseline", "stemmed"); err == nil {
		t.Error("-baseline stemmed: no error")
	} else if _, ok := err.(usageError); !ok {
		t.Errorf("-baseline stemmed: %v, want a usage error", err)
	}
}
