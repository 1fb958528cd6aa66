package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kyanhbot/kyanhbot/bot/ops/metricstest"
	"github.com/kyanhbot/kyanhbot/bot/telegram/telegramtest"
	"github.com/kyanhbot/kyanhbot/internal/redistest"
)

// opsContent copies the synthetic articles of the admin tests into a
// content directory the test may change.
func opsContent(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../bot/admin/testdata/content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// withPublished adds the real published article embedded as the default
// corpus, so reports show real sizes.
func withPublished(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob("../../content/default/*.txt")
	if len(matches) == 0 {
		t.Fatal("no embedded default article")
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, filepath.Base(matches[0])), b, 0o644)
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../bot/admin/testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestServeOperations runs serve in polling mode with an HTTP port, an
// admin and a content directory, on the fake Bot API and a real Redis:
// health endpoints, reload by /reload, by an uploaded file and by SIGHUP,
// /stats and the metrics that count all of it.
func TestServeOperations(t *testing.T) {
	rs := redistest.Start(t)
	srv := telegramtest.New(t)
	addr := freeAddr(t)
	dir := opsContent(t)
	withPublished(t, dir)
	stderr, stop := startServe(t, fakeAPIVars(srv, map[string]string{
		"LISTEN_ADDR": addr,
		"CONTENT_DIR": dir,
		"ADMIN_IDS":   "42",
		// The count of failed Redis commands is checked below; serve's
		// fail-fast timeouts (a 250 ms dial, a 1 s read) are for a Redis
		// that is down, and on a loaded machine (make test beside other
		// work, load 10+) a healthy redis-server may wait its turn longer:
		// one command timed out there once and the count read 1.
		"REDIS_URL":     rs.URL() + "?dial_timeout=10s&read_timeout=10s&write_timeout=10s&pool_timeout=10s",
		"REPLICA_ID":    "replica-1",
		"STAFF_CHAT_ID": "-100500",
	}))
	base := "http://" + addr
	srv.Wait(t, 10*time.Second, "HTTP up", func() bool {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil && resp.StatusCode == 200
	})
	if code, body := metricstest.Get(t, base+"/healthz"); code != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", code, body)
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"healthcheck", "-addr", addr}, env{getenv: func(string) string { return "" }, stdout: &out, stderr: &out}); err != nil {
		t.Errorf("healthcheck: %v", err)
	}

	adminU := telegramtest.User{ID: 42, FirstName: "Quản trị", LanguageCode: "vi"}
	citizen := telegramtest.User{ID: 7, FirstName: "Dân", LanguageCode: "vi"}
	say := func(u telegramtest.User, text string) string { return srv.Ask(t, u, text).Visible }

	// A citizen: two questions, one answered, one not; the admin commands do not exist.
	say(citizen, "xã Thử Nghiệm giảm bao nhiêu thôn")
	say(citizen, "lịch tiêm phòng cho chó mèo ở đâu")
	say(citizen, "Nghị quyết 18-NQ/TW ban hành ngày nào?")
	answer := srv.Messages(citizen.ID)[len(srv.Messages(citizen.ID))-1]
	for _, row := range answer.Buttons {
		for _, b := range row {
			if b.Text == "👍" {
				srv.Press(telegramtest.Private(citizen), citizen, answer.MessageID, *b.CallbackData)
			}
		}
	}
	srv.Wait(t, 5*time.Second, "vote answered", func() bool { return srv.UnansweredQueries() == 0 })
	if got := say(citizen, "/reload"); !strings.Contains(got, "không biết lệnh /reload") {
		t.Errorf("citizen /reload: %q", got)
	}

	// Reload by /reload.
	os.WriteFile(filepath.Join(dir, "hoi-nghi.txt"), readFixture(t, "new-article.txt"), 0o644)
	report := say(adminU, "/reload")
	if !strings.Contains(report, "Bài viết: 3 → 4") {
		t.Errorf("/reload report:\n%s", report)
	}
	t.Logf("reload report (/reload):\n%s", report)

	// Reload by an uploaded file, and a broken one refused.
	upload := func(name string, data []byte) string { return srv.Upload(t, adminU, name, data).Visible }
	synthetic := "---\ntitle: Lịch tiêm phòng ở xã Thử Nghiệm\nsynthetic: true\n---\n\nBài viết này là dữ liệu thử nghiệm. Lịch tiêm phòng cho chó mèo ở xã Thử Nghiệm diễn ra tại nhà văn hóa thôn Mẫu Chung vào sáng thứ Bảy.\n"
	report = upload("tiem-phong.md", []byte(synthetic))
	if !strings.Contains(report, "Đã lưu tiem-phong.md") || !strings.Contains(report, "Bài viết: 4 → 5") {
		t.Errorf("upload report:\n%s", report)
	}
	t.Logf("reload report (upload):\n%s", report)
	if got := upload("hong.txt", readFixture(t, "broken.txt")); !strings.Contains(got, "Từ chối tệp") {
		t.Errorf("broken upload:\n%s", got)
	}
	if got := say(citizen, "lịch tiêm phòng chó mèo"); !strings.Contains(got, "thứ Bảy") {
		t.Errorf("answer from the uploaded article: %q", got)
	}

	// A file that cannot be used, copied straight into the directory: the
	// reload is refused until the admin confirms; Telegram meanwhile answers
	// a 429 and a 502, which the sender waits out and retries.
	srv.Inject("sendMessage", telegramtest.Fault{Status: 429, RetryAfter: 1}, telegramtest.Fault{Status: 502})
	os.WriteFile(filepath.Join(dir, "bao-cao-hong.txt"), readFixture(t, "broken.txt"), 0o644)
	refused := srv.Ask(t, adminU, "/reload")
	if !strings.Contains(refused.Visible, "Từ chối nạp lại") || len(refused.Buttons) == 0 {
		t.Fatalf("refused reload:\n%s", refused.Visible)
	}
	t.Logf("reload report (refused):\n%s\n[button: %s]", refused.Visible, refused.Buttons[0][0].Text)
	confirmed := srv.Tap(t, adminU, refused, *refused.Buttons[0][0].CallbackData).Visible
	if !strings.Contains(confirmed, "Đã nạp lại nội dung") {
		t.Errorf("confirmed reload:\n%s", confirmed)
	}
	t.Logf("reload report (confirmed):\n%s", confirmed)
	os.Remove(filepath.Join(dir, "bao-cao-hong.txt"))

	// Reload by SIGHUP.
	os.Remove(filepath.Join(dir, "hoi-nghi.txt"))
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	var scrape string
	srv.Wait(t, 10*time.Second, "SIGHUP reload", func() bool {
		_, scrape = metricstest.Get(t, base+"/metrics")
		return metricstest.Value(scrape, "kyanhbot_index_articles") == "4" &&
			strings.Contains(scrape, `kyanhbot_reloads_total{outcome="swapped"} 5`)
	})

	stats := say(adminU, "/stats")
	for _, want := range []string{"Câu hỏi: hôm nay 4 · 7 ngày 4", "Trả lời được: 3/4", "👍 1 · 👎 0", "replica-1: phiên bản"} {
		if !strings.Contains(stats, want) {
			t.Errorf("/stats lacks %q:\n%s", want, stats)
		}
	}
	t.Logf("/stats:\n%s", stats)

	_, scrape = metricstest.Get(t, base+"/metrics")
	for _, want := range []string{
		`kyanhbot_updates_total{kind="message"} 4`,
		`kyanhbot_updates_total{kind="command"} 4`,
		`kyanhbot_updates_total{kind="callback"} 2`,
		`kyanhbot_updates_total{kind="document"} 2`,
		`kyanhbot_questions_total{result="answered"} 3`,
		`kyanhbot_questions_total{result="unanswered"} 1`,
		`kyanhbot_reloads_total{outcome="swapped"} 5`,
		`kyanhbot_reloads_total{outcome="refused"} 1`,
		`kyanhbot_telegram_api_errors_total{code="429"} 1`,
		`kyanhbot_telegram_api_errors_total{code="502"} 1`,
		`kyanhbot_telegram_flood_waits_total 1`,
		`kyanhbot_telegram_retries_total 1`,
		`kyanhbot_search_seconds_count 4`,
		`kyanhbot_telegram_api_requests_total{code="200",method="sendMessage"}`,
		`kyanhbot_telegram_api_requests_total{code="200",method="getFile"} 2`,
		`kyanhbot_replies_sent_total`,
		`kyanhbot_redis_errors_total 0`,
		`kyanhbot_redis_dial_errors_total 0`,
	} {
		if !strings.Contains(scrape, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("serve's warnings and errors:\n%s", serveComplaints(stderr.String()))
	}
	var kept []string
	for _, l := range strings.Split(scrape, "\n") {
		if strings.HasPrefix(l, "kyanhbot_") {
			kept = append(kept, l)
		}
	}
	t.Logf("/metrics (kyanhbot_*):\n%s", strings.Join(kept, "\n"))

	// Handoff to the staff group and back, the ticket kept in Redis.
	staff := telegramtest.Chat{ID: -100500, Type: "supergroup", Title: "Tổ một cửa (thử nghiệm)"}
	officer := telegramtest.User{ID: 900, FirstName: "Cán bộ"}
	if got := say(citizen, "gặp cán bộ: nộp hồ sơ thứ Bảy được không?"); !strings.Contains(got, "Đã chuyển câu hỏi") {
		t.Errorf("handoff acknowledgement: %q", got)
	}
	post := srv.WaitMessages(t, staff.ID, 1)[0]
	n := len(srv.Messages(citizen.ID))
	srv.SendMessage(staff, officer, "Được, sáng thứ Bảy bộ phận một cửa vẫn làm việc.", srv.ReplyToBot(post.MessageID))
	if got := srv.WaitMessages(t, citizen.ID, n+1)[n].Visible; !strings.Contains(got, "sáng thứ Bảy bộ phận một cửa") {
		t.Errorf("staff reply to the citizen: %q", got)
	}

	if err := stop(); err != nil {
		t.Fatalf("serve: %v", err)
	}
	logs := stderr.String()
	for _, leak := range []string{srv.Token, "chó mèo", "giảm bao nhiêu", "hồ sơ thứ Bảy", "một cửa vẫn"} {
		if strings.Contains(logs, leak) {
			t.Errorf("logs contain %q", leak)
		}
	}
	if !strings.Contains(logs, `"msg":"admin command refused","user_id":7`) {
		t.Error("the refused /reload is not logged")
	}
}

