package index

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// cannedSearcher answers each question with a fixed result.
type cannedSearcher map[string]Result

func (c cannedSearcher) Search(_ context.Context, q string, _ Options) (Result, error) {
	return c[q], nil
}

func found(texts ...string) Result {
	r := Result{Found: true}
	for _, t := range texts {
		r.Hits = append(r.Hits, Hit{Text: t})
	}
	return r
}

var declined = Result{Contacts: []content.Contact{{Office: "UBND phường Thử Nghiệm", Phone: "0000 000 001"}}}

func TestEvaluateCounts(t *testing.T) {
	// One question per outcome the report counts, in two kinds.
	qs := []Question{
		{ID: "1", Question: "q1", Kind: "accented", ExpectAny: []string{"58 Nguyễn Trãi"}},    // hit@1
		{ID: "2", Question: "q2", Kind: "accented", ExpectAny: []string{"0000 111 222"}},      // hit@3 only
		{ID: "3", Question: "q3", Kind: "accented", ExpectAny: []string{"4.120 hội viên"}},    // declined: lost
		{ID: "4", Question: "q4", Kind: "unaccented", ExpectAny: []string{"phường Hòa Bình"}}, // hit@1, in another tone placement and spacing
		{ID: "5", Question: "q5", Kind: "unaccented", ExpectAny: []string{"thứ Bảy"}},         // 4th hit: no hit@3
		{ID: "6", Question: "q6", Kind: "decline-neighbour"},                                  // answered: wrong
		{ID: "7", Question: "q7", Kind: "decline-neighbour"},                                  // declined: right
		{ID: "8", Question: "q8", Kind: "decline-none"},                                       // "not found" without contacts: wrong
	}
	s := cannedSearcher{
		"q1": found("Trụ sở tại 58 Nguyễn Trãi."),
		"q2": found("Có đường dây nóng.", "Cụ thể, số điện thoại 0000 111 222."),
		"q3": declined,
		"q4": found("Trụ sở phường  Hoà Bình."),
		"q5": found("a", "b", "c", "Làm việc thứ Bảy."),
		"q6": found("Chủ tịch UBND là ông Nguyễn Văn Giả."),
		"q7": declined,
		"q8": {},
	}
	rep, err := Evaluate(context.Background(), s, qs)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]EvalRow{
		"accented":          {Kind: "accented", Questions: 3, Answerable: 3, Hit1: 1, Hit3: 2, FalseNoAnswer: 1},
		"unaccented":        {Kind: "unaccented", Questions: 2, Answerable: 2, Hit1: 1, Hit3: 1},
		"decline-neighbour": {Kind: "decline-neighbour", Questions: 2, NoAnswer: 2, NoAnswerCorrect: 1},
		"decline-none":      {Kind: "decline-none", Questions: 1, NoAnswer: 1},
		"all":               {Kind: "all", Questions: 8, Answerable: 5, Hit1: 2, Hit3: 3, NoAnswer: 3, NoAnswerCorrect: 1, FalseNoAnswer: 1},
	}
	got := map[string]EvalRow{"all": rep.Total}
	for i, r := range rep.Rows {
		got[r.Kind] = r
		if i > 0 && rep.Rows[i-1].Kind >= r.Kind {
			t.Errorf("rows not sorted by kind: %q before %q", rep.Rows[i-1].Kind, r.Kind)
		}
	}
	if len(got) != len(want) {
		t.Errorf("kinds %v, want %d", got, len(want))
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %+v, want %+v", k, got[k], w)
		}
	}
	ranks := map[string]int{"1": 1, "2": 2, "3": 0, "4": 1, "5": 0}
	for _, c := range rep.Cases {
		if r, ok := ranks[c.Question.ID]; ok && c.Rank != r {
			t.Errorf("case %s: rank %d, want %d", c.Question.ID, c.Rank, r)
		}
	}

	var table bytes.Buffer
	if err := rep.Write(&table); err != nil {
		t.Fatal(err)
	}
	out := table.String()
	for _, w := range []string{
		"declined ok", "lost",
		"accented              3   1/3  33%   2/3  67%            -   1/3  33%",
		"decline-neighbour     2          -          -     1/2  50%          -",
		"all                   8   2/5  40%   3/5  60%     1/3  33%   1/5  20%",
		"MISS 3 [accented] q3\n  expected one of [\"4.120 hội viên\"], declined",
		"MISS 6 [decline-neighbour] q6\n  expected no answer, got: Chủ tịch UBND là ông Nguyễn Văn Giả.",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "MISS 1 ") || strings.Contains(out, "MISS 7 ") {
		t.Errorf("report lists a right answer as a miss:\n%s", out)
	}
	table.Reset()
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(table.String(), "MISS") {
		t.Errorf("table alone lists misses:\n%s", table.String())
	}

	var js bytes.Buffer
	if err := rep.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("json: %v\n%s", err, js.String())
	}
	if back.Total != rep.Total || len(back.Cases) != len(qs) {
		t.Errorf("json round trip: total %+v, %d cases", back.Total, len(back.Cases))
	}
	if c := back.Cases[1]; len(c.Hits) != 2 || c.Rank != 2 || c.Answer != "Có đường dây nóng." {
		t.Errorf("json case 2: %+v", c)
	}
	if c := back.Cases[4]; len(c.Hits) != 3 {
		t.Errorf("json case 5 keeps %d hits, want the first 3", len(c.Hits))
	}
}
