package index_test

import "testing"

// The news sets are a third round, written after the held-out and fresh
// sets had been tuned against: synthetic pages of the real portal's shape
// (visit counters, breadcrumb, "« Quay lại", a signature, the footer block)
// carrying the kind of Party and government news such portals mostly
// publish — a five-year review of a resolution, a commune merger with its
// cadre arrangements, new-countryside and civilised-ward results, a Party
// congress electing its committee. The second set adds the real article,
// whose topic and footer compete with the synthetic ones. Misses are logged;
// the floors are the figures after one round of fixes against this set
// (which started at 33/56), less a little slack.

func newsSets() []qualitySet {
	_, synthetic, both := corpora("news")
	return []qualitySet{
		{"news pages", "news-questions.jsonl", synthetic, 36, 5},
		{"news pages with the real article", "news-questions.jsonl", both, 36, 5},
	}
}

// TestNewsQuestions runs the news sets (see checkQualitySets).
func TestNewsQuestions(t *testing.T) { checkQualitySets(t, "news", newsSets()) }