// serveComplaints is the warnings and errors serve logged, to tell why a
// count is off.
func serveComplaints(logs string) string {
	var kept []string
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, `"level":"WARN"`) || strings.Contains(l, `"level":"ERROR"`) {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

func TestHealthcheck(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
		}
	}))
	defer up.Close()
	upAddr := strings.TrimPrefix(up.URL, "http://")
	down := freeAddr(t)
	tests := []struct {
		name    string
		args    []string
		env     string
		ok      bool
		isUsage bool
	}{
		{"up", []string{"-addr", upAddr}, "", true, false},
		{"up from LISTEN_ADDR", nil, upAddr, true, false},
		{"wrong path", []string{"-addr", upAddr, "-path", "/nope"}, "", false, false},
		{"nothing listening", []string{"-addr", down}, "", false, false},
		{"no address", nil, "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			e := env{getenv: func(k string) string {
				if k == "LISTEN_ADDR" {
					return tt.env
				}
				return ""
			}, stdout: &out, stderr: &out}
			err := run(context.Background(), append([]string{"healthcheck"}, tt.args...), e)
			if (err == nil) != tt.ok {
				t.Errorf("err = %v, want ok=%v", err, tt.ok)
			}
			var u usageError
			if got := err != nil && asUsage(err, &u); got != tt.isUsage {
				t.Errorf("usage error = %v, want %v (%v)", got, tt.isUsage, err)
			}
		})
	}
}

