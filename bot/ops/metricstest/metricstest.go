// Package metricstest reads the operations endpoints in tests as Prometheus
// and a load balancer would: it fetches a URL or scrapes a handler's
// /metrics, and picks one sample's value out of the text exposition format,
// so a test asserts on what an operator's dashboard would show.
package metricstest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Get fetches url and returns the status and the body; a request that gets
// no answer fails the test.
func Get(tb testing.TB, url string) (status int, body string) {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("metricstest: read %s: %v", url, err)
	}
	return resp.StatusCode, string(b)
}

// Scrape serves GET /metrics from h in-process and returns the body; a status
// other than 200 fails the test.
func Scrape(tb testing.TB, h http.Handler) string {
	tb.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusOK {
		tb.Fatalf("metricstest: /metrics answered %d: %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}

// Value returns the value of the sample name in a scrape — name as exposed,
// labels included (`kyanhbot_updates_total{kind="message"}`) — or "" when the
// scrape has no such sample.
func Value(body, name string) string {
	for _, l := range strings.Split(body, "\n") {
		if v, ok := strings.CutPrefix(l, name+" "); ok {
			return v
		}
	}
	return ""
}
