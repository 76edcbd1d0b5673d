package sqlq

import (
	"context"
	"errors"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

// KnownKeys reports which keys are stored; the map holds only stored keys.
// The keys are one argument (Dialect.Each), so their number is no concern
// of the database's limit on arguments.
func (s Shared) KnownKeys(ctx context.Context, keys []string) (map[string]bool, error) {
	known := make(map[string]bool)
	if len(keys) == 0 {
		return known, nil
	}
	stored, err := collect(ctx, s, `SELECT key FROM items WHERE key IN (SELECT value FROM `+s.D.Each()+`)`,
		[]any{s.D.List(keys)}, func(r Rows) (string, error) {
			var k string
			return k, r.Scan(&k)
		})
	if err != nil {
		return nil, fmt.Errorf("known keys: %w", err)
	}
	for _, k := range stored {
		known[k] = true
	}
	return known, nil
}

// upsertStory keeps the link and first-seen time of the story's first item.
const upsertStory = `INSERT INTO stories (id, title, link, first_seen, updated, event_date, sources, topics, summary, severity)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated = excluded.updated,
		event_date = excluded.event_date, sources = excluded.sources, topics = excluded.topics,
		summary = excluded.summary, severity = excluded.severity`

// UpsertStory inserts a story or replaces the title, updated time, event
// date, sources, topics, summary and severity of a stored one, in a
// backend's transaction; its link and first-seen time stay those of its
// first item. Its topic rows are made to match its topics. On PostgreSQL
// the upsert locks the story row, so replicas replacing its topics at once
// take turns.
func UpsertStory(ctx context.Context, d Dialect, tx Execer, st *model.Story) error {
	if st.ID == "" {
		return errors.New("story without id")
	}
	sources, err := backend.EncodeSources(st.Sources)
	if err != nil {
		return fmt.Errorf("story %s: %w", st.ID, err)
	}
	if _, err := tx.Exec(ctx, Rebind(d, upsertStory), st.ID, st.Title, st.Link, d.Time(st.FirstSeen), d.Time(st.Updated),
		d.Time(st.EventDate), sources, d.List(st.Topics), st.Summary, string(st.Severity)); err != nil {
		return fmt.Errorf("upsert story %s: %w", st.ID, err)
	}
	topics := d.List(backend.UniqueTopics(st.Topics))
	// WHERE true: SQLite needs it to tell an upsert's ON from a join's.
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`DELETE FROM story_topics WHERE story_id = ? AND topic NOT IN (SELECT value FROM ` + d.Each() + `)`, []any{st.ID, topics}},
		{`INSERT INTO story_topics (story_id, topic, event_date, updated)
			SELECT ?, value, ?, ? FROM ` + d.Each() + ` WHERE true
			ON CONFLICT (story_id, topic) DO UPDATE SET event_date = excluded.event_date, updated = excluded.updated`,
			[]any{st.ID, d.Time(st.EventDate), d.Time(st.Updated), topics}},
	} {
		if _, err := tx.Exec(ctx, Rebind(d, q.sql), q.args...); err != nil {
			return fmt.Errorf("story %s topics: %w", st.ID, err)
		}
	}
	return nil
}