func asUsage(err error, u *usageError) bool {
	v, ok := err.(usageError)
	if ok {
		*u = v
	}
	return ok
}

func TestLoadOpsConfig(t *testing.T) {
	tests := []struct {
		vars     map[string]string
		staff    int64
		replica  string
		memory   int64
		gc       int    // the GOGC serve sets; 0 for the runtime's
		indexDir string // "memory" for none; "" for the default temporary directory
		wantErr  string
	}{
		{vars: map[string]string{}, staff: 0},
		{vars: map[string]string{"STAFF_CHAT_ID": "-1001234567890", "REPLICA_ID": "bot-2"}, staff: -1001234567890, replica: "bot-2"},
		{vars: map[string]string{"STAFF_CHAT_ID": "nhom-can-bo"}, wantErr: "STAFF_CHAT_ID"},
		{vars: map[string]string{"STAFF_CHAT_ID": "0"}, wantErr: "STAFF_CHAT_ID"},
		{vars: map[string]string{"STAFF_CHAT_ID": "-100", "STAFF_THREAD_ID": "7"}, staff: -100},
		{vars: map[string]string{"STAFF_THREAD_ID": "7"}, wantErr: "STAFF_THREAD_ID"},
		{vars: map[string]string{"STAFF_CHAT_ID": "-100", "STAFF_THREAD_ID": "chung"}, wantErr: "STAFF_THREAD_ID"},
		{vars: map[string]string{"MEMORY_LIMIT": "400MiB"}, memory: 400 << 20, gc: limitedGCPercent},
		{vars: map[string]string{"MEMORY_LIMIT": "1GiB", "INDEX_DIR": "/srv/idx"}, memory: 1 << 30, gc: limitedGCPercent, indexDir: "/srv/idx"},
		{vars: map[string]string{"MEMORY_LIMIT": "536870912"}, memory: 512 << 20, gc: limitedGCPercent},
		{vars: map[string]string{"MEMORY_LIMIT": "512MiB", "GOGC": "100"}, memory: 512 << 20},
		{vars: map[string]string{"GOGC": "50"}},
		{vars: map[string]string{"INDEX_DIR": "memory"}, indexDir: "memory"},
		{vars: map[string]string{"MEMORY_LIMIT": "10MiB"}, wantErr: "MEMORY_LIMIT"},
		{vars: map[string]string{"MEMORY_LIMIT": "400MB"}, wantErr: "MEMORY_LIMIT"},
		{vars: map[string]string{"MEMORY_LIMIT": "-1GiB"}, wantErr: "MEMORY_LIMIT"},
		{vars: map[string]string{"MEMORY_LIMIT": "99999999999TiB"}, wantErr: "MEMORY_LIMIT"},
	}
	for _, tt := range tests {
		c, err := loadOpsConfig(func(k string) string { return tt.vars[k] })
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: err = %v, want one about %s", tt.vars, err, tt.wantErr)
			}
			continue
		}
		if err != nil || c.staffChat != tt.staff || (tt.replica != "" && c.replicaID != tt.replica) || c.replicaID == "" {
			t.Errorf("%v: got %+v, %v", tt.vars, c, err)
		}
		if c.memoryLimit != tt.memory {
			t.Errorf("%v: memory limit %d, want %d", tt.vars, c.memoryLimit, tt.memory)
		}
		if c.gcPercent != tt.gc {
			t.Errorf("%v: GOGC %d, want %d", tt.vars, c.gcPercent, tt.gc)
		}
		switch tt.indexDir {
		case "memory":
			if c.indexDir != "" {
				t.Errorf("%v: index dir %q, want none (in memory)", tt.vars, c.indexDir)
			}
		case "":
			if c.indexDir == "" {
				t.Errorf("%v: no index dir, want a temporary directory by default", tt.vars)
			}
		default:
			if c.indexDir != tt.indexDir {
				t.Errorf("%v: index dir %q, want %q", tt.vars, c.indexDir, tt.indexDir)
			}
		}
	}
}

