package admin

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
)

// slowReloader is a Reloader whose builds take until released.
type slowReloader struct{ release chan struct{} }

func (s *slowReloader) Reload(ctx context.Context, req reload.Request) (reload.Report, error) {
	<-s.release
	return reload.Report{Trigger: req.Trigger, Outcome: reload.Swapped, Version: "abcdef012345",
		Before: index.Stats{Articles: 2}, After: index.Stats{Articles: 3}, Took: 1500 * time.Millisecond}, nil
}

func (s *slowReloader) Current() reload.Current { return reload.Current{} }

type posted struct {
	mu   sync.Mutex
	msgs []string
	got  chan struct{}
}

func (p *posted) Post(_ context.Context, chatID int64, r bot.Reply) (int, error) {
	p.mu.Lock()
	p.msgs = append(p.msgs, r.Text)
	p.mu.Unlock()
	p.got <- struct{}{}
	return 1, nil
}

// TestLateReport: a build that outlasts ReplyWithin is reported in two
// messages — "still building" at once, the report when it is done.
func TestLateReport(t *testing.T) {
	rl := &slowReloader{release: make(chan struct{})}
	p := &posted{got: make(chan struct{}, 1)}
	a := New(Config{Reloader: rl, Admins: []int64{1}, Poster: p, ReplyWithin: 20 * time.Millisecond})
	replies, err := a.reloadCommand(context.Background(), bot.Message{ChatID: 1, UserID: 1}, "")
	if err != nil || len(replies) != 1 || !strings.Contains(replies[0].Text, "Đang xây chỉ mục mới; chỉ mục cũ vẫn trả lời") {
		t.Fatalf("first reply = %+v, %v", replies, err)
	}
	close(rl.release)
	select {
	case <-p.got:
	case <-time.After(5 * time.Second):
		t.Fatal("the report was not posted")
	}
	a.Close()
	if len(p.msgs) != 1 || !strings.Contains(p.msgs[0], "Bài viết: 2 → 3") || !strings.Contains(p.msgs[0], "1,5 s") {
		t.Errorf("posted = %q", p.msgs)
	}
}
