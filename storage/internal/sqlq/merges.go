package sqlq

import (
	"context"
	"fmt"

	"wirewatch/model"
)

// MergeStories records in a backend's transaction that story from became
// part of story into: from (and any story merged into it before) points
// to into, from's items are into's, and from leaves the topic timelines.
// into is written by the caller (its sources already hold from's).
func MergeStories(ctx context.Context, d Dialect, tx Execer, from, into string) error {
	if from == "" || into == "" || from == into {
		return fmt.Errorf("merge story %q into %q: bad story ids", from, into)
	}
	for _, st := range []struct {
		query string
		args  []any
	}{
		{`UPDATE stories SET merged_into = ? WHERE id = ? OR (merged_into = ? AND merged_into <> '')`, []any{into, from, from}},
		{`UPDATE items SET story_id = ? WHERE story_id = ?`, []any{into, from}},
		{`DELETE FROM story_topics WHERE story_id = ?`, []any{from}},
	} {
		if _, err := tx.Exec(ctx, Rebind(d, st.query), st.args...); err != nil {
			return fmt.Errorf("merge story %s into %s: %w", from, into, err)
		}
	}
	return nil
}

// AlertsOfStory picks from the sendable alerts of a story and of the
// stories merged into it the one of each rule and channel later sources
// edit: the story's own, else the merged story's; the newest of those.
// A lookup of the stories merged into one also asks for a merged_into
// that is not empty: the index on merged_into is partial (merged stories
// are few), and a planner uses it for a bound id only when the query
// implies its condition. Without it each lookup read the whole stories
// table, once for each new story of a flood of thousands.
const AlertsOfStory = `SELECT ` + PostColumns + ` FROM (
	SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.rule, p.channel
		ORDER BY CASE WHEN p.story_id = ? THEN 0 ELSE 1 END, p.seq DESC) AS pick
	FROM posts p
	WHERE (p.story_id = ? OR p.story_id IN (SELECT m.id FROM stories m WHERE m.merged_into = ? AND m.merged_into <> ''))
		AND p.kind = 'alert' AND p.state IN ('pending', 'sent')) a
	WHERE a.pick = 1`

// StoryAlerts returns the alert of each rule and channel that a story's
// later sources edit (see AlertsOfStory), oldest first.
func (s Shared) StoryAlerts(ctx context.Context, storyID string) ([]model.Post, error) {
	posts, err := s.posts(ctx, AlertsOfStory+` ORDER BY seq`, storyID, storyID, storyID)
	if err != nil {
		return nil, fmt.Errorf("alerts of story %s: %w", storyID, err)
	}
	return posts, nil
}
