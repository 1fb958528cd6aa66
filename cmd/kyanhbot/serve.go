package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/bot/telegram"
)

// secret is a configuration value that must never reach a log or an error:
// printed or logged, it reads "[redacted]".
type secret string

func (secret) String() string               { return "[redacted]" }
func (secret) LogValue() slog.Value         { return slog.StringValue("[redacted]") }
func (s secret) GoString() string           { return s.String() }
func (s secret) Format(f fmt.State, _ rune) { fmt.Fprint(f, "[redacted]") }

// serveConfig is serve's configuration, from the environment.
type serveConfig struct {
	token         secret
	endpoint      string
	redisURL      secret // may hold a password
	redisPassword secret // REDIS_PASSWORD(_FILE): the password when REDIS_URL has none
	admins        []int64
	contentDir    string
	webhookURL    string
	webhookSecret secret
	listenAddr    string
	logLevel      slog.Level
	grace         time.Duration
}

var (
	tokenRE         = regexp.MustCompile(`^[0-9]+:[A-Za-z0-9_-]+$`)
	webhookSecretRE = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)
)

// loadServeConfig reads and validates the environment. Its errors are one
// line each and never contain the token.
func loadServeConfig(getenv func(string) string) (serveConfig, error) {
	c := serveConfig{
		endpoint:   getenv("TELEGRAM_API_ENDPOINT"),
		contentDir: getenv("CONTENT_DIR"),
		webhookURL: getenv("WEBHOOK_URL"),
		listenAddr: getenv("LISTEN_ADDR"),
		grace:      10 * time.Second,
	}
	token, err := envSecret(getenv, "TELEGRAM_BOT_TOKEN")
	if err != nil {
		return c, err
	}
	// Redis's URL and password may come from files too (REDIS_URL_FILE,
	// REDIS_PASSWORD_FILE): compose hands Redis and the bot one password file.
	redisURL, err := envSecret(getenv, "REDIS_URL")
	if err != nil {
		return c, err
	}
	c.redisURL = secret(redisURL)
	redisPassword, err := envSecret(getenv, "REDIS_PASSWORD")
	if err != nil {
		return c, err
	}
	if redisPassword != "" && redisURL == "" {
		return c, errors.New("REDIS_PASSWORD is set without REDIS_URL: set REDIS_URL, e.g. redis://redis:6379/0")
	}
	c.redisPassword = secret(redisPassword)
	switch {
	case token == "":
		return c, errors.New("TELEGRAM_BOT_TOKEN (or TELEGRAM_BOT_TOKEN_FILE) is not set: get a token from @BotFather")
	case !tokenRE.MatchString(token):
		return c, errors.New("TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, digits, _ or -)")
	}
	c.token = secret(token)

	if c.endpoint == "" {
		c.endpoint = tgbotapi.APIEndpoint
	} else if strings.Count(c.endpoint, "%s") != 2 || !strings.HasPrefix(c.endpoint, "http") {
		return c, fmt.Errorf("TELEGRAM_API_ENDPOINT %q must be a URL with two %%s, e.g. http://127.0.0.1:8081/bot%%s/%%s", c.endpoint)
	}
	for _, f := range strings.FieldsFunc(getenv("ADMIN_IDS"), func(r rune) bool { return r == ',' || r == ' ' }) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id == 0 {
			return c, fmt.Errorf("ADMIN_IDS: %q is not a Telegram user ID", f)
		}
		c.admins = append(c.admins, id)
	}
	if c.webhookURL != "" {
		u, err := url.Parse(c.webhookURL)
		// Telegram's servers post only to https; plain http is for a Bot API
		// server of one's own (TELEGRAM_API_ENDPOINT), which may post on a
		// private network. Updates carry citizens' messages: never in clear
		// over the internet.
		local := c.endpoint != tgbotapi.APIEndpoint
		if err != nil || !(u.Scheme == "https" || u.Scheme == "http" && local) || u.Host == "" {
			return c, fmt.Errorf("WEBHOOK_URL %q is not an https:// URL (http:// only with a Bot API server of your own in TELEGRAM_API_ENDPOINT)", c.webhookURL)
		}
		s, err := envSecret(getenv, "WEBHOOK_SECRET")
		if err != nil {
			return c, err
		}
		if !webhookSecretRE.MatchString(s) {
			return c, errors.New("WEBHOOK_SECRET must be set with WEBHOOK_URL: 1-256 characters A-Z, a-z, 0-9, _ or -")
		}
		c.webhookSecret = secret(s)
		if c.listenAddr == "" {
			c.listenAddr = ":8080"
		}
	}
	if c.listenAddr != "" {
		if _, _, err := net.SplitHostPort(c.listenAddr); err != nil {
			return c, fmt.Errorf("LISTEN_ADDR %q is not host:port", c.listenAddr)
		}
	}
	if lv := getenv("LOG_LEVEL"); lv != "" {
		if err := c.logLevel.UnmarshalText([]byte(lv)); err != nil {
			return c, fmt.Errorf("LOG_LEVEL %q: want debug, info, warn or error", lv)
		}
	}
	if g := getenv("SHUTDOWN_GRACE"); g != "" {
		d, err := time.ParseDuration(g)
		if err != nil || d < 0 {
			return c, fmt.Errorf("SHUTDOWN_GRACE %q is not a duration like 10s", g)
		}
		c.grace = d
	}
	return c, nil
}

