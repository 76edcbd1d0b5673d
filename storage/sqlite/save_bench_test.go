package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"wirewatch/storage/storagetest"
)

// BenchmarkSaveItems times storagetest.BenchSaveItems on a fresh file.
//
//	go test -run '^$' -bench SaveItems -benchtime 20x ./storage/sqlite/
func BenchmarkSaveItems(b *testing.B) {
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storagetest.BenchSaveItems(b, s)
}
