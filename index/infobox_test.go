package index_test

import "testing"

// boxPage is a synthetic ward page (invented places, people and figures)
// in the shape of an encyclopedia's: a side box whose values the scraper
// ran into their labels, then the lead, then the text.
func boxPage(ward, city, seat, chair, founded, area, postcode, groups string) string {
	return `synthetic: true
source: https://www.example.invalid/wiki/` + ward + `
title: ` + ward + `

` + ward + `
Phường
Phường ` + ward + `
Hành chính
Quốc gia Việt Nam
TỉnhHà Thử
Thành phố` + city + `
Trụ sở UBND` + seat + `
Chủ tịch UBND` + chair + `
Thành lập` + founded + `[1]
Diện tích` + area + `[2]
Mã bưu chính` + postcode + `

` + ward + ` là một phường thuộc thành phố ` + city + `, tỉnh Hà Thử, Việt Nam (bài thử nghiệm, synthetic).

Phường ` + ward + ` được chia thành ` + groups + ` tổ dân phố.
`
}

// TestInfoboxFields: each field of a ward's side box answers for that
// ward, and for no other: the rows know their page's ward and city.
func TestInfoboxFields(t *testing.T) {
	ix := pageIndex(t, map[string]string{
		"mau-son.txt":  boxPage("Mẫu Sơn", "Thử Nghiệm", "Ngõ Hư Cấu, tổ dân phố Mẫu", "Nguyễn Văn Mẫu", "3/4/2005", "5,67 km²", "999001", "14"),
		"gia-dinh.txt": boxPage("Giả Định", "Thử Nghiệm", "Ấp 7", "Trần Thị Thử", "9/10/1997", "2,34 km²", "999002", "11"),
	})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Mã bưu chính của phường Mẫu Sơn, thành phố Thử Nghiệm là gì?", "999001"},
		{"ma buu chinh phuong gia dinh", "999002"},
		{"Phường Giả Định thành lập ngày nào?", "9/10/1997"},
		{"Trụ sở UBND phường Mẫu Sơn ở đâu?", "Ngõ Hư Cấu, tổ dân phố Mẫu"},
		{"Chủ tịch UBND phường Giả Định là ai?", "Trần Thị Thử"},
		{"diện tích phường mẫu sơn là bao nhiêu", "5,67 km²"},
		{"Phường Mẫu Sơn (thành phố Thử Nghiệm) có bao nhiêu tổ dân phố?", "14 tổ dân phố"},
		// Neighbours: a ward no page has, the deputy the box does not name.
		{"Mã bưu chính của phường Lâm Hà là gì?", ""},
		{"Phó Chủ tịch UBND phường Giả Định là ai?", ""},
	})
}

// TestInfoboxOfficeContacts: a district's side box gives its phone and
// fax with no body beside them: they are its People's Committee's, as a
// contact block's are its office's; another body's number is not there.
func TestInfoboxOfficeContacts(t *testing.T) {
	page := `synthetic: true
source: https://www.example.invalid/wiki/Mau_Thu
title: Mẫu Thử

Mẫu Thử
Huyện
Huyện Mẫu Thử
Hành chính
Quốc gia Việt Nam
TỉnhHà Thử
Huyện lỵThị trấn Mẫu Thử
Diện tích550 km²[2]
Mã hành chính999[3]
Số điện thoại0000.3.830.111
Số fax0000.3.830.222
Websitemauthu.example.invalid

Mẫu Thử là một huyện thuộc tỉnh Hà Thử, Việt Nam (bài thử nghiệm, synthetic).

Huyện Mẫu Thử có 17 đơn vị hành chính cấp xã trực thuộc.
`
	ix := pageIndex(t, map[string]string{"mau-thu.txt": page})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Số điện thoại UBND huyện Mẫu Thử là bao nhiêu?", "0000.3.830.111"},
		// Neighbours: another body's number, a district no page has.
		{"Số điện thoại Công an huyện Mẫu Thử là bao nhiêu?", ""},
		{"Số fax của UBND huyện Lâm Hà?", ""},
	})
}
