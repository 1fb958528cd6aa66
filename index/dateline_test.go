package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dateLinePage is a synthetic legal text (invented province, number and
// date) as the law-text portals show one: the title, the header's lines,
// the number line, then the date line naming no document.
const dateLinePage = `synthetic: true
source: https://www.example.invalid/nghi-quyet-12-nq-hdnd-2019
title: Nghị quyết 12/NQ-HĐND năm 2019 về sắp xếp, sáp nhập thôn, tổ dân phố tỉnh Sông Mây

Bài viết thử nghiệm (synthetic): mọi tên địa danh, số hiệu và ngày tháng dưới đây đều hư cấu.

Nghị quyết 12/NQ-HĐND năm 2019 về sắp xếp, sáp nhập thôn, tổ dân phố tỉnh Sông Mây

HỘI ĐỒNG NHÂN DÂN
TỈNH SÔNG MÂY

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/NQ-HĐND

Sông Mây, ngày 5 tháng 3 năm 2019

NGHỊ QUYẾT

VỀ VIỆC SẮP XẾP, SÁP NHẬP THÔN, TỔ DÂN PHỐ

Điều 1. Sáp nhập 40 thôn thành 18 thôn trên địa bàn tỉnh.
`

// TestDateLineIsTheDocuments: "ban hành ngày nào" is answered by the
// header's date line, which cites the document of the number line above
// it; without that it is no candidate and the title answers, or nothing
// does. Loaded with the default article, as eval -with-default measures.
func TestDateLineIsTheDocuments(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "nq.txt"), []byte(dateLinePage), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := buildFitIndex(t, fitSet{name: "dateline", dirs: []string{dir, ""}})
	for _, q := range []string{"NQ 12 HĐND Sông Mây ban hành ngày nào", "nq 12/nq-hdnd song may ky ngay nao"} {
		res, err := ix.Search(context.Background(), q, Options{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Found || !strings.Contains(res.Hits[0].Text, "ngày 5 tháng 3 năm 2019") {
			t.Errorf("%q: found %v %v, want the date line", q, res.Found, res.Hits)
		}
	}
}

// groundsPage is a synthetic decision's page (invented province, number
// and dates): the grounds cite other documents with their dates and
// share the most words with a question about the decision; the sentence
// after them states when it was signed, without its number.
const groundsPage = `synthetic: true
source: https://www.example.invalid/quyet-dinh-207-phan-loai-thon
title: Quyết định 207/QĐ-UBND phân loại thôn, tổ dân phố tỉnh Sông Mây

Bài viết thử nghiệm (synthetic): mọi tên địa danh, số hiệu và ngày tháng dưới đây đều hư cấu.

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Thông tư số 04/2012/TT-BNV ngày 31 tháng 8 năm 2012 của Bộ Nội vụ hướng dẫn về phân loại thôn, tổ dân phố; UBND tỉnh Sông Mây quyết định phân loại thôn, tổ dân phố.

Quyết định được Chủ tịch UBND tỉnh ký ngày 5/3/2020, có hiệu lực kể từ ngày ký.

Theo Quyết định, toàn tỉnh có 120 thôn loại 1, 85 thôn loại 2 và 30 tổ dân phố loại 3.
`

// TestOtherDocumentsDate: "QĐ 207 … ký ngày nào" is not answered by the
// grounds, whose dates are the law's and the circular's they cite (they
// answer when any date counts), but by the sentence stating the date
// the decision was signed.
func TestOtherDocumentsDate(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "qd.txt"), []byte(groundsPage), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := buildFitIndex(t, fitSet{name: "grounds", dirs: []string{dir, ""}})
	q := "QĐ 207 về phân loại tổ dân phố Sông Mây được ký ngày nào"
	res, err := ix.Search(context.Background(), q, Options{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Found || !strings.Contains(res.Hits[0].Text, "5/3/2020") {
		t.Errorf("%q: found %v %v, want the sentence holding 5/3/2020", q, res.Found, res.Hits)
	}
}
