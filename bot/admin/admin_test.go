package admin

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/logtest"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
)

var (
	adminUser   = telegramtest.User{ID: 42, FirstName: "Quản trị", LanguageCode: "vi"}
	citizenUser = telegramtest.User{ID: 7, FirstName: "Dân", LanguageCode: "vi"}
)

// harness is the bot as serve wires it — engine, admin tools, live index,
// reloader — on the fake Bot API, with a content directory the test may change.
type harness struct {
	srv   *telegramtest.Server
	dir   string
	live  *index.Live
	rl    *reload.Reloader
	admin *Admin
	st    *store.Memory
	logs  *logtest.Buffer
}

func mustRead(tb testing.TB, p string) []byte {
	tb.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func start(t *testing.T, edit func(*Config)) *harness {
	t.Helper()
	return startWith(t, index.BuildOptions{}, edit)
}

// startWith builds the live index with opts.
func startWith(t *testing.T, opts index.BuildOptions, edit func(*Config)) *harness {
	t.Helper()
	h := &harness{srv: telegramtest.New(t), dir: t.TempDir(), logs: &logtest.Buffer{}}
	if err := os.CopyFS(h.dir, os.DirFS("testdata/content")); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewJSONHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h.live = index.NewLive(nil, opts)
	t.Cleanup(func() { h.live.Close() })
	h.rl = reload.New(reload.Config{Content: os.DirFS(h.dir), Index: h.live, Logger: log})
	ctx, cancel := context.WithCancel(context.Background())
	if rep, err := h.rl.Reload(ctx, reload.Request{Trigger: "start", AcceptErrors: true}); err != nil || rep.Outcome != reload.Swapped {
		t.Fatalf("initial load: %v %v", err, rep.Err)
	}
	h.st = store.NewMemory(store.Options{})
	stats := h.st // the state store keeps the question counters too

	var tb *telegram.Bot
	var handler bot.Handler
	b, err := telegram.New(ctx, telegram.Config{
		Token: h.srv.Token, Endpoint: h.srv.Endpoint, Ledger: store.NewMemoryLedger(0), Logger: log,
		Handler:     bot.HandlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) { return handler.Handle(ctx, m) }),
		PollTimeout: time.Second, EmptyPollDelay: 10 * time.Millisecond, NoRateLimit: true, Grace: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	tb = b
	cfg := Config{Reloader: h.rl, Admins: []int64{adminUser.ID}, ContentDir: h.dir, Files: tb, Poster: tb,
		Stats: stats, Feedback: h.st, Logger: log, Self: "test-replica"}
	if edit != nil {
		edit(&cfg)
	}
	h.admin = New(cfg)
	engine := bot.New(&Recorder{Searcher: h.live, Stats: stats}, h.st, bot.Options{
		BotUsername: tb.UserName(), Admins: cfg.Admins, Commands: h.admin.Commands(), Logger: log})
	handler = h.admin.Wrap(engine)
	done := make(chan error, 1)
	go func() { done <- tb.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-done
		h.admin.Close()
		h.rl.Close()
	})
	return h
}

// say sends text and returns the bot's next message in that chat.
func (h *harness) say(t *testing.T, u telegramtest.User, text string) telegramtest.Message {
	t.Helper()
	return h.srv.Ask(t, u, text)
}

// send uploads a file as a document and returns the bot's next message.
func (h *harness) send(t *testing.T, u telegramtest.User, name string, data []byte) telegramtest.Message {
	t.Helper()
	return h.srv.Upload(t, u, name, data)
}

// press presses a button on a bot message and returns the bot's next message.
func (h *harness) press(t *testing.T, u telegramtest.User, msg telegramtest.Message, data string) telegramtest.Message {
	t.Helper()
	return h.srv.Tap(t, u, msg, data)
}

func button(t *testing.T, m telegramtest.Message, prefix string) string {
	t.Helper()
	for _, row := range m.Buttons {
		for _, b := range row {
			if b.CallbackData != nil && strings.HasPrefix(*b.CallbackData, prefix) {
				return *b.CallbackData
			}
		}
	}
	t.Fatalf("no button %q* on %q", prefix, m.Visible)
	return ""
}

func contains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

const newQuestion = "hội nghị trồng cây bưởi"

