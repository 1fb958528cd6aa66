package telegram

import (
	"context"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// panicky panics on one message and echoes the others.
type panicky struct{ fakeHandler }

func (p *panicky) Handle(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
	if m.Text == "boom" {
		var table []int
		_ = table[len(m.Text)] // a handler bug
	}
	return p.fakeHandler.Handle(ctx, m)
}

// TestPanicInHandlerIsContained: an update that makes the handler panic gets
// the apology and is counted as done; the process, and every other chat, go on.
func TestPanicInHandlerIsContained(t *testing.T) {
	srv := telegramtest.New(t)
	a, b := telegramtest.Private(dan), telegramtest.Private(anna)
	l := store.NewMemoryLedger(0)
	r := startBot(t, srv, &panicky{}, l, nil)
	srv.SendText(a, dan, "boom")
	srv.SendText(a, dan, "sau đó")
	last, _ := srv.SendText(b, anna, "hello")
	got := srv.WaitMessages(t, a.ID, 2)
	if !strings.Contains(got[0].Visible, "Xin lỗi") || got[1].Visible != "Bạn hỏi: sau đó" {
		t.Errorf("chat A got %q, %q; want the apology, then the next answer", got[0].Visible, got[1].Visible)
	}
	srv.WaitMessages(t, b.ID, 1)
	if st := r.bot.Stats(); st.Panics != 1 {
		t.Errorf("stats = %+v, want 1 panic", st)
	}
	r.shutdown(t)
	if off, _ := l.Offset(context.Background()); off != int64(last)+1 {
		t.Errorf("saved offset %d, want %d: the poisonous update must be confirmed, or it comes back at every restart", off, last+1)
	}
}
