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

// TestYearNumberedDocsAgree: numbers with the year between ("34/2019/NĐ-CP")
// and the National Assembly's, with no type code and an issuer ending in its
// legislature ("202/2025/QH15", "1656/NQ-UBTVQH15"), are keyed by content as
// questions type them. Before, "34/2019/NĐ-CP" was keyed "342019ndcp", which
// no question gives, "202/2025/QH15" was no document, and a question writing
// "1656/NQ-UBTVQH15" named none.
func TestYearNumberedDocsAgree(t *testing.T) {
	tests := []struct {
		written   string // as the synthetic article cites it
		id        string
		questions []string
	}{
		{"Nghị định số 34/2019/NĐ-CP", "34/2019/NĐ-CP", []string{"Nghị định 34/2019/NĐ-CP", "nd 34", "nghi dinh so 34"}},
		{"Nghị quyết số 202/2025/QH15", "202/2025/QH15", []string{"NQ 202/2025/QH15", "nghị quyết 202", "resolution No. 202"}},
		{"Resolution No. 76/2025/UBTVQH15", "76/2025/UBTVQH15", []string{"Nghị quyết 76/2025/UBTVQH15", "nq 76"}},
		{"Nghị quyết 1656/NQ-UBTVQH15", "1656/NQ-UBTVQH15", []string{"1656/NQ-UBTVQH15", "NQ 1656 UBTVQH15", "nq 1656"}},
	}
	for _, tt := range tests {
		text := fmt.Sprintf("title: Thử\nsynthetic: true\n\nNgày 01/02/2024, xã Thử Nghiệm thực hiện %s về việc thử nghiệm.\n", tt.written)
		a, _, err := content.Parse("thu.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Documents) != 1 || a.Documents[0].ID != tt.id || a.Documents[0].Type == "" {
			t.Errorf("%q: documents %+v, want one, %s, typed", tt.written, a.Documents, tt.id)
			continue
		}
		keys := docKeys(a.Documents[0])
		for _, q := range tt.questions {
			refs, _ := parseDocRefs(content.Fold(q))
			if len(refs) == 0 {
				t.Errorf("%q: no document read", q)
			}
			for _, r := range refs {
				if !contains(keys, r.key) {
					t.Errorf("%q: ref %q not among the document's keys %q", q, r.key, keys)
				}
			}
		}
	}
	// Without a name before it the number is no document: "số 12/2024/AB12"
	// could be anything's code.
	a, _, _ := content.Parse("thu.txt", []byte("title: Thử\nsynthetic: true\n\nMã hồ sơ 12/2024/AB12 đã nhận.\n"))
	if len(a.Documents) != 0 {
		t.Errorf("code without a document name read as %+v", a.Documents)
	}
}
