// Package ops gives operators what they need to run the bot: Prometheus
// metrics (updates, replies, Telegram API errors, retries, search latency,
// answered questions, handler panics, reloads, index size, Redis errors) on a
// registry of their own, and the /healthz, /readyz and /metrics endpoints.
package ops

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/index"
	"github.com/kyanhbot/kyanhbot/index/reload"
)

// Metrics are the bot's Prometheus metrics, registered on one registry
// (never the global one, so tests and several bots in a process stay apart).
type Metrics struct {
	reg         *prometheus.Registry
	updates     *prometheus.CounterVec
	apiRequests *prometheus.CounterVec
	apiErrors   *prometheus.CounterVec
	search      prometheus.Histogram
	questions   *prometheus.CounterVec
	reloads     *prometheus.CounterVec
	redisErrors prometheus.Counter
	redisDials  prometheus.Counter
}

// NewMetrics registers the metrics, with the Go runtime's and the process's,
// on reg.
func NewMetrics(reg *prometheus.Registry) *Metrics {
	m := &Metrics{
		reg: reg,
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kyanhbot_updates_total", Help: "Updates handed to the bot, by kind (message, command, callback, document).",
		}, []string{"kind"}),
		apiRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kyanhbot_telegram_api_requests_total", Help: "Bot API calls by method and HTTP status code (network: no answer).",
		}, []string{"method", "code"}),
		apiErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kyanhbot_telegram_api_errors_total", Help: "Bot API calls that failed, by HTTP status code (network: no answer).",
		}, []string{"code"}),
		search: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "kyanhbot_search_seconds", Help: "Time to answer a question from the index.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kyanhbot_questions_total", Help: "Questions searched, by result (answered, unanswered).",
		}, []string{"result"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "kyanhbot_reloads_total", Help: "Content reloads by outcome (swapped, refused, failed).",
		}, []string{"outcome"}),
		redisErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kyanhbot_redis_errors_total", Help: "Redis commands (or pipelines) that failed, each once however many reconnects it tried (a missing key is not a failure).",
		}),
		// Dials are a series of their own, not a label of the one above:
		// a command that fails because Redis is down also fails its dials,
		// so a sum over such a label would count it twice again.
		redisDials: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "kyanhbot_redis_dial_errors_total", Help: "Connections to Redis that could not be dialled, for a command or by the pool's background probe while Redis is down.",
		}),
	}
	reg.MustRegister(m.updates, m.apiRequests, m.apiErrors, m.search, m.questions, m.reloads, m.redisErrors, m.redisDials,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, o := range []reload.Outcome{reload.Swapped, reload.Refused, reload.Failed} {
		m.reloads.WithLabelValues(string(o))
	}
	m.questions.WithLabelValues("answered")
	m.questions.WithLabelValues("unanswered")
	return m
}

// Registry is where the metrics are registered.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// CountUpdates counts every message handed to next by kind.
func (m *Metrics) CountUpdates(next bot.Handler) bot.Handler {
	return bot.HandlerFunc(func(ctx context.Context, msg bot.Message) ([]bot.Reply, error) {
		kind := "message"
		switch {
		case msg.Callback != "":
			kind = "callback"
		case msg.Document.FileID != "":
			kind = "document"
		case strings.HasPrefix(msg.Text, "/"):
			kind = "command"
		}
		m.updates.WithLabelValues(kind).Inc()
		return next.Handle(ctx, msg)
	})
}

// ObserveSearch records one question's search.
func (m *Metrics) ObserveSearch(took time.Duration, found bool) {
	m.search.Observe(took.Seconds())
	if found {
		m.questions.WithLabelValues("answered").Inc()
	} else {
		m.questions.WithLabelValues("unanswered").Inc()
	}
}

// ObserveReload counts a reload; it fits reload.Config.OnReload.
func (m *Metrics) ObserveReload(_ context.Context, rep reload.Report) {
	m.reloads.WithLabelValues(string(rep.Outcome)).Inc()
}

