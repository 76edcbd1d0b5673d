package main

import (
	"context"
	"strings"

	"wirewatch/storage"
	"wirewatch/storage/postgres"
	"wirewatch/storage/sqlite"
)

// openStore opens the backend a database setting names: a postgres:// URL
// for PostgreSQL, anything else is a SQLite file path.
func openStore(ctx context.Context, dsn string) (storage.Store, error) {
	if isPostgres(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// databaseKind names the backend of a database setting, for the log.
func databaseKind(dsn string) string {
	if isPostgres(dsn) {
		return "postgresql"
	}
	return "sqlite"
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// leadFunc blocks until this replica may run the bot, and returns a context
// that ends if it stops leading, and a release function.
type leadFunc func(ctx context.Context) (context.Context, func(), error)

// openReplica opens the store the bot runs on, with how this replica comes
// to lead. Each backend says so here, explicitly, so that renaming the
// PostgreSQL election cannot silently turn it off: PostgreSQL is shared by
// replicas, one of which leads by an advisory lock (postgres.Store.Lead); a
// SQLite file belongs to one process, which leads at once.
func openReplica(ctx context.Context, dsn string) (storage.Store, leadFunc, error) {
	if isPostgres(dsn) {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, nil, err
		}
		return st, st.Lead, nil
	}
	st, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	return st, nil, nil
}
