package index_test

import "testing"

// hcmcWardsNews is a synthetic English news page (invented wards and
// figures) in the shape of the national press's English editions: the
// city written as "HCMC", never "Hồ Chí Minh", and the province's public
// service units named in English.
const hcmcWardsNews = `synthetic: true
source: https://news.example.invalid/hcmc-new-wards-2027
title: HCMC's new wards start work

Synthetic article: every name and figure below is invented.

HCMC's 17 newly merged wards began operations on March 3, the first working day after the merger of 35 previous wards.

Residents queued at the new ward headquarters from early morning.

By the end of 2026 the province had reduced 73 public service units, leaving 912 units.
`

// hcmcConference is a synthetic Vietnamese page naming the city in
// Vietnamese and another city, so both names are ones the corpus writes.
const hcmcConference = `synthetic: true
source: https://portal.example.invalid/tin-tuc/hoi-nghi-2027
title: Hội nghị cán bộ TP.HCM và Đà Nẵng năm 2027

Bài viết thử nghiệm (synthetic): mọi tên người, địa danh và số liệu dưới đây đều hư cấu.

Ngày 12/4, Thành ủy Thành phố Hồ Chí Minh tổ chức hội nghị cán bộ chủ chốt với đoàn công tác của thành phố Đà Nẵng.

Hội nghị có 240 đại biểu tham dự.
`

// TestNamesAcrossLanguages: a Vietnamese question naming a place or a
// body the glossary renders in English ("TP.HCM", "đơn vị sự nghiệp
// công lập") is answered by an English page naming it so, and a place
// the page does not name is still declined.
func TestNamesAcrossLanguages(t *testing.T) {
	ix := pageIndex(t, map[string]string{"hcmc.txt": hcmcWardsNews, "conference.txt": hcmcConference})
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"17 phường mới sáp nhập của TP.HCM bắt đầu hoạt động từ ngày nào?", "March 3"},
		{"Tỉnh đã giảm bao nhiêu đơn vị sự nghiệp công lập?", "73 public service units"},
		{"17 phường mới sáp nhập của Đà Nẵng bắt đầu hoạt động từ ngày nào?", ""},
	})
}