// WatchIndex exports the size of the index being served, read at each scrape.
func (m *Metrics) WatchIndex(stats func() index.Stats) {
	gauge := func(name, help string, v func(index.Stats) int) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help},
			func() float64 { return float64(v(stats())) })
	}
	m.reg.MustRegister(
		gauge("kyanhbot_index_articles", "Articles in the index being served.", func(s index.Stats) int { return s.Articles }),
		gauge("kyanhbot_index_passages", "Passages in the index being served.", func(s index.Stats) int { return s.Passages }),
		gauge("kyanhbot_index_facts", "Facts (contacts, documents, mergers) in the index being served.", func(s index.Stats) int { return s.Facts }),
		gauge("kyanhbot_index_units", "Searchable units in the index being served.", func(s index.Stats) int { return s.Units }),
	)
}

// TransportStats are the counters of the Telegram transport that ops
// exports; the command fills them from the transport's own (telegram.Stats),
// so that ops needs no Telegram package.
type TransportStats struct {
	Sent, Edited, Callbacks, Retries, FloodWaits, Dropped, Duplicates, Panics int64
	Deferred, Fenced, Undecodable                                             int64
}

// WatchTransport exports the Telegram transport's own counters, read at each scrape.
func (m *Metrics) WatchTransport(stats func() TransportStats) {
	counter := func(name, help string, v func(TransportStats) int64) prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help},
			func() float64 { return float64(v(stats())) })
	}
	m.reg.MustRegister(
		counter("kyanhbot_replies_sent_total", "Messages sent to Telegram.", func(s TransportStats) int64 { return s.Sent }),
		counter("kyanhbot_replies_edited_total", "Messages edited in place (\"more\" pages).", func(s TransportStats) int64 { return s.Edited }),
		counter("kyanhbot_callbacks_answered_total", "Button presses answered.", func(s TransportStats) int64 { return s.Callbacks }),
		counter("kyanhbot_telegram_retries_total", "Bot API calls repeated after a 5xx or network error.", func(s TransportStats) int64 { return s.Retries }),
		counter("kyanhbot_telegram_flood_waits_total", "429 answers waited out (retry_after).", func(s TransportStats) int64 { return s.FloodWaits }),
		counter("kyanhbot_telegram_dropped_total", "Messages given up on.", func(s TransportStats) int64 { return s.Dropped }),
		counter("kyanhbot_updates_duplicate_total", "Updates skipped as already handled.", func(s TransportStats) int64 { return s.Duplicates }),
		counter("kyanhbot_handler_panics_total", "Updates whose handling panicked (a bug: the user got an apology, the update was confirmed).", func(s TransportStats) int64 { return s.Panics }),
		counter("kyanhbot_replies_deferred_total", "Replies Telegram did not take, kept and tried again later.", func(s TransportStats) int64 { return s.Deferred }),
		counter("kyanhbot_replies_fenced_total", "Replies dropped because another replica took the update over.", func(s TransportStats) int64 { return s.Fenced }),
		counter("kyanhbot_updates_undecodable_total", "Updates that could not be decoded (logged, confirmed, skipped).", func(s TransportStats) int64 { return s.Undecodable }),
	)
}

// RoundTripper counts every Bot API call by method and status code. It sits
// under the Telegram client, so it sees each retry; the method is the last
// path element (the token before it is never recorded).
func (m *Metrics) RoundTripper(next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return roundTripper(func(req *http.Request) (*http.Response, error) {
		method := "file"
		if !strings.Contains(req.URL.Path, "/file/") {
			method = req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:]
		}
		resp, err := next.RoundTrip(req)
		code := "network"
		if err == nil {
			code = strconv.Itoa(resp.StatusCode)
		}
		m.apiRequests.WithLabelValues(method, code).Inc()
		if err != nil || resp.StatusCode >= 400 {
			if err == nil || !errors.Is(err, context.Canceled) {
				m.apiErrors.WithLabelValues(code).Inc()
			}
		}
		return resp, err
	})
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// RedisFailed counts one failed Redis command; store.CountFailures calls
// it once for every command that failed for a reason worth counting.
func (m *Metrics) RedisFailed() { m.redisErrors.Inc() }

// RedisDialFailed counts one connection to Redis that could not be dialled
// (store.CountFailures).
func (m *Metrics) RedisDialFailed() { m.redisDials.Inc() }
