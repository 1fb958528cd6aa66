package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// runChatScript runs `kyanhbot chat` with the script on stdin.
func runChatScript(t *testing.T, vars map[string]string, script string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{getenv: func(k string) string { return vars[k] }, stdin: strings.NewReader(script), stdout: &out, stderr: &errOut}
	if err := run(context.Background(), append([]string{"chat"}, args...), e); err != nil {
		t.Fatalf("chat: %v\nstderr: %s", err, errOut.String())
	}
	return out.String()
}

func TestChatScripted(t *testing.T) {
	tests := []struct {
		name   string
		script string
		want   []string // in this order
		not    []string
	}{
		{"README example", "so dien thoai uy ban\n/sapnhap\nxem thêm\n",
			[]string{"02393 865 366", "[1] Xem thêm ›  [2] Nguồn  [3] 👍  [4] 👎", "Sáp nhập, sắp xếp bộ máy\n", "— Trang 2"},
			[]string{"<b>", "&#", "> "}},
		{"number presses a button", "so dien thoai uy ban\n2\n3\n",
			[]string{"[2] Nguồn", "Tác giả: Dương Thanh Hòa", "(Cảm ơn bạn đã góp ý!)"}, nil},
		{"document list by number", "/nghiquyet\n6\n",
			[]string{"[6] 6. 05-KL/TU", "Kết luận 05-KL/TU (ngày 29/6/2016)\nĐược nhắc đến trong:"}, nil},
		{"contact follow-up", "/lienhe\ncòn số fax?\n", []string{"Địa chỉ liên hệ", "Fax: 02393 865 366"}, nil},
		{"english", "/help\n", []string{"Just ask"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var args []string
			if tt.name == "english" {
				args = []string{"-lang", "en"}
			}
			out := runChatScript(t, nil, tt.script, args...)
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order); output:\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output contains %q:\n%s", n, out)
				}
			}
		})
	}
}

// TestChatRedisResumes: with REDIS_URL set, a second run pages on from where
// the first stopped.
func TestChatRedisResumes(t *testing.T) {
	vars := map[string]string{"REDIS_URL": redistest.Start(t).URL()}
	runChatScript(t, vars, "/sapnhap\n")
	if out := runChatScript(t, vars, "xem thêm\n"); !strings.Contains(out, "— Trang 2") {
		t.Errorf("second run did not page on:\n%s", out)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<b>Ủy ban</b> &amp; <i>x</i>`, "Ủy ban & x"},
		{`<a href="https://a.example/x">Tin</a>`, "Tin (https://a.example/x)"},
		{`<a href="https://a.example">https://a.example</a>`, "https://a.example"},
		{`&lt;script&gt; &#34;q&#34;`, `<script> "q"`},
	}
	for _, tt := range tests {
		if got := plainText(tt.in); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
