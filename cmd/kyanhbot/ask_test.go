package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
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
		// Declined, with the passage that comes close offered apart.
		{"no answer, maybe", []string{"ask", "thị xã Kỳ Anh có bao nhiêu hộ nghèo"}, []string{"không tìm thấy", "Đoạn gần nhất", "quy mô nhỏ", "Nguồn:"}},
		// -explain shows how the question was read (a phone asked for)
		// and the score as its named signals: the phone question's
		// contact block scores by coverage and its phone field.
		{"explain", []string{"ask", "-explain", "Số điện thoại UBND thị xã Kỳ Anh"}, []string{"02393 865 366", "Xếp hạng", "coverage", "typed_value", "Đọc câu hỏi: ", "asks phone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertOutput(t, tt.args, tt.want, nil) })
	}
}

// assertOutput runs the binary's command line and checks what it prints.
func assertOutput(t *testing.T, args, want, absent []string) {
	t.Helper()
	out, _, err := runCmd(t, nil, args...)
	if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	for _, w := range absent {
		if strings.Contains(out, w) {
			t.Errorf("output has %q:\n%s", w, out)
		}
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

// directoryDir is a content directory holding the synthetic contact
// directories (fictional offices, marked synthetic) that the content and
// index packages keep as fixtures.
func directoryDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{"../../content/testdata/synthetic/danh-ba.txt", "../../index/testdata/heldout/danh-ba-co-quan.txt"} {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "synthetic: true") {
			t.Fatalf("%s is not marked synthetic", src)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestAskContacts(t *testing.T) {
	dir := directoryDir(t)
	tests := []struct {
		name   string
		args   []string
		want   []string
		absent []string
	}{
		{"no answer lists contacts with their publisher's lines", []string{"ask", "-content", dir, "giá vé xe buýt đi thành phố"}, []string{
			"không tìm thấy",
			"- Công an xã Thử Nghiệm\n  Địa chỉ: Thôn Mẫu Thử, xã Thử Nghiệm\n  Điện thoại trực ban: 0000 000 020\n  Đường dây nóng: 0000 000 029\n  Trưởng Công an xã: Lê Văn Giả",
			"- Trạm Y tế xã\n  Địa chỉ: Thôn Ví Dụ, xã Thử Nghiệm\n  Điện thoại: 0000 000 030\n  Email: tramyte@thunghiem.example\n  Website: tramyte.thunghiem.example\n  Hotline: 0000 000 031\n  Thời gian làm việc: từ 7h00",
			"  Website: www.giadinh.example.invalid\n  Chịu trách nhiệm chính: Đỗ Văn Ví",
		}, []string{"Điện thoại: 0000 000 020"}},
		{"a hotline question", []string{"ask", "-content", dir, "đường dây nóng công an xã Thử Nghiệm"}, []string{"Đường dây nóng: 0000 000 029", "Nguồn:"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assertOutput(t, tt.args, tt.want, tt.absent) })
	}
}

func TestAskJSONContacts(t *testing.T) {
	out, _, err := runCmd(t, nil, "ask", "-json", "-content", directoryDir(t), "giá vé xe buýt đi thành phố")
	if err != nil {
		t.Fatal(err)
	}
	type field struct{ Label, Value string }
	type contact struct {
		Office     string  `json:"office"`
		Phone      string  `json:"phone"`
		PhoneLabel string  `json:"phone_label"`
		Website    string  `json:"website"`
		Person     string  `json:"person"`
		Extra      []field `json:"extra"`
	}
	var got struct {
		Found    bool      `json:"found"`
		Contacts []contact `json:"contacts"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	if got.Found {
		t.Fatalf("found an answer, want none:\n%s", out)
	}
	byOffice := map[string]contact{}
	for _, c := range got.Contacts {
		byOffice[c.Office] = c
	}
	tests := []struct {
		office string
		want   contact
	}{
		{"Công an xã Thử Nghiệm", contact{Office: "Công an xã Thử Nghiệm", Phone: "0000 000 020", PhoneLabel: "Điện thoại trực ban",
			Extra: []field{{"Đường dây nóng", "0000 000 029"}, {"Trưởng Công an xã", "Lê Văn Giả"}}}},
		{"Văn phòng HĐND-UBND xã Thử Nghiệm", contact{Office: "Văn phòng HĐND-UBND xã Thử Nghiệm", Phone: "0000 000 010",
			Extra: []field{{"Chánh Văn phòng", "Trần Văn Thử, ĐT: 0000 000 012"}}}},
		{"Ủy ban nhân dân thị xã Giả Định", contact{Office: "Ủy ban nhân dân thị xã Giả Định", Phone: "0000 100 001",
			Website: "www.giadinh.example.invalid", Person: "Đỗ Văn Ví - Phó Chủ tịch UBND thị xã Giả Định"}},
	}
	for _, tt := range tests {
		if got := byOffice[tt.office]; !reflect.DeepEqual(got, tt.want) {
			t.Errorf("contact %q:\n got %+v\nwant %+v", tt.office, got, tt.want)
		}
	}
}

// ask -with-default explains what eval -with-default measures: the content
// directory and the embedded default article as one corpus. Without it,
// a question about the default article is not answered from a directory
// that lacks it.
func TestAskWithDefault(t *testing.T) {
	dir := t.TempDir()
	article := "title: Bài thử nghiệm\nsynthetic: true\n\nSYNTHETIC TEST ARTICLE. Xã Thử Nghiệm hợp nhất Hội Cựu Thí Sinh vào năm 2031.\n"
	if err := os.WriteFile(filepath.Join(dir, "thu.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	const q = "so dien thoai uy ban thi xa ky anh"
	without, _, err := runCmd(t, nil, "ask", "-content", dir, q)
	if err != nil {
		t.Fatal(err)
	}
	with, _, err := runCmd(t, nil, "ask", "-content", dir, "-with-default", q)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(without, "02393 865 366") || !strings.Contains(with, "02393 865 366") {
		t.Errorf("the default article's phone should be found with -with-default only:\nwithout:\n%s\nwith:\n%s", without, with)
	}
	// The directory's own article still answers beside the default one.
	both, _, err := runCmd(t, nil, "ask", "-content", dir, "-with-default", "hoi cuu thi sinh hop nhat nam nao")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(both, "2031") {
		t.Errorf("directory article lost with -with-default:\n%s", both)
	}
}
