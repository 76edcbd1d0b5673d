package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wirewatch/storage/internal/sqlq"
	"wirewatch/storage/storagetest"
)

// BenchmarkLookups loads WIREWATCH_BENCH_ITEMS generated items (default
// 20,000) and measures Timeline and Search latency. Set WIREWATCH_BENCH_DB
// to a file path to keep the loaded database between runs:
//
//	WIREWATCH_BENCH_ITEMS=1000000 WIREWATCH_BENCH_DB=/tmp/ww-bench.db \
//	  go test -run '^$' -bench Lookups -benchtime 200x -cpu 1 ./storage/sqlite/
func BenchmarkLookups(b *testing.B) {
	ctx := context.Background()
	n := storagetest.BenchItems(20_000)
	path := os.Getenv("WIREWATCH_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	loadCorpus(b, s, n)
	storagetest.BenchLookups(b, s)
}

// loadCorpus fills s with the first n corpus items, in large transactions,
// unless it already holds them.
func loadCorpus(b testing.TB, s *Store, n int) {
	ctx := context.Background()
	var have int
	if err := s.read.QueryRow(`SELECT COUNT(*) FROM items`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have >= n {
		return
	}
	if have > 0 {
		b.Fatalf("bench database holds %d items, fewer than %d: remove it", have, n)
	}
	start := time.Now()
	// A bulk load: a big page cache for the one writer connection.
	if _, err := s.write.Exec(`PRAGMA cache_size = -1000000`); err != nil {
		b.Fatal(err)
	}
	defer s.write.Exec(`PRAGMA cache_size = -32000`)
	const batch = 20000
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for it, st := range storagetest.Corpus(n, 1) {
		if _, err := insertItem(ctx, tx, &it); err != nil {
			b.Fatal(err)
		}
		if err := sqlq.UpsertStory(ctx, dialect{}, sqlTx{tx}, &st); err != nil {
			b.Fatal(err)
		}
		if i++; i%batch == 0 {
			if i%100000 == 0 {
				b.Logf("loaded %d items in %v", i, time.Since(start).Round(time.Second))
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			if tx, err = s.write.BeginTx(ctx, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := s.write.Exec(`PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded %d items in %v", n, time.Since(start).Round(time.Millisecond))
}
