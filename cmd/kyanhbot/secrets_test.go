package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot/store"
)

func TestEnvSecret(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "s")
	os.WriteFile(file, []byte("  s3cret-value\n"), 0o600)
	tests := []struct {
		name    string
		vars    map[string]string
		want    string
		wantErr string
	}{
		{"unset", map[string]string{}, "", ""},
		{"variable", map[string]string{"X": " s3cret-value "}, "s3cret-value", ""},
		{"file, newline dropped", map[string]string{"X_FILE": file}, "s3cret-value", ""},
		{"both", map[string]string{"X": "a", "X_FILE": file}, "", "set X or X_FILE, not both"},
		{"missing file", map[string]string{"X_FILE": filepath.Join(dir, "none")}, "", "X_FILE: cannot read " + filepath.Join(dir, "none") + ": no such file or directory"},
		{"a directory", map[string]string{"X_FILE": dir}, "", "X_FILE: cannot read"},
	}
	for _, tt := range tests {
		got, err := envSecret(func(k string) string { return tt.vars[k] }, "X")
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "s3cret") {
				t.Errorf("%s: the error shows the secret: %v", tt.name, err)
			}
		case err != nil || got != tt.want:
			t.Errorf("%s: %q %v, want %q", tt.name, got, err, tt.want)
		}
	}
}

// TestServeSecretFiles: every secret serve reads can come from a file
// (Docker and compose secrets, systemd credentials).
func TestServeSecretFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, v string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(v+"\n"), 0o600)
		return p
	}
	vars := map[string]string{
		"TELEGRAM_BOT_TOKEN_FILE": write("token", "123456:AAE-secret-token-value"),
		"REDIS_URL_FILE":          write("url", "redis://redis:6379/0"),
		"REDIS_PASSWORD_FILE":     write("pw", "0f3c5e7a9b1d"),
		"WEBHOOK_URL":             "https://bot.example.org/hook",
		"WEBHOOK_SECRET_FILE":     write("hook", "hook_secret-1"),
	}
	c, err := loadServeConfig(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.token != "123456:AAE-secret-token-value" || c.redisURL != "redis://redis:6379/0" || c.redisPassword != "0f3c5e7a9b1d" || c.webhookSecret != "hook_secret-1" {
		t.Errorf("secrets not read from their files: %q %q %q %q", string(c.token), string(c.redisURL), string(c.redisPassword), string(c.webhookSecret))
	}

	for name, v := range map[string]map[string]string{
		"REDIS_PASSWORD without REDIS_URL": {"TELEGRAM_BOT_TOKEN": "1:a", "REDIS_PASSWORD": "x"},
		"REDIS_URL and REDIS_URL_FILE":     {"TELEGRAM_BOT_TOKEN": "1:a", "REDIS_URL": "redis://r", "REDIS_URL_FILE": vars["REDIS_URL_FILE"]},
		"WEBHOOK_SECRET_FILE missing":      {"TELEGRAM_BOT_TOKEN": "1:a", "WEBHOOK_URL": "https://b.example/h", "WEBHOOK_SECRET_FILE": filepath.Join(dir, "none")},
	} {
		if _, err := loadServeConfig(func(k string) string { return v[k] }); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}

	// A password in the URL and another from the file would disagree
	// silently: refused.
	if _, err := store.Open("redis://:inurl@127.0.0.1:1/0", "fromfile"); err == nil || strings.Contains(err.Error(), "inurl") || strings.Contains(err.Error(), "fromfile") {
		t.Errorf("two passwords: %v, want an error naming neither", err)
	}
	for _, u := range []string{"redis://127.0.0.1:1/0", "redis+sentinel://127.0.0.1:1/0?master=m", "redis+cluster://127.0.0.1:1,127.0.0.1:2"} {
		c, err := store.Open(u, "fromfile")
		if err != nil {
			t.Errorf("%s with a password file: %v", u, err)
			continue
		}
		c.Close()
	}
}
