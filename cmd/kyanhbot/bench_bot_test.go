package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/index/perf"
)

func TestBenchBotAnswersEveryUpdate(t *testing.T) {
	tests := []struct {
		name    string
		noRedis bool
	}{
		{"in-memory", true},
		{"redis", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.noRedis {
				if _, err := exec.LookPath("redis-server"); err != nil {
					t.Skip("redis-server not on PATH")
				}
			}
			res, err := benchBot(t.Context(), botBenchConfig{Updates: 80, Chats: 8, Seed: 1,
				Questions: "../../testdata/questions-public.jsonl", NoRedis: tt.noRedis})
			if err != nil {
				t.Fatal(err)
			}
			if res.Redis == tt.noRedis {
				t.Errorf("Redis = %v, want %v", res.Redis, !tt.noRedis)
			}
			if res.Offered != 80 || res.Replied != 80 || len(res.Latencies) != 80 {
				t.Fatalf("offered %d, replied %d, %d latencies; want 80 each", res.Offered, res.Replied, len(res.Latencies))
			}
			if n := res.Kinds["question"] + res.Kinds["more"] + res.Kinds["lienhe"]; n != 80 {
				t.Errorf("kinds %v add up to %d, want 80", res.Kinds, n)
			}
			// Presses of "more" need a button from an earlier answer: the
			// mix has some only if answers carried them through the fake.
			if res.Kinds["more"] == 0 || res.Kinds["lienhe"] == 0 {
				t.Errorf("mix %v lacks more presses or /lienhe", res.Kinds)
			}
			// Every update reached the engine, and before its reply.
			if len(res.ToHandler) != 80 || res.ToHandler.Percentile(50) > res.Latencies.Percentile(50) {
				t.Errorf("%d update→handler times, p50 %v against update→reply p50 %v", len(res.ToHandler), res.ToHandler.Percentile(50), res.Latencies.Percentile(50))
			}
			if res.CPU <= 0 {
				t.Errorf("CPU time %v, want > 0", res.CPU)
			}
			if res.Wall <= 0 || res.Latencies[0] <= 0 || res.Latencies.Percentile(100) > res.Wall {
				t.Errorf("wall %v, latencies %v…%v: not consistent", res.Wall, res.Latencies[0], res.Latencies.Percentile(100))
			}
		})
	}
}

func TestRunBotBenchRows(t *testing.T) {
	var rep perf.Report
	if err := runBotBench(t.Context(), botBenchConfig{Updates: 20, Chats: 4, Seed: 2, NoRedis: true}, &rep); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"in-memory (no redis-server)", "20 of 20", "updates/s (end to end)", "update→reply p50", "update→reply p99", "update→handler p50", "CPU per update, bot + fake API"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
	for _, r := range rep.Rows {
		if r.Section != "bot" || r.Size != "20 updates, 4 chats" {
			t.Errorf("row %+v: want section bot, 20 updates, 4 chats", r)
		}
	}
}

func TestMoreButton(t *testing.T) {
	tests := []struct{ markup, want string }{
		{"", ""},
		{"not json", ""},
		{`{"inline_keyboard":[[{"text":"Nguồn","callback_data":"s:1:a"}]]}`, ""},
		{`{"inline_keyboard":[[{"text":"Nguồn","callback_data":"s:1:a"}],[{"text":"Xem thêm ›","callback_data":"m:1:3:5"}]]}`, "m:1:3:5"},
		{`{"inline_keyboard":[[{"text":"Web","url":"https://example.invalid"}]]}`, ""},
	}
	for _, tt := range tests {
		if got := moreButton(tt.markup); got != tt.want {
			t.Errorf("moreButton(%q) = %q, want %q", tt.markup, got, tt.want)
		}
	}
}
