package baseline

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

// A synthetic page: invented place, names and numbers.
const page = `synthetic: true
title: Phường Thử Nghiệm công bố đường dây nóng

Cụ thể, Trung tâm phục vụ hành chính công phường Thử Nghiệm có số điện thoại 0000.111.222.

Hiện nay Hội Nông dân phường có tổng số 4.120 hội viên.

Đầu mối liên hệ: Văn phòng UBND phường Thử Nghiệm
Điện thoại: 0000 999 888
`

func corpus(t *testing.T) *content.Corpus {
	t.Helper()
	c, err := content.Load(context.Background(), fstest.MapFS{"p.txt": {Data: []byte(page)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 {
		t.Fatalf("%d articles, problems %v", len(c.Articles), c.Problems)
	}
	return c
}

func TestSearch(t *testing.T) {
	c := corpus(t)
	tests := []struct {
		analyzer Analyzer
		question string
		want     string // in the top hit; "" means declined
	}{
		{Plain, "Hội Nông dân có bao nhiêu hội viên?", "4.120 hội viên"},
		{Folded, "Hội Nông dân có bao nhiêu hội viên?", "4.120 hội viên"},
		// Without accents the standard analyzer meets only the words that
		// have none, the folded one meets them all.
		{Folded, "hoi nong dan co bao nhieu hoi vien", "4.120 hội viên"},
		{Folded, "so dien thoai trung tam phuc vu hanh chinh cong", "0000.111.222"},
		{Plain, "hoi vien", ""},
		{Plain, "what is the weather", ""},
		{Folded, "what is the weather", ""},
	}
	for _, a := range []Analyzer{Plain, Folded} {
		b, err := Build(context.Background(), c, a)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if b.Units() < 3 {
			t.Errorf("%s: %d units, want the sentences and the contact block", a, b.Units())
		}
		for _, tt := range tests {
			if tt.analyzer != a {
				continue
			}
			res, err := b.Search(context.Background(), tt.question, index.Options{Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if res.Found || len(res.Hits) > 0 || len(res.Contacts) == 0 {
					t.Errorf("%s %q: found %v, %d hits, %d contacts; want a decline with contacts", a, tt.question, res.Found, len(res.Hits), len(res.Contacts))
				}
				continue
			}
			if !res.Found || len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, tt.want) {
				t.Errorf("%s %q: hits %+v, want %q first", a, tt.question, res.Hits, tt.want)
			}
		}
	}
}

func TestParseAnalyzer(t *testing.T) {
	for in, want := range map[string]Analyzer{"plain": Plain, " Folded ": Folded} {
		if got, err := ParseAnalyzer(in); err != nil || got != want {
			t.Errorf("ParseAnalyzer(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseAnalyzer("stemmed"); err == nil {
		t.Error("ParseAnalyzer(stemmed): no error")
	}
}

// TestBuildLean: the lean index (index/perf's yardstick) holds the same
// units and counts the same hits as the full one, and refuses to answer.
func TestBuildLean(t *testing.T) {
	ctx := context.Background()
	c := corpus(t)
	full, err := Build(ctx, c, Plain)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	lean, err := BuildLean(ctx, c, Plain)
	if err != nil {
		t.Fatal(err)
	}
	defer lean.Close()
	if got, want := lean.Units(), full.Units(); got != want || got < 4 {
		t.Errorf("lean index holds %d units, full %d; want the same, at least 4", got, want)
	}
	for _, q := range []string{"0000 999 888", "hội viên", "không có từ nào"} {
		got, err := lean.Count(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		res, err := full.Search(ctx, q, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got != res.Total {
			t.Errorf("Count(%q) = %d, full index finds %d", q, got, res.Total)
		}
	}
	if n, _ := lean.Count(ctx, "0000 999 888"); n == 0 {
		t.Error("the phone number is not counted")
	}
	if _, err := lean.Search(ctx, "hội viên", index.Options{}); err == nil {
		t.Error("a lean index answered a search")
	}
}
