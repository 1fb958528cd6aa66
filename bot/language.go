package bot

import "context"

// language is /ngonngu: choose the reply language, with buttons or as an
// argument (/ngonngu en).
func (e *Engine) language(ctx context.Context, r *request, args string) ([]Reply, error) {
	switch w := words(args); {
	case len(w) == 1 && (w[0] == "en" || w[0] == "english" || w[0] == "anh"):
		return e.setLanguage(r, en), nil
	case len(w) == 1 && (w[0] == "vi" || w[0] == "viet" || w[0] == "tieng" || w[0] == "vietnamese"):
		return e.setLanguage(r, vi), nil
	}
	return []Reply{{Text: r.t.LangPick, Buttons: [][]Button{{
		{Text: "🇻🇳 Tiếng Việt", Data: data(cbLanguage, string(vi))},
		{Text: "🇬🇧 English", Data: data(cbLanguage, string(en))},
	}}}}, nil
}

func (e *Engine) setLanguage(r *request, l lang) []Reply {
	r.st.Lang = string(l)
	r.lang, r.t = l, catalog[l]
	reply := Reply{Text: r.t.LangSet}
	if r.msg.Callback != "" {
		reply.Notice = r.t.LangSet
	}
	return []Reply{reply}
}