func TestAdminGate(t *testing.T) {
	h := start(t, nil)
	version := h.rl.Current().Version
	unknown := h.say(t, citizenUser, "/khongcolenhnay").Visible
	unknownWant := strings.Replace(unknown, "/khongcolenhnay", "/%s", 1)

	for _, cmd := range []string{"reload", "stats", "sync"} {
		t.Run(cmd, func(t *testing.T) {
			got := h.say(t, citizenUser, "/"+cmd).Visible
			if want := strings.Replace(unknownWant, "%s", cmd, 1); got != want {
				t.Errorf("non-admin /%s got %q, want the unknown-command reply %q", cmd, got, want)
			}
		})
	}
	t.Run("upload", func(t *testing.T) {
		got := h.send(t, citizenUser, "bai-moi.txt", mustRead(t, "testdata/new-article.txt")).Visible
		contains(t, "reply to a citizen's file", got, "chỉ đọc được tin nhắn chữ")
		if _, err := os.Stat(filepath.Join(h.dir, "bai-moi.txt")); err == nil {
			t.Error("a citizen's file was saved into the content directory")
		}
	})
	t.Run("button", func(t *testing.T) {
		h.srv.Press(telegramtest.Private(citizenUser), citizenUser, 1, cbConfirm+version)
		h.srv.Wait(t, 5*time.Second, "answered button", func() bool { return h.srv.UnansweredQueries() == 0 })
	})
	if got := h.rl.Current().Version; got != version {
		t.Errorf("content version changed to %q by a non-admin", got)
	}
	logs := h.logs.String()
	for _, want := range []string{
		`"msg":"admin command refused","user_id":7,"chat_id":7,"command":"reload"`,
		`"msg":"admin command refused","user_id":7,"chat_id":7,"command":"stats"`,
		`"msg":"admin action refused","user_id":7,"chat_id":7,"action":"upload"`,
		`"msg":"admin action refused","user_id":7,"chat_id":7,"action":"button"`,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %s", want)
		}
	}
	if strings.Contains(logs, telegramtest.Token) {
		t.Error("the token is in the logs")
	}
}

func TestReloadCommand(t *testing.T) {
	h := start(t, nil)
	if a := h.say(t, citizenUser, newQuestion).Visible; strings.Contains(a, "500 cây bưởi") {
		t.Fatalf("answered before the article exists: %s", a)
	}
	os.WriteFile(filepath.Join(h.dir, "hoi-nghi.txt"), mustRead(t, "testdata/new-article.txt"), 0o644)
	rep := h.say(t, adminUser, "/reload").Visible
	contains(t, "report", rep, "Đã nạp lại nội dung", "Bài viết: 2 → 3", "Đoạn văn:", "Dữ kiện:", "Phiên bản:", "Không có vấn đề nào")
	contains(t, "answer after reload", h.say(t, citizenUser, newQuestion).Visible, "500 cây bưởi")
}

func TestUpload(t *testing.T) {
	h := start(t, nil)
	rep := h.send(t, adminUser, "hội nghị/../Hoi nghi.txt", mustRead(t, "testdata/new-article.txt")).Visible
	contains(t, "upload report", rep, "Đã lưu Hoi-nghi.txt", "Xã Thử Nghiệm tổ chức hội nghị giả định", "Đã nạp lại nội dung", "Bài viết: 2 → 3")
	if _, err := os.Stat(filepath.Join(h.dir, "Hoi-nghi.txt")); err != nil {
		t.Errorf("uploaded file not saved: %v", err)
	}
	contains(t, "answer after upload", h.say(t, citizenUser, newQuestion).Visible, "500 cây bưởi")

	t.Run("wrong type", func(t *testing.T) {
		contains(t, "reply", h.send(t, adminUser, "anh.png", []byte("\x89PNG")).Visible, "Chỉ nhận bài viết dạng tệp .txt, .html hoặc .md")
	})
}

func TestBrokenUploadRefused(t *testing.T) {
	h := start(t, nil)
	before := h.live.Stats()
	got := h.send(t, adminUser, "hong.txt", mustRead(t, "testdata/broken.txt")).Visible
	contains(t, "reply", got, "Từ chối tệp hong.txt", "Tệp không được lưu; chỉ mục cũ vẫn trả lời")
	if _, err := os.Stat(filepath.Join(h.dir, "hong.txt")); err == nil {
		t.Error("the broken file was saved")
	}
	if after := h.live.Stats(); after.Articles != before.Articles || after.Passages != before.Passages {
		t.Errorf("index changed: %+v → %+v", before, after)
	}
	contains(t, "old index answer", h.say(t, citizenUser, "xã Thử Nghiệm giảm bao nhiêu thôn").Visible, "12 thôn")
}

func TestRefusedReloadConfirmed(t *testing.T) {
	h := start(t, nil)
	os.WriteFile(filepath.Join(h.dir, "hoi-nghi.txt"), mustRead(t, "testdata/new-article.txt"), 0o644)
	os.WriteFile(filepath.Join(h.dir, "hong.txt"), mustRead(t, "testdata/broken.txt"), 0o644)
	refused := h.say(t, adminUser, "/reload")
	contains(t, "refusal", refused.Visible, "Từ chối nạp lại", "1 tệp không dùng được", "Chỉ mục cũ vẫn trả lời", "Bài viết: 2 → 2", "✗ hong.txt")
	if a := h.say(t, citizenUser, newQuestion).Visible; strings.Contains(a, "500 cây bưởi") {
		t.Fatalf("refused content answers: %s", a)
	}
	data := button(t, refused, cbConfirm)
	if len(data) > 64 {
		t.Errorf("callback data %d bytes", len(data))
	}
	rep := h.press(t, adminUser, refused, data).Visible
	contains(t, "confirmed report", rep, "Đã nạp lại nội dung", "Bài viết: 2 → 3", "✗ hong.txt")
	contains(t, "answer after confirmation", h.say(t, citizenUser, newQuestion).Visible, "500 cây bưởi")
}

