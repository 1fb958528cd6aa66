package content

import (
	"strings"
	"sync"
)

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
	// FormerTitle are the words before a title that make it a former
	// holder's ("nguyên Chủ tịch"), as written: folded, "nguyên" is the
	// surname "Nguyễn".
	FormerTitle []string
	// TitledNames are names written with a title that hold no office
	// a question asks about ("Chủ tịch Hồ Chí Minh" of a memorial or a
	// mausoleum is not a body's chairman).
	TitledNames []string
	// DocTypes are the kinds of document cited, with their codes and names.
	DocTypes []DocType
	// ContactFields are the parts of a contact, with the labels pages give
	// them and the phrases questions ask for them with.
	ContactFields []ContactField
	// PlacePrefixes are the words before a place's name, as written in a
	// sentence, with the short forms pages and questions write before a
	// name ("P. Tân Định", "TP.HCM").
	PlacePrefixes []PlacePrefix
	// FunctionWords are the words that say how, not what: a question's
	// words that need not match, and the words that end a body's name in
	// running text ("Trung tâm … của tỉnh").
	FunctionWords []string
	// UnmarkedContent are FunctionWords as typed without marks that are as
	// often a content word's ("ban" is "bạn" or "ban", a board; "tai" is
	// "tại" or "tài"; "ben" is "bên" or the "Bến" of Bến Tre): a question
	// typed without marks keeps them as words.
	// "the" is not one: unmarked it is as often "thế" as "thẻ", and
	// reading it as "thẻ" lost an in-house decline ("phi lam the can
	// cuoc") and a real-3 answer.
	UnmarkedContent []string
	// TypedShorts are short forms readers type for a body's kind before
	// its name ("CA tỉnh", "BP một cửa") that are also common syllables
	// ("ca" is a shift, "Cà" a name): read in a question for the long
	// form, never the other way.
	TypedShorts []Term
	// HeadTitles are the titles "Phó" before them makes a deputy's: the
	// post a who-question names, which its answer must name too.
	HeadTitles []string
	// BodyHeads are the words a body's name starts with ("Sở Tư pháp",
	// "Hội Nông dân", "Báo Quảng Bình"): after a title they say whose
	// post it is, so "Chủ tịch HĐND" is no answer for "Chủ tịch Hội".
	BodyHeads []string
	// OfficeLabels label the office a contact block is (the body's own
	// name: "Cơ quan chủ quản: …", "Tên đơn vị: …"), as written.
	OfficeLabels []string
	// MobileLabels label a mobile number ("Di động"): a person's line, not
	// the office's, though questions ask for it as a phone.
	MobileLabels []string
	// CitationOpeners open a sentence citing its grounds ("Căn cứ Nghị
	// định …", "Thực hiện Kế hoạch …"): the capitalised words after them
	// are a document's name, not a body's to abbreviate.
	CitationOpeners []string
	// GroundsOpeners open the grounds a notice or decision is issued on
	// ("Căn cứ Luật …", "Xét đề nghị …"): such a sentence frames the
	// document and states none of its provisions. "Thực hiện …" is not
	// one: as often it opens what was done ("Thực hiện Nghị quyết 18,
	// huyện giảm 5 phòng"), and counting it cost a real-4 answer.
	GroundsOpeners []string
	// MiddleNames are the middle names that, after a surname, make a
	// run of capitalised words a person's name ("Phạm Thị …", "Hồ Văn …").
	MiddleNames []string
	// StampWords are written right before a page's publication stamp
	// ("date 2025-10-28", "Cập nhật lúc 10:24 01/04/2025", "Đăng ngày
	// …"): a date after one is when the page was posted, no date it speaks
	// of. PostedAsks are the words a question asks for that date with.
	StampWords, PostedAsks []string
	// NameHeads are the words written right before a person's name that
	// are no post ("nhà thơ Nguyễn Văn A", "Tiến sĩ …", a document's
	// "Người ký: …"): a name after one is a person's, as after "ông".
	NameHeads []string
	// ChangeWords say a count that follows them is a change, not a total
	// ("giảm 1.513 thôn", "reduced by 233 communes"): it does not answer
	// how many there are. "giảm còn 35 xã", "reduced to 273" state totals.
	ChangeWords []string
	// Reorganising are the words of a reorganisation ("sáp nhập",
	// "merger"): "sau"/"after" or "trước"/"before" right before one of
	// them says which side of it a figure stands on.
	Reorganising []string
	// AfterWords and BeforeWords say which side of a reorganisation a
	// sentence or a question speaks of: before one of Reorganising
	// ("sau sáp nhập", "before the merger"), or alone, as the current
	// state ("hiện nay", "hiện có") or the former one ("trước đây").
	AfterWords, BeforeWords []string
	// CurrentWords and FormerWords say the side alone ("hiện nay", "trước
	// đây", "currently", "previously").
	CurrentWords, FormerWords []string
	// Periods are the words numbering a period or sitting ("đợt 2", "kỳ
	// họp thứ 5", "giai đoạn II", "khóa XV"): the figures of "đợt 1" do
	// not answer for "đợt 2". A month is numbered so ("tháng 11/2025"
	// is not the "tháng 12" asked).
	Periods []string
	// Terms are the words of a term of office numbered by its years
	// ("nhiệm kỳ 2020 - 2025", "khóa 2021-2026", "term 2020-2025"): the
	// term of 2015 - 2020 does not answer for the one after it. A term
	// is read as a period numbered by its first year.
	Terms []string
	// EnglishTitles are the English names of those posts (Short) with the
	// Vietnamese title each stands for (Long).
	EnglishTitles []Term
	// Weekdays are the days as "thứ …" and "chủ nhật" write them, with the
	// digit form and the English name: "Sunday" is not answered by the
	// Saturday hours.
	Weekdays []Weekday
	// Seasons are the seasons a schedule is published for, each with the
	// ways it is written ("mùa hè", "mùa hạ", "summer"): the winter hours
	// do not answer for summer.
	Seasons [][]string
	// EnglishDeputy are the English words that make a title a deputy's, as
	// "Phó" does ("Deputy Director", "Vice Chairman").
	EnglishDeputy []string
	// ProvincePrefixes are the province-level PlacePrefixes, whose names
	// give the two- or three-letter codes writers use ("tỉnh Bạc Liêu" → BL).
	ProvincePrefixes []string
	// Deputy is the Vietnamese word that makes a head's title a deputy's.
	Deputy string
	// Month is the word before a month's number ("tháng 12"): one of
	// Periods, and the one a date in digits ("09/4") also states.
	Month string
	// ListJoiners join a list's last item to the others ("A, B và C",
	// "A, B and C").
	ListJoiners []string
	// HolderAsks are the question forms that ask who holds a post ("… là
	// ai", "Ai là …", "who is …"), not who does something ("ai tiếp công
	// dân thay"), which a title answers.
	HolderAsks []string
	// ReplacedMarkers stand in a question before the person who held the
	// post asked before ("Ai được bầu … thay ông X", "Who replaced X as
	// …"): the answer is another person, and a sentence naming X as the
	// post's holder answers nothing.
	ReplacedMarkers []string
	// Honorifics are the Vietnamese forms of address before a name ("ông
	// Nguyễn Văn A"), as EnglishHonorifics are in English.
	Honorifics []string
	// SignerAsks ask who signed a document ("Ai ký Quyết định …", "who
	// signed"): a person answers, as one holding a post does, not the
	// document's number or subject.
	SignerAsks []string
	// CountNamers are the words before a noun that name it as what a
	// figure counts ("số lượng hội viên lên 300", "the number of hamlets
	// to 6").
	CountNamers []string
	// Locatives put a place as where something is or happens ("đặt tại
	// trụ sở UBND phường A", "located in B ward"): the place after them is
	// a value's, or a setting's, not the subject a figure is stated of.
	Locatives []string
	// EnglishNameJoiners are the English words a name keeps between its
	// capitalised parts without an initial ("Department of Home Affairs"),
	// as a Vietnamese name keeps "và".
	EnglishNameJoiners []string
	// CountWords are the words that stand for a number before a noun, as
	// digits do ("hai tuần", "vài ngày", "nhiều năm").
	CountWords []string
	// Ordinals are the ordinals one to ten as written after "thứ", in
	// order: "thứ nhất", "thứ tư" (not "một", "bốn" as a count writes them).
	Ordinals []string
	// OrdinalMarker is the word before an ordinal and before a weekday's
	// number ("kỳ họp thứ 5", "thứ ba", "thứ 7"); Weekdays' names start
	// with it, but for the day that has no number ("chủ nhật").
	OrdinalMarker string
	// SequenceNouns are the nouns whose number says which one of a
	// sequence ("kỳ họp thứ 32", "lần thứ XV", "khóa XIV", "Đại hội
	// XIII", "xếp thứ 3"): the number after them is an ordinal value
	// (ValueOrdinal), which "kỳ họp thứ mấy", "khóa mấy" ask.
	SequenceNouns []string
	// NumberedNouns are the SequenceNouns whose number is an ordinal
	// without "thứ" ("khóa XIV", "Đại hội XIII", "lần 2"); the others
	// ("đợt 2", "kỳ 1") number a period as often.
	NumberedNouns []string
	// EnglishSequenceNouns are the English nouns an ordinal stands before
	// ("32nd Session", "the 14th National Party Congress", "11th plenum").
	EnglishSequenceNouns []string
	// OrdinalAsks are the question forms asking which one of a sequence,
	// folded as AskingWords leaves them ("kỳ họp thứ mấy" is "ky hop
	// thu_may").
	OrdinalAsks []string
	// CountAsks are the phrases asking how many, written before the noun
	// counted ("bao nhiêu hội viên", "mấy xã", "how many communes"). A
	// one-word ask typed without marks ("may") counts only before a word
	// that is not a digit: "may" is as often "máy" or "may".
	CountAsks []string
	// ScheduleWords say that a question is about a schedule, where "thứ
	// ba" is a weekday ("làm việc thứ ba"), not an ordinal ("nhiệm vụ thứ
	// ba"); "thứ bảy" is read as a weekday anywhere.
	ScheduleWords []string
	// HoursWords, after "giờ", make it hours ("giờ hành chính", "giờ
	// tiếp dân", "giờ cao điểm"), as ScheduleWords do; without them a
	// "giờ" no number comes before is "now" ("Lim giờ thuộc xã gì").
	HoursWords []string
	// NowWords mean "now" in a chat-style question ("Lim giờ thuộc xã
	// gì") and ask nothing, unless a number comes before them or
	// HoursWords or ScheduleWords after them ("8 giờ", "giờ làm việc").
	NowWords []string
	// PlaceMarkers say that a sentence gives where something is ("trụ sở
	// đặt tại …", "địa điểm: …"): such a unit answers "ở đâu".
	PlaceMarkers []string
	// ReasonMarkers say that a sentence gives a reason or a purpose ("nhằm
	// …", "do đó …"): such a unit answers "vì sao".
	ReasonMarkers []string
	// QuestionAsks are the phrases that tell what kind of answer a
	// question wants — a number, a name, a date — whatever it is about.
	// Those asking for a contact field are ContactFields' Asks.
	QuestionAsks []QuestionAsk
	// Classifiers are the words between a count and the noun it counts
	// that count nothing of their own: "11 đơn vị xã, phường" counts xã.
	Classifiers []string
	// SourceOpeners, SourceNouns and SourceModifiers make the phrase a
	// question names where it read its fact with ("theo bảng thông tin",
	// "according to the old English infobox"): an opener, a source noun,
	// modifiers before or after it. The page does not write those words.
	SourceOpeners, SourceNouns, SourceModifiers []string
	// EnglishTitleModifiers are the words that may stand before an English
	// title without changing whose post it is ("Permanent Vice Chairman").
	EnglishTitleModifiers []string
	// EnglishBackUnits are the kinds of unit an English sentence refers
	// back to with "the" ("Secretary of the Party Committee of the
	// commune") after its page has named the place.
	EnglishBackUnits []string
	// EnglishHonorifics are the forms of address before a name on an
	// English page ("Mr. Ho Van Mung"), as "ông", "bà" are in Vietnamese.
	EnglishHonorifics []string
	// EnglishPlaceKinds are the words that end an English place's or
	// body's name ("Nguyen Van Ba Street", "Tran Phu Ward"): a name
	// followed by one is no person's.
	EnglishPlaceKinds []string
	// EnglishFunctionWords are common English words no Vietnamese syllable
	// spells: two of them in one line mark it as English text, not
	// unaccented Vietnamese.
	EnglishFunctionWords []string
	// EnglishStopWords are the English words a question is phrased with
	// that name nothing asked: search leaves them out of what must match.
	// "s" is the possessive's ("Da Nang's"), split from its name.
	EnglishStopWords []string
	// EnglishWhich are the English words that ask which one of a kind
	// ("which vice chairman"); EnglishArticles are the articles a name or
	// a body may be written after ("of the People's Committee").
	EnglishWhich, EnglishArticles []string
	// Which asks which of a kind of place after the kind ("gồm những xã
	// nào"); WhichQualifiers may stand between the kind and it ("những xã
	// cũ nào"); EnglishWhichKinds are what an English which-question asks
	// for beyond the kinds of place ("which hamlets", "which units").
	Which                              string
	WhichQualifiers, EnglishWhichKinds []string
	// ChatForms are the chat register's spellings of single words, read
	// as the words each stands for before anything else: "ko" is "không",
	// "bn" "bao nhiêu", "ổng" "ông ấy". A form typed in capitals is left
	// alone ("KH" is Kế hoạch, "NG" may be a name); a reading that starts
	// with the word typed before the form is that word's end ("bao nhiêu"
	// after "bao").
	ChatForms map[string]string
	// ChatPhrases are the chat register's wordings of a few words, as
	// typed with their marks, each read as the standard wording: "hồi
	// nào" asks when as "khi nào" does, "cỡ bao nhiêu" how many, "đông
	// dân" the population. Without marks most of them are other words
	// ("hoi nao" is "hội nào", "co bao nhieu" "có bao nhiêu"), so they
	// are read only as typed.
	ChatPhrases [][2]string
	// ChatVocatives address the readers at the end of a chat question
	// ("… vậy mọi người", "… ad ơi"): there they ask nothing.
	ChatVocatives []string
	// ChatParticles end a chat question ("… ở đâu vậy", "… mấy xã thế",
	// "… vậy ạ", "… tháng mấy hả"), said to be polite or to ask, and ask
	// nothing: at a question's end they are read as not typed, so that
	// they are no syllable of the counted noun ("mấy thôn vậy" counts
	// thôn, not "thôn vậy") nor a pair the answer must write. As typed
	// with their marks: without marks most are content words ("nha" is
	// "nhà" in "tòa nhà", "ha" a hectare, "the" a card, "do" the "đỏ" of
	// Chữ thập đỏ, "nhi" the "nhì" of giải nhì).
	// ChatParticlesUnmarked are the few a question typed without marks
	// ends with as often as with the content word they fold onto ("vay",
	// read only there: with marks typed "cho vay" is a loan).
	ChatParticles, ChatParticlesUnmarked []string
	// ChatTails are particles that are also words ("nước ta", "châu Á",
	// "phường A"): read as particles only after a function word or
	// another particle ("được không ta", "tên gì á", "ở đâu a").
	ChatTails []string
	// BoundAfter lists words that are also content words, each with the
	// words before it that make it part of an asking phrase, as a
	// question types them (folded, or with marks where the marks tell):
	// "hoi" after "cho", "xin" is "hỏi" (otherwise, in questions about
	// local government, usually "hội"); "giờ" after "bao", "mấy" asks
	// the time ("giờ làm việc" is office hours); "xa", "lâu" after "bao"
	// ask how far and how long ("xa" is otherwise read as "xã").
	BoundAfter map[string][]string
	// DoneWords, after one of Reorganising ("sắp xếp xong"), say its
	// after side as "sau" before it does ("sau sắp xếp").
	DoneWords []string
	// OfficeWords name a body's office in an English question ("Where
	// is the People's Committee office?"): asking for any of its contacts,
	// the office is the body, not something the answer must name.
	OfficeWords []string
	// PlaceOffice is the body whose contacts a place's own side box gives
	// ("Số điện thoại", "Số fax" among "Diện tích" and "Dân số"): a
	// district's number there is its People's Committee's.
	PlaceOffice string
	// InfoboxLabels are the labels of a place's side box — a Wikipedia
	// infobox, a portal's profile block — beyond ContactFields' labels,
	// Titles and PlacePrefixes, which such a box uses too ("Diện tích",
	// "Mã bưu chính", "Chủ tịch UBND", "Tỉnh"). A scraper drops the
	// separator between a label and its value ("Diện tích15,38 km²"); a
	// label known here says where the value starts (infobox.go).
	// InfoboxTotals are the labels of a box's total under a heading of its
	// own ("Dân số (2021)" / "Tổng cộng 16.095 người"): the total is the
	// heading's value. The labels of a document's header table ("Số
	// hiệu", "Ngày ban hành", "Người ký") are a box's too: a legal page
	// opens with them in two cells a row.
	InfoboxLabels, InfoboxTotals []string
	// InfoboxSubjects are the labels whose value says whose the box is —
	// a document header's number ("Số hiệu | 09/NQ-HĐND"): each other
	// field is read with it, as a table's rows are with its caption.
	InfoboxSubjects []string
	// InfoboxEnglish are the labels of an English side box ("Country",
	// "Area codes", "People's Council Chair"), read as InfoboxLabels are
	// but for a value run into them in small letters ("Regional …" is
	// no field).
	InfoboxEnglish []string
	// CodeLabels name the numeric codes a page gives a place or a line
	// (postal, administrative, dialling): a question asking for one is
	// answered by its digits, not by a sentence naming the label ("…
	// gồm diện tích, dân số, mã hành chính, mã bưu chính.").
	CodeLabels []string
	// BodyAsks ask which body or unit does something ("Cơ quan nào
	// thường trực đường dây nóng?", "Which unit receives the hotline
	// information?"): a contact field they name is their subject, not
	// what they ask for.
	BodyAsks []string
	// PluralPronouns are the forms of address the chat register makes a
	// plural with "mấy" ("mấy ông công an phường", "mấy anh chị"):
	// "those", not a count asked. Only those whose unmarked form is no
	// other word after "mấy" ("mấy chi bộ", "mấy cơ quan", "mấy chủ hộ",
	// "mấy bậc" count).
	PluralPronouns []string
	// NotCurrency are the syllables that make "đồng" after a number a word
	// of its own, not the currency: "41 đồng chí" counts comrades, "3
	// đồng bào" people, "2 đồng đội" teammates. As written, with marks:
	// "đồng chí" is no "đông" or "dòng".
	NotCurrency []string
	// EnglishSpellings are British spellings (and irregular plurals) that
	// no rule of EnglishForm reads, with the form search compares them by.
	EnglishSpellings map[string]string
}

