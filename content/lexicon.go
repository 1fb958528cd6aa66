package content

// The domain lexicon: the words of local government that several layers
// need — the parser to find facts, search to read questions, the bot to
// word replies. One list each, here, so that a word added for one layer
// counts for all of them.

// lexicon holds the vocabulary; Lexicon is the one value of it.
type lexicon struct {
	// Titles are the posts a person holds, as published (case as a
	// sentence would write them after a word). Longer titles that contain
	// a shorter one are listed too: "Phó Chủ tịch" is not "Chủ tịch".
	Titles []string
}

// Lexicon is the domain vocabulary every layer reads.
var Lexicon = lexicon{
	Titles: []string{
		"Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Tổng Bí thư", "Giám đốc", "Phó Giám đốc",
		"Tổng Giám đốc", "Trưởng ban", "Phó Trưởng ban", "Trưởng phòng", "Phó Trưởng phòng",
		"Chánh Văn phòng", "Phó Chánh Văn phòng", "Chánh Thanh tra", "Trưởng Công an", "Phó Trưởng Công an",
		"Trưởng Đài", "Trưởng thôn", "Thôn trưởng", "Tổ trưởng", "Tổ phó", "Chi hội trưởng",
		"Hiệu trưởng", "Phó Hiệu trưởng", "Thủ trưởng", "Tổng Biên tập", "Phó Tổng Biên tập",
		"Chủ nhiệm", "Phó Chủ nhiệm", "Trưởng đoàn", "Bộ trưởng", "Thứ trưởng", "Cục trưởng",
		"Chi cục trưởng", "Viện trưởng", "Chánh án", "Trưởng khoa", "Trạm trưởng", "Trưởng trạm",
		"Ủy viên", "Uỷ viên", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch nước", "Đại tá", "Thượng tá",
		"Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Trưởng", "Phó",
	},
}
