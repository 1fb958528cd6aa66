package index

import (
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// Synthetic pages in the shapes the real-page rounds missed (invented
// places, names and numbers; every page is marked synthetic): each case is
// a mechanism kept under test without any real page's text.

// shapeIndex parses the synthetic pages (text format) into one index.
func shapeIndex(t *testing.T, pages map[string]string) *Index {
	t.Helper()
	c := &content.Corpus{}
	for name, text := range pages {
		a, _, err := content.Parse(name, []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		c.Articles = append(c.Articles, a)
	}
	return mustBuild(t, c)
}

// shapeFillers are synthetic pages of the same vocabulary, so that rarity
// weighs as it does in a corpus.
var shapeFillers = map[string]string{
	"filler-1.txt": "title: Tỉnh Giả Lập sắp xếp đơn vị hành chính (synthetic)\nsynthetic: true\n\n" +
		"Tỉnh Giả Lập có 90 xã, phường sau sắp xếp, giảm 40 đơn vị hành chính cấp xã.\n\n" +
		"Giai đoạn 2019-2020 tỉnh Giả Lập sáp nhập 300 thôn, tổ dân phố.\n",
	"filler-2.txt": "title: Huyện Mô Phỏng hợp nhất cơ quan (synthetic)\nsynthetic: true\n\n" +
		"Huyện Mô Phỏng hợp nhất 2 phòng chuyên môn theo Nghị quyết số 7/NQ-HĐND.\n\n" +
		"Sau sắp xếp, huyện còn 12 xã và 2 thị trấn.\n",
}

func withFillers(pages map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range shapeFillers {
		out[k] = v
	}
	for k, v := range pages {
		out[k] = v
	}
	return out
}

// TestWindowTypedCount: the sentence stating the count asked for reads
// with the sentence before it, which names the province and the period,
// even though that sentence holds numbers of its own (a period, a
// resolution's number) — it states no count of the noun asked.
func TestWindowTypedCount(t *testing.T) {
	ix := shapeIndex(t, withFillers(map[string]string{
		"mau-thu.txt": "title: Kết quả 8 năm thực hiện nghị quyết (synthetic)\nsynthetic: true\n\n" +
			"Giai đoạn 2022-2024 thực hiện theo Nghị quyết số 1234/NQ-UBTVQH15, tỉnh Mẫu Thử tiếp tục sắp xếp đơn vị hành chính cấp huyện, cấp xã. " +
			"Kết quả từ 150 xã, phường, thị trấn giảm xuống còn 98 đơn vị hành chính (trong đó 81 xã, 12 phường và 5 thị trấn).\n",
	}))
	assertAnswers(t, ix, []answerCase{
		{"unaccented", "mau thu sau sap xep 2022-2024 con bao nhieu xa phuong thi tran", "98 đơn vị hành chính"},
	}, false)
}

// TestEnglishAddressAndDayMonth: a "where" question over an English page
// is answered by the sentence giving the street, not by the sentences that
// only name the centre; "ngày nào" by the sentence dated "Ngày 28-4".
func TestEnglishAddressAndDayMonth(t *testing.T) {
	ix := shapeIndex(t, withFillers(map[string]string{
		"en-centre.txt": "title: Hypothetical City opens its Public Service Centre (synthetic)\nsynthetic: true\n\n" +
			"The Hypothetical City Public Service Centre was designed as a one-stop hub for administrative procedures.\n\n" +
			"Deputy director of the Hypothetical City Public Service Centre Tran Van Mau said the centre serves all wards.\n\n" +
			"From Monday all reception activities moved to the Hypothetical City Public Service Centre at 43 Mau Thu Street.\n",
		"nghi-quyet.txt": "title: HĐND tỉnh Mẫu Đơn thông qua chủ trương sắp xếp (synthetic)\nsynthetic: true\n\n" +
			"Sáng 12/5, HĐND tỉnh Giả Lập họp kỳ họp chuyên đề, thông qua nghị quyết về chủ trương sắp xếp các xã.\n\n" +
			"Ngày 28-4, HĐND tỉnh Mẫu Đơn thông qua nghị quyết về chủ trương sắp xếp đơn vị hành chính cấp xã của tỉnh.\n",
	}))
	assertAnswers(t, ix, []answerCase{
		{"english where", "Where is the Hypothetical City Public Service Centre located?", "43 Mau Thu Street"},
		{"day and month", "hdnd tinh mau don thong qua nghi quyet chu truong sap xep xa ngay nao", "Ngày 28-4"},
	}, false)
}

// TestTableRowReadsWithIntro: a table's rows name neither the office nor
// whose schedule they are; each reads with the sentences introducing the
// table, and the row of the month asked answers — for a table of cells
// split by "|" and for one flattened one cell a line.
func TestTableRowReadsWithIntro(t *testing.T) {
	intro := "Lịch tiếp công dân năm 2025 (synthetic)\nsynthetic: true\n\n" +
		"Căn cứ Luật tiếp công dân số 99/2099/QH99 ngày 01/01/2099 về tiếp công dân tại xã.\n\n" +
		"Chủ tịch UBND xã Mẫu Thử trực tiếp tiếp công dân định kỳ vào thứ 5 hàng tuần tại trụ sở UBND xã.\n\n" +
		"Cụ thể:\n\n"
	ix := shapeIndex(t, withFillers(map[string]string{
		"pipe.txt": "title: " + intro +
			"Tháng | Người tiếp công dân | Chức vụ | Ngày tiếp công dân |\n" +
			"Tháng 8 | Lê Văn Giả | Chủ tịch | Ngày 07; 14; 21 (Thứ 5) |\n" +
			"Tháng 9 | Lê Văn Giả | Chủ tịch | Ngày 04; 11; 18 (Thứ 5) |\n" +
			"Tháng 10 | Lê Văn Giả | Chủ tịch | Ngày 02; 09; 16 (Thứ 5) |\n",
		"flat.txt": "title: " + strings.ReplaceAll(intro, "Mẫu Thử", "Hư Cấu") +
			"TT\nTháng\nNgười tiếp công dân\nChức vụ\nNgày tiếp công dân\n" +
			"1.\nTháng 8\nTrần Thị Giả\nChủ tịch\nNgày 05; 12; 19 (Thứ 5)\n" +
			"2.\nTháng 9\nTrần Thị Giả\nChủ tịch\nNgày 03; 10; 17 (Thứ 5)\n" +
			"3.\nTháng 10\nTrần Thị Giả\nChủ tịch\nNgày 01; 08; 15 (Thứ 5)\n",
	}))
	assertAnswers(t, ix, []answerCase{
		{"pipe table", "chu tich xa mau thu tiep dan thang 9 vao nhung ngay nao", "Ngày 04; 11; 18"},
		{"flattened table", "chủ tịch xã Hư Cấu tiếp dân tháng 9 những ngày nào", "Ngày 03; 10; 17"},
	}, false)
}

// TestDistanceAsked: "bao xa", "how far" ask for a length, and the sentence
// that states one ("cách thành phố 18 km") answers, not the one that names
// the same places with an area or a count.
func TestDistanceAsked(t *testing.T) {
	ix := shapeIndex(t, withFillers(map[string]string{
		"huyen-mau.txt": "title: Giới thiệu huyện Mẫu Lâm (synthetic)\nsynthetic: true\n\n" +
			"Huyện Mẫu Lâm thuộc tỉnh Giả Lập có diện tích 512,4 km², gồm 14 xã và 1 thị trấn, huyện lỵ là thị trấn Mẫu Lâm.\n\n" +
			"Thị trấn Mẫu Lâm nằm bên quốc lộ, cách thành phố Giả Lập 18 km về phía tây.\n",
	}))
	assertAnswers(t, ix, []answerCase{
		{"bao xa", "thi tran mau lam cach thanh pho gia lap bao xa", "18 km"},
		{"how far", "How far is Mau Lam town from Gia Lap city?", "18 km"},
	}, false)
}
