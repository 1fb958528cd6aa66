package telegram

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	ready := make(chan struct{})
	go func() {
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
	case <-time.After(15 * time.Second):
		t.Fatal("emulator did not start")
	}
	return fmt.Sprintf("http://127.0.0.1:%d", port)
}

// emuClient drives the emulator as a Telegram user would.
type emuClient struct {
	t     *testing.T
	base  string
	token string
	user  int64
	seen  []emuMsg
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
	return map[string]any{"id": c.user, "type": "private", "first_name": "Người Thử"}
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
	deadline := time.Now().Add(10 * time.Second)
	for len(c.seen) == 0 {
		var resp struct{ Result []emuMsg }
		c.post("/getUpdates", map[string]any{"token": c.token, "chatId": c.user}, &resp)
		c.seen = append(c.seen, resp.Result...)
		if len(c.seen) > 0 {
			break
		}
		if time.Now().After(deadline) {
			c.t.Fatal("no bot message within 10s")
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
	deadline := time.Now().Add(10 * time.Second)
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
