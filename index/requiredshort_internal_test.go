package index

import (
	"slices"
	"testing"
)

// shortCityPage is a synthetic city page (invented city, ward and
// figures) whose city the glossary of its content directory shortens.
const shortCityPage = `synthetic: true
source: https://tanlockhe.example.invalid/tin-tuc/phu-lam
title: Thành phố Tân Lộc Khê khánh thành trụ sở phường Phú Lâm

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Ủy ban nhân dân thành phố Tân Lộc Khê vừa khánh thành trụ sở mới của phường Phú Lâm tại số 12 đường Bến Đá.

Phường Khánh Mộc thuộc TP TLK có hơn 45.600 người, mật độ dân số 87.692 người/km2.
`

// TestRequiredNameShortForms: a name the answer must hold is held as the
// glossary's short form of it too, in a question of either language: "Ho
// Chi Minh City" asked over a page that writes "TP HCM".
func TestRequiredNameShortForms(t *testing.T) {
	ix := loadedIndex(t, map[string]string{
		"abbreviations.tsv": "TLK\tTân Lộc Khê\n",
		"phuong.txt":        shortCityPage,
	})
	for _, q := range []string{
		"What is the population density of Khanh Moc ward in Tan Loc Khe City?",
		"Mật độ dân số phường Khánh Mộc thành phố Tân Lộc Khê là bao nhiêu?",
	} {
		pq := ix.parse(q)
		found := false
		for _, r := range pq.required {
			if slices.ContainsFunc(r, func(a []string) bool { return slices.Equal(a, []string{"tan", "loc", "khe"}) }) {
				found = slices.ContainsFunc(r, func(a []string) bool { return slices.Equal(a, []string{"tlk"}) })
			}
		}
		if !found {
			t.Errorf("%q: required %v, want Tân Lộc Khê named by TLK too", q, pq.required)
		}
	}
}
