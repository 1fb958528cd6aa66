package content

import "testing"

// TestAskedDayAndDoc: "ngày nào" asks a date to the day, "năm nào" does
// not; "theo nghị định nào" asks a decree, keyed as the lexicon keys it.
func TestAskedDayAndDoc(t *testing.T) {
	tests := []struct {
		q   string
		day bool
		doc string
	}{
		{"Nghị quyết 21 được ban hành ngày nào?", true, ""},
		{"lich tiep dan thang 2/2024 la ngay may", true, ""},
		{"Tỉnh Hà Nam Ninh được thành lập năm nào?", false, ""},
		{"khi nao nghi quyet co hieu luc", false, ""},
		{"phuong tan binh duoc thanh lap theo nghi dinh nao", false, "nd"},
		{"Trung tâm được thành lập theo quyết định số mấy?", false, "qd"},
		{"Theo văn bản nào?", false, ""},
	}
	for _, tt := range tests {
		var day bool
		doc := ""
		for _, a := range AskedTypes(tt.q) {
			day = day || a.Type == ValueDate && a.Day
			if a.Type == ValueDocument {
				doc = a.Doc
			}
		}
		if day != tt.day || doc != tt.doc {
			t.Errorf("%q: day %v doc %q, want %v %q", tt.q, day, doc, tt.day, tt.doc)
		}
	}
}

// TestValueHasDay: a year, a month or a quarter names no day.
func TestValueHasDay(t *testing.T) {
	tests := map[string]bool{
		"ngày 20 tháng 7 năm 2019": true, "01/7/2025": true, "Ngày 25-8": true, "August 15, 2025": true,
		"năm 2019": false, "tháng 7/2025": false, "tháng 7 năm 2025": false, "quý II/2024": false, "July 2025": false,
	}
	for text, want := range tests {
		vs := Values(text)
		if len(vs) != 1 || vs[0].Type != ValueDate {
			t.Fatalf("%q: values %v, want one date", text, vs)
		}
		if got := vs[0].HasDay(); got != want {
			t.Errorf("%q: HasDay %v, want %v", text, got, want)
		}
	}
	if (Value{Type: ValueCount, Text: "12"}).HasDay() {
		t.Error("a count has a day")
	}
	day := Asked{Type: ValueDate, Day: true}
	if Answers([]Asked{day}, Value{Type: ValueDate, Text: "năm 2019"}) || !Answers([]Asked{day}, Value{Type: ValueDate, Text: "20/7/2019"}) {
		t.Error("a day asked: a year answers or a day does not")
	}
}
