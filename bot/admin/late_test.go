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
	mu    sync.Mutex
	msgs  []string
	chats []int64
	got   chan struct{}
}

func (p *posted) Post(_ context.Context, chatID int64, r bot.Reply) (int, error) {
	p.mu.Lock()
	p.msgs = append(p.msgs, r.Text)
	p.chats = append(p.chats, chatID)
	p.mu.Unlock()
	p.got <- struct{}{}
	return 1, nil
}

// TestLateReport: a build that outlasts ReplyWithin is reported in two
// messages — "still building" at once, the report when it is done — both in
// the admin's private chat, even when /reload was sent in a group.
func TestLateReport(t *testing.T) {
	const admin = 1
	for _, m := range []bot.Message{
		{ChatID: admin, UserID: admin, ChatType: bot.ChatPrivate},
		{ChatID: -100700, UserID: admin, ChatType: bot.ChatSupergroup},
	} {
		t.Run(string(m.ChatType), func(t *testing.T) {
			rl := &slowReloader{release: make(chan struct{})}
			p := &posted{got: make(chan struct{}, 2)}
			a := New(Config{Reloader: rl, Admins: []int64{admin}, Poster: p, ReplyWithin: 20 * time.Millisecond})
			replies, err := a.reloadCommand(context.Background(), m, "")
			if err != nil {
				t.Fatal(err)
			}
			building := append([]string(nil), p.msgs...) // a group's status went in private
			for _, r := range replies {
				building = append(building, r.Text)
			}
			if len(building) != 1 || !strings.Contains(building[0], "Đang xây chỉ mục mới; chỉ mục cũ vẫn trả lời") {
				t.Fatalf("first reply = %q, %v", building, err)
			}
			if m.ChatType != bot.ChatPrivate && len(replies) != 0 {
				t.Errorf("the group read %q", replies[0].Text)
			}
			close(rl.release)
			a.Close() // waits for the report to be posted
			p.mu.Lock()
			defer p.mu.Unlock()
			last := len(p.msgs) - 1
			if last < 0 || !strings.Contains(p.msgs[last], "Bài viết: 2 → 3") || !strings.Contains(p.msgs[last], "1,5 s") {
				t.Errorf("posted = %q", p.msgs)
			}
			for _, c := range p.chats {
				if c != admin {
					t.Errorf("posted to chat %d, want the admin's private chat %d", c, admin)
				}
			}
		})
	}
}
