package admin

import (
	"strings"

	"github.com/kyanhbot/kyanhbot/bot"
)

// texts are the admin tools' replies in one language: Vietnamese by default,
// English for an admin whose Telegram app is in English (the engine answers
// citizens the same way).
type texts struct {
	BadButton, InvalidButton, Reloading                             string
	NoContentDir, BadFormat, TooLarge, NoDownload, FileRefused      string
	TooLargeMax                                                     string
	NotSaved, Saved, ReplacedOld, SavedSummary                      string
	ReloadFailedErr, Building, BuildingNoPoster                     string
	Swapped, Refused, NoArticles, FilesUnusable, OldServes, Failed  string
	NoMemory                                                        string
	ErrorLine, VersionSwap, VersionKept, Coalesced, ConfirmButton   string
	Counts, NoProblems, ProblemsHead, MoreProblems, DecimalComma    string
	StatsHead, Questions, Answered, Feedback, TopUnanswered, Times  string
	SmallTalk                                                       string
	SmallTalkKinds                                                  map[string]string
	Slowest, Serving, Replica, Loaded, ThisReplica, StatsIncomplete string
	OpenPrivate, MessageMe                                          string
}

var vietnameseTexts = texts{
	BadButton:        "Xin lỗi, mình không hiểu nút này.",
	InvalidButton:    "Nút không hợp lệ.",
	Reloading:        "Đang nạp lại…",
	NoContentDir:     "Không nhận tệp: bot đang dùng nội dung nhúng sẵn, chưa đặt CONTENT_DIR.",
	BadFormat:        "Chỉ nhận bài viết dạng tệp .txt, .html hoặc .md.",
	TooLarge:         "Tệp quá lớn (%d KB); tối đa %d KB.",
	TooLargeMax:      "Tệp quá lớn; tối đa %d KB.",
	NoDownload:       "Không tải được tệp từ Telegram; hãy gửi lại.",
	FileRefused:      "⛔ <b>Từ chối tệp</b> <code>%s</code>: %s.\nTệp không được lưu; chỉ mục cũ vẫn trả lời.",
	NotSaved:         "Không lưu được tệp vào thư mục nội dung.",
	Saved:            "📄 Đã lưu <code>%s</code>",
	ReplacedOld:      " (thay bài cũ cùng tên)",
	SavedSummary:     ": «%s», %d đoạn.",
	ReloadFailedErr:  "Không nạp lại được: ",
	Building:         "⏳ Đang xây chỉ mục mới; chỉ mục cũ vẫn trả lời. Báo cáo sẽ gửi khi xong.",
	BuildingNoPoster: "⏳ Đang xây chỉ mục mới; chỉ mục cũ vẫn trả lời. Gõ /stats để xem phiên bản đang dùng.",
	Swapped:          "✅ <b>Đã nạp lại nội dung</b> (%s)\n",
	Refused:          "⛔ <b>Từ chối nạp lại</b>: ",
	NoArticles:       "không có bài viết nào dùng được.",
	NoMemory:         "không đủ bộ nhớ: chỉ mục mới cần khoảng %d MB, đang dùng %d MB, giới hạn (MEMORY_LIMIT) là %d MB. Hãy tăng MEMORY_LIMIT hoặc bớt nội dung.",
	FilesUnusable:    "%d tệp không dùng được.",
	OldServes:        " Chỉ mục cũ vẫn trả lời.\n",
	Failed:           "⚠️ <b>Nạp lại thất bại</b>; chỉ mục cũ vẫn trả lời.\n",
	ErrorLine:        "Lỗi: %s\n",
	VersionSwap:      "Phiên bản: <code>%s</code> → <code>%s</code>\n",
	VersionKept:      "Phiên bản đang dùng: <code>%s</code> (nội dung mới <code>%s</code> chưa nạp)\n",
	Coalesced:        "(gộp %d yêu cầu nạp lại đến cùng lúc)\n",
	ConfirmButton:    "Vẫn nạp, bỏ qua tệp lỗi",
	Counts:           "Bài viết: %d → %d\nĐoạn văn: %d → %d\nDữ kiện: %d → %d\n",
	NoProblems:       "Không có vấn đề nào.\n",
	ProblemsHead:     "Vấn đề (%d tệp):\n",
	MoreProblems:     "… và %d tệp khác (xem <code>kyanhbot content check</code>)\n",
	DecimalComma:     ",",
	StatsHead:        "📊 <b>Thống kê</b> (ngày tính theo UTC)\n",
	Questions:        "Câu hỏi: hôm nay %d · 7 ngày %d\n",
	Answered:         "Trả lời được: %d/%d (%d%%)\n",
	Feedback:         "Góp ý 7 ngày: 👍 %d · 👎 %d\n",
	SmallTalk:        "Không phải câu hỏi (7 ngày, không tính ở trên): %s\n",
	SmallTalkKinds: map[string]string{"greeting": "chào", "thanks": "cảm ơn", "ok": "ok/👍", "laugh": "cười",
		"photo": "ảnh", "voice": "ghi âm", "sticker": "nhãn dán", "document": "tệp", "location": "vị trí", "video": "video"},
	TopUnanswered:   "\n<b>Chưa trả lời được, hỏi nhiều nhất (7 ngày)</b>\n",
	Times:           "%d. «%s» — %d lần\n",
	Slowest:         "\n<b>Tìm kiếm chậm nhất (7 ngày)</b>\n",
	Serving:         "\n<b>Nội dung đang phục vụ</b>\n",
	Replica:         "<code>%s</code>: phiên bản <code>%s</code>, %d bài",
	Loaded:          ", nạp ",
	ThisReplica:     " (bản này)",
	StatsIncomplete: "\n⚠️ Một phần số liệu không đọc được; xem log.",
	OpenPrivate:     "🔒 Bot chưa nhắn riêng được cho bạn: hãy mở tin nhắn riêng với bot, bấm Bắt đầu (Start) rồi gửi lại %s ở đó.",
	MessageMe:       "💬 Nhắn riêng cho bot",
}

