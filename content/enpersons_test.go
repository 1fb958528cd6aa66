package content

import "testing"

// Synthetic sentences with invented names, in the shapes English pages
// write: honorific, name then title, title then name, a street.
func TestEnglishPersons(t *testing.T) {
	for _, c := range []struct {
		text, name, title string
	}{
		{"The meeting was chaired by Mr. Pham Van Thu, Vice Chairman of the Provincial People's Committee.", "Pham Van Thu", "Phó chủ tịch"},
		{"According to Dang Thi Mau, Secretary of the Party Committee of the commune, plans are approved.", "Dang Thi Mau", "Bí thư"},
		{"Chairman of the City People's Committee, Tran Van Kiem, has issued the decision.", "Tran Van Kiem", "Chủ tịch"},
		{"Ms. Le Thi Hoa said the centre opens on Saturdays.", "Le Thi Hoa", ""},
		{"Deputy Director of the Centre Nguyen Van Binh said so.", "Nguyen Van Binh", "Phó giám đốc"},
		{"Ngụy Thế Bình, Deputy Director of the centre, said the facility is open.", "Ngụy Thế Bình", "Phó giám đốc"},
		{"The centre is located at 12 Nguyen Van Thu Street, near the Chairman's office.", "", ""},
	} {
		var got []Value
		for _, v := range Values(c.text) {
			if v.Type == ValuePerson {
				got = append(got, v)
			}
		}
		if c.name == "" {
			if len(got) > 0 {
				t.Errorf("%q: persons %v, want none", c.text, got)
			}
			continue
		}
		if len(got) != 1 || got[0].Text != c.name || got[0].Noun != c.title {
			t.Errorf("%q: persons %+v, want %q titled %q", c.text, got, c.name, c.title)
		}
	}
}

// A side box's field labelled with a post names a person whatever the
// surname (synthetic, invented name).
func TestLabelledPersonAnySurname(t *testing.T) {
	var got []Value
	for _, v := range Values("Bí thư Tỉnh ủy: Chẩu Văn Thử") {
		if v.Type == ValuePerson {
			got = append(got, v)
		}
	}
	if len(got) != 1 || got[0].Text != "Chẩu Văn Thử" || got[0].Noun != "Bí thư Tỉnh ủy" {
		t.Errorf("persons %+v, want Chẩu Văn Thử titled Bí thư Tỉnh ủy", got)
	}
	for _, v := range Values("Địa chỉ: Chẩu Văn Thử") {
		if v.Type == ValuePerson {
			t.Errorf("an address label names no person: %+v", v)
		}
	}
}
