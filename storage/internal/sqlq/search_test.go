package sqlq

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"wirewatch/storage"
)

func TestParseSearch(t *testing.T) {
	for _, tt := range []struct {
		text     string
		ok       bool
		queryErr bool
	}{
		{"missile launch", true, false},
		{"", false, false},
		{"!!! ... ---", false, false}, // no searchable word: no items, no error
		{"mi*", false, true},          // a prefix too short costs too much
		{"mis* lau* fir*", false, true},
	} {
		_, ok, err := ParseSearch(tt.text)
		var qe *storage.QueryError
		if ok != tt.ok || errors.As(err, &qe) != tt.queryErr || (err != nil && !tt.queryErr) {
			t.Errorf("ParseSearch(%q) = ok %v, err %v; want ok %v, query error %v", tt.text, ok, err, tt.ok, tt.queryErr)
		}
	}
}

func TestSearchFilter(t *testing.T) {
	since, until := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		q    storage.Query
		sql  string
		args []any
	}{
		{storage.Query{}, ``, nil},
		{storage.Query{Topic: "missiles"}, ``, nil}, // the topic is full-text syntax, the backend's
		{storage.Query{Feed: "yonhap", Since: since, Until: until},
			` WHERE f.feed = ? AND f.published >= ? AND f.published < ?`, []any{"yonhap", since, until}},
		{storage.Query{Since: since}, ` WHERE f.published >= ?`, []any{since}},
	} {
		var w Where
		SearchFilter(&w, pageDialect{}, "f", tt.q)
		if w.SQL() != tt.sql || !reflect.DeepEqual(w.Args, tt.args) {
			t.Errorf("SearchFilter(%+v) = %q %v, want %q %v", tt.q, w.SQL(), w.Args, tt.sql, tt.args)
		}
	}
}
