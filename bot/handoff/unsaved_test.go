package handoff

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// posted is one message the handoff sent.
type posted struct {
	chatID int64
	id     int
	r      bot.Reply
}

// chanPoster hands every post to the test as it is sent.
type chanPoster struct {
	mu   sync.Mutex
	next int
	out  chan posted
}

func (p *chanPoster) Post(_ context.Context, chatID int64, r bot.Reply) (int, error) {
	p.mu.Lock()
	p.next++
	id := p.next
	p.mu.Unlock()
	p.out <- posted{chatID, id, r}
	return id, nil
}

// lateTickets holds the next Save (or Link) until a lookup has found
// nothing: the worst order, a reply handled between the post and its
// record.
type lateTickets struct {
	Tickets
	mu       sync.Mutex
	holdSave bool
	holdLink bool
	looked   chan struct{}
}

func (l *lateTickets) hold(save bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.holdSave, l.holdLink, l.looked = save, !save, make(chan struct{})
}

func (l *lateTickets) wait(held *bool) {
	l.mu.Lock()
	h, looked := *held, l.looked
	*held = false
	l.mu.Unlock()
	if h {
		select {
		case <-looked:
		case <-time.After(time.Minute): // bounds a failing test only
		}
	}
}

func (l *lateTickets) lookedUp(found bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !found && l.looked != nil {
		select {
		case <-l.looked:
		default:
			close(l.looked)
		}
	}
}

func (l *lateTickets) Save(ctx context.Context, id int, t Ticket) error {
	l.wait(&l.holdSave)
	return l.Tickets.Save(ctx, id, t)
}

func (l *lateTickets) Ticket(ctx context.Context, id int) (Ticket, bool, error) {
	tk, found, err := l.Tickets.Ticket(ctx, id)
	l.lookedUp(found)
	return tk, found, err
}

func (l *lateTickets) Link(ctx context.Context, chatID int64, msgID, root int) error {
	l.wait(&l.holdLink)
	return l.Tickets.Link(ctx, chatID, msgID, root)
}

func (l *lateTickets) Linked(ctx context.Context, chatID int64, msgID int) (int, bool, error) {
	root, found, err := l.Tickets.Linked(ctx, chatID, msgID)
	l.lookedUp(found)
	return root, found, err
}

// peerTickets is another replica's view of the store late wraps: its
// lookups that find nothing release late's held record as late's own do.
type peerTickets struct {
	Tickets
	late *lateTickets
}

func (p *peerTickets) Ticket(ctx context.Context, id int) (Ticket, bool, error) {
	tk, found, err := p.Tickets.Ticket(ctx, id)
	p.late.lookedUp(found)
	return tk, found, err
}

func (p *peerTickets) Linked(ctx context.Context, chatID int64, msgID int) (int, bool, error) {
	root, found, err := p.Tickets.Linked(ctx, chatID, msgID)
	p.late.lookedUp(found)
	return root, found, err
}

// TestReplyBeforeRecord: Telegram shows a post before the bot learns its
// ID, so a reply to it can be handled before its ticket (or link) is
// saved — by the replica that sent it or, behind a webhook, by another on
// the same Redis. The reply must reach its conversation, not be told
// "expired" or open a new request.
func TestReplyBeforeRecord(t *testing.T) {
	const staffChat, citizenChat = -100500, 7
	quoted := catalog["vi"].StaffSaidPlain + "\nSáng thứ Bảy làm việc."
	setups := []struct {
		name string
		// stores returns the tickets of the replica that sends the post
		// and of the one that handles the reply to it; nil for the same.
		stores func(t *testing.T) (sender, replier Tickets)
	}{
		{"one replica", func(*testing.T) (Tickets, Tickets) { return store.NewMemoryTickets[Ticket](0), nil }},
		{"two replicas on one Redis", func(t *testing.T) (Tickets, Tickets) {
			srv := redistest.Start(t)
			return store.NewRedisTickets[Ticket](srv.Client(), staffChat, 0), store.NewRedisTickets[Ticket](srv.Client(), staffChat, 0)
		}},
	}
	tests := []struct {
		name string
		// holdSave holds the ticket's Save (else the answer's Link);
		// first runs the handoff up to the post that is held.
		holdSave bool
		// reply is the message that arrives before the record, given
		// the ID of the held post.
		reply func(id int) bot.Message
		want  string
	}{
		{
			name:     "staff answer before the ticket",
			holdSave: true,
			reply: func(id int) bot.Message {
				return bot.Message{ChatID: staffChat, UserID: 900, ChatType: bot.ChatSupergroup, Text: "Sáng thứ Bảy làm việc.",
					ReplyTo: id, ReplyToText: markStaffNew + "\ngiờ làm việc thứ Bảy?"}
			},
			want: "✅ Đã gửi câu trả lời tới người hỏi.",
		},
		{
			name:     "staff close before the ticket",
			holdSave: true,
			reply: func(id int) bot.Message {
				return bot.Message{ChatID: staffChat, UserID: 900, ChatType: bot.ChatSupergroup, MessageID: id, Callback: cbClose}
			},
			want: "✅ Đã đóng yêu cầu; người hỏi đã được báo",
		},
		{
			name: "citizen answer before the link",
			reply: func(id int) bot.Message {
				return bot.Message{ChatID: citizenChat, UserID: citizenChat, ChatType: bot.ChatPrivate, LangCode: "vi",
					Text: "Thế Chủ nhật thì sao?", ReplyTo: id, ReplyToText: quoted}
			},
			want: catalog["vi"].Forwarded,
		},
	}
	for _, setup := range setups {
		for _, tt := range tests {
			t.Run(setup.name+"/"+tt.name, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				p := &chanPoster{out: make(chan posted, 10)}
				sender, replier := setup.stores(t)
				tickets := &lateTickets{Tickets: sender}
				next := bot.HandlerFunc(func(context.Context, bot.Message) ([]bot.Reply, error) { return nil, nil })
				h := New(Config{StaffChat: staffChat, Poster: p, Tickets: tickets}).Wrap(next)
				other := h
				if replier != nil {
					other = New(Config{StaffChat: staffChat, Poster: p, Tickets: &peerTickets{Tickets: replier, late: tickets}}).Wrap(next)
				}
				ask := bot.Message{ChatID: citizenChat, UserID: citizenChat, ChatType: bot.ChatPrivate, LangCode: "vi", Text: "gặp cán bộ: giờ làm việc thứ Bảy?"}
				staffAnswer := bot.Message{ChatID: staffChat, UserID: 900, ChatType: bot.ChatSupergroup, Text: "Sáng thứ Bảy làm việc."}

				var first bot.Message // the message whose record is held
				if tt.holdSave {
					first = ask
				} else {
					// The request is open; the staff answer's link is held.
					if _, err := h.Handle(ctx, ask); err != nil {
						t.Fatal(err)
					}
					staffAnswer.ReplyTo, staffAnswer.ReplyToText = (<-p.out).id, markStaffNew
					first = staffAnswer
				}
				tickets.hold(tt.holdSave)
				done := make(chan error, 1)
				go func() {
					_, err := h.Handle(ctx, first)
					done <- err
				}()
				held := <-p.out
				replies, err := other.Handle(ctx, tt.reply(held.id))
				if err != nil {
					t.Fatal(err)
				}
				if err := <-done; err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range replies {
					got = append(got, r.Text+r.Notice)
				}
				if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
					t.Errorf("reply before the record: %q, want %q", got, tt.want)
				}
			})
		}
	}
}
