package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"wirewatch/model"
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

// insertPosts adds prepared posts in slice order, which breaks ties of
// equal creation times.
func insertPosts(ctx context.Context, tx *sql.Tx, posts []model.Post) error {
	for _, p := range posts {
		msg, err := backend.EncodeContent(p.Content)
		if err != nil {
			return fmt.Errorf("post %s: %w", p.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO posts (`+postColumns+`)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, string(p.Kind), p.Channel, p.ChannelID, p.StoryID, p.Rule, p.Nonce, msg, p.ReplaceOf,
			string(p.State), p.MessageID, p.Attempts, p.LastError, micro(p.CreatedAt), micro(p.SentAt), int(p.Priority), micro(p.FirstAttemptAt)); err != nil {
			return fmt.Errorf("insert post %s: %w", p.ID, err)
		}
	}
	return nil
}

// PendingChannels lists the channels that have pending posts, by name.
func (s *Store) PendingChannels(ctx context.Context) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT channel FROM posts WHERE state = 'pending' ORDER BY channel`)
	if err != nil {
		return nil, fmt.Errorf("pending channels: %w", err)
	}
	var channels []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return nil, fmt.Errorf("pending channels: %w", err)
		}
		channels = append(channels, c)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("pending channels: %w", err)
	}
	return channels, nil
}

// LeaseChannel always grants the lease: one process opens the file, and
// its one outbox sends each channel's posts.
func (s *Store) LeaseChannel(context.Context, string) (bool, error) { return true, nil }

// PendingPosts returns up to limit (default 20) pending posts of a channel,
// highest priority first, then oldest first; posts created at the same time
// come in insertion order. The order is the query's (index posts_pending),
// so an urgent post is in the first batch however long the backlog.
func (s *Store) PendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error) {
	if limit <= 0 {
		limit = backend.DefaultLimit
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+postColumns+` FROM posts
		WHERE state = 'pending' AND channel = ? ORDER BY priority DESC, created_at, seq LIMIT ?`, channel, limit)
	if err != nil {
		return nil, fmt.Errorf("pending posts %s: %w", channel, err)
	}
	posts, err := scanPosts(rows)
	if err != nil {
		return nil, fmt.Errorf("pending posts %s: %w", channel, err)
	}
	return posts, nil
}

// Post returns one post by id.
func (s *Store) Post(ctx context.Context, id string) (model.Post, error) {
	return s.onePost(ctx, "post "+id, `SELECT `+postColumns+` FROM posts WHERE id = ?`, id)
}

// AlertPostFor returns the newest pending or sent alert of a story for a
// rule and channel.
func (s *Store) AlertPostFor(ctx context.Context, storyID, rule, channel string) (model.Post, error) {
	return s.onePost(ctx, fmt.Sprintf("alert post for story %s rule %s channel %s", storyID, rule, channel),
		`SELECT `+postColumns+` FROM posts
		WHERE story_id = ? AND rule = ? AND channel = ? AND kind = 'alert' AND state IN ('pending', 'sent')
		ORDER BY seq DESC LIMIT 1`, storyID, rule, channel)
}

func (s *Store) onePost(ctx context.Context, what, query string, args ...any) (model.Post, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return model.Post{}, fmt.Errorf("%s: %w", what, err)
	}
	posts, err := scanPosts(rows)
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
	return s.updatePost(ctx, "mark sent "+id, `UPDATE posts SET state = 'sent', message_id = ?, sent_at = ?,
		attempts = attempts + 1 WHERE id = ?`, messageID, micro(at), id)
}

// MarkFirstAttempt records when a post is first handed to its platform,
// before the call; later calls keep the first time.
func (s *Store) MarkFirstAttempt(ctx context.Context, id string, at time.Time) error {
	return s.updatePost(ctx, "mark first attempt "+id, `UPDATE posts SET first_attempt_at = COALESCE(first_attempt_at, ?)
		WHERE id = ?`, micro(at), id)
}

// MarkAttempt counts a failed attempt that will be retried; the post stays pending.
func (s *Store) MarkAttempt(ctx context.Context, id string, errMsg string) error {
	return s.updatePost(ctx, "mark attempt "+id, `UPDATE posts SET attempts = attempts + 1, last_error = ?
		WHERE id = ?`, errMsg, id)
}

// MarkFailed records a post Discord refused for good and counts the attempt.
func (s *Store) MarkFailed(ctx context.Context, id string, errMsg string) error {
	return s.updatePost(ctx, "mark failed "+id, `UPDATE posts SET state = 'failed', attempts = attempts + 1,
		last_error = ? WHERE id = ?`, errMsg, id)
}

func (s *Store) updatePost(ctx context.Context, what, query string, args ...any) error {
	res, err := s.write.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}

func scanPosts(rows *sql.Rows) ([]model.Post, error) {
	var posts []model.Post
	for rows.Next() {
		var p model.Post
		var kind, state, msg string
		var createdAt, sentAt, firstAttemptAt sql.NullInt64
		if err := rows.Scan(&p.ID, &kind, &p.Channel, &p.ChannelID, &p.StoryID, &p.Rule, &p.Nonce, &msg,
			&p.ReplaceOf, &state, &p.MessageID, &p.Attempts, &p.LastError, &createdAt, &sentAt, &p.Priority, &firstAttemptAt); err != nil {
			rows.Close()
			return nil, err
		}
		p.Kind, p.State = model.PostKind(kind), model.PostState(state)
		p.CreatedAt, p.SentAt, p.FirstAttemptAt = fromMicro(createdAt), fromMicro(sentAt), fromMicro(firstAttemptAt)
		var err error
		if p.Content, err = backend.DecodeContent(msg); err != nil {
			rows.Close()
			return nil, fmt.Errorf("post %s: %w", p.ID, err)
		}
		posts = append(posts, p)
	}
	return posts, closeRows(rows)
}
