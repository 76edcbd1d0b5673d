// Package postgres is the storage backend for several wirewatch replicas
// sharing one PostgreSQL database, through pgx (pgxpool).
//
// Rules: every write that must be atomic runs in one transaction. Replicas
// may race: SaveItem inserts with ON CONFLICT DO NOTHING, so exactly one
// replica stores (and alerts on) an item; LeaseChannel leases a channel to
// one replica at a time (renewed on every call, released on Close, taken
// over when it lapses; reads such as PendingPosts never write), so one
// channel's posts are sent in order by one sender; a replica that dies
// mid-send leaves the lease to lapse, and the next sender finds its last
// post from the post's first attempt, or Discord drops it by its nonce.
// One replica leads (Lead: an advisory lock on a connection of its own,
// confirmed every second within a deadline, dropped by the server when it
// idles); each election increments leader_epoch, and a leader's writes are
// fenced by it (fenced, execFenced): refused with storage.ErrDeposed once
// another replica was elected. Every connection has TCP keepalives and a
// user timeout, at both ends.
// Migrations (migrations/NNNN_name.sql) run under an advisory lock, so
// replicas starting together apply each once. Tables are created in the
// first schema of the connection's search_path. Times come back in UTC,
// truncated to the microsecond; a zero time is stored as NULL.
package postgres
