package sqlq

import (
	"wirewatch/storage"
	"wirewatch/storage/internal/searchquery"
)

// SearchCandidates bounds how many matches Search ranks: the newest ones.
// Ranking every match of a common word costs time in proportion to the
// archive; ranking a fixed number of the newest keeps a lookup fast at
// any size, and for news the best answer is rarely older than a thousand
// matches.
const SearchCandidates = 1000

// ParseSearch parses the text of a search as both backends take it: ok is
// false when it holds no searchable word (no items, no error), and a query
// that would cost too much is a storage.QueryError. Rendering it in the
// backend's full-text syntax is the backend's.
func ParseSearch(text string) (q searchquery.Query, ok bool, err error) {
	q = searchquery.Parse(text)
	if q.Empty() {
		return q, false, nil
	}
	if err := q.Budget(); err != nil {
		return q, false, &storage.QueryError{Msg: err.Error()}
	}
	return q, true, nil
}

// SearchFilter adds to w the bounds of a search other than its words and
// topic, on the items table aliased alias: q's feed and publication time.
// A zero Until is no bound here (an item dated ahead is still found).
func SearchFilter(w *Where, d Dialect, alias string, q storage.Query) {
	if q.Feed != "" {
		w.Add(alias+`.feed = ?`, q.Feed)
	}
	if !q.Since.IsZero() {
		w.Add(alias+`.published >= ?`, d.Time(q.Since))
	}
	if !q.Until.IsZero() {
		w.Add(alias+`.published < ?`, d.Time(q.Until))
	}
}
