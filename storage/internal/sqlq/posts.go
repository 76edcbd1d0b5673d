package sqlq

import (
	"context"
	"fmt"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

// PostColumns are the posts columns in the order ScanPost reads them.
const PostColumns = `id, kind, channel, channel_id, story_id, rule, nonce, message, replace_of,
	state, message_id, attempts, last_error, created_at, sent_at, priority, first_attempt_at`

// InsertPost is the statement that adds one post; PostArgs are its arguments.
const InsertPost = `INSERT INTO posts (` + PostColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// PostArgs are the arguments of InsertPost for a prepared post.
func PostArgs(d Dialect, p model.Post) ([]any, error) {
	msg, err := backend.EncodeContent(p.Content)
	if err != nil {
		return nil, fmt.Errorf("post %s: %w", p.ID, err)
	}
	return []any{p.ID, string(p.Kind), p.Channel, p.ChannelID, p.StoryID, p.Rule, p.Nonce, msg, p.ReplaceOf,
		string(p.State), p.MessageID, p.Attempts, p.LastError, d.Time(p.CreatedAt), d.Time(p.SentAt), int(p.Priority),
		d.Time(p.FirstAttemptAt)}, nil
}

// ScanPost reads a row of PostColumns.
func ScanPost(d Dialect, row Rows) (model.Post, error) {
	var p model.Post
	var kind, state, msg string
	created, createdAt := d.ScanTime()
	sent, sentAt := d.ScanTime()
	first, firstAttemptAt := d.ScanTime()
	if err := row.Scan(&p.ID, &kind, &p.Channel, &p.ChannelID, &p.StoryID, &p.Rule, &p.Nonce, &msg,
		&p.ReplaceOf, &state, &p.MessageID, &p.Attempts, &p.LastError, created, sent, &p.Priority, first); err != nil {
		return p, err
	}
	p.Kind, p.State = model.PostKind(kind), model.PostState(state)
	p.CreatedAt, p.SentAt, p.FirstAttemptAt = createdAt(), sentAt(), firstAttemptAt()
	var err error
	if p.Content, err = backend.DecodeContent(msg); err != nil {
		return p, fmt.Errorf("post %s: %w", p.ID, err)
	}
	return p, nil
}

func (s Shared) posts(ctx context.Context, query string, args ...any) ([]model.Post, error) {
	return collect(ctx, s, query, args, func(r Rows) (model.Post, error) { return ScanPost(s.D, r) })
}

// PendingChannels lists the channels that have pending posts, by name.
func (s Shared) PendingChannels(ctx context.Context) ([]string, error) {
	channels, err := collect(ctx, s, `SELECT DISTINCT channel FROM posts WHERE state = 'pending' ORDER BY channel`, nil,
		func(r Rows) (string, error) {
			var c string
			return c, r.Scan(&c)
		})
	if err != nil {
		return nil, fmt.Errorf("pending channels: %w", err)
	}
	return channels, nil
}

// Backlog counts each channel's pending posts and finds its oldest one's
// creation time, by channel name; channels with none are left out.
func (s Shared) Backlog(ctx context.Context) ([]storage.ChannelBacklog, error) {
	list, err := collect(ctx, s, `SELECT channel, COUNT(*), MIN(created_at) FROM posts WHERE state = 'pending' GROUP BY channel ORDER BY channel`, nil,
		func(r Rows) (storage.ChannelBacklog, error) {
			var b storage.ChannelBacklog
			oldest, get := s.D.ScanTime()
			if err := r.Scan(&b.Channel, &b.Pending, oldest); err != nil {
				return b, err
			}
			b.Oldest = get()
			return b, nil
		})
	if err != nil {
		return nil, fmt.Errorf("outbox backlog: %w", err)
	}
	return list, nil
}

// Ping reads the database (its meta table), so that a reachable server or
// a readable file with the schema in place answers, and nothing else.
func (s Shared) Ping(ctx context.Context) error {
	_, err := collect(ctx, s, `SELECT COUNT(*) FROM meta WHERE key = ''`, nil, func(r Rows) (int, error) {
		var n int
		return n, r.Scan(&n)
	})
	if err != nil {
		return fmt.Errorf("ping the database: %w", err)
	}
	return nil
}

// PendingPosts returns up to limit (default 20) pending posts of a channel,
// highest priority first, then oldest first; posts created at the same time
// come in insertion order. The order is the query's (index posts_pending),
// so an urgent post is in the first batch however long the backlog. It only
// reads: leases are LeaseChannel's.
func (s Shared) PendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error) {
	if limit <= 0 {
		limit = backend.DefaultLimit
	}
	posts, err := s.posts(ctx, `SELECT `+PostColumns+` FROM posts
		WHERE state = 'pending' AND channel = ? ORDER BY priority DESC, created_at, seq LIMIT ?`, channel, limit)
	if err != nil {
		return nil, fmt.Errorf("pending posts %s: %w", channel, err)
	}
	return posts, nil
}

// Post returns one post by id.
func (s Shared) Post(ctx context.Context, id string) (model.Post, error) {
	posts, err := s.posts(ctx, `SELECT `+PostColumns+` FROM posts WHERE id = ?`, id)
	return one(posts, err, "post "+id)
}

