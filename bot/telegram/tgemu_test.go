package telegram

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/handoff"
	"github.com/kyanhbot/kyanhbot/bot/store"
)

// The end-to-end test against telegram-test-api (npm), an emulator written by
// others: it catches what our own fake would share with our code. Its quirks:
// getUpdates answers at once whatever the timeout, setMyCommands and
// sendChatAction answer 500, dates are in milliseconds, and it checks no
// text or markup at all.

// startTgemu starts the emulator on a free port and returns its base URL.
// Without Node or the npm package the test is skipped, except under CI=true.
func startTgemu(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "tgemu")
	skip := func(why string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s (the test command installs it: make test)", why)
		}
		t.Skip(why + "; run make test-deps")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "telegram-test-api")); err != nil {
		skip("telegram-test-api not installed in testdata/tgemu")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skip("node not found")
	}
	// The port is free when picked but may be taken before Node binds it
	// (other packages' servers start in parallel under make test): an
	// emulator that exits before listening is started again on another.
	for range 3 {
		if base, ok := runTgemu(t, node, dir); ok {
			return base
		}
	}
	t.Fatal("emulator exited before listening, three times")
	return ""
}

// emuWait bounds each wait on the emulator, as telegramtest's waits are
// bounded: under make test on two shared cores an answer or Node's start can
// take over 10 s. A passing test returns as soon as what it waits for comes.
const emuWait = 60 * time.Second

// runTgemu starts the emulator on a free port; ok is false when it exited
// before listening.
func runTgemu(t *testing.T, node, dir string) (base string, ok bool) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(node, "server.js", fmt.Sprint(port))
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start emulator: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	ready, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited) // stdout ends when Node exits
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "listening") {
				close(ready)
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case <-ready:
		return fmt.Sprintf("http://127.0.0.1:%d", port), true
	case <-exited:
		return "", false
	case <-time.After(emuWait):
		t.Fatal("emulator did not start")
		return "", false
	}
}

// emuClient drives the emulator as a Telegram user would.
type emuClient struct {
	t     *testing.T
	base  string
	token string
	user  int64
	seen  []emuMsg
	// group, when set, is the chat the user writes in (a staff group)
	// instead of their private chat with the bot.
	group int64
}

// emuMsg is a bot message as the emulator's client API returns it.
type emuMsg struct {
	MessageID int `json:"messageId"`
	Message   struct {
		ChatID    any    `json:"chat_id"`
		Text      string `json:"text"`
		ParseMode string `json:"parse_mode"`
		Markup    *struct {
			Keyboard [][]struct {
				Text string `json:"text"`
				Data string `json:"callback_data"`
			} `json:"inline_keyboard"`
		} `json:"reply_markup"`
	} `json:"message"`
}

func (m emuMsg) button(prefix string) string {
	if m.Message.Markup == nil {
		return ""
	}
	for _, row := range m.Message.Markup.Keyboard {
		for _, b := range row {
			if strings.HasPrefix(b.Data, prefix) {
				return b.Data
			}
		}
	}
	return ""
}

func (c *emuClient) post(path string, body any, out any) {
	c.t.Helper()
	raw, _ := json.Marshal(body)
	resp, err := http.Post(c.base+path, "application/json", bytes.NewReader(raw))
	if err != nil {
		c.t.Fatalf("emulator %s: %v", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		c.t.Fatalf("emulator %s: HTTP %d", path, resp.StatusCode)
	}
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			c.t.Fatalf("emulator %s: decode: %v", path, err)
		}
	}
}

func (c *emuClient) from() map[string]any {
	return map[string]any{"id": c.user, "first_name": "Người Thử", "username": "nguoithu", "is_bot": false, "language_code": "vi"}
}

func (c *emuClient) chat() map[string]any {
	if c.group != 0 {
		return map[string]any{"id": c.group, "type": "supergroup", "title": "Tổ một cửa (thử nghiệm)"}
	}
	return map[string]any{"id": c.user, "type": "private", "first_name": "Người Thử"}
}

