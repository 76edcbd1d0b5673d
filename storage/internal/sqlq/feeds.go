package sqlq

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

const feedStateColumns = `feed, url, etag, last_modified, body_hash, last_poll, last_success, last_error,
	failures, broken, next_poll, interval_ns, items_seen, initialized, redirect_url, redirect_seen, known_items`

func (s Shared) feedStates(ctx context.Context, query string, args ...any) ([]model.FeedState, error) {
	return collect(ctx, s, query, args, func(r Rows) (model.FeedState, error) {
		var st model.FeedState
		lastPoll, getLastPoll := s.D.ScanTime()
		lastSuccess, getLastSuccess := s.D.ScanTime()
		nextPoll, getNextPoll := s.D.ScanTime()
		var interval int64
		var known string
		err := r.Scan(&st.Feed, &st.URL, &st.ETag, &st.LastModified, &st.BodyHash, lastPoll, lastSuccess,
			&st.LastError, &st.Failures, &st.Broken, nextPoll, &interval, &st.ItemsSeen, &st.Initialized,
			&st.RedirectURL, &st.RedirectSeen, &known)
		st.LastPoll, st.LastSuccess, st.NextPoll = getLastPoll(), getLastSuccess(), getNextPoll()
		st.Interval = time.Duration(interval)
		st.Known = backend.DecodeKnownItemsOrNone(known)
		return st, err
	})
}

// FeedState returns a feed's polling state; ErrNotFound for a new feed.
func (s Shared) FeedState(ctx context.Context, feed string) (model.FeedState, error) {
	states, err := s.feedStates(ctx, `SELECT `+feedStateColumns+` FROM feed_states WHERE feed = ?`, feed)
	return one(states, err, "feed state "+feed)
}

// FeedStates returns every feed's state, by name.
func (s Shared) FeedStates(ctx context.Context) ([]model.FeedState, error) {
	states, err := s.feedStates(ctx, `SELECT `+feedStateColumns+` FROM feed_states ORDER BY feed`)
	if err != nil {
		return nil, fmt.Errorf("feed states: %w", err)
	}
	return states, nil
}

// SaveFeedState stores a feed's polling state, replacing the old one.
func (s Shared) SaveFeedState(ctx context.Context, st model.FeedState) error {
	if st.Feed == "" {
		return errors.New("save feed state: empty feed name")
	}
	return s.exec(ctx, "save feed state "+st.Feed, false, `INSERT INTO feed_states (`+feedStateColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (feed) DO UPDATE SET url = excluded.url, etag = excluded.etag,
			last_modified = excluded.last_modified, body_hash = excluded.body_hash,
			last_poll = excluded.last_poll, last_success = excluded.last_success,
			last_error = excluded.last_error, failures = excluded.failures, broken = excluded.broken,
			next_poll = excluded.next_poll, interval_ns = excluded.interval_ns,
			items_seen = excluded.items_seen, initialized = excluded.initialized,
			redirect_url = excluded.redirect_url, redirect_seen = excluded.redirect_seen,
			known_items = excluded.known_items`,
		st.Feed, st.URL, st.ETag, st.LastModified, st.BodyHash, s.D.Time(st.LastPoll), s.D.Time(st.LastSuccess),
		st.LastError, st.Failures, st.Broken, s.D.Time(st.NextPoll), int64(st.Interval), st.ItemsSeen,
		st.Initialized, st.RedirectURL, st.RedirectSeen, backend.EncodeKnownItems(st.Known))
}

// Meta returns a stored value; ErrNotFound when the key was never set.
func (s Shared) Meta(ctx context.Context, key string) (string, error) {
	values, err := collect(ctx, s, `SELECT value FROM meta WHERE key = ?`, []any{key}, func(r Rows) (string, error) {
		var v string
		return v, r.Scan(&v)
	})
	return one(values, err, "meta "+key)
}

// SetMeta stores a value under key, replacing the old one.
func (s Shared) SetMeta(ctx context.Context, key, value string) error {
	return s.exec(ctx, "set meta "+key, false, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
}

// MoveMeta sets m.Key to m.New in tx when it holds m.Old, and reports
// whether it did. A concurrent move of the same key waits for the row and
// then finds it changed (PostgreSQL re-reads an updated row's WHERE under
// read committed; SQLite has one writer).
func MoveMeta(ctx context.Context, d Dialect, tx Execer, m storage.MetaMove) (bool, error) {
	n, err := tx.Exec(ctx, Rebind(d, `UPDATE meta SET value = ? WHERE key = ? AND value = ?`), m.New, m.Key, m.Old)
	if err != nil {
		return false, fmt.Errorf("move meta %s: %w", m.Key, err)
	}
	return n == 1, nil
}

// Mutes returns the mutes in force at a time, by channel, then topic.
func (s Shared) Mutes(ctx context.Context, at time.Time) ([]model.Mute, error) {
	mutes, err := collect(ctx, s, `SELECT channel, topic, until FROM mutes WHERE until > ? ORDER BY channel, topic`,
		[]any{s.D.Time(at)}, func(r Rows) (model.Mute, error) {
			var m model.Mute
			until, get := s.D.ScanTime()
			err := r.Scan(&m.Channel, &m.Topic, until)
			m.Until = get()
			return m, err
		})
	if err != nil {
		return nil, fmt.Errorf("mutes: %w", err)
	}
	return mutes, nil
}

// SetMute mutes a topic in a channel until m.Until; a zero Until ends it.
func (s Shared) SetMute(ctx context.Context, m model.Mute) error {
	what := fmt.Sprintf("set mute of %s in %s", m.Topic, m.Channel)
	if m.Until.IsZero() {
		return s.exec(ctx, what, false, `DELETE FROM mutes WHERE channel = ? AND topic = ?`, m.Channel, m.Topic)
	}
	return s.exec(ctx, what, false, `INSERT INTO mutes (channel, topic, until) VALUES (?, ?, ?)
		ON CONFLICT (channel, topic) DO UPDATE SET until = excluded.until`, m.Channel, m.Topic, s.D.Time(m.Until))
}
