package content

import "testing"

// TestAskedEnglishTitle: "which <title>" asks who holds the post, with the
// body or place between ("which Mot Dinh ward vice chairman"), as "ông
// nào" does; a field named as the way something is done ("by phone") is
// not asked when the question asks a person; and a title after another
// question word ("what year did the chairman …") asks no person.
func TestAskedEnglishTitle(t *testing.T) {
	tests := []struct {
		q             string
		person, phone bool
	}{
		{"Which Mot Dinh ward vice chairman takes complaints by phone?", true, false},
		{"Which deputy director signed the plan?", true, false},
		{"Who answers citizens' questions via the hotline?", true, false},
		{"What is the phone number of the vice chairman?", false, true},
		{"How can I reach the chairman by phone?", false, true},
		{"What year did the chairman take office?", false, false},
	}
	for _, tt := range tests {
		var person, phone bool
		for _, a := range AskedTypes(tt.q) {
			person = person || a.Type == ValuePerson
			phone = phone || a.Type == ValuePhone
		}
		if person != tt.person || phone != tt.phone {
			t.Errorf("%q: person %v phone %v, want %v %v", tt.q, person, phone, tt.person, tt.phone)
		}
	}
}
