package sqlite

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
	"wirewatch/storage/internal/searchquery"
	"wirewatch/storage/internal/sqlq"
)

// SaveItem stores a new item, upserts its story and adds its posts in one
// transaction; it returns false and writes nothing when the key is stored.
func (s *Store) SaveItem(ctx context.Context, item *model.Item, story *model.Story, posts []model.Post) (bool, error) {
	saved, err := s.SaveItems(ctx, []storage.ItemWrite{{Item: item, Story: story, Posts: posts}})
	return err == nil && saved[0], err
}

// SaveItems stores a batch of new items with their stories and posts in one
// transaction (sqlq.SaveBatch). An item whose key is stored is skipped with
// its story state and posts.
func (s *Store) SaveItems(ctx context.Context, batch []storage.ItemWrite) ([]bool, error) {
	if err := backend.CheckBatch(batch, s.now().UTC()); err != nil {
		return nil, err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("save items: %w", err)
	}
	defer tx.Rollback()
	ex := newStmtCache(tx)
	ids, err := sqlq.SaveBatch(ctx, dialect{}, execAdapter{ex}, batch, func(item *model.Item) (int64, error) {
		return insertItem(ctx, ex, item)
	})
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("save items: %w", err)
	}
	return sqlq.Saved(batch, ids), nil
}

// insertItemSQL adds an item unless its key is stored.
var insertItemSQL = `INSERT INTO items (` + sqlq.ItemInsertColumns + `)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`

