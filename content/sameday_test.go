package content

import (
	"reflect"
	"testing"
)

// TestSameDayDocuments: a document issued "cùng ngày" has the date of the
// document cited before it in the paragraph; nothing else gets it.
func TestSameDayDocuments(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  map[string]string // ID → date
	}{
		{"same day",
			[]string{"Ngày 15/7/2024, UBND xã Thử Nghiệm ban hành Quyết định số 10/QĐ-UBND về việc thử. Cùng ngày, UBND xã ban hành Quyết định số 11/QĐ-UBND bổ nhiệm bà Lê Thị Mẫu."},
			map[string]string{"10/QĐ-UBND": "15/7/2024", "11/QĐ-UBND": "15/7/2024"}},
		{"same day, other wording",
			[]string{"Chủ tịch UBND xã ký Quyết định số 12/QĐ-UBND ngày 02/8/2024 về việc thử. Cũng trong ngày, Chủ tịch UBND xã đã ký Quyết định số 13/QĐ-UBND."},
			map[string]string{"12/QĐ-UBND": "02/8/2024", "13/QĐ-UBND": "02/8/2024"}},
		// The day before a paragraph break is not "the same day".
		{"other paragraph",
			[]string{"Ngày 15/7/2024, UBND xã ban hành Quyết định số 10/QĐ-UBND.", "Cùng ngày, UBND xã ban hành Quyết định số 11/QĐ-UBND."},
			map[string]string{"10/QĐ-UBND": "15/7/2024", "11/QĐ-UBND": ""}},
		// "cùng ngày" elsewhere in the sentence dates no issuing.
		{"not an opening",
			[]string{"Ngày 15/7/2024, UBND xã ban hành Quyết định số 10/QĐ-UBND. Hội nghị họp cùng ngày và thảo luận Kế hoạch số 14/KH-UBND."},
			map[string]string{"10/QĐ-UBND": "15/7/2024", "14/KH-UBND": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			for _, d := range findDocuments(tt.paras) {
				got[d.ID] = d.Date
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("dates = %v, want %v", got, tt.want)
			}
		})
	}
}
