package content

import (
	"context"
	"reflect"
	"testing"
	"testing/fstest"
)

func TestDefaultGlossary(t *testing.T) {
	g, err := defaultGlossary()
	if err != nil {
		t.Fatal(err)
	}
	abbrevs := map[string]string{
		"UBND":         "Ủy ban nhân dân",
		"HĐND":         "Hội đồng nhân dân",
		"TDP":          "tổ dân phố",
		"NQ":           "Nghị quyết",
		"TW":           "Trung ương",
		"KL":           "Kết luận",
		"TU":           "Tỉnh ủy",
		"ThU":          "Thị ủy",
		"KH":           "Kế hoạch",
		"CTr":          "Chương trình",
		"BDCT":         "Bồi dưỡng Chính trị",
		"VH-TT&DL":     "Văn hóa - Thể thao và Du lịch",
		"VHTT - TT&DL": "Văn hóa Thông tin - Thể thao và Du lịch",
		"TT-TH":        "Truyền thanh - Truyền hình",
		"GDNN":         "Giáo dục nghề nghiệp",
		"MTTQ":         "Mặt trận Tổ quốc",
		"BCH":          "Ban Chấp hành",
		"BTV":          "Ban Thường vụ",
		"CB CC VC":     "cán bộ, công chức, viên chức",
		"KT-XH":        "kinh tế - xã hội",
		"ubnd":         "Ủy ban nhân dân", // case does not matter
	}
	for short, want := range abbrevs {
		if got := g.Expand(short); len(got) == 0 || got[0] != want {
			t.Errorf("Expand(%q) = %q, want %q first", short, got, want)
		}
	}
	english := map[string]string{
		"ward": "phường", "commune": "xã", "village": "thôn", "residential group": "tổ dân phố",
		"merge": "sáp nhập", "people's committee": "Ủy ban nhân dân", "phone": "điện thoại",
		"address": "địa chỉ", "resolution": "nghị quyết", "conclusion": "kết luận", "town": "thị xã",
		"joint stock company": "công ty cổ phần", "association": "hội", "convert": "chuyển đổi",
	}
	have := map[string][]string{}
	for _, term := range g.English {
		have[term.Short] = term.Long
	}
	for en, vi := range english {
		if got := have[en]; len(got) == 0 || got[0] != vi {
			t.Errorf("English %q = %q, want %q first", en, got, vi)
		}
	}
}

func TestGlossaryFromContentDir(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt": {Data: []byte(goodArticle)},
		"abbreviations.tsv": {Data: []byte("# synthetic test glossary\n" +
			"UBND\tỦy ban nhân dân|Ủy ban\n" + // overrides the default
			"TNx\tThử Nghiệm xã\n" + // new
			"broken line without a tab\n")},
		"english.tsv": {Data: []byte("test village\tthôn Thử Nghiệm\n")},
	}
	c, err := Load(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	def, _ := defaultGlossary()
	if got, want := len(c.Glossary.Abbreviations), len(def.Abbreviations)+1; got != want {
		t.Errorf("got %d abbreviations, want %d", got, want)
	}
	if got, want := c.Glossary.Expand("UBND"), []string{"Ủy ban nhân dân", "Ủy ban"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Expand(UBND) = %q, want %q", got, want)
	}
	if got, want := c.Glossary.Expand("TNx"), []string{"Thử Nghiệm xã"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Expand(TNx) = %q, want %q", got, want)
	}
	if last := c.Glossary.English[len(c.Glossary.English)-1]; last.Short != "test village" {
		t.Errorf("last English term = %+v, want the content dir's", last)
	}
	if len(c.Problems) != 1 || c.Problems[0].Path != "abbreviations.tsv" || c.Problems[0].Fatal {
		t.Errorf("problems = %v, want one warning for the broken line", c.Problems)
	}
	// "TƯ" (Trung ương) and "TU" (Tỉnh ủy) are different terms.
	if got := c.Glossary.Expand("TƯ"); len(got) == 0 || got[0] != "Trung ương" {
		t.Errorf("Expand(TƯ) = %q", got)
	}
}
