package content

import (
	"slices"
	"strings"
	"testing"
)

// TestContactFieldsOneLexicon: every label the lexicon gives a contact field
// is read as that field by the contact-block parser, and every phrase it
// gives for asking is read as asking for the field's value, so a word added
// to the lexicon counts for the parser and for questions alike.
func TestContactFieldsOneLexicon(t *testing.T) {
	fields := map[string]contactField{
		"phone": fieldPhone, "fax": fieldFax, "email": fieldEmail, "website": fieldWebsite,
		"address": fieldAddress, "person": fieldPerson, "hotline": fieldNone, "hours": fieldNone,
	}
	values := map[string]ValueType{
		"phone": ValuePhone, "hotline": ValuePhone, "fax": ValueFax, "email": ValueEmail,
		"website": ValueWebsite, "address": ValueAddress, "hours": ValueTime,
	}
	for _, f := range Lexicon.ContactFields {
		for _, l := range f.Labels {
			if got, _ := fieldOf(l); got != fields[f.Kind] {
				t.Errorf("fieldOf(%q) = %v, want the %s field", l, got, f.Kind)
			}
			if !isContactLine(l + ": x") {
				t.Errorf("%q does not start a contact line", l+": x")
			}
		}
		want, ok := values[f.Kind]
		if !ok {
			continue
		}
		for _, a := range f.Asks {
			q := "cho hỏi " + a + " của xã Mẫu"
			if !slices.ContainsFunc(AskedTypes(q), func(x Asked) bool { return x.Type == want }) {
				t.Errorf("AskedTypes(%q) = %v, want %s", q, AskedTypes(q), want)
			}
		}
	}
}

// TestMeetingIsNoMailbox: "kỳ họp thứ 12" folds to the words of "hộp thư"
// (mailbox), and asks for no e-mail.
func TestMeetingIsNoMailbox(t *testing.T) {
	for _, q := range []string{"Kỳ họp thứ 12 HĐND xã diễn ra ngày nào?", "ky hop thu 12 hdnd xa dien ra ngay nao"} {
		if slices.ContainsFunc(AskedTypes(q), func(x Asked) bool { return x.Type == ValueEmail }) {
			t.Errorf("AskedTypes(%q) = %v: asks for an e-mail", q, AskedTypes(q))
		}
	}
}

// TestChatRegister: the chat forms are looked up by the lower-case word
// typed, each reads as something else, and "sắp xếp xong" reads with the
// plain after word, which AfterWords lists first.
func TestChatRegister(t *testing.T) {
	for k, v := range Lexicon.ChatForms {
		if k != strings.ToLower(k) || v == "" || v == k {
			t.Errorf("ChatForms[%q] = %q: want a lower-case form read as another word", k, v)
		}
	}
	for _, p := range Lexicon.ChatPhrases {
		if p[0] != strings.ToLower(p[0]) || p[1] == "" || p[0] == p[1] {
			t.Errorf("ChatPhrases %q: want a lower-case wording read as another", p)
		}
	}
	if len(Lexicon.DoneWords) == 0 || Lexicon.AfterWords[0] != "sau" {
		t.Errorf("DoneWords %q, AfterWords %q: 'sắp xếp xong' must read 'sau sắp xếp'", Lexicon.DoneWords, Lexicon.AfterWords)
	}
}
