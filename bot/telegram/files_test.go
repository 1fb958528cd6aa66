package telegram

import (
	"context"
	"errors"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

func TestPostAndDownload(t *testing.T) {
	srv := telegramtest.New(t)
	b := newTestBot(t, srv, &fakeHandler{}, nil)
	ctx := context.Background()
	if _, err := b.Post(ctx, -500, bot.Reply{Text: "<b>Báo cáo</b> nạp lại"}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(-500); len(got) != 1 || got[0].Visible != "Báo cáo nạp lại" {
		t.Errorf("messages = %+v", got)
	}

	id := srv.AddFile("bai-viet.txt", []byte("synthetic: true\nxã Thử Nghiệm"))
	data, err := b.Download(ctx, id, 1024)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), "synthetic: true\nxã Thử Nghiệm"; got != want {
		t.Errorf("downloaded %q, want %q", got, want)
	}
	if _, err := b.Download(ctx, id, 10); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a file over the limit: %v, want ErrTooLarge", err)
	}
	if _, err := b.Download(ctx, "nope", 1024); err == nil {
		t.Error("an unknown file_id was accepted")
	}
}

func TestFileEndpoint(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://api.telegram.org/bot%s/%s", "https://api.telegram.org/file/bot%s/%s"},
		{"http://127.0.0.1:8081/bot%s/%s", "http://127.0.0.1:8081/file/bot%s/%s"},
		{"http://127.0.0.1:8081/custom", "https://api.telegram.org/file/bot%s/%s"},
	} {
		if got := fileEndpoint(tt.in); got != tt.want {
			t.Errorf("fileEndpoint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
