// Package postgres is the storage backend for several wirewatch replicas
// sharing one PostgreSQL database, through pgx (pgxpool).
//
// Rules: every write that must be atomic runs in one transaction. Replicas
// may race: SaveItem inserts with ON CONFLICT DO NOTHING, so exactly one
// replica stores (and alerts on) an item; LeaseChannel leases a channel to
// one replica at a time (renewed on every call, released on Close, taken
// over when it lapses; reads such as PendingPosts never write), so one
// channel's posts are sent in order by one sender; a replica that dies mid-send leaves the lease to lapse, and its
// last post may be sent twice (the post's nonce lets Discord drop it).
// Migrations (migrations/NNNN_name.sql) run under an advisory lock, so
// replicas starting together apply each once. Tables are created in the
// first schema of the connection's search_path. Times come back in UTC,
// truncated to the microsecond; a zero time is stored as NULL.
package postgres
