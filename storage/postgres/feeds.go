package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

const feedStateColumns = `feed, url, etag, last_modified, body_hash, last_poll, last_success, last_error,
	failures, broken, next_poll, interval_ns, items_seen, initialized, redirect_url, redirect_seen, known_items`

// FeedState returns a feed's polling state; ErrNotFound for a new feed.
func (s *Store) FeedState(ctx context.Context, feed string) (model.FeedState, error) {
	states, err := s.queryFeedStates(ctx, `SELECT `+feedStateColumns+` FROM feed_states WHERE feed = $1`, feed)
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
	if _, err := s.pool.Exec(ctx, `INSERT INTO feed_states (`+feedStateColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		ON CONFLICT (feed) DO UPDATE SET url = excluded.url, etag = excluded.etag,
			last_modified = excluded.last_modified, body_hash = excluded.body_hash,
			last_poll = excluded.last_poll, last_success = excluded.last_success,
			last_error = excluded.last_error, failures = excluded.failures, broken = excluded.broken,
			next_poll = excluded.next_poll, interval_ns = excluded.interval_ns,
			items_seen = excluded.items_seen, initialized = excluded.initialized,
			redirect_url = excluded.redirect_url, redirect_seen = excluded.redirect_seen,
			known_items = excluded.known_items`,
		st.Feed, st.URL, st.ETag, st.LastModified, st.BodyHash, ts(st.LastPoll), ts(st.LastSuccess),
		st.LastError, st.Failures, st.Broken, ts(st.NextPoll), int64(st.Interval), st.ItemsSeen,
		st.Initialized, st.RedirectURL, st.RedirectSeen, backend.EncodeKnownItems(st.Known)); err != nil {
		return fmt.Errorf("save feed state %s: %w", st.Feed, err)
	}
	return nil
}

// FeedStates returns every feed's state, by name.
func (s *Store) FeedStates(ctx context.Context) ([]model.FeedState, error) {
	states, err := s.queryFeedStates(ctx, `SELECT `+feedStateColumns+` FROM feed_states ORDER BY feed`)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	return states, nil
}

func (s *Store) queryFeedStates(ctx context.Context, query string, args ...any) ([]model.FeedState, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.FeedState, error) {
		var st model.FeedState
		var lastPoll, lastSuccess, nextPoll *time.Time
		var interval int64
		var known string
		err := row.Scan(&st.Feed, &st.URL, &st.ETag, &st.LastModified, &st.BodyHash, &lastPoll, &lastSuccess,
			&st.LastError, &st.Failures, &st.Broken, &nextPoll, &interval, &st.ItemsSeen, &st.Initialized,
			&st.RedirectURL, &st.RedirectSeen, &known)
		st.LastPoll, st.LastSuccess, st.NextPoll = fromTS(lastPoll), fromTS(lastSuccess), fromTS(nextPoll)
		st.Interval = time.Duration(interval)
		st.Known = backend.DecodeKnownItemsOrNone(known)
		return st, err
	})
}

// Meta returns a stored value; ErrNotFound when the key was never set.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.pool.QueryRow(ctx, `SELECT value FROM meta WHERE key = $1`, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", notFound("meta " + key)
	}
	if err != nil {
		return "", fmt.Errorf("meta %s: %w", key, err)
	}
	return v, nil
}

// SetMeta stores a value under key, replacing the old one.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	if _, err := s.pool.Exec(ctx, `INSERT INTO meta (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("set meta %s: %w", key, err)
	}
	return nil
}

// Mutes returns the mutes in force at a time, by channel, then topic.
func (s *Store) Mutes(ctx context.Context, at time.Time) ([]model.Mute, error) {
	rows, err := s.pool.Query(ctx, `SELECT channel, topic, until FROM mutes WHERE until > $1 ORDER BY channel, topic`, ts(at))
	if err != nil {
		return nil, fmt.Errorf("mutes: %w", err)
	}
	mutes, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.Mute, error) {
		var m model.Mute
		err := row.Scan(&m.Channel, &m.Topic, &m.Until)
		m.Until = m.Until.UTC()
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("mutes: %w", err)
	}
	return mutes, nil
}

// SetMute mutes a topic in a channel until m.Until; a zero Until ends it.
func (s *Store) SetMute(ctx context.Context, m model.Mute) error {
	var err error
	if m.Until.IsZero() {
		_, err = s.pool.Exec(ctx, `DELETE FROM mutes WHERE channel = $1 AND topic = $2`, m.Channel, m.Topic)
	} else {
		_, err = s.pool.Exec(ctx, `INSERT INTO mutes (channel, topic, until) VALUES ($1, $2, $3)
			ON CONFLICT (channel, topic) DO UPDATE SET until = excluded.until`, m.Channel, m.Topic, ts(m.Until))
	}
	if err != nil {
		return fmt.Errorf("set mute of %s in %s: %w", m.Topic, m.Channel, err)
	}
	return nil
}
