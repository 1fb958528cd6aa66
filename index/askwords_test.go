package index

import (
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

func TestAskFactorsOf(t *testing.T) {
	m, err := parseAskWords([]byte(`{"p": [12, 2], "=đặt": [50, 30], "ha noi": [40, 38]}`))
	if err != nil {
		t.Fatal(err)
	}
	f := askFactorsOf(m, 0.7, 5, 0)
	for _, tc := range []struct {
		key  string
		want float64
	}{
		{"p", (2 + 3.5) / 17 / 0.7},
		{"=đặt", (30 + 3.5) / 55 / 0.7},
		{"ha noi", 0}, // written by the answers more often than the prior: not weighed down
	} {
		got, ok := f[tc.key]
		if tc.want == 0 {
			if ok {
				t.Errorf("%s: factor %.3f, want none", tc.key, got)
			}
			continue
		}
		if !ok || got < tc.want-1e-9 || got > tc.want+1e-9 {
			t.Errorf("%s: factor %.3f (%v), want %.3f", tc.key, got, ok, tc.want)
		}
	}
	// Under the floor, or a number (a year the questions of one round
	// ask about), a word keeps its weight: the counts are the questions'
	// noise, a typo or the subject of one page.
	m, err = parseAskWords([]byte(`{"p": [12, 2], "=bìnhh": [3, 0], "2015": [9, 1], "qh15": [6, 1]}`))
	if err != nil {
		t.Fatal(err)
	}
	f = askFactorsOf(m, 0.7, 5, 4)
	if _, ok := f["p"]; !ok || len(f) != 1 {
		t.Errorf("floor 4: factors %v, want p's alone", f)
	}
	for k, c := range mustAskWords(t) {
		if c.asked < askFloor || strings.ContainsAny(k, "0123456789") {
			t.Errorf("askwords.json: %q %v is under the floor or a number", k, c)
		}
	}
	if _, err := parseAskWords([]byte(`{"p": "x"}`)); err == nil {
		t.Error("a malformed table parsed")
	}
	if _, err := parseAskWords(askWordsJSON); err != nil {
		t.Errorf("askwords.json: %v", err)
	}
}

// A syllable typed with marks is looked up as typed: "tối" weighed down
// does not weigh down "tới", nor a question typed without marks.
func TestAskFactorExact(t *testing.T) {
	ix := &Index{askFactors: map[string]float64{"=tối": 0.5, "dat": 0.8}}
	for _, tc := range []struct {
		c    concept
		want float64
	}{
		{concept{alts: [][]string{{"toi"}}, exact: "tối"}, 0.5},
		{concept{alts: [][]string{{"toi"}}, exact: "tới"}, 1},
		{concept{alts: [][]string{{"toi"}}}, 1},
		{concept{alts: [][]string{{"dat"}}}, 0.8},
		{concept{alts: [][]string{{"dat"}}, exact: "đặt"}, 1},
	} {
		if got := ix.askFactor(tc.c); got != tc.want {
			t.Errorf("%v %q: factor %v, want %v", tc.c.alts, tc.c.exact, got, tc.want)
		}
	}
}

// Rare words the answers seldom write ("tổng cộng", "chừng", "khoảng"),
// missing from the one unit that answers, keep it under the bar at full
// weight and not once weighed down; the ranking is the same either way.
// Synthetic articles, invented facts.
func TestAskWordsDecide(t *testing.T) {
	c := &content.Corpus{Articles: []content.Article{
		{ID: "a", Title: "Phường Lam Viên Tây (hư cấu)", Synthetic: true, Paragraphs: []string{
			"Phường Lam Viên Tây có 1.234 hộ dân sinh sống ở 9 tổ dân phố.",
			"Phường Lam Viên Tây tổ chức hội nghị lấy ý kiến hộ dân về quy hoạch.",
		}},
	}}
	for _, p := range []string{"Chợ đêm", "Bến xe", "Công viên", "Thư viện", "Nhà văn hóa", "Sân vận động"} {
		c.Articles = append(c.Articles, content.Article{ID: p, Title: p + " (hư cấu)", Synthetic: true, Paragraphs: []string{
			p + " phường Lam Viên Tây phục vụ hộ dân mỗi ngày.",
			p + " phường Lam Viên Tây mở cửa từ 7 giờ.",
		}})
	}
	c.Articles = append(c.Articles, content.Article{ID: "z", Title: "Hội chợ (hư cấu)", Synthetic: true, Paragraphs: []string{
		"Hội chợ xã Đồi Cát đón khoảng 300 lượt khách, chừng 20 gian hàng, tổng cộng 9 ngày.",
	}})
	ix := mustBuild(t, c)
	q := "Phường Lam Viên Tây tổng cộng có chừng khoảng bao nhiêu hộ dân?"
	ask := func(f map[string]float64) Result {
		ix.askFactors = f
		res, err := ix.Search(context.Background(), q, Options{Limit: 1, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	whole := ask(nil)
	down := ask(map[string]float64{"=khoảng": 0.1, "=chừng": 0.1, "tong cong": 0.1, "=tổng": 0.1, "=cộng": 0.1})
	if whole.Found {
		t.Fatalf("answered at full weight: %+v (gate %+v)", whole.Hits, whole.Gate)
	}
	if !down.Found || len(down.Hits) == 0 || down.Hits[0].ArticleID != "a" {
		t.Fatalf("not answered with the word weighed down: %+v (gate %+v)", down.Hits, down.Gate)
	}
	if whole.Explain[0].Score != down.Explain[0].Score {
		t.Errorf("ranking moved: score %.3f → %.3f", whole.Explain[0].Score, down.Explain[0].Score)
	}
}

func mustAskWords(t *testing.T) map[string]askCount {
	t.Helper()
	m, err := parseAskWords(askWordsJSON)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
