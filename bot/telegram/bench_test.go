package telegram

import (
	"context"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

// BenchmarkPipeline measures updates through the whole transport — poll,
// claim, handle (echo), send — against the fake Bot API over loopback HTTP,
// spread over 50 chats, with the limiter off.
func BenchmarkPipeline(b *testing.B) {
	srv := telegramtest.New(b)
	h := &fakeHandler{}
	bt, err := New(b.Context(), Config{Token: srv.Token, Endpoint: srv.Endpoint, Handler: h,
		Ledger: store.NewMemoryLedger(0), NoRateLimit: true, PollTimeout: time.Second, EmptyPollDelay: 10 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(b.Context())
	defer cancel()
	go bt.Run(ctx)
	users := make([]telegramtest.User, 50)
	for i := range users {
		users[i] = telegramtest.User{ID: int64(i + 1)}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u := users[i%len(users)]
		srv.SendText(telegramtest.Private(u), u, "hỏi")
	}
	for {
		if st := bt.Stats(); st.Sent >= int64(b.N) {
			break
		}
		srv.WaitIdle(ctx, 5*time.Millisecond)
	}
	b.StopTimer()
}
