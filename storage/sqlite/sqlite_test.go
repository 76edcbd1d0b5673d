package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"wirewatch/storage"
	"wirewatch/storage/storagetest"
)

func openTemp(t *testing.T) storage.Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "wirewatch.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storagetest.Run(t, openTemp)
}

func TestLegacyPosts(t *testing.T) {
	storagetest.RunLegacy(t, openTemp, func(ctx context.Context, s storage.Store, postID, raw string) error {
		_, err := s.(*Store).write.ExecContext(ctx, `UPDATE posts SET message = ? WHERE id = ?`, raw, postID)
		return err
	})
}
