package bot

import (
	"fmt"
	"html"
	"strings"
)

// lang is a reply language.
type lang string

const (
	vi lang = "vi"
	en lang = "en"
)

// messages holds every fixed string the bot says, in one language. Strings are
// Telegram HTML: anything interpolated into them is escaped by the caller
// (the f helper below).
type messages struct {
	Welcome      string // %s: what the bot knows
	Knows        string // %d articles, %d documents, %d mergers, %d contacts
	Examples     []string
	ExamplesHead string
	Help         string // %s: state TTL
	AskWhat      string
	// AskWhatGroup is AskWhat in a group, where the next message reaches
	// the bot only as a reply to it (the reply is forced open).
	AskWhatGroup string
	// StaffPrivate answers /canbo in a group, with the MessageMe button.
	StaffPrivate string
	MessageMe    string
	// GroupHelp ends /help in a group; %s: the bot's username.
	GroupHelp     string
	NoAnswer      string
	Maybe         string // before the passage offered beside a decline
	TryContacts   string
	NoContacts    string
	Truncated     string // %d runes
	More          string
	Source        string
	Page          string // %d
	NoMore        string
	NothingToPage string
	Stale         string
	BadButton     string
	Thanks        string
	Unknown       string // %s: the command
	Flood         string
	DocsHead      string
	DocsNone      string
	DocsPick      string
	DocNotFound   string // %s: the reference
	DocNoNumber   string // %d
	DocHead       string // %s: document ID (escaped)
	CitedIn       string
	MergersHead   string
	MergersNone   string // %s: filter
	ContactsHead  string
	ContactsNone  string // %s: filter
	ContactsMore  string // %d: offices not offered after a question with no answer
	ContactsHint  string // %d: offices listed by /lienhe
	FieldMissing  string // %s office, %s field name
	Fields        map[string]string
	LangPick      string
	LangSet       string
	Forgotten     string
	ForgetFailed  string
	SearchFailed  string
	NoState       string
	Date          string // %s
	Published     string // %s
	Author        string
	Article       string
	SmallTalk     map[string]string // by kind: "greeting", "thanks", "ok", "laugh"
	MediaOnly     string            // a photo, voice note, sticker… got instead of a question
	Share         string            // the share button
	LinkExpired   string            // a shared link whose question is no longer kept
	StaffButton   string            // the button to ask a person, on the no-answer reply
	// FromVietnamese precedes an answer to a question asked in English
	// (LeadIn): the answer is the published Vietnamese text.
	FromVietnamese string
	// FloodShared is Flood for a group's anonymous admins
	// (Message.SenderChat); AnonymousAdmin refuses them an admin command.
	FloodShared, AnonymousAdmin string
}

