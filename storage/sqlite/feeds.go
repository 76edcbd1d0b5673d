package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

const feedStateColumns = `feed, url, etag, last_modified, body_hash, last_poll, last_success, last_error,
	failures, broken, next_poll, interval_ns, items_seen, initialized, redirect_url, redirect_seen, known_items`

// FeedState returns a feed's polling state; ErrNotFound for a new feed.
func (s *Store) FeedState(ctx context.Context, feed string) (model.FeedState, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+feedStateColumns+` FROM feed_states WHERE feed = ?`, feed)
	if err != nil {
		return model.FeedState{}, fmt.Errorf("feed state %s: %w", feed, err)
	}
	states, err := scanFeedStates(rows)
	if err != nil {
		return model.FeedState{}, fmt.Errorf("feed state %s: %w", feed, err)
	}
	if len(states) == 0 {
		return model.FeedState{}, notFound("feed state " + feed)
	}
	return states[0], nil
}

// SaveFeedState stores a feed's polling state, replacing the old one.
func (s *Store) SaveFeedState(ctx context.Context, st model.FeedState) error {
	if st.Feed == "" {
		return errors.New("save feed state: empty feed name")
	}
	if _, err := s.write.ExecContext(ctx, `INSERT OR REPLACE INTO feed_states (`+feedStateColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		st.Feed, st.URL, st.ETag, st.LastModified, st.BodyHash, micro(st.LastPoll), micro(st.LastSuccess),
		st.LastError, st.Failures, st.Broken, micro(st.NextPoll), int64(st.Interval), st.ItemsSeen,
		st.Initialized, st.RedirectURL, st.RedirectSeen, backend.EncodeKnownItems(st.Known)); err != nil {
		return fmt.Errorf("save feed state %s: %w", st.Feed, err)
	}
	return nil
}

// FeedStates returns every feed's state, by name.
func (s *Store) FeedStates(ctx context.Context) ([]model.FeedState, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+feedStateColumns+` FROM feed_states ORDER BY feed`)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	states, err := scanFeedStates(rows)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	return states, nil
}

func scanFeedStates(rows *sql.Rows) ([]model.FeedState, error) {
	var states []model.FeedState
	for rows.Next() {
		var st model.FeedState
		var lastPoll, lastSuccess, nextPoll sql.NullInt64
		var interval int64
		var known string
		if err := rows.Scan(&st.Feed, &st.URL, &st.ETag, &st.LastModified, &st.BodyHash, &lastPoll, &lastSuccess,
			&st.LastError, &st.Failures, &st.Broken, &nextPoll, &interval, &st.ItemsSeen, &st.Initialized,
			&st.RedirectURL, &st.RedirectSeen, &known); err != nil {
			rows.Close()
			return nil, err
		}
		st.LastPoll, st.LastSuccess, st.NextPoll = fromMicro(lastPoll), fromMicro(lastSuccess), fromMicro(nextPoll)
		st.Interval = time.Duration(interval)
		st.Known = backend.DecodeKnownItemsOrNone(known)
		states = append(states, st)
	}
	return states, closeRows(rows)
}

// Meta returns a stored value; ErrNotFound when the key was never set.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", notFound("meta " + key)
	}
	if err != nil {
		return "", fmt.Errorf("meta %s: %w", key, err)
	}
	return v, nil
}

// SetMeta stores a value under key, replacing the old one.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	if _, err := s.write.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("set meta %s: %w", key, err)
	}
	return nil
}

// Mutes returns the mutes in force at a time, by channel, then topic.
func (s *Store) Mutes(ctx context.Context, at time.Time) ([]model.Mute, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT channel, topic, until FROM mutes WHERE until > ? ORDER BY channel, topic`, at.UnixMicro())
	if err != nil {
		return nil, fmt.Errorf("mutes: %w", err)
	}
	var mutes []model.Mute
	for rows.Next() {
		var m model.Mute
		var until int64
		if err := rows.Scan(&m.Channel, &m.Topic, &until); err != nil {
			rows.Close()
			return nil, fmt.Errorf("mutes: %w", err)
		}
		m.Until = time.UnixMicro(until).UTC()
		mutes = append(mutes, m)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("mutes: %w", err)
	}
	return mutes, nil
}

// SetMute mutes a topic in a channel until m.Until; a zero Until ends it.
func (s *Store) SetMute(ctx context.Context, m model.Mute) error {
	var err error
	if m.Until.IsZero() {
		_, err = s.write.ExecContext(ctx, `DELETE FROM mutes WHERE channel = ? AND topic = ?`, m.Channel, m.Topic)
	} else {
		_, err = s.write.ExecContext(ctx, `INSERT INTO mutes (channel, topic, until) VALUES (?, ?, ?)
			ON CONFLICT (channel, topic) DO UPDATE SET until = excluded.until`, m.Channel, m.Topic, m.Until.UnixMicro())
	}
	if err != nil {
		return fmt.Errorf("set mute of %s in %s: %w", m.Topic, m.Channel, err)
	}
	return nil
}
