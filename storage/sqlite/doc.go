// Package sqlite is the embedded storage backend: one SQLite file, opened
// with the pure-Go modernc.org/sqlite driver, for a single wirewatch process.
//
// Rules: the file runs in WAL mode. All writes go through one connection
// (SQLite allows one writer at a time; queueing writers in Go rather than in
// SQLite means SQLITE_BUSY never surfaces) and start with BEGIN IMMEDIATE;
// reads use a separate pool of read-only connections that WAL lets run
// beside the writer. busy_timeout covers a second process on the same file.
// The schema is versioned: migrations/NNNN_name.sql are applied in order,
// each once, recorded in schema_migrations. Times are stored as unix
// microseconds in UTC, so they come back in UTC truncated to the microsecond;
// a zero time is stored as NULL and comes back zero. Search uses an FTS5
// index (contentless; rowid = item id) with a column of Korean stems, and
// ranks the newest matches by where the words occur (see Store.Search).
package sqlite
