package sqlite

import (
	"context"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage"
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
	err := s.writePosts(ctx, posts, func(tx sqlq.Execer) error { return sqlq.InsertPosts(ctx, dialect{}, tx, posts) })
	if err != nil {
		return fmt.Errorf("add posts: %w", err)
	}
	return nil
}

// AddPostsMovingMeta adds posts, as AddPosts, and moves a meta value, in
// one transaction (storage.Posts).
func (s *Store) AddPostsMovingMeta(ctx context.Context, posts []model.Post, m storage.MetaMove) (bool, error) {
	moved := false
	err := s.writePosts(ctx, posts, func(tx sqlq.Execer) (err error) {
		moved, err = sqlq.InsertPostsMovingMeta(ctx, dialect{}, tx, posts, m)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("add posts moving %s: %w", m.Key, err)
	}
	return moved, nil
}

// writePosts prepares posts (backend.PreparePosts) and runs write in a
// transaction, committed when write succeeds.
func (s *Store) writePosts(ctx context.Context, posts []model.Post, write func(tx sqlq.Execer) error) error {
	if err := backend.PreparePosts(posts, s.now().UTC()); err != nil {
		return err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := write(sqlTx{tx}); err != nil {
		return err
	}
	return tx.Commit()
}

// LeaseChannel always grants the lease: one process opens the file, and
// its one outbox sends each channel's posts.
func (s *Store) LeaseChannel(context.Context, string) (bool, error) { return true, nil }