// menu is the command menu Telegram shows, per language; "" is everyone
// else's (a Telegram in neither language), in Vietnamese like the portal.
var menu = map[string][]telegram.Command{
	"":   menuVI,
	"vi": menuVI,
	"en": {
		{Name: "start", Description: "Start, example questions"},
		{Name: "tim", Description: "Search for an answer"},
		{Name: "nghiquyet", Description: "Documents and resolutions cited"},
		{Name: "sapnhap", Description: "Mergers and reorganisations"},
		{Name: "lienhe", Description: "Office addresses and phones"},
		{Name: "canbo", Description: "Ask a staff member"},
		{Name: "ngonngu", Description: "Change language"},
		{Name: "quentoi", Description: "Forget everything about me"},
		{Name: "help", Description: "Help"},
	},
}

// connectWithin is how long serve keeps trying to reach the Bot API at
// start, with a growing backoff logged at each attempt, before it gives up
// and leaves the restart to the service manager.
const connectWithin = 2 * time.Minute

// adminMenu is added to the menu of each admin's private chat.
var adminMenu = []telegram.Command{
	{Name: "reload", Description: "Nạp lại nội dung / reload content"},
	{Name: "stats", Description: "Thống kê câu hỏi / question statistics"},
	{Name: "sync", Description: "Đồng bộ cổng thông tin / sync the portal"},
}

var menuVI = []telegram.Command{
	{Name: "start", Description: "Bắt đầu, câu hỏi gợi ý"},
	{Name: "tim", Description: "Tìm câu trả lời"},
	{Name: "nghiquyet", Description: "Các văn bản, nghị quyết được nhắc đến"},
	{Name: "sapnhap", Description: "Sáp nhập, sắp xếp bộ máy"},
	{Name: "lienhe", Description: "Địa chỉ, điện thoại liên hệ"},
	{Name: "canbo", Description: "Hỏi trực tiếp cán bộ"},
	{Name: "ngonngu", Description: "Đổi ngôn ngữ"},
	{Name: "quentoi", Description: "Xoá mọi điều bot nhớ về bạn"},
	{Name: "help", Description: "Hướng dẫn"},
}

