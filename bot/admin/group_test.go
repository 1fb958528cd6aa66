package admin

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
)

var update = flag.Bool("update", false, "rewrite the golden files of the admin tools' replies")

// TestAdminCommandsInGroup: what /reload, /sync and /stats answer is for
// admins only — the index's version and problems, why a reload was refused,
// citizens' questions — so sent in a group it is never shown there. It goes
// to the admin in private and the group reads nothing; when Telegram refuses
// the private message (the admin never started the bot: 403), the group
// reads one neutral line, with no detail, telling the admin to open a
// private chat with the bot. A member who is no admin gets the refusal they
// would get in private (the unknown-command reply) when addressing the bot,
// and silence, as for any command the bot does not know, when not. The
// group's replies are golden.
func TestAdminCommandsInGroup(t *testing.T) {
	const citizenQuestion = "lịch tiêm phòng cho chó mèo ở đâu"
	me := "@" + telegramtest.BotUserName
	en := telegramtest.User{ID: adminUser.ID, LanguageCode: "en"}
	tests := []struct {
		name    string
		user    telegramtest.User
		text    string
		broken  bool     // a file that cannot be used is in the content: the reload is refused
		refuse  bool     // Telegram refuses the private message (403)
		private []string // what the admin's private message holds; nil: none is sent
	}{
		{name: "stats", user: adminUser, text: "/stats", private: []string{"Thống kê", "chó mèo"}},
		{name: "stats addressing the bot", user: adminUser, text: "/stats" + me, private: []string{"Thống kê", "chó mèo"}},
		{name: "stats in English", user: en, text: "/stats", private: []string{"Statistics", "chó mèo"}},
		{name: "stats, admin who never started the bot", user: adminUser, text: "/stats", refuse: true},
		{name: "reload", user: adminUser, text: "/reload", private: []string{"Đã nạp lại nội dung", "Phiên bản"}},
		{name: "reload refused", user: adminUser, text: "/reload" + me, broken: true,
			private: []string{"Từ chối nạp lại", "✗ hong.txt", "Chỉ mục cũ vẫn trả lời"}},
		{name: "reload in English", user: en, text: "/reload", private: []string{"Content reloaded"}},
		{name: "reload, admin who never started the bot", user: adminUser, text: "/reload", broken: true, refuse: true},
		{name: "sync without SYNC_URL", user: adminUser, text: "/sync", private: []string{"SYNC_URL"}},
		{name: "sync, admin who never started the bot", user: en, text: "/sync", refuse: true},
		{name: "member who is no admin: stats", user: citizenUser, text: "/stats" + me},
		{name: "member who is no admin: reload", user: citizenUser, text: "/reload" + me, broken: true},
		{name: "member who is no admin: plain sync", user: citizenUser, text: "/sync"},
	}
	// leaks are what the group must never read: the reports' words.
	leaks := []string{"chó mèo", "Thống kê (", "Statistics (", "hong.txt", "Phiên bản", "Version", "Bài viết:", "Articles:",
		"nạp lại nội dung", "Content reloaded", "Từ chối nạp lại", "SYNC_URL", "chỉ mục", "index"}
	var golden strings.Builder
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, nil)
			h.say(t, citizenUser, citizenQuestion) // unanswered: on the stats report
			if tt.broken {
				if err := os.WriteFile(filepath.Join(h.dir, "hong.txt"), mustRead(t, "testdata/broken.txt"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			version := h.rl.Current().Version
			group := telegramtest.Chat{ID: int64(-100500 - i), Type: "supergroup", Title: "Cán bộ và dân"}
			privateBefore := len(h.srv.Messages(tt.user.ID))
			if tt.refuse {
				h.srv.Inject("sendMessage", telegramtest.Fault{Status: 403, Description: "Forbidden: bot can't initiate conversation with a user"})
			}
			h.srv.SendText(group, tt.user, tt.text)
			// The group's updates are handled in order: once /help is
			// answered, so is the command.
			h.srv.SendText(group, citizenUser, "/help"+me)
			got := h.srv.WaitMessages(t, group.ID, 1)
			for !strings.Contains(got[len(got)-1].Visible, "lệnh của bot khác mình bỏ qua") { // /help's last line in a group
				got = h.srv.WaitMessages(t, group.ID, len(got)+1)
			}
			got = got[:len(got)-1] // the command's replies, /help's left out
			fmt.Fprintf(&golden, "== %s: %s\n", tt.name, tt.text)
			for _, m := range got {
				for _, l := range leaks {
					if strings.Contains(m.Visible, l) {
						t.Errorf("the group read %q: %q", l, m.Visible)
					}
				}
				fmt.Fprintf(&golden, "%s\n", m.Visible)
				for _, row := range m.Buttons {
					for _, b := range row {
						fmt.Fprintf(&golden, "[%s → %s]\n", b.Text, or(b.URL, b.CallbackData))
					}
				}
			}
			if len(got) > 1 {
				t.Errorf("%d replies in the group, want at most one", len(got))
			}
			if tt.refuse && len(got) != 1 {
				t.Errorf("the group was not told to open a private chat")
			}
			sent := h.srv.Messages(tt.user.ID)[privateBefore:]
			if tt.private == nil {
				if len(sent) != 0 {
					t.Errorf("%d private messages, want none: %q", len(sent), sent[0].Visible)
				}
			} else {
				if len(sent) != 1 {
					t.Fatalf("%d private messages, want the report: %v", len(sent), sent)
				}
				if len(got) != 0 {
					t.Errorf("the report reached the admin in private, yet the group read %q", got[0].Visible)
				}
				contains(t, "private report", sent[0].Visible, tt.private...)
			}
			if bare, ok := strings.CutSuffix(tt.text, me); ok && tt.user.ID == citizenUser.ID {
				if want := h.say(t, citizenUser, bare).Visible; len(got) != 1 || got[0].Visible != want {
					t.Errorf("member's %s in the group answered %d messages, want the private refusal %q", tt.text, len(got), want)
				}
			}
			if tt.user.ID == citizenUser.ID && h.rl.Current().Version != version {
				t.Errorf("a member's %s reloaded", tt.text)
			}
		})
	}
	path := filepath.Join("testdata", "golden", "admin-group.txt")
	if *update {
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got := golden.String(); got != string(want) {
		t.Errorf("group replies differ from %s (go test -update rewrites it):\n%s", path, got)
	}
}

func or(ss ...*string) string {
	for _, s := range ss {
		if s != nil {
			return *s
		}
	}
	return ""
}