// TestServeTwoReplicas runs two serve processes' worth of bot on one Redis
// and one content directory: a /reload on whichever replica polls makes both
// swap, and /stats lists both at the same version.
func TestServeTwoReplicas(t *testing.T) {
	rs := redistest.Start(t)
	srv := telegramtest.New(t)
	dir := opsContent(t)
	addrs := []string{freeAddr(t), freeAddr(t)}
	for i, addr := range addrs {
		startServe(t, fakeAPIVars(srv, map[string]string{
			"LISTEN_ADDR": addr,
			"CONTENT_DIR": dir,
			"ADMIN_IDS":   "42",
			"REDIS_URL":   rs.URL(),
			"REPLICA_ID":  []string{"replica-a", "replica-b"}[i],
		}))
	}
	articles := func(addr string) string {
		resp, err := http.Get("http://" + addr + "/metrics")
		if err != nil {
			return ""
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return metricstest.Value(string(b), "kyanhbot_index_articles")
	}
	for _, addr := range addrs {
		srv.Wait(t, 20*time.Second, "replica up", func() bool { return articles(addr) == "2" })
	}

	adminU := telegramtest.User{ID: 42, LanguageCode: "vi"}
	os.WriteFile(filepath.Join(dir, "hoi-nghi.txt"), readFixture(t, "new-article.txt"), 0o644)
	srv.SendText(telegramtest.Private(adminU), adminU, "/reload")
	if got := srv.WaitMessages(t, adminU.ID, 1)[0].Visible; !strings.Contains(got, "Bài viết: 2 → 3") {
		t.Fatalf("/reload report:\n%s", got)
	}
	for _, addr := range addrs {
		srv.Wait(t, 10*time.Second, "both replicas swapped", func() bool { return articles(addr) == "3" })
	}
	srv.SendText(telegramtest.Private(adminU), adminU, "/stats")
	stats := srv.WaitMessages(t, adminU.ID, 2)[1].Visible
	var versions []string
	for _, l := range strings.Split(stats, "\n") {
		if strings.HasPrefix(l, "• replica-") {
			_, v, _ := strings.Cut(l, "phiên bản ")
			v, _, _ = strings.Cut(v, ",")
			versions = append(versions, v)
		}
	}
	if len(versions) != 2 || versions[0] != versions[1] {
		t.Errorf("/stats replicas = %v, want two at one version:\n%s", versions, stats)
	}
	t.Logf("/stats with two replicas:\n%s", stats)
}
