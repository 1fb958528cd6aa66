package main

import (
	"os"
	"testing"
)

// TestMappedTextSetting: MAPPED_TEXT is off unless set on; a value that
// is neither is refused rather than guessed.
func TestMappedTextSetting(t *testing.T) {
	for _, tc := range []struct {
		val     string
		wantDir string
		wantErr bool
	}{
		{"", "", false},
		{"off", "", false},
		{"on", os.TempDir(), false},
		{" ON ", os.TempDir(), false},
		{"1", os.TempDir(), false},
		{"maybe", "", true},
	} {
		c, err := loadOpsConfig(func(k string) string {
			if k == "MAPPED_TEXT" {
				return tc.val
			}
			return ""
		})
		if (err != nil) != tc.wantErr {
			t.Errorf("MAPPED_TEXT=%q: err %v, want error %v", tc.val, err, tc.wantErr)
			continue
		}
		if err == nil && c.textDir != tc.wantDir {
			t.Errorf("MAPPED_TEXT=%q: text dir %q, want %q", tc.val, c.textDir, tc.wantDir)
		}
	}
}
