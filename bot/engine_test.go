package bot_test

import (
	"context"
	"errors"
	"math/rand"
	"strings"
	"sync"
	"testing"

	"github.com/kyanhbot/kyanhbot/bot"
	"github.com/kyanhbot/kyanhbot/bot/store"
	"github.com/kyanhbot/kyanhbot/index"
)

var errBroken = errors.New("broken")

func TestSearchFailureIsFriendly(t *testing.T) {
	s := &fakeSearcher{corpus: mustCorpus(t), SearchFunc: func(context.Context, string, index.Options) (index.Result, error) {
		return index.Result{}, errBroken
	}}
	e := bot.New(s, store.NewMemory(store.Options{}), bot.Options{})
	replies, err := e.Handle(context.Background(), bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, Text: "so fax"})
	if !errors.Is(err, errBroken) {
		t.Errorf("error = %v, want it to wrap the search error", err)
	}
	if len(replies) != 1 || !strings.Contains(replies[0].Text, "trục trặc") || strings.Contains(replies[0].Text, "broken") {
		t.Errorf("replies = %+v, want one friendly message without internals", replies)
	}
}

// failingStore fails every call, like Redis when it is down.
type failingStore struct{}

func (failingStore) Chat(context.Context, int64) (bot.ChatState, error) {
	return bot.ChatState{}, errBroken
}
func (failingStore) SaveChat(context.Context, int64, bot.ChatState) error { return errBroken }
func (failingStore) Vote(context.Context, int64, bot.Vote) error          { return errBroken }
func (failingStore) Hit(context.Context, int64) (int, error)              { return 0, errBroken }
func (failingStore) Unanswered(context.Context, string) error             { return errBroken }
func (failingStore) Forget(context.Context, int64, int64) error           { return errBroken }
func (failingStore) SmallTalk(context.Context, string) error              { return errBroken }
func (failingStore) Share(context.Context, string) (string, error)        { return "", errBroken }
func (failingStore) Shared(context.Context, string) (string, bool, error) {
	return "", false, errBroken
}

func TestForgetFailureIsReported(t *testing.T) {
	e := bot.New(newSearcher(t, mustCorpus(t)), failingStore{}, bot.Options{})
	replies, err := e.Handle(context.Background(), bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, Text: "/quentoi"})
	if !errors.Is(err, errBroken) {
		t.Errorf("error = %v, want the store's", err)
	}
	if len(replies) != 1 || !strings.Contains(replies[0].Text, "chưa xoá được") {
		t.Errorf("replies = %+v, want the user told it failed", replies)
	}
}

func TestAdminCommands(t *testing.T) {
	ran := 0
	e := bot.New(newSearcher(t, mustCorpus(t)), store.NewMemory(store.Options{}), bot.Options{
		Admins: []int64{7},
		Commands: []bot.Command{{Name: "reload", AdminOnly: true, Run: func(ctx context.Context, m bot.Message, args string) ([]bot.Reply, error) {
			ran++
			return []bot.Reply{{Text: "reloaded"}}, nil
		}}},
	})
	tests := []struct {
		user int64
		want string
	}{{7, "reloaded"}, {8, "Mình không biết lệnh /reload"}}
	for _, tt := range tests {
		replies, _ := e.Handle(context.Background(), bot.Message{ChatID: tt.user, UserID: tt.user, ChatType: bot.ChatPrivate, Text: "/reload"})
		if len(replies) != 1 || !strings.HasPrefix(replies[0].Text, tt.want) {
			t.Errorf("user %d: %+v, want %q", tt.user, replies, tt.want)
		}
	}
	if ran != 1 {
		t.Errorf("ran %d times, want once (admin only)", ran)
	}
}

// TestNeverCrashes throws hostile input at the engine, concurrently, and
// checks every reply is valid for Telegram.
func TestNeverCrashes(t *testing.T) {
	e := bot.New(newSearcher(t, mustCorpus(t)), store.NewMemory(store.Options{}), bot.Options{FloodLimit: -1})
	pieces := []string{"\xff", "\x00", "<", ">", "&", `"`, "/", "@", ":", "*", "?", "~", "^", "(", ")", "[", "]", "{", "}", "+", "-", "||", "&&", "!",
		"ủy", "ban", "fax", "xem thêm", "18", "NQ", " ", "\n", "😀", "\u200b", "/tim", "/nghiquyet", "/sapnhap", "/lienhe", "m:1:", "d:1:", "s:1:", "f:1:u:"}
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(seed int64) {
			defer wg.Done()
			rnd := rand.New(rand.NewSource(seed))
			for i := 0; i < 150; i++ {
				var b strings.Builder
				for n := rnd.Intn(8); n >= 0; n-- {
					b.WriteString(pieces[rnd.Intn(len(pieces))])
				}
				m := bot.Message{ChatID: seed, UserID: seed, ChatType: bot.ChatPrivate}
				if rnd.Intn(3) == 0 {
					m.Callback = b.String()
				} else {
					m.Text = b.String()
				}
				replies, err := e.Handle(context.Background(), m)
				if err != nil {
					t.Errorf("Handle(%q): %v", b.String(), err)
				}
				for _, r := range replies {
					checkReply(t, r)
				}
			}
		}(int64(w + 1))
	}
	wg.Wait()
}

// TestNoWordsNotSearched: a message with no word to search — no letter
// or digit ("???", a lone "/", "/tim …!"), one letter ("a") or only
// function words ("là gì?") — is asked what the user wants to know; it is not
// searched, so neither told "no answer, your question was recorded for
// staff" with every office's contacts nor counted as a question nobody
// answered (admin.Recorder counts what is searched). A question with
// punctuation around its words still is.
func TestNoWordsNotSearched(t *testing.T) {
	var searched []string
	s := &fakeSearcher{corpus: mustCorpus(t), SearchFunc: func(_ context.Context, q string, _ index.Options) (index.Result, error) {
		searched = append(searched, q)
		return index.Result{}, nil
	}}
	e := bot.New(s, store.NewMemory(store.Options{}), bot.Options{FloodLimit: -1})
	tests := []struct {
		text       string
		wantSearch bool
	}{
		{"???", false},
		{"/", false},
		{"/tim …!", false},
		{"-- !! --", false},
		{"a", false},
		{"/tim a", false},
		{"5", false},
		{"là gì?", false},
		{"of the", false},
		{"??? UBND", true},
		{"y tế", true},
		{"18", true},
		{"la gi", true}, // "lá"? typed without accents, not taken for a function word
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			searched = nil
			replies, err := e.Handle(context.Background(), bot.Message{ChatID: 1, UserID: 1, ChatType: bot.ChatPrivate, LangCode: "vi", Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(searched) > 0; got != tt.wantSearch {
				t.Errorf("searched %q, want a search: %v", searched, tt.wantSearch)
			}
			if !tt.wantSearch && (len(replies) != 1 || !strings.HasPrefix(replies[0].Text, "Bạn muốn hỏi gì?")) {
				t.Errorf("replies = %+v, want the question asked for", replies)
			}
		})
	}
}
