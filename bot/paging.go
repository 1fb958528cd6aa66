package bot

import "context"

// page shows the next page of the chat's last list, from offset. edit is set
// for a button press, whose page may replace the message in place.
func (e *Engine) page(ctx context.Context, r *request, offset int, edit bool) ([]Reply, error) {
	l := r.st.List
	switch l.Kind {
	case listSearch:
		return e.searchPage(ctx, r, offset, edit)
	case listDocuments:
		return []Reply{e.documentList(r, l.Query, offset, edit)}, nil
	case listDocument:
		return e.documentPage(r, l.Query, offset, edit), nil
	case listMergers:
		return []Reply{e.mergerList(r, l.Query, offset, edit)}, nil
	case listContacts:
		return []Reply{e.contactList(r, l.Query, offset, edit)}, nil
	}
	return []Reply{{Text: r.t.NothingToPage}}, nil
}
