package index

import "testing"

// TestCleanNext: where a check marked the best-ranked unit down and it
// does not answer, one of the next three that no check marked down, whose
// window holds the whole question and that holds more of it, answers if
// it passes the decision first; not one with a word missing from its
// window, one holding less, one ranked fifth, nor any where the best was
// marked down by no check.
func TestCleanNext(t *testing.T) {
	ix := &Index{units: []unit{{text: "a", words: "\x00"}, {text: "b", words: "\x01"}, {text: "c", words: "\x02"}, {text: "d", words: "\x03"}, {text: "e", words: "\x04"}}}
	type cand struct {
		cov    float64
		checks checks
		hole   bool
	}
	best := cand{0.5, checkEntity, false}
	clean := cand{0.62, 0, false}
	low := cand{0.2, 0, true}
	tests := []struct {
		name  string
		cands []cand
		want  int // unit answering, -1 for a decline
	}{
		{"clean second", []cand{best, clean, low}, 1},
		{"clean third", []cand{best, low, clean}, 2},
		{"clean fifth", []cand{best, low, low, low, clean}, -1},
		{"second lacks a word", []cand{best, {0.62, 0, true}, low}, -1},
		{"second marked down too", []cand{best, {0.62, checkNamed, false}, low}, -1},
		{"second holds less", []cand{{0.5, checkEntity, false}, {0.45, 0, false}, low}, -1},
		{"best not marked down", []cand{{0.3, 0, true}, clean, low}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ranked []scored
			for i, c := range tt.cands {
				s := scored{unit: i, coverage: c.cov, score: 2 - 0.1*float64(i)}
				s.gate.checks, s.gate.windowHole, s.gate.window = c.checks, c.hole, c.cov
				if !c.hole {
					s.gate.window = 1
				}
				ranked = append(ranked, s)
			}
			got := -1
			if kept := ix.answers(ranked, 1, false); len(kept) > 0 {
				got = kept[0].unit
			}
			if got != tt.want {
				t.Errorf("answers = unit %d, want %d", got, tt.want)
			}
		})
	}
}