func (c *emuClient) chatID() int64 {
	if c.group != 0 {
		return c.group
	}
	return c.user
}

// reply sends text as a reply to the bot's message m, quoting it.
func (c *emuClient) reply(m emuMsg, text string) {
	c.t.Helper()
	quoted := map[string]any{"message_id": m.MessageID, "chat": c.chat(), "text": visibleText(m.Message.Text),
		"from": map[string]any{"id": 666, "is_bot": true}}
	c.post("/sendMessage", map[string]any{"botToken": c.token, "from": c.from(), "chat": c.chat(),
		"date": time.Now().Unix(), "text": text, "reply_to_message": quoted}, nil)
}

// visibleText strips the tags of a message sent in HTML and unescapes it,
// as Telegram quotes it in a reply.
func visibleText(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return html.UnescapeString(b.String())
}

func (c *emuClient) say(text string) {
	c.t.Helper()
	msg := map[string]any{"botToken": c.token, "from": c.from(), "chat": c.chat(), "date": time.Now().Unix(), "text": text}
	path := "/sendMessage"
	if strings.HasPrefix(text, "/") {
		cmd, _, _ := strings.Cut(text, " ")
		msg["entities"] = []map[string]any{{"offset": 0, "length": len(cmd), "type": "bot_command"}}
		path = "/sendCommand"
	}
	c.post(path, msg, nil)
}

func (c *emuClient) press(messageID int, data string) {
	c.t.Helper()
	c.post("/sendCallback", map[string]any{
		"botToken": c.token, "from": c.from(), "data": data, "date": time.Now().Unix(),
		"message": map[string]any{"message_id": messageID, "chat": c.chat(), "from": map[string]any{"id": 666, "is_bot": true}},
	}, nil)
}

// next waits for the bot's next message in the chat.
func (c *emuClient) next() emuMsg {
	c.t.Helper()
	deadline := time.Now().Add(emuWait)
	for len(c.seen) == 0 {
		var resp struct{ Result []emuMsg }
		c.post("/getUpdates", map[string]any{"token": c.token, "chatId": c.chatID()}, &resp)
		c.seen = append(c.seen, resp.Result...)
		if len(c.seen) > 0 {
			break
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no bot message within %s", emuWait)
		}
		time.Sleep(50 * time.Millisecond)
	}
	m := c.seen[0]
	c.seen = c.seen[1:]
	if m.Message.Text == "" || m.Message.ParseMode != "HTML" {
		c.t.Errorf("bot message %d: text %q, parse mode %q", m.MessageID, m.Message.Text, m.Message.ParseMode)
	}
	return m
}

// history returns the bot's messages as they stand now (after edits).
func (c *emuClient) history() map[int]emuMsg {
	c.t.Helper()
	var resp struct{ Result []json.RawMessage }
	c.post("/getUpdatesHistory", map[string]any{"token": c.token}, &resp)
	out := map[int]emuMsg{}
	for _, raw := range resp.Result {
		var m emuMsg
		if json.Unmarshal(raw, &m) == nil && m.Message.ParseMode != "" {
			out[m.MessageID] = m
		}
	}
	return out
}

