package handoff

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// replyTo makes a message a reply to the bot's message m, quoting its text
// as Telegram does.
func replyTo(m telegramtest.Message) func(*tgbotapi.Message) {
	return func(msg *tgbotapi.Message) {
		msg.ReplyToMessage = &tgbotapi.Message{MessageID: m.MessageID, Chat: msg.Chat, Text: m.Visible,
			From: &tgbotapi.User{ID: telegramtest.BotID, IsBot: true, UserName: telegramtest.BotUserName}}
	}
}

func button(m telegramtest.Message, text string) string {
	for _, row := range m.Buttons {
		for _, b := range row {
			if strings.Contains(b.Text, text) && b.CallbackData != nil {
				return *b.CallbackData
			}
		}
	}
	return ""
}

// TestTwoWayLine: the citizen's reply to a staff answer goes back under the
// same staff post; staff answer it, close the ticket with a button, and the
// citizen is told and rates the help, which staff see. With Redis tickets
// the replica answering the staff is a new one (a restart) — the tickets
// survive it.
func TestTwoWayLine(t *testing.T) {
	backends := map[string]func(t *testing.T) func() Tickets{
		"memory": func(*testing.T) func() Tickets {
			tk := store.NewMemoryTickets[Ticket](0)
			return func() Tickets { return tk }
		},
		"redis": func(t *testing.T) func() Tickets {
			rdb := redistest.Start(t).Client()
			return func() Tickets { return store.NewRedisTickets[Ticket](rdb, staff.ID, 0) }
		},
	}
	for name, tickets := range backends {
		t.Run(name, func(t *testing.T) {
			mk := tickets(t)
			srv := telegramtest.New(t)
			stop := startBotOn(t, srv, staff.ID, mk(), 0)
			chat := telegramtest.Private(citizen)

			srv.SendText(chat, citizen, "gặp cán bộ: giờ làm việc thứ Bảy?")
			srv.WaitMessages(t, chat.ID, 1)
			post := srv.WaitMessages(t, staff.ID, 1)[0]
			if button(post, "Đóng yêu cầu") != cbClose {
				t.Fatalf("staff post %q has no close button: %+v", post.Visible, post.Buttons)
			}
			srv.SendMessage(staff, officer, "Thứ Bảy làm việc buổi sáng.", replyTo(post))
			answer := srv.WaitMessages(t, chat.ID, 2)[1]
			srv.WaitMessages(t, staff.ID, 2)
			if name == "redis" {
				stop()
				startBotOn(t, srv, staff.ID, mk(), 0)
			}

			// The citizen replies to the answer: it goes under the post.
			srv.SendMessage(chat, citizen, "Thế Chủ nhật thì sao?", replyTo(answer))
			if got := srv.WaitMessages(t, chat.ID, 3)[2].Visible; !strings.Contains(got, "Đã gửi tới cán bộ") {
				t.Errorf("citizen told %q", got)
			}
			fwd := srv.WaitMessages(t, staff.ID, 3)[2]
			if !strings.HasPrefix(fwd.Visible, "💬 Người dân trả lời\nThế Chủ nhật thì sao?") || fwd.ReplyTo != post.MessageID {
				t.Fatalf("staff got %q replying to %d, want the citizen's reply under post %d", fwd.Visible, fwd.ReplyTo, post.MessageID)
			}
			srv.SendMessage(staff, officer, "Chủ nhật nghỉ.", replyTo(fwd))
			if got := srv.WaitMessages(t, chat.ID, 4)[3].Visible; !strings.Contains(got, "Chủ nhật nghỉ.") {
				t.Errorf("second answer = %q", got)
			}
			srv.WaitMessages(t, staff.ID, 4)

			// Staff close; the citizen is told and rates.
			srv.Press(staff, officer, fwd.MessageID, cbClose)
			closed := srv.WaitMessages(t, chat.ID, 5)[4]
			if !strings.Contains(closed.Visible, "đã đóng yêu cầu") || button(closed, "Hài lòng") == "" {
				t.Fatalf("citizen told %q with %+v, want the closing and rating buttons", closed.Visible, closed.Buttons)
			}
			// Staff are told by the post they closed, edited in place: its
			// text kept, the status added, the button gone — no new message.
			srv.Wait(t, 10*time.Second, "the closed post edited", func() bool {
				for _, m := range srv.Messages(staff.ID) {
					if m.MessageID == fwd.MessageID {
						return m.Edits == 1 && len(m.Buttons) == 0 && strings.Contains(m.Visible, "Đã đóng yêu cầu") &&
							strings.HasPrefix(m.Visible, "💬 Người dân trả lời\nThế Chủ nhật thì sao?")
					}
				}
				return false
			})
			if n := len(srv.Messages(staff.ID)); n != 4 {
				t.Errorf("staff group has %d messages after the closing, want the 4 before it", n)
			}
			srv.Press(chat, citizen, closed.MessageID, button(closed, "Hài lòng"))
			rating := srv.WaitMessages(t, staff.ID, 5)[4]
			if !strings.Contains(rating.Visible, "👍 hài lòng") || rating.ReplyTo != post.MessageID {
				t.Errorf("staff got rating %q replying to %d, want 👍 under %d", rating.Visible, rating.ReplyTo, post.MessageID)
			}
			srv.Wait(t, 10*time.Second, "the rating acknowledged in place", func() bool {
				m := srv.Messages(chat.ID)[4]
				return m.Edits == 1 && strings.Contains(m.Visible, "Cảm ơn") && len(m.Buttons) == 0
			})
			if n := srv.UnansweredQueries(); n != 0 {
				t.Errorf("%d button presses unanswered", n)
			}
		})
	}
}

