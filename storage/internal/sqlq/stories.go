package sqlq

import (
	"context"
	"fmt"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

const storyColumns = `s.id, s.title, s.link, s.first_seen, s.updated, s.event_date, s.sources, s.topics, s.summary, s.severity, s.merged_into`

func (s Shared) stories(ctx context.Context, query string, args ...any) ([]model.Story, error) {
	return collect(ctx, s, query, args, func(r Rows) (model.Story, error) {
		var st model.Story
		firstSeen, getFirstSeen := s.D.ScanTime()
		updated, getUpdated := s.D.ScanTime()
		eventDate, getEventDate := s.D.ScanTime()
		topics, getTopics := s.D.ScanList()
		var sources, severity string
		if err := r.Scan(&st.ID, &st.Title, &st.Link, firstSeen, updated, eventDate, &sources, topics, &st.Summary, &severity, &st.MergedInto); err != nil {
			return st, err
		}
		st.FirstSeen, st.Updated, st.EventDate = getFirstSeen(), getUpdated(), getEventDate()
		st.Severity = model.Severity(severity)
		var err error
		if st.Sources, err = backend.DecodeSources(sources); err == nil {
			st.Topics, err = getTopics()
		}
		if err != nil {
			return st, fmt.Errorf("story %s: %w", st.ID, err)
		}
		return st, nil
	})
}

// Story returns one story; a merged story's ID leads to the story it
// became part of (MergeStories keeps that one hop).
func (s Shared) Story(ctx context.Context, id string) (model.Story, error) {
	stories, err := s.stories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = ?`, id)
	st, err := one(stories, err, "story "+id)
	if err != nil || st.MergedInto == "" {
		return st, err
	}
	stories, err = s.stories(ctx, `SELECT `+storyColumns+` FROM stories s WHERE s.id = ?`, st.MergedInto)
	return one(stories, err, "story "+st.MergedInto+", which story "+id+" became part of")
}

// Stories returns stories updated in [Since, Until), newest first, but
// not those merged into another; a zero
// Until is no bound here, so stories with a future time are not lost from
// the grouping window. A negative Limit returns them all.
func (s Shared) Stories(ctx context.Context, q storage.Query) ([]model.Story, error) {
	stories, err := s.storiesBy(ctx, "updated", q, q.Until)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	return stories, nil
}

// Timeline returns the stories whose event date lies in [Since, Until),
// Until defaulting to now, newest event first. Stories without an event
// date, and stories merged into another, never appear.
func (s Shared) Timeline(ctx context.Context, q storage.Query) ([]model.Story, error) {
	stories, err := s.storiesBy(ctx, "event_date", q, backend.Until(q, s.Now()))
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	return stories, nil
}

// storiesBy pages through stories by a time column, newest first, through
// story_topics when q names a topic; a zero until is no bound.
func (s Shared) storiesBy(ctx context.Context, column string, q storage.Query, until time.Time) ([]model.Story, error) {
	var w Where
	from, col, order := `stories s`, `s.`+column, `s.`+column+` DESC, s.id DESC`
	if q.Topic != "" {
		from = `story_topics t JOIN stories s ON s.id = t.story_id`
		col, order = `t.`+column, `t.`+column+` DESC, t.story_id DESC`
		w.Add(`t.topic = ?`, q.Topic)
	}
	w.Add(`s.merged_into = ''`) // a merged story is shown as the story it became part of
	if !q.Since.IsZero() {
		w.Add(col+` >= ?`, s.D.Time(q.Since))
	}
	if !until.IsZero() {
		w.Add(col+` < ?`, s.D.Time(until))
	}
	query := `SELECT ` + storyColumns + ` FROM ` + from + w.SQL() + ` ORDER BY ` + order
	return s.stories(ctx, query+w.Page(s.D, q), w.Args...)
}
