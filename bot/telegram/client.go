package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// client wraps tgbotapi so every call carries a context (tgbotapi v5.5.1 builds
// its requests without one) and no error ever shows the token, which tgbotapi
// puts in every request URL.
type client struct {
	base  *tgbotapi.BotAPI
	http  *http.Client
	token string
}

func newClient(ctx context.Context, token, endpoint string, hc *http.Client) (*client, error) {
	if hc == nil {
		hc = &http.Client{}
	}
	c := &client{http: hc, token: token}
	// Built by hand rather than with NewBotAPIWithClient, whose getMe call
	// cannot be cancelled; the unexported shutdown channel is only used by
	// GetUpdatesChan, which this package does not use.
	c.base = &tgbotapi.BotAPI{Token: token, Client: c.http, Buffer: 100}
	c.base.SetAPIEndpoint(endpoint)
	resp, err := c.with(ctx).MakeRequest("getMe", nil)
	if err != nil {
		return nil, fmt.Errorf("telegram: getMe: %w", err)
	}
	if err := json.Unmarshal(resp.Result, &c.base.Self); err != nil {
		return nil, fmt.Errorf("telegram: getMe: %w", err)
	}
	return c, nil
}

// with returns a shallow copy of the library's bot whose requests carry ctx.
func (c *client) with(ctx context.Context) *tgbotapi.BotAPI {
	b := *c.base
	b.Client = ctxDoer{ctx: ctx, hc: c.http, token: c.token}
	return &b
}

// request sends a config through Request (not Send, which fails to decode the
// plain `true` that methods like answerCallbackQuery return).
func (c *client) request(ctx context.Context, cfg tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	resp, err := c.with(ctx).Request(cfg)
	return resp, c.scrub(err)
}

// raw calls a method by name with raw parameters, for fields v5.5.1 lacks.
func (c *client) raw(ctx context.Context, method string, params tgbotapi.Params) (*tgbotapi.APIResponse, error) {
	resp, err := c.with(ctx).MakeRequest(method, params)
	return resp, c.scrub(err)
}

// scrub removes the token from an error's text while keeping *tgbotapi.Error
// reachable with errors.As.
func (c *client) scrub(err error) error {
	var tgErr *tgbotapi.Error
	if errors.As(err, &tgErr) && tgErr.Message == "" {
		// Proxies and emulators answer errors without a description.
		tgErr.Message = fmt.Sprintf("error %d without description", tgErr.Code)
	}
	if err == nil || c.token == "" || !strings.Contains(err.Error(), c.token) {
		return err
	}
	return scrubbedError{err: err, token: c.token}
}

type scrubbedError struct {
	err   error
	token string
}

func (e scrubbedError) Error() string {
	return strings.ReplaceAll(e.err.Error(), e.token, "<token>")
}

func (e scrubbedError) As(target any) bool { return errors.As(e.err, target) }
func (e scrubbedError) Is(target error) bool {
	return errors.Is(e.err, target)
}

// ctxDoer is the HTTP client tgbotapi sees: it attaches the call's context and
// strips the token from the URL in transport errors.
type ctxDoer struct {
	ctx   context.Context
	hc    *http.Client
	token string
}

func (d ctxDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.hc.Do(req.WithContext(d.ctx))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			return nil, &url.Error{Op: ue.Op, URL: strings.ReplaceAll(ue.URL, d.token, "<token>"), Err: ue.Err}
		}
		return nil, err
	}
	return resp, nil
}

// errorKind says what to do after a failed call.
type errorKind int

const (
	permanent errorKind = iota // a request Telegram refuses: retrying will not help
	transient                  // 5xx, network, garbled answer: retry with backoff
	floodWait                  // 429: wait retry_after, then retry
	cancelled                  // the context ended
)

// classify sorts an API error and, for a 429, says how long to wait.
func classify(ctx context.Context, err error) (errorKind, time.Duration) {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return cancelled, 0
	}
	var tgErr *tgbotapi.Error
	if errors.As(err, &tgErr) {
		switch {
		case tgErr.Code == http.StatusTooManyRequests:
			wait := time.Duration(tgErr.RetryAfter) * time.Second
			if wait <= 0 {
				wait = time.Second
			}
			return floodWait, wait
		case tgErr.Code >= 500, tgErr.Code == 0:
			// Code 0: an error body without error_code, as some proxies and
			// emulators answer a 5xx.
			return transient, 0
		default:
			return permanent, 0
		}
	}
	return transient, 0
}

// isNotModified reports Telegram's answer to an edit that changes nothing, as
// when a user taps "more" twice: the message already shows what we want.
func isNotModified(err error) bool {
	var tgErr *tgbotapi.Error
	return errors.As(err, &tgErr) && strings.Contains(tgErr.Message, "message is not modified")
}

// isEditImpossible reports an edit Telegram refuses for good (message gone,
// too old): the reply is then sent as a new message.
func isEditImpossible(err error) bool {
	var tgErr *tgbotapi.Error
	if !errors.As(err, &tgErr) || tgErr.Code != http.StatusBadRequest {
		return false
	}
	return strings.Contains(tgErr.Message, "message to edit not found") ||
		strings.Contains(tgErr.Message, "message can't be edited")
}
