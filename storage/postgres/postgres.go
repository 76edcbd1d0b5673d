package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
	"wirewatch/storage/internal/sqlq"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// DefaultChannelLease is how long a replica keeps a channel's outbox after
// its last PendingPosts call.
const DefaultChannelLease = time.Minute

// textSearchConfig stems English and leaves other scripts as they are.
const textSearchConfig = "english"

// Store is a storage.Store on a PostgreSQL database. It is safe for
// concurrent use, by several replicas too.
type Store struct {
	sqlq.Shared // the queries both backends share
	pool        *pgxpool.Pool
	connConfig  *pgx.ConnConfig // the pool's, for the leader's lock connection
	holder      string          // this replica's name on channel leases
	lease       time.Duration   // how long a channel lease lasts
	now         func() time.Time
	epoch       atomic.Int64                            // the epoch this store was elected in (Lead); 0: never led, writes unfenced
	depose      atomic.Pointer[context.CancelCauseFunc] // ends the lead when a fenced write is refused

	sliceBits  int // items of one search slice: 1 << sliceBits (see Search)
	candidates int // how many of the newest matches Search ranks
}

var _ storage.Store = (*Store)(nil)

// Open connects to the database at dsn (a postgres:// URL or key=value
// string, as pgx parses it) and applies any migrations not yet applied.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse postgres dsn: %w", err)
	}
	cfg.ConnConfig.DialFunc = dialer().DialContext
	serverSide(cfg.ConnConfig.RuntimeParams)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("connect postgres: %w", err)
	}
	if err := migrate(ctx, pool, migrationFiles); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	s := &Store{pool: pool, connConfig: cfg.ConnConfig.Copy(), holder: uuid.NewString(), lease: DefaultChannelLease, now: time.Now,
		sliceBits: defaultSliceBits, candidates: searchCandidates}
	// Shared writes are fenced, as the leader's other writes are.
	s.Shared = sqlq.Shared{D: dialect{}, Read: db{pool: pool}, Write: db{pool: pool, fence: s},
		Now: func() time.Time { return s.now() }}
	return s, nil
}

// migrate applies the migrations of fsys the schema lacks, in one
// transaction, holding an advisory lock so concurrent replicas wait.
func migrate(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS) error {
	migrations, err := backend.ReadMigrations(fsys, "migrations")
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('wirewatch migrate ' || current_schema()))`); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			name       TEXT NOT NULL,
			applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
		for _, m := range migrations {
			if m.Version <= current {
				continue
			}
			// Without arguments pgx uses the simple protocol, which runs every statement of the file.
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		return nil
	})
}

// Close releases this replica's channel leases and closes the pool.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := s.pool.Exec(ctx, `DELETE FROM channel_leases WHERE holder = $1`, s.holder)
	s.pool.Close()
	if err != nil {
		return fmt.Errorf("close: release leases: %w", err)
	}
	return nil
}

// ts converts a time to its stored form: NULL for zero, else UTC to the microsecond.
func ts(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// fromTS converts a stored time back, in UTC.
func fromTS(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// list makes nil lists empty arrays (the columns are NOT NULL).
func list(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// fromList makes empty arrays nil, as the SQLite backend returns them.
func fromList(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	return l
}

func notFound(what string) error {
	return fmt.Errorf("%s: %w", what, storage.ErrNotFound)
}
