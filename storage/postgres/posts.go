package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

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
// one fenced transaction (storage.Posts).
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
// fenced transaction, committed when write succeeds.
func (s *Store) writePosts(ctx context.Context, posts []model.Post, write func(tx sqlq.Execer) error) error {
	if err := backend.PreparePosts(posts, s.now().UTC()); err != nil {
		return err
	}
	return s.fenced(ctx, func(tx pgx.Tx) error { return write(pgTx{tx}) })
}

// LeaseChannel takes or renews this replica's lease on a channel for
// s.lease, unless another replica holds an unexpired one of the same or a
// newer leader epoch; Close releases the replica's leases. A newly elected
// leader so takes its deposed predecessor's leases at once. A leader's
// lease is fenced: refused once another replica was elected.
func (s *Store) LeaseChannel(ctx context.Context, channel string) (bool, error) {
	n, err := s.execFenced(ctx, `INSERT INTO channel_leases (channel, holder, expires, epoch)
		VALUES ($1, $2, now() + make_interval(secs => $3), $4)
		ON CONFLICT (channel) DO UPDATE SET holder = excluded.holder, expires = excluded.expires, epoch = excluded.epoch
		WHERE channel_leases.holder = excluded.holder OR channel_leases.expires < now() OR channel_leases.epoch < excluded.epoch`,
		channel, s.holder, s.lease.Seconds(), s.lead.epoch.Load())
	if err != nil {
		return false, fmt.Errorf("lease channel %s: %w", channel, err)
	}
	return n == 1, nil
}
