package index_test

import "testing"

// Three synthetic pages (invented district, wards, documents and dates)
// in the shapes of the near facts of the real rounds (docs/quality.md,
// round 11): a schedule whose introduction states only the year, a
// merger list naming each new ward in turn, and a ward's history citing
// a decree and a resolution. They are loaded as one corpus, as the
// measures were taken.
const (
	dayPage = `synthetic: true
source: https://www.example.invalid/lich-tiep-cong-dan-2024
title: Lịch tiếp công dân của Chủ tịch UBND huyện Mộc Sơn năm 2024

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Ủy ban nhân dân huyện thông báo lịch tiếp công dân của Chủ tịch UBND huyện Mộc Sơn năm 2024, cụ thể như sau:

- Thứ Ba 06/02/2024 Chủ tịch Ủy ban nhân dân huyện
- Thứ Tư 10/4/2024 Chủ tịch Ủy ban nhân dân huyện
- Thứ Sáu 08/11/2024 Chủ tịch Ủy ban nhân dân huyện
`
	wardsPage = `synthetic: true
source: https://www.example.invalid/sap-xep-phuong-song-may
title: Thị xã Sông Mây sắp xếp các phường

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Thành lập phường Sông Mây mới trên cơ sở nhập toàn bộ diện tích, quy mô dân số của các phường: 1, 2, 3, Bến Đá (thị xã Sông Mây).

Thành lập phường Hòa Lạc trên cơ sở nhập toàn bộ diện tích, quy mô dân số của các phường: 4, Cây Gạo (thị xã Sông Mây).
`
	decreePage = `synthetic: true
source: https://www.example.invalid/phuong-hoa-lac
title: Phường Hòa Lạc, thị xã Sông Mây

Bài viết thử nghiệm (synthetic): mọi tên địa danh và số liệu dưới đây đều hư cấu.

Ngày 9 tháng 4 năm 2007, Chính phủ ban hành Nghị định số 45/2007/NĐ-CP về việc thành lập phường Hòa Lạc trên cơ sở điều chỉnh 600 ha diện tích tự nhiên của xã Đồng Sậy.

Ngày 10 tháng 4 năm 2015, Ủy ban Thường vụ Quốc hội ban hành Nghị quyết số 812/NQ-UBTVQH13 về việc thành lập thị xã Sông Mây và phường Hòa Lạc trực thuộc thị xã Sông Mây.
`
)

func nearPages(t *testing.T) map[string]string {
	t.Helper()
	return map[string]string{"lich.txt": dayPage, "phuong.txt": wardsPage, "nghidinh.txt": decreePage}
}

// TestDayAskedNotYear: "vào ngày nào" asks a day; the schedule's
// introduction ("… năm 2024, cụ thể như sau:") states only the year and
// shares the most words, and answers when a year counts as the date
// asked. The row giving the day answers.
func TestDayAskedNotYear(t *testing.T) {
	ix := pageIndex(t, nearPages(t))
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Tháng 4 năm 2024, Chủ tịch UBND huyện Mộc Sơn tiếp công dân vào ngày nào?", "10/4/2024"},
	})
}

// TestWhichNotAnotherPlace: "phường A … gồm những phường nào" is not
// answered by the next sentence of the list, which names another ward
// of the same kind (phường B) and not A, where the best sentence names A
// (whichFirst moved it up before; see which_test.go for the move it
// must still make).
func TestWhichNotAnotherPlace(t *testing.T) {
	ix := pageIndex(t, nearPages(t))
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"Phường Sông Mây mới được thành lập trên cơ sở nhập những phường nào?", "1, 2, 3, Bến Đá"},
		{"phuong song may moi duoc thanh lap tren co so nhap nhung phuong nao", "1, 2, 3, Bến Đá"},
	})
}

// TestDocTypeAsked: "theo nghị định nào" is answered by the sentence
// citing a decree, not by the one citing a resolution that shares more
// of the question's words (which answers when any document counts).
func TestDocTypeAsked(t *testing.T) {
	ix := pageIndex(t, nearPages(t))
	checkAnswerOrDecline(t, ix, []answerOrDecline{
		{"phuong hoa lac thi xa song may duoc thanh lap theo nghi dinh nao", "45/2007/NĐ-CP"},
	})
}
