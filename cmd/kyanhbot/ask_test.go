package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the command line args in a test environment.
func runCmd(t *testing.T, vars map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{getenv: func(k string) string { return vars[k] }, stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	err = run(context.Background(), args, e)
	return out.String(), errOut.String(), err
}

func TestAsk(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"phone", []string{"ask", "Số điện thoại UBND thị xã Kỳ Anh"}, []string{"02393 865 366", "Nguồn:"}},
		{"unaccented", []string{"ask", "email", "uy", "ban"}, []string{"ubtxkyanh@hatinh.gov.vn"}},
		{"no answer offers contacts", []string{"ask", "Giá vé xe buýt đi Vinh"}, []string{"không tìm thấy", "02393 865 366"}},
		{"query syntax", []string{"ask", `+-:^*~"`}, []string{"không tìm thấy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCmd(t, nil, tt.args...)
			if err != nil {
				t.Fatalf("%v: %v", tt.args, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestAskJSON(t *testing.T) {
	out, _, err := runCmd(t, nil, "ask", "-json", "So fax UBND")
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Question string `json:"question"`
		Found    bool   `json:"found"`
		Answer   string `json:"answer"`
		Hits     []struct {
			Article, Title, Source, Snippet string
			Score                           float64
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if !got.Found || !strings.Contains(got.Answer, "Fax: 02393 865 366") || len(got.Hits) == 0 || got.Hits[0].Source == "" {
		t.Errorf("ask -json: %+v", got)
	}

	out, _, err = runCmd(t, nil, "ask", "-json", "lịch thi đấu bóng đá")
	if err != nil {
		t.Fatalf("no answer must exit 0: %v", err)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Found {
		t.Errorf("no answer: found=%v err=%v", got.Found, err)
	}
}

func TestAskUsage(t *testing.T) {
	_, _, err := runCmd(t, nil, "ask")
	var u usageError
	if !errors.As(err, &u) {
		t.Errorf("ask without a question: err %v, want a usage error", err)
	}
}

func TestAskContentDir(t *testing.T) {
	dir := t.TempDir()
	article := "title: Bài thử nghiệm\nsynthetic: true\n\nSYNTHETIC TEST ARTICLE. Xã Thử Nghiệm hợp nhất Hội Cựu Thí Sinh vào năm 2031.\n"
	if err := os.WriteFile(filepath.Join(dir, "thu.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, vars := range []map[string]string{nil, {"CONTENT_DIR": dir}} {
		args := []string{"ask", "hoi cuu thi sinh hop nhat nam nao"}
		if vars == nil {
			args = []string{"ask", "-content", dir, "hoi cuu thi sinh hop nhat nam nao"}
		}
		out, _, err := runCmd(t, vars, args...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "2031") {
			t.Errorf("%v %v: %s", vars, args, out)
		}
	}
}

func TestEvalPublicQuestions(t *testing.T) {
	out, _, err := runCmd(t, nil, "eval", "-questions", filepath.Join("..", "..", "testdata", "questions-public.jsonl"), "-min-hit1", "100")
	if err != nil {
		t.Fatalf("eval: %v\n%s", err, out)
	}
	if !strings.Contains(out, "all") || !strings.Contains(out, "100%") {
		t.Errorf("eval report:\n%s", out)
	}
}
