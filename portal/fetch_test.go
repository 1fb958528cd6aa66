package portal

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/portal/portaltest"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
		ok     bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true}, // a date past: at once
		{"", 0, false},
		{"-5", 0, false},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.header, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Retry-After %q: %s %v, want %s %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
}

// TestUTF8Page: the charsets Vietnamese portals serve, declared in the
// header, in <meta>, by a byte-order mark, or not at all.
func TestUTF8Page(t *testing.T) {
	const text = "Thôn Mây Lúa có 412 hộ; trưởng thôn là ông Trần Văn Giả."
	page := func(meta string) string {
		return `<html><head>` + meta + `<title>t</title></head><body><p>` + text + `</p></body></html>`
	}
	tests := []struct {
		name, contentType, wantCharset string
		body                           []byte
	}{
		{"utf-8 in the header", "text/html; charset=utf-8", "utf-8", []byte(page(""))},
		{"nothing declared", "text/html", "utf-8", []byte(page(""))},
		{"utf-8 byte-order mark", "text/html", "utf-8", append([]byte("\xef\xbb\xbf"), page("")...)},
		{"windows-1258 in the header", "text/html; charset=windows-1258", "windows-1258", portaltest.EncodeWindows1258(page(""))},
		{"windows-1258 in meta http-equiv", "text/html", "windows-1258",
			portaltest.EncodeWindows1258(page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">`))},
		{"windows-1258 in meta charset", "", "windows-1258", portaltest.EncodeWindows1258(page(`<meta charset="Windows-1258">`))},
		{"the header wins over meta", "text/html; charset=windows-1258", "windows-1258",
			portaltest.EncodeWindows1258(page(`<meta charset="utf-8">`))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, cs, err := utf8Page(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if cs != tt.wantCharset {
				t.Errorf("charset %q, want %q", cs, tt.wantCharset)
			}
			s := string(out)
			if !strings.Contains(s, text) {
				t.Errorf("text not read as UTF-8 (NFC):\n%s", s)
			}
			if strings.Contains(strings.ToLower(s), "1258") {
				t.Errorf("a charset declaration still names Windows-1258:\n%s", s)
			}
		})
	}
}
