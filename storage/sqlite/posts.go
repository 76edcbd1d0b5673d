package sqlite

import (
	"context"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
	"wirewatch/storage/internal/sqlq"
)

// AddPosts adds posts that belong to no new item, in one transaction.
// Posts without an id, state or creation time get a new uuid, pending and
// now; the caller's slice is updated.
func (s *Store) AddPosts(ctx context.Context, posts []model.Post) error {
	if len(posts) == 0 {
		return nil
	}
	if err := backend.PreparePosts(posts, s.now().UTC()); err != nil {
		return fmt.Errorf("add posts: %w", err)
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("add posts: %w", err)
	}
	defer tx.Rollback()
	if err := insertPosts(ctx, tx, posts); err != nil {
		return fmt.Errorf("add posts: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("add posts: %w", err)
	}
	return nil
}

// insertPosts adds prepared posts in slice order (sqlq.InsertPosts).
func insertPosts(ctx context.Context, tx execer, posts []model.Post) error {
	return sqlq.InsertPosts(ctx, dialect{}, execAdapter{tx}, posts)
}

// LeaseChannel always grants the lease: one process opens the file, and
// its one outbox sends each channel's posts.
func (s *Store) LeaseChannel(context.Context, string) (bool, error) { return true, nil }
