package telegramtest

// CheckHTML checks text as Telegram's HTML parse mode would — only its tags,
// balanced, every "<", ">" and "&" escaped — and returns the visible text.
// The error reads like Telegram's "can't parse entities". Tests outside the
// transport (the engine's hostile-input test) use it to hold replies to what
// the fake Bot API, and Telegram, accept.
func CheckHTML(text string) (visible string, err error) { return parseHTML(text) }