// Weekday is one day of the week in the ways a page or question writes it.
type Weekday struct {
	Name    string // "thứ hai", "chủ nhật"
	Digit   string // "thứ 2"; empty for Sunday
	English string // "Monday"
}

// PlacePrefix is a kind of place as written before its name.
type PlacePrefix struct {
	Name  string   // "phường", "thành phố"
	Short []string // "P", "TP": written before a name, with a dot or not
	// Level is the kind's rank in the administration: 1 a province, 2 a
	// district, 3 a commune, 4 a village; 0 for "thành phố", which is a
	// province's level or a district's.
	Level int
	// English are the English kind words that stand for it, written after
	// a name ("Bac Kan province").
	English []string
}

// Lexicon is the domain vocabulary every layer reads.
var Lexicon = lexicon{
	DocTypes:      docTypeList,
	ContactFields: contactFieldList,
	PlacePrefixes: []PlacePrefix{
		{Name: "tỉnh", Level: 1, English: []string{"province"}},
		{Name: "thành phố", Short: []string{"TP"}, English: []string{"city"}},
		{Name: "phường", Short: []string{"P"}, Level: 3, English: []string{"ward"}},
		{Name: "xã", Short: []string{"X"}, Level: 3, English: []string{"commune"}},
		{Name: "thôn", Level: 4, English: []string{"village", "hamlet"}},
		{Name: "tổ dân phố", Short: []string{"TDP"}, Level: 4},
		{Name: "huyện", Short: []string{"H"}, Level: 2, English: []string{"district"}},
		{Name: "quận", Short: []string{"Q"}, Level: 2, English: []string{"district"}},
		{Name: "thị xã", Short: []string{"TX"}, Level: 2, English: []string{"town"}},
		{Name: "thị trấn", Short: []string{"TT"}, Level: 3, English: []string{"town"}},
		{Name: "ấp", Level: 4, English: []string{"hamlet"}},
		{Name: "khu phố", Short: []string{"KP"}, Level: 4},
		{Name: "xóm", Level: 4, English: []string{"village"}},
		{Name: "bản", Level: 4, English: []string{"village"}},
		{Name: "tổ", Level: 4}, {Name: "khối", Level: 4},
		{Name: "đặc khu", Level: 3, English: []string{"zone"}},
	},
	InfoboxLabels: []string{"Quốc gia", "Vùng", "Tỉnh lỵ", "Huyện lỵ", "Thủ phủ", "Thành lập", "Giải thể",
		"Tọa độ", "Toạ độ", "Diện tích", "Dân số", "Mật độ", "Dân tộc", "Thành thị", "Nông thôn", "Số hộ",
		"Mã hành chính", "Mã bưu chính", "Mã điện thoại", "Mã địa lý", "Biển số xe", "Múi giờ", "Độ cao",
		"Phân chia hành chính", "Đại biểu quốc hội", "Hội đồng nhân dân", "Tên khác", "Biệt danh", "GRDP",
		"Khí hậu", "Tổng cộng", "Tổng số",
		"Số hiệu", "Ngày ban hành", "Ngày có hiệu lực", "Ngày hết hiệu lực", "Tình trạng hiệu lực", "Tình trạng",
		"Loại văn bản", "Cơ quan ban hành", "Người ký", "Lĩnh vực", "Ngày công báo", "Số công báo"},
	InfoboxTotals:   []string{"Tổng cộng", "Tổng số", "Tổng", "Total"},
	InfoboxSubjects: []string{"Số hiệu"},
	InfoboxEnglish: []string{"Country", "Region", "Province", "Capital", "Government", "Area", "Area codes",
		"Area code", "Population", "Density", "Demographics", "Ethnicities", "Time zone", "ISO 3166 code",
		"Postal code", "Licence plate", "License plate", "Founded", "Established", "Seat", "Elevation",
		"People's Council Chair", "People's Committee Chair", "Chairman of People's Committee",
		"Chairman of the People's Committee", "Chairman of People's Council", "Chairman of the People's Council",
		"Secretary", "Party Secretary", "Urban", "Rural", "Total"},
	CodeLabels: []string{"Mã hành chính", "Mã bưu chính", "Mã bưu điện", "Mã điện thoại", "Mã vùng", "Mã số thuế",
		"postal code", "postcode", "zip code", "area code", "administrative code"},
	BodyAsks: []string{"cơ quan nào", "đơn vị nào", "bộ phận nào", "which unit", "which agency", "which body",
		"which department", "which office", "which organization"},
	EnglishSpellings: map[string]string{
		"programme": "program", "licence": "license", "defence": "defense", "offence": "offense",
		"practise": "practice", "enrol": "enroll", "enrolment": "enrollment", "fulfil": "fulfill",
		"catalogue": "catalog", "dialogue": "dialog", "analyse": "analyze", "ageing": "aging",
		"children": "child", "women": "woman", "chairmen": "chairman", "chairwomen": "chairwoman",
	},
	UnmarkedContent: strings.Fields(`ban do nhu tai toi minh co nha ha chu thoi mat day chua ba ta ben`),
	TypedShorts:     []Term{{Short: "CA", Long: []string{"công an"}}, {Short: "BP", Long: []string{"bộ phận"}}},
	FunctionWords: strings.Fields(`là gì của và các những nào có không được thì mà với cho từ đến trong ở
	về việc như thế hay hoặc này ấy ạ ơi nhé vậy sao ai đâu bao nhiêu giờ khi mấy một sẽ đã đang bị bởi tại theo rồi nữa còn
	gồm hãy biết do tôi xin hỏi giúp hiện nay vừa qua mình bạn cần muốn vui lòng nhỉ lúc
	mất hết lên luôn nha nhá hả à giùm dùm đó đấy thôi chứ kia hen nhen chưa rằng phải bây em cháu ông bà
	nhưng ủa ad ta bên`),
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
	SourceOpeners:   []string{"theo", "according to", "according to the"},
	SourceModifiers: []string{"tiếng Anh", "tiếng Việt", "cũ", "old", "English", "Vietnamese", "the"},
	SourceNouns: []string{"bảng thông tin", "bài wiki", "trang wiki", "wiki", "bài wikipedia", "trang wikipedia", "wikipedia",
		"infobox", "bảng tóm tắt", "wiki page", "wikipedia page", "wikipedia article"},
	TitledNames: []string{"Chủ tịch Hồ Chí Minh"},
	FormerTitle: []string{"nguyên"},
	HeadTitles: []string{"Chủ tịch", "Giám đốc", "Bí thư", "Trưởng", "Thủ trưởng", "Chánh", "Hiệu trưởng",
		"Tổng Biên tập", "Chỉ huy trưởng", "Chủ nhiệm"},
	OfficeLabels: []string{"Cơ quan chủ quản", "Đơn vị chủ quản", "Tên cơ quan", "Tên đơn vị", "Cơ quan"},
	MobileLabels: []string{"Di động"},
	BodyHeads: []string{"Ủy ban", "Uỷ ban", "Hội đồng", "Hội", "Sở", "Ban", "Phòng", "Báo", "Đài", "Trung tâm",
		"Công an", "Tỉnh ủy", "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Huyện ủy", "Huyện uỷ", "Thị ủy", "Thị uỷ",
		"Quận ủy", "Quận uỷ", "Đảng ủy", "Đảng uỷ", "Cục", "Chi cục", "Viện", "Trường", "Bệnh viện",
		"Mặt trận", "Liên đoàn", "Đoàn", "Văn phòng", "Tòa án", "Toà án", "Bộ", "Công ty", "Ngân hàng",
		"Kho bạc", "Bảo hiểm", "Thanh tra", "Chi hội", "Hợp tác xã", "Bộ Chỉ huy", "Ủy ban Kiểm tra", "UB"},
	ChangeWords:     []string{"giảm", "tăng", "bớt", "reduced", "reduce", "decreased", "increased", "cut"},
	CitationOpeners: []string{"Căn cứ", "Theo", "Thực hiện", "Xét", "Trên cơ sở", "Thừa lệnh", "Thay mặt"},
	GroundsOpeners:  []string{"Căn cứ", "Xét", "Pursuant to"},
	MiddleNames:     []string{"Văn", "Thị"},
	StampWords: []string{"date", "cập nhật", "cập nhật lúc", "đăng ngày", "ngày đăng", "đăng lúc", "posted", "posted on",
		"updated", "published"},
	PostedAsks: []string{"đăng", "cập nhật", "posted", "published", "updated"},
	NameHeads: []string{"nhà thơ", "nhà văn", "nhà báo", "nhà giáo", "nhà nghiên cứu", "nhà khoa học", "nhạc sĩ",
		"họa sĩ", "hoạ sĩ", "nghệ sĩ", "nghệ nhân", "tiến sĩ", "thạc sĩ", "giáo sư", "bác sĩ", "kỹ sư", "luật sư",
		"người ký", "tác giả", "phóng viên"},
	Reorganising: []string{"sáp nhập", "sắp xếp", "hợp nhất", "thành lập", "nhập", "gộp", "điều chỉnh",
		"merger", "merging", "merged", "merge", "arrangement", "arranging", "rearrangement", "reorganization",
		"reorganisation", "reorganizing", "consolidation", "establishment", "restructuring"},
	AfterWords:   []string{"sau", "sau khi", "sau đợt", "after", "after the"},
	BeforeWords:  []string{"trước", "trước khi", "trước đợt", "before", "before the", "prior to", "prior to the"},
	CurrentWords: []string{"hiện nay", "hiện có", "hiện tại", "currently", "at present"},
	FormerWords:  []string{"trước đây", "previously", "formerly"},
	Periods:      []string{"đợt", "kỳ họp", "giai đoạn", "lần", "khóa", "khoá", "phiên họp", "phiên", "quý", "tháng", "cơ sở", "chi nhánh", "branch"},
	Terms:        []string{"nhiệm kỳ", "khóa", "khoá", "term"},
	EnglishTitles: []Term{
		{Short: "director", Long: []string{"Giám đốc"}}, {Short: "chairman", Long: []string{"Chủ tịch"}},
		{Short: "chairwoman", Long: []string{"Chủ tịch"}}, {Short: "chairperson", Long: []string{"Chủ tịch"}},
		{Short: "president", Long: []string{"Chủ tịch"}}, {Short: "secretary", Long: []string{"Bí thư"}},
		{Short: "head", Long: []string{"Trưởng"}}, {Short: "principal", Long: []string{"Hiệu trưởng"}},
		{Short: "editor in chief", Long: []string{"Tổng Biên tập"}},
	},
	Seasons: [][]string{{"mùa hè", "mùa hạ", "summer"}, {"mùa đông", "winter"}, {"mùa xuân", "spring"},
		{"mùa thu", "autumn"}, {"mùa mưa", "rainy season"}, {"mùa khô", "dry season"}},
	EnglishDeputy:        []string{"deputy", "vice"},
	Deputy:               "Phó",
	Month:                "tháng",
	ListJoiners:          []string{"và", "and"},
	Locatives:            []string{"tại", "ở", "at"},
	ReplacedMarkers:      []string{"thay", "thay thế", "kế nhiệm", "thế chỗ", "replace", "replaced", "replacing", "succeed", "succeeded", "succeeding", "took over from", "in place of"},
	Honorifics:           []string{"ông", "bà", "đồng chí"},
	SignerAsks:           []string{"ai ký", "người ký", "do ai ký", "who signed", "signed by whom"},
	HolderAsks:           []string{"là ai", "ai là", "tên là gì", "họ tên", "họ và tên", "who is", "who was", "who will be", "who are", "who became", "bầu ai", "ai được bầu", "ai được chỉ định", "ai được bổ nhiệm", "ai giữ chức", "ai đảm nhận", "ai đảm nhiệm", "ai đứng đầu", "ai phụ trách", "who heads", "who leads", "who chairs", "who holds", "who replaced", "who succeeded", "who took over", "who has been"},
	CountNamers:          []string{"số", "số lượng", "number of"},
	ProvincePrefixes:     []string{"tỉnh", "thành phố"},
	EnglishNameJoiners:   []string{"of", "and", "for"},
	CountWords:           []string{"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "vài", "nhiều"},
	Ordinals:             []string{"nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"},
	OrdinalMarker:        "thứ",
	SequenceNouns:        []string{"kỳ họp", "kỳ", "phiên họp", "phiên", "hội nghị", "đại hội", "lần", "đợt", "khóa", "khoá", "xếp", "đứng"},
	NumberedNouns:        []string{"khóa", "khoá", "đại hội", "lần"},
	EnglishSequenceNouns: []string{"session", "plenum", "plenary", "congress", "conference", "meeting", "sitting", "term", "tenure", "assembly", "convention"},
	OrdinalAsks: []string{"thu_may", "lan thu bao nhieu", "hop thu bao nhieu", "khoa thu bao nhieu", "dot thu bao nhieu", "khoa may", "khoa bao nhieu", "lan may", "ky may", "dai hoi may",
		"which session", "what session", "which plenum", "which plenary", "which congress", "which conference", "which sitting", "which term", "what term", "which tenure", "which meeting", "which assembly"},
	CountAsks:             []string{"bao nhiêu", "how many", "how much", "mấy"},
	ScheduleWords:         []string{"làm việc", "mở cửa", "tiếp công dân", "lịch", "nghỉ", "trực"},
	HoursWords:            []string{"hành chính", "hc", "tiếp", "đóng cửa", "cao điểm"},
	NowWords:              []string{"giờ"},
	PlaceMarkers:          []string{"đặt tại", "trụ sở", "địa chỉ", "tọa lạc", "đóng tại", "địa điểm", "location"},
	ReasonMarkers:         []string{"nhằm", "vì", "bởi vì", "do đó", "mục đích", "mục tiêu", "ý nghĩa", "cần thiết"},
	QuestionAsks:          questionAskList,
	Classifiers:           []string{"đơn vị"},
	PluralPronouns:        []string{"ông", "bà", "anh", "em"},
	NotCurrency:           strings.Fields("chí bào nghiệp đội hương môn minh hồ lòng đẳng ý"),
	EnglishTitleModifiers: []string{"deputy", "vice", "executive", "permanent"},
	EnglishBackUnits:      strings.Fields("commune ward province city district town village hamlet"),
	EnglishHonorifics:     []string{"Mr", "Ms", "Mrs", "Madam"},
	EnglishPlaceKinds:     strings.Fields("Street Road Avenue Boulevard Alley Lane Bridge Ward Commune District Province City Town Township Village Hamlet Zone Area School College University Hospital Market Square Park Pagoda Temple Church Station"),
	EnglishFunctionWords:  strings.Fields("the of and to in is was has with for on"),
	EnglishStopWords:      strings.Fields(`what which who whom where when how many much is are was were the a an of to in on for and or do does did by with from at this that it its be been there their has have had can i you me my please tell about into any some will would should shall may might get got be being as s`),
	EnglishWhich:          []string{"which", "what"},
	Which:                 "nào",
	WhichQualifiers:       []string{"cũ", "mới", "khác", "còn", "lại"},
	EnglishWhichKinds:     []string{"hamlet", "village", "unit", "zone"},
	EnglishArticles:       []string{"the"},
	OfficeWords:           []string{"office", "offices", "headquarters"},
	PlaceOffice:           "Ủy ban nhân dân",
	ChatForms: map[string]string{
		"ko": "không", "k": "không", "kh": "không", "hok": "không", "hem": "không", "hông": "không", "hổng": "không",
		"dc": "được", "đc": "được", "dk": "được", "j": "gì", "gi": "gì",
		"bn": "bao nhiêu", "bnh": "bao nhiêu", "nhiu": "nhiêu", "nhiêu": "bao nhiêu", "ntn": "như thế nào", "bh": "bao giờ",
		"z": "vậy", "v": "vậy", "r": "rồi", "cx": "cũng", "cg": "cũng", "mk": "mình", "mik": "mình",
		"lm": "làm", "ng": "người", "e": "em", "ns": "nói", "vs": "với", "trc": "trước", "đt": "điện thoại",
		"ổng": "ông ấy", "bả": "bà ấy", "xài": "dùng", "mần": "làm", "bít": "biết", "sx": "sắp xếp",
		"t2": "thứ 2", "t3": "thứ 3", "t4": "thứ 4", "t5": "thứ 5", "t6": "thứ 6", "t7": "thứ 7",
		"khum": "không", "khôg": "không", "khg": "không", "kô": "không", "bjo": "bây giờ", "nhìu": "nhiều",
		"ngta": "người ta", "nx": "nữa", "thui": "thôi", "wá": "quá", "qá": "quá", "ji": "gì", "oy": "rồi",
		"bik": "biết", "đag": "đang",
	},
	ChatPhrases: [][2]string{
		{"hồi nào", "khi nào"}, {"hồi xưa", "trước đây"}, {"hồi trước", "trước đây"}, {"bữa nào", "ngày nào"},
		{"hôm nào", "ngày nào"}, {"cỡ bao nhiêu", "bao nhiêu"}, {"tầm bao nhiêu", "bao nhiêu"},
		{"chừng bao nhiêu", "bao nhiêu"}, {"cỡ nào", "bao nhiêu"},
		{"cỡ mấy", "mấy"}, {"đông dân", "dân số"}, {"nhập vô", "nhập vào"}, {"vô đâu", "vào đâu"},
		{"tới ngày", "đến ngày"}, {"tới chỗ nào", "đến chỗ nào"}, {"mấy h", "mấy giờ"}, {"bây h", "bây giờ"},
	},
	ChatVocatives:         []string{"mọi người", "mn", "ad", "admin", "ad ơi", "admin ơi", "mn ơi", "mọi người ơi"},
	ChatParticles:         strings.Fields(`vậy thế ạ à ơi nhé nhá nhỉ hả hở đấy chứ hen nhen`),
	ChatParticlesUnmarked: []string{"vay"},
	ChatTails:             []string{"ta", "á", "a"},
	BoundAfter: map[string][]string{
		"hoi": strings.Fields(`cho xin muon can toi em minh ban anh chi`),
		"giờ": strings.Fields(`bao mấy lúc bây`),
		"gio": strings.Fields(`bao may luc bay`),
		"xa":  {"bao"},
		"lau": {"bao"},
		"lâu": {"bao"},
	},
	DoneWords: []string{"xong"},
	Weekdays: []Weekday{
		{"thứ hai", "thứ 2", "Monday"}, {"thứ ba", "thứ 3", "Tuesday"}, {"thứ tư", "thứ 4", "Wednesday"},
		{"thứ năm", "thứ 5", "Thursday"}, {"thứ sáu", "thứ 6", "Friday"}, {"thứ bảy", "thứ 7", "Saturday"},
		{"chủ nhật", "", "Sunday"},
	},
}

// DocType is a kind of document a local government cites: its code in
// document numbers, its name, and the other ways writers and readers name
// it.
type DocType struct {
	Code    string   // canonical code as published: "NQ", "CTr", "QĐi"
	Name    string   // Vietnamese name: "Nghị quyết"
	Aliases []string // other codes writers use for it: "QY" for Quy định
	// Names are what writers put before a number ("Nghị quyết số 18",
	// "Chương trình hành động số 22"); empty for a type only ever named
	// by its code.
	Names   []string
	English []string // English names a question may use: "resolution"
	// Generic: the name is any document's ("văn bản"): a question asking
	// "văn bản nào" asks for no type.
	Generic bool
}

// Key is the type as search keys documents and questions: the code
// folded to its letters, "nq", "ctr", "qdi".
func (t DocType) Key() string {
	var b strings.Builder
	for _, r := range Fold(t.Code) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// docTypeList: a party regulation is numbered "08-QĐi/TW"; earlier lists
// here wrote it "QY", and search looked it up as "qdi", so "Quy định số
// 15" was never found. One list, one key.
var docTypeList = []DocType{
	{Code: "NQ", Name: "Nghị quyết", Names: []string{"Nghị quyết"}, English: []string{"resolution"}},
	{Code: "KL", Name: "Kết luận", Names: []string{"Kết luận"}, English: []string{"conclusion"}},
	{Code: "KH", Name: "Kế hoạch", Names: []string{"Kế hoạch"}, English: []string{"plan"}},
	{Code: "CTr", Name: "Chương trình", Names: []string{"Chương trình hành động", "Chương trình"}, English: []string{"programme", "program"}},
	{Code: "QĐ", Name: "Quyết định", Names: []string{"Quyết định"}, English: []string{"decision"}},
	{Code: "CT", Name: "Chỉ thị", Names: []string{"Chỉ thị"}, English: []string{"directive"}},
	{Code: "TB", Name: "Thông báo", Names: []string{"Thông báo"}, English: []string{"notice", "announcement"}},
	{Code: "ĐA", Name: "Đề án", Names: []string{"Đề án"}, English: []string{"project", "scheme"}},
	{Code: "HD", Name: "Hướng dẫn", Names: []string{"Hướng dẫn"}, English: []string{"guidance", "guideline"}},
	{Code: "BC", Name: "Báo cáo", Names: []string{"Báo cáo"}, English: []string{"report"}},
	{Code: "TTr", Name: "Tờ trình", Names: []string{"Tờ trình"}},
	{Code: "NĐ", Name: "Nghị định", Names: []string{"Nghị định"}, English: []string{"decree"}},
	{Code: "TT", Name: "Thông tư", Names: []string{"Thông tư"}, English: []string{"circular"}},
	{Code: "CV", Name: "Công văn", Names: []string{"Công văn"}, English: []string{"official letter", "dispatch", "letter"}},
	{Code: "QC", Name: "Quy chế", Names: []string{"Quy chế"}},
	{Code: "QĐi", Name: "Quy định", Aliases: []string{"QY", "QYĐ"}, Names: []string{"Quy định"}, English: []string{"regulation"}},
	{Code: "TTg", Name: "Quyết định của Thủ tướng"},
	{Code: "VB", Name: "Văn bản", Names: []string{"Văn bản"}, Generic: true},
	{Code: "CĐ", Name: "Công điện", Names: []string{"Công điện"}},
}

// docTypeCodeKey is how a written code is compared: upper case, no dots.
func docTypeCodeKey(code string) string { return strings.ToUpper(strings.ReplaceAll(code, ".", "")) }

// The lookups are built on first use: Fold's tables are filled by an init
// function, after package variables.
var (
	docTypesByCode = sync.OnceValue(func() map[string]DocType {
		m := map[string]DocType{}
		for _, t := range Lexicon.DocTypes {
			m[docTypeCodeKey(t.Code)] = t
			for _, a := range t.Aliases {
				m[docTypeCodeKey(a)] = t
			}
		}
		return m
	})
	docTypesByName = sync.OnceValue(func() map[string]DocType {
		m := map[string]DocType{}
		for _, t := range Lexicon.DocTypes {
			for _, n := range t.Names {
				m[Fold(n)] = t
			}
		}
		return m
	})
	docTypesByEnglish = sync.OnceValue(func() map[string]DocType {
		m := map[string]DocType{}
		for _, t := range Lexicon.DocTypes {
			for _, n := range t.English {
				m[n] = t
			}
		}
		return m
	})
)

// DocTypeByCode finds a type by a code as written in a document number,
// in any case and with dots ("NQ", "Ctr", "QĐi", "QY").
func (l *lexicon) DocTypeByCode(code string) (DocType, bool) {
	t, ok := docTypesByCode()[docTypeCodeKey(code)]
	return t, ok
}

// DocTypeByName finds a type by a name written before a number, folded
// ("nghi quyet", "chuong trinh hanh dong").
func (l *lexicon) DocTypeByName(folded string) (DocType, bool) {
	t, ok := docTypesByName()[folded]
	return t, ok
}

// DocTypeByEnglish finds a type by its English name, folded to lower case
// ("resolution", "official letter").
func (l *lexicon) DocTypeByEnglish(folded string) (DocType, bool) {
	t, ok := docTypesByEnglish()[folded]
	return t, ok
}

// ContactField is a part of an office's contact that pages label and
// questions ask for.
type ContactField struct {
	// Kind names the field: "phone", "hotline", "fax", "email", "website",
	// "address", "hours", "person".
	Kind string
	// Labels are how pages label the field, as written ("Đường dây nóng",
	// "Thư điện tử"), longest first within the field.
	Labels []string
	// Asks are the phrases, folded, a question uses to ask for the field
	// in Vietnamese typed with or without accents and in English. A
	// phrase must ask for the field wherever it stands: bare "gọi" is not
	// one ("tên gọi", "được gọi là"), nor "hộp thư" (folded, it is the
	// "họp thứ" of "kỳ họp thứ 12").
	Asks []string
	// Words are the words, folded, that in a question asking for the
	// field say only that it is asked ("số", "điện thoại", "chỗ" of "chỗ
	// nào"): they are not what an answer must hold.
	Words []string
}

// QuestionAsk is a kind of answer and the phrases a question asks for it
// with.
type QuestionAsk struct {
	// Kind names the answer: "number", "name", "author", "date", "reason",
	// "percent", "time" (of day), "duration", "subject".
	Kind string
	// Asks are the phrases, folded, as ContactField's: Vietnamese typed
	// with or without accents, and English.
	Asks []string
	// Words are the words, folded, that in a question asking for this
	// kind of answer say only that it is asked ("ngày", "when"), as
	// ContactField's Words.
	Words []string
}

var questionAskList = []QuestionAsk{
	// "rộng bao nhiêu", "rộng cỡ nào": "rộng" asks the area; a page
	// writes "diện tích".
	{Kind: "number", Asks: []string{"bao nhieu", "so luong", "how many", "how much"}, Words: []string{"rong"}},
	{Kind: "name", Asks: []string{"who", "ai", "whom", "which person"}},
	{Kind: "author", Asks: []string{"tac gia", "nguoi viet", "ai viet", "author", "who wrote", "written by"},
		Words: strings.Fields("tac gia viet author wrote bai article written")},
	{Kind: "date", Asks: []string{"khi nao", "ngay nao", "nam nao", "bao gio", "luc nao",
		"thoi gian nao", "ngay bao nhieu", "when", "what date", "which date", "which year", "what year",
		"what day", "which day", "what month", "which month"},
		Words: strings.Fields("ngay nam when date year")},
	// "vì sao", "tại sao": the reason is asked, not about "vì" or "tại".
	{Kind: "reason", Asks: []string{"vi sao", "tai sao", "why", "muc dich", "purpose", "what for"}, Words: strings.Fields("sao why vi tai")},
	{Kind: "percent", Asks: []string{"phan tram", "ty le", "percent", "rate", "percentage", "proportion", "ratio", "what share", "which share"}, Words: strings.Fields("phan tram percent")},
	// "what time …": the time is asked, not about.
	{Kind: "time", Asks: []string{"may gio", "gio nao", "what time", "open", "what hours", "which hours"}, Words: []string{"time"}},
	// "mất mấy tháng" counts months of a span, not "tháng" of a date;
	// "ngày", "năm" are its words as they are a date's.
	{Kind: "duration", Asks: []string{"bao lau", "may ngay", "may thang", "may nam", "thoi han", "how long",
		"how many days", "how many months", "how many years", "time limit"},
		Words: strings.Fields("lau long thang ngay nam when date year")},
	// "nói về vấn đề gì": the subject is asked, "vấn đề" is not it.
	{Kind: "subject", Asks: []string{"ve viec gi", "noi ve", "van de gi", "ve gi", "noi dung", "about"}, Words: strings.Fields("van de")},
}

// contactFieldList: a hotline comes before the phone, so a label naming
// both ("Số điện thoại đường dây nóng") is read as the hotline by the
// layers that take the first field that matches.
var contactFieldList = []ContactField{
	{Kind: "hotline",
		Labels: []string{"Đường dây nóng", "Hotline", "Trực ban"},
		Asks:   []string{"hotline", "hotline number", "hot line", "duong day nong", "truc ban"},
		Words:  []string{"hotline"}},
	{Kind: "fax",
		Labels: []string{"Số fax", "Fax"},
		Asks:   []string{"fax", "so fax", "fax number", "facsimile"},
		Words:  strings.Fields("fax so number")},
	{Kind: "email",
		Labels: []string{"Thư điện tử", "E-mail", "Email"},
		Asks:   []string{"email", "e mail", "thu dien tu", "mail", "electronic mail"},
		Words:  strings.Fields("email mail")},
	{Kind: "phone",
		Labels: []string{"Số điện thoại", "Điện thoại", "Di động", "Số máy", "SĐT", "ĐT", "Tel", "Phone"},
		Asks: []string{"so dien thoai", "dien thoai", "sdt", "so dt", "dt", "goi so", "goi so nao", "goi ai", "goi den", "goi cho",
			"goi dien", "so may le", "may le", "tong dai", "lien lac", "lien he qua so", "zalo",
			"phone", "phone number", "telephone", "call", "contact number", "switchboard", "switchboard number", "tel", "landline"},
		Words: strings.Fields("dien thoai sdt dt phone telephone goi call so number")},
	{Kind: "hours",
		Labels: []string{"Thời gian làm việc", "Giờ làm việc", "Lịch làm việc", "Giờ mở cửa"},
		Asks: []string{"gio lam viec", "thoi gian lam viec", "lich lam viec", "gio mo cua", "mo cua", "gio hanh chinh",
			"opening hours", "office hours", "working hours", "business hours", "opening time", "working time", "work schedule", "working schedule"}},
	{Kind: "website",
		Labels: []string{"Trang thông tin điện tử", "Cổng thông tin", "Trang web", "Website"},
		Asks: []string{"website", "trang web", "web", "trang thong tin dien tu", "cong thong tin dien tu", "cong thong tin",
			"dia chi web", "site", "url", "trang mang", "web portal", "portal", "homepage", "home page", "web address"}},
	{Kind: "address",
		Labels: []string{"Địa chỉ", "Trụ sở"},
		Asks: []string{"dia chi", "o dau", "tai dau", "di dau", "cho nao", "noi nao", "dat o", "nam o", "tru so",
			"where", "address", "headquarters", "located", "location", "head office", "headquartered", "situated"},
		// "chỗ nào", "nơi nào" ask where, as "ở đâu" does.
		Words: strings.Fields("dia chi cho noi address where located location")},
	{Kind: "person",
		Labels: []string{"Người chịu trách nhiệm", "Chịu trách nhiệm chính", "Chịu trách nhiệm", "Trưởng ban biên tập"},
		Asks:   []string{"chiu trach nhiem", "in charge"},
		Words:  strings.Fields("chiu trach nhiem")},
}

// ContactField returns the field of a kind; the zero field for an unknown
// kind.
func (l *lexicon) ContactField(kind string) ContactField {
	for _, f := range l.ContactFields {
		if f.Kind == kind {
			return f
		}
	}
	return ContactField{}
}

// FoldedLabels are a field's labels folded, words apart by one space, as
// they are compared with a publisher's label or a question ("e mail").
func (f ContactField) FoldedLabels() []string {
	if ls, ok := foldedLabels()[f.Kind]; ok && len(ls) == len(f.Labels) {
		return ls
	}
	return foldLabels(f.Labels)
}

func foldLabels(labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = foldPhrase(l)
	}
	return out
}

// foldPhrase folds s and keeps its words of letters and digits, one space
// apart: "E-mail" → "e mail".
func foldPhrase(s string) string {
	return strings.Join(strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ")
}

// foldedLabels are the lexicon's folded labels by kind, folded once: search
// reads them for every candidate.
var foldedLabels = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, f := range Lexicon.ContactFields {
		m[f.Kind] = foldLabels(f.Labels)
	}
	return m
})
