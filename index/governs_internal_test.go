package index

import (
	"reflect"
	"strings"
	"testing"
)

// TestPlaceMentions: the places a text names with their kind, in either
// language's order, with a numbered name's number, and whether a locative
// makes one a setting (synthetic names).
func TestPlaceMentions(t *testing.T) {
	type m struct {
		name     string
		locative bool
	}
	for _, tt := range []struct {
		text string
		want []m
	}{
		{"Huyện Khê Sơn có diện tích 412,5 km².", []m{{"khe son", false}}},
		{"P.Khê Thượng (mới) sử dụng trụ sở của UBND P.Vân Hà (tại số 5 Hai Bà).", []m{{"khe thuong", false}, {"van ha", false}}},
		{"Location of the office of Khe Son Ward 1 Administrative Unit", []m{{"khe son 1", false}}},
		{"the office of Khe Son 2 Ward is", []m{{"khe son 2", false}}},
		{"The ward's seat is at Van Ha ward", []m{{"van ha", true}}},
		{"in Van Ha province, the share reached 97%", []m{{"van ha", false}}},
		{"đi học ở thành phố Khê Sơn và thành phố Vân Hà, xã Thạch Lĩnh có 5 thôn", []m{{"khe son", true}, {"van ha", true}, {"thach linh", false}}},
		{"sáp nhập 3 xã: Khê Sơn, Vân Hà", nil},
		{"Chủ tịch UBND tỉnh Thứ Sáu 08/3/2024", nil},
		{"Phường Quán Thánh có 9 tổ dân phố", []m{{"quan thanh", false}}},
		{"phuong quan thanh", nil},
	} {
		var got []m
		for _, p := range placeMentions(tt.text) {
			name := ""
			for i, w := range p.name {
				if i > 0 {
					name += " "
				}
				name += w
			}
			got = append(got, m{name, p.locative})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("placeMentions(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBeforeLocative(t *testing.T) {
	for text, want := range map[string]string{
		"Trụ sở được đặt tại thành phố Khê Sơn, thuộc tỉnh Vân Hà": "Trụ sở được đặt ",
		"Huyện Khê Sơn có 5 xã":        "Huyện Khê Sơn có 5 xã",
		"It is located at Van Ha ward": "It is located ",
	} {
		if got := beforeLocative(text); got != want {
			t.Errorf("beforeLocative(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestPartKinds(t *testing.T) {
	bit := func(names ...string) uint32 {
		var b uint32
		for _, n := range names {
			for k, p := range placeKindNames {
				if strings.Join(p, " ") == n {
					b |= 1 << k
				}
			}
		}
		return b
	}
	for _, tt := range []struct {
		asked      string
		has, hasNo []string
	}{
		{"tinh", []string{"thanh pho", "huyen", "xa", "thon"}, nil},
		{"huyen", []string{"thanh pho", "quan", "xa", "thon"}, []string{"tinh"}},
		{"xa", []string{"phuong", "thi tran", "thon"}, []string{"tinh", "huyen", "thanh pho"}},
		// A city is a province's level or a district's: a province beside
		// it is another place too.
		{"thanh pho", []string{"tinh", "huyen", "phuong"}, nil},
	} {
		got := partKinds(bit(tt.asked))
		for _, k := range tt.has {
			if got&bit(k) == 0 {
				t.Errorf("partKinds(%s) lacks %s", tt.asked, k)
			}
		}
		for _, k := range tt.hasNo {
			if got&bit(k) != 0 {
				t.Errorf("partKinds(%s) holds %s", tt.asked, k)
			}
		}
	}
}
