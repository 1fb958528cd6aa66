package bot_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// mustCorpus loads the embedded real article and the synthetic fixtures of
// testdata/synthetic (fictional names, marked synthetic).
func mustCorpus(tb testing.TB) *content.Corpus {
	tb.Helper()
	ctx := context.Background()
	c, err := content.Load(ctx, content.Default())
	if err != nil {
		tb.Fatal(err)
	}
	syn, err := content.LoadDir(ctx, "testdata/synthetic")
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range syn.Articles {
		if !a.Synthetic {
			tb.Fatalf("fixture %s is not marked synthetic", a.Path)
		}
	}
	c.Articles = append(c.Articles, syn.Articles...)
	return c
}

// step is one message or button press in a flow. A button is pressed by its
// label on the last reply that had it ("press").
type step struct {
	text     string
	press    string // label of a button on an earlier reply
	callback string // raw callback data, for forged buttons
	user     int64  // default 1001
	chat     int64  // default: the user's private chat
	group    bool
	mention  bool
	replyTo  bool
	lang     string // default "vi"
	media    string // a message without text: "photo", "voice", "sticker"…
	document bool   // a file sent as a document
}

// conversation drives an engine like a transport would, and writes the
// transcript a golden file holds.
type conversation struct {
	t       *testing.T
	e       *bot.Engine
	out     strings.Builder
	buttons map[string]string // label → data, from the replies so far
	msgID   int
}

func newConversation(t *testing.T, e *bot.Engine) *conversation {
	return &conversation{t: t, e: e, buttons: map[string]string{}}
}

func (c *conversation) do(s step) []bot.Reply {
	c.t.Helper()
	m := bot.Message{UserID: s.user, ChatID: s.chat, ChatType: bot.ChatPrivate, Text: s.text,
		LangCode: s.lang, Mentioned: s.mention, ReplyToBot: s.replyTo, MessageID: c.msgID, Media: s.media}
	if s.document {
		m.Document = bot.Document{FileID: "file-1", FileName: "ho-so.pdf", Size: 1024}
	}
	if m.UserID == 0 {
		m.UserID = 1001
	}
	if m.ChatID == 0 {
		m.ChatID = m.UserID
	}
	if m.LangCode == "" {
		m.LangCode = "vi"
	}
	if s.group {
		m.ChatType = bot.ChatGroup
		if s.chat == 0 {
			m.ChatID = -2002
		}
	}
	in := s.text
	switch {
	case s.media != "":
		in = "[" + s.media + "]"
	case s.document:
		in = "[document ho-so.pdf]"
	case s.press != "":
		data, ok := c.buttons[s.press]
		if !ok {
			c.t.Fatalf("no button %q on earlier replies; have %v", s.press, c.buttons)
		}
		m.Callback = data
		in = fmt.Sprintf("[press %q → %s]", s.press, data)
		if link, ok := strings.CutPrefix(data, "url:"); ok {
			// A deep link opens the chat with /start and its payload.
			_, payload, found := strings.Cut(link, "?start=")
			if !found {
				c.t.Fatalf("link button %q: %s is no deep link", s.press, link)
			}
			m.Callback, m.Text = "", "/start "+payload
			in = fmt.Sprintf("[open %s]", link)
		}
	case s.callback != "":
		m.Callback = s.callback
		in = fmt.Sprintf("[callback %q]", s.callback)
	}
	replies, err := c.e.Handle(context.Background(), m)
	fmt.Fprintf(&c.out, ">>> %s u=%d c=%d %s: %s\n", m.ChatType, m.UserID, m.ChatID, m.LangCode, clipLong(in))
	if err != nil {
		fmt.Fprintf(&c.out, "!!! error: %v\n", err)
	}
	if len(replies) == 0 {
		c.out.WriteString("(no reply)\n")
	}
	for _, r := range replies {
		c.msgID++
		checkReply(c.t, r)
		c.out.WriteString(r.Text)
		c.out.WriteString("\n")
		for _, row := range r.Buttons {
			var cells []string
			for _, b := range row {
				target := b.Data
				if b.URL != "" {
					target = b.URL
				}
				cells = append(cells, fmt.Sprintf("[%s | %s]", b.Text, target))
				c.buttons[b.Text] = b.Data
				if b.URL != "" {
					c.buttons[b.Text] = "url:" + b.URL
				}
			}
			c.out.WriteString("  " + strings.Join(cells, " ") + "\n")
		}
		if r.Notice != "" {
			fmt.Fprintf(&c.out, "  notice: %s\n", r.Notice)
		}
		if r.EditMessageID != 0 {
			fmt.Fprintf(&c.out, "  edits message %d\n", r.EditMessageID)
		}
		if r.ForceReply {
			c.out.WriteString("  forces a reply\n")
		}
	}
	c.out.WriteString("\n")
	return replies
}

