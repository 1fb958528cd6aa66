package index_test

import "testing"

// Round 4 is independent of the search's tuning: written after the three
// earlier rounds had all been tuned against, on topics they lack and
// portals publish often — storm preparedness, a recruitment notice, a
// voter-contact meeting and a land-clearance project — as synthetic pages of
// the real portal's shape, asked together with the real article whose
// footer and topic compete with them. The floors are zero: the set measures
// generalisation and fails only on broken data (a page that does not load
// cleanly, an expected string missing from the articles).

func round4Sets() []qualitySet {
	_, _, both := corpora("round4")
	return []qualitySet{
		{"round4 pages with the real article", "round4-questions.jsonl", both, 0, 0},
	}
}

// TestRound4Questions runs the round-4 set (see checkQualitySets).
func TestRound4Questions(t *testing.T) { checkQualitySets(t, "round4", round4Sets()) }
