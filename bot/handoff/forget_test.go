package handoff

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/admin"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// posterFunc is a Poster.
type posterFunc func(ctx context.Context, chatID int64, r bot.Reply) (int, error)

func (f posterFunc) Post(ctx context.Context, chatID int64, r bot.Reply) (int, error) {
	return f(ctx, chatID, r)
}

// TestForgetReachesEverything (defect 8): after a citizen gives their name
// and house address in questions and asks for staff, /quentoi leaves
// nothing that names them, locates them or links to their chat — neither
// in the chat's state nor in the handoff tickets nor in the admins'
// counters (unanswered, slowest), which keep the questions redacted. Run
// against a real redis-server (every key and value read back) and memory.
// The person and address are synthetic.
func TestForgetReachesEverything(t *testing.T) {
	ctx := context.Background()
	c, err := content.LoadDir(ctx, "../admin/testdata/content")
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Build(ctx, c, index.BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })

	const chatID = 987654321
	personal := []string{"nguyễn văn", "mẫu", "ngõ 34", "lan thử", "số nhà 5", strconv.Itoa(chatID)}
	// stateStore is the state store with the counters /stats reads.
	type stateStore interface {
		bot.Store
		admin.Stats
		TopUnanswered(ctx context.Context, nDays, n int) ([]store.Count, error)
	}
	backends := map[string]func(t *testing.T) (stateStore, Tickets, *redistest.Server){
		"memory": func(*testing.T) (stateStore, Tickets, *redistest.Server) {
			return store.NewMemory(store.Options{}), store.NewMemoryTickets[Ticket](0), nil
		},
		"redis": func(t *testing.T) (stateStore, Tickets, *redistest.Server) {
			srv := redistest.Start(t)
			rdb := srv.Client()
			return store.NewRedis(rdb, store.Options{}), store.NewRedisTickets[Ticket](rdb, staff.ID, 0), srv
		},
	}
	for name, mk := range backends {
		t.Run(name, func(t *testing.T) {
			st, tickets, srv := mk(t)
			stats := st
			posts := 0
			h := New(Config{StaffChat: staff.ID, Tickets: tickets, States: st,
				Poster: posterFunc(func(context.Context, int64, bot.Reply) (int, error) { posts++; return posts, nil })})
			engine := bot.New(&admin.Recorder{Searcher: ix, Stats: stats}, st, bot.Options{Forget: []bot.Forgetter{h}})
			handler := h.Wrap(engine)
			say := func(text string) {
				t.Helper()
				m := bot.Message{ChatID: chatID, UserID: chatID, ChatType: bot.ChatPrivate, Text: text, LangCode: "vi"}
				if _, err := handler.Handle(ctx, m); err != nil {
					t.Fatalf("Handle(%q): %v", text, err)
				}
			}
			say("Tôi là Nguyễn Văn Mẫu, nhà tôi ở số 12 ngõ 34 phố Thử, xin hỏi lịch tiêm phòng cho chó mèo")
			say("nha toi o so 12 ngo 34 pho thu thi xa Thu Nghiem giam bao nhieu thon")
			say("gặp cán bộ: em tên là Lan Thử, số nhà 5 cần xin giấy xác nhận cư trú")
			if posts != 1 {
				t.Fatalf("%d staff posts, want 1", posts)
			}
			say("/quentoi")

			if tk, ok, err := tickets.Ticket(ctx, 1); ok || err != nil {
				t.Errorf("ticket after /quentoi = %+v %v %v, want none", tk, ok, err)
			}
			if got, err := st.Chat(ctx, chatID); err != nil || got.List.Query != "" {
				t.Errorf("chat state after /quentoi = %+v %v, want none", got, err)
			}
			// The counters are kept, without the person.
			var kept []string
			sum, err := stats.QuestionStats(ctx, 1, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range sum.Slowest {
				kept = append(kept, s.Question)
			}
			top, err := st.TopUnanswered(ctx, 1, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range top {
				kept = append(kept, c.Question)
			}
			if sum.Today != 2 || len(sum.Slowest) != 2 {
				t.Errorf("stats after /quentoi: %d questions, %d slowest; want both questions counted", sum.Today, len(sum.Slowest))
			}
			if srv != nil {
				kept = append(kept, srv.Dump()...)
			}
			for _, s := range kept {
				for _, p := range personal {
					if strings.Contains(strings.ToLower(s), p) {
						t.Errorf("after /quentoi %q is kept: it holds %q", s, p)
					}
				}
			}
		})
	}
}
