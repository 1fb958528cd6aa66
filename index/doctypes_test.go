package index

import (
	"fmt"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestDocTypesAgree: a document the content package reads under any type
// name of the lexicon is found by a question naming it the same way, in
// Vietnamese and in English. The two layers once disagreed: "Quy định số
// 15" was keyed "15qy" and looked up as "15qdi".
func TestDocTypesAgree(t *testing.T) {
	for _, dt := range content.Lexicon.DocTypes {
		for _, name := range dt.Names {
			t.Run(name, func(t *testing.T) {
				checkDocFound(t, dt, name, fmt.Sprintf("%s số 15/UBND-VP", name))
			})
		}
		for _, code := range append([]string{dt.Code}, dt.Aliases...) {
			// The party's numbering puts the type's code after the
			// number: "Quy định số 15-QĐi/TW", once written "15-QY/TW".
			t.Run(code, func(t *testing.T) {
				for _, name := range dt.Names {
					checkDocFound(t, dt, name, fmt.Sprintf("%s số 15-%s/TW", name, code))
				}
			})
		}
	}
}

// checkDocFound parses a synthetic article citing one document as written and asks
// for it by the type's name and number, accented and folded, and in English.
func checkDocFound(t *testing.T, dt content.DocType, name, written string) {
	t.Helper()
	text := fmt.Sprintf("title: Thử\nsynthetic: true\n\nNgày 01/02/2024, UBND xã Thử Nghiệm ban hành %s về việc thử nghiệm.\n", written)
	a, _, err := content.Parse("thu.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Documents) != 1 {
		t.Fatalf("documents %+v, want one", a.Documents)
	}
	keys := docKeys(a.Documents[0])
	for _, q := range []string{name + " số 15", content.Fold(name) + " 15"} {
		refs, _ := parseDocRefs(content.Fold(q))
		if len(refs) != 1 || !contains(keys, refs[0].key) {
			t.Errorf("%q: refs %+v, want one of the document's keys %q", q, refs, keys)
		}
	}
	for _, en := range dt.English {
		refs, _ := parseDocRefs(en + " 15")
		if len(refs) != 1 || !contains(keys, refs[0].key) {
			t.Errorf("%q: refs %+v, want one of the document's keys %q", en+" 15", refs, keys)
		}
	}
}
