package telegram

import (
	"context"
	"encoding/json"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// allowedUpdates are the update kinds asked of Telegram, by getUpdates and
// setWebhook alike: messages, button presses and inline queries ("@bot
// question" typed in any chat).
const allowedUpdates = `["message","callback_query","inline_query"]`

// update is a Bot API update with the fields tgbotapi v5.5.1 predates:
// the forum topic (message_thread_id) of a message, or of the message a
// pressed button is on, so the reply goes to the same topic.
type update struct {
	tgbotapi.Update
	thread int
}

// UnmarshalJSON decodes the library's update, then the topic.
func (u *update) UnmarshalJSON(raw []byte) error {
	if err := json.Unmarshal(raw, &u.Update); err != nil {
		return err
	}
	type topic struct {
		Thread int  `json:"message_thread_id"`
		Topic  bool `json:"is_topic_message"`
	}
	var x struct {
		Message       *topic `json:"message"`
		CallbackQuery *struct {
			Message *topic `json:"message"`
		} `json:"callback_query"`
	}
	if err := json.Unmarshal(raw, &x); err != nil {
		return nil // the library read it; a topic of an odd type is no topic
	}
	t := x.Message
	if x.CallbackQuery != nil {
		t = x.CallbackQuery.Message
	}
	// Only forum topics: replies in a plain supergroup carry a
	// message_thread_id too, and sending to it fails with "message thread
	// not found".
	if t != nil && t.Topic {
		u.thread = t.Thread
	}
	return nil
}

// threadedMessage is a sendMessage with the fields MessageConfig lacks: the
// forum topic. It embeds MessageConfig only to be a Chattable; it is sent
// with its own parameters by sendRequest.
type threadedMessage struct {
	tgbotapi.MessageConfig
	thread int
}

func (m threadedMessage) params() tgbotapi.Params {
	p := tgbotapi.Params{}
	p.AddNonZero64("chat_id", m.ChatID)
	p["text"] = m.Text
	p.AddNonEmpty("parse_mode", m.ParseMode)
	p.AddBool("disable_web_page_preview", m.DisableWebPagePreview)
	p.AddNonZero("reply_to_message_id", m.ReplyToMessageID)
	p.AddBool("allow_sending_without_reply", m.AllowSendingWithoutReply)
	p.AddNonZero("message_thread_id", m.thread)
	if m.ReplyMarkup != nil {
		if b, err := json.Marshal(m.ReplyMarkup); err == nil {
			p["reply_markup"] = string(b)
		}
	}
	return p
}

// withThread returns msg to be sent in forum topic thread (none when 0).
func withThread(msg tgbotapi.MessageConfig, thread int) tgbotapi.Chattable {
	if thread == 0 {
		return msg
	}
	return threadedMessage{MessageConfig: msg, thread: thread}
}

// sendRequest makes the call cfg describes, raw for what the library
// cannot express.
func (c *client) sendRequest(ctx context.Context, cfg tgbotapi.Chattable) (*tgbotapi.APIResponse, error) {
	if m, ok := cfg.(threadedMessage); ok {
		return c.raw(ctx, "sendMessage", m.params())
	}
	return c.request(ctx, cfg)
}
