package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

const storyColumns = `s.id, s.title, s.link, s.first_seen, s.updated, s.event_date, s.sources, s.topics`

// upsertStory inserts a story or replaces the title, updated time, event
// date, sources and topics of a stored one; its link and first-seen time
// stay those of its first item.
func upsertStory(ctx context.Context, tx *sql.Tx, st *model.Story) error {
	if st.ID == "" {
		return errors.New("story without id")
	}
	sources, err := backend.EncodeSources(st.Sources)
	if err != nil {
		return fmt.Errorf("story %s: %w", st.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, title, link, first_seen, updated, event_date, sources, topics)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated = excluded.updated,
			event_date = excluded.event_date, sources = excluded.sources, topics = excluded.topics`,
		st.ID, st.Title, st.Link, micro(st.FirstSeen), micro(st.Updated), micro(st.EventDate),
		sources, backend.EncodeList(st.Topics)); err != nil {
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

// Story returns one story.
func (s *Store) Story(ctx context.Context, id string) (model.Story, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = ?`, id)
	if err != nil {
		return model.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	stories, err := scanStories(rows)
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
		w.add(col+` >= ?`, q.Since.UnixMicro())
	}
	if !q.Until.IsZero() {
		w.add(col+` < ?`, q.Until.UnixMicro())
	}
	return s.queryStories(ctx, "stories", `SELECT `+storyColumns+` FROM `+from+w.sql()+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, w.page(q))
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
		w.add(col+` >= ?`, q.Since.UnixMicro())
	}
	w.add(col+` < ?`, until.UnixMicro())
	return s.queryStories(ctx, "timeline", `SELECT `+storyColumns+` FROM `+from+w.sql()+
		` ORDER BY `+order+` LIMIT ? OFFSET ?`, w.page(q))
}

func (s *Store) queryStories(ctx context.Context, what, query string, args []any) ([]model.Story, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	stories, err := scanStories(rows)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return stories, nil
}

func scanStories(rows *sql.Rows) ([]model.Story, error) {
	var stories []model.Story
	for rows.Next() {
		var st model.Story
		var firstSeen, updated, eventDate sql.NullInt64
		var sources, topics string
		if err := rows.Scan(&st.ID, &st.Title, &st.Link, &firstSeen, &updated, &eventDate, &sources, &topics); err != nil {
			rows.Close()
			return nil, err
		}
		st.FirstSeen, st.Updated, st.EventDate = fromMicro(firstSeen), fromMicro(updated), fromMicro(eventDate)
		var err error
		if st.Sources, err = backend.DecodeSources(sources); err == nil {
			st.Topics, err = backend.DecodeList(topics)
		}
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("story %s: %w", st.ID, err)
		}
		stories = append(stories, st)
	}
	return stories, closeRows(rows)
}
