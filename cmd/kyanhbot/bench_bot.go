package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram"
	"github.com/kyanhbot/kyanhbot/content"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/perf"
)

// botBenchConfig sets up the whole-bot measurement: the real engine over the
// default content, the real Telegram transport polling a fake Bot API on
// loopback with the outbound limiter off, and a real Redis when one can be
// started.
type botBenchConfig struct {
	Updates   int    // updates offered in all
	Chats     int    // private chats they are spread over
	Seed      int64  // of the mix of questions, "more" presses and /lienhe
	Questions string // JSON lines with a "question" field; built-in phrasings when unreadable
	NoRedis   bool   // in-memory store and ledger even when redis-server is on PATH
	Progress  io.Writer
}

// botBenchResult is what one run measured.
type botBenchResult struct {
	Redis     bool
	Offered   int
	Replied   int
	Wall      time.Duration // first update offered → last reply received
	Latencies perf.Latencies
	// ToHandler is update offered → the engine called: the transport's
	// share (long poll, decoding, the ledger claim) of Latencies.
	ToHandler perf.Latencies
	Kinds     map[string]int
	// CPU is the CPU time of this process (the bot and the fake API, all
	// threads) while the updates were answered, RedisCPU that of
	// redis-server: robust where wall time is not, on a shared machine.
	CPU, RedisCPU time.Duration
	// Polls is how many getUpdates calls the fake API answered.
	Polls int
}

// builtinQuestions are used when no question file is at hand: phrasings of
// the kind users send (accented, unaccented, abbreviations), no facts.
var builtinQuestions = []string{
	"Số điện thoại của Ủy ban nhân dân là gì?",
	"email uy ban thi xa",
	"UBND ở địa chỉ nào?",
	"nghị quyết 18 nói gì",
	"sáp nhập những phòng ban nào",
	"sap nhap xa nao",
	"cơ quan nào được hợp nhất",
	"trung tâm hành chính công ở đâu",
	"hội nào sáp nhập vào mặt trận",
	"văn bản nào quy định sắp xếp bộ máy",
}

// runBotBench measures updates/s and update-to-reply latency and adds the
// rows of section "bot" to rep.
func runBotBench(ctx context.Context, cfg botBenchConfig, rep *perf.Report) error {
	res, err := benchBot(ctx, cfg)
	if err != nil {
		return err
	}
	storeKind := "Redis (unix socket)"
	if !res.Redis {
		storeKind = "in-memory (no redis-server)"
	}
	size := fmt.Sprintf("%d updates, %d chats", res.Offered, cfg.Chats)
	row := func(metric, ours string) {
		rep.Add(perf.Row{Section: "bot", Size: size, Metric: metric, Ours: ours})
	}
	row("store and ledger", storeKind)
	row("mix", fmt.Sprintf("%d questions, %d more, %d /lienhe", res.Kinds["question"], res.Kinds["more"], res.Kinds["lienhe"]))
	row("replied", fmt.Sprintf("%d of %d", res.Replied, res.Offered))
	row("updates/s (end to end)", fmt.Sprintf("%.0f", float64(res.Replied)/res.Wall.Seconds()))
	row("update→reply p50", fmtMS(res.Latencies.Percentile(50)))
	row("update→reply p99", fmtMS(res.Latencies.Percentile(99)))
	row("update→reply max", fmtMS(res.Latencies.Percentile(100)))
	row("update→handler p50 (transport's share)", fmtMS(res.ToHandler.Percentile(50)))
	row("update→handler p99", fmtMS(res.ToHandler.Percentile(99)))
	perUpdate := func(d time.Duration) string {
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)/float64(max(res.Replied, 1)))
	}
	row("getUpdates calls per update", fmt.Sprintf("%.2f", float64(res.Polls)/float64(max(res.Replied, 1))))
	row("CPU per update, bot + fake API", perUpdate(res.CPU))
	if res.Redis {
		row("CPU per update, redis-server", perUpdate(res.RedisCPU))
	}
	return nil
}

func fmtMS(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}

