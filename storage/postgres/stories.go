package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

const storyColumns = `s.id, s.title, s.link, s.first_seen, s.updated, s.event_date, s.sources, s.topics`

// upsertStorySQL keeps the link and first-seen time of the first item.
const upsertStorySQL = `INSERT INTO stories (id, title, link, first_seen, updated, event_date, sources, topics)
	VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
	ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated = excluded.updated,
		event_date = excluded.event_date, sources = excluded.sources, topics = excluded.topics`

// storyTopicsSQL makes a story's topic rows match its topics: the two
// parts touch disjoint rows, so one statement can do both.
const storyTopicsSQL = `WITH stale AS (
		DELETE FROM story_topics WHERE story_id = $1 AND NOT (topic = ANY($2::text[])))
	INSERT INTO story_topics (story_id, topic, event_date, updated)
	SELECT $1, topic, $3, $4 FROM unnest($2::text[]) AS topic
	ON CONFLICT (story_id, topic) DO UPDATE SET event_date = excluded.event_date, updated = excluded.updated`

// upsertStory inserts a story or replaces the title, updated time, event
// date, sources and topics of a stored one; its link and first-seen time
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
		ts(st.EventDate), sources, list(st.Topics)); err != nil {
		return fmt.Errorf("upsert story %s: %w", st.ID, err)
	}
	if _, err := tx.Exec(ctx, storyTopicsSQL, st.ID, backend.UniqueTopics(st.Topics), ts(st.EventDate), ts(st.Updated)); err != nil {
		return fmt.Errorf("story %s topics: %w", st.ID, err)
	}
	return nil
}

// Story returns one story.
func (s *Store) Story(ctx context.Context, id string) (model.Story, error) {
	stories, err := s.queryStories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = $1`, id)
	if err != nil {
		return model.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	if len(stories) == 0 {
		return model.Story{}, notFound("story " + id)
	}
	return stories[0], nil
}

// Stories returns stories updated in [Since, Until), newest first; a zero
// Until is no bound here, so stories with a future time are not lost from
// the grouping window. A negative Limit returns them all.
func (s *Store) Stories(ctx context.Context, q storage.Query) ([]model.Story, error) {
	var w where
	from, col, order := `stories s`, `s.updated`, `s.updated DESC, s.id DESC`
	if q.Topic != "" {
		from = `story_topics t JOIN stories s ON s.id = t.story_id`
		col, order = `t.updated`, `t.updated DESC, t.story_id DESC`
		w.add(`t.topic = ?`, q.Topic)
	}
	if !q.Since.IsZero() {
		w.add(col+` >= ?`, q.Since)
	}
	if !q.Until.IsZero() {
		w.add(col+` < ?`, q.Until)
	}
	query := `SELECT ` + storyColumns + ` FROM ` + from + w.sql() + ` ORDER BY ` + order
	stories, err := s.queryStories(ctx, query+w.page(q), w.args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return stories, nil
}

// Timeline returns the stories whose event date lies in [Since, Until),
// Until defaulting to now, newest event first. Stories without an event
// date never appear.
func (s *Store) Timeline(ctx context.Context, q storage.Query) ([]model.Story, error) {
	until := backend.Until(q, s.now())
	var w where
	from, col, order := `stories s`, `s.event_date`, `s.event_date DESC, s.id DESC`
	if q.Topic != "" {
		from = `story_topics t JOIN stories s ON s.id = t.story_id`
		col, order = `t.event_date`, `t.event_date DESC, t.story_id DESC`
		w.add(`t.topic = ?`, q.Topic)
	}
	if !q.Since.IsZero() {
		w.add(col+` >= ?`, q.Since)
	}
	w.add(col+` < ?`, until)
	query := `SELECT ` + storyColumns + ` FROM ` + from + w.sql() + ` ORDER BY ` + order
	stories, err := s.queryStories(ctx, query+w.page(q), w.args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return stories, nil
}

func (s *Store) queryStories(ctx context.Context, query string, args ...any) ([]model.Story, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (model.Story, error) {
		var st model.Story
		var firstSeen, updated, eventDate *time.Time
		var sources string
		if err := row.Scan(&st.ID, &st.Title, &st.Link, &firstSeen, &updated, &eventDate, &sources, &st.Topics); err != nil {
			return st, err
		}
		st.FirstSeen, st.Updated, st.EventDate = fromTS(firstSeen), fromTS(updated), fromTS(eventDate)
		st.Topics = fromList(st.Topics)
		var err error
		st.Sources, err = backend.DecodeSources(sources)
		return st, err
	})
}