// waitEdit waits until the bot's message id reads want, edited in place.
func (c *emuClient) waitEdit(id int, want string) {
	c.t.Helper()
	deadline := time.Now().Add(emuWait)
	for !strings.Contains(c.history()[id].Message.Text, want) {
		if time.Now().After(deadline) {
			c.t.Fatalf("message %d was not edited in place to show %q: %q", id, want, c.history()[id].Message.Text)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestTelegramTestAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Node")
	}
	base := startTgemu(t)
	const token = "4242:tgemu-token"
	r := startBot(t, nil, nil, nil, func(c *Config) {
		c.Token, c.Endpoint = token, base+"/bot%s/%s"
		c.Ledger = store.NewMemoryLedger(0)
		c.Handler = realEngine(t, store.NewMemory(store.Options{}), "TestNameBot")
	})
	u := &emuClient{t: t, base: base, token: token, user: 7001}

	u.say("/start")
	if m := u.next(); m.button("q:") == "" {
		t.Errorf("/start without example buttons: %q", m.Message.Text)
	}

	u.say("Sáp nhập những đơn vị nào?")
	answer := u.next()
	more, up := answer.button("m:"), answer.button("f:1:u:")
	if more == "" || up == "" {
		t.Fatalf("answer lacks Xem thêm or 👍: %+v", answer.Message.Markup)
	}
	u.press(answer.MessageID, more)
	u.waitEdit(answer.MessageID, "Trang 2") // in place, as list pages are
	u.press(answer.MessageID, up)           // 👍: a toast only, no message

	u.say("/sapnhap")
	list := u.next()
	if next := list.button("m:"); next != "" {
		u.press(list.MessageID, next)
		u.waitEdit(list.MessageID, "Trang 2")
	}

	u.say("/lienhe")
	if m := u.next(); m.Message.Text == "" {
		t.Error("/lienhe gave nothing")
	}
	u.say("/quentoi")
	forgot := u.next()
	t.Logf("/quentoi: %s", forgot.Message.Text)

	r.shutdown(t)
	st := r.bot.Stats()
	if st.Callbacks < 2 || st.Dropped != 0 || st.Duplicates != 0 {
		t.Errorf("stats = %+v: want the presses answered, nothing dropped or doubled", st)
	}
	if len(u.seen) != 0 {
		t.Errorf("unexpected extra messages: %+v", u.seen)
	}
}

// TestTelegramTestAPICitizen: deep links, small talk and the staff line
// both ways, through the emulator.
func TestTelegramTestAPICitizen(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Node")
	}
	base := startTgemu(t)
	const (
		token = "4243:tgemu-token"
		staff = -100777
	)
	st := store.NewMemory(store.Options{})
	engine := realEngine(t, st, "TestNameBot")
	var b *Bot
	poster := posterFunc(func(ctx context.Context, chatID int64, r bot.Reply) (int, error) { return b.Post(ctx, chatID, r) })
	h := handoff.New(handoff.Config{StaffChat: staff, Poster: poster, Tickets: store.NewMemoryTickets[handoff.Ticket](0), States: st, Gate: engine})
	r := startBot(t, nil, nil, nil, func(c *Config) {
		c.Token, c.Endpoint = token, base+"/bot%s/%s"
		c.Ledger = store.NewMemoryLedger(0)
		c.Handler = h.Wrap(engine)
	})
	b = r.bot
	u := &emuClient{t: t, base: base, token: token, user: 7002}
	officer := &emuClient{t: t, base: base, token: token, user: 9001, group: staff}

	// Deep links: a poster's /start lienhe opens the contacts, a shared
	// question link asks it.
	u.say("/lienhe")
	contacts := u.next().Message.Text
	u.say("/start lienhe")
	if got := u.next().Message.Text; got != contacts {
		t.Errorf("/start lienhe = %q, want the /lienhe answer %q", got, contacts)
	}
	const q = "Sáp nhập những đơn vị nào?"
	u.say(q)
	direct := u.next()
	u.say("/start q_" + base64.RawURLEncoding.EncodeToString([]byte(q)))
	if got := u.next(); got.Message.Text != direct.Message.Text {
		t.Errorf("/start q_… = %q, want the answer to %q", got.Message.Text, q)
	}

	// Small talk: a short reply, never the no-answer block.
	for _, text := range []string{"cảm ơn bạn", "xin chào", "ok"} {
		u.say(text)
		if got := u.next().Message.Text; len([]rune(got)) > 200 || strings.Contains(got, contacts) {
			t.Errorf("%q got %d runes: %q", text, len([]rune(got)), got)
		}
	}

	// The staff line, both ways.
	u.say("gặp cán bộ: giờ làm việc thứ Bảy?")
	if got := u.next().Message.Text; !strings.Contains(got, "Đã chuyển câu hỏi") {
		t.Errorf("handoff acknowledgement %q", got)
	}
	post := officer.next()
	if !strings.Contains(post.Message.Text, "giờ làm việc thứ Bảy?") || post.button("h:1:c") == "" {
		t.Fatalf("staff post %q without the question or the close button", post.Message.Text)
	}
	officer.reply(post, "Thứ Bảy làm việc buổi sáng.")
	answer := u.next()
	if !strings.Contains(answer.Message.Text, "Thứ Bảy làm việc buổi sáng.") {
		t.Fatalf("citizen got %q", answer.Message.Text)
	}
	if got := officer.next().Message.Text; !strings.Contains(got, "Đã gửi câu trả lời") {
		t.Errorf("staff confirmation %q", got)
	}
	u.reply(answer, "Thế Chủ nhật thì sao?")
	if got := officer.next().Message.Text; !strings.Contains(got, "Người dân trả lời") || !strings.Contains(got, "Thế Chủ nhật thì sao?") {
		t.Errorf("staff got %q, want the citizen's reply", got)
	}
	if got := u.next().Message.Text; !strings.Contains(got, "Đã gửi tới cán bộ") {
		t.Errorf("citizen told %q", got)
	}
	r.shutdown(t)
	if len(u.seen)+len(officer.seen) != 0 {
		t.Errorf("unexpected extra messages: %+v %+v", u.seen, officer.seen)
	}
}

