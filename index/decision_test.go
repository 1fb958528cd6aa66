package index

import (
	"context"
	"strings"
	"testing"
)

// TestGateWeights: gate.json names only inputs of the table, and its
// weights are the answer bar of before — coverage 0.55, 0.45 where English
// is read — until a fit earns more on sets it was not fitted on.
func TestGateWeights(t *testing.T) {
	w, err := parseGate(gateJSON)
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, len(gateInputs))
	x[gateIndex("bias")] = 1
	for _, tc := range []struct {
		coverage float64
		english  bool
		answers  bool
	}{
		{0.56, false, true}, {0.54, false, false}, {0.46, true, true}, {0.44, true, false},
	} {
		x[gateIndex("coverage")] = tc.coverage
		x[gateIndex("english")] = b2f(tc.english)
		if got := dot(w, x) >= 0; got != tc.answers {
			t.Errorf("coverage %.2f, English %v: answers %v, want %v", tc.coverage, tc.english, got, tc.answers)
		}
	}
	if _, err := parseGate([]byte(`{"no_such_input": 1}`)); err == nil {
		t.Error("parseGate accepted an input the table does not have")
	}
}

// TestMaybe: a question nothing answers is offered its best passage as
// "maybe this" only when that passage comes close — near the bar, ahead of
// the next, and lacking nothing the question names.
func TestMaybe(t *testing.T) {
	ix := mustDefault(t)
	ctx := context.Background()
	for _, tc := range []struct {
		q     string
		found bool
		maybe string // a string the maybe holds; "" for none
	}{
		// The article counts the households of small villages, not the
		// poor ones.
		{"thị xã Kỳ Anh có bao nhiêu hộ nghèo", false, "quy mô nhỏ"},
		// Nothing in the corpus is near.
		{"giờ mở cửa bể bơi", false, ""},
		// Answered: no maybe beside an answer.
		{"số điện thoại ủy ban thị xã Kỳ Anh", true, ""},
	} {
		res, err := ix.Search(ctx, tc.q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Found != tc.found {
			t.Errorf("%q: found %v, want %v", tc.q, res.Found, tc.found)
		}
		switch {
		case tc.maybe == "" && res.Maybe != nil:
			t.Errorf("%q: maybe %q, want none", tc.q, res.Maybe.Text)
		case tc.maybe != "" && (res.Maybe == nil || !strings.Contains(res.Maybe.Text, tc.maybe)):
			t.Errorf("%q: maybe %+v, want one holding %q", tc.q, res.Maybe, tc.maybe)
		}
	}

	// The same ranking, with a check failed or no lead, offers nothing.
	pq := ix.parse("thị xã Kỳ Anh có bao nhiêu hộ nghèo")
	ranked, err := ix.rank(ctx, pq)
	if err != nil {
		t.Fatal(err)
	}
	ranked = ix.order(pq, ranked, signalWeights)
	if !ix.offersMaybe(ranked, pq.english) {
		t.Fatal("offersMaybe false on the ranking Search offered")
	}
	checked := append([]scored{}, ranked...)
	checked[0].gate.checks = checkNamed
	if ix.offersMaybe(checked, pq.english) {
		t.Error("offered a unit lacking a place the question names")
	}
	tied := append([]scored{}, ranked...)
	tied[1].score = tied[0].score
	if ix.offersMaybe(tied, pq.english) {
		t.Error("offered a unit tied with the next")
	}
}

// TestEnglishBarMissing: the lower bar where English is read is for words
// put otherwise, not for what the page does not give or name: a field, the
// title asked where the person is named, a place the question names
// (r20-028, r25-107: another body's chairman, another ward's centre's
// director, on English pages).
func TestEnglishBarMissing(t *testing.T) {
	fn := gateInputs[gateIndex("english")].fn
	for _, tc := range []struct {
		checks checks
		want   float64
	}{
		{0, 1}, {checkTyped, 1}, {checkPeriod, 1}, {checkEntity, 1},
		{checkField, 0}, {checkTitle, 0}, {checkNamed, 0}, {checkTitle | checkTyped, 0},
	} {
		r := []scored{{gate: gateFacts{checks: tc.checks}}}
		if got := fn(nil, r, true); got != tc.want {
			t.Errorf("checks %v: english %v, want %v", tc.checks.names(), got, tc.want)
		}
	}
}
