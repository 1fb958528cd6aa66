package index

import (
	"testing"
)

// TestOtherBodyEnglish: the body an English title is of, read after the
// place's name ("Chairman of the Hoa Gia Commune People's Committee"), is
// another body than the question's when the question writes not all of
// its words (synthetic page, invented names).
func TestOtherBodyEnglish(t *testing.T) {
	page := "synthetic: true\ntitle: Hoa Gia commune's new leaders\n\n" +
		"Synthetic article: every name and figure below is invented for tests.\n\n" +
		"Mr. Phan Van Kiet was appointed as Chairman of the Hoa Gia Commune People's Committee.\n\n" +
		"The Fatherland Front Committee and the People's Council of the commune met in 2027.\n"
	ix := loadedIndex(t, map[string]string{"en.txt": page})
	for _, tc := range []struct {
		question, text string
		other          bool
	}{
		{"Who is the Chairman of the Fatherland Front Committee of Hoa Gia commune?", "chairman of the hoa gia commune people's committee", true},
		{"Who is the Chairman of the People's Committee of Hoa Gia commune?", "chairman of the hoa gia commune people's committee", false},
		{"Chủ tịch UBND xã Hòa Giả là ai?", "chairman of the people's council of the commune", true},
	} {
		pq := ix.parse(tc.question)
		qWords := map[string]bool{}
		for _, c := range pq.concepts {
			for _, alt := range c.alts {
				for _, w := range alt {
					qWords[w] = true
				}
			}
		}
		if got := ix.otherBody(foldWords(tc.text), 1, qWords); got != tc.other {
			t.Errorf("%q, %q: other body %v, want %v", tc.question, tc.text, got, tc.other)
		}
	}
}