// clock is a settable clock for store.MemoryTickets, safe across the bot's
// goroutines.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// TestExpiredTicket: after the ticket's TTL a staff reply is answered in
// the staff group (not sent, and said so), and the citizen's reply to an
// old answer opens a new ticket instead of being lost.
func TestExpiredTicket(t *testing.T) {
	c := &clock{now: time.Now()}
	tk := store.NewMemoryTickets[Ticket](time.Hour).WithClock(c.Now)
	srv := telegramtest.New(t)
	startBotOn(t, srv, staff.ID, tk, 0)
	chat := telegramtest.Private(citizen)
	srv.SendText(chat, citizen, "gặp cán bộ: hồ sơ cấp đổi căn cước nộp ở đâu?")
	post := srv.WaitMessages(t, staff.ID, 1)[0]
	srv.SendMessage(staff, officer, "Nộp tại bộ phận một cửa.", replyTo(post))
	answer := srv.WaitMessages(t, chat.ID, 2)[1]
	srv.WaitMessages(t, staff.ID, 2)

	c.Add(2 * time.Hour)
	srv.SendMessage(staff, officer, "Bổ sung: mang theo ảnh.", replyTo(post))
	told := srv.WaitMessages(t, staff.ID, 3)[2]
	if !strings.Contains(told.Visible, "hết hạn") || !strings.Contains(told.Visible, "chưa được gửi") {
		t.Errorf("staff told %q, want the ticket expired and the reply not sent", told.Visible)
	}
	srv.SendMessage(chat, citizen, "Có cần ảnh không?", replyTo(answer))
	if got := srv.WaitMessages(t, chat.ID, 3)[2].Visible; !strings.Contains(got, "câu hỏi mới") {
		t.Errorf("citizen told %q, want a new question", got)
	}
	if got := srv.WaitMessages(t, staff.ID, 4)[3].Visible; !strings.HasPrefix(got, markStaffNew+"\nCó cần ảnh không?") {
		t.Errorf("staff got %q, want the reply as a new question", got)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.WaitIdle(ctx, 300*time.Millisecond)
	if n := len(srv.Messages(chat.ID)); n != 3 {
		t.Errorf("citizen has %d messages, want 3: the expired staff reply must not reach them", n)
	}
}

// TestHandoffFloodLimit: with a flood limit of 3, ten requests for staff
// put three questions before staff and one flood notice before the citizen.
func TestHandoffFloodLimit(t *testing.T) {
	srv := telegramtest.New(t)
	startBotOn(t, srv, staff.ID, store.NewMemoryTickets[Ticket](0), 3)
	chat := telegramtest.Private(citizen)
	for i := range 10 {
		srv.SendText(chat, citizen, fmt.Sprintf("gặp cán bộ: câu hỏi số %d", i))
	}
	srv.WaitMessages(t, chat.ID, 4)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.WaitIdle(ctx, 500*time.Millisecond)
	if n := len(srv.Messages(staff.ID)); n != 3 {
		t.Errorf("%d staff posts, want 3", n)
	}
	floods := 0
	for _, m := range srv.Messages(chat.ID) {
		if strings.Contains(m.Visible, "nhanh quá") {
			floods++
		}
	}
	if n := len(srv.Messages(chat.ID)); n != 4 || floods != 1 {
		t.Errorf("citizen got %d messages with %d flood notices, want 3 acknowledgements and 1 notice", n, floods)
	}
}

// TestHandoffFollowsLanguage: after /ngonngu en, on a Vietnamese client,
// the handoff speaks English, and so do the staff answer and the offer
// after 👎.
func TestHandoffFollowsLanguage(t *testing.T) {
	srv := telegramtest.New(t)
	startBotOn(t, srv, staff.ID, store.NewMemoryTickets[Ticket](0), 0)
	chat := telegramtest.Private(citizen) // a Vietnamese client
	srv.SendText(chat, citizen, "/ngonngu en")
	srv.WaitMessages(t, chat.ID, 1)
	srv.SendText(chat, citizen, "gặp cán bộ: opening hours on Saturday?")
	if got := srv.WaitMessages(t, chat.ID, 2)[1].Visible; !strings.Contains(got, "Your question was passed on") {
		t.Errorf("acknowledgement %q, want English", got)
	}
	post := srv.WaitMessages(t, staff.ID, 1)[0]
	srv.SendMessage(staff, officer, "Mornings only.", replyTo(post))
	if got := srv.WaitMessages(t, chat.ID, 3)[2].Visible; !strings.HasPrefix(got, "💬 Reply from the staff") {
		t.Errorf("staff answer %q, want the English heading", got)
	}
	srv.SendText(chat, citizen, "/canbo")
	if got := srv.WaitMessages(t, chat.ID, 4)[3].Visible; !strings.HasPrefix(got, "What would you like to ask") {
		t.Errorf("/canbo without a question: %q", got)
	}
}

// TestNoAnswerOffersStaff: a question the bot cannot answer carries the
// "Liên hệ cán bộ" button; pressing it puts that question before staff, the
// press answered at once.
func TestNoAnswerOffersStaff(t *testing.T) {
	srv := telegramtest.New(t)
	startBotOn(t, srv, staff.ID, store.NewMemoryTickets[Ticket](0), 0)
	chat := telegramtest.Private(citizen)
	const q = "lịch thi đấu bóng đá của đội tuyển tuần này"
	srv.SendText(chat, citizen, q)
	none := srv.WaitMessages(t, chat.ID, 1)[0]
	data := button(none, "Liên hệ cán bộ")
	if data != cbStaff {
		t.Fatalf("no-answer reply %q has no staff button: %+v", none.Visible, none.Buttons)
	}
	_, query := srv.Press(chat, citizen, none.MessageID, data)
	if got := srv.WaitMessages(t, staff.ID, 1)[0].Visible; !strings.Contains(got, q) {
		t.Errorf("staff post %q, want the unanswered question", got)
	}
	srv.WaitMessages(t, chat.ID, 2)
	answered := false
	for _, a := range srv.Answers() {
		answered = answered || a.QueryID == query
	}
	if !answered {
		t.Error("the press was not answered")
	}
}

// TestContactLabelsFollowLanguage: after /ngonngu en on a Vietnamese
// client, the contact block's labels are English, as are the handoff's
// words when no staff group is set.
func TestContactLabelsFollowLanguage(t *testing.T) {
	srv := startBot(t, 0)
	chat := telegramtest.Private(citizen)
	srv.SendText(chat, citizen, "/ngonngu en")
	srv.WaitMessages(t, chat.ID, 1)
	srv.SendText(chat, citizen, "/lienhe")
	if got := srv.WaitMessages(t, chat.ID, 2)[1].Visible; !strings.Contains(got, "Phone:") || strings.Contains(got, "Điện thoại:") {
		t.Errorf("/lienhe after /ngonngu en: %q", got)
	}
	srv.SendText(chat, citizen, "gặp cán bộ")
	got := srv.WaitMessages(t, chat.ID, 4)
	if !strings.HasPrefix(got[2].Visible, "Staff cannot be reached") || !strings.Contains(got[3].Visible, "Phone:") {
		t.Errorf("handoff without staff: %q / %q", got[2].Visible, got[3].Visible)
	}
}

// TestStaffForumTopic: with STAFF_THREAD_ID, questions go to that topic of
// the staff group, and the citizen's replies, the confirmations and the
// rating follow them there.
func TestStaffForumTopic(t *testing.T) {
	srv := telegramtest.New(t)
	startBotThread(t, srv, staff.ID, 9, store.NewMemoryTickets[Ticket](0), 0)
	topic := staff
	topic.Topic = 9
	srv.SendText(topic, officer, "chủ đề hỏi đáp của người dân") // the topic exists
	chat := telegramtest.Private(citizen)
	srv.SendText(chat, citizen, "gặp cán bộ: giờ làm việc thứ Bảy?")
	// The citizen is told once the ticket is kept: a staff reply before
	// that would find none (a race of the test only: no one answers in
	// milliseconds).
	srv.WaitMessages(t, chat.ID, 1)
	post := srv.WaitMessages(t, staff.ID, 1)[0]
	srv.SendMessage(topic, officer, "Buổi sáng.", replyTo(post))
	answer := srv.WaitMessages(t, chat.ID, 2)[1]
	// Likewise each step below waits for the bot's last word on the one
	// before, which comes after what it kept: the staff's confirmation
	// after the answer is linked to the ticket (a citizen reply before the
	// link opens a new ticket), the citizen's "sent" after the forwarded
	// post's ticket is saved (a close before that finds none, or is undone
	// by the reply renewing the ticket).
	srv.WaitMessages(t, staff.ID, 2)
	srv.SendMessage(chat, citizen, "Cảm ơn, còn Chủ nhật?", replyTo(answer))
	srv.WaitMessages(t, chat.ID, 3)
	fwd := srv.WaitMessages(t, staff.ID, 3)[2]
	if !strings.HasPrefix(fwd.Visible, "💬 Người dân trả lời\nCảm ơn, còn Chủ nhật?") {
		t.Fatalf("third staff message %q, want the citizen's reply", fwd.Visible)
	}
	srv.Press(topic, officer, fwd.MessageID, cbClose)
	closed := srv.WaitMessages(t, chat.ID, 4)[3]
	srv.Press(chat, citizen, closed.MessageID, button(closed, "Chưa hài lòng"))
	// The closing edits the post in place; the rating is a new message.
	rating := srv.WaitMessages(t, staff.ID, 4)[3]
	if !strings.Contains(rating.Visible, "👎 chưa hài lòng") {
		t.Errorf("last staff message %q, want the rating", rating.Visible)
	}
	for _, m := range srv.Messages(staff.ID) {
		if m.Thread != 9 {
			t.Errorf("staff message %q in thread %d, want 9", m.Visible, m.Thread)
		}
	}
}
