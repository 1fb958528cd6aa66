package metricstest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

const exposition = `# HELP kyanhbot_updates_total Updates handled.
# TYPE kyanhbot_updates_total counter
kyanhbot_updates_total{kind="callback"} 1
kyanhbot_updates_total{kind="message"} 12
kyanhbot_index_articles 3
kyanhbot_index_articles_total 9
`

func TestValue(t *testing.T) {
	tests := []struct{ name, want string }{
		{`kyanhbot_updates_total{kind="message"}`, "12"},
		{`kyanhbot_updates_total{kind="callback"}`, "1"},
		{"kyanhbot_index_articles", "3"}, // not the _total sample that shares its prefix
		{"kyanhbot_updates_total", ""},   // only labelled samples
		{"kyanhbot_missing", ""},
	}
	for _, tt := range tests {
		if got := Value(exposition, tt.name); got != tt.want {
			t.Errorf("Value(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestGetAndScrape(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/metrics" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(exposition))
	})
	if got := Value(Scrape(t, h), "kyanhbot_index_articles"); got != "3" {
		t.Errorf("scraped articles = %q, want 3", got)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	if status, body := Get(t, srv.URL+"/metrics"); status != 200 || body != exposition {
		t.Errorf("Get /metrics = %d %q", status, body)
	}
	if status, _ := Get(t, srv.URL+"/nope"); status != 404 {
		t.Errorf("Get /nope = %d, want 404", status)
	}
}
