package index

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/content"
)

// TestQueryForms: the ways people name documents, offices and fields, on the
// synthetic portal pages of testdata/heldout (fictional places, marked
// synthetic in each file).
func TestQueryForms(t *testing.T) {
	c, err := content.LoadDir(context.Background(), filepath.Join("testdata", "heldout"))
	if err != nil {
		t.Fatal(err)
	}
	ix := mustBuild(t, c)
	tests := []answerCase{
		{"state document by name", "quyết định 1234 ngày nào", "15/5/2024"},
		{"state document by code", "QĐ 1250 ngày nào", "25/5/2024"},
		{"state document in full", "1250/QĐ-UBND", "1250/QĐ-UBND"},
		{"state document in English", "When was Decision 1234/QĐ-UBND issued?", "15/5/2024"},
		{"document number after an English name", "decision no. 1250", "1250/QĐ-UBND"},
		{"plan by name", "kế hoạch 210", "210/KH-UBND"},
		{"document named again, without its number, in the next sentence", "NQ 45 có hiệu lực từ ngày nào", "01/5/2024"},
		{"short form with &", "phòng TN&MT ở đâu", "Tầng 3, nhà B"},
		{"short form with - and &", "SĐT phòng LĐ-TB&XH", "Lao động"},
		{"vowel-less short form in lower case", "sdt cong an tx", "Công an"},
		{"VP", "email vp hdnd-ubnd", "@giadinh.example.invalid"},
		{"who: the sentence naming the person, not a contact", "chu tich ubnd xa vi du mau la ai", "Hoàng Văn Giả"},
		{"subject in the sentence before", "Chủ tịch Hội Chữ thập đỏ phường Minh Họa là ai", "Lê Thị Mẫu"},
	}
	assertAnswers(t, ix, tests, false)
}

// TestYearIsNotADocumentNumber: "the plan 2025" is about a year.
func TestYearIsNotADocumentNumber(t *testing.T) {
	for _, q := range []string{"what is the plan 2025 for communes", "kế hoạch năm 2025"} {
		refs, _ := parseDocRefs(content.Fold(q))
		for _, r := range refs {
			if r.num == "2025" {
				t.Errorf("%q: read as document %+v", q, r)
			}
		}
	}
	refs, _ := parseDocRefs(content.Fold("decision 2025/QĐ-UBND"))
	if len(refs) == 0 || refs[0].key != "2025qdubnd" {
		t.Errorf("decision 2025/QĐ-UBND: refs %+v, want key 2025qdubnd first", refs)
	}
	// Number, year, code: the number is the first ("09/2017/TT-BNV").
	refs, _ = parseDocRefs(content.Fold("TT 09/2017/TT-BNV có hiệu lực từ ngày nào"))
	keys := map[string]bool{}
	for _, r := range refs {
		keys[r.key] = true
	}
	if !keys["9ttbnv"] || keys["2017ttbnv"] {
		t.Errorf("09/2017/TT-BNV: refs %+v, want key 9ttbnv and no 2017ttbnv", refs)
	}
}

