package index_test

import "testing"

// Round 6 keeps in CI the shapes of the real pages of issue 10, which CI
// cannot have (their text is not ours to commit: see testdata/real/). Six
// synthetic pages, invented place, names and numbers, reproduce them: a
// portal's table scraped one cell per line (header cells, then numbered rows
// of name / address / hotline), a police one-stop desk's opening-hours
// notice with a Saturday, a hotline paragraph ("Cụ thể, … số điện thoại …
// (nhánh 5), tổng đài …"), a merger list with areas, populations and
// headquarters, an association congress with a press merger, and a
// village-merger resolution under its document header. The questions were
// written before any run and measured once, with the real article loaded
// beside the pages (hit@1 23/39, hit@3 26/39, 6/12 declined, 5 answerable
// questions declined; plain bleve 16/39, folded bleve 19/39). The floors are
// that first measure: the mechanisms of issue 10 should raise them.

func round6Sets() []qualitySet {
	_, _, both := corpora("round6")
	return []qualitySet{
		{"round6 real-page shapes with the real article", "round6-questions.jsonl", both, 23, 6},
	}
}

// TestRound6Questions runs the round-6 set (see checkQualitySets).
func TestRound6Questions(t *testing.T) { checkQualitySets(t, "round6", round6Sets()) }