func clipLong(s string) string {
	if r := []rune(s); len(r) > 120 {
		return fmt.Sprintf("%s… (%d runes)", string(r[:80]), len(r))
	}
	return s
}

var tagRE = regexp.MustCompile(`<(/?)([a-z]+)[^>]*>`)

// checkReply checks what Telegram checks: callback data of at most 64 bytes,
// HTML with only its tags, balanced, and no raw "<" or "&" outside them.
func checkReply(t *testing.T, r bot.Reply) {
	t.Helper()
	for _, row := range r.Buttons {
		for _, b := range row {
			if len(b.Data) > 64 || (b.Data == "" && b.URL == "") {
				t.Errorf("button %q: data %q (%d bytes)", b.Text, b.Data, len(b.Data))
			}
		}
	}
	var stack []string
	for _, m := range tagRE.FindAllStringSubmatch(r.Text, -1) {
		switch m[2] {
		case "b", "i", "a", "code", "pre", "u", "s":
		default:
			t.Errorf("tag <%s> not allowed by Telegram in %q", m[2], r.Text)
		}
		if m[1] == "" {
			stack = append(stack, m[2])
		} else if len(stack) == 0 || stack[len(stack)-1] != m[2] {
			t.Errorf("unbalanced </%s> in %q", m[2], r.Text)
		} else {
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		t.Errorf("unclosed %v in %q", stack, r.Text)
	}
	rest := tagRE.ReplaceAllString(r.Text, "")
	if strings.Contains(rest, "<") || strings.Contains(rest, ">") {
		t.Errorf("raw < or > in %q", r.Text)
	}
	if amp := regexp.MustCompile(`&(amp|lt|gt|quot|#[0-9]+);`).ReplaceAllString(rest, ""); strings.Contains(amp, "&") {
		t.Errorf("raw & in %q", r.Text)
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("replies differ from %s (go test -update to accept):\n%s", path, diff(string(want), got))
	}
}

// diff shows the first differing lines.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant: %s\ngot:  %s", i+1, wl, gl)
		}
	}
	return ""
}

// fixedNow is the clock of the golden tests.
func fixedNow() time.Time { return time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC) }

type flowTest struct {
	name  string
	opts  bot.Options
	steps []step
	check func(t *testing.T, st *store.Memory)
}

