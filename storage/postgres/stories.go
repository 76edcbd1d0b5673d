package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

// upsertStorySQL keeps the link and first-seen time of the first item.
const upsertStorySQL = `INSERT INTO stories (id, title, link, first_seen, updated, event_date, sources, topics, summary, severity)
	VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
	ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated = excluded.updated,
		event_date = excluded.event_date, sources = excluded.sources, topics = excluded.topics,
		summary = excluded.summary, severity = excluded.severity`

// storyTopicsSQL makes a story's topic rows match its topics: the two
// parts touch disjoint rows, so one statement can do both.
const storyTopicsSQL = `WITH stale AS (
		DELETE FROM story_topics WHERE story_id = $1 AND NOT (topic = ANY($2::text[])))
	INSERT INTO story_topics (story_id, topic, event_date, updated)
	SELECT $1, topic, $3, $4 FROM unnest($2::text[]) AS topic
	ON CONFLICT (story_id, topic) DO UPDATE SET event_date = excluded.event_date, updated = excluded.updated`

// upsertStory inserts a story or replaces the title, updated time, event
// date, sources, topics, summary and severity of a stored one; its link and first-seen time
// stay those of its first item. The upsert locks the story row, so
// replicas replacing its topics at once take turns.
func upsertStory(ctx context.Context, tx pgx.Tx, st *model.Story) error {
	if st.ID == "" {
		return errors.New("story without id")
	}
	sources, err := backend.EncodeSources(st.Sources)
	if err != nil {
		return fmt.Errorf("story %s: %w", st.ID, err)
	}
	if _, err := tx.Exec(ctx, upsertStorySQL, st.ID, st.Title, st.Link, ts(st.FirstSeen), ts(st.Updated),
		ts(st.EventDate), sources, list(st.Topics), st.Summary, string(st.Severity)); err != nil {
		return fmt.Errorf("upsert story %s: %w", st.ID, err)
	}
	if _, err := tx.Exec(ctx, storyTopicsSQL, st.ID, backend.UniqueTopics(st.Topics), ts(st.EventDate), ts(st.Updated)); err != nil {
		return fmt.Errorf("story %s topics: %w", st.ID, err)
	}
	return nil
}
