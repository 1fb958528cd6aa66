package bot_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf16"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/content"
)

// directoryFixtures are two synthetic contact directories (fictional offices,
// marked synthetic) kept by the packages that parse and index them: one with
// a duty phone, hotlines, a named official and opening hours in several list
// styles, one a portal page listing ten offices.
var directoryFixtures = map[string]string{
	"danh-ba.txt":         "../content/testdata/synthetic/danh-ba.txt",
	"danh-ba-co-quan.txt": "../index/testdata/heldout/danh-ba-co-quan.txt",
}

// mustDirectory loads the directory fixtures as a corpus, nothing else.
func mustDirectory(tb testing.TB) *content.Corpus {
	tb.Helper()
	fsys := fstest.MapFS{}
	for name, path := range directoryFixtures {
		b, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	c, err := content.Load(context.Background(), fsys)
	if err != nil {
		tb.Fatal(err)
	}
	if len(c.Articles) != len(directoryFixtures) {
		tb.Fatalf("loaded %d articles, want %d: %v", len(c.Articles), len(directoryFixtures), c.Problems)
	}
	for _, a := range c.Articles {
		if !a.Synthetic {
			tb.Fatalf("fixture %s is not marked synthetic", a.Path)
		}
	}
	return c
}

// TestGoldenDirectory is a conversation over a contact directory: the
// listing of many offices, hotlines and duty phones asked for by their
// publisher's names, and the no-answer offer kept short.
func TestGoldenDirectory(t *testing.T) {
	searcher := newSearcher(t, mustDirectory(t))
	st := store.NewMemory(store.Options{Now: fixedNow})
	conv := newConversation(t, bot.New(searcher, st, bot.Options{BotUsername: "kyanhbot", Now: fixedNow}))
	for _, s := range []step{
		{text: "/lienhe"}, {press: "Xem thêm ›"},
		{text: "/lienhe công an xã"}, {text: "số điện thoại?"}, {text: "đường dây nóng"}, {text: "fax?"},
		{text: "hotline của trạm y tế"}, {text: "giờ làm việc"}, {text: "giờ mở cửa bể bơi"}, {text: "số đường dây nóng của trường mầm non"},
		{text: "email của phòng tư pháp"}, {text: "trực ban công an thị xã"},
		{text: "lịch tiêm phòng"}, {text: "hotline"},
		{text: "/lienhe cong an", lang: "en", user: 1002}, {text: "hotline?", lang: "en", user: 1002},
	} {
		conv.do(s)
	}
	golden(t, "directory", conv.out.String())
}

// TestContactQuestions asks contact questions after a contact was shown and
// checks which office and which lines answer them.
func TestContactQuestions(t *testing.T) {
	searcher := newSearcher(t, mustDirectory(t))
	tests := []struct {
		name   string
		before string // shows a contact first
		ask    string
		want   []string
		absent []string
	}{
		{name: "hotline in Extra", before: "/lienhe công an xã thử nghiệm", ask: "hotline",
			want:   []string{"<b>Công an xã Thử Nghiệm</b>", "Đường dây nóng: 0000 000 029"},
			absent: []string{"Trưởng Công an xã"}},
		{name: "Vietnamese hotline phrase", before: "/lienhe công an xã thử nghiệm", ask: "còn đường dây nóng thì sao?",
			want: []string{"Đường dây nóng: 0000 000 029"}},
		{name: "duty phone answers the phone question with its label", before: "/lienhe công an xã thử nghiệm", ask: "số điện thoại",
			want:   []string{"Điện thoại trực ban: 0000 000 020", "Đường dây nóng: 0000 000 029"},
			absent: []string{"Điện thoại: 0000 000 020"}},
		{name: "duty phone asked for by name", before: "/lienhe văn phòng", ask: "trực ban công an thị xã",
			want: []string{"<b>Công an thị xã Giả Định</b>", "Điện thoại trực ban: 0000 100 061", "Đường dây nóng: 0000 100 069"}},
		{name: "hotline of a named office", before: "/lienhe", ask: "hotline của trạm y tế",
			want:   []string{"<b>Trạm Y tế xã</b>", "Hotline: 0000 000 031"},
			absent: []string{"0000 000 030"}},
		{name: "label with both phone and hotline words", before: "/lienhe", ask: "đường dây nóng trường mầm non",
			want: []string{"Số điện thoại đường dây nóng: 0000 000 049"}, absent: []string{"0000 000 040"}},
		{name: "phone question includes the hotline, not the official's", before: "/lienhe văn phòng xã thử nghiệm",
			ask: "điện thoại", want: []string{"Điện thoại: 0000 000 010"}, absent: []string{"0000 000 012"}},
		{name: "no hotline published", before: "/lienhe phòng tư pháp", ask: "hotline?",
			want: []string{"Phòng Tư pháp không công bố đường dây nóng.", "☎️ Điện thoại: 0000 100 011"}},
		{name: "fax of the office shown", before: "/lienhe văn phòng xã thử nghiệm", ask: "còn số fax?",
			want: []string{"📠 Fax: 0000 000 011"}},
		{name: "two offices named alike go to search", before: "/lienhe phòng tư pháp", ask: "hotline của văn phòng",
			absent: []string{"Phòng Tư pháp không công bố"}},
		{name: "the office shown wins a tie", before: "/lienhe công an thị xã", ask: "hotline của công an",
			want: []string{"<b>Công an thị xã Giả Định</b>\n📞 Điện thoại trực ban: 0000 100 061\n📞 Đường dây nóng: 0000 100 069"}},
		{name: "opening hours", before: "/lienhe một cửa", ask: "giờ làm việc?",
			want: []string{"<b>Bộ phận Một cửa thị xã (Trung tâm Hành chính công)</b>\n🕒 Thời gian làm việc: sáng từ 7h00"}},
		{name: "opening hours not published", before: "/lienhe phòng nội vụ", ask: "thời gian làm việc",
			want: []string{"Phòng Nội vụ không công bố giờ làm việc."}},
		{name: "after a searched contact, the office of its first line", before: "số điện thoại văn phòng HĐND-UBND thị xã Giả Định", ask: "email?",
			want: []string{"<b>Văn phòng HĐND-UBND thị xã</b>\n✉️ Email: vanphong@giadinh.example.invalid"}},
		{name: "English", before: "/lienhe phòng tư pháp", ask: "hotline?",
			want: []string{"Phòng Tư pháp does not publish its hotline."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := bot.New(searcher, store.NewMemory(store.Options{}), bot.Options{})
			lang := "vi"
			if tt.name == "English" {
				lang = "en"
			}
			m := bot.Message{ChatID: 5, UserID: 5, ChatType: bot.ChatPrivate, LangCode: lang, Text: tt.before}
			if _, err := e.Handle(context.Background(), m); err != nil {
				t.Fatal(err)
			}
			m.Text = tt.ask
			replies, err := e.Handle(context.Background(), m)
			if err != nil || len(replies) != 1 {
				t.Fatalf("%q: %d replies, err %v", tt.ask, len(replies), err)
			}
			got := replies[0].Text
			checkReply(t, replies[0])
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q: reply lacks %q:\n%s", tt.ask, w, got)
				}
			}
			for _, w := range tt.absent {
				if strings.Contains(got, w) {
					t.Errorf("%q: reply has %q:\n%s", tt.ask, w, got)
				}
			}
		})
	}
}

