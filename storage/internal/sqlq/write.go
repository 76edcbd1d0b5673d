package sqlq

import (
	"context"
	"errors"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

// KnownKeys reports which keys are stored; the map holds only stored keys.
// The keys are one argument (Dialect.In), so their number is no concern
// of the database's limit on arguments.
func (s Shared) KnownKeys(ctx context.Context, keys []string) (map[string]bool, error) {
	known := make(map[string]bool)
	if len(keys) == 0 {
		return known, nil
	}
	stored, err := collect(ctx, s, `SELECT key FROM items WHERE key `+s.D.In(),
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
		{`DELETE FROM story_topics WHERE story_id = ? AND NOT (topic ` + d.In() + `)`, []any{st.ID, topics}},
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

// ItemInsertColumns are the items columns both backends write for a new
// item, in the order of ItemArgs; each backend's insert adds its search
// entry.
const ItemInsertColumns = `key, feed, guid, link, title, text, author, categories, lang, published, first_seen,
	summary, topics, story_id, event_date`

// ItemArgs are the values of ItemInsertColumns for an item.
func ItemArgs(d Dialect, item *model.Item) []any {
	return []any{item.Key, item.Feed, item.GUID, item.Link, item.Title, item.Text, item.Author,
		d.List(item.Categories), item.Lang, d.Time(item.Published), d.Time(item.FirstSeen),
		d.List(item.Summary), d.List(item.Topics), item.StoryID, d.Time(item.EventDate)}
}

// InsertItem adds one item with its topics and search entry in a
// backend's transaction and returns its id, or 0 when its key is already
// stored (also by another replica at the same moment): the one write of
// an item that differs between the backends, since their search indexes
// do.
type InsertItem func(item *model.Item) (int64, error)

// SaveBatch writes a checked batch (backend.CheckBatch) in a backend's
// transaction tx and returns each item's id, 0 for one whose key is
// already stored: that item's story state and posts are skipped. A story
// several saved items joined is written once, as the last of them left it
// (each item's story is the whole story as it then was); then the stories
// an item's story absorbed are merged into it, and the posts are added in
// batch order, each item's with its decision record.
func SaveBatch(ctx context.Context, d Dialect, tx Execer, batch []storage.ItemWrite, insert InsertItem) ([]int64, error) {
	ids := make([]int64, len(batch))
	saved := make([]bool, len(batch))
	for i, w := range batch {
		var err error
		if ids[i], err = insert(w.Item); err != nil {
			return nil, fmt.Errorf("save item %s: %w", w.Item.Key, err)
		}
		saved[i] = ids[i] != 0
	}
	stories, err := backend.LastStoryWrites(batch, saved)
	if err != nil {
		return nil, err
	}
	for _, i := range stories {
		if err := UpsertStory(ctx, d, tx, batch[i].Story); err != nil {
			return nil, fmt.Errorf("save item %s: %w", batch[i].Item.Key, err)
		}
	}
	for i, w := range batch {
		if !saved[i] || w.Story == nil {
			continue
		}
		for _, from := range w.Merged {
			if err := MergeStories(ctx, d, tx, from, w.Story.ID); err != nil {
				return nil, fmt.Errorf("save item %s: %w", w.Item.Key, err)
			}
		}
	}
	for i, w := range batch {
		if !saved[i] {
			continue
		}
		if err := InsertPosts(ctx, d, tx, w.Posts); err != nil {
			return nil, fmt.Errorf("save item %s: %w", w.Item.Key, err)
		}
		if err := InsertDecision(ctx, d, tx, w.Item.Key, w.Decision); err != nil {
			return nil, fmt.Errorf("save item %s: %w", w.Item.Key, err)
		}
	}
	return ids, nil
}

// Saved sets the ID of each item of batch that SaveBatch stored, once its
// transaction committed, and reports which were.
func Saved(batch []storage.ItemWrite, ids []int64) []bool {
	saved := make([]bool, len(batch))
	for i, w := range batch {
		if ids[i] != 0 {
			w.Item.ID, saved[i] = ids[i], true
		}
	}
	return saved
}

// Reindex replaces, in a backend's transaction, a stored item's text,
// summary and topics columns and its search entry (built from the stored
// title, which stays) from item, and returns the item's id; ErrNotFound
// when no item has item.Key. Its search index is the backend's.
type Reindex func(item *model.Item) (int64, error)

// SaveFullText records in a backend's transaction what an item's article
// page added (storage.Items.SaveFullText): reindex rewrites the item, then
// its topic rows, its story's summary and severity, the revised posts and
// the new posts are written here.
func SaveFullText(ctx context.Context, d Dialect, tx Execer, item model.Item, story *model.Story, revised, posts []model.Post, reindex Reindex) error {
	id, err := reindex(&item)
	if err != nil {
		return err
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`DELETE FROM item_topics WHERE item_id = ?`, []any{id}},
		{`INSERT INTO item_topics (item_id, topic, published)
			SELECT i.id, value, i.published FROM items i, ` + d.Each() + ` WHERE i.id = ?`,
			[]any{d.List(backend.UniqueTopics(item.Topics)), id}},
	} {
		if _, err := tx.Exec(ctx, Rebind(d, q.sql), q.args...); err != nil {
			return fmt.Errorf("topics: %w", err)
		}
	}
	if story != nil {
		if _, err := tx.Exec(ctx, Rebind(d, `UPDATE stories SET summary = ?, severity = ? WHERE id = ?`),
			story.Summary, string(story.Severity), story.ID); err != nil {
			return fmt.Errorf("story: %w", err)
		}
	}
	if err := RevisePosts(ctx, d, tx, revised); err != nil {
		return err
	}
	return InsertPosts(ctx, d, tx, posts)
}