func TestGolden(t *testing.T) {
	corpus := mustCorpus(t)
	searcher := newSearcher(t, corpus)
	long := strings.Repeat("số điện thoại ủy ban nhân dân ", 200)
	tests := []flowTest{
		{name: "start", steps: []step{{text: "/start"}, {press: "Số điện thoại của ủy ban?"}, {text: "/start", lang: "en-US", user: 1002}}},
		{name: "help", steps: []step{{text: "/help"}, {text: "/help", lang: "en", user: 1002}}},
		{name: "search", steps: []step{
			{text: "so dien thoai uy ban"}, {text: "xem thêm"}, {text: "tiếp"}, {text: "còn gì nữa"},
			{press: "Nguồn"}, {press: "👍"}, {press: "👎"},
			{text: "nghị quyết 37 về sáp nhập thôn"}, {text: "kết luận 92 của ban thường vụ tỉnh ủy"},
		}},
		{name: "tim", steps: []step{{text: "/tim"}, {text: "sáp nhập thôn"}, {text: "/tim email uy ban"}, {text: "/tim"}, {text: "/help"}, {text: "more"}}},
		{name: "documents", steps: []step{
			{text: "/nghiquyet"}, {text: "2"}, {text: "/nghiquyet"}, {text: "9"}, {press: "6. 05-KL/TU"},
			{text: "/nghiquyet 18"}, {text: "xem thêm"}, {text: "/nghiquyet 18-NQ/TW"}, {text: "/nghiquyet NQ18"},
			{text: "/nghiquyet nghị quyết 37"}, {text: "/nghiquyet 999"}, {text: "/nghiquyet kết luận"},
		}},
		{name: "mergers", steps: []step{{text: "/sapnhap"}, {text: "xem thêm"}, {press: "Xem thêm ›"}, {text: "/sapnhap hội"}, {text: "/sapnhap Mau Chung"}, {text: "/sapnhap sân bay"}}},
		{name: "contacts", steps: []step{
			{text: "/lienhe"}, {text: "còn số fax?"}, {text: "con so fax"}, {text: "email?"},
			{text: "/lienhe thử nghiệm"}, {text: "fax?"}, {text: "địa chỉ ở đâu"}, {text: "/lienhe UBND xa thu nghiem"}, {text: "/lienhe bộ quốc phòng"},
		}},
		{name: "language", steps: []step{{text: "/ngonngu"}, {press: "🇬🇧 English"}, {text: "/lienhe"}, {text: "fax?"}, {text: "/ngonngu vi"}, {text: "/help"}, {text: "/ngonngu en"}, {text: "/quentoi"}, {text: "/help"}}},
		{name: "english", steps: []step{{text: "phone number of the people's committee", lang: "en"}, {text: "more", lang: "en"}, {text: "/blah", lang: "en"}}},
		{name: "forget", steps: []step{{text: "so dien thoai uy ban"}, {press: "👍"}, {text: "/quentoi"}, {text: "xem thêm"}},
			check: func(t *testing.T, st *store.Memory) {
				if v, _ := st.Votes(context.Background(), 1001); len(v) != 0 {
					t.Errorf("votes after /quentoi: %v", v)
				}
			}},
		{name: "callbacks", steps: []step{
			{text: "/sapnhap"}, {callback: "m:1:1:4"}, {callback: "m:1:1:4"}, {callback: "m:1:99:4"}, {callback: "m:2:1:4"},
			{callback: "m:1:x:y"}, {callback: "zz"}, {callback: "s:1:0000000000"}, {callback: "d:1:1-XX/YY"},
			{callback: "l:1:fr"}, {callback: "q:1:99"}, {callback: "f:1:u:" + strings.Repeat("a", 60)}, {callback: "\xff\xfe:1:1"},
		}},
		// In a group, each member's /tim waits for that member's own
		// next message: another member's message in between is theirs
		// (a greeting here), and two members may wait at once.
		{name: "grouptim", steps: []step{
			{text: "/tim", group: true},
			{text: "xin chào", group: true, user: 1003, replyTo: true},
			{text: "/tim", group: true, user: 1003},
			{text: "sáp nhập thôn", group: true, replyTo: true},
			{text: "email uy ban", group: true, user: 1003, replyTo: true},
			{text: "xin chào", group: true, replyTo: true},
		}},
		{name: "group", steps: []step{
			{text: "so dien thoai uy ban", group: true}, {text: "@kyanhbot so dien thoai uy ban", group: true, mention: true},
			{text: "xem thêm", group: true}, {text: "xem thêm", group: true, replyTo: true},
			{text: "/help@kyanhbot", group: true}, {text: "/help@otherbot", group: true}, {text: "/lienhe", group: true, user: 1003},
			{text: "fax @kyanhbot", group: true, user: 1003, mention: true},
			// The bot's name alone, as the transport hands it over (no text
			// left) and as typed: the greeting; a message with no mention
			// stays group chatter.
			{text: "", group: true, user: 1004, mention: true}, {text: "@KyAnhBot", group: true, user: 1004, mention: true, lang: "en"},
			{text: "@someoneelse", group: true, user: 1004},
			// A plain command the bot does not know is another bot's;
			// addressed to this one, it gets the list of commands.
			{text: "/xyz", group: true, user: 1005}, {text: "/xyz@KyAnhBot", group: true, user: 1005},
			// /tim asks for the question as a reply, the only next message
			// that reaches the bot in a group.
			{text: "/tim", group: true, user: 1005}, {text: "số fax", group: true, user: 1005},
			{text: "số fax", group: true, user: 1005, replyTo: true},
			{text: "@kyanhbot ???", group: true, user: 1005, mention: true},
			// The staff line is private; the menu offers it in groups too.
			{text: "/canbo", group: true, user: 1006}, {text: "/canbo@kyanhbot giờ làm việc?", group: true, user: 1006, lang: "en"},
			// A command typed with its marks is that command.
			{text: "/tìm số fax", group: true, user: 1006},
		}},
		{name: "flood", opts: bot.Options{FloodLimit: 3}, steps: []step{
			{text: "/help"}, {text: "so dien thoai uy ban"}, {text: "xem thêm"}, {text: "xem thêm"}, {text: "xem thêm"}, {press: "👍"},
			{text: "/help", user: 1002},
		}},
		{name: "noanswer", steps: []step{{text: "giờ mở cửa bể bơi"}, {text: "fax?"}, {text: "Lich tiem phong cho tre, goi 0912 345 678"}},
			check: func(t *testing.T, st *store.Memory) {
				got, _ := st.TopUnanswered(context.Background(), 1, 0)
				if len(got) != 2 {
					t.Fatalf("unanswered = %v, want 2 questions", got)
				}
				for _, c := range got {
					if strings.Contains(c.Question, "0912") || strings.Contains(c.Question, "1001") {
						t.Errorf("unanswered question not anonymised: %q", c.Question)
					}
				}
			}},
		// A question nothing answers whose best passage comes close: the
		// decline offers it as "maybe this", with its source, then the
		// contacts.
		{name: "maybe", steps: []step{{text: "thị xã Kỳ Anh có bao nhiêu hộ nghèo"}, {text: "When will Ky Anh town become a city?", lang: "en", user: 1002}}},
		{name: "badinput", steps: []step{
			{text: "so dien \xff\xfe thoai uy ban"}, {text: long}, {text: `+-&&||!(){}[]^"~*?:\/ <script>alert(1)</script>`},
			{text: "   "}, {text: "/"}, {text: "/tim <b>uy ban</b> & fax"}, {text: "???"}, {text: "/tim …!"}, {text: "a"}, {text: "là gì?"},
			// Characters lost on the way (U+FFFD, as Telegram delivers
			// bytes that were no UTF-8): asked what they want to know, not
			// taken for a nod.
			{text: "\ufffd\ufffd"},
			// Query syntax in every command's argument is text, and a
			// 4,000-character unknown command is not echoed whole.
			{text: `/tim +-:^*~"`}, {text: `/lienhe +-:^*~"`}, {text: `/nghiquyet +-:^*~"`}, {text: `/sapnhap +-:^*~"`},
			{text: `/tim email~2 ủy^3 ban:*`}, {text: "/" + strings.Repeat("x", 4000)},
		}},
		{name: "unknown", steps: []step{{text: "/xyz"}, {text: "/reload"}, {text: "/tìm số fax"}, {text: "/Liênhệ"}, {text: "/tìmkiếm"}}},
		{name: "smalltalk", steps: []step{
			{text: "xin chào"}, {text: "Cảm ơn bạn nhiều nhé!"}, {text: "ok"}, {text: "👍"}, {text: "hahaha"}, {text: "😂😂"},
			{text: "thanks", lang: "en", user: 1002}, {text: "chào bạn, cho hỏi số điện thoại ủy ban"},
			{media: "photo"}, {media: "voice"}, {media: "sticker", lang: "en", user: 1002}, {document: true}, {media: "location"},
			{media: "photo", group: true},
		}, check: func(t *testing.T, st *store.Memory) {
			if top, _ := st.TopUnanswered(context.Background(), 1, 0); len(top) != 0 {
				t.Errorf("small talk counted as unanswered: %v", top)
			}
			got, _ := st.SmallTalkCounts(context.Background(), 1)
			if want := "map[document:1 greeting:1 laugh:2 location:1 ok:2 photo:1 sticker:1 thanks:2 voice:1]"; fmt.Sprint(got) != want {
				t.Errorf("small talk counts = %v, want %s", got, want)
			}
		}},
		{name: "deeplink", steps: []step{
			{text: "/start lienhe"}, {text: "/start sapnhap"}, {text: "/start nghiquyet"},
			{text: "/start q_c8OhcCBuaOG6rXAgdGjDtG4"},
			{text: "/start q_!!notbase64"}, {text: "/start q_" + strings.Repeat("A", 80)}, {text: "/start quentoi"},
			{text: "Những thôn nào của xã Thử Nghiệm đã được sáp nhập theo nghị quyết mới nhất của hội đồng nhân dân tỉnh?"},
			{text: "/start k_AAAAAAAAAAA"},
			{text: "Nghị quyết 18 nói gì?"}, {press: "↗️ Chia sẻ", user: 1002},
			{text: "Cho mình hỏi địa chỉ email của Ủy ban nhân dân xã Thử Nghiệm ở thôn Mẫu Chung"}, {press: "↗️ Chia sẻ", user: 1002, lang: "en"},
		}},
		{name: "staffline", opts: bot.Options{StaffLine: true}, steps: []step{{text: "giờ mở cửa bể bơi"}, {text: "giờ mở cửa bể bơi", lang: "en", user: 1002}}},
		{name: "contactformat", steps: []step{
			{text: "số điện thoại ủy ban xã thử nghiệm"}, {text: "còn fax?"}, {text: "/lienhe thử nghiệm"},
			{text: "phone number of the people's committee", lang: "en", user: 1002}, {text: "fax?", lang: "en", user: 1002},
			{text: "/lienhe", lang: "en", user: 1002},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := store.NewMemory(store.Options{Now: fixedNow})
			opts := tt.opts
			opts.BotUsername = "kyanhbot"
			opts.Now = fixedNow
			conv := newConversation(t, bot.New(searcher, st, opts))
			for _, s := range tt.steps {
				conv.do(s)
			}
			golden(t, tt.name, conv.out.String())
			if tt.check != nil {
				tt.check(t, st)
			}
		})
	}
}
