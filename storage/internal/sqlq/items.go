package sqlq

import (
	"context"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
)

// ItemColumns are the items columns, of the table aliased i, in the order
// ScanItem reads them.
const ItemColumns = `i.id, i.key, i.feed, i.guid, i.link, i.title, i.text, i.author, i.categories,
	i.lang, i.published, i.first_seen, i.summary, i.topics, i.story_id, i.event_date`

// ScanItem reads a row of ItemColumns.
func ScanItem(d Dialect, r Rows) (model.Item, error) {
	var it model.Item
	categories, getCategories := d.ScanList()
	summary, getSummary := d.ScanList()
	topics, getTopics := d.ScanList()
	published, getPublished := d.ScanTime()
	firstSeen, getFirstSeen := d.ScanTime()
	eventDate, getEventDate := d.ScanTime()
	if err := r.Scan(&it.ID, &it.Key, &it.Feed, &it.GUID, &it.Link, &it.Title, &it.Text, &it.Author,
		categories, &it.Lang, published, firstSeen, summary, topics, &it.StoryID, eventDate); err != nil {
		return it, err
	}
	it.Published, it.FirstSeen, it.EventDate = getPublished(), getFirstSeen(), getEventDate()
	var err error
	if it.Categories, err = getCategories(); err == nil {
		if it.Summary, err = getSummary(); err == nil {
			it.Topics, err = getTopics()
		}
	}
	if err != nil {
		return it, fmt.Errorf("item %d: %w", it.ID, err)
	}
	return it, nil
}

// Items runs a query of ItemColumns.
func (s Shared) Items(ctx context.Context, query string, args ...any) ([]model.Item, error) {
	return collect(ctx, s, query, args, func(r Rows) (model.Item, error) { return ScanItem(s.D, r) })
}

// ItemByLink returns the first stored item with the given canonical link.
func (s Shared) ItemByLink(ctx context.Context, link string) (model.Item, error) {
	items, err := s.Items(ctx, `SELECT `+ItemColumns+` FROM items i WHERE i.link = ? ORDER BY i.id LIMIT 1`, link)
	return one(items, err, "item by link "+link)
}

// Latest returns the newest items published in [Since, Until), Until
// defaulting to now, optionally of one topic and feed, newest first.
func (s Shared) Latest(ctx context.Context, q storage.Query) ([]model.Item, error) {
	var w Where
	from, col, order := `items i`, `i.published`, `i.published DESC, i.id DESC`
	if q.Topic != "" {
		// Walk the topic index in published order and join the items it names.
		from = `item_topics t JOIN items i ON i.id = t.item_id`
		col, order = `t.published`, `t.published DESC, t.item_id DESC`
		w.Add(`t.topic = ?`, q.Topic)
	}
	if q.Feed != "" {
		w.Add(`i.feed = ?`, q.Feed)
	}
	if !q.Since.IsZero() {
		w.Add(col+` >= ?`, s.D.Time(q.Since))
	}
	w.Add(col+` < ?`, s.D.Time(backend.Until(q, s.Now())))
	query := `SELECT ` + ItemColumns + ` FROM ` + from + w.SQL() + ` ORDER BY ` + order
	items, err := s.Items(ctx, query+w.Page(s.D, q), w.Args...)
	if err != nil {
		return nil, fmt.Errorf("latest: %w", err)
	}
	return items, nil
}
