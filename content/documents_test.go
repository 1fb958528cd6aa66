package content

import (
	"context"
	"testing"
)

func TestCorpusDocuments(t *testing.T) {
	c, err := Load(context.Background(), Default())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, date string
		cited    int
	}{
		{"18-NQ/TW", "", 4}, {"19-NQ/TW", "", 4}, {"30-KH/ThU", "", 1}, {"22-CTr/ThU", "", 1},
		{"23-CTr/ThU", "", 1}, {"05-KL/TU", "29/6/2016", 2}, {"92-KL/TU", "03/10/2018", 1},
	}
	got := c.Documents()
	if len(got) != len(want) {
		t.Fatalf("got %d documents, want %d", len(got), len(want))
	}
	for i, w := range want {
		if g := got[i]; g.ID != w.id || g.Date != w.date || len(g.Cited) != w.cited {
			t.Errorf("document %d = %s %q cited %d times, want %s %q %d", i, g.ID, g.Date, len(g.Cited), w.id, w.date, w.cited)
		}
	}
}

// TestDocumentNamesAndDates: a synthetic article citing documents the ways
// portals do: the date before the number ("Ngày 15/5/2024, UBND … ban hành
// Quyết định số …"), letters whose code names the issuer ("Công văn số
// 567/UBND-NV"). A date before the number is the document's only when the
// sentence issues that one document.
func TestDocumentNamesAndDates(t *testing.T) {
	a := mustParseFile(t, "testdata/synthetic/van-ban.txt")
	type doc struct{ ID, Type, Issuer, TypeName, Date string }
	want := []doc{
		{"12/QĐ-UBND", "QĐ", "UBND", "Quyết định", "15/5/2024"},
		{"5/NQ-HĐND", "NQ", "HĐND", "Nghị quyết", "12 tháng 4 năm 2024"},
		{"30/UBND-VP", "BC", "UBND", "Báo cáo", "20/5/2024"},
		{"567/UBND-NV", "CV", "UBND", "Công văn", "03/6/2024"},
		// Two documents issued together: the date is not given to either.
		{"20/KH-UBND", "KH", "UBND", "Kế hoạch", ""},
		{"21/TB-UBND", "TB", "UBND", "Thông báo", ""},
		// The date the village carried it out, not the decision's.
		{"12/QĐ-UBND", "QĐ", "UBND", "Quyết định", ""},
		// A deadline, not the date of issue.
		{"13/QĐ-UBND", "QĐ", "UBND", "Quyết định", ""},
		// The date written after the number is the document's.
		{"14/QĐ-UBND", "QĐ", "UBND", "Quyết định", "10/6/2024"},
		// "Mã số 99/AB-CD" names no document type: not a document.
		{"8/UBND-VP", "TTr", "UBND", "Tờ trình", ""},
	}
	var got []doc
	for _, d := range a.Documents {
		got = append(got, doc{d.ID, d.Type, d.Issuer, d.TypeName, d.Date})
	}
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w doc
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("document %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestTypeBefore(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Theo Công văn số ", "Công văn"},
		{"Theo Công văn ", "Công văn"},
		{"(Tờ trình số ", "Tờ trình"},
		{"Thực hiện Chương trình hành động số ", "Chương trình"},
		{"thực hiện Kế hoạch triển khai Đề án số ", "Đề án"},
		{"Mã số ", ""},
		{"Theo số ", ""},
		{"Công văn của UBND xã về việc ", ""},
	}
	for _, tt := range tests {
		got, _ := typeBefore(tt.text)
		if got[1] != tt.want {
			t.Errorf("typeBefore(%q) = %q, want %q", tt.text, got[1], tt.want)
		}
	}
}
