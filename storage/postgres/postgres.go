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
	sqlq.Shared                 // the queries both backends share
	pool        *pgxpool.Pool   // writes, and the pipeline's and outbox's reads
	read        *pgxpool.Pool   // this store's reads: pool, or lookup for a ForLookups view
	lookup      *pgxpool.Pool   // members' lookups (ForLookups), kept apart from pool
	view        bool            // a ForLookups view: Close is the store's
	lead        *leadState      // shared with the store's ForLookups views
	connConfig  *pgx.ConnConfig // the pool's, for the leader's lock connection
	holder      string          // this replica's name on channel leases
	lease       time.Duration   // how long a channel lease lasts
	now         func() time.Time

	sliceBits  int // items of one search slice: 1 << sliceBits (see Search)
	candidates int // how many of the newest matches Search ranks
	// how many items passing a search's filter floorSlice reads at most,
	// before the windows and after them (see searchFiltered)
	floorItems [2]int
}

// leadState is what fences a replica's writes: the epoch it was elected
// in (0: never led, writes unfenced) and how to end its lead when a fenced
// write is refused.
type leadState struct {
	epoch  atomic.Int64
	depose atomic.Pointer[context.CancelCauseFunc]
}

// LookupConns is the size of the pool of members' lookups, kept apart from
// the pool the pipeline and the outbox use, so that lookups that fill it
// never hold up a poll.
const LookupConns = 2

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
	lcfg := cfg.Copy()
	lcfg.MaxConns, lcfg.MinConns = LookupConns, 0
	lookup, err := pgxpool.NewWithConfig(ctx, lcfg)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect postgres (lookups): %w", err)
	}
	s := &Store{pool: pool, read: pool, lookup: lookup, lead: &leadState{},
		connConfig: cfg.ConnConfig.Copy(), holder: uuid.NewString(), lease: DefaultChannelLease, now: time.Now,
		sliceBits: defaultSliceBits, candidates: sqlq.SearchCandidates, floorItems: defaultFloorItems}
	s.share()
	return s, nil
}

// share sets the queries both backends share on this store's pools.
// Shared writes are fenced, as the leader's other writes are.
func (s *Store) share() {
	s.Shared = sqlq.Shared{D: dialect{}, Read: db{pool: s.read}, Write: db{pool: s.pool, fence: s},
		Now: func() time.Time { return s.now() }}
}

// ForLookups returns a view of the store whose reads go through the pool
// of members' lookups; its writes are the store's, fenced by the same
// lead. Closing it is a no-op.
func (s *Store) ForLookups() storage.Store {
	v := *s
	v.read, v.view = s.lookup, true
	v.share()
	return &v
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
	if s.view {
		return nil
	}
	defer s.lookup.Close()
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