// TestParseEverydayForms: chat short forms and everyday words are read as
// what they stand for; look-alikes are not.
func TestParseEverydayForms(t *testing.T) {
	ix := mustDefault(t)
	hasAlt := func(pq parsedQuery, alt string) bool {
		for _, c := range pq.concepts {
			for _, a := range c.alts {
				if strings.Join(a, " ") == alt {
					return true
				}
			}
		}
		return false
	}
	tests := []struct {
		question string
		intent   intent // wanted among the intents, 0 for none
		alt      string // a concept alternative that must be there, "" for none
		notAlt   string // one that must not
	}{
		{"bn thôn sau sáp nhập", wantNumber, "thon", ""},
		{"xã Kỳ Nam bị gộp mất mấy thôn", 0, "sap nhap", "mat"},
		{"xa ky nam bi gop may thon", 0, "sap nhap", ""},
		{"đóng góp của nhân dân", 0, "", "sap nhap"},
		{"ko co so dien thoai a", wantPhone, "", "ko"},
		{"cap giay phep mat bao lau", wantDuration, "", "lau"},
		{"KH 210 ngày nào", wantDate, "", "khong"},
		// The chat register's wordings (lexicon ChatForms, ChatPhrases,
		// ChatVocatives, DoneWords) read as the standard ones.
		{"sắp xếp xong còn nhiêu thôn", wantNumber, "sau", "xong"},
		{"bao nhiêu thôn", wantNumber, "thon", "bao"},
		{"nhập thôn hồi nào vậy mọi người", wantDate, "", "nguoi"},
		{"thôn Hưng Hòa đông dân cỡ nào", wantNumber, "", "co"},
		// "rộng" asks the area, which a page writes "diện tích".
		{"xã Trà Khê rộng cỡ bao nhiêu vậy", wantNumber, "tra", "rong"},
		// English function words are not a Vietnamese question's: "an" of
		// An Giang stays; an English question's possessive "s" asks nothing.
		{"chu tich ubnd tinh an giang la ai", wantName, "an", ""},
		{"What is Ky Anh's phone number?", wantPhone, "", "s"},
		// A syllable the corpus writes is no abbreviation typed in lower
		// case: "thu" is not ThU (Thị ủy).
		{"dai hoi lan thu may", 0, "", "thi uy"},
		// A short form typed in lower case with its "đ" is the short form;
		// "sx" and "T7" are chat forms.
		{"sau sx còn bn đvhc cấp xã", wantNumber, "don vi hanh chinh", "sx"},
		{"T7 có làm việc ko", 0, "", "t7"},
		{"ubnd mở cửa mấy h z", wantTime, "", "h"},
		{"sđt ubnd thị xã khum có à", wantPhone, "", "khum"},
		// A chat form capitalised after a capitalised word is a name's
		// syllable ("Xín Mần"); typed in lower case it is the chat form.
		{"Huyện Xín Mần có diện tích bao nhiêu", wantNumber, "man", "lam"},
		{"mần giấy khai sinh ở đâu", 0, "lam", ""},
		// A short form no glossary lists nor the corpus writes is read by
		// the glossary name its letters spell; two letters are too few.
		{"địa chỉ TT PVHCC cấp xã", wantAddress, "phuc vu hanh chinh cong", ""},
		{"địa chỉ TT PV cấp xã", wantAddress, "", "phuc vu"},
	}
	for _, tt := range tests {
		pq := ix.parse(tt.question)
		if tt.intent != 0 && pq.intents&tt.intent == 0 {
			t.Errorf("%q: intents %b lack %b", tt.question, pq.intents, tt.intent)
		}
		if tt.alt != "" && !hasAlt(pq, tt.alt) {
			t.Errorf("%q: no concept %q in %+v", tt.question, tt.alt, pq.concepts)
		}
		if tt.notAlt != "" && hasAlt(pq, tt.notAlt) {
			t.Errorf("%q: concept %q should not be there: %+v", tt.question, tt.notAlt, pq.concepts)
		}
	}
}

