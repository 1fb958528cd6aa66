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

// TestStatsInGroup: /stats quotes citizens' questions, so sent in a group it
// is never shown there. The report goes to the admin in private and the
// group reads only that it went; when Telegram refuses the private message
// (the admin never started the bot: 403), the group is told how to ask in
// private, with a link to the bot. A member who is no admin gets the
// unknown-command reply, as in private. The group's replies are golden.
func TestStatsInGroup(t *testing.T) {
	const citizenQuestion = "lịch tiêm phòng cho chó mèo ở đâu"
	me := "@" + telegramtest.BotUserName
	tests := []struct {
		name       string
		user       telegramtest.User
		text       string
		refuse     bool // Telegram refuses the private message (403)
		wantReport bool // the report reaches the admin's private chat
	}{
		{name: "admin", user: adminUser, text: "/stats", wantReport: true},
		{name: "admin addressing the bot", user: adminUser, text: "/stats" + me, wantReport: true},
		{name: "admin who never started the bot", user: adminUser, text: "/stats", refuse: true},
		{name: "admin in English", user: telegramtest.User{ID: adminUser.ID, LanguageCode: "en"}, text: "/stats", wantReport: true},
		{name: "member who is no admin", user: citizenUser, text: "/stats" + me},
	}
	var golden strings.Builder
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, nil)
			h.say(t, citizenUser, citizenQuestion) // unanswered: on the report
			group := telegramtest.Chat{ID: int64(-100500 - i), Type: "supergroup", Title: "Cán bộ và dân"}
			private := len(h.srv.Messages(tt.user.ID))
			if tt.refuse {
				h.srv.Inject("sendMessage", telegramtest.Fault{Status: 403, Description: "Forbidden: bot can't initiate conversation with a user"})
			}
			h.srv.SendText(group, tt.user, tt.text)
			got := h.srv.WaitMessages(t, group.ID, 1)
			for _, m := range got {
				if strings.Contains(m.Visible, "chó mèo") || strings.Contains(m.Visible, "Thống kê (") || strings.Contains(m.Visible, "Statistics (") {
					t.Errorf("the group was shown the report: %q", m.Visible)
				}
			}
			fmt.Fprintf(&golden, "== %s: %s\n%s\n", tt.name, tt.text, got[0].Visible)
			for _, row := range got[0].Buttons {
				for _, b := range row {
					if b.URL != nil {
						fmt.Fprintf(&golden, "[%s → %s]\n", b.Text, *b.URL)
					}
				}
			}
			sent := h.srv.Messages(tt.user.ID)[private:]
			if !tt.wantReport {
				if len(sent) != 0 {
					t.Errorf("%d private messages, want none: %q", len(sent), sent[0].Visible)
				}
				return
			}
			if len(sent) != 1 || !strings.Contains(sent[0].Visible, "chó mèo") {
				t.Fatalf("private messages = %v, want the report with the unanswered question", sent)
			}
		})
	}
	path := filepath.Join("testdata", "golden", "stats-group.txt")
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