// benchBot runs the measurement.
func benchBot(ctx context.Context, cfg botBenchConfig) (botBenchResult, error) {
	var res botBenchResult
	if cfg.Updates < 1 || cfg.Chats < 1 {
		return res, errors.New("bench bot: updates and chats must be at least 1")
	}
	questions := loadBenchQuestions(cfg.Questions)
	c, err := content.Load(ctx, content.Default())
	if err != nil {
		return res, fmt.Errorf("bench bot: load content: %w", err)
	}
	ix, err := index.Build(ctx, c, index.BuildOptions{})
	if err != nil {
		return res, fmt.Errorf("bench bot: build index: %w", err)
	}
	defer ix.Close()

	var (
		st       bot.Store
		ledger   telegram.Ledger
		redisCPU = func() time.Duration { return 0 }
	)
	if _, lerr := exec.LookPath("redis-server"); lerr == nil && !cfg.NoRedis {
		rdb, pid, stop, err := startBenchRedis(ctx)
		if err != nil {
			return res, err
		}
		defer stop()
		redisCPU = func() time.Duration { return procCPU(pid) }
		st = store.NewRedis(rdb, store.Options{})
		ledger = store.NewRedisLedger(rdb, "bench")
		res.Redis = true
	} else {
		st = store.NewMemory(store.Options{})
		ledger = store.NewMemoryLedger(0)
	}

	api := newBenchAPI(cfg, questions)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return res, fmt.Errorf("bench bot: listen: %w", err)
	}
	hs := &http.Server{Handler: api, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()

	var engine *bot.Engine
	tb, err := telegram.New(ctx, telegram.Config{
		Token:    benchToken,
		Endpoint: "http://" + ln.Addr().String() + "/bot%s/%s",
		Handler: bot.HandlerFunc(func(ctx context.Context, m bot.Message) ([]bot.Reply, error) {
			api.handling(m.ChatID, m.UpdateID)
			return engine.Handle(ctx, m)
		}),
		HTTPClient: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
			MaxIdleConns: 1000, MaxIdleConnsPerHost: 1000}},
		Ledger:         ledger,
		NoRateLimit:    true,
		PollTimeout:    2 * time.Second,
		EmptyPollDelay: 10 * time.Millisecond,
	})
	if err != nil {
		return res, fmt.Errorf("bench bot: %w", err)
	}
	// No flood limit: the bench's few chats send far more than a person would.
	engine = bot.New(ix, st, bot.Options{BotUsername: tb.UserName(), FloodLimit: -1})

	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ran := make(chan error, 1)
	go func() { ran <- tb.Run(rctx) }()
	tm, redisBefore := perf.StartTimer(), redisCPU()
	api.start()
	// Bounded: a stalled run ends with an error instead of hanging.
	timeout := time.NewTimer(30*time.Second + time.Duration(cfg.Updates)*10*time.Millisecond)
	defer timeout.Stop()
	select {
	case <-api.done:
	case <-timeout.C:
	case <-ctx.Done():
	}
	_, cpu := tm.Stop()
	redisAfter := redisCPU()
	cancel()
	<-ran
	res = api.result(res.Redis)
	res.CPU, res.RedisCPU = cpu, redisAfter-redisBefore
	if res.Replied < res.Offered {
		return res, fmt.Errorf("bench bot: %d of %d updates answered before the deadline", res.Replied, res.Offered)
	}
	return res, nil
}

// benchToken is the fake API's token: bot ID 1000.
const benchToken = "1000:bench-token"