// AlertPostFor returns the alert of a story for a rule and channel that
// its later sources edit: its newest pending or sent one, else that of a
// story merged into it (see AlertsOfStory).
func (s Shared) AlertPostFor(ctx context.Context, storyID, rule, channel string) (model.Post, error) {
	posts, err := s.posts(ctx, `SELECT `+PostColumns+` FROM posts
		WHERE story_id = ? AND rule = ? AND channel = ? AND kind = 'alert' AND state IN ('pending', 'sent')
		ORDER BY seq DESC LIMIT 1`, storyID, rule, channel)
	if err == nil && len(posts) == 0 {
		posts, err = s.posts(ctx, AlertsOfStory+` AND rule = ? AND channel = ?`, storyID, storyID, storyID, rule, channel)
	}
	return one(posts, err, fmt.Sprintf("alert post for story %s rule %s channel %s", storyID, rule, channel))
}

// Edits returns the updates of post id's message, in every state, oldest
// first (index posts_replace_of).
func (s Shared) Edits(ctx context.Context, id string) ([]model.Post, error) {
	posts, err := s.posts(ctx, `SELECT `+PostColumns+` FROM posts
		WHERE replace_of = ? AND kind = 'update' ORDER BY created_at, seq`, id)
	if err != nil {
		return nil, fmt.Errorf("edits of post %s: %w", id, err)
	}
	return posts, nil
}

// MarkSent records the platform's message id for a delivered post and
// counts the attempt.
func (s Shared) MarkSent(ctx context.Context, id, messageID string, at time.Time) error {
	return s.exec(ctx, "mark sent "+id, true, `UPDATE posts SET state = 'sent', message_id = ?, sent_at = ?,
		attempts = attempts + 1 WHERE id = ?`, messageID, s.D.Time(at), id)
}

// MarkSuperseded records updates that a newer update of the same message
// replaces as sent, as that message, in one statement (one transaction on
// SQLite's one write connection, where a write each held every other
// writer back in turn); a post that is not stored is ErrNotFound.
func (s Shared) MarkSuperseded(ctx context.Context, ids []string, messageID string, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	n, err := s.Write.Exec(ctx, Rebind(s.D, `UPDATE posts SET state = 'sent', message_id = ?, sent_at = ?,
		attempts = attempts + 1 WHERE id `+s.D.In()), messageID, s.D.Time(at), s.D.List(ids))
	if err != nil {
		return fmt.Errorf("mark %d posts superseded: %w", len(ids), err)
	}
	if n != int64(len(ids)) {
		return NotFound(fmt.Sprintf("%d of %d posts marked superseded", len(ids)-int(n), len(ids)))
	}
	return nil
}

// MarkFirstAttempt records when a post is first handed to its platform,
// before the call; later calls keep the first time.
func (s Shared) MarkFirstAttempt(ctx context.Context, id string, at time.Time) error {
	return s.exec(ctx, "mark first attempt "+id, true, `UPDATE posts SET first_attempt_at = COALESCE(first_attempt_at, ?)
		WHERE id = ?`, s.D.Time(at), id)
}

// MarkAttempt counts a failed attempt that will be retried; the post stays pending.
func (s Shared) MarkAttempt(ctx context.Context, id string, errMsg string) error {
	return s.exec(ctx, "mark attempt "+id, true, `UPDATE posts SET attempts = attempts + 1, last_error = ?
		WHERE id = ?`, errMsg, id)
}

// MarkFailed records a post the platform refused for good and counts the attempt.
func (s Shared) MarkFailed(ctx context.Context, id string, errMsg string) error {
	return s.exec(ctx, "mark failed "+id, true, `UPDATE posts SET state = 'failed', attempts = attempts + 1,
		last_error = ? WHERE id = ?`, errMsg, id)
}

// Execer runs a statement, written with ? placeholders, in a backend's
// transaction and returns how many rows it changed.
type Execer interface {
	Exec(ctx context.Context, sql string, args ...any) (int64, error)
}

// InsertPostsMovingMeta moves a meta value (MoveMeta) and, when it moved,
// adds prepared posts (InsertPosts), in the backend's transaction tx; it
// reports whether it moved.
func InsertPostsMovingMeta(ctx context.Context, d Dialect, tx Execer, posts []model.Post, m storage.MetaMove) (bool, error) {
	moved, err := MoveMeta(ctx, d, tx, m)
	if err != nil || !moved {
		return false, err
	}
	return true, InsertPosts(ctx, d, tx, posts)
}

// InsertPosts adds prepared posts in slice order, which breaks ties of
// equal creation times.
func InsertPosts(ctx context.Context, d Dialect, tx Execer, posts []model.Post) error {
	query := Rebind(d, InsertPost)
	for _, p := range posts {
		args, err := PostArgs(d, p)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, query, args...); err != nil {
			return fmt.Errorf("insert post %s: %w", p.ID, err)
		}
	}
	return nil
}

// RevisePosts replaces the content of stored posts; a post that is not
// stored is ErrNotFound.
func RevisePosts(ctx context.Context, d Dialect, tx Execer, revised []model.Post) error {
	query := Rebind(d, `UPDATE posts SET message = ? WHERE id = ?`)
	for _, p := range revised {
		msg, err := backend.EncodeContent(p.Content)
		if err != nil {
			return fmt.Errorf("post %s: %w", p.ID, err)
		}
		n, err := tx.Exec(ctx, query, msg, p.ID)
		if err != nil {
			return fmt.Errorf("revise post %s: %w", p.ID, err)
		}
		if n == 0 {
			return NotFound("post " + p.ID)
		}
	}
	return nil
}
