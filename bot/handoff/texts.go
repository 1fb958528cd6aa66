package handoff

// texts are what the handoff tells citizens, in their language (their
// /ngonngu choice, else their client's). What staff read is Vietnamese.
// Every text is Telegram HTML, escaped.
type texts struct {
	Offer, StaffButton, NoStaff, AskWhat, Passing, Passed, Failed string
	// StaffSaid opens a staff answer in HTML; StaffSaidPlain is the same
	// as the citizen sees it, quoted back in their reply.
	StaffSaid, StaffSaidPlain, ReplyHint           string
	Forwarded, Reopened, Closed, RateGood, RateBad string
	Thanks, Expired                                string
}

var catalog = map[string]*texts{
	"vi": {
		Offer:          "Câu trả lời chưa đúng ý bạn? Bạn có thể hỏi trực tiếp cán bộ.",
		StaffButton:    "Liên hệ cán bộ",
		NoStaff:        "Hiện chưa có kênh hỏi trực tiếp cán bộ qua bot. Bạn có thể liên hệ:",
		AskWhat:        "Bạn muốn hỏi cán bộ điều gì? Hãy gõ, ví dụ: «gặp cán bộ: giờ làm việc của bộ phận một cửa?»",
		Passing:        "Đang chuyển câu hỏi tới cán bộ…",
		Passed:         "✅ Đã chuyển câu hỏi của bạn tới cán bộ. Câu trả lời sẽ được gửi tại đây.",
		Failed:         "Xin lỗi, chưa chuyển được câu hỏi tới cán bộ. Vui lòng thử lại sau.",
		StaffSaid:      "💬 <b>Cán bộ trả lời</b>",
		StaffSaidPlain: "💬 Cán bộ trả lời",
		ReplyHint:      "Muốn hỏi thêm? Trả lời (Reply) tin nhắn này.",
		Forwarded:      "✅ Đã gửi tới cán bộ đang trao đổi với bạn.",
		Reopened:       "Yêu cầu trước đã hết hạn, nên mình đã chuyển tin nhắn này tới cán bộ như một câu hỏi mới. ✅",
		Closed:         "✅ Cán bộ đã đóng yêu cầu của bạn. Bạn thấy được hỗ trợ thế nào?",
		RateGood:       "👍 Hài lòng",
		RateBad:        "👎 Chưa hài lòng",
		Thanks:         "Cảm ơn bạn đã đánh giá!",
		Expired:        "Yêu cầu này đã hết hạn.",
	},
	"en": {
		Offer:          "Not the answer you needed? You can ask a staff member.",
		StaffButton:    "Contact staff",
		NoStaff:        "Staff cannot be reached through the bot yet. You can contact the office:",
		AskWhat:        "What would you like to ask? Type, for example: «contact staff: opening hours of the one-stop office?»",
		Passing:        "Passing your question on…",
		Passed:         "✅ Your question was passed on to the staff. Their answer will come here.",
		Failed:         "Sorry, your question could not be passed on. Please try again later.",
		StaffSaid:      "💬 <b>Reply from the staff</b>",
		StaffSaidPlain: "💬 Reply from the staff",
		ReplyHint:      "More to ask? Reply to this message.",
		Forwarded:      "✅ Sent to the staff member you are talking to.",
		Reopened:       "Your earlier request had expired, so this message went to the staff as a new question. ✅",
		Closed:         "✅ The staff closed your request. How was the help?",
		RateGood:       "👍 Helpful",
		RateBad:        "👎 Not helpful",
		Thanks:         "Thank you for your rating!",
		Expired:        "This request has expired.",
	},
}

func textsFor(lang string) *texts {
	if t, ok := catalog[lang]; ok {
		return t
	}
	return catalog["vi"]
}