// startBenchRedis starts a throwaway redis-server on a unix socket, without
// persistence, and returns a client, its process ID and a stop function.
func startBenchRedis(ctx context.Context) (store.Client, int, func(), error) {
	dir, err := os.MkdirTemp("", "kyanhbot-bench-redis-")
	if err != nil {
		return nil, 0, nil, fmt.Errorf("bench bot: %w", err)
	}
	sock := filepath.Join(dir, "redis.sock")
	cmd := exec.Command("redis-server", "--port", "0", "--unixsocket", sock, "--unixsocketperm", "700",
		"--dir", dir, "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, 0, nil, fmt.Errorf("bench bot: start redis-server: %w", err)
	}
	// The serving settings (store.Open's fail-fast timeouts), so that the
	// bench measures what serve runs.
	rdb, err := store.Open("unix://"+sock, "")
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		os.RemoveAll(dir)
		return nil, 0, nil, fmt.Errorf("bench bot: %w", err)
	}
	stop := func() {
		rdb.Close()
		cmd.Process.Kill()
		cmd.Wait()
		os.RemoveAll(dir)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		// Not before the socket exists: go-redis logs every failed dial.
		_, err := os.Stat(sock)
		if err == nil {
			pctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
			err = rdb.Ping(pctx).Err()
			cancel()
		}
		if err == nil {
			return rdb, cmd.Process.Pid, stop, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			stop()
			return nil, 0, nil, fmt.Errorf("bench bot: redis-server does not answer: %w", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// procCPU is the user and system CPU time of a process from /proc, 0 where
// it cannot be read.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count fields after it.
	_, rest, ok := strings.Cut(string(b), ") ")
	f := strings.Fields(rest)
	if !ok || len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	// Clock ticks; USER_HZ is 100 on every Linux Go runs on.
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// loadBenchQuestions reads the "question" field of each JSON line of path.
func loadBenchQuestions(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return builtinQuestions
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct {
			Question string `json:"question"`
		}
		if json.Unmarshal(sc.Bytes(), &q) == nil && strings.TrimSpace(q.Question) != "" {
			qs = append(qs, q.Question)
		}
	}
	if len(qs) == 0 {
		return builtinQuestions
	}
	return qs
}

// benchAPI is a minimal fake Bot API for the measurement (telegramtest needs
// a testing.TB). Each chat has one update offered at a time: the next is
// offered when the previous one's first reply arrives, so the load is a
// closed loop of cfg.Chats users and latency is not queueing behind a
// backlog the bench made up.
type benchAPI struct {
	cfg       botBenchConfig
	questions []string
	rng       *rand.Rand

	mu        sync.Mutex
	changed   chan struct{}
	pending   []benchUpdate // offered, not yet confirmed by an offset
	nextID    int64
	offered   int
	kinds     map[string]int
	chats     map[int64]*benchChat
	byUpdate  map[int64]*benchOffer
	lat       perf.Latencies
	first     time.Time
	last      time.Time
	replied   int
	done      chan struct{}
	toHandler perf.Latencies
	polls     int
	closeOnce sync.Once
}

type benchUpdate struct {
	id   int64
	body json.RawMessage
}

type benchChat struct {
	nextMsg  int
	current  int64  // update being handled, set by the handler wrapper
	moreData string // callback data of the latest "more" button
	moreMsg  int    // the message it is on
}

type benchOffer struct {
	chat    int64
	at      time.Time
	replied bool
	handled bool
}

func newBenchAPI(cfg botBenchConfig, questions []string) *benchAPI {
	return &benchAPI{cfg: cfg, questions: questions, rng: rand.New(rand.NewPCG(uint64(cfg.Seed), 7)),
		changed: make(chan struct{}), nextID: 1, kinds: map[string]int{},
		chats: map[int64]*benchChat{}, byUpdate: map[int64]*benchOffer{}, done: make(chan struct{})}
}

// start offers each chat its first update.
func (a *benchAPI) start() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.first = time.Now()
	for i := 0; i < a.cfg.Chats && a.offered < a.cfg.Updates; i++ {
		a.offerLocked(int64(i + 1))
	}
}

// handling records which update a chat's worker is answering: the transport
// answers a chat's updates one after another, so the calls for that chat that
// follow belong to it.
func (a *benchAPI) handling(chatID, updateID int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if c := a.chats[chatID]; c != nil {
		c.current = updateID
		if o := a.byUpdate[updateID]; o != nil && !o.handled {
			o.handled = true
			a.toHandler = append(a.toHandler, time.Since(o.at))
		}
		// A press is only offered on a button of the latest answer:
		// an older one would be refused as stale.
		c.moreData = ""
	}
}

func (a *benchAPI) offerLocked(chatID int64) {
	c := a.chats[chatID]
	if c == nil {
		c = &benchChat{nextMsg: 1}
		a.chats[chatID] = c
	}
	id := a.nextID
	a.nextID++
	a.offered++
	now := time.Now()
	user := map[string]any{"id": chatID, "is_bot": false, "first_name": "Bench", "language_code": "vi"}
	chat := map[string]any{"id": chatID, "type": "private", "first_name": "Bench"}
	kind := "question"
	switch r := a.rng.IntN(10); {
	case r < 2 && c.moreData != "":
		kind = "more"
	case r == 2:
		kind = "lienhe"
	}
	a.kinds[kind]++
	var u map[string]any
	if kind == "more" {
		u = map[string]any{"update_id": id, "callback_query": map[string]any{
			"id": "cb-" + strconv.FormatInt(id, 10), "from": user, "chat_instance": "bench", "data": c.moreData,
			"message": map[string]any{"message_id": c.moreMsg, "date": now.Unix(), "chat": chat,
				"from": map[string]any{"id": 1000, "is_bot": true, "first_name": "Bench bot", "username": "bench_bot"}},
		}}
	} else {
		text := a.questions[a.rng.IntN(len(a.questions))]
		msg := map[string]any{"message_id": c.nextMsg, "date": now.Unix(), "chat": chat, "from": user, "text": text}
		if kind == "lienhe" {
			msg["text"] = "/lienhe"
			msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": 7}}
		}
		c.nextMsg++
		u = map[string]any{"update_id": id, "message": msg}
	}
	body, _ := json.Marshal(u)
	a.pending = append(a.pending, benchUpdate{id: id, body: body})
	a.byUpdate[id] = &benchOffer{chat: chatID, at: now}
	close(a.changed)
	a.changed = make(chan struct{})
}

// repliedLocked records the first reply to an update and offers the chat's next.
func (a *benchAPI) repliedLocked(chatID, updateID int64) {
	o := a.byUpdate[updateID]
	if o == nil || o.replied || o.chat != chatID {
		return
	}
	now := time.Now()
	o.replied = true
	a.replied++
	a.lat = append(a.lat, now.Sub(o.at))
	a.last = now
	if a.offered < a.cfg.Updates {
		a.offerLocked(chatID)
	}
	if a.replied == a.cfg.Updates {
		a.closeOnce.Do(func() { close(a.done) })
	}
}

func (a *benchAPI) result(redis bool) botBenchResult {
	a.mu.Lock()
	defer a.mu.Unlock()
	lat := slices.Clone(a.lat)
	slices.Sort(lat)
	toHandler := slices.Clone(a.toHandler)
	slices.Sort(toHandler)
	return botBenchResult{Redis: redis, Offered: a.offered, Replied: a.replied, Wall: a.last.Sub(a.first),
		Latencies: lat, ToHandler: toHandler, Kinds: a.kinds, Polls: a.polls}
}

func (a *benchAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, method, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/bot"), "/")
	if err := r.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		http.Error(w, `{"ok":false,"error_code":400,"description":"Bad Request"}`, http.StatusBadRequest)
		return
	}
	switch method {
	case "getMe":
		writeOK(w, map[string]any{"id": 1000, "is_bot": true, "first_name": "Bench bot", "username": "bench_bot"})
	case "getUpdates":
		a.getUpdates(w, r)
	case "sendMessage", "editMessageText":
		a.message(w, r, method)
	case "answerCallbackQuery":
		id, _ := strings.CutPrefix(r.Form.Get("callback_query_id"), "cb-")
		uid, _ := strconv.ParseInt(id, 10, 64)
		a.mu.Lock()
		if o := a.byUpdate[uid]; o != nil {
			a.repliedLocked(o.chat, uid)
		}
		a.mu.Unlock()
		writeOK(w, true)
	default: // sendChatAction, setMyCommands, deleteWebhook…
		writeOK(w, true)
	}
}

