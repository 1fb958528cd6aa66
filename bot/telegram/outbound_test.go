package telegram

import (
	"context"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

func TestSendAndDownload(t *testing.T) {
	srv := telegramtest.New(t)
	b := newTestBot(t, srv, &fakeHandler{}, nil)
	ctx := context.Background()
	if err := b.Send(ctx, -500, bot.ChatSupergroup, bot.Reply{Text: "<b>Báo cáo</b> nạp lại"}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Messages(-500); len(got) != 1 || got[0].Visible != "Báo cáo nạp lại" {
		t.Errorf("messages = %+v", got)
	}

	id := srv.AddFile("bai-viet.txt", []byte("synthetic: true\nxã Thử Nghiệm"))
	path, data, err := b.DownloadFile(ctx, id, 1024)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "synthetic: true\nxã Thử Nghiệm" || path == "" {
		t.Errorf("downloaded %q from %q", data, path)
	}
	if _, _, err := b.DownloadFile(ctx, id, 10); err == nil {
		t.Error("a file over the limit was accepted")
	}
	if _, _, err := b.DownloadFile(ctx, "nope", 1024); err == nil {
		t.Error("an unknown file_id was accepted")
	}
}

func TestFileEndpointFor(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://api.telegram.org/bot%s/%s", "https://api.telegram.org/file/bot%s/%s"},
		{"http://127.0.0.1:8081/bot%s/%s", "http://127.0.0.1:8081/file/bot%s/%s"},
	} {
		if got := fileEndpointFor(tt.in); got != tt.want {
			t.Errorf("fileEndpointFor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
