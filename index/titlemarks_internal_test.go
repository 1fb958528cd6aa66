package index

import (
	"strings"
	"testing"
)

// TestTitleMarks: a syllable that folds as a title is no title where the
// question types it with other marks than the title's ("Hội truyền thống
// Trường Sơn": a name, no "Trưởng") or where it names a place the
// question requires ("thôn Chanh", no "Chánh"); typed with the title's
// marks, or with none, it is the title as before. Synthetic pages: every
// name, place and figure is invented.
func TestTitleMarks(t *testing.T) {
	ix := loadedIndex(t, map[string]string{
		"hoi.txt": `synthetic: true
title: Hội truyền thống Trường Sơn phường Mẫu Lâm tổ chức Đại hội lần thứ nhất

Synthetic article: every name, place and figure below is invented for tests.

Hội truyền thống Trường Sơn phường Mẫu Lâm vừa tổ chức Đại hội lần thứ nhất, nhiệm kỳ 2024 - 2029.

Đại hội đã bầu 7 đồng chí vào Ban chấp hành khóa 1 do đ/c Lê Văn Thử làm chủ tịch.
`,
		"thon.txt": `synthetic: true
title: Đính chính tên thôn mới sau sáp nhập ở xã Giả Định

Synthetic article: every name, place and figure below is invented for tests.

Xã Giả Định: Sáp nhập thôn Chanh với thôn Vạn để thành lập mới thôn Vạn Chanh, nay đính chính là thành lập mới thôn Chanh Vạn.
`,
	})
	for _, tt := range []struct {
		q      string
		titles []string // the titles asked or named, folded, first spelling
	}{
		{"Ai làm chủ tịch Hội truyền thống Trường Sơn phường Mẫu Lâm khóa 1?", []string{"chu tich"}},
		{"BCH khóa 1 Hội truyền thống Trường Sơn phường Mẫu Lâm có mấy đồng chí?", nil},
		{"Thôn mới sáp nhập từ thôn Chanh và thôn Vạn ở xã Giả Định được đính chính tên là gì?", nil},
		{"Trưởng phòng Nội vụ là ai?", []string{"truong"}},
		{"truong phong noi vu la ai", []string{"truong"}},
		{"Hiệu trưởng Trường THPT Mẫu Lâm là ai?", []string{"hieu truong"}},
		{"Chánh văn phòng UBND xã Giả Định là ai?", []string{"chanh"}},
	} {
		pq := ix.parse(tt.q)
		var got []string
		for _, ts := range append(pq.titles, pq.offices...) {
			got = append(got, strings.Join(ts[0], " "))
		}
		if strings.Join(got, ",") != strings.Join(tt.titles, ",") {
			t.Errorf("%q: titles %q, want %q", tt.q, got, tt.titles)
		}
	}
	assertTop(t, ix, []topCase{
		{"Ai làm chủ tịch Hội truyền thống Trường Sơn phường Mẫu Lâm khóa 1?", "Lê Văn Thử"},
		{"BCH khóa 1 Hội truyền thống Trường Sơn phường Mẫu Lâm có mấy đồng chí?", "7 đồng chí"},
		{"Thôn mới sáp nhập từ thôn Chanh và thôn Vạn ở xã Giả Định được đính chính tên là gì?", "thôn Chanh Vạn"},
	})
}
