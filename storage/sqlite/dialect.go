package sqlite

import (
	"context"
	"database/sql"
	"time"

	"wirewatch/storage/internal/backend"
	"wirewatch/storage/internal/sqlq"
)

// dialect is SQLite's for the shared SQL: ? placeholders, times as unix
// microseconds, lists as JSON arrays.
type dialect struct{}

func (dialect) Numbered() bool { return false }

func (dialect) Time(t time.Time) any { return micro(t) }

func (dialect) ScanTime() (any, func() time.Time) {
	var v sql.NullInt64
	return &v, func() time.Time { return fromMicro(v) }
}

func (dialect) ScanList() (any, func() ([]string, error)) {
	var v string
	return &v, func() ([]string, error) { return backend.DecodeList(v) }
}

func (dialect) NoLimit() any { return -1 }

func (dialect) List(l []string) any { return backend.EncodeList(l) }

func (dialect) Each() string { return `json_each(?)` }

func (dialect) In() string { return `IN (SELECT value FROM json_each(?))` }

// db runs the shared SQL on a database/sql pool.
type db struct{ *sql.DB }

func (d db) Query(ctx context.Context, query string, args ...any) (sqlq.Rows, error) {
	rows, err := d.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{rows}, nil
}

func (d db) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := d.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// execer runs a statement: a *sql.Tx, or a stmtCache over one.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// stmtCache runs a transaction's statements, each prepared once: a batch
// of items runs the same few inserts hundreds of times, and preparing each
// anew took about a third of the batch's time under the write lock. The
// statements are closed with the transaction.
type stmtCache struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := c.stmts[query]
	if !ok {
		var err error
		if st, err = c.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		c.stmts[query] = st
	}
	return st.ExecContext(ctx, args...)
}

// execAdapter runs the shared SQL (sqlq.Execer) on an execer.
type execAdapter struct{ execer }

func (e execAdapter) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := e.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// sqlTx runs the shared SQL in a transaction.
type sqlTx struct{ *sql.Tx }

func (t sqlTx) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	res, err := t.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }
