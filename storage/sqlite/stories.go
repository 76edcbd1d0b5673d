package sqlite

import (
	"context"
	"errors"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

// upsertStory inserts a story or replaces the title, updated time, event
// date, sources, topics, summary and severity of a stored one; its link and first-seen time
// stay those of its first item.
func upsertStory(ctx context.Context, tx execer, st *model.Story) error {
	if st.ID == "" {
		return errors.New("story without id")
	}
	sources, err := backend.EncodeSources(st.Sources)
	if err != nil {
		return fmt.Errorf("story %s: %w", st.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, link, first_seen, updated, event_date, sources, topics, summary, severity)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated = excluded.updated,
			event_date = excluded.event_date, sources = excluded.sources, topics = excluded.topics,
			summary = excluded.summary, severity = excluded.severity`,
		st.ID, st.Title, st.Link, micro(st.FirstSeen), micro(st.Updated), micro(st.EventDate),
		sources, backend.EncodeList(st.Topics), st.Summary, string(st.Severity)); err != nil {
		return fmt.Errorf("upsert story %s: %w", st.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_topics WHERE story_id = ?`, st.ID); err != nil {
		return fmt.Errorf("story %s topics: %w", st.ID, err)
	}
	for _, t := range backend.UniqueTopics(st.Topics) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_topics (story_id, topic, event_date, updated) VALUES (?, ?, ?, ?)`,
			st.ID, t, micro(st.EventDate), micro(st.Updated)); err != nil {
			return fmt.Errorf("story %s topics: %w", st.ID, err)
		}
	}
	return nil
}