// runServe serves the bot on Telegram until SIGINT/SIGTERM: long polling, or
// a webhook on LISTEN_ADDR when WEBHOOK_URL is set.
func runServe(ctx context.Context, e env, args []string) error {
	// SIGHUP asks for a reload. Caught before anything else, so that one
	// sent during start-up (systemctl reload right after a restart) does
	// not end the process, whose default action it is, with no log line: it
	// waits in the channel and the reload runs once the bot is up.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usageError{"usage: kyanhbot serve (configured by the environment: see README)"}
	}
	cfg, err := loadServeConfig(e.getenv)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	oc, err := loadOpsConfig(e.getenv)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: cfg.logLevel}))
	log.Info("starting", "version", version)

	var (
		st     bot.Store
		ledger telegram.Ledger
		rdb    store.Client
	)
	if cfg.redisURL != "" {
		store.RouteLogs(log, string(cfg.redisURL), string(cfg.redisPassword))
		rdb, err = store.Open(string(cfg.redisURL), string(cfg.redisPassword))
		if err != nil {
			return fmt.Errorf("serve: %w", err)
		}
		defer rdb.Close()
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err = rdb.Ping(pctx).Err()
		cancel()
		if err != nil {
			return fmt.Errorf("serve: Redis at REDIS_URL does not answer: %w", err)
		}
		st = store.NewRedis(rdb, store.Options{})
		// The token starts with the bot's ID: keys of two bots sharing a
		// Redis stay apart.
		botID, _, _ := strings.Cut(string(cfg.token), ":")
		ledger = store.NewRedisLedger(rdb, botID)
	} else {
		log.Warn("REDIS_URL not set: conversation state and the update ledger are in memory, lost on restart; run one replica only")
		st = store.NewMemory(store.Options{})
		ledger = store.NewMemoryLedger(0)
	}

	o, err := startOperations(ctx, cfg, oc, rdb, st, log)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer o.close()

	tb, err := telegram.New(ctx, telegram.Config{
		Token:         string(cfg.token),
		Endpoint:      cfg.endpoint,
		HTTPClient:    o.httpClient(),
		Ledger:        ledger,
		Logger:        log,
		Commands:      menu,
		AdminCommands: adminMenu,
		Admins:        cfg.admins,
		Grace:         cfg.grace,
		WebhookSecret: string(cfg.webhookSecret),
		ConnectWithin: connectWithin,
	})
	if err != nil {
		return fmt.Errorf("serve: connect to Telegram: %w", err)
	}
	// The engine wants the bot's username, known once connected (getMe).
	engine := bot.New(o.recorder, st, bot.Options{BotUsername: tb.UserName(), Admins: cfg.admins, Logger: log,
		Commands: o.admin.Commands(), Forget: []bot.Forgetter{o.handoff}, StaffLine: oc.staffChat != 0})
	o.gate.e = engine
	tb.SetHandler(o.wrap(engine))
	o.attach(tb)
	o.watchSignals(ctx, hup)
	log.Info("serving", "bot", tb.UserName(), "articles", len(o.live.Corpus().Articles), "webhook", cfg.webhookURL != "", "redis", rdb != nil)

	if cfg.listenAddr == "" {
		log.Warn("LISTEN_ADDR not set: no /healthz, /readyz or /metrics")
		err := tb.Run(ctx)
		log.Info("stopped", "stats", fmt.Sprintf("%+v", tb.Stats()))
		return err
	}
	mux := http.NewServeMux()
	o.routes(mux)
	srv := &http.Server{Addr: cfg.listenAddr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	ln, err := net.Listen("tcp", cfg.listenAddr)
	if err != nil {
		return fmt.Errorf("serve: listen on LISTEN_ADDR: %w", err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var runErr error
	if cfg.webhookURL == "" {
		runErr = tb.Run(ctx)
	} else {
		u, _ := url.Parse(cfg.webhookURL)
		path := u.Path
		if path == "" {
			path = "/"
		}
		runErr = tb.RunWebhook(ctx, mux, "POST "+path, cfg.webhookURL)
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("http shutdown", "err", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: http: %w", err)
	}
	log.Info("stopped", "stats", fmt.Sprintf("%+v", tb.Stats()))
	return runErr
}