// TestReloadRefusedForMemory: a reload whose index would not fit under the
// memory limit is refused with the figures, without a button to force it
// (forcing would not make it fit), and the old index answers on.
func TestReloadRefusedForMemory(t *testing.T) {
	// The first load (no index serving yet) fits under 32 MiB beside the test's heap.
	h := startWith(t, index.BuildOptions{MemoryLimit: 32 << 20}, nil)
	os.WriteFile(filepath.Join(h.dir, "hoi-nghi.txt"), mustRead(t, "testdata/new-article.txt"), 0o644)
	// 15 more articles of 20 KB: about 0.3 MB of text, whose index needs
	// more than the limit (index.EstimateBuild: 9 MB kept, 30 MB for the
	// batches in flight). Little text, as a loaded machine parses slowly.
	page := strings.Repeat(string(mustRead(t, "testdata/new-article.txt"))+"\n\n", 44)
	for i := range 15 {
		os.WriteFile(filepath.Join(h.dir, fmt.Sprintf("bai-%03d.txt", i)), []byte(page), 0o644)
	}
	refused := h.say(t, adminUser, "/reload")
	contains(t, "refusal", refused.Visible, "Từ chối nạp lại", "không đủ bộ nhớ", "giới hạn (MEMORY_LIMIT) là 32 MB", "Chỉ mục cũ vẫn trả lời", "Bài viết: 2 → 2")
	if len(refused.Buttons) > 0 {
		t.Errorf("a refusal for memory offers %v: no button can make it fit", refused.Buttons)
	}
	if a := h.say(t, citizenUser, newQuestion).Visible; strings.Contains(a, "500 cây bưởi") {
		t.Fatalf("refused content answers: %s", a)
	}
	contains(t, "old index answer", h.say(t, citizenUser, "xã Thử Nghiệm giảm bao nhiêu thôn").Visible, "12 thôn")
}

func TestStats(t *testing.T) {
	h := start(t, nil)
	answer := h.say(t, citizenUser, "xã Thử Nghiệm giảm bao nhiêu thôn")
	h.say(t, citizenUser, "lịch tiêm phòng cho chó mèo ở đâu")
	h.say(t, citizenUser, "lịch tiêm phòng cho chó mèo ở đâu?")
	h.say(t, citizenUser, "cảm ơn bạn nhé") // small talk: no question
	h.srv.Press(telegramtest.Private(citizenUser), citizenUser, answer.MessageID, button(t, answer, "f:1:u:"))
	h.srv.Wait(t, 5*time.Second, "vote answered", func() bool { return h.srv.UnansweredQueries() == 0 })

	got := h.say(t, adminUser, "/stats").Visible
	contains(t, "/stats", got,
		"Câu hỏi: hôm nay 3 · 7 ngày 3",
		"Trả lời được: 1/3 (33%)",
		"Góp ý 7 ngày: 👍 1 · 👎 0",
		"Không phải câu hỏi (7 ngày, không tính ở trên): cảm ơn 1",
		"Chưa trả lời được, hỏi nhiều nhất",
		"Tìm kiếm chậm nhất",
		"test-replica: phiên bản "+h.rl.Current().Version+", 2 bài",
	)
	if strings.Contains(got, citizenUser.FirstName) || strings.Contains(got, "ở đâu?") {
		t.Errorf("/stats shows a name or an unnormalised question: %s", got)
	}
	t.Log("\n" + got)
}

// TestAdminLanguage: the admin tools answer in English when the admin's
// Telegram app is in English, and in Vietnamese otherwise.
func TestAdminLanguage(t *testing.T) {
	h := start(t, nil)
	vi := []string{"Thống kê", "Câu hỏi: hôm nay", "Từ chối tệp hong.txt", "Tệp không được lưu", "Bài viết: 2 → 2", "phiên bản"}
	en := []string{"Statistics", "Questions: today", "File refused hong.txt", "The file was not saved", "Articles: 2 → 2", "version"}
	tests := []struct {
		lang       string
		want, lack []string
	}{
		{"en", en, vi},
		{"en-GB", en, vi},
		{"vi", vi, en},
		{"", vi, en},
		{"fr", vi, en},
	}
	for _, tt := range tests {
		t.Run("lang="+tt.lang, func(t *testing.T) {
			u := adminUser
			u.LanguageCode = tt.lang
			got := strings.Join([]string{
				h.say(t, u, "/stats").Visible,
				h.send(t, u, "hong.txt", mustRead(t, "testdata/broken.txt")).Visible,
				h.say(t, u, "/reload").Visible,
			}, "\n")
			contains(t, "replies", got, tt.want...)
			for _, l := range tt.lack {
				if strings.Contains(got, l) {
					t.Errorf("replies hold %q, from the other language:\n%s", l, got)
				}
			}
		})
	}
}