// TestContactRepliesFitAMessage checks that every contact reply over a
// directory with a pathological office (dozens of long labelled lines and
// markup in them) stays one Telegram message, escaped.
func TestContactRepliesFitAMessage(t *testing.T) {
	c := mustDirectory(t)
	big := content.Contact{Office: "Ban Thử <Nghiệm> & Cộng sự", Phone: "0000 999 999", PhoneLabel: "Điện thoại <trực ban>"}
	for i := 0; i < 40; i++ {
		big.Extra = append(big.Extra, content.Field{Label: "Cán bộ <" + strings.Repeat("x", i) + ">",
			Value: strings.Repeat("Rất dài & <b>không</b> đóng ", 30)})
	}
	big.Lines = []string{big.Office}
	c.Articles[0].Contacts = append([]content.Contact{big}, c.Articles[0].Contacts...)
	e := bot.New(&fakeSearcher{corpus: c, SearchFunc: wordSearch(c)}, store.NewMemory(store.Options{}), bot.Options{FloodLimit: -1})
	for _, steps := range [][]string{
		{"/lienhe"}, {"/lienhe", "xem thêm"}, {"/lienhe ban thử nghiệm", "số điện thoại"}, {"/lienhe ban thử nghiệm", "fax?"},
		{"câu hỏi không ai trả lời được"},
	} {
		var replies []bot.Reply
		for _, text := range steps {
			var err error
			replies, err = e.Handle(context.Background(), bot.Message{ChatID: 9, UserID: 9, ChatType: bot.ChatPrivate, Text: text})
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, r := range replies {
			checkReply(t, r)
			if n := len(utf16.Encode([]rune(r.Text))); n > 4096 {
				t.Errorf("%v: reply of %d UTF-16 units, more than one message", steps, n)
			}
		}
	}
}

// TestGoldenTableContacts shows contact cards read from blocks kept in
// tables ("Điện thoại: | … |", "| Email: | … |") and from blocks with blank
// fields ("Fax:"): no card shows a cell separator, an empty name line or a
// label with no value. The pages are synthetic.
func TestGoldenTableContacts(t *testing.T) {
	dir := "testdata/tablecontacts"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, e := range entries {
		b, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	corpus, err := content.Load(context.Background(), fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range corpus.Articles {
		if !a.Synthetic {
			t.Fatalf("fixture %s is not marked synthetic", a.Path)
		}
	}
	searcher := newSearcher(t, corpus)
	st := store.NewMemory(store.Options{Now: fixedNow})
	conv := newConversation(t, bot.New(searcher, st, bot.Options{BotUsername: "kyanhbot", Now: fixedNow}))
	for _, s := range []step{
		{text: "số fax của trạm y tế"}, {text: "/lienhe"}, {text: "email văn phòng ubnd xã ví dụ"},
		{text: "lịch tiêm phòng cho trẻ em"},
	} {
		conv.do(s)
	}
	out := conv.out.String()
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "  [") {
			continue // the buttons' markup
		}
		for _, bad := range []string{"|", "<b></b>", "Mẫu Văn Tin"} {
			if strings.Contains(line, bad) {
				t.Errorf("reply line %q shows %q", line, bad)
			}
		}
		if strings.HasSuffix(line, ":") && strings.ContainsAny(line, "📍☎️✉️📠📞") {
			t.Errorf("reply line %q is a field with no value", line)
		}
	}
	golden(t, "tablecontacts", out)
}

// TestGoldenTableRow answers from a table flattened one cell a line under a
// two-row heading: the reply gives each cell under its label ("Phân loại
// Loại 1") and the row's cells as the page writes them, side by side, so a
// quote across adjacent cells ("Xã Mẫu Hai & Hồ 19") is in it, HTML
// escaped. The page is synthetic.
func TestGoldenTableRow(t *testing.T) {
	b, err := os.ReadFile("testdata/tablerows/phan-loai-thon.txt")
	if err != nil {
		t.Fatal(err)
	}
	corpus, err := content.Load(context.Background(), fstest.MapFS{"phan-loai-thon.txt": {Data: b}})
	if err != nil {
		t.Fatal(err)
	}
	searcher := newSearcher(t, corpus)
	st := store.NewMemory(store.Options{Now: fixedNow})
	conv := newConversation(t, bot.New(searcher, st, bot.Options{BotUsername: "kyanhbot", Now: fixedNow}))
	for _, s := range []step{
		{text: "xa mau hai co bao nhieu thon to dan pho"}, {text: "thị trấn Thử Nghiệm có mấy thôn loại 1"},
	} {
		conv.do(s)
	}
	out := conv.out.String()
	plain := strings.NewReplacer("<b>", "", "</b>", "").Replace(out) // the question's words are bold
	for _, want := range []string{"Xã Mẫu Hai &amp; Hồ 19", "Phân loại Loại 1: 4", "Thị trấn Thử &lt;Nghiệm&gt; 11"} {
		if !strings.Contains(plain, want) {
			t.Errorf("replies lack %q", want)
		}
	}
	golden(t, "tablerow", out)
}