func (a *benchAPI) getUpdates(w http.ResponseWriter, r *http.Request) {
	offset, _ := strconv.ParseInt(r.Form.Get("offset"), 10, 64)
	wait, _ := strconv.Atoi(r.Form.Get("timeout"))
	deadline := time.NewTimer(time.Duration(wait) * time.Second)
	defer deadline.Stop()
	a.mu.Lock()
	if !a.first.IsZero() && a.replied < a.cfg.Updates {
		a.polls++
	}
	a.mu.Unlock()
	for {
		a.mu.Lock()
		i := 0
		for i < len(a.pending) && a.pending[i].id < offset {
			i++
		}
		a.pending = a.pending[i:]
		if len(a.pending) > 0 || wait == 0 {
			// Telegram's default limit. The updates are written as they
			// were encoded when offered: under load most of them are in
			// flight and asked again and again, and encoding them anew
			// each time would load the machine the bot is measured on.
			n := min(len(a.pending), 100)
			out := append(make([]byte, 0, 4096), `{"ok":true,"result":[`...)
			for j := range n {
				if j > 0 {
					out = append(out, ',')
				}
				out = append(out, a.pending[j].body...)
			}
			out = append(out, "]}\n"...)
			a.mu.Unlock()
			w.Header().Set("Content-Type", "application/json")
			w.Write(out)
			return
		}
		ch := a.changed
		a.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			wait = 0
		case <-r.Context().Done():
			return
		}
	}
}

func (a *benchAPI) message(w http.ResponseWriter, r *http.Request, method string) {
	chatID, _ := strconv.ParseInt(r.Form.Get("chat_id"), 10, 64)
	a.mu.Lock()
	c := a.chats[chatID]
	msgID := 0
	if c != nil {
		if method == "editMessageText" {
			msgID, _ = strconv.Atoi(r.Form.Get("message_id"))
		} else {
			msgID = c.nextMsg
			c.nextMsg++
		}
		if data := moreButton(r.Form.Get("reply_markup")); data != "" {
			c.moreData, c.moreMsg = data, msgID
		}
		a.repliedLocked(chatID, c.current)
	}
	a.mu.Unlock()
	writeOK(w, map[string]any{"message_id": msgID, "date": time.Now().Unix(),
		"chat": map[string]any{"id": chatID, "type": "private"}, "text": r.Form.Get("text")})
}

// moreButton returns the callback data of a "more" button in an inline
// keyboard, "" when there is none.
func moreButton(markup string) string {
	if markup == "" {
		return ""
	}
	var kb struct {
		InlineKeyboard [][]struct {
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if json.Unmarshal([]byte(markup), &kb) != nil {
		return ""
	}
	for _, row := range kb.InlineKeyboard {
		for _, b := range row {
			if strings.HasPrefix(b.CallbackData, "m:1:") {
				return b.CallbackData
			}
		}
	}
	return ""
}

func writeOK(w http.ResponseWriter, result any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}