type posterFunc func(ctx context.Context, chatID int64, r bot.Reply) (int, error)

func (f posterFunc) Post(ctx context.Context, chatID int64, r bot.Reply) (int, error) {
	return f(ctx, chatID, r)
}

// TestTelegramTestAPIGroup: group manners through the emulator, which names
// the bot TestNameBot in getMe: commands for other bots and unknown plain
// commands get nothing, chatter gets nothing, a command with the bot's name
// and a mention (which the emulator marks with no entity) are answered.
func TestTelegramTestAPIGroup(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Node")
	}
	base := startTgemu(t)
	const token = "4244:tgemu-token"
	var b *Bot
	h := &engineAfterConnect{}
	r := startBot(t, nil, nil, nil, func(c *Config) {
		c.Token, c.Endpoint = token, base+"/bot%s/%s"
		c.Ledger = store.NewMemoryLedger(0)
		c.Handler = h
	})
	b = r.bot
	if got, want := b.UserName(), "TestNameBot"; got != want {
		t.Fatalf("getMe username %q, want the emulator's %q", got, want)
	}
	h.e.Store(realEngine(t, store.NewMemory(store.Options{}), b.UserName()))
	u := &emuClient{t: t, base: base, token: token, user: 7003, group: -100778}

	for _, text := range []string{"/start@otherbot", "/help@OtherBot", "/xyz", "/xyz@TestNameBot_dev", "số fax của ủy ban", "hỏi @TestNameBotx số fax"} {
		u.say(text)
	}
	u.say("/help@testnamebot")
	if got := u.next().Message.Text; !strings.Contains(got, "/tim &lt;câu hỏi&gt;") || !strings.Contains(got, "@TestNameBot") {
		t.Fatalf("first message %.120q, want /help with the group note naming @TestNameBot: nothing before it answered", got)
	}
	u.say("@TestNameBot số fax của ủy ban")
	if got := u.next().Message.Text; !strings.Contains(got, "Fax") {
		t.Errorf("mention answered %.120q, want the fax", got)
	}
	if got := h.texts(u.group); got[len(got)-1] != "số fax của ủy ban" {
		t.Errorf("engine got %q last, want the question without the mention", got[len(got)-1])
	}
	r.shutdown(t)
	if len(u.seen) != 0 {
		t.Errorf("unexpected extra messages: %+v", u.seen)
	}
}
