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
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}
