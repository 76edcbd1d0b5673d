package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
	"wirewatch/storage/internal/sqlq"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// busyTimeout bounds how long a connection waits on another process's lock.
const busyTimeout = 10 * time.Second

// Store is a storage.Store on one SQLite file. It is safe for concurrent use.
type Store struct {
	sqlq.Shared         // the queries both backends share
	write       *sql.DB // exactly one connection
	read        *sql.DB // read-only connections
	lookup      *sql.DB // read-only connections of members' lookups (ForLookups)
	now         func() time.Time
	view        bool // a ForLookups view: Close is the store's
}

// LookupConns is the size of the read pool of members' lookups, kept
// apart from the pool the pipeline and the outbox read through, so that
// lookups that fill their pool never hold up a poll's reads.
const LookupConns = 2

// ForLookups returns a view of the store whose reads go through the pool
// of members' lookups; its writes are the store's. Closing it is a no-op.
func (s *Store) ForLookups() storage.Store {
	v := &Store{write: s.write, read: s.lookup, lookup: s.lookup, now: s.now, view: true}
	v.Shared = sqlq.Shared{D: dialect{}, Read: db{s.lookup}, Write: db{s.write}, Now: func() time.Time { return v.now() }}
	return v
}

var _ storage.Store = (*Store)(nil)

// Open opens (creating it if needed) the SQLite database at path, which
// must be a file path, and applies any migrations not yet applied.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	write, err := openPool(path, false)
	if err != nil {
		return nil, err
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	if err := migrate(ctx, write, migrationFiles); err != nil {
		write.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}

	read, err := openPool(path, true)
	if err != nil {
		write.Close()
		return nil, err
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)
	if err := read.PingContext(ctx); err != nil {
		write.Close()
		read.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	lookup, err := openPool(path, true)
	if err != nil {
		write.Close()
		read.Close()
		return nil, err
	}
	lookup.SetMaxOpenConns(LookupConns)
	lookup.SetMaxIdleConns(LookupConns)
	s := &Store{write: write, read: read, lookup: lookup, now: time.Now}
	s.Shared = sqlq.Shared{D: dialect{}, Read: db{read}, Write: db{write}, Now: func() time.Time { return s.now() }}
	return s, nil
}

// checkPath says plainly why the database at path cannot be opened for
// writing, before SQLite tries: SQLite's own error for a missing or
// unwritable folder is "unable to open database file (14)", with neither
// the cause nor the path. The folder must exist and take new files (the
// write-ahead log and its index are made beside the database), and the
// file, when it exists, must be readable and writable. A file is really
// made in the folder and removed, so that what is tried is what SQLite
// will do (read-only mounts and access lists included), not a reading of
// permission bits.
func checkPath(path string) error {
	dir := filepath.Dir(path)
	switch fi, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("database folder %s: no such directory (create it, or set [bot] database to a file in a folder that exists)", dir)
	case err != nil:
		return fmt.Errorf("database folder %s: %s", dir, cause(err))
	case !fi.IsDir():
		return fmt.Errorf("database folder %s: not a directory", dir)
	}
	probe, err := os.CreateTemp(dir, ".wirewatch-write-check-*")
	if err != nil {
		return fmt.Errorf("database folder %s: %s: wirewatch (user id %d) cannot create the database or its journal there", dir, cause(err), os.Getuid())
	}
	probe.Close()
	os.Remove(probe.Name())
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	switch {
	case err == nil:
		f.Close()
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("database %s: %s: wirewatch (user id %d) must be able to read and write it", path, cause(err), os.Getuid())
	}
	return nil
}

// cause is what the system said about a path ("permission denied",
// "read-only file system"), without the path, which the caller names.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// openPool opens a connection pool whose every connection gets the same
// pragmas; readOnly pools refuse writes.
func openPool(path string, readOnly bool) (*sql.DB, error) {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_foreign_keys", "1")
	q.Set("_synchronous", "NORMAL") // durable across process crashes; WAL keeps it consistent on power loss
	q.Add("_pragma", "cache_size(-32000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	if readOnly {
		q.Set("_query_only", "1")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_txlock", "immediate") // take the write lock at BEGIN: no lock upgrade, no deadlock
	}
	db, err := sql.Open("sqlite", "file:"+uriPathEscaper.Replace(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// uriPathEscaper escapes what SQLite's URI filenames give a meaning.
var uriPathEscaper = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

// reindexAfter names the migrations that make items_fts anew and leave it
// for Go to fill, since the Hangul stems are computed in Go.
var reindexAfter = map[int]bool{9: true}

// migrate applies, in one transaction, the migrations of fsys the file lacks.
func migrate(ctx context.Context, db *sql.DB, fsys fs.FS) error {
	migrations, err := backend.ReadMigrations(fsys, "migrations")
	if err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range migrations {
		if m.Version <= current {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		if reindexAfter[m.Version] {
			if err := reindexSearch(ctx, tx); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
			m.Version, m.Name, time.Now().UnixMicro()); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return tx.Commit()
}

// Close updates the planner's statistics where SQLite thinks it worth it,
// then closes both connection pools.
func (s *Store) Close() error {
	if s.view {
		return nil
	}
	_, err := s.write.Exec(`PRAGMA optimize`)
	return errors.Join(err, s.lookup.Close(), s.read.Close(), s.write.Close())
}

// micro converts a time to its stored form: unix microseconds, NULL for zero.
func micro(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// fromMicro converts a stored time back, in UTC.
func fromMicro(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}

// notFound wraps storage.ErrNotFound with what was looked up.
func notFound(what string) error {
	return fmt.Errorf("%s: %w", what, storage.ErrNotFound)
}
