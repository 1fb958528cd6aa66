package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCheck runs "kyanhbot content check" with args and the given
// environment variables, returning stdout and the error.
func runCheck(t *testing.T, vars map[string]string, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := env{getenv: func(k string) string { return vars[k] }, stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	err := run(context.Background(), append([]string{"content", "check"}, args...), e)
	return out.String(), err
}

func TestContentCheckDefault(t *testing.T) {
	out, err := runCheck(t, nil)
	if err != nil {
		t.Fatalf("content check: %v\n%s", err, out)
	}
	for _, want := range []string{
		"kyanh-sap-xep-bo-may-nq18-19.txt",
		"Thị xã Kỳ Anh - Đẩy mạnh thực hiện Nghị quyết Trung ương 6 khóa XII",
		"Chính trị", "Dương Thanh Hòa - Phó Bí thư Thường trực Thị ủy", "www.txkyanh.hatinh.gov.vn",
		"18-NQ/TW", "19-NQ/TW", "05-KL/TU       Kết luận ngày 29/6/2016", "92-KL/TU       Kết luận ngày 03/10/2018",
		"30-KH/ThU", "22-CTr/ThU", "23-CTr/ThU",
		"85 thôn, TDP; 80 thôn, TDP", "4 tổ chức hội",
		"Điện thoại: 02393 865 366", "Fax: 02393 865 366", "Email: ubtxkyanh@hatinh.gov.vn",
		"Địa chỉ: Tổ dân phố Hưng Hòa, phường Sông Trí, thị xã Kỳ Anh",
		"Chịu trách nhiệm chính: Phan Duy Vĩnh",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestContentCheckDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("tin.txt", "synthetic: true\ntitle: Tin thử nghiệm\n\nXã Thử Nghiệm hợp nhất 02 tổ chức hội.\n")

	// -content wins over CONTENT_DIR.
	out, err := runCheck(t, map[string]string{"CONTENT_DIR": "/nonexistent"}, "-content", dir)
	if err != nil {
		t.Fatalf("content check: %v", err)
	}
	if !strings.Contains(out, "Tin thử nghiệm") || strings.Contains(out, "Kỳ Anh") {
		t.Errorf("output does not show the -content directory:\n%s", out)
	}
	// CONTENT_DIR replaces the embedded corpus.
	if out, err = runCheck(t, map[string]string{"CONTENT_DIR": dir}); err != nil || !strings.Contains(out, "Tin thử nghiệm") {
		t.Errorf("with CONTENT_DIR: err %v, output:\n%s", err, out)
	}

	// A file that cannot be used makes the check fail, after the report.
	write("rong.txt", "")
	write("nhi-phan.html", "\x00\x01\x02")
	out, err = runCheck(t, nil, "-content", dir)
	if err == nil || err.Error() != "content check: 2 problems" {
		t.Errorf("error = %v, want content check: 2 problems", err)
	}
	for _, want := range []string{"Tin thử nghiệm", "rong.txt: empty file", "nhi-phan.html: binary file"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestContentCheckUsage(t *testing.T) {
	var u usageError
	for _, args := range [][]string{{"content"}, {"content", "frobnicate"}, {"content", "check", "extra"}} {
		e := env{getenv: func(string) string { return "" }, stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
		if err := run(context.Background(), args, e); !errors.As(err, &u) {
			t.Errorf("%q: error %v, want a usage error", args, err)
		}
	}
	if _, err := runCheck(t, nil, "-content", filepath.Join(t.TempDir(), "missing")); err == nil || errors.As(err, &u) {
		t.Errorf("missing directory: error %v, want a plain error", err)
	}
}
