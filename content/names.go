package content

import (
	"strings"
	"sync"
)

// IsSurname reports whether word is one of the common Vietnamese family
// names however it is typed: "Nguyễn", "nguyễn" and "nguyen" all are. The
// bot's redaction uses it to tell a name typed in lower case ("tôi là
// nguyễn văn …") from other words.
func IsSurname(word string) bool { return foldedSurnames()[Fold(word)] }

// foldedSurnames holds the surnames folded. Built on first use: Fold's
// tables are filled by an init function, after package variables.
var foldedSurnames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(surnames))
	for _, s := range surnames {
		m[Fold(s)] = true
	}
	return m
})

// NamesPerson reports whether text names a person by a Vietnamese name
// written out: a surname, capitalised, then two or more capitalised
// syllables ("Nguyễn Xuân Hải", "Lò Văn Phương"), not after a kind of
// street, ward or city named for a person ("đường Trần Hưng Đạo",
// "phường Nguyễn Thái Bình", "TP Hồ Chí Minh"). A title or form of address
// beside it is not needed: "Chủ tịch Hội Nhà báo tỉnh Nguyễn Xuân Hải".
func NamesPerson(text string) bool {
	words := (&valueFinder{text: text}).cutWords()
	for k, w := range words {
		if !surnameSet[w.w] || streetBefore(text[:w.start]) {
			continue
		}
		if nameRun(text, words, k) >= 3 {
			return true
		}
	}
	return false
}

// streetBefore: s ends with a word naming a street, a ward or a city,
// which a person's name may follow as the place's name; not "tỉnh" or
// "xã", which end a body's name before its chairman's ("Chủ tịch Hội
// Nhà báo tỉnh Nguyễn Xuân Hải").
func streetBefore(s string) bool {
	w := wordBefore(s, len(s))
	switch Fold(w) {
	case "duong", "pho", "ngo", "hem", "so", "cau", "cho", "phuong", "tp", "tp.", "song", "nui", "khu", "quan":
		return true
	case "truong":
		// "trường" (a school), not the title "trưởng" ("Thứ trưởng
		// Nguyễn Tường Văn", "Bộ trưởng …"), which folds alike.
		return strings.ToLower(w) != "trưởng"
	}
	return strings.HasSuffix(Fold(s), "thanh pho ")
}
