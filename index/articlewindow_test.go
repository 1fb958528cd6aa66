package index_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestArticleWindowCandidates: the sentence stating the value asked may
// share too few of the question's words for bleve to rank it among the
// candidates, behind many sentences repeating the name the question
// gives (a synthetic English report, invented names and figures: sixty
// weekly figures naming the centre in full, and one sentence saying where
// "the Center" is). Its article, ranked first, offers it as a candidate.
func TestArticleWindowCandidates(t *testing.T) {
	var b strings.Builder
	b.WriteString("synthetic: true\nsource: https://mauson.example.invalid/en/centre-report\n")
	b.WriteString("title: Mau Son Public Administration Service Center reports on its first year\n\n")
	b.WriteString("Synthetic article: every name, place and figure below is invented.\n\n")
	for week := 1; week <= 60; week++ {
		fmt.Fprintf(&b, "In week %d, the Mau Son Public Administration Service Center of the province received %d online records from citizens and businesses.\n\n", week, 100+week)
	}
	b.WriteString("Currently headquartered at 12 Tran Thu Street, Hoa Gia Ward, the Center works on all weekdays.\n")
	ix := pageIndex(t, map[string]string{"en-report.txt": b.String()})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Where is the Mau Son Public Administration Service Center headquartered?", "12 Tran Thu Street"},
	})
}