var englishTexts = texts{
	BadButton:        "Sorry, I don't understand this button.",
	InvalidButton:    "Invalid button.",
	Reloading:        "Reloading…",
	NoContentDir:     "File not accepted: the bot serves its built-in content; CONTENT_DIR is not set.",
	BadFormat:        "Only articles as .txt, .html or .md files are accepted.",
	TooLarge:         "File too large (%d KB); at most %d KB.",
	TooLargeMax:      "File too large; at most %d KB.",
	NoDownload:       "Could not download the file from Telegram; please send it again.",
	FileRefused:      "⛔ <b>File refused</b> <code>%s</code>: %s.\nThe file was not saved; the old index is still answering.",
	NotSaved:         "Could not save the file in the content directory.",
	Saved:            "📄 Saved <code>%s</code>",
	ReplacedOld:      " (replacing the old article of the same name)",
	SavedSummary:     ": «%s», %d paragraphs.",
	ReloadFailedErr:  "Could not reload: ",
	Building:         "⏳ Building the new index; the old one is still answering. The report follows when done.",
	BuildingNoPoster: "⏳ Building the new index; the old one is still answering. Type /stats to see the version in use.",
	Swapped:          "✅ <b>Content reloaded</b> (%s)\n",
	Refused:          "⛔ <b>Reload refused</b>: ",
	NoArticles:       "no usable article.",
	NoMemory:         "not enough memory: the new index needs about %d MB, %d MB are in use, the limit (MEMORY_LIMIT) is %d MB. Raise MEMORY_LIMIT or reduce the content.",
	FilesUnusable:    "%d files cannot be used.",
	OldServes:        " The old index is still answering.\n",
	Failed:           "⚠️ <b>Reload failed</b>; the old index is still answering.\n",
	ErrorLine:        "Error: %s\n",
	VersionSwap:      "Version: <code>%s</code> → <code>%s</code>\n",
	VersionKept:      "Version in use: <code>%s</code> (new content <code>%s</code> not loaded)\n",
	Coalesced:        "(%d reload requests arriving together were merged)\n",
	ConfirmButton:    "Reload anyway, skip the bad files",
	Counts:           "Articles: %d → %d\nPassages: %d → %d\nFacts: %d → %d\n",
	NoProblems:       "No problems.\n",
	ProblemsHead:     "Problems (%d files):\n",
	MoreProblems:     "… and %d more files (see <code>kyanhbot content check</code>)\n",
	DecimalComma:     ".",
	StatsHead:        "📊 <b>Statistics</b> (days in UTC)\n",
	Questions:        "Questions: today %d · 7 days %d\n",
	Answered:         "Answered: %d/%d (%d%%)\n",
	Feedback:         "Feedback, 7 days: 👍 %d · 👎 %d\n",
	SmallTalk:        "Not questions (7 days, not counted above): %s\n",
	SmallTalkKinds: map[string]string{"greeting": "greetings", "thanks": "thanks", "ok": "ok/👍", "laugh": "laughter",
		"photo": "photos", "voice": "voice notes", "sticker": "stickers", "document": "files", "location": "locations", "video": "videos"},
	TopUnanswered:   "\n<b>Most asked, not answered (7 days)</b>\n",
	Times:           "%d. «%s» — %d times\n",
	Slowest:         "\n<b>Slowest searches (7 days)</b>\n",
	Serving:         "\n<b>Content being served</b>\n",
	Replica:         "<code>%s</code>: version <code>%s</code>, %d articles",
	Loaded:          ", loaded ",
	ThisReplica:     " (this one)",
	StatsIncomplete: "\n⚠️ Some figures could not be read; see the log.",
	OpenPrivate:     "🔒 The bot cannot message you first: open a private chat with the bot, press Start, then send %s there again.",
	MessageMe:       "💬 Message the bot",
}

// textsFor picks the admin's language from their Telegram app's.
func textsFor(m bot.Message) *texts {
	if strings.HasPrefix(strings.ToLower(m.LangCode), "en") {
		return &englishTexts
	}
	return &vietnameseTexts
}
