package admin

import (
	"context"
	"fmt"

	"github.com/kyanhbot/kyanhbot/bot"
)

// private delivers the reply to an admin command. In a private chat it is
// the reply. Asked in a group, it holds what is for admins only — the
// index's version and problems, why a reload was refused, portal errors,
// citizens' questions — so it is sent to the admin in private and the group
// reads nothing. When Telegram refuses that message (most often 403: the
// admin never started the bot, and a bot may not write first) the group
// reads one neutral line: open a private chat with the bot and send command
// there, with a link to the bot. /reload, /sync and /stats all answer so.
func (a *Admin) private(ctx context.Context, m bot.Message, command string, r bot.Reply) []bot.Reply {
	if m.ChatType == bot.ChatPrivate {
		return []bot.Reply{r}
	}
	if a.cfg.Poster != nil {
		_, err := a.cfg.Poster.Post(ctx, m.UserID, r)
		if err == nil {
			return nil
		}
		a.log.Info("admin: reply not sent in private", "user_id", m.UserID, "chat_id", m.ChatID, "command", command, "err", err)
	}
	t := textsFor(m)
	reply := bot.Reply{Text: fmt.Sprintf(t.OpenPrivate, command)}
	if u, ok := a.cfg.Poster.(interface{ UserName() string }); ok && u.UserName() != "" {
		reply.Buttons = [][]bot.Button{{{Text: t.MessageMe, URL: "https://t.me/" + u.UserName()}}}
	}
	return []bot.Reply{reply}
}

// replyChat is where a report that outlasted the reply is posted: the chat
// the command came from when private, else the admin's private chat (see
// private).
func replyChat(m bot.Message) int64 {
	if m.ChatType == bot.ChatPrivate {
		return m.ChatID
	}
	return m.UserID
}