// insertItem adds the item, its topics and its full-text entry; it returns
// id 0 when the key is already stored.
func insertItem(ctx context.Context, tx execer, item *model.Item) (int64, error) {
	res, err := tx.ExecContext(ctx, insertItemSQL, sqlq.ItemArgs(dialect{}, item)...)
	if err != nil {
		return 0, fmt.Errorf("insert item %s: %w", item.Key, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("insert item %s: %w", item.Key, err)
	}
	if err := indexItem(ctx, tx, id, item); err != nil {
		return 0, err
	}
	return id, nil
}

// indexItem writes an item's topics and full-text entry.
func indexItem(ctx context.Context, tx execer, id int64, item *model.Item) error {
	topics := backend.UniqueTopics(item.Topics)
	for _, t := range topics {
		if _, err := tx.ExecContext(ctx, `INSERT INTO item_topics (item_id, topic, published) VALUES (?, ?, ?)`,
			id, t, micro(item.Published)); err != nil {
			return fmt.Errorf("insert item %s topic: %w", item.Key, err)
		}
	}
	return indexText(ctx, tx, id, item.Title, item.Summary, item.Text, topics)
}

// indexText writes an item's full-text entry.
func indexText(ctx context.Context, tx execer, id int64, title string, summaryLines []string, text string, topics []string) error {
	summary := strings.Join(summaryLines, "\n")
	stems := searchquery.Stems(title + "\n" + summary + "\n" + text)
	tokens := make([]string, len(topics))
	for i, t := range topics {
		tokens[i] = topicToken(t)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO items_fts (rowid, title, summary, text, stems, topics)
		VALUES (?, ?, ?, ?, ?, ?)`, id, title, summary, text, stems, strings.Join(tokens, " ")); err != nil {
		return fmt.Errorf("index item %d: %w", id, err)
	}
	return nil
}

// reindexSearch fills a new, empty items_fts from the items, a batch at a
// time, for a migration that rebuilds the table.
func reindexSearch(ctx context.Context, tx *sql.Tx) error {
	type row struct {
		id                          int64
		title, summary, text, topic string
	}
	const batch = 1000
	for after := int64(-1 << 62); ; {
		rows, err := tx.QueryContext(ctx, `SELECT id, title, summary, text, topics FROM items WHERE id > ? ORDER BY id LIMIT ?`, after, batch)
		if err != nil {
			return fmt.Errorf("reindex search: %w", err)
		}
		var got []row
		for rows.Next() {
			var r row
			if err := rows.Scan(&r.id, &r.title, &r.summary, &r.text, &r.topic); err != nil {
				rows.Close()
				return fmt.Errorf("reindex search: %w", err)
			}
			got = append(got, r)
		}
		if err := closeRows(rows); err != nil {
			return fmt.Errorf("reindex search: %w", err)
		}
		for _, r := range got {
			summary, err := backend.DecodeList(r.summary)
			if err != nil {
				return fmt.Errorf("reindex search: item %d summary: %w", r.id, err)
			}
			topics, err := backend.DecodeList(r.topic)
			if err != nil {
				return fmt.Errorf("reindex search: item %d topics: %w", r.id, err)
			}
			if err := indexText(ctx, tx, r.id, r.title, summary, r.text, backend.UniqueTopics(topics)); err != nil {
				return fmt.Errorf("reindex search: %w", err)
			}
		}
		if len(got) < batch {
			return nil
		}
		after = got[len(got)-1].id
	}
}

// SaveFullText replaces a stored item's text, summary and topics (and its
// search entry), its story's summary and severity, revises posts' content
// and adds posts, in one transaction.
func (s *Store) SaveFullText(ctx context.Context, item model.Item, story *model.Story, revised []model.Post, posts []model.Post) error {
	if err := backend.CheckItem(&item, nil); err != nil {
		return fmt.Errorf("save full text: %w", err)
	}
	if err := backend.PreparePosts(posts, s.now().UTC()); err != nil {
		return fmt.Errorf("save full text of %s: %w", item.Key, err)
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save full text of %s: %w", item.Key, err)
	}
	defer tx.Rollback()
	err = sqlq.SaveFullText(ctx, dialect{}, sqlTx{tx}, item, story, revised, posts, func(item *model.Item) (int64, error) {
		return reindexItem(ctx, tx, item)
	})
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		return fmt.Errorf("save full text of %s: %w", item.Key, err)
	}
	return nil
}

// reindexItem replaces a stored item's text, summary and topics and its
// full-text entry, whose title stays the stored one.
func reindexItem(ctx context.Context, tx *sql.Tx, item *model.Item) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `UPDATE items SET text = ?, summary = ?, topics = ? WHERE key = ? RETURNING id, title`,
		item.Text, backend.EncodeList(item.Summary), backend.EncodeList(item.Topics), item.Key).Scan(&id, &item.Title)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound("item " + item.Key)
	}
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid = ?`, id); err != nil {
		return 0, err
	}
	return id, indexText(ctx, tx, id, item.Title, item.Summary, item.Text, backend.UniqueTopics(item.Topics))
}

// Search runs a full-text query over titles, summaries and text. Of the
// newest sqlq.SearchCandidates matches it returns first those whose title holds
// the searched words, then those whose summary does, then the rest, newest
// first within each rank. (bm25 is not used: FTS5 computes its document
// frequencies by scanning each term's whole posting list, which takes
// ~100 ms for a common word at a million items.) Since and Until bound
// the publication time when set; a zero Until is no bound here. Text that
// holds no searchable word yields no items and no error.
func (s *Store) Search(ctx context.Context, text string, q storage.Query) ([]model.Item, error) {
	parsed, ok, err := sqlq.ParseSearch(text)
	if !ok {
		return nil, err
	}
	match := parsed.FTS5()
	if q.Topic != "" {
		match = `{topics} : "` + topicToken(q.Topic) + `" AND (` + match + `)`
	}
	var w sqlq.Where
	w.Add(`items_fts MATCH ?`, match)
	join := ""
	if q.Feed != "" || !q.Since.IsZero() || !q.Until.IsZero() {
		join = ` JOIN items f ON f.id = items_fts.rowid`
	}
	sqlq.SearchFilter(&w, dialect{}, "f", q)
	w.Args = append(w.Args, sqlq.SearchCandidates, parsed.FTS5Column("title"), parsed.FTS5Column("summary"))
	// The title and summary lookups only walk the candidates' id range.
	page := w.Page(dialect{}, q)
	items, err := s.Items(ctx, `WITH
		c AS (SELECT items_fts.rowid AS id FROM items_fts`+join+w.SQL()+`
			ORDER BY items_fts.rowid DESC LIMIT ?),
		lo AS (SELECT MIN(id) AS id FROM c),
		t AS (SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ? AND rowid >= (SELECT id FROM lo)),
		s AS (SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ? AND rowid >= (SELECT id FROM lo)),
		r AS (SELECT id, (id IN t) * 2 + (id IN s) AS score FROM c ORDER BY score DESC, id DESC`+page+`)
		SELECT `+sqlq.ItemColumns+` FROM r JOIN items i ON i.id = r.id
		ORDER BY r.score DESC, r.id DESC`, w.Args...)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	return items, nil
}

// topicToken is how a topic is indexed for search: one token the
// tokenizer keeps whole, whatever the topic name holds.
func topicToken(topic string) string {
	return "t" + hex.EncodeToString([]byte(topic))
}

// closeRows closes rows and reports any error iterating them.
func closeRows(rows *sql.Rows) error {
	return errors.Join(rows.Err(), rows.Close())
}
