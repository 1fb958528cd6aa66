package handoff

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
)

func TestAsksForStaff(t *testing.T) {
	tests := []struct {
		text     string
		ok       bool
		question string
	}{
		{"gặp cán bộ", true, ""},
		{"Gặp cán bộ: giờ làm việc thứ Bảy?", true, "giờ làm việc thứ Bảy?"},
		{"gap can bo", true, ""},
		{"Tôi muốn gặp cán bộ", true, ""},
		{"cho em hỏi trực tiếp cán bộ, hồ sơ đất đai nộp ở đâu", true, "hồ sơ đất đai nộp ở đâu"},
		{"Liên hệ cán bộ", true, ""},
		{"/canbo", true, ""},
		{"talk to a human please", true, "please"},
		{"số điện thoại cán bộ xã", false, ""},
		{"cán bộ nào phụ trách sáp nhập?", false, ""},
		{"gặp gỡ", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			q, ok := asksForStaff(tt.text)
			if ok != tt.ok || q != tt.question {
				t.Errorf("asksForStaff(%q) = %q, %v; want %q, %v", tt.text, q, ok, tt.question, tt.ok)
			}
		})
	}
}

// lateBot lets the handler be built before the bot it posts through.
type lateBot struct{ b *telegram.Bot }

func (l *lateBot) Post(ctx context.Context, chatID int64, r bot.Reply) (int, error) {
	return l.b.Post(ctx, chatID, r)
}

// startBot runs the real engine behind the handoff on the fake Bot API.
func startBot(t *testing.T, staffChat int64) *telegramtest.Server {
	t.Helper()
	srv := telegramtest.New(t)
	startBotOn(t, srv, staffChat, store.NewMemoryTickets[Ticket](0), 0)
	return srv
}

// startBotOn runs a bot replica on srv with its tickets and flood limit
// (0: the engine's default); it stops when the test ends, or with the
// returned stop.
func startBotOn(t *testing.T, srv *telegramtest.Server, staffChat int64, tickets Tickets, flood int) (stop func()) {
	t.Helper()
	return startBotThread(t, srv, staffChat, 0, tickets, flood)
}

// startBotThread is startBotOn with new questions posted in forum topic
// thread of the staff group.
func startBotThread(t *testing.T, srv *telegramtest.Server, staffChat int64, thread int, tickets Tickets, flood int) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	c, err := content.LoadDir(ctx, "../admin/testdata/content")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(ctx, c, index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st := store.NewMemory(store.Options{})
	late := &lateBot{}
	var handler bot.Handler
	tb, err := telegram.New(ctx, telegram.Config{Token: srv.Token, Endpoint: srv.Endpoint, Ledger: store.NewMemoryLedger(0),
		Handler:     bot.HandlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) { return handler.Handle(ctx, m) }),
		PollTimeout: time.Second, EmptyPollDelay: 10 * time.Millisecond, NoRateLimit: true, Grace: 5 * time.Second,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	late.b = tb
	engine := bot.New(ix, st, bot.Options{BotUsername: tb.UserName(), FloodLimit: flood, StaffLine: staffChat != 0})
	handler = New(Config{StaffChat: staffChat, Poster: late, Tickets: tickets, States: st, Gate: engine, StaffThread: thread}).Wrap(engine)
	done := make(chan error, 1)
	go func() { done <- tb.Run(ctx) }()
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); <-done; ix.Close() }) }
	t.Cleanup(stop)
	return stop
}

var (
	citizen = telegramtest.User{ID: 7, FirstName: "Dân", LanguageCode: "vi"}
	officer = telegramtest.User{ID: 900, FirstName: "Cán bộ", LanguageCode: "vi"}
	staff   = telegramtest.Chat{ID: -100500, Type: "supergroup", Title: "Tổ một cửa (thử nghiệm)"}
)

func TestHandoffRoundTrip(t *testing.T) {
	srv := startBot(t, staff.ID)
	chat := telegramtest.Private(citizen)

	// The citizen asks, is not satisfied (👎), and asks for staff.
	srv.SendText(chat, citizen, "xã Thử Nghiệm giảm bao nhiêu thôn")
	answer := srv.WaitMessages(t, chat.ID, 1)[0]
	down := ""
	for _, row := range answer.Buttons {
		for _, b := range row {
			if b.Text == "👎" {
				down = *b.CallbackData
			}
		}
	}
	srv.Press(chat, citizen, answer.MessageID, down)
	offer := srv.WaitMessages(t, chat.ID, 2)[1]
	if got := offer.Buttons[0][0]; got.Text != "Liên hệ cán bộ" || *got.CallbackData != cbStaff {
		t.Fatalf("offer after 👎 = %q %+v", offer.Visible, offer.Buttons)
	}
	srv.Press(chat, citizen, offer.MessageID, cbStaff)
	ack := srv.WaitMessages(t, chat.ID, 3)[2]
	if !strings.Contains(ack.Visible, "Đã chuyển câu hỏi của bạn tới cán bộ") {
		t.Errorf("citizen's acknowledgement: %q", ack.Visible)
	}
	post := srv.WaitMessages(t, staff.ID, 1)[0]
	if !strings.Contains(post.Visible, "xã Thử Nghiệm giảm bao nhiêu thôn") || strings.Contains(post.Visible, citizen.FirstName) {
		t.Errorf("staff post = %q: want the question, without the citizen's name", post.Visible)
	}

	// A staff member replies to the post; the citizen gets the answer.
	srv.SendMessage(staff, officer, "Chào bạn, xã giảm từ 12 xuống 9 thôn <năm 2020>.", srv.ReplyToBot(post.MessageID))
	back := srv.WaitMessages(t, chat.ID, 4)[3]
	if got, want := back.Visible, "💬 Cán bộ trả lời\nChào bạn, xã giảm từ 12 xuống 9 thôn <năm 2020>.\n\nMuốn hỏi thêm? Trả lời (Reply) tin nhắn này."; got != want {
		t.Errorf("citizen got %q, want %q", got, want)
	}
	if got := srv.WaitMessages(t, staff.ID, 2)[1].Visible; !strings.Contains(got, "Đã gửi câu trả lời tới người hỏi") {
		t.Errorf("staff confirmation: %q", got)
	}

	// Typed request with its own question.
	srv.SendText(chat, citizen, "gặp cán bộ: giờ làm việc thứ Bảy?")
	srv.WaitMessages(t, chat.ID, 5)
	if got := srv.WaitMessages(t, staff.ID, 3)[2].Visible; !strings.Contains(got, "giờ làm việc thứ Bảy?") {
		t.Errorf("second staff post: %q", got)
	}

	// Chatter in the staff group that replies to nothing is left alone.
	srv.SendText(staff, officer, "họp lúc 14h nhé")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.WaitIdle(ctx, 300*time.Millisecond)
	if n := len(srv.Messages(staff.ID)); n != 3 {
		t.Errorf("staff group has %d bot messages, want 3", n)
	}
}

func TestHandoffWithoutStaffOffersContacts(t *testing.T) {
	srv := startBot(t, 0)
	chat := telegramtest.Private(citizen)
	srv.SendText(chat, citizen, "gặp cán bộ")
	got := srv.WaitMessages(t, chat.ID, 2)
	if !strings.Contains(got[0].Visible, "chưa có kênh hỏi trực tiếp cán bộ") {
		t.Errorf("first reply %q", got[0].Visible)
	}
	if !strings.Contains(got[1].Visible, "0000 000 002") {
		t.Errorf("contacts reply lacks the office phone: %q", got[1].Visible)
	}
}
