package postgres

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"wirewatch/storage/internal/sqlq"
)

// dialect is PostgreSQL's for the shared SQL: $n placeholders, times as
// timestamptz, lists as text[].
type dialect struct{}

func (dialect) Numbered() bool { return true }

func (dialect) Time(t time.Time) any { return ts(t) }

func (dialect) ScanTime() (any, func() time.Time) {
	var v *time.Time
	return &v, func() time.Time { return fromTS(v) }
}

func (dialect) ScanList() (any, func() ([]string, error)) {
	var v []string
	return &v, func() ([]string, error) { return fromList(v), nil }
}

func (dialect) NoLimit() any { return nil } // LIMIT NULL is no limit

func (dialect) List(l []string) any { return list(l) }

func (dialect) Each() string { return `unnest(?::text[]) AS l(value)` }

func (dialect) In() string { return `= ANY(?::text[])` }

// pgTx runs the shared SQL in a transaction.
type pgTx struct{ pgx.Tx }

func (t pgTx) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	tag, err := t.Tx.Exec(ctx, query, args...)
	return tag.RowsAffected(), err
}

// db runs the shared SQL on the pool; with fence set, each write is
// fenced (see Store.execFenced).
type db struct {
	pool  *pgxpool.Pool
	fence *Store
}

func (d db) Query(ctx context.Context, query string, args ...any) (sqlq.Rows, error) {
	return d.pool.Query(ctx, query, args...)
}

func (d db) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	if d.fence != nil {
		return d.fence.execFenced(ctx, query, args...)
	}
	tag, err := d.pool.Exec(ctx, query, args...)
	return tag.RowsAffected(), err
}
