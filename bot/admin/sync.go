package admin

import (
	"context"
	"fmt"
	"html"
	"log/slog"
	"strings"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/index/reload"
	"github.com/kyanhbot/kyanhbot/portal"
)

// Syncer brings the content directory in step with the portal and reloads
// when something changed; serve's sync job is one.
type Syncer interface {
	Sync(ctx context.Context, trigger string) (SyncResult, error)
}

// SyncResult is what one sync did.
type SyncResult struct {
	Portal   portal.Report
	Reloaded bool          // the content changed and went through a reload
	Reload   reload.Report // that reload's report
	Busy     bool          // another replica is syncing: nothing was done here
}

// syncTexts are /sync's replies.
type syncTexts struct {
	NotSet, Busy, Running, Head, Counts, Unchanged, FailedHead, More, Error, Left, Resumed string
}

var syncVietnamese = syncTexts{
	NotSet:     "Chưa đặt SYNC_URL: bot không biết cổng thông tin nào để đồng bộ.",
	Busy:       "⏳ Một bản khác của bot đang đồng bộ; báo cáo của nó sẽ có trong log. Thử lại sau.",
	Running:    "⏳ Đang đồng bộ với cổng thông tin; chỉ mục cũ vẫn trả lời. Báo cáo sẽ gửi khi xong.",
	Head:       "🔄 <b>Đồng bộ với cổng</b> %s (%s)\n",
	Counts:     "Mới %d · Cập nhật %d · Không đổi %d · Đã gỡ %d · Từ chối %d · Lỗi %d\n",
	Unchanged:  "Nội dung không đổi; chỉ mục giữ nguyên.",
	FailedHead: "Trang từ chối hoặc lỗi:\n",
	More:       "… và %d trang khác (chạy <code>kyanhbot sync</code> để xem hết)\n",
	Error:      "⚠️ <b>Không đồng bộ được</b>; chỉ mục cũ vẫn trả lời.\nLỗi: %s",
	Left:       "Còn %d trang cho lần đồng bộ sau.\n",
	Resumed:    "Tiếp tục lần đồng bộ bị dừng (%d trang đã làm).\n",
}

var syncEnglish = syncTexts{
	NotSet:     "SYNC_URL is not set: the bot knows no portal to sync with.",
	Busy:       "⏳ Another replica is syncing; its report goes to the log. Try again later.",
	Running:    "⏳ Syncing with the portal; the old index is still answering. The report follows when done.",
	Head:       "🔄 <b>Synced with the portal</b> %s (%s)\n",
	Counts:     "New %d · Updated %d · Unchanged %d · Removed %d · Refused %d · Failed %d\n",
	Unchanged:  "Content unchanged; the index stays as it is.",
	FailedHead: "Pages refused or failed:\n",
	More:       "… and %d more pages (run <code>kyanhbot sync</code> to see them all)\n",
	Error:      "⚠️ <b>Sync failed</b>; the old index is still answering.\nError: %s",
	Left:       "%d pages left for the next sync.\n",
	Resumed:    "Resumed a stopped sync (%d pages already done).\n",
}

func syncTextsFor(m bot.Message) *syncTexts {
	if textsFor(m) == &englishTexts {
		return &syncEnglish
	}
	return &syncVietnamese
}

// syncCommand is /sync: sync now and reply with the report. A sync takes
// minutes on a large portal: past ReplyWithin the reply says it is running
// and the report is posted when done. Asked in a group, every part of it
// goes to the admin in private (see private).
func (a *Admin) syncCommand(ctx context.Context, m bot.Message, _ string) ([]bot.Reply, error) {
	st := syncTextsFor(m)
	if a.cfg.Syncer == nil {
		return a.private(ctx, m, "/sync", bot.Reply{Text: st.NotSet}), nil
	}
	a.log.Info("sync requested", "user_id", m.UserID)
	got := make(chan bot.Reply) // unbuffered: a send succeeds only while the reply still waits
	bctx := context.WithoutCancel(ctx)
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		res, err := a.cfg.Syncer.Sync(bctx, "command")
		r := renderSync(res, err, st, textsFor(m))
		select {
		case got <- r:
			return
		default:
		}
		if a.cfg.Poster == nil {
			return
		}
		pctx, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		if _, err := a.cfg.Poster.Post(pctx, replyChat(m), r); err != nil {
			a.log.Error("admin: cannot post sync report", "chat_id", replyChat(m), "err", err)
		}
	}()
	timer := time.NewTimer(a.cfg.ReplyWithin)
	defer timer.Stop()
	select {
	case r := <-got:
		return a.private(ctx, m, "/sync", r), nil
	case <-timer.C:
	case <-ctx.Done():
	}
	return a.private(ctx, m, "/sync", bot.Reply{Text: st.Running}), nil
}

// maxSyncProblems bounds the refused and failed pages listed.
const maxSyncProblems = 10

// renderSync is the sync report in Telegram HTML, followed by the reload's.
func renderSync(res SyncResult, err error, st *syncTexts, t *texts) bot.Reply {
	if res.Busy {
		return bot.Reply{Text: st.Busy}
	}
	var b strings.Builder
	r := res.Portal
	if err != nil && len(r.Pages) == 0 {
		return bot.Reply{Text: fmt.Sprintf(st.Error, html.EscapeString(err.Error()))}
	}
	fmt.Fprintf(&b, st.Head, html.EscapeString(r.From), took(r.Took, t))
	fmt.Fprintf(&b, st.Counts, r.Count(portal.New), r.Count(portal.Updated), r.Count(portal.Unchanged),
		r.Count(portal.Removed), r.Count(portal.Refused), r.Count(portal.Failed))
	if r.Resumed > 0 {
		fmt.Fprintf(&b, st.Resumed, r.Resumed)
	}
	if r.Left > 0 {
		fmt.Fprintf(&b, st.Left, r.Left)
	}
	if probs := r.Problems(); len(probs) > 0 {
		b.WriteString(st.FailedHead)
		for i, p := range probs {
			if i == maxSyncProblems {
				fmt.Fprintf(&b, st.More, len(probs)-i)
				break
			}
			fmt.Fprintf(&b, "✗ <code>%s</code>: %s\n", html.EscapeString(p.URL), html.EscapeString(p.Reason))
		}
	}
	if err != nil {
		fmt.Fprintf(&b, st.Error+"\n", html.EscapeString(err.Error()))
	}
	reply := bot.Reply{}
	switch {
	case res.Reloaded:
		rr := renderReport(res.Reload, "", t)
		b.WriteString("\n" + rr.Text)
		reply.Buttons = rr.Buttons
	case err == nil:
		b.WriteString(st.Unchanged)
	}
	reply.Text = strings.TrimRight(b.String(), "\n")
	return reply
}

// Lease is held by one replica at a time; store.RedisLease is one.
type Lease interface {
	TryAcquire(ctx context.Context) (release func(), ok bool, err error)
}

// SyncJob syncs the content directory with the portal under a lease, so
// that one replica crawls, then reloads through the Reloader when the
// content changed: the reload is announced and every replica swaps, as after
// /reload, and the old index answers until then.
type SyncJob struct {
	Options  portal.Options
	Lease    Lease
	Reloader Reloader
	Logger   *slog.Logger
}

// Sync implements Syncer. The error is the sync's or the reload's; the
// result holds what was done until then.
func (j *SyncJob) Sync(ctx context.Context, trigger string) (SyncResult, error) {
	log := j.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	release, ok, err := j.Lease.TryAcquire(ctx)
	if err != nil {
		return SyncResult{}, fmt.Errorf("sync: %w", err)
	}
	if !ok {
		log.Info("sync: another replica is syncing", "trigger", trigger)
		return SyncResult{Busy: true}, nil
	}
	defer release()
	rep, err := portal.Sync(ctx, j.Options)
	res := SyncResult{Portal: rep}
	if err != nil {
		log.Error("sync failed", "trigger", trigger, "from", j.Options.From, "err", err)
	}
	// A sync stopped by an admin's error still saved whole files: what it
	// changed is loaded. One stopped by shutdown leaves that to the start.
	if rep.Changed() && ctx.Err() == nil {
		rr, rerr := j.Reloader.Reload(context.WithoutCancel(ctx), reload.Request{Trigger: "sync"})
		res.Reloaded, res.Reload = rerr == nil, rr
		if err == nil {
			err = rerr
		}
	}
	return res, err
}

// Every syncs at every multiple of interval since the epoch (UTC): replicas
// started at different times try at the same moments and the lease lets one
// of them crawl. A content directory never synced, or whose last sync was
// stopped, is synced at once. It returns when ctx ends.
func (j *SyncJob) Every(ctx context.Context, interval time.Duration) {
	if pending, err := portal.Pending(j.Options.Dir); err != nil || pending {
		j.Sync(ctx, "start")
	}
	for {
		now := time.Now()
		next := now.Truncate(interval).Add(interval)
		t := time.NewTimer(next.Sub(now))
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		j.Sync(ctx, "schedule")
	}
}
