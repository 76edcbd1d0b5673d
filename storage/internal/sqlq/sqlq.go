// Package sqlq is the SQL both storage backends share, written once with ?
// placeholders: the lookups, the outbox, feed states, mutes and meta, the
// scanning of their rows into model types, KnownKeys, and the writes of
// items, stories and posts (SaveBatch, SaveFullText, UpsertStory,
// MergeStories, InsertPosts). A Dialect says what differs: how
// placeholders are numbered, how times and lists are stored, how a list
// argument is read as a table (Each), and how a page without a limit is
// asked for. Each backend embeds a Shared over its connections, so these
// methods exist once.
//
// Rules: a query here uses only SQL both SQLite and PostgreSQL accept
// (upserts as INSERT ... ON CONFLICT DO UPDATE; INSERT ... SELECT with
// WHERE true). What stays with each backend is what its engine decides:
// its transactions (SQLite's one writer and prepared-statement cache,
// PostgreSQL's fenced leader writes), the insert and rewrite of an item's
// search entry and the full-text query syntax and ranking (FTS5 vs
// tsvector; the writes take them as InsertItem and Reindex), channel
// leases (SQLite always grants; PostgreSQL's lease is a fenced upsert
// with the server's clock) and the migrations, whose DDL differs.
package sqlq

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

// Dialect is what differs between the backends' SQL.
type Dialect interface {
	// Numbered reports whether placeholders are $1, $2, ... rather than ?.
	Numbered() bool
	// Time is a time's stored form; a zero time is stored as NULL.
	Time(t time.Time) any
	// ScanTime returns a scan destination for a stored time and a function
	// that reads the time back (zero for NULL, else UTC).
	ScanTime() (dest any, get func() time.Time)
	// ScanList returns a scan destination for a stored string list and a
	// function that reads it back (nil for an empty list).
	ScanList() (dest any, get func() ([]string, error))
	// NoLimit is the LIMIT argument that means no limit.
	NoLimit() any
	// List is a string list's stored form, and the argument Each reads.
	List(l []string) any
	// Each is a table of the values of one list argument (a List), in a
	// column named value, for INSERT ... SELECT: a list of any length is
	// one argument.
	Each() string
	// In is the right-hand side of a test that a value is one of a list
	// argument's (a List): "IN (SELECT value FROM json_each(?))" for
	// SQLite, "= ANY(?)" for PostgreSQL, whose planner reads an array
	// argument's length (half the time of IN over unnest for 500 keys).
	In() string
}

// Rows are the rows of a query, as both drivers' row types provide them.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// DB runs SQL written with the dialect's placeholders.
type DB interface {
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	// Exec runs a statement and returns how many rows it changed.
	Exec(ctx context.Context, sql string, args ...any) (int64, error)
}

// Shared implements the parts of storage.Store that both backends run
// alike. Read serves queries (SQLite: the read-only pool), Write serves
// statements that change rows.
type Shared struct {
	D     Dialect
	Read  DB
	Write DB
	Now   func() time.Time
}

// Rebind writes the ? placeholders of query as the dialect numbers them.
// A ? inside a quoted literal is left alone.
func Rebind(d Dialect, query string) string {
	if !d.Numbered() {
		return query
	}
	var b strings.Builder
	n, quoted := 0, false
	for _, r := range query {
		switch {
		case r == '\'':
			quoted = !quoted
		case r == '?' && !quoted:
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Where collects AND-ed conditions written with ? placeholders and their
// arguments.
type Where struct {
	conds []string
	Args  []any
}

// Add appends a condition and its arguments.
func (w *Where) Add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.Args = append(w.Args, args...)
}

// SQL returns " WHERE ..." or "" when there are no conditions.
func (w *Where) SQL() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// Page returns " LIMIT ? OFFSET ?" and appends q's page to the arguments.
func (w *Where) Page(d Dialect, q storage.Query) string {
	var limit any = backend.Limit(q)
	if backend.Limit(q) < 0 {
		limit = d.NoLimit()
	}
	w.Args = append(w.Args, limit, backend.Offset(q))
	return " LIMIT ? OFFSET ?"
}

// collect runs a query and scans each row with scan.
func collect[T any](ctx context.Context, s Shared, query string, args []any, scan func(Rows) (T, error)) ([]T, error) {
	rows, err := s.Read.Query(ctx, Rebind(s.D, query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// one returns the first of what a query found, or storage.ErrNotFound.
func one[T any](list []T, err error, what string) (T, error) {
	var zero T
	if err != nil {
		return zero, fmt.Errorf("%s: %w", what, err)
	}
	if len(list) == 0 {
		return zero, NotFound(what)
	}
	return list[0], nil
}

// NotFound wraps storage.ErrNotFound with what was looked up.
func NotFound(what string) error {
	return fmt.Errorf("%s: %w", what, storage.ErrNotFound)
}

// exec runs a statement on the write connection; none changes is ErrNotFound
// when mustChange.
func (s Shared) exec(ctx context.Context, what string, mustChange bool, query string, args ...any) error {
	n, err := s.Write.Exec(ctx, Rebind(s.D, query), args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if mustChange && n == 0 {
		return NotFound(what)
	}
	return nil
}