// TestSameAnswerEveryTime: two indexes of the same corpus give the same
// answers, ties included, so that the figures of the quality sets do not
// move from run to run.
func TestSameAnswerEveryTime(t *testing.T) {
	c, err := content.LoadDir(context.Background(), filepath.Join("testdata", "heldout"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := mustBuild(t, c), mustBuild(t, c)
	qs := readQuestions(t, filepath.Join("testdata", "heldout-synthetic-questions.jsonl"))
	for _, q := range qs {
		ra, err := a.Search(context.Background(), q.Question, Options{})
		if err != nil {
			t.Fatal(err)
		}
		rb, err := b.Search(context.Background(), q.Question, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(ra.Hits) != len(rb.Hits) {
			t.Errorf("%q: %d hits, then %d", q.Question, len(ra.Hits), len(rb.Hits))
			continue
		}
		for i := range ra.Hits {
			if ra.Hits[i].ID != rb.Hits[i].ID {
				t.Errorf("%q: hit %d is %s, then %s", q.Question, i, ra.Hits[i].ID, rb.Hits[i].ID)
			}
		}
	}
}

// TestContactsOfferedHaveAnOffice: a number stated in a sentence without
// its office is not offered as an office to call.
func TestContactsOfferedHaveAnOffice(t *testing.T) {
	c := &content.Corpus{Articles: []content.Article{{
		ID: "synthetic", Title: "Bài thử nghiệm (synthetic)", Synthetic: true,
		Paragraphs: []string{"Mọi thắc mắc xin liên hệ số 0000 000 111."},
		Contacts: []content.Contact{
			{Office: "Ủy ban nhân dân xã Thử Nghiệm", Phone: "0000 000 000"},
			{Phone: "0000 000 111", Sentence: "Mọi thắc mắc xin liên hệ số 0000 000 111."},
		},
	}}}
	ix := mustBuild(t, c)
	res, err := ix.Search(context.Background(), "giá vé xe buýt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Contacts) != 1 || res.Contacts[0].Office == "" {
		t.Errorf("contacts offered = %+v, want only the office", res.Contacts)
	}
}

// TestCountedNoun: what a "bao nhiêu …" question counts.
func TestCountedNoun(t *testing.T) {
	ix := mustDefault(t)
	for q, want := range map[string]string{
		"Sau sáp nhập còn bao nhiêu thôn, tổ dân phố?": "thon",
		"ban chấp hành gồm mấy đ/c":                    "dong",
		"bao nhieu nguoi":                              "nguoi",
		"How many villages are left?":                  "village", // compared in its EnglishForm
		"tổng kinh phí là bao nhiêu":                   "",
		"may thon":                                     "thon",
	} {
		if got := ix.parse(q).counted; got != want {
			t.Errorf("%q: counted %q, want %q", q, got, want)
		}
	}
}

// TestParseInvalidUTF8: a stray byte inside a word reads as the letter it
// stands for in the single-byte encodings, as it does in the bot, so ask and
// eval read a question the way a Telegram user's is read. A space there
// ("gi làm") would search another word.
func TestParseInvalidUTF8(t *testing.T) {
	ix := mustDefault(t)
	tests := []struct{ bad, good string }{
		{"gi\xe1 l\xe0m h\u1ed9 chi\u1ebfu", "giá làm hộ chiếu"},
		{"s\xf0t u\xfd ban", "sđt uý ban"},
		{"\xff\xfe dien thoai", "dien thoai"},
	}
	for _, tt := range tests {
		got, want := ix.parse(tt.bad), ix.parse(tt.good)
		if strings.Join(got.folded, " ") != strings.Join(want.folded, " ") {
			t.Errorf("%q: folded %q, want %q", tt.bad, got.folded, want.folded)
		}
	}
}

// TestQuestionAsksKnown: every kind of answer the lexicon lists asks for an
// intent the search knows; one it did not know would be dropped unseen.
func TestQuestionAsksKnown(t *testing.T) {
	for _, q := range content.Lexicon.QuestionAsks {
		if questionKinds[q.Kind] == 0 {
			t.Errorf("lexicon question ask kind %q has no intent", q.Kind)
		}
		for _, a := range q.Asks {
			if a != content.Fold(a) {
				t.Errorf("%s ask %q is not folded", q.Kind, a)
			}
		}
	}
}

// TestBodiesNamed: a body head and its name are read as a body the answer
// must name, typed with marks or without; the head's words as a kind or
// another word are not, nor a body the glossary reads already.
func TestBodiesNamed(t *testing.T) {
	ix := mustDefault(t)
	tests := []struct {
		question string
		want     []string // each body's first spelling
	}{
		{"Số điện thoại Công an thị xã Kỳ Anh là bao nhiêu?", []string{"cong an"}},
		{"sdt cong an thi xa ky anh", []string{"cong an"}},
		{"sdt CA thị xã Kỳ Anh", []string{"ca"}},
		{"email ban tuyen giao thi uy ky anh", []string{"ban tuyen giao", "thi uy"}},
		{"Email Ban Tuyên giáo Thị uỷ Kỳ Anh", []string{"ban tuyen giao", "thi uy"}},
		{"Sở Tư pháp ở đâu", []string{"so tu phap"}},
		{"Nghị quyết 18 ban hành ngày nào", nil},
		{"hội nghị tổng kết tổ chức khi nào", nil},
		{"phòng họp ở đâu", nil},
		{"bạn tuyên truyền gì", nil},
		{"số điện thoại ủy ban nhân dân thị xã", nil},
	}
	for _, tt := range tests {
		pq := ix.parse(tt.question)
		var got []string
		for _, b := range pq.bodies {
			got = append(got, strings.Join(b.alts[0], " "))
		}
		if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
			t.Errorf("%q: bodies %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestDropChatTail: the chat particles and vocatives a question ends with
// are dropped; a spelling that is a word where it stands is kept ("ha" a
// hectare, "nha" the "nhà" of "tòa nhà", "ta" of "nước ta", "Á" of "châu
// Á", "vay" in a question typed with marks, a particle in capitals, a
// question of one word).
func TestDropChatTail(t *testing.T) {
	tests := []struct{ in, want string }{
		{"xã Vi Lâm có mấy thôn vậy ạ", "xã Vi Lâm có mấy thôn"},
		{"trụ sở ở đâu á?", "trụ sở ở đâu"},
		{"công chứng được không ta", "công chứng được không"},
		{"cà mau từng mang tên gì vậy ta", "cà mau từng mang tên gì"},
		{"mấy giờ mở cửa hả ad", "mấy giờ mở cửa"},
		{"có bao nhiêu chi hội thế mn", "có bao nhiêu chi hội"},
		{"dân số bao nhiêu nhỉ mọi người ơi", "dân số bao nhiêu"},
		{"o dau lam can cuoc vay", "o dau lam can cuoc"},
		{"o dau a", "o dau"},
		{"rong bao nhieu ha", "rong bao nhieu ha"},
		{"co bao nhieu toa nha", "co bao nhieu toa nha"},
		{"dân số nước ta", "dân số nước ta"},
		{"nước nào lớn nhất châu á", "nước nào lớn nhất châu á"},
		{"ngân hàng nào ở phường cho vay", "ngân hàng nào ở phường cho vay"},
		{"tổ dân phố A", "tổ dân phố A"},
		{"Thôn Vậy", "Thôn Vậy"},
		{"vậy", "vậy"},
	}
	for _, tt := range tests {
		if got := dropChatTail(tt.in, !hasDiacritic(tt.in)); got != tt.want {
			t.Errorf("dropChatTail(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