var catalog = map[lang]*messages{
	vi: {
		Welcome: "Xin chào! Mình là trợ lý hỏi đáp về các bài viết chính quyền đã đăng: nghị quyết, sáp nhập và sắp xếp bộ máy, địa chỉ liên hệ các cơ quan.\n%s\n\nBạn cứ gõ câu hỏi, có dấu hay không dấu đều được.",
		Knows:   "Hiện mình có %d bài viết, %d văn bản được nhắc đến, %d thông tin sáp nhập và %d địa chỉ liên hệ.",
		Examples: []string{
			"Số điện thoại của ủy ban?",
			"Sáp nhập những đơn vị nào?",
			"Nghị quyết 18 nói gì?",
		},
		ExamplesHead: "Ví dụ câu hỏi:",
		Help: "<b>Bạn có thể hỏi trực tiếp</b>, ví dụ: <i>số điện thoại ủy ban</i>, <i>sáp nhập thôn</i>.\n\n" +
			"/tim &lt;câu hỏi&gt; — tìm câu trả lời\n" +
			"/nghiquyet [số] — các văn bản được nhắc đến, hoặc mọi điều nói về một văn bản (ví dụ /nghiquyet 18)\n" +
			"/sapnhap [tên đơn vị] — sáp nhập, sắp xếp bộ máy\n" +
			"/lienhe [cơ quan] — địa chỉ, điện thoại, email\n" +
			"/canbo [câu hỏi] — hỏi trực tiếp cán bộ\n" +
			"/ngonngu — đổi ngôn ngữ (Tiếng Việt / English)\n" +
			"/quentoi — xoá mọi điều mình nhớ về bạn\n\n" +
			"Sau một câu trả lời, gõ <i>xem thêm</i> hoặc <i>tiếp</i> để xem kết quả khác; sau địa chỉ liên hệ, hỏi <i>còn số fax?</i>. Mình chỉ nhớ cuộc trò chuyện trong %s.",
		AskWhat:       "Bạn muốn hỏi gì? Gõ câu hỏi ở tin nhắn tiếp theo.",
		AskWhatGroup:  "Bạn muốn hỏi gì? Trả lời tin nhắn này bằng câu hỏi của bạn.",
		StaffPrivate:  "Để hỏi trực tiếp cán bộ, bạn hãy nhắn riêng cho mình và gõ /canbo: câu hỏi gửi cán bộ không hiện trong nhóm.",
		MessageMe:     "💬 Nhắn riêng",
		GroupHelp:     "Trong nhóm, mình chỉ đọc tin nhắn nhắc tên mình (@%s), tin nhắn trả lời tin của mình và lệnh gửi mình; lệnh của bot khác mình bỏ qua.",
		NoAnswer:      "Mình chưa tìm thấy câu trả lời cho câu hỏi này trong các bài viết đã đăng. Mình đã ghi lại câu hỏi để cán bộ bổ sung.",
		TryContacts:   "Bạn có thể liên hệ trực tiếp:",
		Maybe:         "Đoạn gần nhất mình tìm thấy (có thể chưa đúng điều bạn hỏi):",
		NoContacts:    "Chưa có địa chỉ liên hệ nào.",
		Truncated:     "<i>Câu hỏi dài quá nên mình chỉ dùng %d ký tự đầu.</i>",
		More:          "Xem thêm",
		Source:        "Nguồn",
		Page:          "Trang %d",
		NoMore:        "Hết rồi, không còn kết quả nào nữa.",
		NothingToPage: "Chưa có gì để xem thêm. Bạn hãy đặt một câu hỏi nhé.",
		Stale:         "Danh sách này đã cũ, bạn hỏi lại nhé.",
		BadButton:     "Xin lỗi, mình không hiểu nút này.",
		Thanks:        "Cảm ơn bạn đã góp ý!",
		Unknown:       "Mình không biết lệnh %s. Các lệnh mình hiểu:\n/start /help /tim /nghiquyet /sapnhap /lienhe /canbo /ngonngu /quentoi",
		Flood:         "Bạn gửi nhanh quá. Chờ một phút rồi hỏi tiếp nhé.",
		DocsHead:      "<b>Các văn bản được nhắc đến</b>",
		DocsNone:      "Chưa có văn bản nào.",
		DocsPick:      "Gõ số thứ tự để xem mọi điều nói về văn bản đó.",
		DocNotFound:   "Mình không thấy văn bản nào khớp với «%s». Gõ /nghiquyet để xem danh sách.",
		DocNoNumber:   "Danh sách không có số %d. Gõ /nghiquyet để xem lại danh sách.",
		DocHead:       "<b>%s</b>",
		CitedIn:       "Được nhắc đến trong:",
		MergersHead:   "<b>Sáp nhập, sắp xếp bộ máy</b>",
		MergersNone:   "Không thấy thông tin sáp nhập nào khớp với «%s».",
		ContactsHead:  "<b>Địa chỉ liên hệ</b>",
		ContactsNone:  "Không thấy cơ quan nào khớp với «%s». Gõ /lienhe để xem tất cả.",
		ContactsMore:  "Còn %d cơ quan, đơn vị khác: gõ /lienhe và tên cơ quan để xem, hoặc /lienhe để xem tất cả.",
		ContactsHint:  "<i>%d cơ quan, đơn vị. Gõ /lienhe và tên cơ quan để tìm nhanh.</i>",
		FieldMissing:  "%s không công bố %s.",
		Fields: map[string]string{
			"phone": "Điện thoại", "fax": "Fax", "email": "Email", "address": "Địa chỉ",
			"website": "Website", "person": "Người chịu trách nhiệm", "hotline": "Đường dây nóng",
			"hours": "Giờ làm việc",
		},
		LangPick:     "Chọn ngôn ngữ:",
		LangSet:      "Đã chuyển sang tiếng Việt.",
		Forgotten:    "Đã xoá mọi điều mình nhớ về bạn: câu hỏi gần nhất, vị trí xem, ngôn ngữ đã chọn và góp ý.",
		ForgetFailed: "Xin lỗi, lúc này mình chưa xoá được. Bạn thử lại sau ít phút nhé.",
		SearchFailed: "Xin lỗi, mình đang gặp trục trặc khi tìm. Bạn thử lại sau ít phút nhé.",
		NoState:      "Mình không nhớ câu hỏi trước đó — bạn hãy hỏi lại đầy đủ nhé.",
		Date:         "ngày %s",
		Published:    "đăng ngày %s",
		Author:       "Tác giả",
		Article:      "Bài viết",
		SmallTalk: map[string]string{
			"greeting": "Xin chào! Bạn cứ gõ câu hỏi, ví dụ: <i>số điện thoại ủy ban</i>. Gõ /help để xem mình làm được gì.",
			"thanks":   "Không có gì ạ! Bạn cần hỏi thêm thì cứ nhắn nhé.",
			"ok":       "Vâng ạ. Bạn cần hỏi thêm thì cứ nhắn nhé.",
			"laugh":    "😄 Bạn cần hỏi thêm thì cứ nhắn nhé.",
		},
		MediaOnly:      "Mình chỉ đọc được tin nhắn chữ. Bạn hãy gõ câu hỏi về nghị quyết, sáp nhập hay địa chỉ liên hệ, ví dụ: <i>số điện thoại ủy ban</i>.",
		Share:          "↗️ Chia sẻ",
		LinkExpired:    "Liên kết này đã hết hạn, bạn hãy gõ lại câu hỏi nhé.",
		StaffButton:    "🙋 Liên hệ cán bộ",
		FromVietnamese: "Trả lời theo văn bản tiếng Việt đã đăng:",
		FloodShared: "Nhóm gửi nhanh quá dưới tên nhóm: các quản trị viên ẩn danh dùng chung một giới hạn, vì Telegram không cho biết ai gửi. " +
			"Chờ một phút rồi hỏi tiếp, hoặc tắt «Ẩn danh» để mỗi người có giới hạn riêng.",
		AnonymousAdmin: "Lệnh quản trị cần tài khoản của chính bạn: khi bạn là quản trị viên ẩn danh, Telegram không cho biết ai gửi. " +
			"Hãy tắt «Ẩn danh» hoặc nhắn riêng cho mình.",
	},
	en: {
		Welcome: "Hello! I answer questions about what the local government has published: resolutions, mergers and reorganisations, and office contacts.\n%s\n\nJust type a question, in Vietnamese (with or without accents) or English.",
		Knows:   "I currently know %d articles, %d cited documents, %d merger facts and %d office contacts.",
		Examples: []string{
			"Phone number of the people's committee?",
			"Which units were merged?",
			"What does resolution 18 say?",
		},
		ExamplesHead: "Example questions:",
		Help: "<b>Just ask</b>, for example: <i>phone number of the people's committee</i>, <i>merged villages</i>.\n\n" +
			"/tim &lt;question&gt; — search for an answer\n" +
			"/nghiquyet [number] — the documents cited, or everything said about one (e.g. /nghiquyet 18)\n" +
			"/sapnhap [unit] — mergers and reorganisations\n" +
			"/lienhe [office] — address, phone, email\n" +
			"/canbo [question] — ask a staff member\n" +
			"/ngonngu — change language (Tiếng Việt / English)\n" +
			"/quentoi — forget everything I remember about you\n\n" +
			"After an answer, type <i>more</i> for other results; after a contact, ask <i>fax?</i>. I only remember a conversation for %s.",
		AskWhat:       "What would you like to ask? Type your question in the next message.",
		AskWhatGroup:  "What would you like to ask? Reply to this message with your question.",
		StaffPrivate:  "To ask a staff member, message me privately and type /canbo: what you send staff stays out of the group.",
		MessageMe:     "💬 Message me",
		GroupHelp:     "In a group I read only messages that mention me (@%s), replies to my messages and commands meant for me; other bots' commands I leave alone.",
		NoAnswer:      "I couldn't find an answer to this question in the published articles. I've noted the question so staff can add it.",
		TryContacts:   "You can contact the office directly:",
		Maybe:         "The closest passage I found (it may not be what you asked):",
		NoContacts:    "No office contacts are available yet.",
		Truncated:     "<i>Your question was long, so I used its first %d characters.</i>",
		More:          "More",
		Source:        "Source",
		Page:          "Page %d",
		NoMore:        "That's all, there are no more results.",
		NothingToPage: "There is nothing to show more of yet. Please ask a question.",
		Stale:         "This list is out of date, please ask again.",
		BadButton:     "Sorry, I don't understand this button.",
		Thanks:        "Thanks for your feedback!",
		Unknown:       "I don't know the command %s. The commands I understand:\n/start /help /tim /nghiquyet /sapnhap /lienhe /canbo /ngonngu /quentoi",
		Flood:         "You're sending messages too fast. Please wait a minute, then ask again.",
		DocsHead:      "<b>Documents cited</b>",
		DocsNone:      "No documents yet.",
		DocsPick:      "Type a number to see everything said about that document.",
		DocNotFound:   "I found no document matching «%s». Type /nghiquyet for the list.",
		DocNoNumber:   "The list has no number %d. Type /nghiquyet to see it again.",
		DocHead:       "<b>%s</b>",
		CitedIn:       "Cited in:",
		MergersHead:   "<b>Mergers and reorganisations</b>",
		MergersNone:   "No merger facts match «%s».",
		ContactsHead:  "<b>Office contacts</b>",
		ContactsNone:  "No office matches «%s». Type /lienhe to see them all.",
		ContactsMore:  "%d more offices: type /lienhe and an office's name, or /lienhe to see them all.",
		ContactsHint:  "<i>%d offices. Type /lienhe and an office's name to find one quickly.</i>",
		FieldMissing:  "%s does not publish its %s.",
		Fields: map[string]string{
			"phone": "Phone", "fax": "Fax", "email": "Email", "address": "Address",
			"website": "Website", "person": "Person responsible", "hotline": "Hotline",
			"hours": "Opening hours",
		},
		LangPick:     "Choose a language:",
		LangSet:      "Switched to English.",
		Forgotten:    "Done: I've deleted everything I remembered about you — your last question, your place in the results, your language choice and your feedback.",
		ForgetFailed: "Sorry, I couldn't delete it right now. Please try again in a few minutes.",
		SearchFailed: "Sorry, searching failed just now. Please try again in a few minutes.",
		NoState:      "I don't remember your previous question — please ask it again in full.",
		Date:         "dated %s",
		Published:    "published %s",
		Author:       "Author",
		Article:      "Article",
		SmallTalk: map[string]string{
			"greeting": "Hello! Just type a question, for example: <i>phone number of the people's committee</i>. Type /help to see what I can do.",
			"thanks":   "You're welcome! Message me whenever you have another question.",
			"ok":       "All right. Message me whenever you have another question.",
			"laugh":    "😄 Message me whenever you have another question.",
		},
		MediaOnly:      "I can only read text messages. Please type a question about resolutions, mergers or office contacts, for example: <i>phone number of the people's committee</i>.",
		Share:          "↗️ Share",
		LinkExpired:    "This link has expired, please type your question again.",
		StaffButton:    "🙋 Contact staff",
		FromVietnamese: "Answer from the published Vietnamese text:",
		FloodShared: "Too many messages sent as this group: its anonymous admins share one limit, since Telegram does not say which of them writes. " +
			"Please wait a minute, or turn off \"Remain anonymous\" so that each of you has their own.",
		AnonymousAdmin: "Admin commands need your own account: as an anonymous admin, Telegram does not say who you are. " +
			"Turn off \"Remain anonymous\" or message me privately.",
	},
}

// f formats a catalog string, escaping every argument that is a string: the
// catalog is trusted HTML, what goes into it is not.
func f(format string, args ...any) string {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = html.EscapeString(s)
		}
	}
	return fmt.Sprintf(format, args...)
}

// lines joins the non-empty lines.
func lines(ls ...string) string {
	var out []string
	for _, l := range ls {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
