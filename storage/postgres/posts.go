package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

const postColumns = `id, kind, channel, channel_id, story_id, rule, nonce, message, replace_of,
	state, message_id, attempts, last_error, created_at, sent_at, priority, first_attempt_at`

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
	if err := s.fenced(ctx, func(tx pgx.Tx) error { return insertPosts(ctx, tx, posts) }); err != nil {
		return fmt.Errorf("add posts: %w", err)
	}
	return nil
}

// insertPosts adds prepared posts in slice order, which breaks ties of
// equal creation times.
func insertPosts(ctx context.Context, tx pgx.Tx, posts []model.Post) error {
	for _, p := range posts {
		msg, err := backend.EncodeContent(p.Content)
		if err != nil {
			return fmt.Errorf("post %s: %w", p.ID, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO posts (`+postColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
			p.ID, string(p.Kind), p.Channel, p.ChannelID, p.StoryID, p.Rule, p.Nonce, msg, p.ReplaceOf,
			string(p.State), p.MessageID, p.Attempts, p.LastError, ts(p.CreatedAt), ts(p.SentAt), int(p.Priority), ts(p.FirstAttemptAt)); err != nil {
			return fmt.Errorf("insert post %s: %w", p.ID, err)
		}
	}
	return nil
}

// PendingChannels lists the channels that have pending posts, by name.
func (s *Store) PendingChannels(ctx context.Context) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT channel FROM posts WHERE state = 'pending' ORDER BY channel`)
	if err != nil {
		return nil, fmt.Errorf("pending channels: %w", err)
	}
	channels, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("pending channels: %w", err)
	}
	return channels, nil
}

// LeaseChannel takes or renews this replica's lease on a channel for
// s.lease, unless another replica holds an unexpired one; Close releases
// the replica's leases. A leader's lease is fenced: refused once another
// replica was elected.
func (s *Store) LeaseChannel(ctx context.Context, channel string) (bool, error) {
	var leased bool
	err := s.fenced(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO channel_leases (channel, holder, expires)
			VALUES ($1, $2, now() + make_interval(secs => $3))
			ON CONFLICT (channel) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
			WHERE channel_leases.holder = excluded.holder OR channel_leases.expires < now()`,
			channel, s.holder, s.lease.Seconds())
		leased = tag.RowsAffected() == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("lease channel %s: %w", channel, err)
	}
	return leased, nil
}

// PendingPosts returns up to limit (default 20) pending posts of a channel,
// highest priority first, then oldest first; posts created at the same time
// come in insertion order. The order is the query's (index posts_pending),
// so an urgent post is in the first batch however long the backlog.
func (s *Store) PendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error) {
	if limit <= 0 {
		limit = backend.DefaultLimit
	}
	posts, err := s.queryPosts(ctx, `SELECT `+postColumns+` FROM posts
		WHERE state = 'pending' AND channel = $1
		ORDER BY priority DESC, created_at, seq LIMIT $2`, channel, limit)
	if err != nil {
		return nil, fmt.Errorf("pending posts %s: %w", channel, err)
	}
	return posts, nil
}

// Post returns one post by id.
func (s *Store) Post(ctx context.Context, id string) (model.Post, error) {
	return s.onePost(ctx, "post "+id, `SELECT `+postColumns+` FROM posts WHERE id = $1`, id)
}

// AlertPostFor returns the newest pending or sent alert of a story for a
// rule and channel.
func (s *Store) AlertPostFor(ctx context.Context, storyID, rule, channel string) (model.Post, error) {
	return s.onePost(ctx, fmt.Sprintf("alert post for story %s rule %s channel %s", storyID, rule, channel),
		`SELECT `+postColumns+` FROM posts
		WHERE story_id = $1 AND rule = $2 AND channel = $3 AND kind = 'alert' AND state IN ('pending', 'sent')
		ORDER BY seq DESC LIMIT 1`, storyID, rule, channel)
}

func (s *Store) onePost(ctx context.Context, what, query string, args ...any) (model.Post, error) {
	posts, err := s.queryPosts(ctx, query, args...)
	if err != nil {
		return model.Post{}, fmt.Errorf("%s: %w", what, err)
	}
	if len(posts) == 0 {
		return model.Post{}, notFound(what)
	}
	return posts[0], nil
}

// MarkSent records Discord's message id for a delivered post and counts
// the attempt.
func (s *Store) MarkSent(ctx context.Context, id, messageID string, at time.Time) error {
	return s.updatePost(ctx, "mark sent "+id, `UPDATE posts SET state = 'sent', message_id = $1, sent_at = $2,
		attempts = attempts + 1 WHERE id = $3`, messageID, ts(at), id)
}

// MarkFirstAttempt records when a post is first handed to its platform,
// before the call; later calls keep the first time.
func (s *Store) MarkFirstAttempt(ctx context.Context, id string, at time.Time) error {
	return s.updatePost(ctx, "mark first attempt "+id, `UPDATE posts SET first_attempt_at = COALESCE(first_attempt_at, $1)
		WHERE id = $2`, ts(at), id)
}

// MarkAttempt counts a failed attempt that will be retried; the post stays pending.
func (s *Store) MarkAttempt(ctx context.Context, id string, errMsg string) error {
	return s.updatePost(ctx, "mark attempt "+id, `UPDATE posts SET attempts = attempts + 1, last_error = $1
		WHERE id = $2`, errMsg, id)
}

// MarkFailed records a post Discord refused for good and counts the attempt.
func (s *Store) MarkFailed(ctx context.Context, id string, errMsg string) error {
	return s.updatePost(ctx, "mark failed "+id, `UPDATE posts SET state = 'failed', attempts = attempts + 1,
		last_error = $1 WHERE id = $2`, errMsg, id)
}

// updatePost runs a fenced update of one post.
func (s *Store) updatePost(ctx context.Context, what, query string, args ...any) error {
	err := s.fenced(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, query, args...)
		if err == nil && tag.RowsAffected() == 0 {
			return storage.ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

func (s *Store) queryPosts(ctx context.Context, query string, args ...any) ([]model.Post, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.Post, error) {
		var p model.Post
		var kind, state, msg string
		var createdAt, sentAt, firstAttemptAt *time.Time
		if err := row.Scan(&p.ID, &kind, &p.Channel, &p.ChannelID, &p.StoryID, &p.Rule, &p.Nonce, &msg,
			&p.ReplaceOf, &state, &p.MessageID, &p.Attempts, &p.LastError, &createdAt, &sentAt, &p.Priority, &firstAttemptAt); err != nil {
			return p, err
		}
		p.Kind, p.State = model.PostKind(kind), model.PostState(state)
		p.CreatedAt, p.SentAt, p.FirstAttemptAt = fromTS(createdAt), fromTS(sentAt), fromTS(firstAttemptAt)
		var err error
		p.Content, err = backend.DecodeContent(msg)
		return p, err
	})
}
